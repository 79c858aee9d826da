# Runs inside GIMP 3 (python-fu-eval), once per photo and run of tools/run-benchmark simulate:
# Simulate SMP on SMP_BENCH_PHOTO (scale SMP_BENCH_PX_PER_MM, no selection: the head is fitted)
# with its first render (a flatten) and PNG export, then GEGL's and GIMP's own work on a fresh
# copy of the same photo. Prints "bench: WHAT SECONDS" and "bench: memory WHAT KiB" lines; the
# plug-in prints its stages itself (SMP_TIMING). Exports go to SMP_BENCH_SCRATCH.
import os
import time

from gi.repository import Gimp, Gio

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


gimp_pid = os.getppid()
image = timed("load", load)
print(f"bench: pixels {image.get_width() * image.get_height()}", flush=True)
print(f"bench: memory gimp-before {peak_kib(gimp_pid)}", flush=True)
timed("simulate", lambda: simulate(image))
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
