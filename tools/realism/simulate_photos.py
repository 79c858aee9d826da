# The realism score's GIMP side (runs inside GIMP 3 through tools/gimp-batch): each photo of the
# job file SMP_REALISM_JOBS goes through Simulate SMP twice, as a designer would run it. The
# designer run: the scale set, the head selected with an elliptical selection, the preset and
# the way the face points; its flattened result and the pigment layer's own pixels (the density
# the stipple reads) are written where the job says. The fit run: the same without a selection,
# and the head Simulate fitted read back from the path "SMP head". The front run, for a photo
# cropped at the brows whose designer run took a top-view preset: the head selected as in the
# designer run, the brows marked, its front-view preset; its flattened result is written where
# the job says. What happened goes to the
# report file SMP_REALISM_REPORT, one group per photo. A job with scale-to runs on a working copy
# of the photo scaled to that size, whose picture before Simulate is written too.
import os
import time

from gi.repository import Gimp, Gio, GLib

jobs = GLib.KeyFile()
jobs.load_from_file(os.environ["SMP_REALISM_JOBS"], GLib.KeyFileFlags.NONE)
report_path = os.environ["SMP_REALISM_REPORT"]
report = GLib.KeyFile()
progress_path = os.environ["SMP_REALISM_PROGRESS"]
simulate = Gimp.get_pdb().lookup_procedure("plug-in-smp-simulate")


def has(keys, group, key):
    try:
        keys.get_value(group, key)
        return True
    except GLib.Error:
        return False


def say(line):
    with open(progress_path, "a") as progress:
        progress.write(line + "\n")


def numbers(group, key):
    return [float(v) for v in jobs.get_string(group, key).split(";") if v.strip()]


def open_photo(group):
    image = Gimp.file_load(Gimp.RunMode.NONINTERACTIVE, Gio.File.new_for_path(jobs.get_string(group, "photo")))
    if has(jobs, group, "scale-to"):
        width, height = (int(v) for v in numbers(group, "scale-to"))
        image.scale(width, height)  # a working copy, as Image > Scale makes it
    px_per_mm = jobs.get_double(group, "px-per-mm")
    image.set_resolution(px_per_mm * 25.4, px_per_mm * 25.4)
    Gimp.Selection.none(image)
    return image


def add_landmarks(image, marks):
    """Glabella, image-left and image-right pupil (or brow) as the three-anchor path "SMP landmarks"."""
    path = Gimp.Path.new(image, "SMP landmarks")
    image.insert_path(path, None, 0)
    flat = []
    for i in range(0, 6, 2):
        flat += [marks[i], marks[i + 1]] * 3
    path.stroke_new_from_points(Gimp.PathStrokeType.BEZIER, flat, False)


def run_simulate(image, group, preset, with_landmarks):
    config = simulate.create_config()
    config.set_property("run-mode", Gimp.RunMode.NONINTERACTIVE)
    config.set_property("image", image)
    config.set_property("preset", preset)
    config.set_property("front", jobs.get_string(group, "front"))
    if with_landmarks:
        config.set_property("eyes", jobs.get_string(group, "eyes"))
    started = time.monotonic()
    result = simulate.run(config)
    seconds = time.monotonic() - started
    ok = result.index(0) == Gimp.PDBStatusType.SUCCESS
    if ok:  # what the pigment's shade was matched to, printed with the time
        report.set_string(group, "shade", str(result.index(2)))
    return (result.index(1) if ok else None), ("" if ok else str(result.index(1))), seconds


def export_png(image, path):
    """The image as GIMP composites it, with the photo's colour profile, quickly compressed."""
    export = Gimp.get_pdb().lookup_procedure("file-png-export")
    config = export.create_config()
    config.set_property("run-mode", Gimp.RunMode.NONINTERACTIVE)
    config.set_property("image", image)
    config.set_property("file", Gio.File.new_for_path(path))
    config.set_property("compression", 1)
    config.set_property("include-color-profile", True)
    if export.run(config).index(0) != Gimp.PDBStatusType.SUCCESS:
        raise RuntimeError("could not write " + path)


def save_pigment_pixels(image, path):
    """The pigment layer's own pixels, without its live effect: what a user paints, what the stipple reads."""
    copy = image.duplicate()
    group = copy.get_layers()[0]  # Simulate puts its group on top
    for other in copy.get_layers()[1:]:
        copy.remove_layer(other)
    pigment = group.get_children()[0]
    for effect in pigment.get_filters():
        effect.delete()
    pigment.set_mode(Gimp.LayerMode.NORMAL)
    export_png(copy, path)
    copy.delete()


def select_head(image, group):
    left, top, width, height = numbers(group, "ellipse")
    image.select_ellipse(Gimp.ChannelOps.REPLACE, left, top, width, height)


def designer_run(group):
    image = open_photo(group)
    try:
        if has(jobs, group, "before"):
            export_png(image, jobs.get_string(group, "before"))
        select_head(image, group)
        _, _, x1, y1, x2, y2 = Gimp.Selection.bounds(image)
        report.set_string(group, "selection", "%d;%d;%d;%d" % (x1, y1, x2, y2))
        with_landmarks = has(jobs, group, "designer-landmarks") and jobs.get_boolean(group, "designer-landmarks")
        if with_landmarks:
            add_landmarks(image, numbers(group, "landmarks"))
        made, message, seconds = run_simulate(image, group, jobs.get_string(group, "designer-preset"), with_landmarks)
        report.set_double(group, "designer-seconds", seconds)
        report.set_string(group, "designer-status", "success" if made else "failed")
        report.set_string(group, "designer-message", message)
        if not made:
            return
        Gimp.Selection.none(image)
        flat = image.duplicate()
        flat.flatten()
        export_png(flat, jobs.get_string(group, "after"))
        flat.delete()
        save_pigment_pixels(image, jobs.get_string(group, "density"))
    finally:
        image.delete()


def front_run(group):
    image = open_photo(group)
    try:
        select_head(image, group)
        add_landmarks(image, numbers(group, "landmarks"))
        made, message, seconds = run_simulate(image, group, jobs.get_string(group, "front-preset"), True)
        report.set_double(group, "front-seconds", seconds)
        report.set_string(group, "front-status", "success" if made else "failed")
        report.set_string(group, "front-message", message)
        if not made:
            return
        Gimp.Selection.none(image)
        image.flatten()
        export_png(image, jobs.get_string(group, "front-after"))
    finally:
        image.delete()


def fit_run(group):
    image = open_photo(group)
    try:
        made, message, seconds = run_simulate(image, group, jobs.get_string(group, "fit-preset"), False)
        report.set_double(group, "fit-seconds", seconds)
        report.set_string(group, "fit-status", "success" if made else "failed")
        report.set_string(group, "fit-message", message)
        head = image.get_path_by_name("SMP head")
        if made and head is not None:
            points = head.stroke_get_points(head.get_strokes()[0])[1]
            # Control points come as (handle in, anchor, handle out) per anchor: front, side, back, side.
            anchors = [points[i] for k in range(0, len(points), 6) for i in (k + 2, k + 3)]
            report.set_string(group, "fit-head", ";".join("%.2f" % v for v in anchors))
    finally:
        image.delete()


for group in jobs.get_groups()[0]:
    for step, run in (("designer", designer_run), ("fit", fit_run), ("front", front_run)):
        if not has(jobs, group, step + "-preset"):
            continue
        say("%s: %s run ..." % (group, step))
        if has(report, group, "shade"):  # each run says its own shade
            report.remove_key(group, "shade")
        try:
            run(group)
        except Exception as error:  # one photo's trouble must not stop the others
            report.set_string(group, step + "-status", "failed")
            report.set_string(group, step + "-message", "%s: %s" % (type(error).__name__, error))
        say("%s: %s run %s, Simulate took %.1f s%s" % (group, step, report.get_string(group, step + "-status"),
                                                       report.get_double(group, step + "-seconds")
                                                       if has(report, group, step + "-seconds") else 0.0,
                                                       "; shade: " + report.get_string(group, "shade")
                                                       if has(report, group, "shade") else ""))
        report.save_to_file(report_path)  # after every step: what was done survives a crash
report.save_to_file(report_path)
