"""`desktop-entry install|remove`: the Linux menu entry and icon of this program, for the user
who runs it (app/desktop_entry.py)."""

from __future__ import annotations

import argparse
from typing import Any

from app import APP_TITLE
from app.cli import emit
from app.cli.commands import actions, add_json
from app.cli.login import Access


def register(sub: argparse._SubParsersAction) -> None:
    entry = actions(sub, "desktop-entry", "在 Linux 桌面的应用程序菜单中添加或移除本程序")
    install = entry.add_parser(
        "install",
        help="为当前用户添加菜单项和图标（写入 ~/.local/share，无需管理员权限）",
    )
    add_json(install)
    # Touches no record of any database: no sign-in.
    install.set_defaults(handler=cmd_install, access=Access.OPEN)
    remove = entry.add_parser("remove", help="移除当前用户的菜单项和图标")
    add_json(remove)
    remove.set_defaults(handler=cmd_remove, access=Access.OPEN)


def cmd_install(args: argparse.Namespace) -> None:
    from app import desktop_entry

    done = desktop_entry.install()
    result = {
        "entry": str(done.entry),
        "icons": [str(path) for path in done.icons],
        "command": done.command,
    }
    emit(result, args.json, _installed_lines)


def _installed_lines(result: dict[str, Any]) -> list[str]:
    icons = sorted({str(_theme_folder(path)) for path in result["icons"]})
    return [
        f"已在应用程序菜单中添加“{APP_TITLE}”。",
        f"    菜单项：{result['entry']}",
        f"    图标：{'、'.join(icons)}（{len(result['icons'])} 种尺寸）",
        f"    启动命令：{' '.join(result['command'])}",
        "如菜单中暂未出现，请注销后重新登录。程序文件夹移动或更换后，请再运行一次本命令。",
    ]


def _theme_folder(icon: str) -> str:
    from pathlib import Path

    return str(Path(icon).parents[2])  # .../icons/hicolor/NxN/apps/normdesk.png -> .../hicolor


def cmd_remove(args: argparse.Namespace) -> None:
    from app import desktop_entry

    removed = desktop_entry.remove()
    emit({"removed": [str(path) for path in removed]}, args.json, _removed_lines)


def _removed_lines(result: dict[str, Any]) -> list[str]:
    if not result["removed"]:
        return [f"当前用户没有安装“{APP_TITLE}”的菜单项，无需移除。"]
    return [f"已移除“{APP_TITLE}”的菜单项和图标（删除 {len(result['removed'])} 个文件）。"]
