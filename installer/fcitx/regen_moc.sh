#!/usr/bin/env bash
# Regenerates moc/ (the meta-object code of the vendored fcitx5-qt sources) and moc/fcitx5.json.
# Run on a Debian 12 host after changing anything under fcitx5-qt/: it needs bookworm's moc 6.4.2
# (apt-get install qt6-base-dev-tools) and the Qt 6.8 headers (fetched by build_plugin.sh).
# moc's output is committed because the plugin is also compiled inside a Debian 11 root, where no
# Qt 6 moc runs; moc 6.4 writes output revision 68, which Qt 6.8's headers accept.
#
#   installer/fcitx/regen_moc.sh
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
MOC=${MOC:-/usr/lib/qt6/libexec/moc}
[[ -x "$MOC" ]] || { echo "regen_moc: $MOC not found (apt-get install qt6-base-dev-tools)" >&2; exit 1; }
QT_HEADERS=$(bash "$HERE/build_plugin.sh" --fetch-headers)
SRC="$HERE/fcitx5-qt"
QINC="$QT_HEADERS/usr/include/x86_64-linux-gnu/qt6"
QV=$(basename "$(ls -d "$QINC"/QtCore/6.*)")
rm -f "$HERE"/moc/moc_*.cpp
cd "$HERE/moc"
for header in $(grep -l 'Q_OBJECT\|Q_PLUGIN_METADATA' "$SRC"/platforminputcontext/*.h "$SRC"/dbusaddons/*.h); do
    "$MOC" -DENABLE_X11 -DFCITX_PLUGIN_DATA_FILE_PATH='"fcitx5.json"' \
        -I"$QINC" -I"$QINC/QtCore" -I"$QINC/QtCore/$QV" -I"$QINC/QtGui" -I"$QINC/QtGui/$QV" \
        -I"$QINC/QtGui/$QV/QtGui" -I"$SRC/common" -I"$SRC/dbusaddons" -I"$SRC/platforminputcontext" \
        -f"$(basename "$header")" "$header" -o "moc_$(basename "$header" .h).cpp"
done
ls "$HERE"/moc
