# The demo's GIMP side (runs inside GIMP 3 through tools/gimp-batch): opens the photo, sets its
# scale, chooses where the pigment goes and runs the procedures as a user would, then writes the
# results. With the head's outline known (SMP_DEMO_HEAD) it designs a top-view hairline first and
# stipples behind it; with SMP_DEMO_ELLIPSE it stipples that soft-edged ellipse; a photo with
# neither goes through Simulate SMP (SMP_DEMO_PRESET, default norwood-6), which fits the head to
# the photo and keeps the pigment on bare scalp.
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


def set_scale(px_per_mm):
    image.set_resolution(px_per_mm * 25.4, px_per_mm * 25.4)


def fitted_head(preset):
    """Simulate SMP without a selection: the head it fits to the photo, as x, y, width, height."""
    group = run("plug-in-smp-simulate", preset=preset, front=FRONT, seed=1).index(1)
    head = image.get_path_by_name("SMP head")
    if head is None:
        raise SystemExit("demo: Simulate SMP fitted no head to this photo; give SMP_DEMO_HEAD=x,y,width,height")
    # The path's own points: a head that fills the photo runs past the canvas, where a
    # selection would be cut off.
    xs, ys = [], []
    for stroke in head.get_strokes():
        points = head.stroke_get_points(stroke)[1]
        xs += points[0::2]
        ys += points[1::2]
    image.select_item(Gimp.ChannelOps.REPLACE, head)
    return group, (round(min(xs)), round(min(ys)), round(max(xs) - min(xs)), round(max(ys) - min(ys)))


FRONT = os.environ.get("SMP_DEMO_FRONT", "up")
simulated = not os.environ.get("SMP_DEMO_HEAD") and not os.environ.get("SMP_DEMO_ELLIPSE")
if simulated:
    preset = os.environ.get("SMP_DEMO_PRESET", "norwood-6")
    given = os.environ.get("SMP_DEMO_PX_PER_MM")
    # Without a scale, a first fit at a guess gives the head's width in pixels, taken as 15 cm;
    # the simulation is then run again at that scale, on the fitted head.
    set_scale(float(given) if given else width * 0.6 / HEAD_WIDTH_MM)
    first, (x, y, w, h) = fitted_head(preset)
    px_per_mm = float(given) if given else w / HEAD_WIDTH_MM
    if not given:
        image.remove_layer(first)
        set_scale(px_per_mm)
elif os.environ.get("SMP_DEMO_ELLIPSE"):
    x, y, w, h = (int(v) for v in os.environ["SMP_DEMO_ELLIPSE"].split(","))
    px_per_mm = float(os.environ.get("SMP_DEMO_PX_PER_MM") or w / HEAD_WIDTH_MM)
else:
    x, y, w, h = (int(v) for v in os.environ["SMP_DEMO_HEAD"].split(","))
    px_per_mm = float(os.environ.get("SMP_DEMO_PX_PER_MM") or w / HEAD_WIDTH_MM)
print(f"demo: {photo} at {px_per_mm:.2f} px/mm, the pigment around {x},{y},{w},{h}")
closeup = (min(400, width), min(300, height), max(0, x + w // 2 - 200), max(0, y + h // 2 - 150))
save_crop(image, closeup, "closeup-before.png")  # the photo layer is never written
set_scale(px_per_mm)

if simulated:
    if not os.environ.get("SMP_DEMO_PX_PER_MM"):
        run("plug-in-smp-simulate", preset=preset, front=FRONT, seed=1)  # on the fitted head, selected
    print(f"demo: Simulate SMP with the preset {preset}; the fitted head is the path \"SMP head\"")
elif os.environ.get("SMP_DEMO_HEAD"):
    hx, hy, hw, hh = (int(v) for v in os.environ["SMP_DEMO_HEAD"].split(","))
    image.select_ellipse(Gimp.ChannelOps.REPLACE, hx, hy, hw, hh)
    density = run("plug-in-smp-design-hairline", view="top", front="up", style="mature", seed=1).index(2)
    image.select_item(Gimp.ChannelOps.REPLACE, density)  # its ramp becomes the pigment's density
    print("demo: designed a mature top-view hairline; the path \"SMP hairline\" is in simulation.xcf")
else:
    image.select_ellipse(Gimp.ChannelOps.REPLACE, x, y, w, h)
    Gimp.Selection.feather(image, 8.0 * px_per_mm)  # density fades in over the hairline's width
if not simulated:
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
