# Runs inside GIMP 3 (python-fu-eval): calibrates a front view from the pupils, designs a
# hairline and exports its stencil; then a wide face at a coarser scale (tiled on Letter), and
# an image that was never calibrated (refused). Writes the PDFs and a report.
import os

from gi.repository import Gimp, Gio, GLib

case_dir = os.environ["SMP_CASE_DIR"]
report = GLib.KeyFile()
pdb = Gimp.get_pdb()


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


def record(section, result):
    ok = result.index(0) == Gimp.PDBStatusType.SUCCESS
    report.set_string(section, "status", result.index(0).value_nick)
    report.set_string(section, "message", "" if ok else str(result.index(1)))
    return ok


def face(width, height, ruler, landmarks, ruler_mm, eyes="canthi"):
    image = Gimp.Image.new(width, height, Gimp.ImageBaseType.RGB)
    layer = Gimp.Layer.new(image, "face", width, height, Gimp.ImageType.RGB_IMAGE, 100, Gimp.LayerMode.NORMAL)
    image.insert_layer(layer, None, 0)
    layer.fill(Gimp.FillType.WHITE)
    if ruler:
        calibration = path_from(image, "ruler", ruler)
        run("plug-in-smp-calibrate-scale", image, path=calibration, reference="ruler", length_mm=ruler_mm)
    marks = path_from(image, "landmarks", landmarks)
    record("design-" + eyes, run("plug-in-smp-design-hairline", image, view="front", landmarks=marks, eyes=eyes,
                                 style="juvenile", irregularity_mm=0.0))
    hairline = image.get_path_by_name("SMP hairline")
    reference = hairline.get_parasite("smp-face-reference") if hairline else None
    report.set_string("design-" + eyes, "reference", bytes(reference.get_data()).decode() if reference else "none")
    return image, marks


def stencil(section, image, marks, paper, **extra):
    pdf = os.path.join(case_dir, section + ".pdf")
    result = run("plug-in-smp-export-stencil", image, file=Gio.File.new_for_path(pdf), landmarks=marks, paper=paper,
                 client_reference="CASE-" + section, date="2026-11-22", **extra)
    if record(section, result):
        report.set_integer(section, "pages", result.index(1))
        report.set_double(section, "px-per-mm", image.get_resolution()[1] / 25.4)
        anchors = marks.stroke_get_points(marks.get_strokes()[0])[1]
        report.set_double_list(section, "landmarks", [v for k in range(2, len(anchors), 6) for v in anchors[k:k + 2]])


# 10 px/mm: a 630 px line marks a 63 mm ruler; glabella and canthi 47 mm either side.
single, single_marks = face(1000, 1200, [(185, 1100), (815, 1100)], [(500, 1000), (30, 1000), (970, 1000)], 63.0)
stencil("single", single, single_marks, "a4")

# Cropped at the brows: the glabella and the brows' upper edge 10 mm above it, 31 mm out (above the pupils).
brows, brows_marks = face(1000, 1200, [(185, 1100), (815, 1100)], [(500, 1000), (190, 900), (810, 900)], 63.0,
                          eyes="brows")
stencil("brows", brows, brows_marks, "a4", eyes="brows")

# 4 px/mm, canthi 117.5 mm either side: a drawing wider than a Letter page.
wide, wide_marks = face(1200, 1200, [(100, 1150), (500, 1150)], [(600, 1000), (130, 1000), (1070, 1000)], 100.0)
stencil("tiled", wide, wide_marks, "letter")

# 0.25 px/mm (a ruler of 100 px marked as 40 cm): a hairline metres wide is a wrong scale.
huge, huge_marks = face(1000, 1200, [(100, 1150), (200, 1150)], [(500, 1000), (30, 1000), (970, 1000)], 400.0)
stencil("wrong-scale", huge, huge_marks, "a4")

never, never_marks = face(1000, 1200, None, [(500, 1000), (30, 1000), (970, 1000)], 0.0)
stencil("uncalibrated", never, never_marks, "a4")
stencil("from-resolution", never, never_marks, "a4", scale_from_resolution=True)


# A top view with the face up, and the same with the face down: the stencils read the same way up.
def top_view(front):
    image = Gimp.Image.new(1600, 2000, Gimp.ImageBaseType.RGB)
    layer = Gimp.Layer.new(image, "photo", 1600, 2000, Gimp.ImageType.RGB_IMAGE, 100, Gimp.LayerMode.NORMAL)
    image.insert_layer(layer, None, 0)
    layer.fill(Gimp.FillType.WHITE)
    image.set_resolution(254.0, 254.0)
    image.select_ellipse(Gimp.ChannelOps.REPLACE, 50, 50, 1500, 1900)
    record("design-" + front, run("plug-in-smp-design-hairline", image, view="top", front=front, style="mature",
                                  irregularity_mm=0.0))
    Gimp.Selection.none(image)
    pdf = os.path.join(case_dir, "top-" + front + ".pdf")
    record("top-" + front, run("plug-in-smp-export-stencil", image, file=Gio.File.new_for_path(pdf), paper="a4",
                               client_reference="CASE-top", date="2026-11-22", scale_from_resolution=True))
    return image


tops = [top_view(front) for front in ("up", "down")]

report.save_to_file(os.path.join(case_dir, "report.ini"))
for image in tops:
    image.delete()
for image in (single, brows, wide, huge, never):
    image.delete()
