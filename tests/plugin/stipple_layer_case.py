# Runs inside GIMP 3 (python-fu-eval): opens the test photo, selects an ellipse, runs
# plug-in-smp-stipple-layer non-interactively, and writes what a user would see:
# the composite, the photo layer, the pigment layer and a report of the image's items.
import os

import gi

gi.require_version("Gegl", "0.4")
from gi.repository import Gegl, Gimp, Gio, GLib

case_dir = os.environ["SMP_CASE_DIR"]
report = GLib.KeyFile()


def export(image, name):
    Gimp.file_save(Gimp.RunMode.NONINTERACTIVE, image, Gio.File.new_for_path(os.path.join(case_dir, name)), None)


def only_layer(image, name, mode=None):
    copy = image.duplicate()
    for layer in copy.get_layers():
        if layer.get_name() != name:
            copy.remove_layer(layer)
        elif mode is not None:
            layer.set_mode(mode)
    export(copy, name.replace(" ", "-").lower() + ".png")
    copy.delete()


image = Gimp.file_load(Gimp.RunMode.NONINTERACTIVE, Gio.File.new_for_path(os.environ["SMP_INPUT"]))
image.set_resolution(254.0, 254.0)  # 10 px per mm
photo = image.get_layers()[0]
photo.set_name("photo")
image.select_ellipse(Gimp.ChannelOps.REPLACE, 100, 80, 200, 140)
selection_before = Gimp.Selection.bounds(image)

procedure = Gimp.get_pdb().lookup_procedure("plug-in-smp-stipple-layer")
report.set_boolean("plugin", "registered", procedure is not None)
if procedure is not None:
    config = procedure.create_config()
    config.set_property("run-mode", Gimp.RunMode.NONINTERACTIVE)
    config.set_property("image", image)
    config.set_property("density", 90.0)
    config.set_property("seed", 3)
    result = procedure.run(config)
    report.set_string("run", "status", result.index(0).value_nick)
    layers = image.get_layers()
    report.set_string_list("items", "layers", [layer.get_name() for layer in layers])
    report.set_string_list("items", "modes", [layer.get_mode().value_nick for layer in layers])
    report.set_string_list("items", "selected", [layer.get_name() for layer in image.get_selected_layers()])
    pigment = [layer for layer in layers if layer.get_name() == "SMP pigment"]
    if pigment:
        report.set_string_list("items", "pigment-filters",
                               [f.get_operation_name() for f in pigment[0].get_filters()] or ["none"])
    report.set_boolean("items", "selection-unchanged", Gimp.Selection.bounds(image) == selection_before)
    export(image, "composite.png")
    only_layer(image, "photo")
    if pigment:
        only_layer(image, "SMP pigment", Gimp.LayerMode.NORMAL)
        # Painting density elsewhere on the pigment layer must bring dots there too.
        image.select_rectangle(Gimp.ChannelOps.REPLACE, 10, 200, 80, 80)
        Gimp.context_push()
        Gimp.context_set_foreground(Gegl.Color.new("white"))
        pigment[0].edit_fill(Gimp.FillType.FOREGROUND)
        Gimp.context_pop()
        export(image, "composite-painted.png")

report.save_to_file(os.path.join(case_dir, "report.ini"))
image.delete()
