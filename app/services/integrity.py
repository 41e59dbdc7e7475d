"""Integrity checks: a quick one at start-up, a full one for `normdesk check`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app import clock
from app.atomic_files import replacing
from app.db import damage_found, describe
from app.errors import DamagedDatabaseError
from app.models import Attachment, AuditEntry
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


# progress(step, steps, what is being checked now); its answer is ignored (the check reads only)
Progress = Callable[[int, int, str], object]


@dataclass(frozen=True)
class Part:
    """One part of the full check: what it looked at, and what it found wrong."""

    title: str
    checked: str
    problems: list[str]


@dataclass(frozen=True)
class FullReport:
    """The full check (设置—数据安全, `normdesk check`): each part with what it found."""

    database: str
    at: datetime
    parts: list[Part]

    @property
    def problems(self) -> list[str]:
        return [p for part in self.parts for p in part.problems]

    @property
    def ok(self) -> bool:
        return not self.problems


OK_VERDICT = "检查通过：数据库、审计日志和附件均完好。"


def full_check(s: Session, url: str | None = None) -> list[str]:
    """`normdesk check`: integrity, foreign keys, the audit chain (and, given the database's
    `url`, its head against the anchor file and the newest backup) and every attachment's hash."""
    return full_report(s, url).problems


def full_report(s: Session, url: str | None = None, progress: Progress | None = None) -> FullReport:
    """The full check part by part; `progress` is told each part before it is checked."""
    steps: list[tuple[str, Callable[[Session, str | None], Part]]] = [
        ("数据库文件", _file_part),
        ("审计日志", _chain_part),
        ("记录封存", _seal_part),
        ("附件", _attachment_part),
    ]
    parts = []
    for n, (title, check) in enumerate(steps):
        if progress is not None:
            progress(n, len(steps), f"正在检查{title}…")
        parts.append(check(s, url))
    if progress is not None:
        progress(len(steps), len(steps), "检查完毕")
    return FullReport(describe(url) if url else "", clock.now(), parts)


def _file_part(s: Session, _url: str | None) -> Part:
    if not _sqlite(s):
        return Part("数据库文件", "PostgreSQL 服务器上的数据库（文件检查由服务器负责）", [])
    problems = []
    result = _pragma_rows(s, "integrity_check")
    if result != [("ok",)]:
        problems.append(
            "数据库完整性检查发现损坏：" + "；".join(str(r[0]) for r in result[:MAX_LISTED])
        )
    for table, rowid, parent, _ in _pragma_rows(s, "foreign_key_check")[:MAX_LISTED]:
        problems.append(f"表 {table} 第 {rowid} 行引用的 {parent} 记录不存在")
    return Part("数据库文件", "SQLite 完整性检查和外键检查", problems)


def _chain_part(s: Session, url: str | None) -> Part:
    broken = audit.first_broken(s)
    problems = [_broken_text(broken)] if broken is not None else []
    problems += anchor.problems(s, url) if url else []
    entries = s.scalar(select(func.count()).select_from(AuditEntry)) or 0
    anchored = "，并与锚文件和最新备份核对链头" if url else ""
    return Part("审计日志", f"审计记录 {entries} 条的哈希链{anchored}", problems)


def _seal_part(s: Session, _url: str | None) -> Part:
    records = sum(
        s.connection().execute(select(func.count()).select_from(table)).scalar() or 0
        for table in seals.sealed_tables().values()
    )
    return Part("记录封存", f"{records} 条记录与其最后一次封存的内容核对", seals.problems(s))


def _attachment_part(s: Session, _url: str | None) -> Part:
    problems = missing_attachments(s)
    count = 0
    for att in s.scalars(select(Attachment)):
        count += 1
        if not attachments.is_sha256(att.sha256):
            continue  # listed above
        path = attachments.stored_path(att.sha256)
        if path.is_file() and attachments.file_sha256(path) != att.sha256:
            problems.append(
                f"附件“{att.original_name}”（文件 {att.document_id}）的内容与登记时不符"
            )
    return Part("附件", f"附件 {count} 个的文件和校验值", problems)


def report_lines(report: FullReport) -> list[str]:
    """The report as text: the verdict, then each part with what it checked and found."""
    verdict = OK_VERDICT if report.ok else f"发现 {len(report.problems)} 个问题，请逐条核查。"
    lines = ["完整性检查报告"]
    lines += [f"数据库：{report.database}"] if report.database else []
    lines += [f"检查时间：{report.at:%Y-%m-%d %H:%M}", f"结论：{verdict}"]
    for n, part in enumerate(report.parts, 1):
        state = "完好" if not part.problems else f"发现 {len(part.problems)} 个问题"
        lines += ["", f"{n}. {part.title}：{state}", f"   检查内容：{part.checked}"]
        lines += [f"   · {problem}" for problem in part.problems]
    return lines


def write_report(report: FullReport, target: Path) -> None:
    """保存报告…: the report as a UTF-8 text file (with a BOM, so Windows Notepad reads it)."""
    with replacing(target) as part:
        part.write_text(
            "\r\n".join(report_lines(report)) + "\r\n", encoding="utf-8-sig", newline=""
        )


def _broken_text(broken: AuditEntry) -> str:
    return (
        f"审计链已断开：审计日志第 {broken.id} 条记录（{broken.at:%Y-%m-%d %H:%M}，{broken.actor}，"
        f"{broken.summary}）被改动，或其前一条记录被删除。"
    )


def record_problems(s: Session, url: str | None = None) -> tuple[str | None, list[str]]:
    """What both 验证审计链 and `check` report about the records: the first break in the audit
    chain (or None), then the anchored head (given the database's `url`) and every row against
    its seal."""
    broken = audit.first_broken(s)
    found = (anchor.problems(s, url) if url else []) + seals.problems(s)
    return (_broken_text(broken) if broken is not None else None), found


def newest_good_backup(db_path: Path, folder: Path | None = None) -> Path | None:
    """The newest of `db_path`'s own backups (in its backup folder, or `folder`) that verifies,
    to offer when the database cannot be opened."""
    from app.errors import UserError
    from app.services import backup

    for candidate in backup.list_backups(folder or backup.backup_dir(db_path)):
        try:
            backup.verify(candidate.path)
        except UserError:
            continue
        return candidate.path
    return None
