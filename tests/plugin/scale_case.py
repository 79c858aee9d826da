# Runs inside GIMP 3 (python-fu-eval): a photo at a camera's default resolution, never calibrated,
# through Simulate SMP and SMP Stipple Layer (SMP_SCALE_STEP=default), or the same photo after SMP
# Calibrate Scale with a known scale (SMP_SCALE_STEP=calibrated). GIMP's output carries the
# warnings; report-<step>.ini what each call returned.
import os

from gi.repository import Gimp, GLib

case_dir = os.environ["SMP_CASE_DIR"]
step = os.environ["SMP_SCALE_STEP"]
report = GLib.KeyFile()
pdb = Gimp.get_pdb()


def run(name, image, **arguments):
    procedure = pdb.lookup_procedure(name)
    config = procedure.create_config()
    config.set_property("run-mode", Gimp.RunMode.NONINTERACTIVE)
    config.set_property("image", image)
    for key, value in arguments.items():
        config.set_property(key.replace("_", "-"), value)
    result = procedure.run(config)
    report.set_string(name, "status", result.index(0).value_nick)
    if result.index(0) != Gimp.PDBStatusType.SUCCESS:
        report.set_string(name, "message", str(result.index(1)))
    return result


image = Gimp.Image.new(600, 600, Gimp.ImageBaseType.RGB)
layer = Gimp.Layer.new(image, "photo", 600, 600, Gimp.ImageType.RGB_IMAGE, 100, Gimp.LayerMode.NORMAL)
image.insert_layer(layer, None, 0)
Gimp.context_set_foreground(Gimp.color_parse_css("rgb(220,180,160)"))
layer.fill(Gimp.FillType.FOREGROUND)
image.set_resolution(72.0, 72.0)
if step == "calibrated":
    result = run("plug-in-smp-calibrate-scale", image, reference="known", px_per_mm=4.0)
    report.set_double("scale", "px-per-mm", result.index(1) if result.index(0) == Gimp.PDBStatusType.SUCCESS else 0.0)
    run("plug-in-smp-calibrate-scale", image, reference="known", px_per_mm=0.0)
image.select_ellipse(Gimp.ChannelOps.REPLACE, 100, 60, 400, 480)
run("plug-in-smp-simulate", image, preset="norwood-6")
run("plug-in-smp-stipple-layer", image)
report.save_to_file(os.path.join(case_dir, f"report-{step}.ini"))
