"""`migrate-db`: move the register to another database (SQLite <-> PostgreSQL). `pg-roles setup`:
let PostgreSQL enforce the roles, each clerk connecting as their own login."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli import emit
from app.cli.commands import add_json
from app.cli.login import Access, acting, read_password
from app.config import database_url
from app.errors import UserError


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

    roles = sub.add_parser(
        "pg-roles", help="PostgreSQL 服务器：由数据库按角色限制每位用户（所有者执行）"
    )
    roles_sub = roles.add_subparsers(dest="action", metavar="ACTION", required=True)
    setup = roles_sub.add_parser(
        "setup", help="建立角色组和授权，为每个用户建立登录名（可重复执行；须以数据库所有者连接）"
    )
    setup.add_argument(
        "--no-passwords",
        action="store_true",
        help="不询问密码：新登录名暂无密码，由管理员在用户管理中重设密码后才能登录",
    )
    add_json(setup)
    # The owner's password in the URL is the authority here, not a NormDesk sign-in.
    setup.set_defaults(handler=cmd_pg_roles_setup, access=Access.OPEN)


def cmd_migrate_db(args: argparse.Namespace) -> None:
    from app.services import database_copy

    def progress(table: str, rows: int) -> None:
        if not args.json:
            sys.stderr.write(f"\r正在复制 {table}：{rows} 行")
            sys.stderr.flush()

    result = database_copy.copy_database(
        database_url(args.db),
        database_url(args.to),
        Path(args.attachments_dir) if args.attachments_dir else None,
        progress,
        acting(args),
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


def cmd_pg_roles_setup(args: argparse.Namespace) -> None:
    from sqlalchemy.engine import make_url

    from app import pg_session
    from app.db import open_database
    from app.services import permissions, pg_roles, users

    url = database_url(args.db)
    parsed = make_url(url)
    if not parsed.drivername.startswith("postgresql") or not parsed.username:
        raise UserError(
            "pg-roles setup 须以数据库所有者连接：--db postgresql+psycopg://所有者:密码@服务器/数据库"
        )
    database = open_database(url)
    try:
        with database.reading() as s:
            names = [u.username for u in users.list_users(s) if u.active]
        passwords: dict[str, str | None] = {}
        for name in [] if args.no_passwords else names:
            entered = read_password(f"用户 {name} 的新密码（留空则不改）")
            passwords[name] = entered or None
        with database.transaction() as s:
            # the owner's password in the URL is the authority, not a sign-in: named as the PC's user
            owner = permissions.pc_administrator().name
            report = pg_roles.setup(s, passwords, f"{owner}（数据库所有者）")
    finally:
        database.close()
    clerks_url = pg_session.without_user(url)
    emit(
        {
            "prefix": report.prefix,
            "groups": report.groups,
            "logins": report.logins,
            "without_password": report.without_password,
            "pg_hba": f"host {parsed.database} +{report.groups[0]} 网段/掩码 scram-sha-256",
            "clerk_url": clerks_url,
        },
        args.json,
        _setup_lines,
    )


def _setup_lines(value: dict) -> list[str]:
    lines = [f"角色组：{'、'.join(value['groups'])}"]
    lines += [f"用户 {user} → 登录名 {login}" for user, login in value["logins"].items()]
    if value["without_password"]:
        lines.append(
            f"以下用户的登录名尚无密码，须由管理员重设密码后才能登录：{'、'.join(value['without_password'])}"
        )
    lines.append(f"pg_hba.conf 中允许各电脑连接：{value['pg_hba']}")
    lines.append(f"各电脑的数据库地址（不含用户名和密码）：NORMDESK_DB={value['clerk_url']}")
    return lines
