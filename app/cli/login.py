"""Who runs a command. Once the office has users, a command that reads or writes the register
signs in as a NormDesk user (`--user NAME`; the password from the terminal, or one line of
standard input when that is not a terminal), through the same `users.authenticate` as the GUI's
login: the same message, the same failure count and lockout. The services then check that
user's role exactly as in the GUI, and the audit names them. Before the first user (or in
single-user mode) the command runs as the person at this PC, as 管理员, and says so explicitly
(permissions.pc_administrator). Who acts is `args.actor`; a command that reads or changes no
record has none, and a service it calls for an actor refuses (`acting`)."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum, auto

from sqlalchemy.exc import DatabaseError

from app import pg_session
from app.config import database_url
from app.db import Database, open_database, sqlite_path
from app.errors import DamagedDatabaseError, UserError
from app.services import permissions


class Access(Enum):
    REGISTER = auto()  # reads or writes the register: signed in once users exist (the default)
    OPEN = auto()  # reads or changes nothing of the register: runs without signing in
    RESTORE = auto()  # as REGISTER, but over a missing or damaged database nobody can sign in
    # to, it runs as this PC's administrator: the GUI offers that restore before any login too


NO_USER = (
    "该数据库已设置用户，命令行须以 NormDesk 用户身份执行：请在命令前加 --user 用户名"
    "（密码在终端输入，或从标准输入读取一行）。"
)
NOT_SIGNED_IN = "该命令须以 NormDesk 用户身份执行，但当前没有登录的用户。"
NO_USERS_YET = "该数据库还没有任何用户，不需要 --user：设置用户之前，命令行以本机管理员身份执行。"


def access_of(args: argparse.Namespace) -> Access:
    access: Access | Callable[[argparse.Namespace], Access] = getattr(
        args, "access", Access.REGISTER
    )
    return access if isinstance(access, Access) else access(args)


def read_password(whose: str) -> str:
    """From the terminal without echo; else one line of standard input (scripts pipe it in).
    Never from an argument: the command line is visible to every user of the PC."""
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(f"{whose}：")
    line = sys.stdin.readline() if sys.stdin is not None else ""
    if not line:
        raise UserError(
            f"{whose}：标准输入中没有这一行。请在终端运行（会提示输入），或从标准输入按行提供密码。",
            field=whose,
        )
    return line.rstrip("\r\n")


def acting(args: argparse.Namespace) -> permissions.Actor:
    """Who the command acts as (permissions.signed_in), in the command line's words."""
    return permissions.signed_in(getattr(args, "actor", None), NOT_SIGNED_IN)


@contextmanager
def signed_in(args: argparse.Namespace) -> Iterator[None]:
    """Sign in for the command `args` names (if it needs it): `args.actor` is who acts, until
    the command ends."""
    access = access_of(args)
    url = _server_url(args)
    args.actor = None
    try:
        if url is not None:
            # a command touching no record needs no login, unless it opens the database
            # (then, without --user, the connection asks for one: pg_session.NEEDS_LOGIN)
            if access is not Access.OPEN or args.user is not None:
                args.actor = _sign_in_on_server(args, url, access)
        elif access is not Access.OPEN:
            args.actor = _sign_in(args, access)
        yield
    finally:
        args.actor = None
        if url is not None:
            pg_session.sign_in(url, None)


def _server_url(args: argparse.Namespace) -> str | None:
    """The database's URL when each clerk connects to it as their own login, else None (a
    URL the command refuses is left to the command, as before)."""
    try:
        url = database_url(args.db)
    except UserError:
        return None
    return url if pg_session.clerk_mode(url) else None


NO_SERVER_USER = (
    "该数据库在单位服务器上，每位用户以自己的账户连接：请在命令前加 --user 用户名"
    "（密码在终端输入，或从标准输入读取一行）。"
)


def _sign_in_on_server(
    args: argparse.Namespace, url: str, access: Access
) -> permissions.Actor | None:
    """A server URL without a user name: the clerk's own login connects (its password checked
    by the server), for every command, and the NormDesk user is that login's."""
    from app.services import pg_roles

    name: str | None = args.user
    if name is None:
        raise UserError(NO_SERVER_USER)
    password = read_password(f"用户 {name} 的密码")
    database, login = pg_roles.sign_in(url, name, password, f"（命令行：{_command(args)}）")
    database.close()  # the command opens it again, as the same login
    if login.actor is None:
        raise UserError(login.message)
    return login.actor if access is not Access.OPEN else None


def _sign_in(args: argparse.Namespace, access: Access) -> permissions.Actor:
    from app.services import integrity, users

    name: str | None = args.user
    password = read_password(f"用户 {name} 的密码") if name is not None else None
    database = _open(args, access)
    if database is None:  # a restore over a missing or damaged file nobody can sign in to
        return permissions.pc_administrator()
    try:
        if access is Access.RESTORE and _damaged(database):
            return permissions.pc_administrator()
        with database.reading() as s:
            anyone = bool(users.list_users(s))
            required = users.login_required(s)
        if name is None:
            if required:
                raise UserError(NO_USER)
            return permissions.pc_administrator()  # no users yet, or single-user mode
        if not anyone:
            raise UserError(NO_USERS_YET)
        # A write transaction: a wrong password is counted (and locks the account) even though
        # the command itself stops here. Never a write into a damaged file, not even this one.
        with database.transaction() as s:
            integrity.refuse_damaged(s)
            login = users.authenticate(s, name, password or "", f"（命令行：{_command(args)}）")
    finally:
        database.close()
    if login.actor is None:
        raise UserError(login.message)
    return login.actor


def _open(args: argparse.Namespace, access: Access) -> Database | None:
    url = database_url(args.db)
    if access is not Access.RESTORE:
        return open_database(url)
    path = sqlite_path(url)
    if path is not None and not path.is_file():
        return None
    try:
        return open_database(url)
    except DamagedDatabaseError:
        return None


def _damaged(database: Database) -> bool:
    from app.services import integrity

    try:
        with database.reading() as s:
            integrity.refuse_damaged(s)
    except (DamagedDatabaseError, DatabaseError):
        return True
    return False


def _command(args: argparse.Namespace) -> str:
    words = [args.command, getattr(args, "action", None)]
    return "normdesk " + " ".join(w for w in words if w)
