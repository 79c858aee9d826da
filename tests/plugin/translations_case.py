# Runs inside GIMP 3 (python-fu-eval) with LANGUAGE set by the test: reads back through the PDB
# what a user of that language sees of the plug-in (a menu label, a blurb, an argument's nick)
# and the message of a refused run (Stipple Layer on an indexed image).
# Writes report.ini into SMP_CASE_DIR.
import os

from gi.repository import Gimp, GLib

report = GLib.KeyFile()
procedure = Gimp.get_pdb().lookup_procedure("plug-in-smp-stipple-layer")
report.set_boolean("plugin", "registered", procedure is not None)
if procedure is not None:
    report.set_string("stipple-layer", "menu-label", procedure.get_menu_label())
    report.set_string("stipple-layer", "blurb", procedure.get_blurb())
    density = procedure.find_argument("density")
    report.set_string("stipple-layer", "density-nick", density.get_nick())

    image = Gimp.Image.new(32, 32, Gimp.ImageBaseType.INDEXED)
    layer = Gimp.Layer.new(image, "photo", 32, 32, Gimp.ImageType.INDEXED_IMAGE, 100, Gimp.LayerMode.NORMAL)
    image.insert_layer(layer, None, 0)
    config = procedure.create_config()
    config.set_property("run-mode", Gimp.RunMode.NONINTERACTIVE)
    config.set_property("image", image)
    result = procedure.run(config)
    report.set_string("indexed", "status", result.index(0).value_nick)
    if result.index(0) != Gimp.PDBStatusType.SUCCESS:
        report.set_string("indexed", "message", str(result.index(1)))
    image.delete()

report.save_to_file(os.path.join(os.environ["SMP_CASE_DIR"], "report.ini"))
