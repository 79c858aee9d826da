# Runs inside GIMP 3 (python-fu-eval), several times on one kept profile, each run a GIMP start:
#   save:    saves two presets (SMP Save as Preset) and quits;
#   restart: after the restart uses, lists, renames and deletes them, and tries what is refused;
#   again:   after a second restart lists what is left and simulates with the renamed preset.
# Writes report-<step>.ini into SMP_CASE_DIR.
import os

from gi.repository import Gimp, GLib

case_dir = os.environ["SMP_CASE_DIR"]
step = os.environ["SMP_PRESETS_STEP"]
report = GLib.KeyFile()
pdb = Gimp.get_pdb()


def run(procedure_name, image, **arguments):
    procedure = pdb.lookup_procedure(procedure_name)
    config = procedure.create_config()
    if config.find_property("run-mode") is not None:
        config.set_property("run-mode", Gimp.RunMode.NONINTERACTIVE)
    if image is not None:
        config.set_property("image", image)
    for key, value in arguments.items():
        config.set_property(key.replace("_", "-"), value)
    return procedure.run(config)


def record(group, result):
    report.set_string(group, "status", result.index(0).value_nick)
    if result.index(0) != Gimp.PDBStatusType.SUCCESS:
        report.set_string(group, "message", str(result.index(1)))


def listed():
    result = run("plug-in-smp-list-presets", None)
    return list(result.index(1)), list(result.index(2))


def head():
    image = Gimp.Image.new(400, 400, Gimp.ImageBaseType.RGB)
    layer = Gimp.Layer.new(image, "photo", 400, 400, Gimp.ImageType.RGB_IMAGE, 100, Gimp.LayerMode.NORMAL)
    image.insert_layer(layer, None, 0)
    Gimp.context_set_foreground(Gimp.color_parse_css("rgb(220,180,160)"))
    layer.fill(Gimp.FillType.FOREGROUND)
    image.set_resolution(2.0 * 25.4, 2.0 * 25.4)
    image.select_ellipse(Gimp.ChannelOps.REPLACE, 50, 30, 300, 340)
    return image


def simulate(group, preset=None):
    image = head()
    result = run("plug-in-smp-simulate", image, **({} if preset is None else {"preset": preset}))
    record(group, result)
    groups = [l.get_name() for l in image.get_layers() if l.is_group()]
    report.set_string(group, "groups", ";".join(groups))
    image.delete()


scratch = Gimp.Image.new(16, 16, Gimp.ImageBaseType.RGB)
if step == "save":
    record("save-dense", run("plug-in-smp-save-preset", scratch, preset="norwood-4", name="My NW4 dense",
                             density=120.0))
    record("save-filler", run("plug-in-smp-save-preset", scratch, preset="density-filler", name="Crown filler"))
elif step == "restart":
    nicks, names = listed()
    report.set_string("listed", "presets", ";".join(nicks))
    report.set_string("listed", "names", ";".join(names))
    simulate("simulate-saved", "my-nw4-dense")
    simulate("simulate-unknown", "norwood-44")
    record("rename", run("plug-in-smp-rename-preset", scratch, preset="my-nw4-dense", name="Client 7 NW4"))
    simulate("simulate-old-name", "my-nw4-dense")
    record("rename-onto-another", run("plug-in-smp-rename-preset", scratch, preset="client-7-nw4",
                                      name="Crown filler"))
    record("rename-shipped", run("plug-in-smp-rename-preset", scratch, preset="norwood-4", name="Mine"))
    record("delete-shipped", run("plug-in-smp-delete-preset", scratch, preset="norwood-4"))
    record("delete", run("plug-in-smp-delete-preset", scratch, preset="crown-filler"))
else:
    nicks, names = listed()
    report.set_string("listed", "presets", ";".join(nicks))
    simulate("simulate-renamed", "client-7-nw4")
    simulate("simulate-default")
scratch.delete()
report.save_to_file(os.path.join(case_dir, f"report-{step}.ini"))
