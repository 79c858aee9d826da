#!/usr/bin/python3
"""The bare-scalp segmentation candidates of issue 13 on every annotated development photo, each
against the hand annotations (tests/photo-annotations): bare-scalp IoU, holes and pigment on
background per photo and in total, and the time each takes.

    tools/segmentation-candidates.py [PHOTOS_DIR]     (default ../shared/photos)

Needs /usr/bin/python3 with python3-opencv, python3-numpy and python3-pil, the `gegl` command-line
tool (Debian's gegl) and smp-filters.so built in _build/dev/filters (or SMP_FILTERS_DIR).

Candidates, on each photo scaled to at most 800 px on its longer side as the test suite runs it:
- rules: smp:scalp-regions, the current segmentation (its red channel);
- grabcut, matting-global, matting-levin: refine a confident trimap of the rules' output, as
  GIMP's Foreground Select refines the user's: sure bare where the rules say >= 0.9, sure not bare
  where they say <= 0.1, each eroded by 2 mm, unknown between. GrabCut starts its unknown pixels
  as probable bare where the rules say >= 0.5;
- grabcut-head-box: GrabCut from the annotated head outline's bounding box alone, with no rules,
  to show what an independent candidate gives.
Measures, on annotated pixels only (inside any bare, hair or background polygon): found bare is
coverage >= 0.5; IoU of found bare with annotated bare; holes: the share of annotated bare with
coverage < 0.2; on background: the share of annotated background found bare.
Times are wall-clock seconds; the gegl candidates' include starting the gegl tool and reading and
writing its files, shown alone as the "gegl start" column. Writes only to a temporary folder."""
import configparser
import os
import shutil
import subprocess
import sys
import tempfile
import time

import cv2
import numpy as np
from PIL import Image, ImageDraw

HERE = os.path.dirname(os.path.abspath(__file__))
ANNOTATIONS = os.path.join(HERE, "..", "tests", "photo-annotations")
PHOTOS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "shared", "photos")
FILTERS = os.environ.get("SMP_FILTERS_DIR", os.path.join(HERE, "..", "_build", "dev", "filters"))
# Tiles stay in memory: pictures of client photos are never swapped to GEGL's cache folder.
GEGL_ENV = dict(os.environ, GEGL_PATH="/usr/lib/x86_64-linux-gnu/gegl-0.4:" + FILTERS, GEGL_SWAP="RAM")
LONGER_SIDE = 800
TRIMAP_MARGIN_MM = 2.0
GEGL_TIMEOUT_S = 600
CANDIDATES = ["rules", "grabcut", "matting-global", "matting-levin", "grabcut-head-box"]
BARE, HAIR, BACKGROUND = 1, 2, 3


def points(text, scale):
    numbers = [float(v) * scale for v in text.split(";")]
    # Annotations put pixel centres at .5, PIL at whole numbers.
    return [(x - 0.5, y - 0.5) for x, y in zip(numbers[0::2], numbers[1::2])]


def drawn_labels(ini, scale, size):
    labels = Image.new("L", size, 0)
    draw = ImageDraw.Draw(labels)
    # Bare wins over hair, both over background: draw them last.
    for section, label in (("background", BACKGROUND), ("hair", HAIR), ("bare", BARE)):
        if ini.has_section(section):
            for key, value in ini.items(section):
                if key.startswith("polygon"):
                    draw.polygon(points(value, scale), fill=label)
    return np.array(labels)


def gegl(photo_png, result_npy, *ops):
    """Runs the gegl tool on the photo; returns its output (float, linear as the op made it) and
    its time. .npy keeps the floats of "Y float", where PNG would add a gamma curve and rounding."""
    start = time.monotonic()
    subprocess.run(["gegl", photo_png, "-o", result_npy, "--", *ops], env=GEGL_ENV, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=GEGL_TIMEOUT_S)
    seconds = time.monotonic() - start
    return np.load(result_npy), seconds


def nonlinear(linear):
    """gegl:matting-levin computes its alpha as "Y' double"; npy-save wrote it as linear "Y float"."""
    c = np.clip(linear, 0.0, 1.0)
    return np.where(c <= 0.0031308, 12.92 * c, 1.055 * c ** (1 / 2.4) - 0.055)


def confident_trimap(rules_bare, px_per_mm):
    radius = max(1, round(TRIMAP_MARGIN_MM * px_per_mm))
    disc = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * radius + 1, 2 * radius + 1))
    sure_bare = cv2.erode((rules_bare >= 0.9).astype(np.uint8), disc).astype(bool)
    sure_not = cv2.erode((rules_bare <= 0.1).astype(np.uint8), disc).astype(bool)
    return sure_bare, sure_not


def grabcut(photo_bgr, mask=None, box=None):
    mask = np.zeros(photo_bgr.shape[:2], np.uint8) if mask is None else mask
    models = np.zeros((1, 65), np.float64), np.zeros((1, 65), np.float64)
    mode = cv2.GC_INIT_WITH_RECT if box else cv2.GC_INIT_WITH_MASK
    cv2.setRNGSeed(1)  # GrabCut's k-means starts at random: the same numbers on every run.
    cv2.grabCut(photo_bgr, mask, box, *models, 5, mode)
    return np.isin(mask, (cv2.GC_FGD, cv2.GC_PR_FGD)).astype(np.float32)


def head_box(ini, scale, size):
    if not ini.has_option("head", "outline"):
        return None
    xy = np.array(points(ini.get("head", "outline"), scale))
    x0, y0 = np.maximum(np.floor(xy.min(axis=0)).astype(int), 0)
    x1, y1 = np.minimum(np.ceil(xy.max(axis=0)).astype(int), np.array(size) - 1)
    return int(x0), int(y0), int(x1 - x0), int(y1 - y0)


def measure(labels, coverage):
    """(IoU or None without annotated bare, holes or None, on background or None)."""
    drawn_bare, background = labels == BARE, labels == BACKGROUND
    found = (coverage >= 0.5) & (labels > 0)
    on_background = (found & background).sum() / background.sum() if background.any() else None
    if not drawn_bare.any():
        return None, None, on_background
    iou = (found & drawn_bare).sum() / (found | drawn_bare).sum()
    holes = (drawn_bare & (coverage < 0.2)).sum() / drawn_bare.sum()
    return iou, holes, on_background


def run_photo(ini, tmp):
    width, height = ini.getint("photo", "width"), ini.getint("photo", "height")
    scale = min(1.0, LONGER_SIDE / max(width, height))
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    px_per_mm = ini.getfloat("photo", "px-per-mm") * scale
    # PIL leaves EXIF rotation alone, as the annotations do.
    photo = Image.open(os.path.join(PHOTOS, ini.get("photo", "file"))).convert("RGB")
    if photo.size != (width, height):
        print("warning: %s is %dx%d, annotated as %dx%d" % (ini.get("photo", "file"), *photo.size, width, height),
              file=sys.stderr)
    photo = photo.resize(size, Image.LANCZOS)
    photo_png, trimap_png = os.path.join(tmp, "photo.png"), os.path.join(tmp, "trimap.png")
    photo.save(photo_png)
    photo_bgr = np.ascontiguousarray(np.array(photo)[:, :, ::-1])
    labels = drawn_labels(ini, scale, size)

    coverage, seconds = {}, {}
    _, seconds["gegl start"] = gegl(photo_png, os.path.join(tmp, "nop.npy"), "gegl:nop")
    regions, seconds["rules"] = gegl(photo_png, os.path.join(tmp, "rules.npy"), "smp:scalp-regions",
                                     "px-per-mm=%g" % px_per_mm, "front=" + ini.get("photo", "front"))
    coverage["rules"] = regions[:, :, 0]

    sure_bare, sure_not = confident_trimap(coverage["rules"], px_per_mm)
    seeded = sure_bare.any() and sure_not.any()
    if seeded:
        mask = np.where(sure_bare, cv2.GC_FGD, np.where(sure_not, cv2.GC_BGD, np.where(
            coverage["rules"] >= 0.5, cv2.GC_PR_FGD, cv2.GC_PR_BGD))).astype(np.uint8)
        start = time.monotonic()
        coverage["grabcut"] = grabcut(photo_bgr, mask=mask)
        seconds["grabcut"] = time.monotonic() - start
        trimap = np.where(sure_bare, 255, np.where(sure_not, 0, 128)).astype(np.uint8)
        Image.fromarray(trimap).save(trimap_png)
        for op in ("matting-global", "matting-levin"):
            try:
                coverage[op], seconds[op] = gegl(photo_png, os.path.join(tmp, op + ".npy"), "gegl:" + op,
                                                 "aux=[", "gegl:load", "path=" + trimap_png, "]")
                if op == "matting-levin":
                    coverage[op] = nonlinear(coverage[op])
            except subprocess.TimeoutExpired:
                seconds[op] = float("inf")
    box = head_box(ini, scale, size)
    if box:
        start = time.monotonic()
        coverage["grabcut-head-box"] = grabcut(photo_bgr, box=box)
        seconds["grabcut-head-box"] = time.monotonic() - start
    scores = {name: measure(labels, np.clip(c, 0.0, 1.0)) for name, c in coverage.items()}
    return size, seeded, scores, seconds


def percent(share):
    return "–" if share is None else "%.1f%%" % (100 * share)


def main():
    tmp = tempfile.mkdtemp(prefix="segmentation-candidates-")
    rows = []
    try:
        for name in sorted(os.listdir(ANNOTATIONS)):
            if not name.endswith(".ini"):
                continue
            ini = configparser.ConfigParser(interpolation=None, strict=False)
            ini.read(os.path.join(ANNOTATIONS, name))
            if not os.path.exists(os.path.join(PHOTOS, ini.get("photo", "file"))):
                print("skipped %s: its photo is not in %s" % (name, PHOTOS), file=sys.stderr)
                continue
            rows.append((name[:-4],) + run_photo(ini, tmp))
            print("done " + name[:-4], file=sys.stderr)
    finally:
        shutil.rmtree(tmp)

    print("Bare scalp per photo: IoU / holes / on background (– where not annotated or not run)\n")
    print("| photo | " + " | ".join(CANDIDATES) + " |")
    print("|---" * (len(CANDIDATES) + 1) + "|")
    for stem, _, seeded, scores, _ in rows:
        cells = []
        for candidate in CANDIDATES:
            if candidate not in scores:
                cells.append("not run" if seeded or candidate in ("rules", "grabcut-head-box") else "no trimap")
                continue
            iou, holes, background = scores[candidate]
            cells.append("%s / %s / %s" % ("no [bare]" if iou is None else "%.3f" % iou, percent(holes), percent(background)))
        print("| %s | %s |" % (stem, " | ".join(cells)))
    for label, total in (
            ("mean IoU", lambda s: "%.3f" % np.mean([v[0] for v in s])),
            ("mean holes", lambda s: percent(np.mean([v[1] for v in s]))),
            ("mean on background", lambda s: percent(np.mean([v[2] for v in s if v[2] is not None]))),
            ("IoU ≥ 0.85", lambda s: "%d of %d" % (sum(v[0] >= 0.85 for v in s), len(s))),
            ("holes < 2%", lambda s: "%d of %d" % (sum(v[1] < 0.02 for v in s), len(s)))):
        cells = []
        for candidate in CANDIDATES:
            scored = [r[3][candidate] for r in rows if candidate in r[3] and r[3][candidate][0] is not None]
            cells.append(total(scored) if scored else "–")
        print("| **%s** | %s |" % (label, " | ".join(cells)))
    skipped = [r[0] for r in rows if all(s[0] is None for s in r[3].values())]
    if skipped:
        print("\nNot in the IoU and holes totals (no [bare] drawn): " + ", ".join(skipped))

    columns = CANDIDATES + ["gegl start"]
    print("\nSeconds per photo (rules' own time not included in the seeded candidates')\n")
    print("| photo | size | " + " | ".join(columns) + " |")
    print("|---" * (len(columns) + 2) + "|")
    for stem, size, _, _, seconds in rows:
        print("| %s | %dx%d | %s |" % (stem, *size, " | ".join(
            "%.2f" % seconds[c] if c in seconds else "–" for c in columns)))
    print("| **mean** | | %s |" % " | ".join(
        "%.2f" % np.mean([r[4][c] for r in rows if c in r[4]]) if any(c in r[4] for r in rows) else "–"
        for c in columns))


if __name__ == "__main__":
    main()
