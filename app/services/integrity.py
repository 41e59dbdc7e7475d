"""Integrity checks: a quick one at start-up, a full one for `normdesk check`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.db import damage_found
from app.errors import DamagedDatabaseError
from app.models import Attachment
from app.services import anchor, attachments, audit, seals

MAX_LISTED = 20


def _sqlite(s: Session) -> bool:
    return s.get_bind().dialect.name == "sqlite"


def _pragma_rows(s: Session, pragma: str) -> list[tuple]:
    return [tuple(r) for r in s.execute(text(f"PRAGMA {pragma}"))]


def missing_attachments(s: Session) -> list[str]:
    missing = []
    for att in s.scalars(select(Attachment)):
        if not attachments.is_sha256(att.sha256):
            missing.append(f"附件“{att.original_name}”（文件 {att.document_id}）的校验值无效")
        elif not attachments.stored_path(att.sha256).is_file():
            missing.append(f"附件“{att.original_name}”（文件 {att.document_id}）的文件丢失")
    return missing


def _damage(s: Session) -> str | None:
    """What SQLite's quick check finds wrong in the file, or None when it is sound."""
    if not _sqlite(s):
        return None
    try:
        result = _pragma_rows(s, "quick_check")
    except DBAPIError as exc:  # a page too garbled for the check to walk past
        result = [(str(exc.orig or exc),)]
    return damage_found(result)


def refuse_damaged(s: Session) -> None:
    """Before a command writes: SQLite's quick check, so nothing is ever written into a damaged
    file (a write there can spread the damage and buries it under new saves)."""
    found = _damage(s)
    if found is not None:
        raise DamagedDatabaseError(
            f"数据库文件已损坏，本命令未写入任何内容（快速检查：{found}）。请从备份恢复。"
        )


@dataclass(frozen=True)
class QuickCheck:
    damage: str | None  # the file itself is damaged: the program must stop writing to it
    missing: list[str]  # attachment files gone

    @property
    def problems(self) -> list[str]:
        return ([self.damage] if self.damage else []) + self.missing


def quick_check(s: Session) -> QuickCheck:
    """At start-up: SQLite's quick check and the presence of every attachment file."""
    found = _damage(s)
    damage = (
        f"数据库快速检查发现损坏（{found}）。为免损坏扩大，本程序已停止保存任何修改；"
        "请在“备份与恢复”中从最近的备份恢复。"
        if found
        else None
    )
    return QuickCheck(damage, missing_attachments(s)[:MAX_LISTED])


def full_check(s: Session, url: str | None = None) -> list[str]:
    """`normdesk check`: integrity, foreign keys, the audit chain (and, given the database's
    `url`, its head against the anchor file and the newest backup) and every attachment's hash."""
    problems = []
    if _sqlite(s):
        result = _pragma_rows(s, "integrity_check")
        if result != [("ok",)]:
            problems.append(
                "数据库完整性检查发现损坏：" + "；".join(str(r[0]) for r in result[:MAX_LISTED])
            )
        for table, rowid, parent, _ in _pragma_rows(s, "foreign_key_check")[:MAX_LISTED]:
            problems.append(f"表 {table} 第 {rowid} 行引用的 {parent} 记录不存在")
    broken, found = record_problems(s, url)
    problems += ([broken] if broken else []) + found
    problems += missing_attachments(s)
    for att in s.scalars(select(Attachment)):
        if not attachments.is_sha256(att.sha256):
            continue  # listed above
        path = attachments.stored_path(att.sha256)
        if path.is_file() and attachments.file_sha256(path) != att.sha256:
            problems.append(
                f"附件“{att.original_name}”（文件 {att.document_id}）的内容与登记时不符"
            )
    return problems


def record_problems(s: Session, url: str | None = None) -> tuple[str | None, list[str]]:
    """What both 验证审计链 and `check` report about the records: the first break in the audit
    chain (or None), then the anchored head (given the database's `url`) and every row against
    its seal."""
    broken = audit.first_broken(s)
    found = (anchor.problems(s, url) if url else []) + seals.problems(s)
    if broken is None:
        return None, found
    return (
        f"审计链已断开：审计日志第 {broken.id} 条记录（{broken.at:%Y-%m-%d %H:%M}，{broken.actor}，"
        f"{broken.summary}）被改动，或其前一条记录被删除。",
        found,
    )


def newest_good_backup(folder: Path | None = None) -> Path | None:
    """The newest backup that verifies, to offer when the database cannot be opened."""
    from app.errors import UserError
    from app.services import backup

    for candidate in backup.list_backups(folder):
        try:
            backup.verify(candidate.path)
        except UserError:
            continue
        return candidate.path
    return None
