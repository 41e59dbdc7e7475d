"""The `normdesk` command line: the frame every subcommand plugs into.

Exit 0 on success, 1 on a user error (Chinese message on stderr), 2 on a bug (logged, with the
log path on stderr). Never a traceback on the terminal.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from app import APP_TITLE, __version__
from app.errors import DamagedDatabaseError, UserError

log = logging.getLogger(__name__)

_ARGPARSE_ZH = (
    ("the following arguments are required: ", "缺少必填参数："),
    ("unrecognized arguments: ", "无法识别的参数："),
    ("invalid choice: ", "无效的选项："),
    ("expected one argument", "需要一个值"),
    ("argument ", "参数 "),
    ("choose from", "可选"),
    ("invalid int value: ", "不是有效的整数："),
)


class Parser(argparse.ArgumentParser):
    """argparse that reports mistakes in Chinese and exits 1, as the CLI contract says."""

    def error(self, message: str) -> NoReturn:
        for english, chinese in _ARGPARSE_ZH:
            message = message.replace(english, chinese)
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: 参数错误：{message}\n")
        raise SystemExit(1)


Handler = Callable[[argparse.Namespace], int | None]


def emit(value: Any, as_json: bool, lines: Callable[[Any], Sequence[str]] | None = None) -> None:
    """Print `value` as one JSON value, or as human-readable lines (without control characters:
    a row stored before they were refused must not send escape sequences to the terminal)."""
    if as_json:
        print(json.dumps(value, ensure_ascii=False, default=str))
        return
    from app.services.fields import printable

    for line in lines(value) if lines is not None else [str(value)]:
        print(printable(line))


def build_parser() -> Parser:
    from app.cli import commands

    parser = Parser(prog="normdesk", description=f"{APP_TITLE}（NormDesk）")
    parser.add_argument("--db", metavar="URL_OR_PATH", help="数据库文件路径或 SQLAlchemy URL")
    parser.add_argument(
        "--user",
        metavar="NAME",
        help="以该 NormDesk 用户身份执行（设置用户后必填；密码在终端输入，或从标准输入读取一行）",
    )
    parser.add_argument("--version", action="version", version=f"NormDesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    commands.register(sub)
    return parser


def _gui_start(argv: Sequence[str]) -> argparse.Namespace | None:
    """`normdesk` or `normdesk --db PATH`: the GUI, started without building the parser of every
    subcommand (which imports the services of all of them)."""
    if not argv:
        return argparse.Namespace(db=None)
    if len(argv) == 2 and argv[0] == "--db":
        return argparse.Namespace(db=argv[1])
    if len(argv) == 1 and argv[0].startswith("--db="):
        return argparse.Namespace(db=argv[0].removeprefix("--db="))
    return None


def run(argv: Sequence[str] | None = None) -> int:
    from app.logs import log_location, setup_logging
    from app.privacy import keep_private

    argv = list(sys.argv[1:] if argv is None else argv)
    bad = _undecodable(argv)
    if bad is not None:
        sys.stderr.write(
            f"normdesk: 参数错误：第 {bad + 1} 个参数含有无法识别的字符（不是有效的 UTF-8 文字）。\n"
        )
        return 1
    args = _gui_start(argv) or build_parser().parse_args(argv)
    handler: Handler = getattr(args, "handler", None) or _gui
    try:
        keep_private(args.db)
        setup_logging()
        from app import clock

        clock.pinned()  # a malformed NORMDESK_TODAY is refused before any command runs
        if handler is _gui:  # the window asks for its own login
            return handler(args) or 0
        from app.cli.login import signed_in

        with signed_in(args):
            return handler(args) or 0
    except DamagedDatabaseError as exc:
        sys.stderr.write(f"错误：{exc.message}\n{_restore_hint(args.db)}")
        return 1
    except UserError as exc:
        sys.stderr.write(f"错误：{exc.message}\n")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("已取消。\n")
        return 1
    except BrokenPipeError:
        # the reader of a pipe stopped early (`normdesk doc list | head`): it has what it wanted;
        # stdout goes to devnull so that flushing it at exit does not fail again
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:
        from app.db import friendly_db_message

        friendly = friendly_db_message(exc)
        if friendly:
            sys.stderr.write(f"错误：{friendly}\n")
            return 1
        log.exception("command failed: %s", argv)
        sys.stderr.write(f"程序内部错误，请联系维护人员。详细信息已记录到：{log_location()}\n")
        return 2


def _undecodable(argv: Sequence[str]) -> int | None:
    """The index of an argument holding bytes that were not UTF-8 (Python keeps them as lone
    surrogates) or a NUL: no command can use it, and it would fail deep inside."""
    for index, arg in enumerate(argv):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            return index
        if "\x00" in arg:
            return index
    return None


def _restore_hint(db: str | None) -> str:
    from app.config import database_url
    from app.db import sqlite_path
    from app.services.integrity import newest_good_backup

    path = sqlite_path(database_url(db))
    newest = newest_good_backup(path) if path is not None else None
    if newest is None:
        return "没有找到可用的备份。请联系维护人员，不要删除该文件。\n"
    command = f'normdesk --db "{db}" restore' if db else "normdesk restore"
    return f'最近的可用备份：{newest}\n可运行 {command} "{newest}" 恢复（当前文件会先被保留）。\n'


def _gui(args: argparse.Namespace) -> int:
    from app.ui.app import run_gui

    return run_gui(args.db)
