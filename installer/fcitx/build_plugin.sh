#!/usr/bin/env bash
# Builds the fcitx Qt 6 input-method plugin (libfcitx5platforminputcontextplugin.so) for the
# bundle: the pip PySide6 wheels carry only the ibus and compose input contexts, so without it Qt
# programs cannot talk to fcitx5 (nor to fcitx 4, which Kylin V10 and UOS 20 often run: the plugin
# speaks both).
#
#   installer/fcitx/build_plugin.sh OUT_DIR QT_LIB_DIR   build into OUT_DIR (plus the licences)
#   installer/fcitx/build_plugin.sh --fetch-headers      fetch the Qt headers, print their folder
#
# QT_LIB_DIR is the PySide6 wheel's Qt/lib (libQt6Core.so.6 ...): the plugin is linked against
# exactly the libraries it will be loaded with, by soname.
#
# What goes in:
# - fcitx5-qt/: the plugin-only part of fcitx5-qt 5.1.9 (the version Debian 13 ships), i.e. what
#   its CMake option BUILD_ONLY_PLUGIN compiles: qt5/platforminputcontext (the Qt 6 build uses
#   these files through symlinks) and qt6/dbusaddons, with its licences (BSD-3-Clause for these
#   folders, LGPL-2.1-or-later for the rest of the project). Without the Wayland workaround
#   (X11 only, as the bundle runs Qt on xcb).
# - moc/: moc's output for those headers, committed (regen_moc.sh) since no Qt 6 moc runs in the
#   Debian 11 root where the compat bundle is built.
# - Qt 6.8 headers from Debian 13's qt6-base-dev and qt6-base-private-dev, downloaded with apt
#   and unpacked (not installed) into build/fcitx-qt-headers, or taken from $FCITX_QT_HEADERS
#   (a folder holding the unpacked usr/include; inside a chroot, fetch them on the host first).
#   Headers older than the Qt the plugin runs with: Qt loads plugins built against an older minor
#   of the same major. The few private symbols used (QPlatformInputContext, QWindowSystemInterface)
#   are versioned Qt_6_PRIVATE_API and unchanged from 6.8 to 6.11; QT_NO_VERSION_TAGGING keeps a
#   reference to the newest Qt_6.x version tag of the linked library out of the plugin.
# - a C++17 compiler (g++ 10 in Debian 11 is enough) and libxkbcommon-dev, libxcb1-dev.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
SRC="$HERE/fcitx5-qt"
PLUGIN=libfcitx5platforminputcontextplugin.so

die() {
    echo "build_plugin: $*" >&2
    exit 1
}

source "$HERE/../debian_mirror.sh"

fetch_headers() {
    local dest="$ROOT/build/fcitx-qt-headers" apt_dir
    if [[ -f "$dest/.complete" ]]; then
        echo "$dest"
        return
    fi
    command -v apt-get >/dev/null || die "apt-get is needed to fetch the Qt headers"
    apt_dir=$(mktemp -d)
    mkdir -p "$apt_dir/lists/partial" "$apt_dir/debs"
    echo "deb $(debian_mirror) trixie main" >"$apt_dir/sources.list"
    local opts=(-o "Dir::Etc::sourcelist=$apt_dir/sources.list" -o "Dir::Etc::sourceparts=-"
        -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache::archives=$apt_dir/debs"
        -o "APT::Sandbox::User=root")
    apt-get "${opts[@]}" update -qq >&2 || die "apt-get update (Debian 13 lists) failed"
    (cd "$apt_dir/debs" && apt-get "${opts[@]}" download -qq \
        qt6-base-dev/trixie qt6-base-private-dev/trixie >&2) || die "downloading the Qt headers failed"
    rm -rf "$dest"
    mkdir -p "$dest"
    for deb in "$apt_dir"/debs/*.deb; do
        dpkg-deb -x "$deb" "$dest"
        basename "$deb" >>"$dest/.debs"
    done
    rm -rf "$apt_dir"
    touch "$dest/.complete"
    echo "$dest"
}

if [[ "${1:-}" == --fetch-headers ]]; then
    fetch_headers
    exit 0
fi

[[ $# -eq 2 ]] || die "usage: build_plugin.sh OUT_DIR QT_LIB_DIR | --fetch-headers"
OUT="$1"
QT_LIB="$(cd "$2" && pwd)" || die "$2: no such folder"
for lib in Core Gui DBus Widgets; do
    [[ -e "$QT_LIB/libQt6$lib.so.6" ]] || die "$QT_LIB/libQt6$lib.so.6 not found"
done

QT_HEADERS="${FCITX_QT_HEADERS:-$(fetch_headers)}"
QINC="$QT_HEADERS/usr/include/x86_64-linux-gnu/qt6"
[[ "$(uname -m)" == x86_64 ]] || QINC=$(ls -d "$QT_HEADERS"/usr/include/*-linux-gnu*/qt6 | head -n 1)
[[ -f "$QINC/QtCore/qtmetamacros.h" ]] || die "no Qt 6 headers in $QT_HEADERS"
QV=$(basename "$(ls -d "$QINC"/QtCore/6.*)")
CXX=${CXX:-g++}

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
CXXFLAGS=(-std=c++17 -O2 -fPIC -fvisibility=hidden -fvisibility-inlines-hidden -w
    -DQT_NO_DEBUG -DQT_NO_VERSION_TAGGING -DQT_PLUGIN -DQT_CORE_LIB -DQT_GUI_LIB -DQT_DBUS_LIB
    -DQT_WIDGETS_LIB -DENABLE_X11 -DFCITX5QT6DBUSADDONS_STATIC_DEFINE -DFCITX5_QT_VERSION='"5.1.9"'
    -I"$QINC" -I"$QINC/QtCore" -I"$QINC/QtGui" -I"$QINC/QtDBus" -I"$QINC/QtWidgets"
    -I"$QINC/QtCore/$QV" -I"$QINC/QtCore/$QV/QtCore" -I"$QINC/QtGui/$QV" -I"$QINC/QtGui/$QV/QtGui"
    -I"$SRC/common" -I"$SRC/dbusaddons" -I"$SRC/platforminputcontext" -I"$HERE/moc")
start=$SECONDS
echo "build_plugin: compiling fcitx5-qt 5.1.9 with $($CXX --version | head -n 1), Qt $QV headers" >&2
# Two unity translation units, one per core: the Qt headers are parsed twice instead of 37 times
# (about 5 times faster than file by file).
for f in "$SRC"/platforminputcontext/*.cpp; do echo "#include \"$f\""; done >"$WORK/unit1.cpp"
for f in "$SRC"/dbusaddons/*.cpp "$HERE"/moc/moc_*.cpp; do echo "#include \"$f\""; done >"$WORK/unit2.cpp"
"$CXX" "${CXXFLAGS[@]}" -c "$WORK/unit1.cpp" -o "$WORK/unit1.o" &
unit1=$!
"$CXX" "${CXXFLAGS[@]}" -c "$WORK/unit2.cpp" -o "$WORK/unit2.o" || die "compiling failed"
wait "$unit1" || die "compiling failed"
mkdir -p "$OUT"
# RUNPATH as the wheel's own plugins have it: PyInstaller then resolves libQt6*.so.6 to the wheel's
# copies, not to a system Qt (whose ICU and other libraries would come into the bundle, 37 MB)
"$CXX" -shared -o "$OUT/$PLUGIN" "$WORK"/*.o -Wl,--no-undefined -Wl,--as-needed -Wl,-O1 -s \
    -Wl,-rpath,'$ORIGIN/../../lib' \
    -L"$QT_LIB" -l:libQt6Widgets.so.6 -l:libQt6Gui.so.6 -l:libQt6DBus.so.6 -l:libQt6Core.so.6 \
    -lxkbcommon -lxcb || die "linking failed"
rm -rf "$OUT/fcitx5-qt-LICENSES"
mkdir -p "$OUT/fcitx5-qt-LICENSES"
cp "$SRC"/LICENSES/* "$SRC/README.md" "$OUT/fcitx5-qt-LICENSES/"
echo "build_plugin: $OUT/$PLUGIN ($(du -k "$OUT/$PLUGIN" | cut -f1) KB, $((SECONDS - start)) s)" >&2
