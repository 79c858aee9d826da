# Runs inside GIMP 3 (python-fu-eval): the project's synthetic face at 10 px/mm, its glabella
# and lateral canthi marked as a three-anchor path, Simulate SMP with front-view presets, and
# what a user would see of the result; then the refusals.
import os

import gi

gi.require_version("Gegl", "0.4")
from gi.repository import Gegl, Gimp, Gio, GLib

case_dir = os.environ["SMP_CASE_DIR"]
report = GLib.KeyFile()
procedure = Gimp.get_pdb().lookup_procedure("plug-in-smp-simulate")
marks = [float(v) for v in os.environ["SMP_LANDMARKS"].split(",")]
brows = [float(v) for v in os.environ["SMP_BROWS"].split(",")]  # the glabella, then the brows


def save(image, name):
    Gimp.file_save(Gimp.RunMode.NONINTERACTIVE, image, Gio.File.new_for_path(os.path.join(case_dir, name)), None)


def face_image():
    image = Gimp.file_load(Gimp.RunMode.NONINTERACTIVE, Gio.File.new_for_path(os.environ["SMP_INPUT"]))
    image.set_resolution(254.0, 254.0)  # 10 px per mm
    image.get_layers()[0].set_name("photo")
    return image


def landmarks_path(image, name="landmarks", points=None):
    points = marks if points is None else points
    path = Gimp.Path.new(image, name)
    image.insert_path(path, None, 0)
    flat = []
    for i in range(0, len(points), 2):
        flat += [points[i], points[i + 1]] * 3
    path.stroke_new_from_points(Gimp.PathStrokeType.BEZIER, flat, False)
    return path


def simulate(image, preset, **arguments):
    config = procedure.create_config()
    config.set_property("run-mode", Gimp.RunMode.NONINTERACTIVE)
    config.set_property("image", image)
    config.set_property("preset", preset)
    config.set_property("seed", 2)
    for key, value in arguments.items():
        config.set_property(key, value)
    return procedure.run(config)


def save_pigment(image, name):
    copy = image.duplicate()
    for layer in copy.get_layers():
        if layer.get_name() == "photo":
            copy.remove_layer(layer)
    pigment = copy.get_layers()[0].get_children()[0]
    pigment.set_mode(Gimp.LayerMode.NORMAL)
    save(copy, "pigment-" + name)
    for effect in pigment.get_filters():  # the layer's own pixels: the density a user paints
        effect.delete()
    save(copy, "density-" + name)
    copy.delete()


for preset in ["hairline-juvenile-front", "ludwig-frontal-front"]:
    image = face_image()
    path = landmarks_path(image)
    result = simulate(image, preset, landmarks=path)
    status = result.index(0).value_nick
    report.set_string(preset, "status", status)
    report.set_string(preset, "message", "" if status == "success" else str(result.index(1)))
    if status == "success":
        group = result.index(1)
        report.set_string(preset, "group", group.get_name())
        report.set_string(preset, "group-mode", group.get_mode().value_nick)
        report.set_string_list(preset, "top-layers", [l.get_name() for l in image.get_layers()])
        children = group.get_children()
        report.set_string_list(preset, "children", [c.get_name() for c in children])
        report.set_string(preset, "pigment-mode", children[0].get_mode().value_nick)
        report.set_string_list(preset, "pigment-filters",
                               [f.get_operation_name() for f in children[0].get_filters()] or ["none"])
        report.set_string_list(preset, "paths", [p.get_name() for p in image.get_paths()])
        report.set_string_list(preset, "channels", [c.get_name() for c in image.get_channels()])
        report.set_string_list(preset, "selected", [l.get_name() for l in image.get_selected_layers()])
        hairline = [p for p in image.get_paths() if p.get_name() == "SMP hairline"]
        if hairline:
            points = hairline[0].stroke_get_points(hairline[0].get_strokes()[0])[1]
            anchors = [(points[i + 2], points[i + 3]) for i in range(0, len(points), 6)]
            report.set_integer(preset, "anchors", len(anchors))
            report.set_double(preset, "mid-anchor-x", anchors[len(anchors) // 2][0])
            report.set_double(preset, "mid-anchor-y", anchors[len(anchors) // 2][1])
        save(image, "composite-" + preset + ".png")
        save_pigment(image, preset + ".png")
    image.delete()

def reference_of(item):
    parasite = item.get_parasite("smp-face-reference") if item else None
    return bytes(parasite.get_data()).decode() if parasite else "none"


# Eyes out of frame: the same face marked at the brows, with the glabella and without it. The
# group and the hairline say which reference they were measured from, and so does Before/After.
for section, points in (("brows", brows), ("brow-line", brows[2:])):
    image = face_image()
    result = simulate(image, "hairline-juvenile-front", landmarks=landmarks_path(image, points=points), eyes="brows")
    status = result.index(0).value_nick
    report.set_string(section, "status", status)
    report.set_string(section, "message", "" if status == "success" else str(result.index(1)))
    if status == "success":
        hairline = image.get_path_by_name("SMP hairline")
        points = hairline.stroke_get_points(hairline.get_strokes()[0])[1]
        anchors = [(points[i + 2], points[i + 3]) for i in range(0, len(points), 6)]
        report.set_double(section, "mid-anchor-x", anchors[len(anchors) // 2][0])
        report.set_double(section, "mid-anchor-y", anchors[len(anchors) // 2][1])
        report.set_string(section, "group-reference", reference_of(result.index(1)))
        report.set_string(section, "hairline-reference", reference_of(hairline))
        made = Gimp.get_pdb().lookup_procedure("plug-in-smp-before-after")
        config = made.create_config()
        config.set_property("run-mode", Gimp.RunMode.NONINTERACTIVE)
        config.set_property("image", image)
        after = made.run(config)
        if after.index(0) == Gimp.PDBStatusType.SUCCESS:
            comment = after.index(1).get_parasite("gimp-comment")
            report.set_string(section, "before-after-comment", bytes(b % 256 for b in comment.get_data()).decode() if comment else "none")
            after.index(1).delete()
        else:
            report.set_string(section, "before-after-comment", "failed: " + str(after.index(1)))
    image.delete()
image = face_image()
result = simulate(image, "hairline-juvenile-front", landmarks=landmarks_path(image, points=brows[2:4]), eyes="brows")
report.set_string("one-brow", "status", result.index(0).value_nick)
report.set_string("one-brow", "message", str(result.index(1)))
image.delete()
image = face_image()
result = simulate(image, "hairline-juvenile-front", landmarks=landmarks_path(image))
report.set_string("canthi", "group-reference", reference_of(result.index(1)) if result.index(0).value_nick == "success"
                  else "failed: " + str(result.index(1)))
image.delete()

# A selection round the head in the photo keeps the pigment inside it, and stays as it was; the
# landmarks are found by their path's name, as Export Stencil finds them.
image = face_image()
landmarks_path(image, "SMP landmarks")
image.select_rectangle(Gimp.ChannelOps.REPLACE, 500, 0, 600, 1800)
result = simulate(image, "hairline-juvenile-front")
report.set_string("selection", "status", result.index(0).value_nick)
report.set_boolean("selection", "kept", Gimp.Selection.bounds(image)[1:] == (True, 500, 0, 1100, 1800))
report.set_string_list("selection", "channels", [c.get_name() for c in image.get_channels()])
if result.index(0).value_nick == "success":
    Gimp.Selection.none(image)
    save_pigment(image, "selection.png")
image.delete()

# Refusals: a front-view preset without landmarks, a top-view one with no head to fit.
image = face_image()
result = simulate(image, "hairline-juvenile-front")
report.set_string("front-no-landmarks", "status", result.index(0).value_nick)
report.set_string("front-no-landmarks", "message", str(result.index(1)))
two = Gimp.Path.new(image, "two")
image.insert_path(two, None, 0)
two.stroke_new_from_points(Gimp.PathStrokeType.BEZIER, [100.0, 100.0] * 3 + [300.0, 100.0] * 3, False)
result = simulate(image, "hairline-juvenile-front", landmarks=two)
report.set_string("front-two-anchors", "status", result.index(0).value_nick)
report.set_string("front-two-anchors", "message", str(result.index(1)))

# Landmarks that cannot be a face: the eyes 4 px apart, the glabella far below the eyes, a landmark
# a canvas away.
def refused_landmarks(name, points):
    path = Gimp.Path.new(image, name)
    image.insert_path(path, None, 0)
    flat = []
    for x, y in points:
        flat += [x, y] * 3
    path.stroke_new_from_points(Gimp.PathStrokeType.BEZIER, flat, False)
    result = simulate(image, "hairline-juvenile-front", landmarks=path)
    report.set_string(name, "status", result.index(0).value_nick)
    report.set_string(name, "message", str(result.index(1)))


refused_landmarks("eyes-together", [(800.0, 900.0), (798.0, 950.0), (802.0, 950.0)])
refused_landmarks("glabella-below", [(800.0, 1500.0), (650.0, 950.0), (950.0, 950.0)])
refused_landmarks("landmark-far-off", [(800.0, 900.0), (650.0, 950.0), (9000.0, 950.0)])
report.set_string_list("refusals", "layers", [l.get_name() for l in image.get_layers()])
image.delete()
# Without a selection a top view fits the head to the photo; a grey photo shows no head to fit.
image = Gimp.Image.new(400, 400, Gimp.ImageBaseType.RGB)
grey = Gimp.Layer.new(image, "photo", 400, 400, Gimp.ImageType.RGB_IMAGE, 100, Gimp.LayerMode.NORMAL)
image.insert_layer(grey, None, 0)
Gimp.context_push()
Gimp.context_set_foreground(Gegl.Color.new("#808080"))
grey.fill(Gimp.FillType.FOREGROUND)
Gimp.context_pop()
result = simulate(image, "norwood-4")
report.set_string("top-no-ellipse", "status", result.index(0).value_nick)
report.set_string("top-no-ellipse", "message", str(result.index(1)))
report.set_string_list("top-no-ellipse", "layers", [l.get_name() for l in image.get_layers()])
image.delete()

# An image that cannot hold a simulation: a thumbnail, a resolution no photo of a head has, no
# photo layer at all; each is refused before anything is added.
image = Gimp.Image.new(12, 12, Gimp.ImageBaseType.RGB)
image.insert_layer(Gimp.Layer.new(image, "photo", 12, 12, Gimp.ImageType.RGB_IMAGE, 100, Gimp.LayerMode.NORMAL), None, 0)
result = simulate(image, "norwood-4")
report.set_string("tiny-image", "status", result.index(0).value_nick)
report.set_string("tiny-image", "message", str(result.index(1)))
report.set_string_list("tiny-image", "layers", [l.get_name() for l in image.get_layers()])
image.delete()
image = face_image()
image.set_resolution(0.254, 0.254)  # 0.01 px/mm: a head would be 1.5 px across
image.select_ellipse(Gimp.ChannelOps.REPLACE, 500, 300, 600, 800)
result = simulate(image, "norwood-4")
report.set_string("bad-resolution", "status", result.index(0).value_nick)
report.set_string("bad-resolution", "message", str(result.index(1)))
report.set_string_list("bad-resolution", "layers", [l.get_name() for l in image.get_layers()])
image.delete()
image = Gimp.Image.new(400, 400, Gimp.ImageBaseType.RGB)
image.set_resolution(254.0, 254.0)
image.select_ellipse(Gimp.ChannelOps.REPLACE, 50, 50, 300, 300)
result = simulate(image, "norwood-4")
report.set_string("no-photo", "status", result.index(0).value_nick)
report.set_string("no-photo", "message", str(result.index(1)))
report.set_string_list("no-photo", "layers", [l.get_name() for l in image.get_layers()] or ["none"])
image.delete()

report.save_to_file(os.path.join(case_dir, "report.ini"))
