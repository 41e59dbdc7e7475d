"""Subcommands. Each is a small function over the same services the GUI calls."""

from __future__ import annotations

import argparse

from app.cli import emit
from app.config import database_url
from app.db import Database, describe, open_database


def open_db(args: argparse.Namespace) -> Database:
    return open_database(database_url(args.db))


def register(sub: argparse._SubParsersAction) -> None:
    gui = sub.add_parser("gui", help="打开主窗口（默认）")
    gui.set_defaults(handler=None)

    init = sub.add_parser("init", help="创建或升级数据库")
    init.add_argument("--json", action="store_true", help="以 JSON 输出")
    init.set_defaults(handler=cmd_init)


def cmd_init(args: argparse.Namespace) -> int:
    from app.db import head_revision

    database = open_db(args)
    try:
        result = {"database": describe(database.url), "revision": head_revision()}
    finally:
        database.close()
    emit(
        result, args.json, lambda r: [f"数据库已就绪：{r['database']}（结构版本 {r['revision']}）"]
    )
    return 0
