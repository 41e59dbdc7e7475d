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
from app.models import (
    AuditEntry,
    CleanupBatch,
    Document,
    Filing,
    Issuer,
    NumberAllocation,
    Objection,
    ReviewCase,
    User,
)
from app.services import fields  # noqa: F401  (every mutating service records here: arms its flush check)
from app.services.permissions import Actor
from app.services.vocabulary import AuditAction

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


# the object_type each audited table's rows are recorded under; never rename one: the chain
# hashes it, the audit list and the seals filter by it
Audited = (
    Document | ReviewCase | Filing | Objection | CleanupBatch | Issuer | User | NumberAllocation
)
_KINDS: dict[type[Audited], str] = {
    Document: "document",
    ReviewCase: "review",
    Filing: "filing",
    Objection: "objection",
    CleanupBatch: "cleanup",
    Issuer: "issuer",
    User: "user",
    NumberAllocation: "number",
}


@dataclass(frozen=True)
class Subject:
    """What a record is about when no row at hand names it: a setting, a calendar day or year,
    the whole register. `kind` and `id` are stored as object_type and object_id (and hashed)."""

    kind: str
    id: int | None = None

    @classmethod
    def of(cls, model: type[Audited], id: int | None = None) -> Subject:
        """A row of `model` known only by its id (or none of them in particular)."""
        return cls(_KINDS[model], id)


SETTINGS = Subject("setting")  # the office's settings: the key is in the record's old/new values


def _subject(thing: Audited | Subject) -> Subject:
    if isinstance(thing, Subject):
        return thing
    return Subject(_KINDS[type(thing)], thing.id)


def _name(actor: Actor | str) -> str:
    """An actor's name; a bare name only where the caller has nobody else to go by (a user
    signing in, the system sealing, a setup run before anyone can sign in)."""
    return actor if isinstance(actor, str) else actor.name


def record(
    s: Session,
    actor: Actor | str,
    action: AuditAction,
    subject: Audited | Subject,
    *,
    summary: str = "",
    old: dict[str, Any] | None = None,
    new: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one audit record about `subject` (a row, or a Subject) to the caller's transaction."""
    about = _subject(subject)
    change = Change(about.id, summary, old, new)
    return _append(s, _name(actor), action, about.kind, [change])[-1]


@dataclass(frozen=True)
class Change:
    object_id: int | None
    summary: str = ""
    old: dict[str, Any] | None = None
    new: dict[str, Any] | None = None


def record_many(
    s: Session, actor: Actor | str, action: AuditAction, model: type[Audited], changes: list[Change]
) -> list[AuditEntry]:
    """Append one record per change to rows of `model`, chained in order, to the caller's
    transaction (rows inserted in bulk, known by their ids)."""
    return _append(s, _name(actor), action, _KINDS[model], changes)


def _append(
    s: Session, actor: str, action: str, object_type: str, changes: list[Change]
) -> list[AuditEntry]:
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
