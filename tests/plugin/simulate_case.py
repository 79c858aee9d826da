# Runs inside GIMP 3 (python-fu-eval): a 15 x 19 cm head seen from above at 10 px/mm,
# Simulate SMP with the Norwood IV preset, and what a user would see of the result.
import os

import gi

gi.require_version("Gegl", "0.4")
from gi.repository import Gegl, Gimp, Gio, GLib

case_dir = os.environ["SMP_CASE_DIR"]
report = GLib.KeyFile()


def save(image, name):
    Gimp.file_save(Gimp.RunMode.NONINTERACTIVE, image, Gio.File.new_for_path(os.path.join(case_dir, name)), None)


def head_image(width, height, px_per_mm):
    """A skin-coloured photo with a 15 x 19 cm head selected, as a designer would before Simulate."""
    image = Gimp.Image.new(width, height, Gimp.ImageBaseType.RGB)
    photo = Gimp.Layer.new(image, "photo", width, height, Gimp.ImageType.RGB_IMAGE, 100, Gimp.LayerMode.NORMAL)
    image.insert_layer(photo, None, 0)
    Gimp.context_push()
    # Even mid-toned skin (red 128): the pigment must show it, not hide it; the scalp mask keeps all of it.
    Gimp.context_set_foreground(Gegl.Color.new("#806050"))
    photo.fill(Gimp.FillType.FOREGROUND)
    Gimp.context_pop()
    image.set_resolution(px_per_mm * 25.4, px_per_mm * 25.4)
    w, h = 150 * px_per_mm, 190 * px_per_mm
    image.select_ellipse(Gimp.ChannelOps.REPLACE, (width - w) / 2, (height - h) / 2, w, h)
    return image


image = head_image(1600, 2000, 10.0)

procedure = Gimp.get_pdb().lookup_procedure("plug-in-smp-simulate")
report.set_boolean("plugin", "registered", procedure is not None)
config = procedure.create_config()
config.set_property("run-mode", Gimp.RunMode.NONINTERACTIVE)
config.set_property("image", image)
config.set_property("preset", "norwood-4")
config.set_property("front", "up")
config.set_property("seed", 2)
result = procedure.run(config)
status = result.index(0).value_nick
report.set_string("run", "status", status)
report.set_string("run", "message", "" if status == "success" else str(result.index(1)))

missing = procedure.create_config()
missing.set_property("image", image)
missing.set_property("preset", "norwood-4")
Gimp.Selection.none(image)
refused = procedure.run(missing)
report.set_string("no-head", "status", refused.index(0).value_nick)
report.set_string("no-head", "message", str(refused.index(1)))
image.select_ellipse(Gimp.ChannelOps.REPLACE, 50, 50, 1500, 1900)

if status == "success":
    group = result.index(1)
    report.set_string("items", "group", group.get_name())
    report.set_string_list("items", "top-layers", [l.get_name() for l in image.get_layers()])
    children = group.get_children()
    report.set_string_list("items", "children", [c.get_name() for c in children])
    pigment = children[0]
    report.set_string("items", "pigment-mode", pigment.get_mode().value_nick)
    report.set_string_list("items", "pigment-filters", [f.get_operation_name() for f in pigment.get_filters()] or ["none"])
    report.set_string_list("items", "paths", [p.get_name() for p in image.get_paths()])
    report.set_string_list("items", "channels", [c.get_name() for c in image.get_channels()])
    report.set_string_list("items", "selected", [l.get_name() for l in image.get_selected_layers()])
    report.set_boolean("items", "selection-kept", Gimp.Selection.bounds(image)[1:] == (True, 50, 50, 1550, 1950))
    report.set_string("items", "group-mode", group.get_mode().value_nick)
    Gimp.Selection.none(image)
    save(image, "composite.png")
    image.select_ellipse(Gimp.ChannelOps.REPLACE, 50, 50, 1500, 1900)
    copy = image.duplicate()
    for layer in copy.get_layers():
        if layer.get_name() == "photo":
            copy.remove_layer(layer)
    copy.get_layers()[0].get_children()[0].set_mode(Gimp.LayerMode.NORMAL)
    save(copy, "pigment.png")
    copy.delete()

image.delete()

# One preset of every category on a smaller head (5 px/mm): the items appear and the pigment.
for nick in os.environ.get("SMP_CATEGORY_PRESETS", "").split():
    head = head_image(800, 1000, 5.0)
    config = procedure.create_config()
    config.set_property("run-mode", Gimp.RunMode.NONINTERACTIVE)
    config.set_property("image", head)
    config.set_property("preset", nick)
    config.set_property("seed", 2)
    result = procedure.run(config)
    report.set_string(nick, "status", result.index(0).value_nick)
    if result.index(0).value_nick == "success":
        group = result.index(1)
        report.set_string(nick, "group", group.get_name())
        report.set_string_list(nick, "children", [c.get_name() for c in group.get_children()])
        copy = head.duplicate()
        for other in copy.get_layers():
            if other.get_name() == "photo":
                copy.remove_layer(other)
        copy.get_layers()[0].get_children()[0].set_mode(Gimp.LayerMode.NORMAL)
        save(copy, "pigment-" + nick + ".png")
        copy.delete()
    else:
        report.set_string(nick, "message", str(result.index(1)))
    head.delete()

# Save as preset: Norwood IV with a denser, darker stipple under a new name.
saver = Gimp.get_pdb().lookup_procedure("plug-in-smp-save-preset")
config = saver.create_config()
config.set_property("run-mode", Gimp.RunMode.NONINTERACTIVE)
config.set_property("image", Gimp.Image.new(16, 16, Gimp.ImageBaseType.RGB))
config.set_property("preset", "norwood-4")
config.set_property("name", "My Norwood IV (dense)")
config.set_property("density", 120.0)
config.set_property("strength", 0.9)
saved = saver.run(config)
report.set_string("save", "status", saved.index(0).value_nick)
if saved.index(0).value_nick == "success":
    report.set_string("save", "file", os.path.basename(saved.index(1)))
    with open(saved.index(1)) as written, open(os.path.join(case_dir, "saved.preset"), "w") as copy:
        copy.write(written.read())
else:
    report.set_string("save", "message", str(saved.index(1)))
config.set_property("name", "   ")
report.set_string("save-unnamed", "status", saver.run(config).index(0).value_nick)

# No selection on a synthetic head (skin, a hair fringe, cloth around): the head is fitted to
# the photo and the pigment kept on bare scalp.
synthetic = Gimp.file_load(Gimp.RunMode.NONINTERACTIVE, Gio.File.new_for_path(os.path.join(case_dir, "synthetic-head.png")))
synthetic.get_layers()[0].set_name("photo")
synthetic.set_resolution(6.0 * 25.4, 6.0 * 25.4)
Gimp.Selection.none(synthetic)
config = procedure.create_config()
config.set_property("run-mode", Gimp.RunMode.NONINTERACTIVE)
config.set_property("image", synthetic)
config.set_property("preset", "alopecia-totalis")
config.set_property("seed", 2)
result = procedure.run(config)
report.set_string("fitted", "status", result.index(0).value_nick)
report.set_string("fitted", "message", "" if result.index(0).value_nick == "success" else str(result.index(1)))
if result.index(0).value_nick == "success":
    report.set_string_list("fitted", "paths", [p.get_name() for p in synthetic.get_paths()])
    report.set_string_list("fitted", "channels", [c.get_name() for c in synthetic.get_channels()])
    report.set_boolean("fitted", "selection-none", Gimp.Selection.is_empty(synthetic))
    for path in synthetic.get_paths():
        if path.get_name() == "SMP head":
            stroke = path.get_strokes()[0]
            points = path.stroke_get_points(stroke)[1]
            report.set_string("fitted", "head-points", " ".join("%.2f" % v for v in points))
    Gimp.Selection.none(synthetic)
    save(synthetic, "synthetic-composite.png")
    copy = synthetic.duplicate()
    for layer in copy.get_layers():
        if layer.get_name() == "photo":
            copy.remove_layer(layer)
    copy.get_layers()[0].get_children()[0].set_mode(Gimp.LayerMode.NORMAL)
    save(copy, "synthetic-pigment.png")
    copy.delete()
synthetic.delete()

report.save_to_file(os.path.join(case_dir, "report.ini"))
