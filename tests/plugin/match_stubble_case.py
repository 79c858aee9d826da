# Runs inside GIMP 3 (python-fu-eval): a photo of shaved stubble at 12 px/mm with an SMP
# stipple layer on it; Match Stubble over part of it, then what it returned and set.
import os

from gi.repository import Gimp, Gio, GLib

case_dir = os.environ["SMP_CASE_DIR"]
report = GLib.KeyFile()
pdb = Gimp.get_pdb()


def run(name, image, drawables, **arguments):
    procedure = pdb.lookup_procedure(name)
    config = procedure.create_config()
    config.set_property("run-mode", Gimp.RunMode.NONINTERACTIVE)
    config.set_property("image", image)
    config.set_core_object_array("drawables", drawables)
    for key, value in arguments.items():
        config.set_property(key.replace("_", "-"), value)
    return procedure.run(config)


image = Gimp.file_load(Gimp.RunMode.NONINTERACTIVE, Gio.File.new_for_path(os.environ["SMP_INPUT"]))
image.set_resolution(12 * 25.4, 12 * 25.4)
photo = image.get_layers()[0]
Gimp.Selection.none(image)
pigment = run("plug-in-smp-stipple-layer", image, [photo]).index(1)

refused = run("plug-in-smp-match-stubble", image, [photo])
report.set_string("no-selection", "status", refused.index(0).value_nick)
report.set_string("no-selection", "message", str(refused.index(1)))

image.select_rectangle(Gimp.ChannelOps.REPLACE, 0, 0, 480, 240)  # the upper half: 8 cm^2
result = run("plug-in-smp-match-stubble", image, [photo])
status = result.index(0).value_nick
report.set_string("match", "status", status)
if status == "success":
    report.set_double("match", "density", result.index(1))
    report.set_double("match", "dot-diameter", result.index(2))
    report.set_double("match", "strength", result.index(3))
    report.set_integer("match", "updated", result.index(4))
    report.set_double("match", "hair-ends", result.index(5))
    config = pigment.get_filters()[0].get_config()
    report.set_double("stipple", "density", config.get_property("density"))
    report.set_double("stipple", "dot-diameter", config.get_property("dot-diameter"))
    report.set_double("stipple", "strength", config.get_property("strength"))
else:
    report.set_string("match", "message", str(result.index(1)))
report.save_to_file(os.path.join(case_dir, "report.ini"))
image.delete()
