"""Engine, sessions and schema upgrades.

SQLite gets WAL, foreign keys and a busy timeout; write transactions start with BEGIN IMMEDIATE so
two clerks (or processes) never deadlock on a lock upgrade. At start-up the schema is brought to the
head revision, after a backup of the file; a schema from a newer NormDesk is refused untouched.
Alembic is imported only when a migration is actually pending, to keep start-up fast.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, Integer, Table, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from app import clock, db_hold
from app.config import bundle_root
from app.db_hold import Hold
from app.errors import DamagedDatabaseError, NewerSchemaError, UserError
from app.failures import explain, folder_failure, is_damage
from app.pg_session import clerk_mode, connect_args, supply_login

log = logging.getLogger(__name__)

_REVISION_RE = re.compile(r'^(down_)?revision\s*(?::[^=]*)?=\s*(?:"([^"]*)"|None)', re.M)


def migrations_dir() -> Path:
    return bundle_root() / "migrations"


def schema_revisions() -> dict[str, str | None]:
    """revision -> down_revision, read from the migration files without importing Alembic."""
    revisions: dict[str, str | None] = {}
    for path in sorted((migrations_dir() / "versions").glob("*.py")):
        found = {
            bool(m.group(1)): m.group(2) for m in _REVISION_RE.finditer(path.read_text("utf-8"))
        }
        if False in found:
            revisions[found[False]] = found.get(True)
    return revisions


def head_revision() -> str:
    revisions = schema_revisions()
    parents = set(revisions.values())
    heads = [rev for rev in revisions if rev not in parents]
    if len(heads) != 1:
        raise RuntimeError(f"expected one schema head, found {heads}")
    return heads[0]


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if not parsed.drivername.startswith("sqlite") or not parsed.database:
        return None
    return Path(parsed.database)


def _current_revision_sqlite(path: Path) -> str | None:
    """Read the stamped revision through a read-only handle, so a refused file stays untouched.
    Only a missing file is a new office: an empty (zero-byte) file where a database was is damage
    (a full disk, a failed copy), and initialising it would hide the loss behind an empty register."""
    if not path.exists():
        return None
    if path.is_file() and path.stat().st_size == 0:
        raise DamagedDatabaseError(
            "数据库文件是空的（0 字节），其中的数据已丢失，可能因磁盘已满、复制中断或程序被强行关闭。"
            f"该文件未作任何修改。（{path}）"
        )
    try:
        con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            tables = {
                r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if "alembic_version" not in tables:
                if tables:
                    raise UserError(
                        f"文件“{path}”不是 NormDesk 数据库（缺少版本信息），未作任何修改。"
                    )
                return None
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            return row[0] if row else None
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        message = friendly_db_message(exc) or f"无法读取数据库“{path}”：{exc}"
        refusal = DamagedDatabaseError if is_damage(exc) else UserError  # not a full disk
        raise refusal(f"{message}（{path}）") from exc


def _current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not engine.dialect.has_table(conn, "alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def copy_sqlite_file(source: Path, target: Path, read_only: bool = False) -> None:
    """SQLite's online backup of `source` into `target`: a consistent copy even while another
    connection writes. `read_only` opens the source so that nothing can be written to it."""
    src = (
        sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)
        if read_only
        else sqlite3.connect(source)
    )
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def _backup_sqlite_file(path: Path, revision: str) -> Path:
    folder = path.parent / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{path.stem}-{stamp}-before-upgrade-from-{revision}.db"
    copy_sqlite_file(path, target)
    log.info("backed up %s to %s before upgrading", path, target)
    return target


def damage_found(quick_check: list[tuple]) -> str | None:
    """What the rows of `PRAGMA quick_check` say is wrong, shortened for a message; None if ok."""
    if quick_check == [("ok",)]:
        return None
    return "；".join(str(r[0]) for r in quick_check[:3])[:300]


def _refuse_damaged_file(path: Path) -> None:
    try:
        con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            result = con.execute("PRAGMA quick_check").fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:  # a page too garbled for the check to walk past
        result = [(str(exc),)]
    found = damage_found(result)
    if found is not None:
        raise DamagedDatabaseError(
            f"数据库文件已损坏，未升级也未作任何修改（快速检查：{found}）。请从备份恢复。（{path}）"
        )


def _set_sqlite_pragmas(dbapi_connection, _record) -> None:
    # Let SQLAlchemy's begin event emit BEGIN, so write transactions can be IMMEDIATE.
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=15000")
    # FULL: with WAL, NORMAL may lose the last commits on power loss; a register entry confirmed
    # to the clerk must survive it, in the GUI as in the CLI.
    cur.execute("PRAGMA synchronous=FULL")
    cur.close()


def _begin_sqlite(conn) -> None:
    immediate = conn.get_execution_options().get("sqlite_immediate", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(url: str) -> Engine:
    path = sqlite_path(url)
    if path is None:
        engine = create_engine(url, pool_pre_ping=True, connect_args=connect_args(url))
        if clerk_mode(url):
            event.listen(engine, "do_connect", supply_login(url))
        return engine
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": 15})
    event.listen(engine, "connect", _set_sqlite_pragmas)
    event.listen(engine, "begin", _begin_sqlite)
    return engine


def refresh_statistics(conn: Connection) -> None:
    """After a bulk write on PostgreSQL (a demo, a copy, a large import): until the next
    autovacuum the planner would plan for the tables as they were, and a search for a word on
    100k documents took 413 ms instead of 30. Only the owner may ANALYZE; a clerk's import leaves
    it to autovacuum. Inside the writing transaction ANALYZE sees its uncommitted rows."""
    if conn.dialect.name != "postgresql":
        return
    from app.services import pg_roles

    if pg_roles.may_upgrade(conn):
        conn.execute(text("ANALYZE"))


def continue_sequences(conn: Connection, tables: Iterable[Table]) -> None:
    """After rows were inserted with explicit ids, move PostgreSQL's id sequences past them, so
    the next ordinary insert does not collide (SQLite's next rowid is max + 1 by itself)."""
    if conn.dialect.name != "postgresql":
        return
    for table in tables:
        keys = list(table.primary_key.columns)
        if len(keys) != 1 or not isinstance(keys[0].type, Integer):
            continue
        key = keys[0].name
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence(:table, :key), COALESCE(MAX({key}), 0) + 1,"
                f" false) FROM {table.name}"
            ),
            {"table": table.name, "key": key},
        )


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


REPLACED = (
    "数据库文件已被替换（可能是另一个程序从备份恢复了数据库），本程序已停止写入，"
    "刚才的操作未保存。请关闭后重新打开 NormDesk。"
)


class DatabaseReplacedError(UserError):
    """The file was replaced under this program (a restore elsewhere): it must not write on."""


def _file_identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return st.st_dev, st.st_ino


@dataclass
class Database:
    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    hold: Hold | None = None  # this program's shared hold on the file, given up in close()
    identity: tuple[int, int] | None = None  # the file it opened, to notice a replaced one
    stopped: str | None = None  # why this program may no longer write (replaced or damaged file)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One user action, one commit: everything inside commits together or not at all."""
        from app.services import anchor, seals  # import the models, which need this module first

        with self.sessions() as session:
            session.connection(execution_options={"sqlite_immediate": True})
            try:
                self._refuse_stopped()
                yield session
                self._refuse_stopped()  # a long operation may have been overtaken meanwhile
                seals.seal(session)
                head = anchor.pending(session, self.url)
                session.commit()
            except BaseException:
                session.rollback()
                raise
        if head is not None:
            anchor.advance(self.url, head)

    def stop_writing(self, reason: str) -> None:
        """From now on every write is refused with `reason` (reading goes on)."""
        if self.stopped is None:
            log.warning("refusing to write to %s: %s", describe(self.url), reason)
            self.stopped = reason

    def _refuse_stopped(self) -> None:
        """Nothing is written into a file that is no longer the database: a restore made while
        this program had it open (where holds do not reach, e.g. a network share) would else
        swallow every later save without a word. Nor into one found damaged."""
        path = sqlite_path(self.url)
        if path is not None and self.stopped is None:
            if self.identity is None:  # opened before the file existed (migrate=False)
                self.identity = _file_identity(path)
            if _file_identity(path) != self.identity:
                self.stop_writing(REPLACED)
        if self.stopped == REPLACED:
            raise DatabaseReplacedError(REPLACED)
        if self.stopped is not None:
            raise UserError(self.stopped)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self.sessions() as session:
            yield session

    def close(self) -> None:
        """Close every connection and give up the hold, so a restore may replace the file."""
        self.engine.dispose()
        if self.hold is not None:
            self.hold.release()
            self.hold = None

    def hold_again(self) -> None:
        """After close(), when the program goes on with this database (a refused restore)."""
        path = sqlite_path(self.url)
        if self.hold is None and path is not None and path.name != ":memory:":
            self.hold = db_hold.shared(path)


def open_database(url: str, *, migrate: bool = True, held: Hold | None = None) -> Database:
    """Open (creating or upgrading) the database at `url`; refuse a newer schema untouched. A
    SQLite file is held shared while open, unless the caller passes its own (exclusive) `held`."""
    known = schema_revisions()
    head = head_revision()
    path = sqlite_path(url)
    hold = None
    if path is not None and held is None and path.name != ":memory:":
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(f"数据库所在文件夹{folder_failure(path.parent, exc)}") from exc
        hold = db_hold.shared(path)
    try:
        current = _current_revision_sqlite(path) if path else None
        engine = make_engine(url)
    except BaseException:
        if hold is not None:
            hold.release()
        raise
    try:
        if path is None:
            current = _current_revision(engine)
        if current is not None and current not in known:
            raise NewerSchemaError(
                f"数据库“{describe(url)}”由更新版本的 NormDesk 创建（结构版本 {current}），"
                "本程序无法打开，也未作任何修改。请安装最新版本的 NormDesk 后再打开。"
            )
        if migrate and current != head:
            if path is not None and current is not None:
                _refuse_damaged_file(path)  # an upgrade writes: never into a damaged file
                _backup_sqlite_file(path, current)
            if path is None:
                _refuse_upgrade_by_clerk(engine, url, current, head)
            upgrade(engine)
            if path is None:
                _grant_after_upgrade(engine)
    except BaseException:
        engine.dispose()
        if hold is not None:
            hold.release()
        raise
    database = Database(url, engine, sessionmaker(engine, expire_on_commit=False), hold)
    if path is not None:
        database.identity = _file_identity(path)
    if migrate and current is not None and current <= LAST_UNSEALED:
        _seal_upgraded(database, "自未封存记录内容的旧版本升级，首次封存")
    elif migrate and current is not None and current < FILING_RESULTS:
        why = "备案结果改为逐次记录，封存由原备案结果生成的记录"
        _seal_upgraded(database, why, only=("filing_result",))
    if migrate and current is not None and current <= LAST_UNANCHORED:
        _first_anchor(database)
    return database


def _refuse_upgrade_by_clerk(engine: Engine, url: str, current: str | None, head: str) -> None:
    """Only the owner changes the schema: a clerk's login is told to ask for the upgrade."""
    from app.services import pg_roles

    with engine.connect() as conn:
        if pg_roles.may_upgrade(conn):
            return
    state = f"结构版本 {current}" if current else "尚未建立数据表"
    raise UserError(
        f"数据库“{describe(url)}”需要升级（{state}，本程序需要 {head}），但升级只能由管理员"
        "以数据库所有者的账户执行：请管理员在一台电脑上用含所有者用户名和密码的数据库地址运行 "
        "normdesk --db postgresql+psycopg://所有者:密码@服务器/数据库 init，之后再登录。"
    )


def _grant_after_upgrade(engine: Engine) -> None:
    """A table a migration added is granted to the clerks' groups like the others."""
    from app.services import pg_roles

    with engine.begin() as conn:
        if pg_roles.enabled(conn):
            pg_roles.grant(conn)


LAST_UNANCHORED = "0013"  # the newest revision an older version ran without an anchor file
LAST_UNSEALED = "0013"  # the newest revision an older version ran without record seals


FILING_RESULTS = "0018"  # the revision that copied each filing's result into filing_result


def _seal_upgraded(database: Database, why: str, only: tuple[str, ...] | None = None) -> None:
    """After an upgrade, seal every record (a version that did not seal them: a change made
    around the program before it can no longer be told apart), or only the rows a migration
    copied into the tables `only` names; audited like any change."""
    from app.services import seals
    from app.services.permissions import SYSTEM

    with database.transaction() as s:
        seals.baseline(s, SYSTEM.name, why, only=only)


def _first_anchor(database: Database) -> None:
    """A database upgraded from a version that kept no anchor file gets its first, audited, so
    that `check` does not report it missing until the next save."""
    from app.services import anchor
    from app.services.permissions import SYSTEM

    if anchor.path_for(database.url).exists():
        return
    with database.transaction() as s:
        if anchor.chain_head(s) is not None:
            anchor.record_reset(s, SYSTEM.name, "自未设审计链锚的旧版本升级，首次建立")


def describe(url: str) -> str:
    path = sqlite_path(url)
    return str(path) if path else make_url(url).render_as_string(hide_password=True)


def friendly_db_message(exc: BaseException) -> str | None:
    """A Chinese message for a failure of the environment (app/failures.py), None for a bug."""
    return explain(exc)
