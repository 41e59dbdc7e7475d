#!/usr/bin/env bash
# Makes the Debian 11 (bullseye, glibc 2.31) build root from Debian's own packages, once per
# package list: $NORMDESK_COMPAT_CACHE/bullseye-KEY (see lib.sh). Idempotent.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

if [[ -f "$ROOT_DIR/.normdesk-root-done" ]]; then
    echo "compat: root $ROOT_DIR is there"
    exit 0
fi
command -v debootstrap >/dev/null ||
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
mirror="$(debian_mirror)"
mkdir -p "$CACHE"
# Roots of older versions of these scripts go (0.7 GB each), and so does a half-made one, which is
# never reused: a root is built under a temporary name and renamed when complete. Whatever a killed
# run left mounted in them is unmounted first, and rm stays on their own file system (a bind-mounted
# /dev must never be emptied).
for old in "$CACHE/$SUITE"-*; do
    [[ -d "$old" ]] || continue
    awk -v d="$old/" 'index($2, d) == 1 {print $2}' /proc/mounts | sort -r | xargs -r -n1 umount -l
    ! awk -v d="$old/" 'index($2, d) == 1 {found = 1} END {exit !found}' /proc/mounts ||
        die "$old still has mounts: unmount them first"
    rm -rf --one-file-system "$old"
done
tmp="$ROOT_DIR.partial"
debootstrap --variant=minbase --keyring=/usr/share/keyrings/debian-archive-keyring.gpg \
    "$SUITE" "$tmp" "$mirror" >"$CACHE/debootstrap.log" 2>&1 ||
    die "debootstrap failed: see $CACHE/debootstrap.log"

cat >"$tmp/etc/apt/sources.list" <<SOURCES
deb $mirror $SUITE main
deb $mirror $SUITE-updates main
SOURCES
cp /etc/resolv.conf "$tmp/etc/resolv.conf" 2>/dev/null || true
# no documentation, no recommends: the root is for building only
cat >"$tmp/etc/dpkg/dpkg.cfg.d/01-nodoc" <<'NODOC'
path-exclude=/usr/share/doc/*
path-exclude=/usr/share/man/*
path-exclude=/usr/share/info/*
path-exclude=/usr/share/locale/*
NODOC

ROOT_DIR="$tmp"
mount_root
mapfile -t packages < <(sed -e 's/#.*//' -e '/^\s*$/d' "$COMPAT_DIR/packages.txt")
in_root apt-get update -qq
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${packages[@]}" >"$CACHE/apt.log" 2>&1 || die "apt-get in the root failed: see $CACHE/apt.log"
in_root apt-get clean
umount_root
touch "$tmp/.normdesk-root-done"
mv "$tmp" "${tmp%.partial}"
echo "compat: root ready: ${tmp%.partial} ($(du -sh "${tmp%.partial}" | cut -f1))"
