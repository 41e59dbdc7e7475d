"""`publish`: the publication folder for the government website's 规范性文件 column (统一发布)."""

from __future__ import annotations

import argparse
import sys

from app import clock
from app.cli import emit
from app.cli.commands import add_json, date_arg, session


def register(sub: argparse._SubParsersAction) -> None:
    publish = sub.add_parser(
        "publish",
        help="生成发布目录：现行有效目录、本年度公布的文件和每件文件的页面与正文（静态网页）",
    )
    publish.add_argument(
        "dir", help="发布到的文件夹（不存在、空文件夹，或以前生成的发布目录，将整体替换）"
    )
    publish.add_argument(
        "--date", type=date_arg("--date 日期"), help="按该日期的情况发布（默认今天）"
    )
    add_json(publish)
    publish.set_defaults(handler=cmd_publish)


def cmd_publish(args: argparse.Namespace) -> None:
    from app.reports import website

    def progress(done: int, total: int) -> bool:
        if sys.stderr.isatty():
            sys.stderr.write(f"\r正在生成发布目录：{done}/{total}")
        return True

    with session(args) as s:
        result = website.publish(s, args.dir, args.date or clock.today(), progress)
    if sys.stderr.isatty():
        sys.stderr.write("\n")
    emit(result.as_dict(), args.json, _lines)


def _lines(r: dict) -> list[str]:
    lines = [
        f"已生成发布目录：{r['folder']}",
        f"共发布 {r['documents']} 件文件"
        + (f"，其中 {r['without_text']} 件正文未录入" if r["without_text"] else "")
        + "；首页为 index.html。",
    ]
    return lines + [f"注意：{w}" for w in r["warnings"]]
