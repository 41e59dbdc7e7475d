#!/usr/bin/env bash
# SQLite and Python 3.11 for the compat root, built inside it (so they link bullseye's glibc 2.31
# and OpenSSL 1.1.1) into /opt/sqlite and /opt/python3.11 there, once per version of this script.
#
# SQLite: bullseye's 3.34.1 has FTS5 trigram but not RETURNING (3.35), and the app inserts with
# INSERT … RETURNING (registration, demo data): so Debian 12's sqlite3 source package (3.40.1),
# with Debian's compile options and its fixes from debian/patches (the security ones listed below).
# Python: the upstream tarball of Debian 12's python3.11 source package (3.11.2); Debian's own
# patches are about its file layout and are not applied. No PGO, no test run: minutes, not hours.
# Both source packages are fetched by apt on the host, from a bookworm deb-src line.
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
src="$CACHE/sources"
fetch_source() {
    ls "$src/$1"_*.orig.tar.* >/dev/null 2>&1 && return
    mkdir -p "$src/lists/partial"
    echo "deb-src $(debian_mirror) bookworm main" >"$src/sources.list"
    local apt_opts=(-qq -o "Dir::Etc::sourcelist=$src/sources.list" -o Dir::Etc::sourceparts=-
        -o "Dir::State::Lists=$src/lists" -o APT::Sandbox::User=root)
    [[ -f "$src/lists/.updated" ]] || { apt-get "${apt_opts[@]}" update && touch "$src/lists/.updated"; }
    (cd "$src" && apt-get "${apt_opts[@]}" source --download-only "$1")
}
fetch_source sqlite3
fetch_source python3.11

rm -rf "$ROOT_DIR/usr/src/build" "$ROOT_DIR/opt/sqlite" "$ROOT_DIR/opt/python3.11"
mkdir -p "$ROOT_DIR/usr/src/build/sqlite" "$ROOT_DIR/usr/src/build/python"
tar -xf "$(ls "$src"/sqlite3_*.orig.tar.xz)" -C "$ROOT_DIR/usr/src/build/sqlite" --strip-components=1
tar -xf "$(ls "$src"/sqlite3_*.debian.tar.xz)" -C "$ROOT_DIR/usr/src/build/sqlite"
tar -xf "$(ls "$src"/python3.11_*.orig.tar.gz)" -C "$ROOT_DIR/usr/src/build/python" --strip-components=1
mount_root
LOGS="$ROOT_DIR/usr/src/build/*.log"

echo "compat: SQLite $(cat "$ROOT_DIR/usr/src/build/sqlite/VERSION")"
# The CFLAGS and options are debian/rules' (3.40.1-2+deb12u2); the patches are its fixes.
in_root bash -c 'set -e; cd /usr/src/build/sqlite
    for p in 41-fix_a_bug_in_the_NOT_NULL-IS_NULL_optimization 42-CVE-2025-6965 \
        0001-Fix-a-buffer-overread-in-the-sessions-extension-that \
        0002-Avoid-a-stack-overflow-that-could-be-caused-by-a-rec \
        0003-Fix-a-technically-undefined-signed-integer-overflow-; do
        patch -p1 -s <debian/patches/$p.patch
    done
    ./configure -q --prefix=/opt/sqlite --disable-static --disable-tcl --enable-threadsafe \
        --enable-load-extension --enable-json --enable-fts4 --enable-fts5 \
        CFLAGS="-O2 -fno-strict-aliasing -DSQLITE_SECURE_DELETE -DSQLITE_ENABLE_COLUMN_METADATA
            -DSQLITE_ENABLE_FTS3 -DSQLITE_ENABLE_FTS3_PARENTHESIS -DSQLITE_ENABLE_RTREE=1
            -DSQLITE_SOUNDEX=1 -DSQLITE_ENABLE_UNLOCK_NOTIFY -DSQLITE_OMIT_LOOKASIDE=1
            -DSQLITE_ENABLE_DBSTAT_VTAB -DSQLITE_ALLOW_ROWID_IN_VIEW
            -DSQLITE_ENABLE_UPDATE_DELETE_LIMIT=1 -DSQLITE_ENABLE_LOAD_EXTENSION
            -DSQLITE_ENABLE_JSON1 -DSQLITE_LIKE_DOESNT_MATCH_BLOBS -DSQLITE_THREADSAFE=1
            -DSQLITE_ENABLE_FTS3_TOKENIZER=1 -DSQLITE_USE_URI=1 -DSQLITE_MAX_SCHEMA_RETRY=25
            -DSQLITE_ENABLE_PREUPDATE_HOOK -DSQLITE_ENABLE_SESSION -DSQLITE_ENABLE_STMTVTAB
            -DSQLITE_MAX_VARIABLE_NUMBER=250000" >../sqlite.log 2>&1
    make -s -j"$(nproc)" >>../sqlite.log 2>&1
    make -s install >>../sqlite.log 2>&1' || die "the SQLite build failed: see $LOGS"

# --enable-shared: PyInstaller bundles libpython3.11.so; the rpaths let the built python find it
# and /opt/sqlite's libsqlite3 (which PyInstaller then bundles from there).
in_root bash -c 'set -e; cd /usr/src/build/python
    ./configure -q --prefix=/opt/python3.11 --enable-shared \
        LIBSQLITE3_CFLAGS="-I/opt/sqlite/include" LIBSQLITE3_LIBS="-L/opt/sqlite/lib -lsqlite3" \
        LDFLAGS="-Wl,-rpath,/opt/python3.11/lib -Wl,-rpath,/opt/sqlite/lib" >../python.log 2>&1
    make -s -j"$(nproc)" >>../python.log 2>&1
    make -s altinstall >>../python.log 2>&1' || die "the Python build failed: see $LOGS"

# The modules the app needs must have been built; SQLite must have FTS5 trigram (3.34) and
# RETURNING (3.35).
in_root /opt/python3.11/bin/python3.11 - <<'PY' || die "the built Python lacks what the app needs"
import bz2, ctypes, hashlib, lzma, ssl, sqlite3, sys, uuid, zlib  # noqa: F401
assert sqlite3.sqlite_version_info >= (3, 35), f"SQLite {sqlite3.sqlite_version} < 3.35"
con = sqlite3.connect(":memory:")
con.execute("create virtual table t using fts5(body, tokenize='trigram')")
con.execute("insert into t values ('规范性文件管理系统')")
assert con.execute("select count(*) from t where t match '文件管'").fetchone()[0] == 1
con.execute("create table d (id integer primary key, n text)")
assert con.execute("insert into d (n) values ('x') returning id").fetchall() == [(1,)]
print(f"compat: Python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version} (FTS5 trigram and "
      f"RETURNING work), {ssl.OPENSSL_VERSION}")
PY
rm -rf "$ROOT_DIR/usr/src/build"
touch "$STAMP"
