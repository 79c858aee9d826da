# Runs inside GIMP 3 (python-fu-eval): Simulate SMP on a synthetic head without a selection (the
# head fitted), with GIMP's environment possibly naming SMP_KILL_AT_STAGE, where the plug-in is
# killed as GIMP's Cancel kills it. Reports the image as the user would find it before and after.
import os

import gi

gi.require_version("Gegl", "0.4")
from gi.repository import Gimp, Gio, GLib

case_dir = os.environ["SMP_CASE_DIR"]
report = GLib.KeyFile()


def state(image, group):
    report.set_string_list(group, "layers", [l.get_name() for l in image.get_layers()] or ["none"])
    report.set_string_list(group, "channels", [c.get_name() for c in image.get_channels()] or ["none"])
    report.set_string_list(group, "paths", [p.get_name() for p in image.get_paths()] or ["none"])
    report.set_string_list(group, "selected", [l.get_name() for l in image.get_selected_layers()] or ["none"])
    # Every step pushed on the undo stack makes the image dirty; a clean image has none since.
    report.set_boolean(group, "dirty", image.is_dirty())


image = Gimp.file_load(Gimp.RunMode.NONINTERACTIVE, Gio.File.new_for_path(os.environ["SMP_INPUT"]))
image.get_layers()[0].set_name("photo")
image.set_resolution(6.0 * 25.4, 6.0 * 25.4)
Gimp.Selection.none(image)
image.clean_all()
state(image, "before")

procedure = Gimp.get_pdb().lookup_procedure("plug-in-smp-simulate")
config = procedure.create_config()
config.set_property("run-mode", Gimp.RunMode.NONINTERACTIVE)
config.set_property("image", image)
config.set_property("preset", "norwood-5")
config.set_property("seed", 2)
started = GLib.get_monotonic_time()
result = procedure.run(config)
report.set_double("run", "seconds", (GLib.get_monotonic_time() - started) / 1e6)
report.set_string("run", "status", result.index(0).value_nick)
state(image, "after")

report.save_to_file(os.path.join(case_dir, "report.ini"))
