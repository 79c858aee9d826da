# The simulate benchmark's figures ("MP bench: WHAT SECONDS", "MP gimp-smp: STAGE S s", memory
# lines in KiB) as one Markdown table of medians over the runs, with the targets.
import statistics
import sys
from collections import defaultdict

figures = defaultdict(list)
for line in open(sys.argv[1]):
    megapixels, source, rest = line.split(" ", 2)
    words = rest.split()
    if source == "gimp-smp:" and words[:2] == ["peak", "memory"]:
        figures[(megapixels, "plug-in peak KiB")].append(float(words[2]))
    elif source == "gimp-smp:":
        figures[(megapixels, "stage " + " ".join(words[:-2]))].append(float(words[-2]))
    elif words[0] == "memory":
        figures[(megapixels, words[1] + " KiB")].append(float(words[2]))
    else:
        figures[(megapixels, words[0])].append(float(words[1]))

sizes = sorted({m for m, _ in figures}, key=float)


def median(megapixels, what):
    values = figures.get((megapixels, what))
    return statistics.median(values) if values else None


def cell(value, unit="s"):
    return "–" if value is None else f"{value:.2f}" if unit == "s" else f"{value:.1f}"


stages = list(dict.fromkeys(w for _, w in figures if w.startswith("stage ")))  # in the order they ran
rows = [("**Simulate SMP** (whole procedure)", "simulate")]
rows += [(f"  {w[6:]}", w) for w in stages]
rows += [("live painting: GIMP's composite, first render", "composite-first"),
         ("  the composite again, nothing changed", "composite-unchanged"),
         ("  a 200 px stroke on the pigment layer", "stroke-200px"),
         ("  the composite after the stroke", "composite-after-stroke"),
         ("first render of the effect (flatten)", "first-render"),
         ("dialog preview: the scalp found (first draw only)", "scalp-found-once"),
         ("  the photo shrunk to 480 px", "photo-shrunk"),
         ("  its first picture", "first-picture"),
         ("  redrawn: density changed", "redraw-density"),
         ("  redrawn: sessions changed", "redraw-sessions"),
         ("  redrawn: dot size changed", "redraw-dot-size"), ("PNG export of the result", "export"),
         ("gegl:gaussian-blur, 2 mm", "gaussian-blur-2mm"), ("gegl:invert-linear", "invert-linear"),
         ("GIMP flatten, photo alone", "flatten-photo"), ("PNG export, photo alone", "export-photo")]
runs = max(len(v) for k, v in figures.items() if k[1] == "simulate")
print(f"\nMedians of {runs} runs, seconds; memory in bytes per photo pixel.\n")
print("| | " + " | ".join(f"{m} MP" for m in sizes) + " |")
print("|---|" + "---|" * len(sizes))
for label, what in rows:
    print(f"| {label} | " + " | ".join(cell(median(m, what)) for m in sizes) + " |")
ratio = [None if median(m, "simulate") is None or not median(m, "gaussian-blur-2mm")
         else median(m, "simulate") / median(m, "gaussian-blur-2mm") for m in sizes]
print("| Simulate / gaussian-blur 2 mm | " + " | ".join("–" if r is None else f"{r:.1f}x" for r in ratio) + " |")


def per_pixel(megapixels, kib):
    pixels = median(megapixels, "pixels")
    return None if kib is None or not pixels else kib * 1024.0 / pixels


growth = [per_pixel(m, None if median(m, "gimp-after KiB") is None else
                    median(m, "gimp-after KiB") - median(m, "gimp-before KiB")) for m in sizes]
plug_in = [per_pixel(m, median(m, "plug-in peak KiB")) for m in sizes]
print("| GIMP's peak memory grown by Simulate, render and export | " + " | ".join(cell(g, "B") for g in growth) + " |")
print("| the plug-in's own peak (MiB) | " + " | ".join(
    "–" if p is None else f"{p:.1f} ({median(m, 'plug-in peak KiB') / 1024:.0f})" for m, p in zip(sizes, plug_in)) + " |")

targets = {"2": 1.0, "12": 3.0}
print()
for m, limit in targets.items():
    t = median(m, "simulate")
    if t is not None:
        print(f"target: Simulate ≤ {limit:g} s on {m} MP: {t:.2f} s, {'met' if t <= limit else 'NOT met'}")
for m, g, p in zip(sizes, growth, plug_in):
    if g is not None and p is not None:
        above = g + p
        print(f"target: peak memory ≤ 4 B/px above GIMP's own on {m} MP: {above:.1f} B/px "
              f"(GIMP {g:.1f} + plug-in {p:.1f}), {'met' if above <= 4.0 else 'NOT met'}")
for m in sizes:
    wait = median(m, "redraw-wait")
    redraws = [median(m, w) for w in ("redraw-density", "redraw-sessions", "redraw-dot-size")]
    if wait is not None and None not in redraws:
        worst = wait + max(redraws)
        print(f"target: the dialog preview redraws within 150 ms of a change on {m} MP: {1000 * worst:.0f} ms "
              f"(it waits {1000 * wait:.0f} ms for the change to settle, then draws in at most {1000 * max(redraws):.0f} ms), "
              f"{'met' if worst <= 0.150 else 'NOT met'}")
for m in sizes:
    after, first = median(m, "composite-after-stroke"), median(m, "composite-first")
    if after is not None and first:
        print(f"live painting on {m} MP: the composite after a 200 px stroke {after:.3f} s, "
              f"{100.0 * after / first:.0f}% of its first render ({first:.2f} s): "
              f"{'only the touched tiles re-render' if after < 0.25 * first else 'MORE than the touched tiles re-render'}")
