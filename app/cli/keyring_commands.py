"""`keyring check`: whether this PC's keyring can keep the office server's password (记住密码),
tried with a throwaway entry (app/connections.py)."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli import emit
from app.cli.commands import actions, add_json
from app.cli.login import Access


def register(sub: argparse._SubParsersAction) -> None:
    group = actions(sub, "keyring", "本机密钥环（记住单位服务器的密码）")
    check = group.add_parser(
        "check", help="试存、读回并删除一个临时密码，检查“记住密码”在本机能否使用"
    )
    add_json(check)
    # Touches no record of any database: no sign-in.
    check.set_defaults(handler=cmd_check, access=Access.OPEN)


def cmd_check(args: argparse.Namespace) -> int:
    from app import connections

    checked = connections.check_keyring()
    emit({"keyring": checked.keyring, "problem": checked.problem}, args.json, _lines)
    return 1 if checked.problem else 0


def _lines(result: dict[str, Any]) -> list[str]:
    if result["problem"] is None:
        return [f"本机可以记住单位服务器的密码（{result['keyring']}）。"]
    return [
        f"本机不能记住单位服务器的密码：{result['problem']}。",
        "连接单位服务器时仍可每次输入密码。",
    ]
