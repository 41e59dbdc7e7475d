#!/usr/bin/env bash
# Chinese input in the Linux bundle, as a clerk types it: under Xvfb with a D-Bus session, the
# bundle's GUI on a new data folder, the 新建文件 dialog (Ctrl+N), `nihao` and a space typed with
# xdotool into 文件名称, then the field's text read back through the X clipboard (Ctrl+A, Ctrl+C,
# xclip) and compared with 你好. Once with fcitx5 + its pinyin engine (QT_IM_MODULE=fcitx: the
# bundle's fcitx plugin), once with ibus + ibus-libpinyin (QT_IM_MODULE=ibus).
#
#   installer/ime_test.sh [path/to/dist/normdesk/normdesk] [fcitx5|ibus|fcitx4 ...]
#
# Needs (Debian): xvfb xauth dbus dbus-x11 xdotool xclip imagemagick fcitx5 fcitx5-chinese-addons
# ibus ibus-libpinyin (fcitx4, not in the default list: fcitx fcitx-pinyin, which conflict with
# fcitx5's packages; installer/compat/ime_fcitx4.sh runs it in the Debian 11 root). Screenshots (the candidate window after `nihao`, the result after the
# space) go to $IME_SHOTS (default build/ime-shots). Exits 0 when every input method passed.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
EXE="$(realpath -m "${1:-$ROOT/dist/normdesk/normdesk}")"
shift || true
METHODS=("$@")
[[ ${#METHODS[@]} -gt 0 ]] || METHODS=(fcitx5 ibus)
SHOTS="$(realpath -m "${IME_SHOTS:-$ROOT/build/ime-shots}")"

fail() {
    echo "IME TEST FAILED: $*" >&2
    exit 1
}
[[ -x "$EXE" ]] || fail "$EXE not found: run 'make bundle' first"
for tool in Xvfb dbus-run-session xdotool xclip import; do
    command -v "$tool" >/dev/null || fail "$tool is missing (see the packages named at the top)"
done
mkdir -p "$SHOTS"

# wait_for SECONDS COMMAND...: retries the command every 0.2 s until it succeeds.
wait_for() {
    local deadline=$((SECONDS + $1))
    shift
    until "$@" >/dev/null 2>&1; do
        ((SECONDS < deadline)) || return 1
        sleep 0.2
    done
}

# One input method, inside its own D-Bus session (run by dbus-run-session below).
run_one() {
    local method=$1 home display=$2 pids=() app_pid window start=$SECONDS
    home=$(mktemp -d)
    # shellcheck disable=SC2064
    trap "kill \${pids[*]} 2>/dev/null || true; rm -rf '$home'" EXIT
    export HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share"
    export XDG_CACHE_HOME="$home/.cache" NORMDESK_DATA_DIR="$home/data" DISPLAY="$display"
    export LANG=C.UTF-8 LC_ALL=C.UTF-8
    unset NORMDESK_DB PYTHONPATH PYTHONHOME VIRTUAL_ENV QT_QPA_PLATFORM
    mkdir -p "$NORMDESK_DATA_DIR" "$XDG_CONFIG_HOME"

    case $method in
    fcitx5)
        # pinyin in the default group; the test switches the focused field to it explicitly.
        mkdir -p "$XDG_CONFIG_HOME/fcitx5/conf"
        printf '%s\n' '[Groups/0]' 'Name=Default' 'Default Layout=us' 'DefaultIM=pinyin' '' \
            '[Groups/0/Items/0]' 'Name=keyboard-us' 'Layout=' '' \
            '[Groups/0/Items/1]' 'Name=pinyin' 'Layout=' '' \
            '[GroupOrder]' '0=Default' >"$XDG_CONFIG_HOME/fcitx5/profile"
        # no cloud pinyin (no network on an office PC) and no first-run hints
        fcitx5 --disable=cloudpinyin,notificationitem,kimpanel >"$home/im.log" 2>&1 &
        pids+=($!)
        wait_for 30 bash -c 'dbus-send --session --print-reply --dest=org.freedesktop.DBus \
            /org/freedesktop/DBus org.freedesktop.DBus.NameHasOwner string:org.fcitx.Fcitx5 |
            grep -q "boolean true"' ||
            fail "fcitx5 did not start: $(tail -n 5 "$home/im.log")"
        export QT_IM_MODULE=fcitx XMODIFIERS=@im=fcitx
        ;;
    fcitx4)
        # fcitx 4 (Kylin V10 and UOS 20 still ship it): keyboard-us and pinyin enabled; the same
        # plugin talks to it over its own D-Bus interface (org.fcitx.Fcitx-N)
        mkdir -p "$XDG_CONFIG_HOME/fcitx"
        printf '%s\n' '[Profile]' 'IMName=pinyin' \
            'EnabledIMList=fcitx-keyboard-us:True,pinyin:True' >"$XDG_CONFIG_HOME/fcitx/profile"
        fcitx -D -r >"$home/im.log" 2>&1 &
        pids+=($!)
        wait_for 30 bash -c '[[ $(fcitx-remote 2>/dev/null) =~ ^[0-2]$ ]]' ||
            fail "fcitx did not start: $(tail -n 5 "$home/im.log")"
        export QT_IM_MODULE=fcitx XMODIFIERS=@im=fcitx
        ;;
    ibus)
        export GSETTINGS_BACKEND=memory
        ibus-daemon --xim --panel=disable --replace >"$home/im.log" 2>&1 &
        pids+=($!)
        wait_for 20 ibus address || fail "ibus-daemon did not start: $(tail -n 5 "$home/im.log")"
        # `ibus engine NAME` may exit 1 although it switched: ask again which engine is on
        wait_for 30 bash -c 'ibus engine libpinyin; [[ $(ibus engine) == libpinyin ]]' || fail "ibus cannot select the libpinyin engine"
        export QT_IM_MODULE=ibus XMODIFIERS=@im=ibus IBUS_ADDRESS
        IBUS_ADDRESS=$(ibus address)
        ;;
    *) fail "unknown input method $method (fcitx5, fcitx4 or ibus)" ;;
    esac

    # a database with an office (demo data): the main window opens without the first-run setup
    "$EXE" init >"$home/init.log" 2>&1 || fail "normdesk init: $(cat "$home/init.log")"
    "$EXE" demo --docs 5 >"$home/init.log" 2>&1 || fail "normdesk demo: $(cat "$home/init.log")"
    "$EXE" >"$home/gui.log" 2>&1 &
    app_pid=$!
    pids+=("$app_pid")
    wait_for 60 xdotool search --onlyvisible --pid "$app_pid" --name '— 规范性文件管理系统' ||
        fail "the main window did not appear: $(tail -n 20 "$home/gui.log")"
    window=$(xdotool search --onlyvisible --pid "$app_pid" --name '— 规范性文件管理系统' | head -n 1)
    xdotool windowactivate --sync "$window" 2>/dev/null || xdotool windowfocus --sync "$window"
    sleep 1
    xdotool key --clearmodifiers ctrl+2  # 文件登记簿
    sleep 2
    xdotool key --clearmodifiers ctrl+n
    wait_for 20 xdotool search --onlyvisible --pid "$app_pid" --name '新建文件' ||
        fail "Ctrl+N opened no 新建文件 dialog"
    window=$(xdotool search --onlyvisible --pid "$app_pid" --name '新建文件' | head -n 1)
    xdotool windowfocus --sync "$window" 2>/dev/null || true
    sleep 1  # 文件名称 has the focus when the dialog opens; the input context follows it
    if [[ $method == fcitx5 ]]; then
        wait_for 10 bash -c '[[ $(fcitx5-remote) != 0 ]]' || fail "fcitx5 sees no focused input"
        fcitx5-remote -s pinyin
    elif [[ $method == fcitx4 ]]; then
        wait_for 10 bash -c '[[ $(fcitx-remote) != 0 ]]' || fail "fcitx sees no focused input"
        fcitx-remote -o
        fcitx-remote -s pinyin
    fi
    xdotool type --delay 150 nihao
    sleep 3
    import -window root "$SHOTS/$method-candidates.png"
    xdotool key space
    sleep 2
    import -window root "$SHOTS/$method-result.png"
    [[ $method == fcitx5 ]] && fcitx5-remote -c  # back to plain keys for the shortcuts
    [[ $method == fcitx4 ]] && fcitx-remote -c
    # back to plain keys for the shortcuts under ibus too; on a busy machine the copy may come
    # late, so it is asked for again a few times
    [[ $method == ibus ]] && { ibus engine xkb:us::eng 2>/dev/null || true; }
    local text='' try
    for try in 1 2 3 4 5; do
        printf '' | xclip -selection clipboard
        xdotool key --clearmodifiers ctrl+a
        xdotool key --clearmodifiers ctrl+c
        sleep $try
        text=$(xclip -o -selection clipboard 2>/dev/null || true)
        [[ -z "$text" ]] || break
    done
    if [[ "$text" != 你好 ]]; then
        fail "$method: 文件名称 holds '${text}', not 你好 (screenshots: $SHOTS/$method-*.png;" \
            "input method log: $(tail -n 5 "$home/im.log" | tr '\n' ' '))"
    fi
    echo "$method: typed nihao + space, 文件名称 reads 你好 ($((SECONDS - start)) s; $SHOTS/$method-*.png)"
}

status=0
for method in "${METHODS[@]}"; do
    display=:$((90 + RANDOM % 100))
    Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb=$!
    wait_for 10 xdpyinfo -display "$display" || wait_for 10 test -e "/tmp/.X11-unix/X${display#:}" ||
        fail "Xvfb did not start on $display"
    export -f run_one fail wait_for
    export EXE SHOTS
    dbus-run-session -- bash -c 'run_one "$0" "$1"' "$method" "$display" || status=1
    kill "$xvfb" 2>/dev/null || true
    wait "$xvfb" 2>/dev/null || true
done
exit $status
