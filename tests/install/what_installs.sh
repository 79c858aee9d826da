#!/bin/bash
# What `meson install` puts where, without writing it (a dry run into a scratch folder):
#   what_installs.sh MESON BUILD_DIR filters-only|with-plugin
# A filters-only build installs the GEGL module alone; one with the plug-in adds the plug-in
# and its presets beside it. Fails naming what is missing or extra.
set -uo pipefail
meson=$1 build=$2 kind=$3
listing=$("$meson" install -C "$build" --dry-run --no-rebuild --destdir /nonexistent-smp-destdir 2>&1) ||
    { echo "meson install --dry-run failed:"; echo "$listing"; exit 1; }
installed=$(grep -E '^Installing ' <<<"$listing")
echo "$installed"
count() { grep -cE "$1" <<<"$installed"; }
fail=0
[ "$(count 'smp-filters\.so to ')" = 1 ] || { echo "FAIL: the GEGL module smp-filters.so is not installed once"; fail=1; }
presets=$(count '\.preset to ')
plugin=$(count 'gimp-smp to ')
if [ "$kind" = filters-only ]; then
    [ "$presets" = 0 ] || { echo "FAIL: a filters-only build installs $presets presets (GIMP 2.10 cannot use them)"; fail=1; }
    [ "$plugin" = 0 ] || { echo "FAIL: a filters-only build installs the plug-in"; fail=1; }
    others=$(grep -vc 'smp-filters\.so to ' <<<"$installed")
    [ "$others" = 0 ] || { echo "FAIL: a filters-only build installs $others files besides the module"; fail=1; }
else
    shipped=$(ls "$(dirname "$0")/../../presets/"*.preset | wc -l)
    [ "$presets" = "$shipped" ] || { echo "FAIL: $presets presets installed, $shipped shipped"; fail=1; }
    [ "$plugin" -ge 1 ] || { echo "FAIL: the plug-in gimp-smp is not installed"; fail=1; }
fi
[ $fail = 0 ] && echo "OK: $kind build installs what it should"
exit $fail
