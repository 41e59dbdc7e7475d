"""`migrate-db`: move the register to another database (SQLite <-> PostgreSQL)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli import emit
from app.cli.commands import add_json
from app.config import database_url


def register(sub: argparse._SubParsersAction) -> None:
    migrate = sub.add_parser(
        "migrate-db", help="把全部数据复制到另一个数据库（如 SQLite → PostgreSQL 服务器）"
    )
    migrate.add_argument(
        "--to", required=True, metavar="URL_OR_PATH", help="目标数据库（必须为空）：URL 或文件路径"
    )
    migrate.add_argument(
        "--attachments-dir",
        metavar="DIR",
        help="目标使用的数据文件夹（各电脑 NORMDESK_DATA_DIR 所指的共享文件夹）；附件复制到其中的 attachments",
    )
    add_json(migrate)
    migrate.set_defaults(handler=cmd_migrate_db)


def cmd_migrate_db(args: argparse.Namespace) -> None:
    from app.services import database_copy
    from app.services.permissions import local_actor

    def progress(table: str, rows: int) -> None:
        if not args.json:
            sys.stderr.write(f"\r正在复制 {table}：{rows} 行")
            sys.stderr.flush()

    result = database_copy.copy_database(
        database_url(args.db),
        database_url(args.to),
        Path(args.attachments_dir) if args.attachments_dir else None,
        progress,
        local_actor(),
    )
    if not args.json:
        sys.stderr.write("\n")
    emit(
        {
            "source": result.source,
            "target": result.target,
            "rows": result.rows,
            "attachments_copied": result.attachments_copied,
            "attachments_missing": result.attachments_missing,
            "resumed": result.resumed,
        },
        args.json,
        _lines,
    )


def _lines(r: dict) -> list[str]:
    if r["resumed"]:
        lines = [
            f"上次中断的迁移已将 {r['source']} 的数据全部复制到 {r['target']}"
            "（各表行数和审计日志与源数据库一致），本次补齐附件："
        ]
    else:
        lines = [f"已将 {r['source']} 复制到 {r['target']}，各表行数核对一致，审计日志校验通过："]
    lines += [f"  {table}\t{count} 行" for table, count in r["rows"].items()]
    lines.append(f"复制附件 {r['attachments_copied']} 个。")
    if r["attachments_missing"]:
        lines.append(
            f"注意：源数据目录中缺少 {len(r['attachments_missing'])} 个附件文件，未能复制。"
        )
    return lines
