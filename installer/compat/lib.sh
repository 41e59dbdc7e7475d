# Shared by the compat build scripts (sourced, not run): where the Debian 11 root lives, how to run
# a command inside it, and timed steps.
#
# NORMDESK_COMPAT_CACHE  folder for the root (default: build/compat in the clone). Point it outside
#                        the clone to reuse one root across clones and CI runs on the same machine.
# NORMDESK_DEBIAN_MIRROR Debian mirror URL (default: the first one in the host's apt sources).

COMPAT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$COMPAT_DIR/../.." && pwd)"
SUITE=bullseye
CACHE="${NORMDESK_COMPAT_CACHE:-$REPO/build/compat}"

die() {
    echo "compat: $*" >&2
    exit 1
}

[[ $EUID -eq 0 ]] || die "debootstrap, chroot and mount need root"

# The root is keyed by the scripts that make it: a changed package list or root.sh gives a new root.
ROOT_KEY="$(cat "$COMPAT_DIR/packages.txt" "$COMPAT_DIR/root.sh" | sha256sum | cut -c1-12)"
ROOT_DIR="$CACHE/$SUITE-$ROOT_KEY"

source "$COMPAT_DIR/../debian_mirror.sh"

# /proc, /dev, /dev/pts and /sys inside the root, unmounted again when the calling script ends.
MOUNTED=()
mount_root() {
    local m
    for m in proc dev dev/pts sys; do
        mountpoint -q "$ROOT_DIR/$m" && continue
        case $m in
        proc) mount -t proc proc "$ROOT_DIR/proc" ;;
        sys) mount -t sysfs sysfs "$ROOT_DIR/sys" ;;
        dev/pts) mount -t devpts devpts "$ROOT_DIR/dev/pts" ;;
        dev) mount --bind /dev "$ROOT_DIR/dev" ;;
        esac
        MOUNTED=("$ROOT_DIR/$m" "${MOUNTED[@]}")
    done
    trap umount_root EXIT
}
umount_root() {
    local m
    for m in "${MOUNTED[@]}"; do
        umount -l "$m" 2>/dev/null || true
    done
    MOUNTED=()
}

# in_root COMMAND...: runs the command in the root with a clean environment (nothing from the
# host's PATH, Python or venv).
# bind_bundle [BUNDLE] FOLDER: the root mounted, and the built compat bundle (default
# dist/normdesk-compat) read-only at /FOLDER/bundle in it; both unmounted when the script ends.
bind_bundle() {
    local bundle folder=$2
    bundle="$(realpath "${1:-$REPO/dist/normdesk-compat}")"
    [[ -x "$bundle/normdesk" ]] || die "$bundle/normdesk not found: run 'make bundle-compat' first"
    [[ -f "$ROOT_DIR/.normdesk-root-done" ]] || die "no root at $ROOT_DIR: run 'make bundle-compat' first"
    mount_root
    mkdir -p "$ROOT_DIR/$folder/bundle"
    mount --bind "$bundle" "$ROOT_DIR/$folder/bundle"
    mount -o remount,bind,ro "$ROOT_DIR/$folder/bundle"
    MOUNTED=("$ROOT_DIR/$folder/bundle" "${MOUNTED[@]}")
}

in_root() {
    chroot "$ROOT_DIR" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@"
}

# step LABEL COMMAND...: runs the command and prints how long it took.
step() {
    local label=$1 start=$SECONDS
    shift
    echo "== compat: $label"
    "$@"
    echo "== compat: $label: $((SECONDS - start)) s"
}
