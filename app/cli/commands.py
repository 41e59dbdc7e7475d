"""Subcommands. Each is a small function over the same services the GUI calls."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date

from sqlalchemy.orm import Session

from app.cli import emit
from app.cli.login import Access
from app.clock import FIRST_DAY, LAST_DAY
from app.config import database_url
from app.db import describe, open_database


@contextmanager
def session(args: argparse.Namespace, write: bool = False) -> Iterator[Session]:
    database = open_database(database_url(args.db))
    try:
        with database.transaction() if write else database.reading() as s:
            if write:
                from app.services import integrity

                integrity.refuse_damaged(s)
            yield s
    finally:
        database.close()


def date_arg(option: str) -> Callable[[str], date]:
    def parse(value: str) -> date:
        try:
            day = date.fromisoformat(value)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"{option}：日期“{value}”格式不正确，应为 YYYY-MM-DD。"
            ) from None
        if not FIRST_DAY <= day <= LAST_DAY:
            raise argparse.ArgumentTypeError(f"{option}：日期应在 {FIRST_DAY} 到 {LAST_DAY} 之间。")
        return day

    return parse


def int_arg(label: str, low: int, high: int) -> Callable[[str], int]:
    """An integer argument within bounds the services can take (a year 0 or an id past 2**63
    would otherwise fail deep inside)."""

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{label}：“{value}”不是整数。") from None
        if not low <= number <= high:
            raise argparse.ArgumentTypeError(f"{label}：应在 {low} 到 {high} 之间。")
        return number

    parse.__name__ = "int_arg"
    return parse


year_arg = int_arg("年份", FIRST_DAY.year, LAST_DAY.year)
id_arg = int_arg("编号", 1, 2**63 - 1)


def actions(sub: argparse._SubParsersAction, command: str, what: str) -> argparse._SubParsersAction:
    """A command made of actions (`doc add`, `doc list`): their subparsers."""
    parser = sub.add_parser(command, help=what)
    return parser.add_subparsers(dest="action", required=True, metavar="ACTION")


def add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="以 JSON 输出")


def register(sub: argparse._SubParsersAction) -> None:
    from app.cli import (
        cleanup_commands,
        database_commands,
        desktop_commands,
        doc_commands,
        filing_commands,
        font_commands,
        import_commands,
        keyring_commands,
        print_commands,
        publish_commands,
        review_commands,
        safety_commands,
        statistics_commands,
        text_commands,
    )

    gui = sub.add_parser("gui", help="打开主窗口（默认）")
    gui.set_defaults(handler=None)

    init = sub.add_parser("init", help="创建或升级数据库")
    add_json(init)
    # Reads no record and changes nothing but the schema, which opening it for any command
    # upgrades as well: no sign-in (so an office can always bring a database up to date).
    init.set_defaults(handler=cmd_init, access=Access.OPEN)
    doc_commands.register(sub)
    print_commands.register(sub)
    font_commands.register(sub)
    review_commands.register(sub)
    filing_commands.register(sub)
    cleanup_commands.register(sub)
    import_commands.register(sub)
    safety_commands.register(sub)
    database_commands.register(sub)
    statistics_commands.register(sub)
    desktop_commands.register(sub)
    keyring_commands.register(sub)
    text_commands.register(sub)
    publish_commands.register(sub)


def cmd_init(args: argparse.Namespace) -> int:
    from app.db import head_revision
    from app.services import integrity

    database = open_database(database_url(args.db))
    try:
        with database.transaction() as s:
            integrity.refuse_damaged(s)
        result = {"database": describe(database.url), "revision": head_revision()}
    finally:
        database.close()
    emit(
        result, args.json, lambda r: [f"数据库已就绪：{r['database']}（结构版本 {r['revision']}）"]
    )
    return 0
