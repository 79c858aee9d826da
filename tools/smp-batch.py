# The batch's GIMP side (runs inside GIMP 3 through tools/gimp-batch, started by tools/smp-batch):
# for each photo of the input folder, with the settings file and the photo's sidecar, sets the
# scale, simulates, and writes the simulation, the before/after and the stencil into the output
# folder. A photo that fails is reported and skipped; batch-report.ini lists every photo.
import os

from gi.repository import Gimp, Gio, GLib, GObject

settings_path = os.environ["SMP_BATCH_SETTINGS"]
in_dir = os.environ["SMP_BATCH_INPUT"]
out_dir = os.environ["SMP_BATCH_OUTPUT"]
PHOTO_EXTENSIONS = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".webp", ".bmp", ".xcf")
pdb = Gimp.get_pdb()


class PhotoError(Exception):
    pass


def say(text):
    print("smp-batch: " + text, flush=True)


def key_file(path, what):
    kf = GLib.KeyFile()
    try:
        kf.load_from_file(path, GLib.KeyFileFlags.NONE)
    except GLib.Error as e:
        raise PhotoError(f"{what} {os.path.basename(path)} can't be read: {e.message}")
    return kf


def get(kf, group, key, default=None):
    try:
        return kf.get_string(group, key).strip()
    except GLib.Error:
        return default


def numbers(kf, group, key, count, where):
    """The key's numbers, `count` of them (or any of the counts in a tuple), else a PhotoError."""
    counts = count if isinstance(count, tuple) else (count,)
    text = get(kf, group, key)
    if text is None:
        return None
    try:
        values = [float(v) for v in text.split(",")]
    except ValueError:
        values = []
    if len(values) not in counts:
        raise PhotoError(f"{where}: {key}={text} needs {' or '.join(map(str, counts))} numbers separated by commas")
    return values


def checked(procedure, config, key, value):
    """The value, if the procedure's argument takes it; else a PhotoError naming the argument, the
    value and what it takes (GIMP itself only warns on the console and keeps the default)."""
    pspec = config.find_property(key)
    if pspec is None:
        raise PhotoError(f"{procedure.get_name()} has no argument {key}")
    if isinstance(value, str) and pspec.value_type == GObject.TYPE_STRING and hasattr(Gimp, "param_spec_choice_get_choice"):
        try:
            choice = Gimp.param_spec_choice_get_choice(pspec)
        except TypeError:
            choice = None
        if choice is not None and not choice.is_valid(value):
            raise PhotoError(f"{key}={value} is not one of {', '.join(choice.list_nicks())}")
    if isinstance(value, (int, float)) and not isinstance(value, bool) and hasattr(pspec, "minimum"):
        if not pspec.minimum <= value <= pspec.maximum:
            raise PhotoError(f"{key}={value:g} is outside {pspec.minimum:g} to {pspec.maximum:g}")
    return value


def run(name, image, **arguments):
    procedure = pdb.lookup_procedure(name)
    config = procedure.create_config()
    config.set_property("run-mode", Gimp.RunMode.NONINTERACTIVE)
    config.set_property("image", image)
    for key, value in arguments.items():
        key = key.replace("_", "-")
        config.set_property(key, checked(procedure, config, key, value))
    result = procedure.run(config)
    if result.index(0) != Gimp.PDBStatusType.SUCCESS:
        raise PhotoError(str(result.index(1)))
    return result


def path_from(image, name, points):
    path = Gimp.Path.new(image, name)
    image.insert_path(path, None, 0)
    flat = []
    for x, y in points:
        flat += [x, y, x, y, x, y]
    path.stroke_new_from_points(Gimp.PathStrokeType.BEZIER, flat, False)
    return path


def sidecar_of(photo):
    stem = os.path.splitext(photo)[0]
    for candidate in (photo + ".smp", stem + ".smp"):
        if os.path.isfile(candidate):
            return candidate
    raise PhotoError(f"no sidecar: write {os.path.basename(stem)}.smp beside it with [photo] px-per-mm=... and "
                     "head=x,y,width,height (top view) or landmarks=glabella x,y,left eye x,y,right eye x,y (front view; "
                     "with eyes=brows the brows instead of the eyes, the glabella first or left out)")


def set_scale(image, sidecar, name):
    """The scale from the sidecar: px-per-mm, or a ruler in the photo; returns the stencil's scale arguments."""
    px_per_mm = get(sidecar, "photo", "px-per-mm")
    ruler = numbers(sidecar, "photo", "ruler", 4, name)
    if ruler:
        length_mm = float(get(sidecar, "photo", "ruler-mm", "0") or 0)
        line = path_from(image, "SMP ruler", [(ruler[0], ruler[1]), (ruler[2], ruler[3])])
        run("plug-in-smp-calibrate-scale", image, path=line, reference="ruler", length_mm=length_mm)
        return {}
    try:
        scale = float(px_per_mm)
    except (TypeError, ValueError):
        scale = 0.0
    if not scale > 0.0:
        raise PhotoError(f"{name}: give the scale, px-per-mm=... or ruler=x1,y1,x2,y2 with ruler-mm=...")
    image.set_resolution(scale * 25.4, scale * 25.4)
    return {"scale_from_resolution": True, "scale_note": f"{scale:g} px/mm from the batch sidecar {name}"}


def process(photo, stem, settings):
    sidecar_path = sidecar_of(photo)
    sidecar_name = os.path.basename(sidecar_path)
    sidecar = key_file(sidecar_path, "the sidecar")
    try:
        image = Gimp.file_load(Gimp.RunMode.NONINTERACTIVE, Gio.File.new_for_path(photo))
    except GLib.Error as e:
        raise PhotoError(f"GIMP can't open it: {e.message}")
    if image is None:
        raise PhotoError("GIMP can't open it: " + (pdb.get_last_error() or "not an image it reads"))
    written = []
    try:
        stencil_scale = set_scale(image, sidecar, sidecar_name)
        head = numbers(sidecar, "photo", "head", 4, sidecar_name)
        eyes = get(sidecar, "photo", "eyes", "canthi")
        landmarks = numbers(sidecar, "photo", "landmarks", (4, 6) if eyes == "brows" else 6, sidecar_name)
        seed = int(get(settings, "batch", "seed", "0") or 0)
        marks = None
        style = get(settings, "batch", "style", "juvenile")
        if head:
            preset = get(settings, "batch", "preset", "norwood-4")
        else:
            preset = get(settings, "batch", "front-preset", f"hairline-{style}-front")
        if head:
            image.select_ellipse(Gimp.ChannelOps.REPLACE, *head)
            run("plug-in-smp-simulate", image, preset=preset,
                front=get(sidecar, "photo", "front", get(settings, "batch", "front", "up")), seed=seed)
        elif landmarks:
            marks = path_from(image, "SMP landmarks", [landmarks[i:i + 2] for i in range(0, len(landmarks), 2)])
            # A front-view preset keeps the pigment on the model head above the designed line.
            run("plug-in-smp-simulate", image, preset=preset, landmarks=marks, eyes=eyes, seed=seed)
        else:
            raise PhotoError(f"{sidecar_name} gives neither head=x,y,width,height nor landmarks=...")
        Gimp.Selection.none(image)

        def out(suffix):
            path = os.path.join(out_dir, stem + suffix)
            written.append(path)
            return Gio.File.new_for_path(path)

        Gimp.file_save(Gimp.RunMode.NONINTERACTIVE, image, out("-simulation.png"), None)
        Gimp.file_save(Gimp.RunMode.NONINTERACTIVE, image, out("-simulation.xcf"), None)
        show = (get(settings, "batch", "show-disclosure", "true") or "true").lower() != "false"
        made = run("plug-in-smp-before-after", image, file=out("-before-after.png"),
                   layout=get(settings, "batch", "layout", "side-by-side"),
                   label_placement=get(settings, "batch", "label-placement", "top-left"), show_disclosure=show).index(1)
        made.delete()
        notes = []
        if image.get_path_by_name("SMP hairline"):
            pdf = out("-stencil.pdf")
            written.append(os.path.join(out_dir, stem + "-stencil.svg"))
            extra = dict(stencil_scale, preset=preset) if marks else dict(stencil_scale)
            if marks:
                extra.update(landmarks=marks, eyes=eyes)
            run("plug-in-smp-export-stencil", image, file=pdf, paper=get(settings, "batch", "paper", "a4"),
                client_reference=get(sidecar, "photo", "client-reference", stem), **extra)
        else:
            notes.append("no stencil: the preset has no hairline")
        return written, notes
    except Exception:
        for path in written:  # no half set of outputs for a photo that failed
            if os.path.exists(path):
                os.remove(path)
        raise
    finally:
        image.delete()


report = GLib.KeyFile()
done = failed = 0
try:
    settings = key_file(settings_path, "the settings file")
    photos = sorted(f for f in os.listdir(in_dir)
                    if f.lower().endswith(PHOTO_EXTENSIONS) and os.path.isfile(os.path.join(in_dir, f)))
    stems = [os.path.splitext(f)[0] for f in photos]
except PhotoError as e:
    say(str(e))
    photos, stems, failed = [], [], 1
say(f"{len(photos)} photos in {in_dir}")
for number, name in enumerate(photos, 1):
    stem = stems[number - 1] if stems.count(stems[number - 1]) == 1 else name
    try:
        outputs, notes = process(os.path.join(in_dir, name), stem, settings)
        done += 1
        report.set_string(name, "status", "done")
        report.set_string_list(name, "outputs", [os.path.basename(p) for p in outputs])
        say(f"[{number}/{len(photos)}] {name}: done ({', '.join(os.path.basename(p) for p in outputs)})"
            + "".join("; " + n for n in notes))
    except Exception as e:  # one bad photo must not stop the others
        failed += 1
        report.set_string(name, "status", "failed")
        report.set_string(name, "message", str(e))
        say(f"[{number}/{len(photos)}] {name}: FAILED: {e}")
report.set_integer("summary", "done", done)
report.set_integer("summary", "failed", failed)
report.save_to_file(os.path.join(out_dir, "batch-report.ini"))
say(f"{done} done, {failed} failed; report in {os.path.join(out_dir, 'batch-report.ini')}")
