#!/usr/bin/env bash
# Smoke test of the Linux bundle built by `make bundle`: the frozen program, on a new data folder,
# with no network (as on an intranet PC), offscreen. Exits 0 when every step passed.
#
#   installer/smoke_test.sh [path/to/dist/normdesk/normdesk]
#
# Runs itself again inside `unshare -n` (a network namespace with only a downed loopback) when
# that works, i.e. as root or with user namespaces; otherwise it says so and runs with the network.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
EXE="$(realpath -m "${1:-$ROOT/dist/normdesk/normdesk}")"

if [[ -z "${NORMDESK_SMOKE_NETNS:-}" ]]; then
    if command -v unshare >/dev/null && unshare -n true 2>/dev/null; then
        exec env NORMDESK_SMOKE_NETNS=none unshare -n bash "$0" "$EXE"
    fi
    echo "note: unshare -n is not available here; running with the network" >&2
    export NORMDESK_SMOKE_NETNS=host
fi

fail() {
    echo "SMOKE TEST FAILED: $*" >&2
    [[ -f "${DATA:-}/logs/normdesk.log" ]] && tail -n 30 "$DATA/logs/normdesk.log" >&2
    exit 1
}

[[ -x "$EXE" ]] || fail "$EXE not found: run 'make bundle' first"

DATA="$(mktemp -d)"
trap 'rm -rf "$DATA"' EXIT
# Nothing from the source tree or the venv may help the frozen program.
unset NORMDESK_DB PYTHONPATH PYTHONHOME VIRTUAL_ENV
export NORMDESK_DATA_DIR="$DATA" QT_QPA_PLATFORM=offscreen
cd "$DATA"

# step LABEL COMMAND...: runs the command, prints its output and wall time, fails on non-zero.
step() {
    local label=$1 start end rc=0
    shift
    start=$(date +%s%N)
    "$@" >"$DATA/out" 2>&1 || rc=$?
    end=$(date +%s%N)
    printf '%-36s %6.2f s  %s\n' "$label" "$(((end - start) / 1000000))e-3" \
        "$(tr '\n' ' ' <"$DATA/out" | cut -c1-90)"
    [[ $rc -eq 0 ]] || fail "$label exited $rc: $(cat "$DATA/out")"
}

echo "bundle:   $(dirname "$EXE") ($(du -sh "$(dirname "$EXE")" | cut -f1))"
echo "data dir: $DATA (new)"
echo "network:  $NORMDESK_SMOKE_NETNS"
if [[ "$NORMDESK_SMOKE_NETNS" == none ]]; then
    ip -o link 2>/dev/null | grep -qv ': lo:' && fail "a network interface besides lo is present"
fi

step "normdesk --version" "$EXE" --version
grep -q '^NormDesk ' "$DATA/out" || fail "--version printed: $(cat "$DATA/out")"
step "normdesk init (new database)" "$EXE" init
[[ -s "$DATA/normdesk.db" ]] || fail "init made no $DATA/normdesk.db"
step "normdesk init (up to date)" "$EXE" init
step "normdesk demo --docs 100" "$EXE" demo --docs 100
step "normdesk print register" "$EXE" print register -o "$DATA/register.pdf"
[[ -s "$DATA/register.pdf" ]] || fail "register.pdf is missing or empty"
[[ "$(head -c 5 "$DATA/register.pdf")" == "%PDF-" ]] || fail "register.pdf is not a PDF"
step "normdesk export (openpyxl)" "$EXE" export "$DATA/register.xlsx"
[[ "$(head -c 2 "$DATA/register.xlsx")" == "PK" ]] || fail "register.xlsx is not a workbook"
step "normdesk calendar (chinesecalendar)" "$EXE" calendar is-workday 2024-10-01
[[ "$(cat "$DATA/out")" == false ]] || fail "2024-10-01 (National Day) came out as a workday"
step "normdesk calendar (lunar-python, a year without a notice)" "$EXE" calendar is-workday 2027-02-08
grep -qx false "$DATA/out" || fail "2027-02-08 (正月初三) came out as a workday"
step "normdesk print current-public .docx (python-docx)" "$EXE" print current-public -o "$DATA/current.docx"
[[ "$(head -c 2 "$DATA/current.docx")" == "PK" ]] || fail "current.docx is not a Word document"
step "normdesk fonts (bundled stand-ins)" "$EXE" fonts
grep -q 'uming.ttc' "$DATA/out" || fail "the bundled 宋体 stand-in was not found: $(cat "$DATA/out")"
step "normdesk check" "$EXE" check
if [[ -f "$(dirname "$EXE")/_internal/docs/manual.md" ]]; then
    step "normdesk print manual (images)" "$EXE" print manual -o "$DATA/manual.pdf"
    [[ -s "$DATA/manual.pdf" ]] || fail "manual.pdf is missing or empty"
fi
# Python's UTF-8 mode (the spec's run-time option): Chinese help redirected to a file under a
# locale that cannot encode it comes out as UTF-8, not a UnicodeEncodeError. A Latin-1 locale is
# compiled for the test when localedef can; LC_ALL=C is checked anyway.
step "normdesk --help > file (LC_ALL=C)" env LC_ALL=C LANG=C "$EXE" --help
grep -q '规范性文件管理系统' "$DATA/out" || fail "--help under LC_ALL=C: $(head -c 300 "$DATA/out")"
if command -v localedef >/dev/null && localedef -i en_US -f ISO-8859-1 "$DATA/latin1" 2>/dev/null; then
    step "normdesk --help > file (Latin-1 locale)" env LOCPATH="$DATA" LC_ALL=latin1 LANG=latin1 "$EXE" --help
    grep -q '规范性文件管理系统' "$DATA/out" || fail "--help under a Latin-1 locale: $(head -c 300 "$DATA/out")"
else
    echo "note: no Latin-1 locale could be compiled; UTF-8 mode checked under LC_ALL=C only"
fi
echo "register.pdf: $(stat -c %s "$DATA/register.pdf") bytes"

if command -v pdffonts >/dev/null; then
    pdffonts "$DATA/register.pdf" | tee "$DATA/fonts"
    # every font the register names is embedded (the office's, or the bundled UMing standing in)
    tail -n +3 "$DATA/fonts" | grep -q . || fail "register.pdf names no font"
    if tail -n +3 "$DATA/fonts" | grep -vE ' yes +(yes|no) +(yes|no) +[0-9]+ +[0-9]+ *$'; then
        fail "a font in register.pdf is not embedded"
    fi
else
    echo "note: pdffonts (poppler-utils) not installed; embedded font not checked"
fi

# The Linux menu entry and icon (app/desktop_entry.py), into the data folder, not a real menu:
# its Exec= is this bundle's executable and its icons come from the bundle's resources.
step "normdesk desktop-entry install" env XDG_DATA_HOME="$DATA/share" "$EXE" desktop-entry install
entry="$DATA/share/applications/normdesk.desktop"
grep '^Exec=' "$entry" | grep -qF "$EXE" || fail "the menu entry does not start $EXE: $(cat "$entry")"
icons=$(find "$DATA/share/icons/hicolor" -path '*/apps/normdesk.png' | wc -l)
[[ $icons -eq 7 ]] || fail "the menu entry has $icons icon sizes instead of 7"
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$entry" || fail "desktop-file-validate refused $entry"
else
    echo "note: desktop-file-validate (desktop-file-utils) not installed; menu entry not validated"
fi
step "normdesk desktop-entry remove" env XDG_DATA_HOME="$DATA/share" "$EXE" desktop-entry remove
[[ ! -e "$entry" ]] || fail "desktop-entry remove left $entry"

# 记住密码: the Secret Service spoken over jeepney (the bundle has no SecretStorage nor
# `cryptography`), on a private D-Bus session with gnome-keyring where both are installed; without
# them, the clear refusal.
if command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null; then
    mkdir -m 700 "$DATA/run"
    step "normdesk keyring check (gnome-keyring)" env XDG_DATA_HOME="$DATA/share" \
        XDG_RUNTIME_DIR="$DATA/run" dbus-run-session -- bash -c \
        'eval "$(printf pw | gnome-keyring-daemon --unlock --components=secrets)" && "$0" keyring check' \
        "$EXE"
    grep -q 'Secret Service 密钥环' "$DATA/out" || fail "keyring check: $(cat "$DATA/out")"
else
    rc=0
    env -u DBUS_SESSION_BUS_ADDRESS "$EXE" keyring check >"$DATA/out" 2>&1 || rc=$?
    [[ $rc -eq 1 ]] && grep -q '本机不能记住单位服务器的密码' "$DATA/out" \
        || fail "keyring check without a keyring exited $rc: $(cat "$DATA/out")"
    echo "note: no dbus-run-session/gnome-keyring-daemon; keyring check refused as it should"
fi

# The GUI must come up and stay up (offscreen) until it is stopped.
rc=0
timeout 8 "$EXE" gui >"$DATA/out" 2>&1 || rc=$?
[[ $rc -eq 124 ]] || fail "the GUI exited with $rc within 8 s: $(cat "$DATA/out")"
echo "normdesk gui: still running after 8 s, stopped"

if grep -E ' (ERROR|CRITICAL) |Traceback' "$DATA/logs/normdesk.log"; then
    fail "errors in the log"
fi
echo "smoke test passed"
