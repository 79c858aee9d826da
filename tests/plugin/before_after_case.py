# Runs inside GIMP 3 (python-fu-eval): simulates Norwood IV on a skin-coloured head, makes the labelled
# before/after (side by side, disclosure shown) and a split one with the disclosure turned off,
# exports both as PNG, and reads back what landed in the files: the PNG text chunks as a PNG
# reader sees them, and the XMP/Exif tags through gexiv2.
import os
import struct
import zlib

import gi

gi.require_version("Gegl", "0.4")
gi.require_version("GExiv2", "0.10")
from gi.repository import Gegl, GExiv2, Gimp, Gio, GLib

case_dir = os.environ["SMP_CASE_DIR"]
report = GLib.KeyFile()
pdb = Gimp.get_pdb()


def run(name, image, **arguments):
    procedure = pdb.lookup_procedure(name)
    config = procedure.create_config()
    config.set_property("run-mode", Gimp.RunMode.NONINTERACTIVE)
    config.set_property("image", image)
    for key, value in arguments.items():
        config.set_property(key.replace("_", "-"), value)
    return procedure.run(config)


def png_texts(path):
    """Keyword -> text of every tEXt, zTXt and iTXt chunk."""
    texts = {}
    with open(path, "rb") as f:
        data = f.read()
    at = 8
    while at + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        body = data[at + 8:at + 8 + length]
        at += 12 + length
        if kind == b"tEXt":
            key, _, text = body.partition(b"\0")
            texts[key.decode("latin-1")] = text.decode("latin-1")
        elif kind == b"zTXt":
            key, _, rest = body.partition(b"\0")
            texts[key.decode("latin-1")] = zlib.decompress(rest[1:]).decode("latin-1")
        elif kind == b"iTXt":
            key, _, rest = body.partition(b"\0")
            compressed, rest = rest[0], rest[2:]
            _, _, rest = rest.partition(b"\0")  # language
            _, _, text = rest.partition(b"\0")  # translated keyword
            texts[key.decode("latin-1")] = (zlib.decompress(text) if compressed else text).decode("utf-8")
        elif kind == b"eXIf":
            texts["eXIf"] = body.decode("latin-1")
    return texts


def read_back(section, path):
    texts = png_texts(path)
    report.set_string_list(section, "png-text-keys", sorted(texts) or ["none"])
    report.set_string_list(section, "png-text-with-simulation",
                           sorted(k for k, t in texts.items() if "SIMULATION" in t) or ["none"])
    metadata = GExiv2.Metadata.new()
    metadata.open_path(path)
    for tag in ("Xmp.dc.description", "Exif.Image.ImageDescription", "Xmp.dc.title"):
        try:
            value = metadata.try_get_tag_interpreted_string(tag) or ""
        except GLib.Error:
            value = ""
        report.set_string(section, tag, value)


image = Gimp.Image.new(700, 860, Gimp.ImageBaseType.RGB)
photo = Gimp.Layer.new(image, "photo", 700, 860, Gimp.ImageType.RGB_IMAGE, 100, Gimp.LayerMode.NORMAL)
image.insert_layer(photo, None, 0)
Gimp.context_push()
# Skin-coloured (Simulate keeps pigment on skin), red at 128 as the checks read it.
Gimp.context_set_foreground(Gegl.Color.new("#806050"))
photo.fill(Gimp.FillType.FOREGROUND)
Gimp.context_pop()
image.set_resolution(4 * 25.4, 4 * 25.4)
image.select_ellipse(Gimp.ChannelOps.REPLACE, 50, 50, 600, 760)  # a 15 x 19 cm head at 4 px/mm
result = run("plug-in-smp-simulate", image, preset="norwood-4", front="up", seed=2)
report.set_string("simulate", "status", result.index(0).value_nick)
# An older attempt the designer has hidden: the result must not show it.
older = Gimp.Layer.new(image, "SMP older simulation", 700, 860, Gimp.ImageType.RGB_IMAGE, 100, Gimp.LayerMode.NORMAL)
image.insert_layer(older, None, 0)
older.fill(Gimp.FillType.FOREGROUND)  # black
older.set_visible(False)
layers_before = [l.get_name() for l in image.get_layers()]
Gimp.file_save(Gimp.RunMode.NONINTERACTIVE, image, Gio.File.new_for_path(os.path.join(case_dir, "simulation.png")), None)

plain = Gimp.Image.new(10, 10, Gimp.ImageBaseType.RGB)
refused = run("plug-in-smp-before-after", plain)
report.set_string("no-simulation", "status", refused.index(0).value_nick)
report.set_string("no-simulation", "message", str(refused.index(1)))
plain.delete()

for section, arguments in (("labelled", dict(layout="side-by-side")),
                           ("no-disclosure", dict(layout="side-by-side", show_disclosure=False)),
                           ("diagonal", dict(layout="split-diagonal")),
                           ("stacked", dict(layout="stacked", label_placement="bottom-right")),
                           ("split", dict(layout="split-vertical", split_position=0.4))):
    path = os.path.join(case_dir, section + ".png")
    result = run("plug-in-smp-before-after", image, file=Gio.File.new_for_path(path), **arguments)
    ok = result.index(0) == Gimp.PDBStatusType.SUCCESS
    report.set_string(section, "status", result.index(0).value_nick)
    report.set_string(section, "message", "" if ok else str(result.index(1)))
    if ok:
        made = result.index(1)
        report.set_integer(section, "width", made.get_width())
        report.set_integer(section, "height", made.get_height())
        read_back(section, path)
        made.delete()

grey = image.duplicate()
grey.convert_grayscale()
result = run("plug-in-smp-before-after", grey, file=Gio.File.new_for_path(os.path.join(case_dir, "grayscale.png")))
report.set_string("grayscale", "status", result.index(0).value_nick)
report.set_string("grayscale", "message", "" if result.index(0) == Gimp.PDBStatusType.SUCCESS else str(result.index(1)))
if result.index(0) == Gimp.PDBStatusType.SUCCESS:
    result.index(1).delete()
grey.delete()

report.set_boolean("original", "layers-kept", [l.get_name() for l in image.get_layers()] == layers_before)
report.set_integer("original", "images-open", len(Gimp.get_images()))
report.save_to_file(os.path.join(case_dir, "report.ini"))
image.delete()
