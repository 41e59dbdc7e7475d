"""Edits made around NormDesk, as whoever holds the SQLite file or the PostgreSQL owner's
password can make them. On PostgreSQL the audit log is append-only by trigger (migration 0015),
so the owner first disables its triggers, as such a person would, and enables them again."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine


@contextmanager
def outside_edit(engine: Engine) -> Iterator[Connection]:
    with engine.begin() as con:
        guarded = con.dialect.name == "postgresql"
        if guarded:
            con.exec_driver_sql("ALTER TABLE audit_log DISABLE TRIGGER USER")
        yield con
        if guarded:
            con.exec_driver_sql("ALTER TABLE audit_log ENABLE TRIGGER USER")
