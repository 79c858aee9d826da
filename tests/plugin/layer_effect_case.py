# Runs inside GIMP 3 (python-fu-eval): a grey photo at 10 px/mm under plug-in-smp-stipple-layer,
# the pigment layer's density repainted to 35% on the left half (full on the right), and the
# composite saved without a selection and with an ellipse selected, for the test to hold GIMP's
# render of the layer effect against the same filter run in GEGL.
import os

import gi

gi.require_version("Gegl", "0.4")
from gi.repository import Gegl, Gimp, Gio, GLib

case_dir = os.environ["SMP_CASE_DIR"]
report = GLib.KeyFile()


def export(image, name):
    Gimp.file_save(Gimp.RunMode.NONINTERACTIVE, image, Gio.File.new_for_path(os.path.join(case_dir, name)), None)


image = Gimp.file_load(Gimp.RunMode.NONINTERACTIVE, Gio.File.new_for_path(os.environ["SMP_INPUT"]))
image.set_resolution(254.0, 254.0)  # 10 px per mm
image.get_layers()[0].set_name("photo")
report.set_string("image", "precision", image.get_precision().value_nick)
procedure = Gimp.get_pdb().lookup_procedure("plug-in-smp-stipple-layer")
config = procedure.create_config()
config.set_property("run-mode", Gimp.RunMode.NONINTERACTIVE)
config.set_property("image", image)
config.set_property("density", 90.0)
config.set_property("seed", 3)
result = procedure.run(config)
report.set_string("run", "status", result.index(0).value_nick)
if result.index(0).value_nick == "success":
    pigment = result.index(1)
    report.set_integer("image", "pigment-bytes-per-pixel", pigment.get_bpp())
    # The bridge: 35% density (#595959, as Simulate paints it) on the left half.
    image.select_rectangle(Gimp.ChannelOps.REPLACE, 0, 0, image.get_width() // 2, image.get_height())
    Gimp.context_push()
    Gimp.context_set_foreground(Gegl.Color.new("#595959"))
    pigment.edit_fill(Gimp.FillType.FOREGROUND)
    Gimp.context_pop()
    Gimp.Selection.none(image)
    export(image, "composite.png")
    # A user selects something else: the dots must stay where they are.
    image.select_ellipse(Gimp.ChannelOps.REPLACE, 50, 50, 400, 200)
    export(image, "composite-selected.png")
    Gimp.Selection.none(image)
    # As Simulate builds it: the pigment layer inside a pass-through group.
    group = Gimp.GroupLayer.new(image, "SMP simulation")
    group.set_mode(Gimp.LayerMode.PASS_THROUGH)
    image.insert_layer(group, None, 0)
    image.reorder_item(pigment, group, 0)
    export(image, "composite-group.png")
    image.select_ellipse(Gimp.ChannelOps.REPLACE, 50, 50, 400, 200)
    export(image, "composite-group-selected.png")
    Gimp.Selection.none(image)
    image.convert_precision(Gimp.Precision.FLOAT_LINEAR)
    export(image, "composite-float.png")
    # Flattened in place with the ellipse selected: GIMP's own render, no copy of the image.
    image.select_ellipse(Gimp.ChannelOps.REPLACE, 50, 50, 400, 200)
    image.flatten()
    Gimp.Selection.none(image)
    export(image, "composite-flattened-selected.png")

report.save_to_file(os.path.join(case_dir, "report.ini"))
image.delete()
