# Runs inside GIMP 3 (python-fu-eval): a synthetic scalp with a FUT strip scar at 10 px/mm.
# Camouflage Scar first on a corner without scar (refused, nothing added), then on a rough
# rectangle around the scar; reports the items it made and exports what a user would see.
import os

from gi.repository import Gimp, Gio, GLib

case_dir = os.environ["SMP_CASE_DIR"]
report = GLib.KeyFile()
pdb = Gimp.get_pdb()


def run(name, image, drawables, **arguments):
    procedure = pdb.lookup_procedure(name)
    config = procedure.create_config()
    config.set_property("run-mode", Gimp.RunMode.NONINTERACTIVE)
    config.set_property("image", image)
    config.set_core_object_array("drawables", drawables)
    for key, value in arguments.items():
        config.set_property(key.replace("_", "-"), value)
    return procedure.run(config)


def export(image, name):
    Gimp.file_save(Gimp.RunMode.NONINTERACTIVE, image, Gio.File.new_for_path(os.path.join(case_dir, name)), None)


def export_only(image, keep, name, mode=None):
    copy = image.duplicate()
    for layer in copy.get_layers():
        if layer.get_name() not in keep:
            copy.remove_layer(layer)
        elif mode is not None:
            layer.set_mode(mode)
    export(copy, name)
    copy.delete()


def export_channel(image, channel_name, name):
    copy = image.duplicate()
    channel = [c for c in copy.get_channels() if c.get_name() == channel_name][0]
    layer = Gimp.Layer.new_from_drawable(channel, copy)
    copy.insert_layer(layer, None, 0)
    for other in copy.get_layers():
        if other != layer:
            copy.remove_layer(other)
    export(copy, name)
    copy.delete()


image = Gimp.file_load(Gimp.RunMode.NONINTERACTIVE, Gio.File.new_for_path(os.environ["SMP_INPUT"]))
image.set_resolution(254.0, 254.0)  # 10 px per mm
photo = image.get_layers()[0]
photo.set_name("photo")
report.set_boolean("plugin", "registered", pdb.lookup_procedure("plug-in-smp-camouflage-scar") is not None)

image.select_rectangle(Gimp.ChannelOps.REPLACE, 0, 0, 300, 60)  # skin only
refused = run("plug-in-smp-camouflage-scar", image, [photo])
report.set_string("no-scar", "status", refused.index(0).value_nick)
report.set_string("no-scar", "message", str(refused.index(1)))
report.set_string_list("no-scar", "layers", [layer.get_name() for layer in image.get_layers()])
report.set_string_list("no-scar", "channels", [c.get_name() for c in image.get_channels()] or ["none"])

image.select_rectangle(Gimp.ChannelOps.REPLACE, 60, 60, 880, 180)  # roughly around the strip
selection_before = Gimp.Selection.bounds(image)
result = run("plug-in-smp-camouflage-scar", image, [photo], kind="linear", seed=3)
status = result.index(0).value_nick
report.set_string("run", "status", status)
report.set_string("run", "message", "" if status == "success" else str(result.index(1)))
layers = image.get_layers()
report.set_string_list("items", "layers", [layer.get_name() for layer in layers])
report.set_string_list("items", "modes", [layer.get_mode().value_nick for layer in layers])
report.set_string_list("items", "channels", [c.get_name() for c in image.get_channels()] or ["none"])
report.set_string_list("items", "selected", [layer.get_name() for layer in image.get_selected_layers()])
report.set_boolean("items", "selection-unchanged", Gimp.Selection.bounds(image) == selection_before)
blend = [layer for layer in layers if layer.get_name() == "SMP scar blend"]
pigment = [layer for layer in layers if layer.get_name() == "SMP scar pigment"]
if blend:
    report.set_boolean("items", "blend-has-mask", blend[0].get_mask() is not None)
if pigment:
    filters = pigment[0].get_filters()
    report.set_string_list("items", "pigment-filters", [f.get_operation_name() for f in filters] or ["none"])
    if filters:
        config = filters[0].get_config()
        report.set_double("stipple", "density", config.get_property("density"))
        report.set_double("stipple", "strength", config.get_property("strength"))
export(image, "composite.png")
export_only(image, ["photo"], "photo.png")
if status == "success":
    export_only(image, ["photo", "SMP scar blend"], "blended.png")
    export_only(image, ["SMP scar pigment"], "pigment.png", Gimp.LayerMode.NORMAL)
    export_channel(image, "SMP scar mask", "mask.png")
report.save_to_file(os.path.join(case_dir, "report.ini"))
image.delete()
