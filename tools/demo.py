# The demo's GIMP side (runs inside GIMP 3 through tools/gimp-batch): opens the photo, sets its
# scale, chooses where the pigment goes and runs the stipple procedure as a user would, then
# writes the results. With the head's outline known (SMP_DEMO_HEAD) it designs a top-view
# hairline first and stipples behind it; otherwise it stipples a soft-edged ellipse.
import os

from gi.repository import Gimp, Gio

photo = os.environ["SMP_DEMO_INPUT"]
out = os.environ["SMP_DEMO_OUTPUT"]
HEAD_WIDTH_MM = 150.0  # an adult head across the top, for photos without a scale


def save(image, name):
    Gimp.file_save(Gimp.RunMode.NONINTERACTIVE, image, Gio.File.new_for_path(os.path.join(out, name)), None)


def save_crop(image, box, name):
    copy = image.duplicate()
    copy.crop(*box)
    save(copy, name)
    copy.delete()


image = Gimp.file_load(Gimp.RunMode.NONINTERACTIVE, Gio.File.new_for_path(photo))
width, height = image.get_width(), image.get_height()
if os.environ.get("SMP_DEMO_ELLIPSE"):
    x, y, w, h = (int(v) for v in os.environ["SMP_DEMO_ELLIPSE"].split(","))
else:
    x, y, w, h = width // 5, height // 5, width * 3 // 5, height * 3 // 5
px_per_mm = float(os.environ.get("SMP_DEMO_PX_PER_MM") or w / HEAD_WIDTH_MM)
print(f"demo: {photo} at {px_per_mm:.2f} px/mm, simulating inside the ellipse {x},{y},{w},{h}")
closeup = (min(400, width), min(300, height), max(0, x + w // 2 - 200), max(0, y + h // 2 - 150))
save_crop(image, closeup, "closeup-before.png")
image.set_resolution(px_per_mm * 25.4, px_per_mm * 25.4)


def run(name, **arguments):
    procedure = Gimp.get_pdb().lookup_procedure(name)
    config = procedure.create_config()
    config.set_property("run-mode", Gimp.RunMode.NONINTERACTIVE)
    config.set_property("image", image)
    for key, value in arguments.items():
        config.set_property(key.replace("_", "-"), value)
    result = procedure.run(config)
    if result.index(0) != Gimp.PDBStatusType.SUCCESS:
        raise SystemExit(name + " failed: " + str(result.index(1)))
    return result


if os.environ.get("SMP_DEMO_HEAD"):
    hx, hy, hw, hh = (int(v) for v in os.environ["SMP_DEMO_HEAD"].split(","))
    image.select_ellipse(Gimp.ChannelOps.REPLACE, hx, hy, hw, hh)
    density = run("plug-in-smp-design-hairline", view="top", front="up", style="mature", seed=1).index(2)
    image.select_item(Gimp.ChannelOps.REPLACE, density)  # its ramp becomes the pigment's density
    print("demo: designed a mature top-view hairline; the path \"SMP hairline\" is in simulation.xcf")
else:
    image.select_ellipse(Gimp.ChannelOps.REPLACE, x, y, w, h)
    Gimp.Selection.feather(image, 8.0 * px_per_mm)  # density fades in over the hairline's width
run("plug-in-smp-stipple-layer", seed=1)

Gimp.Selection.none(image)
save(image, "simulation.png")
save(image, "simulation.xcf")
save_crop(image, closeup, "closeup-simulation.png")
# The labelled before/after, as a clinic would show it: SIMULATION on the picture and in its metadata.
made = run("plug-in-smp-before-after", file=Gio.File.new_for_path(os.path.join(out, "before-after.png"))).index(1)
made.delete()
image.delete()
print("demo: simulation.xcf is editable: paint the SMP pigment layer to change the density")
