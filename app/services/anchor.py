"""The audit chain's head kept outside the database, so that deleting the newest audit records or
recomputing the whole chain (which the chain alone cannot reveal) is found by `check`.

A small JSON file beside the database (`normdesk.db.anchor`; for PostgreSQL one in the data folder
named for the server and database) holds the newest record's id and hash, the record count and
when. It is replaced after every committed transaction that added audit records, and only moves
forward: a writer holding an older head than the file's leaves it alone, and a head whose anchored
record is gone or changed is not anchored (the file keeps the evidence for `check`). A restore or a
migration sets it to the new database's head (`reset`). Writing it never makes a commit fail.
Backups and printed registers carry the head too.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, inspect, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from app.atomic_files import replacing
from app.models import AuditEntry
from app.services.vocabulary import AuditAction

log = logging.getLogger(__name__)

SUFFIX = ".anchor"
_LAST = "audit_last_entry"  # audit.py's per-session note of the record it wrote last


@dataclass(frozen=True)
class Head:
    """The chain's newest record and how many records the chain holds up to it."""

    id: int
    hash: str
    count: int

    def printed(self) -> str:
        return f"审计链：第 {self.id} 条，共 {self.count} 条，摘要 {self.hash[:12]}…"


@dataclass(frozen=True)
class Anchor:
    head: Head
    written: float  # time.time() of the write
    reset: str = ""  # why it was last set back (a restore, a migration), empty if never
    reset_at: float = 0.0


class UnreadableAnchor(Exception):
    pass


def path_for(url: str) -> Path:
    from app.config import data_dir
    from app.db import sqlite_path

    db = sqlite_path(url)
    if db is not None:
        return db.with_name(db.name + SUFFIX)
    u = make_url(url)
    name = re.sub(r"[^A-Za-z0-9._-]", "_", f"{u.host or 'local'}-{u.port or 5432}-{u.database}")
    return data_dir() / f"postgresql-{name}{SUFFIX}"


def chain_head(s: Session) -> Head | None:
    row = s.execute(
        select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)
    ).first()
    if row is None:
        return None
    return Head(row.id, row.hash, s.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def read(path: Path) -> Anchor | None:
    """The anchor in `path`, None if there is none; UnreadableAnchor if it is not one."""
    try:
        data = json.loads(path.read_text("utf-8"))
        head = data["head"]
        return Anchor(
            Head(int(head["id"]), str(head["hash"]), int(head["count"])),
            float(data["written"]),
            str(data.get("reset", "")),
            float(data.get("reset_at", 0.0)),
        )
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise UnreadableAnchor(str(exc)) from exc


def _write(path: Path, anchor: Anchor) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with replacing(path) as part:
        part.write_text(json.dumps(asdict(anchor), ensure_ascii=False), "utf-8")


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Serialise writers of one anchor file (two programs committing at once)."""
    lock = path.with_name(path.name + ".lock")
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        if sys.platform == "win32":  # pragma: no cover
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # drops the lock


def pending(s: Session, url: str) -> Head | None:
    """Before a commit: the head this transaction leaves, if it added audit records and the
    anchored record is still there unchanged (else the anchor keeps what `check` must show).
    Read inside the transaction, which holds the chain's write lock. Never raises."""
    transaction, last = s.info.get(_LAST, (None, None))
    if last is None or transaction is not s.get_transaction() or not inspect(last).persistent:
        return None
    try:
        path = path_for(url)
        try:
            anchor = read(path)
        except UnreadableAnchor:
            anchor = None  # replaced by a good one below
        if anchor is None:
            count = s.scalar(select(func.count()).select_from(AuditEntry)) or 0
            return Head(last.id, last.hash, count)
        kept = s.get(AuditEntry, anchor.head.id)
        if kept is None or kept.hash != anchor.head.hash:
            log.warning("audit chain no longer holds the anchored record %s", anchor.head.id)
            return None
        # Counting only the records after the anchored one reads a few index entries, where a
        # whole count scans the table (14 ms per save at 100,000 records on PostgreSQL).
        since = select(func.count()).where(AuditEntry.id > anchor.head.id)
        return Head(last.id, last.hash, anchor.head.count + (s.scalar(since) or 0))
    except Exception:  # noqa: BLE001 (the anchor must never stop a save)
        log.exception("could not prepare the audit chain anchor")
        return None


def advance(url: str, head: Head) -> None:
    """After a commit: anchor `head` unless the file already holds a newer one. Never raises."""
    try:
        path = path_for(url)
        with _locked(path):
            try:
                current = read(path)
            except UnreadableAnchor:
                current = None
            if current is not None and current.head.id >= head.id:
                return
            # A first anchor (or one rebuilt after it went missing) says so; it vouches for
            # nothing before it, and must not excuse an older backup's head (reset_at stays 0).
            reset = (
                (current.reset, current.reset_at) if current else ("首次建立（此前无锚文件）", 0.0)
            )
            _write(path, Anchor(head, time.time(), *reset))
    except Exception:  # noqa: BLE001 (the save is committed: report it, do not fail it)
        log.exception("could not write the audit chain anchor for %s", url)


def reset(url: str, head: Head | None, why: str) -> None:
    """Set the anchor to the head of a database that replaced the old one (a restore, a copy).
    Never raises: the new database is in place; `check` names an anchor left behind."""
    try:
        path = path_for(url)
        with _locked(path):
            if head is None:
                path.unlink(missing_ok=True)
                return
            now = time.time()
            _write(path, Anchor(head, now, why, now))
        log.info("audit chain anchor %s reset (%s) to record %s", path, why, head.id)
    except Exception:  # noqa: BLE001
        log.exception("could not reset the audit chain anchor for %s", url)


def record_reset(s: Session, actor: str, why: str) -> None:
    """The audit record of a reset (its own commit then anchors it as usual)."""
    from app.services import audit

    head = chain_head(s)
    where = f"第 {head.id} 条，摘要 {head.hash[:12]}…" if head else "尚无审计记录"
    audit.record(
        s,
        actor,
        AuditAction.ANCHOR_RESET,
        audit.Subject("audit", head.id if head else None),
        summary=f"审计链锚重置为当前链头（{where}）：{why}",
    )


def head_of_file(db_file: Path) -> Head | None:
    """The head of a SQLite file not opened through SQLAlchemy (a backup copy, a restored file)."""
    import sqlite3

    con = sqlite3.connect(f"{db_file.as_uri()}?mode=ro", uri=True)
    try:
        row = con.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
        if row is None:
            return None
        return Head(row[0], row[1], con.execute("SELECT count(*) FROM audit_log").fetchone()[0])
    finally:
        con.close()


def as_dict(head: Head | None) -> dict[str, Any] | None:
    return asdict(head) if head else None


def problems(s: Session, url: str) -> list[str]:
    """`check`: what the anchor file and the newest backup say that the database contradicts."""
    path = path_for(url)
    head = chain_head(s)
    found: list[str] = []
    try:
        anchor = read(path)
    except UnreadableAnchor as exc:
        return [f"审计链锚文件“{path}”无法读取（{exc}），无法确认最新的审计记录未被删除或改写"]
    if anchor is None:
        if head is not None:
            found.append(
                f"审计链锚文件“{path}”缺失：无法确认最新的审计记录未被删除或整条审计链未被重算"
            )
    else:
        found += _against(s, head, anchor.head, "锚文件")
        sqlite = s.get_bind().dialect.name == "sqlite"
        if not found and sqlite and head is not None and head.id > anchor.head.id:
            found.append(
                f"审计链锚文件落后于数据库：锚文件记到第 {anchor.head.id} 条，数据库已到第 "
                f"{head.id} 条（写入锚文件曾失败，或锚文件被换成了旧的）"
            )
    found += _against_backup(s, head, url, anchor)
    return found


def _against(s: Session, head: Head | None, expected: Head, source: str) -> list[str]:
    kept = s.get(AuditEntry, expected.id)
    if kept is None:
        if head is None or head.id < expected.id:
            now = f"数据库只到第 {head.id} 条" if head else "数据库中已没有审计记录"
            return [
                f"审计日志最新的记录被删除：{source}记到第 {expected.id} 条"
                f"（共 {expected.count} 条），{now}"
            ]
        return [f"审计日志第 {expected.id} 条记录（{source}所记的链头）被删除"]
    if kept.hash != expected.hash:
        return [
            f"审计链被重新计算或改写：第 {expected.id} 条记录的摘要与{source}所记的不符"
            f"（{source}：{expected.hash[:12]}…，数据库：{kept.hash[:12]}…）"
        ]
    count = s.scalar(select(func.count()).where(AuditEntry.id <= expected.id))
    if count != expected.count:
        return [
            f"审计日志记录数与{source}不符：第 {expected.id} 条及以前应有 {expected.count} 条，"
            f"现有 {count} 条（有记录被删除后整条审计链被重算）"
        ]
    return []


def _against_backup(s: Session, head: Head | None, url: str, anchor: Anchor | None) -> list[str]:
    from app.db import sqlite_path
    from app.services import backup

    db = sqlite_path(url)
    if db is None:
        return []
    try:
        newest = next(iter(backup.backups_of(db)), None)
        if newest is None:
            return []
        manifest = backup.manifest_of(newest.path)
    except Exception:  # noqa: BLE001 (a bad backup is `verify`'s business, not this check's)
        return []
    chain = manifest.get("audit_head")
    if not isinstance(chain, dict) or manifest.get("database") != str(db.resolve()):
        return []
    if anchor is not None and float(manifest.get("written", 0)) < anchor.reset_at:
        return []  # made before this database was restored or copied in
    try:
        expected = Head(int(chain["id"]), str(chain["hash"]), int(chain["count"]))
    except (KeyError, TypeError, ValueError):
        return []
    return _against(s, head, expected, f"最新备份“{newest.path.name}”")
