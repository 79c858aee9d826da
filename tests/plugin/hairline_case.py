# Runs inside GIMP 3 (python-fu-eval): calibrates a new image from two "pupils", designs a
# front and a top hairline, tries the refusals, and writes the results and a report.
import os

from gi.repository import Gimp, Gio, GLib

case_dir = os.environ["SMP_CASE_DIR"]
report = GLib.KeyFile()
pdb = Gimp.get_pdb()


def save(image, name):
    Gimp.file_save(Gimp.RunMode.NONINTERACTIVE, image, Gio.File.new_for_path(os.path.join(case_dir, name)), None)


def export_drawable(drawable, name):
    Gimp.edit_copy([drawable])
    copy = Gimp.edit_paste_as_new_image()
    save(copy, name)
    copy.delete()


def path_from(image, name, points):
    path = Gimp.Path.new(image, name)
    image.insert_path(path, None, 0)
    flat = []
    for x, y in points:
        flat += [x, y, x, y, x, y]
    path.stroke_new_from_points(Gimp.PathStrokeType.BEZIER, flat, False)
    return path


def run(name, image, **arguments):
    procedure = pdb.lookup_procedure(name)
    config = procedure.create_config()
    config.set_property("run-mode", Gimp.RunMode.NONINTERACTIVE)
    config.set_property("image", image)
    for key, value in arguments.items():
        config.set_property(key.replace("_", "-"), value)
    return procedure.run(config)


def status(result):
    return result.index(0).value_nick


image = Gimp.Image.new(1000, 1200, Gimp.ImageBaseType.RGB)
layer = Gimp.Layer.new(image, "face", 1000, 1200, Gimp.ImageType.RGB_IMAGE, 100, Gimp.LayerMode.NORMAL)
image.insert_layer(layer, None, 0)
layer.fill(Gimp.FillType.WHITE)

# Refusals first: no path at all, then a path with three anchors.
result = run("plug-in-smp-calibrate-scale", image, reference="pupils")
report.set_string("calibrate-no-path", "status", status(result))
report.set_string("calibrate-no-path", "message", str(result.index(1)))
three = path_from(image, "three", [(100, 100), (200, 100), (300, 100)])
result = run("plug-in-smp-calibrate-scale", image, path=three, reference="ruler", length_mm=50.0)
report.set_string("calibrate-three-anchors", "status", status(result))
report.set_string("calibrate-three-anchors", "message", str(result.index(1)))
image.remove_path(three)

pupils = path_from(image, "pupils", [(185, 1000), (815, 1000)])  # 630 px apart
result = run("plug-in-smp-calibrate-scale", image, path=pupils, reference="pupils")
report.set_string("calibrate", "status", status(result))
report.set_double("calibrate", "px-per-mm", result.index(1) if status(result) == "success" else 0.0)
report.set_double("calibrate", "resolution", image.get_resolution()[1])

landmarks = path_from(image, "landmarks", [(500, 1000), (30, 1000), (970, 1000)])
result = run("plug-in-smp-design-hairline", image, view="front", landmarks=landmarks, style="juvenile",
             irregularity_mm=0.0)
report.set_string("front", "status", status(result))
report.set_string("front", "message", str(result.index(1)) if status(result) != "success" else "")
report.set_string_list("front", "paths", [p.get_name() for p in image.get_paths()])
report.set_string_list("front", "channels", [c.get_name() for c in image.get_channels()])
report.set_string_list("front", "selected-layers", [l.get_name() for l in image.get_selected_layers()])
if status(result) == "success":
    hairline = result.index(1)
    report.set_integer("front", "anchors", len(hairline.stroke_get_points(hairline.get_strokes()[0])[1]) // 6)
    export_drawable(result.index(2), "front-density.png")

top = Gimp.Image.new(800, 800, Gimp.ImageBaseType.RGB)
top_layer = Gimp.Layer.new(top, "head", 800, 800, Gimp.ImageType.RGB_IMAGE, 100, Gimp.LayerMode.NORMAL)
top.insert_layer(top_layer, None, 0)
top_layer.fill(Gimp.FillType.WHITE)
top.set_resolution(101.6, 101.6)  # 4 px per mm: the 600 x 760 px ellipse is a 15 x 19 cm head
top.select_ellipse(Gimp.ChannelOps.REPLACE, 100, 20, 600, 760)
result = run("plug-in-smp-design-hairline", top, view="top", front="up", style="mature", irregularity_mm=0.0)
report.set_string("top", "status", status(result))
report.set_string("top", "message", str(result.index(1)) if status(result) != "success" else "")
report.set_boolean("top", "selection-kept", Gimp.Selection.bounds(top)[1:] == (True, 100, 20, 700, 780))
if status(result) == "success":
    Gimp.Selection.none(top)  # a copy takes only what is selected
    export_drawable(result.index(2), "top-density.png")

report.save_to_file(os.path.join(case_dir, "report.ini"))
image.delete()
top.delete()
