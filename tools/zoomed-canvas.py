# Runs inside GIMP 3 with its windows (tools/zoomed-canvas): Simulate SMP on the synthetic head
# (scale and head outline from the environment), the result shown in an image window for the
# tool to zoom and photograph.
import os

from gi.repository import Gimp, Gio

image = Gimp.file_load(Gimp.RunMode.NONINTERACTIVE, Gio.File.new_for_path(os.environ["SMP_SHOT_INPUT"]))
# Large enough that GIMP opens it zoomed out to fit, below 25%: nothing is drawn at 100% first.
grow = 4
image.scale(image.get_width() * grow, image.get_height() * grow)
px_per_mm = float(os.environ["SMP_SHOT_PX_PER_MM"]) * grow
image.set_resolution(px_per_mm * 25.4, px_per_mm * 25.4)
x, y, w, h = (float(v) * grow for v in os.environ["SMP_SHOT_HEAD"].split(","))
image.select_ellipse(Gimp.ChannelOps.REPLACE, x, y, w, h)
procedure = Gimp.get_pdb().lookup_procedure("plug-in-smp-simulate")
config = procedure.create_config()
config.set_property("run-mode", Gimp.RunMode.NONINTERACTIVE)
config.set_property("image", image)
config.set_property("preset", "norwood-6")
result = procedure.run(config).index(0).value_nick
Gimp.Selection.none(image)
image.clean_all()
display = Gimp.Display.new(image)
Gimp.displays_flush()
print("zoomed-canvas: Simulate SMP returned %s" % result)
