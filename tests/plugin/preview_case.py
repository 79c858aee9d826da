# Runs inside GIMP 3 (python-fu-eval): Simulate SMP on the test's photo (a 15 x 19 cm head seen
# from above at 10 px/mm), once with the preset's stipple and once with the dialog's overrides,
# and saves each composite, for the test to hold the dialog's preview against.
import os

from gi.repository import Gimp, Gio, GLib

case_dir = os.environ["SMP_CASE_DIR"]
report = GLib.KeyFile()

image = Gimp.file_load(Gimp.RunMode.NONINTERACTIVE, Gio.File.new_for_path(os.environ["SMP_INPUT"]))
image.get_layers()[0].set_name("photo")
image.set_resolution(10.0 * 25.4, 10.0 * 25.4)
image.select_ellipse(Gimp.ChannelOps.REPLACE, 50, 50, 1500, 1900)
procedure = Gimp.get_pdb().lookup_procedure("plug-in-smp-simulate")

for name, overrides in (("preset", {}), ("overrides", {"sessions": 1, "density": 60.0, "strength": 0.5})):
    config = procedure.create_config()
    config.set_property("run-mode", Gimp.RunMode.NONINTERACTIVE)
    config.set_property("image", image)
    config.set_property("preset", "norwood-4")
    config.set_property("front", "up")
    config.set_property("seed", 2)
    # The preset's own stipple: the preview's shade comes from the same function as the run's.
    config.set_property("shade", "preset")
    for key, value in overrides.items():
        config.set_property(key, value)
    result = procedure.run(config)
    status = result.index(0).value_nick
    report.set_string(name, "status", status)
    if status != "success":
        report.set_string(name, "message", str(result.index(1)))
        continue
    group = result.index(1)
    # GIMP 3.0's exported copy renders an effect inside a layer group from the corner of the
    # selection active at export (README, "Pigment layer in GIMP"), so the composite is saved
    # without one, as the canvas shows it.
    Gimp.Selection.none(image)
    Gimp.file_save(Gimp.RunMode.NONINTERACTIVE, image,
                   Gio.File.new_for_path(os.path.join(case_dir, "composite-" + name + ".png")), None)
    image.remove_layer(group)
    image.select_ellipse(Gimp.ChannelOps.REPLACE, 50, 50, 1500, 1900)

image.delete()
report.save_to_file(os.path.join(case_dir, "report.ini"))
