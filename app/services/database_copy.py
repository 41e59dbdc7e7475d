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
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from app import db_hold, failures, pg_session
from app.atomic_files import replacing
from app.db import (
    Database,
    continue_sequences,
    describe,
    open_database,
    refresh_statistics,
    sqlite_path,
)
from app.db_hold import Hold
from app.errors import UserError
from app.models import Attachment, AuditEntry, Base
from app.services import anchor, attachments, audit, search_index, text_index
from app.services.permissions import Actor, Permission, allowed, require

BATCH = 2000
PERMISSION = Permission.BACKUP  # a copy of everything, password hashes too, as a backup is
REFUSED_LOGIN = "迁移数据库：服务器拒绝登录，数据库用户名或密码不正确，未作任何修改。"


def may_migrate(actor: Actor | None) -> bool:
    """Whether `actor` may copy the register elsewhere (the GUI's menu asks this)."""
    return allowed(actor, PERMISSION)


TABLE_LABELS = {
    "app_user": "用户",
    "audit_log": "审计日志",
    "calendar_day": "工作日历（日）",
    "calendar_year": "工作日历（年度）",
    "cleanup_batch": "清理批次",
    "cleanup_item": "清理决定",
    "issuer": "制定机关",
    "setting": "设置",
    "document": "规范性文件",
    "document_link": "文件关联",
    "filing": "备案",
    "filing_result": "备案结果",
    "number_allocation": "登记编号",
    "objection": "审查建议",
    "procedure_step": "办理环节",
    "review_case": "合法性审核案件",
    "review_check": "审核要点",
    "review_pause": "审核中止",
    "validity_evaluation": "到期评估",
    "attachment": "附件",
}


def tables() -> list[str]:
    """The tables in the order they are copied, as `progress` names them."""
    return [table.name for table in Base.metadata.sorted_tables]


def table_label(name: str) -> str:
    return TABLE_LABELS.get(name, name)


def server_url(host: str, port: int, database: str, user: str, password: str) -> str:
    """The PostgreSQL URL of a server form (迁移到服务器…); each field is checked and named."""
    host, database, user = host.strip(), database.strip(), user.strip()
    for value, label in ((host, "服务器地址"), (database, "数据库名"), (user, "用户名")):
        if not value:
            raise UserError(f"{label}：必须填写。", field=label)
    if any(c.isspace() or c in "/?#@:[]" for c in host):
        raise UserError(
            "服务器地址：应为服务器的名称或 IP 地址，不含空格和 / ? # @ : 等字符。",
            field="服务器地址",
        )
    if not 1 <= port <= 65535:
        raise UserError("端口：应在 1 到 65535 之间。", field="端口")
    url = URL.create("postgresql+psycopg", user, password or None, host, port, database)
    return url.render_as_string(hide_password=False)


def clerks_url(target_url: str) -> str:
    """What each clerk's PC is given once the register is on the server: no user, no password
    (each signs in as their own login once `pg-roles setup` has made them)."""
    return pg_session.without_user(target_url)


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
        require(actor, PERMISSION)
    if describe(source_url) == describe(target_url):
        raise UserError("迁移数据库：源数据库和目标数据库不能相同。")
    with _exclusive(source_url) as source_hold, _exclusive(target_url) as target_hold:
        source = open_database(source_url, held=source_hold)
        try:
            _refuse_other_sessions(source, source_url)
            result = CopyResult(describe(source_url), describe(target_url))
            marker = _Marker(target_data_dir, result, _audit_head(source))
            target = _open_target(target_url, target_hold)
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


def _open_target(url: str, held: Hold | None) -> Database:
    try:
        return open_database(url, held=held)
    except OperationalError as exc:
        if pg_session.refused_login(exc):
            raise UserError(REFUSED_LOGIN, field="密码") from None
        name = failures.missing_database(exc)
        if name is not None:
            raise UserError(
                f"迁移数据库：服务器上没有数据库“{name}”。请先请服务器管理员建立一个空数据库"
                "（所有者为上面的用户），未作任何修改。",
                field="数据库名",
            ) from None
        raise


def result_summary(result: CopyResult) -> list[str]:
    """What a finished copy says first (迁移到服务器…)."""
    done = "补齐了上次中断的迁移" if result.resumed else "迁移完成"
    return [
        f"{done}：已将 {result.source} 的全部数据复制到 {result.target}。",
        "各表行数与本机数据库核对一致，审计日志校验通过；本机数据库未作任何修改。",
    ]


def copied_lines(result: CopyResult, attachments_to: Path | None) -> list[str]:
    """What was copied, table by table, and the attachments."""
    lines = ["复制的数据："]
    lines += [f"  {table_label(name)}：{count} 行" for name, count in result.rows.items()]
    if attachments_to is None:
        lines.append("未复制附件文件（没有指定附件共享文件夹）。")
    else:
        lines.append(
            f"复制附件 {result.attachments_copied} 个到 {attachments_to / 'attachments'}。"
        )
    if result.attachments_missing:
        lines.append(
            f"注意：本机数据文件夹中缺少 {len(result.attachments_missing)} 个附件文件，未能复制。"
        )
    return lines


def connect_lines(target_url: str) -> list[str]:
    """How the clerks' PCs connect to the copy: the server's address without any password, and
    the one step the database owner takes first (`normdesk pg-roles setup`)."""
    owner = make_url(target_url)._replace(password=None).render_as_string(hide_password=False)
    return [
        "各电脑如何连接：",
        "1. 由数据库所有者在任一台电脑上执行一次（为每位用户建立数据库登录名，"
        "由数据库按角色限制每位用户）：",
        f"   normdesk --db {owner} pg-roles setup",
        "2. 各电脑在“文件 → 连接单位服务器…”中填写上面的服务器地址、端口和数据库名，"
        "或把数据库地址设为：",
        f"   {clerks_url(target_url)}",
        "   各用户以自己的 NormDesk 用户名和密码登录。",
    ]


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
        text_index.index_all(dst)
        _verify(src, dst, result)
        refresh_statistics(conn)


def _refuse_data(conn: Connection, target: str) -> None:
    for table in Base.metadata.sorted_tables:
        if conn.execute(select(func.count()).select_from(table)).scalar():
            raise UserError(
                f"迁移数据库：目标数据库“{target}”已有数据"
                f"（{table_label(table.name)}：表 {table.name}），未作任何修改。"
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
