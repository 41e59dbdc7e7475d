"""Failures of the environment, said in Chinese: the disk, permissions, the database file, the
office's server. They are classified here once (OS errno, SQLite result codes, PostgreSQL
SQLSTATE), so the command line, the GUI's message boxes and the start-up say the same thing.
An exception not recognised here is a bug, and is reported as one."""

from __future__ import annotations

import errno
import re
import sqlite3
from collections.abc import Iterator

from sqlalchemy.exc import DBAPIError

LOST = "与单位服务器的连接已中断，请检查网络后重试。"
UNREACHABLE = "无法连接到单位服务器，请检查网络、服务器地址和服务器是否已开启。"
DISK_FULL = "磁盘空间已满，无法写入数据库。请清理磁盘后重试。"
DISK_ERROR = "读写数据库时发生磁盘错误（磁盘可能已满或出现故障），请检查磁盘或网络存储。"
DAMAGED = "数据库文件已损坏。请从备份恢复。"
NOT_A_DATABASE = "该文件不是有效的数据库文件，未作任何修改。"
BUSY = "数据库正被其他程序占用，请稍后重试。"

_SQLITE = {  # primary result code -> message
    sqlite3.SQLITE_BUSY: BUSY,
    sqlite3.SQLITE_LOCKED: BUSY,
    sqlite3.SQLITE_FULL: DISK_FULL,
    sqlite3.SQLITE_READONLY: "数据库文件是只读的，无法保存。请检查文件和数据文件夹的权限。",
    sqlite3.SQLITE_CANTOPEN: "无法打开数据库文件，请检查路径和权限。",
    sqlite3.SQLITE_PERM: "没有访问数据库文件的权限，请检查文件和数据文件夹的权限。",
    sqlite3.SQLITE_NOTADB: NOT_A_DATABASE,
    sqlite3.SQLITE_CORRUPT: DAMAGED,
    sqlite3.SQLITE_IOERR: DISK_ERROR,
}
_SQLITE_DAMAGE = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
_SQLITE_TEXT = (  # for an error without a result code
    ("database is locked", _SQLITE[sqlite3.SQLITE_BUSY]),
    ("database or disk is full", DISK_FULL),
    ("readonly database", _SQLITE[sqlite3.SQLITE_READONLY]),
    ("unable to open database file", _SQLITE[sqlite3.SQLITE_CANTOPEN]),
    ("file is not a database", NOT_A_DATABASE),
    ("disk i/o error", DISK_ERROR),
    ("database disk image is malformed", DAMAGED),
)

_SQLSTATE = {
    "55P03": "等待其他用户正在保存的数据超时（锁等待超时），本次操作未保存。请稍后重试。",
    "25P03": "本程序在一次操作中停顿太久，单位服务器已结束该操作（空闲事务超时），本次操作未保存。"
    "请重试。",
    "57014": "单位服务器执行本次操作超时（语句超时）或操作被取消，本次操作未保存。请稍后重试。",
    "40001": "与其他用户同时进行的操作冲突，本次操作未保存。请重试。",
    "40P01": "与其他用户同时进行的操作冲突（死锁），本次操作未保存。请重试。",
    "25006": "单位服务器当前只允许读取（例如备用服务器），无法保存。请联系服务器管理员。",
    "53100": "单位服务器磁盘空间已满，本次操作未保存。请联系服务器管理员。",
    "53300": "单位服务器的连接数已满，请稍后重试或联系服务器管理员。",
    # A clerk's own login lacks the privilege (app/services/pg_roles.py), or the audit log's
    # append-only trigger refused.
    "42501": "单位服务器拒绝了本次操作：您的数据库账户没有这项权限，本次操作未保存。",
    "28P01": "无法登录单位服务器：数据库用户名或密码不正确。",
    "28000": "无法登录单位服务器：服务器不允许本机或该数据库用户连接。",
    "3D000": "单位服务器上没有这个数据库，请检查数据库地址。",
    "08001": UNREACHABLE,
    "08004": UNREACHABLE,
}
_SQLSTATE_CLASS = {  # the first two characters
    "08": LOST,  # connection exception
    "57": LOST,  # operator intervention: server shut down or the session ended by an administrator
    "53": "单位服务器资源不足，本次操作未保存。请联系服务器管理员。",
}
# libpq's words for a database the server does not have, from an English or a Chinese server
# ("数据库 \"x\" 不存在"). A failed connection carries no SQLSTATE, so without this the missing
# database would read as an unreachable server.
_MISSING_DATABASE = re.compile(r'(?:database|数据库)\s*"([^"]*)"\s*(?:does not exist|不存在)')
_CONNECT_FAILED = (
    "connection failed",
    "could not connect",
    "timeout expired",
    "could not translate host name",
    "connection refused",
    "name or service",
)

# Failures that pass: the same operation may well succeed when tried again (the GUI offers 重试).
_PASSING_STATES = ("55P03", "25P03", "57014", "40001", "40P01", "53300")
PASSING = frozenset({LOST, UNREACHABLE, BUSY, *(_SQLSTATE[state] for state in _PASSING_STATES)})

_DISK_FULL = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
_NO_ACCESS = {errno.EACCES, errno.EPERM}


def explain(exc: BaseException) -> str | None:
    """The Chinese message for a failure of the environment; None for anything else (a bug)."""
    for cause in _causes(exc):
        if isinstance(cause, DBAPIError):
            if cause.connection_invalidated and not _sqlstate(cause.orig):
                return LOST
            continue
        message = _explain_one(cause)
        if message:
            return message
    return None


def folder_failure(path: object, exc: OSError) -> str:
    """Why a folder could not be made, e.g. "“/x/y”无法创建：路径上已有同名文件，不是文件夹。"."""
    if exc.errno in (errno.EEXIST, errno.ENOTDIR):
        reason = "路径上已有同名文件，不是文件夹"
    elif exc.errno in _NO_ACCESS:
        reason = "没有权限"
    elif exc.errno == errno.EROFS:
        reason = "所在磁盘是只读的"
    elif exc.errno in _DISK_FULL:
        reason = "磁盘空间已满"
    else:
        reason = exc.strerror or str(exc)
    return f"“{path}”无法创建：{reason}。"


def missing_database(exc: BaseException) -> str | None:
    """The name of the database the server said it does not have, None for any other failure."""
    for cause in _causes(exc):
        if type(cause).__module__.startswith("psycopg"):
            found = _MISSING_DATABASE.search(str(cause))
            if found:
                return found.group(1)
    return None


def no_database(name: str) -> str:
    return f"服务器上没有名为“{name}”的数据库，请检查数据库名，或请服务器管理员先建立这个数据库。"


def may_retry(exc: BaseException) -> bool:
    """A failure that passes (the server's connection, a lock, a timeout, a conflict with another
    clerk): nothing was saved, and trying the same operation again is reasonable."""
    return explain(exc) in PASSING


def is_damage(exc: BaseException) -> bool:
    """The database file itself is unreadable (not the disk, a lock or a permission): the
    restore offer, never a new database."""
    code = _sqlite_code(exc)
    if code is not None:
        return code in _SQLITE_DAMAGE
    return explain(exc) in (None, DAMAGED, NOT_A_DATABASE)


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """The exception, what a wrapper holds (SQLAlchemy's `orig`), what it was raised from and
    what it was raised while handling: after a full disk SQLite has rolled back by itself, and
    the rollback that follows fails ("no such savepoint"); the disk is what to tell."""
    seen: set[int] = set()
    queue: list[BaseException | None] = [exc]
    while queue and len(seen) < 12:
        current = queue.pop(0)
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        if isinstance(current, DBAPIError):
            queue.append(current.orig)
        queue.append(current.__cause__)
        if not current.__suppress_context__:
            queue.append(current.__context__)


def _explain_one(exc: BaseException) -> str | None:
    if isinstance(exc, sqlite3.Error):
        return _explain_sqlite(exc)
    if type(exc).__module__.startswith("psycopg"):
        return _explain_postgresql(exc)
    if isinstance(exc, OSError):
        return _explain_os(exc)
    return None


def _sqlite_code(exc: BaseException) -> int | None:
    for cause in _causes(exc):
        code = getattr(cause, "sqlite_errorcode", None)
        if isinstance(cause, sqlite3.Error) and code is not None:
            return code & 0xFF
    return None


def _explain_sqlite(exc: sqlite3.Error) -> str | None:
    code = getattr(exc, "sqlite_errorcode", None)
    if code == sqlite3.SQLITE_IOERR_SHMSIZE:  # the -shm file could not be grown: a full disk
        return DISK_FULL
    if code is not None and code & 0xFF in _SQLITE:
        return _SQLITE[code & 0xFF]
    text = str(exc).lower()
    return next((message for needle, message in _SQLITE_TEXT if needle in text), None)


def _sqlstate(exc: BaseException | None) -> str | None:
    return getattr(exc, "sqlstate", None)


def _explain_postgresql(exc: BaseException) -> str | None:
    missing = _MISSING_DATABASE.search(str(exc))
    if missing:
        return no_database(missing.group(1))
    state = _sqlstate(exc)
    if state:
        return _SQLSTATE.get(state) or _SQLSTATE_CLASS.get(state[:2])
    # No SQLSTATE: libpq's own failure, before or after the server answered.
    if type(exc).__name__ not in ("OperationalError", "InterfaceError"):
        return None
    text = str(exc).lower()
    if any(needle in text for needle in _CONNECT_FAILED):
        return UNREACHABLE
    return LOST


def _explain_os(exc: OSError) -> str | None:
    name = str(exc.filename) if exc.filename else ""
    where = f"“{name if len(name) <= 120 else name[:60] + '…' + name[-40:]}”" if name else "文件"
    if exc.errno in _DISK_FULL:
        return f"磁盘空间不足，无法写入{where}。请清理磁盘后重试。"
    if exc.errno == errno.EROFS:
        return f"没有写入权限：{where}所在的磁盘是只读的。"
    if exc.errno in _NO_ACCESS:
        return f"没有权限读写{where}，请检查文件和文件夹的权限。"
    if exc.errno == errno.EIO:
        return f"读写{where}时发生磁盘错误，请检查磁盘或网络存储。"
    if exc.errno == errno.ENAMETOOLONG:
        return f"文件名或路径过长：{where}。请换一个较短的名称或位置。"
    if exc.errno == errno.ENOTDIR:
        return f"路径{where}中有一段不是文件夹，请检查路径。"
    if exc.errno == errno.EISDIR:
        return f"{where}是文件夹，不是文件，请检查路径。"
    return None
