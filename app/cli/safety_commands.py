"""`backup`, `restore`, `check` and `user` commands."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli import emit
from app.cli.commands import actions, add_json, session
from app.cli.login import Access, acting, read_password
from app.config import database_url
from app.db import open_database, sqlite_path
from app.errors import UserError
from app.services.permissions import Role


def register(sub: argparse._SubParsersAction) -> None:
    backup = sub.add_parser("backup", help="立即备份（数据库和附件）")
    backup.add_argument(
        "dir", nargs="?", help="备份存放文件夹（默认：数据目录 backups 下本数据库自己的文件夹）"
    )
    add_json(backup)
    backup.set_defaults(handler=cmd_backup)
    restore = sub.add_parser("restore", help="从备份恢复（先备份当前数据库）")
    restore.add_argument("file", help="备份文件 .zip")
    restore.set_defaults(handler=cmd_restore, access=Access.RESTORE)
    check = sub.add_parser("check", help="完整性检查：数据库、审计链、附件")
    add_json(check)
    check.set_defaults(handler=cmd_check)
    user = actions(sub, "user", "用户")
    add = user.add_parser(
        "add", help="添加用户（新用户的密码在终端输入，或从标准输入读取：登录密码之后的一行）"
    )
    add.add_argument("username")
    add.add_argument("--name", required=True, help="姓名")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add.set_defaults(handler=cmd_user_add)
    listing = user.add_parser("list", help="列出用户")
    add_json(listing)
    listing.set_defaults(handler=cmd_user_list)


def _db_file(args: argparse.Namespace) -> Path:
    path = sqlite_path(database_url(args.db))
    if path is None:
        raise UserError("备份与恢复：PostgreSQL 数据库请在服务器上用 pg_dump 备份。")
    return path


def cmd_backup(args: argparse.Namespace) -> None:
    from app.services import backup

    path = _db_file(args)
    open_database(database_url(args.db)).close()  # refuses a damaged or newer database
    made = backup.make_backup(path, Path(args.dir) if args.dir else None, "manual", acting(args))
    emit(
        {"file": str(made.path), "size": made.size},
        args.json,
        lambda r: [f"已备份到 {r['file']}（{r['size']:,} 字节）"],
    )


def cmd_restore(args: argparse.Namespace) -> None:
    from app.services import backup

    path = _db_file(args)
    from app.services import integrity

    safety = backup.restore(Path(args.file), path, acting(args))
    database = open_database(database_url(args.db))  # upgrades an older backup's schema
    try:
        with database.reading() as s:
            missing = integrity.missing_attachments(s)
    finally:
        database.close()
    print(f"已从 {args.file} 恢复数据库 {path}。")
    if safety:
        print(f"恢复前的数据库已备份到 {safety.path}。")
    for problem in missing[: integrity.MAX_LISTED]:  # the backup did not hold them
        sys.stderr.write(f"警告：{problem}\n")
    if len(missing) > integrity.MAX_LISTED:
        sys.stderr.write(f"警告：另有 {len(missing) - integrity.MAX_LISTED} 个附件的文件丢失。\n")


def cmd_check(args: argparse.Namespace) -> int:
    from app.services import integrity

    with session(args) as s:
        problems = integrity.full_check(s, database_url(args.db))
    emit(
        {"ok": not problems, "problems": problems},
        args.json,
        lambda r: (
            ["检查通过：数据库、审计日志和附件均完好。"]
            if r["ok"]
            else [f"发现问题：{p}" for p in r["problems"]]
        ),
    )
    return 1 if problems else 0


def cmd_user_add(args: argparse.Namespace) -> None:
    from app.services import users

    password = read_password(f"新用户 {args.username} 的密码")  # after the signed-in user's
    with session(args, write=True) as s:
        users.add_user(s, acting(args), args.username, args.name, args.role, password)
    print(f"已添加用户 {args.username}（{args.role}）。")


def cmd_user_list(args: argparse.Namespace) -> None:
    from app.services import users

    with session(args) as s:
        rows = [
            {
                "username": u.username,
                "name": u.display_name,
                "role": u.role,
                "active": u.active,
                "locked_until": u.locked_until.isoformat(timespec="minutes")
                if u.locked_until
                else None,
            }
            for u in users.list_users(s)
        ]
    emit(
        rows,
        args.json,
        lambda rs: (
            [
                f"{r['username']}\t{r['name']}\t{r['role']}\t{'启用' if r['active'] else '停用'}"
                for r in rs
            ]
            or ["还没有用户。"]
        ),
    )
