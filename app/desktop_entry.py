"""The application icon's files, and the Linux menu entry (normdesk.desktop) with its icons,
installed for the user who runs `normdesk desktop-entry install`.

The entry follows the freedesktop Desktop Entry specification, so the menus of Kylin (UKUI),
UOS and Deepin (DDE), GNOME, KDE and Xfce list 规范性文件管理系统 with its icon. Everything goes
into the user's own data folder ($XDG_DATA_HOME, else ~/.local/share): no administrator rights,
nothing of other users touched. `remove` deletes exactly the files `install` writes."""

from __future__ import annotations

import errno
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from app import APP_NAME, APP_TITLE
from app.atomic_files import replacing
from app.config import resource_path
from app.errors import UserError

# The entry's file name and the icon's name in the icon theme. Qt is told it too
# (QGuiApplication.setDesktopFileName), which is how Wayland desktops match the window to it.
DESKTOP_ID = "normdesk"
# The class part of the window's WM_CLASS on X11: Qt sets it to the application name.
WM_CLASS = APP_NAME
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)

GENERIC_NAME = "规范性文件管理"
COMMENT = "规范性文件的登记、编号、审核、备案、清理和打印"
KEYWORDS = ("规范性文件", "公文", "登记", "备案", "审核", "清理", "NormDesk")


def icon_file(size: int) -> Path:
    """The icon drawn for `size` px (installer/make_icon.py), in the bundle's resources."""
    return resource_path("icons", "hicolor", f"{size}x{size}", "apps", f"{DESKTOP_ID}.png")


def data_home() -> Path:
    """$XDG_DATA_HOME, or ~/.local/share when it is unset or not an absolute path (the XDG Base
    Directory specification says to ignore a relative one)."""
    value = os.environ.get("XDG_DATA_HOME", "")
    if value and os.path.isabs(value):
        return Path(value)
    return Path.home() / ".local" / "share"


def entry_path(home: Path) -> Path:
    return home / "applications" / f"{DESKTOP_ID}.desktop"


def icon_target(home: Path, size: int) -> Path:
    return home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{DESKTOP_ID}.png"


def program() -> list[str]:
    """The command that starts this very program's window, absolute: the bundle's executable,
    or this Python running the source tree's package."""
    if getattr(sys, "frozen", False):
        return [str(Path(sys.executable).resolve())]
    return [str(Path(sys.executable).absolute()), "-m", "app"]


# Desktop Entry specification, "The Exec key": an argument holding one of these is quoted.
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def exec_argument(arg: str) -> str:
    """One argument of the Exec key: quoted in double quotes with ", `, $ and \\ escaped when it
    holds a reserved character, a literal % doubled."""
    arg = arg.replace("%", "%%")
    if not _RESERVED & set(arg):
        return arg
    for char in '\\"`$':
        arg = arg.replace(char, "\\" + char)
    return f'"{arg}"'


def _string_value(value: str) -> str:
    """A value of type string: a backslash is written \\\\ (the specification's escapes)."""
    return value.replace("\\", "\\\\")


def entry_text(command: list[str]) -> str:
    for arg in command:
        if any(char in arg for char in "\n\r\t") or not arg.isprintable():
            raise UserError(
                f"程序所在的路径“{arg!r}”含有换行等控制字符，无法写入菜单项。"
                "请把程序文件夹移到普通名称的文件夹后再运行本命令。"
            )
    exec_line = " ".join(exec_argument(arg) for arg in command)
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.4",  # the newest that the validators of Debian 11/12 know
        f"Name={APP_TITLE}",
        f"Name[zh_CN]={APP_TITLE}",
        f"GenericName={GENERIC_NAME}",
        f"GenericName[zh_CN]={GENERIC_NAME}",
        f"Comment={COMMENT}",
        f"Comment[zh_CN]={COMMENT}",
        f"Keywords={';'.join(KEYWORDS)};",
        f"Keywords[zh_CN]={';'.join(KEYWORDS)};",
        f"Exec={_string_value(exec_line)}",
        f"TryExec={_string_value(command[0])}",
        f"Icon={DESKTOP_ID}",
        "Terminal=false",
        "Categories=Office;",
        "StartupNotify=true",
        f"StartupWMClass={WM_CLASS}",
    ]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Installed:
    entry: Path
    icons: list[Path]
    command: list[str]


def install(home: Path | None = None, command: list[str] | None = None) -> Installed:
    """Write the icons, then the entry (the menu shows it as soon as it appears, so its icon is
    already there). Running it again, e.g. after the program folder moved, rewrites both."""
    _refuse_off_linux()
    home = home or data_home()
    command = command or program()
    text = entry_text(command)
    icons = []
    try:
        for size in ICON_SIZES:
            icons.append(_copy(icon_file(size), icon_target(home, size)))
        entry = entry_path(home)
        entry.parent.mkdir(parents=True, exist_ok=True)
        with replacing(entry) as part:
            part.write_text(text, encoding="utf-8")
        _touch(home / "icons" / "hicolor")
    except OSError as exc:
        raise UserError(f"无法添加菜单项：{_explain(exc)}") from exc
    return Installed(entry, icons, command)


def remove(home: Path | None = None) -> list[Path]:
    """Delete the entry and the icons `install` wrote; the files that were there."""
    _refuse_off_linux()
    home = home or data_home()
    removed = []
    try:
        for path in [entry_path(home), *(icon_target(home, size) for size in ICON_SIZES)]:
            if path.is_file() or path.is_symlink():
                path.unlink()
                removed.append(path)
        if removed:
            _touch(home / "icons" / "hicolor")
    except OSError as exc:
        raise UserError(f"无法移除菜单项：{_explain(exc)}") from exc
    return removed


def _refuse_off_linux() -> None:
    if sys.platform in ("win32", "darwin"):
        raise UserError(
            "菜单项命令只用于 Linux 桌面。Windows 上请用安装程序，它会创建开始菜单和桌面快捷方式。"
        )


def _copy(source: Path, target: Path) -> Path:
    try:
        data = source.read_bytes()
    except FileNotFoundError:
        raise UserError(
            f"程序文件不完整：缺少图标文件“{source}”。请重新解压或安装程序后再试。"
        ) from None
    target.parent.mkdir(parents=True, exist_ok=True)
    with replacing(target) as part:
        part.write_bytes(data)
    return target


def _touch(folder: Path) -> None:
    """A changed icon folder tells the desktop to read the theme again (its modification time is
    what the Icon Theme specification's implementations check)."""
    if folder.is_dir():
        os.utime(folder)


def _explain(exc: OSError) -> str:
    from app.failures import explain

    message = explain(exc)
    if message:
        return message
    where = f"“{exc.filename}”" if exc.filename else "文件"
    code = errno.errorcode.get(exc.errno or 0, str(exc.errno))
    return f"写入{where}时出错（{code}），请检查该文件夹。"
