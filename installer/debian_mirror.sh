# Sourced by installer/compat/lib.sh and installer/fcitx/build_plugin.sh (each defines die).
# debian_mirror: the Debian mirror URL, from NORMDESK_DEBIAN_MIRROR or else the first one this
# machine's apt already uses (deb822 .sources files first, then one-line `deb [options] URL`
# lists), so that no host is named in the scripts.
debian_mirror() {
    if [[ -n "${NORMDESK_DEBIAN_MIRROR:-}" ]]; then
        echo "${NORMDESK_DEBIAN_MIRROR%/}"
        return
    fi
    local uri
    uri=$(grep -hoE '^(URIs:[[:space:]]*|deb[[:space:]]+(\[[^]]*\][[:space:]]+)?)[a-z]+://[^[:space:]]+/debian/?([[:space:]]|$)' \
        /etc/apt/sources.list.d/*.sources /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
        2>/dev/null | grep -oE '[a-z]+://[^[:space:]]+' | head -n 1) || true
    [[ -n "$uri" ]] || die "no Debian mirror in the host's apt sources: set NORMDESK_DEBIAN_MIRROR"
    echo "${uri%/}"
}
