#!/bin/bash
# What `meson install` puts where, without writing it (a dry run into a scratch folder):
#   what_installs.sh MESON BUILD_DIR filters-only|with-plugin
# A filters-only build installs the GEGL module and the compiled catalogs (one per language in
# po/LINGUAS) alone; one with the plug-in adds the plug-in and its presets, and puts the catalogs
# in the plug-in's folder (locale/, where libgimp looks). Fails naming what is missing or extra.
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
languages=$(grep -v '^#' "$(dirname "$0")/../../po/LINGUAS")
[ -n "$languages" ] || { echo "FAIL: po/LINGUAS names no language"; fail=1; }
# The plug-in's folder, else any locale folder: where the catalogs must go.
plugin_dir=$(sed -nE 's/^Installing plugin\/gimp-smp to (.*)$/\1/p' <<<"$installed")
for language in $languages; do
    catalog=$(sed -nE "s#^Installing po/$language/LC_MESSAGES/gimp-smp\.mo to (.*)\$#\1#p" <<<"$installed")
    if [ -z "$catalog" ]; then
        echo "FAIL: the $language catalog (gimp-smp.mo) is not installed"; fail=1
    elif [ -n "$plugin_dir" ] && [ "$catalog" != "$plugin_dir/locale/$language/LC_MESSAGES" ]; then
        echo "FAIL: the $language catalog goes to $catalog, not to the plug-in's locale/$language/LC_MESSAGES"; fail=1
    elif [[ $catalog != */locale/$language/LC_MESSAGES ]]; then
        echo "FAIL: the $language catalog goes to $catalog, not to a locale/$language/LC_MESSAGES folder"; fail=1
    fi
done
if [ "$kind" = filters-only ]; then
    [ "$presets" = 0 ] || { echo "FAIL: a filters-only build installs $presets presets (GIMP 2.10 cannot use them)"; fail=1; }
    [ "$plugin" = 0 ] || { echo "FAIL: a filters-only build installs the plug-in"; fail=1; }
    others=$(grep -vcE 'smp-filters\.so to |gimp-smp\.mo to ' <<<"$installed")
    [ "$others" = 0 ] || { echo "FAIL: a filters-only build installs $others files besides the module and catalogs"; fail=1; }
else
    shipped=$(ls "$(dirname "$0")/../../presets/"*.preset | wc -l)
    [ "$presets" = "$shipped" ] || { echo "FAIL: $presets presets installed, $shipped shipped"; fail=1; }
    [ "$plugin" -ge 1 ] || { echo "FAIL: the plug-in gimp-smp is not installed"; fail=1; }
fi
[ $fail = 0 ] && echo "OK: $kind build installs what it should"
exit $fail
