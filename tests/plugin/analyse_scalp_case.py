# Runs inside GIMP 3 (python-fu-eval): SMP Analyse Scalp on the project's synthetic top-view head,
# as photographed (face up) and turned half round (face down), with no selection; what it
# suggests, that no pixel or layer changed, that the suggestion reaches the before/after's
# metadata; then a grey image with no head.
import os

import gi

gi.require_version("Gegl", "0.4")
from gi.repository import Gegl, Gimp, Gio, GLib

case_dir = os.environ["SMP_CASE_DIR"]
report = GLib.KeyFile()
pdb = Gimp.get_pdb()
px_per_mm = float(os.environ["SMP_PX_PER_MM"])


def run(name, image, **arguments):
    procedure = pdb.lookup_procedure(name)
    config = procedure.create_config()
    config.set_property("run-mode", Gimp.RunMode.NONINTERACTIVE)
    config.set_property("image", image)
    for key, value in arguments.items():
        config.set_property(key.replace("_", "-"), value)
    return procedure.run(config)


def head_image(turned):
    image = Gimp.file_load(Gimp.RunMode.NONINTERACTIVE, Gio.File.new_for_path(os.environ["SMP_INPUT"]))
    image.set_resolution(px_per_mm * 25.4, px_per_mm * 25.4)
    image.get_layers()[0].set_name("photo")
    if turned:
        image.rotate(Gimp.RotationType.DEGREES180)
    image.clean_all()
    return image


names = ("preset", "stage", "confidence", "front", "front-confidence", "area-cm2", "impressions", "sessions",
         "hair-colour", "skin-type", "summary")
for section, turned in (("face-up", False), ("face-down", True)):
    image = head_image(turned)
    result = run("plug-in-smp-analyse-scalp", image)
    status = result.index(0).value_nick
    report.set_string(section, "status", status)
    if status != "success":
        report.set_string(section, "message", str(result.index(1)))
        image.delete()
        continue
    for i, key in enumerate(names, start=1):
        report.set_string(section, key, str(result.index(i)))
    report.set_string_list(section, "layers", [l.get_name() for l in image.get_layers()])
    report.set_boolean(section, "dirty", image.is_dirty())
    if not turned:
        simulated = run("plug-in-smp-simulate", image, preset=result.index(1), front=result.index(4))
        report.set_string(section, "simulate", simulated.index(0).value_nick)
        made = run("plug-in-smp-before-after", image)
        if made.index(0) == Gimp.PDBStatusType.SUCCESS:
            comment = made.index(1).get_parasite("gimp-comment")
            report.set_string(section, "before-after-comment", bytes(b % 256 for b in comment.get_data()).decode() if comment else "none")
            made.index(1).delete()
    image.delete()

image = Gimp.Image.new(400, 400, Gimp.ImageBaseType.RGB)
image.set_resolution(6 * 25.4, 6 * 25.4)
grey = Gimp.Layer.new(image, "photo", 400, 400, Gimp.ImageType.RGB_IMAGE, 100, Gimp.LayerMode.NORMAL)
image.insert_layer(grey, None, 0)
Gimp.context_push()
Gimp.context_set_foreground(Gegl.Color.new("#808080"))
grey.fill(Gimp.FillType.FOREGROUND)
Gimp.context_pop()
result = run("plug-in-smp-analyse-scalp", image)
report.set_string("no-head", "status", result.index(0).value_nick)
report.set_string("no-head", "message", str(result.index(1)))
image.delete()

report.save_to_file(os.path.join(case_dir, "report.ini"))
