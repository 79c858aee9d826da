# Runs inside GIMP 3 (python-fu-eval), once per photo and run of tools/run-benchmark simulate:
# Simulate SMP on SMP_BENCH_PHOTO (scale SMP_BENCH_PX_PER_MM, no selection: the head is fitted)
# with its first render (a flatten) and PNG export, then GEGL's and GIMP's own work on a fresh
# copy of the same photo. Prints "bench: WHAT SECONDS" and "bench: memory WHAT KiB" lines; the
# plug-in prints its stages itself (SMP_TIMING). Exports go to SMP_BENCH_SCRATCH.
import os
import time

import gi

gi.require_version("Gegl", "0.4")
from gi.repository import Gegl, Gimp, Gio

photo = os.environ["SMP_BENCH_PHOTO"]
px_per_mm = float(os.environ["SMP_BENCH_PX_PER_MM"])
scratch = os.environ["SMP_BENCH_SCRATCH"]
pdb = Gimp.get_pdb()


def peak_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def timed(what, action):
    start = time.monotonic()
    result = action()
    print(f"bench: {what} {time.monotonic() - start:.3f}", flush=True)
    return result


def load():
    image = Gimp.file_load(Gimp.RunMode.NONINTERACTIVE, Gio.File.new_for_path(photo))
    image.set_resolution(px_per_mm * 25.4, px_per_mm * 25.4)
    return image


def export(image, name):
    Gimp.file_save(Gimp.RunMode.NONINTERACTIVE, image, Gio.File.new_for_path(os.path.join(scratch, name)), None)


def simulate(image):
    procedure = pdb.lookup_procedure("plug-in-smp-simulate")
    config = procedure.create_config()
    config.set_property("run-mode", Gimp.RunMode.NONINTERACTIVE)
    config.set_property("image", image)
    result = procedure.run(config)
    if result.index(0) != Gimp.PDBStatusType.SUCCESS:
        raise RuntimeError(f"Simulate SMP failed on {photo}: {result.index(1)}")


def gegl_filter(layer, operation, **properties):
    drawable_filter = Gimp.DrawableFilter.new(layer, operation, "")
    config = drawable_filter.get_config()
    for key, value in properties.items():
        config.set_property(key.replace("_", "-"), value)
    drawable_filter.update()
    layer.merge_filter(drawable_filter)


def stroke_on_pigment(image):
    """A 200 px brush stroke (20 px brush, full density) across the middle of the pigment layer."""
    group = [layer for layer in image.get_layers() if layer.get_name().startswith("SMP simulation")][0]
    pigment = group.get_children()[0]
    Gimp.context_push()
    Gimp.context_set_foreground(Gegl.Color.new("white"))
    Gimp.context_set_brush_size(20.0)
    x, y = image.get_width() / 2 - 100, image.get_height() / 2
    Gimp.paintbrush_default(pigment, [x, y, x + 200, y])
    Gimp.context_pop()


def composite(image):
    """GIMP's composite of the image, as the canvas shows it: the projection, rendered where it is out of date."""
    Gimp.edit_copy_visible(image)


gimp_pid = os.getppid()
image = timed("load", load)
print(f"bench: pixels {image.get_width() * image.get_height()}", flush=True)
print(f"bench: memory gimp-before {peak_kib(gimp_pid)}", flush=True)
timed("simulate", lambda: simulate(image))
# Live painting: the composite after a stroke on the pigment layer, against the same composite
# with nothing changed (a copy of the projection) and its first render (every tile).
timed("composite-first", lambda: composite(image))
timed("composite-unchanged", lambda: composite(image))
timed("stroke-200px", lambda: stroke_on_pigment(image))
timed("composite-after-stroke", lambda: composite(image))
timed("first-render", image.flatten)
timed("export", lambda: export(image, "simulation.png"))
print(f"bench: memory gimp-after {peak_kib(gimp_pid)}", flush=True)
image.delete()

# The baselines, on the photo alone.
image = load()
layer = image.get_layers()[0]
timed("gaussian-blur-2mm", lambda: gegl_filter(layer, "gegl:gaussian-blur", std_dev_x=2.0 * px_per_mm,
                                                 std_dev_y=2.0 * px_per_mm))
timed("invert-linear", lambda: gegl_filter(layer, "gegl:invert-linear"))
timed("flatten-photo", image.flatten)
timed("export-photo", lambda: export(image, "photo.png"))
image.delete()
