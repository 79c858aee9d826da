# Runs inside GIMP 3 (python-fu-eval) for tools/dialog-screenshots: opens one SMP procedure's
# dialog interactively on the synthetic head (scale and head outline from the environment).
import os

from gi.repository import Gimp, Gio

image = Gimp.file_load(Gimp.RunMode.NONINTERACTIVE, Gio.File.new_for_path(os.environ["SMP_SHOT_INPUT"]))
px_per_mm = float(os.environ["SMP_SHOT_PX_PER_MM"])
image.set_resolution(px_per_mm * 25.4, px_per_mm * 25.4)
x, y, w, h = (float(v) for v in os.environ["SMP_SHOT_HEAD"].split(","))
image.select_ellipse(Gimp.ChannelOps.REPLACE, x, y, w, h)

name = os.environ["SMP_SHOT_PROCEDURE"]
procedure = Gimp.get_pdb().lookup_procedure(name)
config = procedure.create_config()
config.set_property("run-mode", Gimp.RunMode.INTERACTIVE)
config.set_property("image", image)
if name == "plug-in-smp-simulate":
    config.set_property("preset", "norwood-4")
elif name == "plug-in-smp-design-hairline":
    config.set_property("view", "top")
    config.set_property("style", "mature")
elif name == "plug-in-smp-calibrate-scale":
    ruler = Gimp.Path.new(image, "ruler")
    image.insert_path(ruler, None, 0)
    ends = [x, y + h / 2, x + w, y + h / 2]
    ruler.stroke_new_from_points(Gimp.PathStrokeType.BEZIER, ends[:2] * 3 + ends[2:] * 3, False)
    image.set_selected_paths([ruler])
    config.set_property("length-mm", w / px_per_mm)
elif name == "plug-in-smp-before-after":
    simulate = Gimp.get_pdb().lookup_procedure("plug-in-smp-simulate").create_config()
    simulate.set_property("run-mode", Gimp.RunMode.NONINTERACTIVE)
    simulate.set_property("image", image)
    simulate.set_property("preset", "norwood-4")
    Gimp.get_pdb().lookup_procedure("plug-in-smp-simulate").run(simulate)
    Gimp.Selection.none(image)
    config.set_property("layout", "split-diagonal")
elif name == "plug-in-smp-camouflage-scar":
    config.set_core_object_array("drawables", image.get_layers())
print("dialog-screenshots: %s returned %s" % (name, procedure.run(config).index(0).value_nick))
