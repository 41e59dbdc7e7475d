"""The audit trail: one hash-chained record per mutating service call, in the same transaction."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import inspect, select, text
from sqlalchemy.orm import Session

from app import clock
from app.models import AuditEntry
from app.services import fields  # noqa: F401  (every mutating service records here: arms its flush check)

GENESIS = "0" * 64


def _json(values: dict[str, Any] | None) -> str | None:
    if values is None:
        return None
    return json.dumps(values, ensure_ascii=False, sort_keys=True, default=_plain)


def _plain(value: Any) -> str:
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


def entry_hash(entry: AuditEntry) -> str:
    payload = "\x1f".join(
        [
            entry.prev_hash,
            entry.at.isoformat(timespec="microseconds"),
            entry.actor,
            entry.action,
            entry.object_type,
            str(entry.object_id),
            entry.summary,
            entry.old_values or "",
            entry.new_values or "",
        ]
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def record(
    s: Session,
    *,
    actor: str,
    action: str,
    object_type: str,
    object_id: int | None,
    summary: str = "",
    old: dict[str, Any] | None = None,
    new: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one audit record to the caller's transaction."""
    return record_many(s, actor, action, object_type, [Change(object_id, summary, old, new)])[-1]


@dataclass(frozen=True)
class Change:
    object_id: int | None
    summary: str = ""
    old: dict[str, Any] | None = None
    new: dict[str, Any] | None = None


def record_many(
    s: Session, actor: str, action: str, object_type: str, changes: list[Change]
) -> list[AuditEntry]:
    """Append one record per change, chained in order, to the caller's transaction."""
    last, at, entries = _last_hash(s) or GENESIS, clock.now(), []
    day = clock.pinned()
    pinned = f"（{clock.TODAY_ENV} 设定日期 {day.isoformat()}）" if day else ""
    for change in changes:
        entry = AuditEntry(
            at=at,
            actor=actor,
            action=action,
            object_type=object_type,
            object_id=change.object_id,
            summary=change.summary + pinned,
            old_values=_json(change.old),
            new_values=_json(change.new),
            prev_hash=last,
        )
        entry.hash = last = entry_hash(entry)
        entries.append(entry)
    s.add_all(entries)
    s.flush()
    if entries:
        s.info[_LAST] = (s.get_transaction(), entries[-1])
    return entries


_LAST = "audit_last_entry"
_CHAIN_LOCK = 7_230_001  # PostgreSQL advisory lock serialising writers of the chain


def _last_hash(s: Session) -> str | None:
    """The newest record's hash. Within one transaction the record this session wrote last is
    remembered (unless a savepoint rollback discarded it), sparing a query per record; a new
    transaction always reads it afresh, since another clerk may have written since."""
    transaction, cached = s.info.get(_LAST, (None, None))
    if cached is not None and transaction is s.get_transaction() and inspect(cached).persistent:
        return cached.hash
    if s.get_bind().dialect.name == "postgresql":
        s.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _CHAIN_LOCK})
    return s.scalar(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1))


def first_broken(s: Session) -> AuditEntry | None:
    """The first record whose content or link no longer matches, or None if the chain holds."""
    prev = GENESIS
    for entry in s.scalars(select(AuditEntry).order_by(AuditEntry.id)).yield_per(1000):
        if entry.prev_hash != prev or entry_hash(entry) != entry.hash:
            return entry
        prev = entry.hash
    return None
