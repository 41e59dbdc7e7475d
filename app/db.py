"""Engine, sessions and schema upgrades.

SQLite gets WAL, foreign keys and a busy timeout; write transactions start with BEGIN IMMEDIATE so
two clerks (or processes) never deadlock on a lock upgrade. At start-up the schema is brought to the
head revision, after a backup of the file; a schema from a newer NormDesk is refused untouched.
Alembic is imported only when a migration is actually pending, to keep start-up fast.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, Integer, Table, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from app import clock
from app.config import bundle_root
from app.errors import DamagedDatabaseError, NewerSchemaError, UserError
from app.failures import explain, is_damage
from app.pg_session import connect_args

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
    """Read the stamped revision through a read-only handle, so a refused file stays untouched."""
    if not path.exists() or path.stat().st_size == 0:
        return None
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


def _backup_sqlite_file(path: Path, revision: str) -> Path:
    folder = path.parent / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{path.stem}-{stamp}-before-upgrade-from-{revision}.db"
    src = sqlite3.connect(path)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    log.info("backed up %s to %s before upgrading", path, target)
    return target


def _set_sqlite_pragmas(dbapi_connection, _record) -> None:
    # Let SQLAlchemy's begin event emit BEGIN, so write transactions can be IMMEDIATE.
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=15000")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _begin_sqlite(conn) -> None:
    immediate = conn.get_execution_options().get("sqlite_immediate", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(url: str) -> Engine:
    path = sqlite_path(url)
    if path is None:
        return create_engine(url, pool_pre_ping=True, connect_args=connect_args(url))
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": 15})
    event.listen(engine, "connect", _set_sqlite_pragmas)
    event.listen(engine, "begin", _begin_sqlite)
    return engine


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


@dataclass
class Database:
    url: str
    engine: Engine
    sessions: sessionmaker[Session]

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One user action, one commit: everything inside commits together or not at all."""
        with self.sessions() as session:
            session.connection(execution_options={"sqlite_immediate": True})
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self.sessions() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()


def open_database(url: str, *, migrate: bool = True) -> Database:
    """Open (creating or upgrading) the database at `url`; refuse a newer schema untouched."""
    known = schema_revisions()
    head = head_revision()
    path = sqlite_path(url)
    current = _current_revision_sqlite(path) if path else None
    engine = make_engine(url)
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
                _backup_sqlite_file(path, current)
            upgrade(engine)
    except BaseException:
        engine.dispose()
        raise
    return Database(url, engine, sessionmaker(engine, expire_on_commit=False))


def describe(url: str) -> str:
    path = sqlite_path(url)
    return str(path) if path else make_url(url).render_as_string(hide_password=True)


def friendly_db_message(exc: BaseException) -> str | None:
    """A Chinese message for a failure of the environment (app/failures.py), None for a bug."""
    return explain(exc)
