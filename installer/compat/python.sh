#!/usr/bin/env bash
# Python 3.11 for the compat root, built inside it (so it links bullseye's glibc 2.31, OpenSSL 1.1.1
# and SQLite 3.34.1) into /opt/python3.11 there, once per version of this script.
#
# The source is the upstream tarball of Debian 12's python3.11 source package (3.11.2), fetched by
# apt on the host from a bookworm deb-src line. Debian's own patches (debian.tar.xz) are not
# applied: they are about Debian's file layout. No PGO, no test run: it builds in minutes.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

KEY="$(sha256sum "$COMPAT_DIR/python.sh" | cut -c1-12)"
STAMP="$ROOT_DIR/opt/python3.11/.normdesk-$KEY"
[[ -d "$ROOT_DIR" ]] || die "no root at $ROOT_DIR: run installer/compat/root.sh first"
if [[ -f "$STAMP" ]]; then
    echo "compat: $ROOT_DIR/opt/python3.11 is there"
    exit 0
fi

# apt on the host, with a sources list of its own that names only bookworm's deb-src.
src="$CACHE/python-src"
if ! ls "$src"/python3.11_*.orig.tar.* >/dev/null 2>&1; then
    mkdir -p "$src/lists/partial"
    echo "deb-src $(debian_mirror) bookworm main" >"$src/sources.list"
    apt_opts=(-qq -o "Dir::Etc::sourcelist=$src/sources.list" -o Dir::Etc::sourceparts=-
        -o "Dir::State::Lists=$src/lists" -o APT::Sandbox::User=root)
    apt-get "${apt_opts[@]}" update
    (cd "$src" && apt-get "${apt_opts[@]}" source --download-only python3.11)
fi
tarball="$(ls "$src"/python3.11_*.orig.tar.* | head -n 1)"
echo "compat: building Python from $(basename "$tarball")"

rm -rf "$ROOT_DIR/usr/src/python" "$ROOT_DIR/opt/python3.11"
mkdir -p "$ROOT_DIR/usr/src/python"
tar -xf "$tarball" -C "$ROOT_DIR/usr/src/python" --strip-components=1
mount_root
# --enable-shared: PyInstaller bundles libpython3.11.so; the rpath lets the built python find it.
in_root bash -c 'cd /usr/src/python &&
    ./configure -q --prefix=/opt/python3.11 --enable-shared \
        LDFLAGS="-Wl,-rpath,/opt/python3.11/lib" >/usr/src/python-configure.log 2>&1 &&
    make -s -j"$(nproc)" >/usr/src/python-make.log 2>&1 &&
    make -s altinstall >/usr/src/python-install.log 2>&1' ||
    die "the Python build failed: see $ROOT_DIR/usr/src/python-*.log"

# The modules the app needs must have been built, and SQLite must be >= 3.34 with FTS5 trigram.
in_root /opt/python3.11/bin/python3.11 - <<'PY' || die "the built Python lacks a module the app needs"
import bz2, ctypes, hashlib, lzma, ssl, sqlite3, uuid, zlib  # noqa: F401
v = sqlite3.sqlite_version_info
assert v >= (3, 34), f"SQLite {sqlite3.sqlite_version} < 3.34"
con = sqlite3.connect(":memory:")
con.execute("create virtual table t using fts5(body, tokenize='trigram')")
con.execute("insert into t values ('规范性文件管理系统')")
assert con.execute("select count(*) from t where t match '文件管'").fetchone()[0] == 1
print(f"compat: Python {__import__('sys').version.split()[0]}, SQLite {sqlite3.sqlite_version} "
      f"(FTS5 trigram works), {ssl.OPENSSL_VERSION}")
PY
rm -rf "$ROOT_DIR/usr/src/python"
touch "$STAMP"
