# Runs inside GIMP 3 (python-fu-eval): what aborted GIMP 3.0.4 (issue 14). A 1024 x 1024
# half-float image, SMP Stipple Layer at 0.01 dots/cm² over all of it, and the pigment layer's
# effect merged into its pixels (GIMP renders it whole, band by band, most of them without a
# dot). Then the same zoomed out, as the canvas draws it. The report is written after each step.
import os

import gi

gi.require_version("Gegl", "0.4")
from gi.repository import Gegl, Gimp, Gio, GLib

case_dir = os.environ["SMP_CASE_DIR"]
report = GLib.KeyFile()


def save_report():
    report.save_to_file(os.path.join(case_dir, "report.ini"))


image = Gimp.Image.new(1024, 1024, Gimp.ImageBaseType.RGB)
photo = Gimp.Layer.new(image, "photo", 1024, 1024, Gimp.ImageType.RGBA_IMAGE, 100.0, Gimp.LayerMode.NORMAL)
image.insert_layer(photo, None, 0)
image.convert_precision(Gimp.Precision.HALF_NON_LINEAR)
Gimp.context_set_foreground(Gegl.Color.new("rgb(0.8,0.6,0.5)"))
photo.edit_fill(Gimp.FillType.FOREGROUND)
image.set_resolution(254.0, 254.0)  # 10 px per mm
image.select_rectangle(Gimp.ChannelOps.REPLACE, 0, 0, 1024, 1024)
report.set_string("image", "precision", image.get_precision().value_nick)
save_report()

procedure = Gimp.get_pdb().lookup_procedure("plug-in-smp-stipple-layer")
config = procedure.create_config()
config.set_property("run-mode", Gimp.RunMode.NONINTERACTIVE)
config.set_property("image", image)
config.set_property("density", 0.01)
result = procedure.run(config)
report.set_string("run", "status", result.index(0).value_nick)
save_report()

pigment = [layer for layer in image.get_layers() if layer.get_name() == "SMP pigment"]
report.set_boolean("run", "pigment-layer", bool(pigment))
if pigment:
    layer = pigment[0]
    report.set_integer("pigment", "bytes-per-pixel", layer.get_bpp())
    layer.merge_filters()
    report.set_boolean("pigment", "merged", True)
    report.set_integer("pigment", "filters-left", len(layer.get_filters()))
    save_report()
    copy = image.duplicate()
    for other in copy.get_layers():
        if other.get_name() != "SMP pigment":
            copy.remove_layer(other)
        else:
            other.set_mode(Gimp.LayerMode.NORMAL)
    Gimp.file_save(Gimp.RunMode.NONINTERACTIVE, copy, Gio.File.new_for_path(os.path.join(case_dir, "pigment.png")), None)
    copy.delete()
report.set_boolean("gimp", "alive", True)
save_report()
