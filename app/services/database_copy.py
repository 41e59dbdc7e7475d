"""Moving a whole register to another database: an office's SQLite file onto the shared PostgreSQL
server, or back (`normdesk migrate-db`).

The target is created or upgraded to the head revision and must hold no data. Every table is
copied in foreign-key order with its ids, in one transaction on the target that commits only after
the row counts match the source table by table and the audit chain verifies on the target. The
search indexes are rebuilt on a SQLite target; PostgreSQL's id sequences continue after the copied
ids. Attachments are files: they are copied (and their hashes checked) when the target's data
folder is another one. Both databases are held exclusively for the whole copy.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, Table, func, insert, select, text
from sqlalchemy.orm import Session

from app import db_hold
from app.atomic_files import replacing
from app.db import Database, continue_sequences, describe, open_database, sqlite_path
from app.db_hold import Hold
from app.errors import UserError
from app.models import Attachment, AuditEntry, Base
from app.services import anchor, attachments, audit, search_index
from app.services.permissions import Actor, Permission, require

BATCH = 2000


@dataclass
class CopyResult:
    source: str
    target: str
    rows: dict[str, int] = field(default_factory=dict)
    attachments_copied: int = 0
    attachments_missing: list[str] = field(default_factory=list)
    resumed: bool = False  # the rows were there from a run stopped before its attachments


def copy_database(
    source_url: str,
    target_url: str,
    target_data_dir: Path | None = None,
    progress: Callable[[str, int], None] = lambda _table, _rows: None,
    actor: Actor | None = None,
) -> CopyResult:
    """Copy everything in `source_url` into the empty database at `target_url`; attachments
    into `target_data_dir`/attachments when that is not this data folder. Nobody else may have
    either database open meanwhile: saves made in the source during the copy would be left behind.
    A run stopped after the rows were committed is completed by the next one (the attachments).
    A copy of everything (password hashes too) needs the backup permission, as a backup does."""
    if actor is not None:
        require(actor, Permission.BACKUP)
    if describe(source_url) == describe(target_url):
        raise UserError("迁移数据库：源数据库和目标数据库不能相同。")
    with _exclusive(source_url) as source_hold, _exclusive(target_url) as target_hold:
        source = open_database(source_url, held=source_hold)
        try:
            _refuse_other_sessions(source, source_url)
            result = CopyResult(describe(source_url), describe(target_url))
            marker = _Marker(target_data_dir, result, _audit_head(source))
            target = open_database(target_url, held=target_hold)
            try:
                _refuse_other_sessions(target, target_url)
                if marker.left_by_a_stopped_run() and _same_rows(source, target, result):
                    result.resumed = True
                else:
                    marker.write()
                    _copy_tables(source, target, result, progress)
                _anchor_copy(target, target_url, source_url)
            finally:
                target.close()
            if target_data_dir is not None:
                with source.reading() as s:
                    _copy_attachments(s, target_data_dir / "attachments", result)
            marker.remove()
        finally:
            source.close()
    return result


@contextmanager
def _exclusive(url: str) -> Iterator[Hold | None]:
    path = sqlite_path(url)
    if path is None:
        yield None
        return
    with db_hold.exclusive(path, "迁移") as hold:
        yield hold


def _refuse_other_sessions(database: Database, url: str) -> None:
    """PostgreSQL's counterpart of the file hold: no other client connected to that database."""
    if database.engine.dialect.name != "postgresql":
        return
    with database.reading() as s:
        others = s.scalar(
            text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                " AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
            )
        )
    if others:
        raise db_hold.DatabaseInUseError(
            f"另有 {others} 个程序连接正在使用数据库“{describe(url)}”，"
            "请先关闭其他窗口和命令后再迁移。"
        )


def _anchor_copy(target: Database, target_url: str, source_url: str) -> None:
    """The copy's audit chain is anchored from here on (`check` would else miss its anchor). Not
    audited: the copy holds exactly the source's rows, as the resumed run's comparison needs."""
    with target.reading() as s:
        head = anchor.chain_head(s)
    anchor.reset(target_url, head, f"从“{describe(source_url)}”迁移")


def _audit_head(database: Database) -> str | None:
    with database.reading() as s:
        return s.scalar(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1))


class _Marker:
    """`migrate-db-unfinished.json` in the target's data folder, written before the rows are
    committed and removed once the attachments are there: a run killed between the two leaves it,
    and the next run then only completes the attachments, if the target holds the same rows."""

    NAME = "migrate-db-unfinished.json"

    def __init__(self, data_dir: Path | None, result: CopyResult, audit_head: str | None) -> None:
        self.path = data_dir / self.NAME if data_dir is not None else None
        self.content = {"source": result.source, "target": result.target, "audit_head": audit_head}

    def left_by_a_stopped_run(self) -> bool:
        if self.path is None or not self.path.is_file():
            return False
        try:
            return json.loads(self.path.read_text("utf-8")) == self.content
        except (OSError, ValueError):
            return False

    def write(self) -> None:
        """Before anything is copied, so an unusable folder changes nothing."""
        if self.path is None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_text(json.dumps(self.content, ensure_ascii=False), "utf-8")
        except OSError as exc:
            raise UserError(
                f"迁移数据库：无法写入目标数据文件夹“{self.path.parent}”"
                f"（{exc.strerror or exc}），未作任何修改。"
            ) from None

    def remove(self) -> None:
        if self.path is not None:
            self.path.unlink(missing_ok=True)


def _same_rows(source: Database, target: Database, result: CopyResult) -> bool:
    """The target holds what the source holds: every table's count and the audit head (the
    hash chain covers the state of every record)."""
    with source.reading() as src, target.reading() as dst:
        for table in Base.metadata.sorted_tables:
            count = src.connection().execute(select(func.count()).select_from(table)).scalar_one()
            there = dst.connection().execute(select(func.count()).select_from(table)).scalar_one()
            if count != there:
                return False
            result.rows[table.name] = count
    return _audit_head(source) == _audit_head(target)


def _copy_tables(
    source: Database, target: Database, result: CopyResult, progress: Callable[[str, int], None]
) -> None:
    with source.reading() as src, target.transaction() as dst:
        conn = dst.connection()
        _refuse_data(conn, result.target)
        for table in Base.metadata.sorted_tables:
            result.rows[table.name] = _copy_table(src.connection(), conn, table, progress)
        continue_sequences(conn, Base.metadata.sorted_tables)
        search_index.index_all(dst)
        _verify(src, dst, result)


def _refuse_data(conn: Connection, target: str) -> None:
    for table in Base.metadata.sorted_tables:
        if conn.execute(select(func.count()).select_from(table)).scalar():
            raise UserError(
                f"迁移数据库：目标数据库“{target}”已有数据（表 {table.name}），未作任何修改。"
                "请指定一个空数据库。"
            )


def _copy_table(
    src: Connection, dst: Connection, table: Table, progress: Callable[[str, int], None]
) -> int:
    rows = src.execute(select(table).order_by(*table.primary_key.columns))
    count = 0
    while chunk := rows.fetchmany(BATCH):
        dst.execute(insert(table), [dict(r._mapping) for r in chunk])
        count += len(chunk)
        progress(table.name, count)
    return count


def _verify(src: Session, dst: Session, result: CopyResult) -> None:
    for table in Base.metadata.sorted_tables:
        there = dst.connection().execute(select(func.count()).select_from(table)).scalar()
        if there != result.rows[table.name]:
            raise UserError(
                f"迁移数据库：表 {table.name} 复制后行数不符（源 {result.rows[table.name]}，"
                f"目标 {there}），已撤销，目标数据库未作修改。"
            )
    broken_here = audit.first_broken(src)
    broken_there = audit.first_broken(dst)
    if _entry_id(broken_there) != _entry_id(broken_here):
        raise UserError(
            f"迁移数据库：目标数据库的审计日志在第 {_entry_id(broken_there)} 条校验失败，"
            "已撤销，目标数据库未作修改。"
        )


def _entry_id(entry: AuditEntry | None) -> int | None:
    return entry.id if entry is not None else None


def _copy_attachments(s: Session, target_root: Path, result: CopyResult) -> None:
    source_root = attachments.store_dir()
    if source_root.resolve() == target_root.resolve():
        return
    for sha in sorted(set(s.scalars(select(Attachment.sha256)))):
        if not attachments.is_sha256(sha):  # from the database: never part of a path unchecked
            result.attachments_missing.append(sha[:80])
            continue
        source = source_root / sha[:2] / sha
        target = target_root / sha[:2] / sha
        if target.exists() and attachments.file_sha256(target) == sha:
            continue
        if not source.exists():
            result.attachments_missing.append(sha)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        with replacing(target) as partial:
            shutil.copyfile(source, partial)
            if attachments.file_sha256(partial) != sha:
                raise UserError(f"迁移数据库：附件 {sha} 复制后校验不符，请检查目标文件夹。")
        result.attachments_copied += 1
