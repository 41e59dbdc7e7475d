"""Each record's content, sealed into the audit chain, so that an edit made around the program
(a document, number, filing, review, user or setting changed, added or deleted with an SQLite
tool or psql) is found by `check` even where no audit record mentions it.

Every commit that changed records appends one audit record (action `seal`) holding a digest of
the content each changed record has at that moment (None for one deleted). The newest seal of a
record is its last audited state; `check` recomputes every record's digest and names those that
differ, those that appeared without a seal and those that vanished. Changes are noticed at flush
(ORM objects) and, for bulk Core inserts, as the rows above the table's highest id before the
first insert. A database from a version without seals is sealed whole once on its upgrade.

Columns holding None are left out of a digest, so adding a nullable column keeps every seal; a
migration that fills a new column must seal the table again (`baseline`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import Column, Table, event, func, select
from sqlalchemy.orm import (
    ORMExecuteState,
    Session,
    SessionTransaction,
    UOWTransaction,
    object_mapper,
)

from app.models import AuditEntry, Base
from app.services import audit
from app.services.vocabulary import AuditAction

ACTION = AuditAction.SEAL
OBJECT = "record"
DIGEST_CHARS = 32
CHUNK = 500
MAX_LISTED = 50

LABELS = {
    "document": "文件",
    "procedure_step": "办理环节",
    "attachment": "附件",
    "document_link": "文件关联",
    "number_allocation": "登记编号",
    "filing": "备案",
    "objection": "审查建议",
    "issuer": "制定机关",
    "issuer_name": "制定机关曾用名",
    "review_case": "合法性审核",
    "review_check": "审查事项",
    "review_pause": "审核暂停计时",
    "setting": "设置",
    "app_user": "用户",
    "calendar_day": "工作日历",
    "calendar_year": "年度日历",
    "validity_evaluation": "有效期评估",
    "cleanup_batch": "清理",
    "cleanup_item": "清理事项",
    "filing_result": "备案结果",
    "document_text": "文件正文",
    "upper_law": "上位法",
    "legal_basis": "制定依据",
    "upper_law_change": "上位法变化",
}
_NAMED_BY = {
    "document": "title",
    "number_allocation": "number",
    "issuer": "name",
    "app_user": "username",
    "filing": "report_number",
    "upper_law": "name",
}

_TOUCHED = "seals_touched"  # {table name: set of primary keys} changed in this transaction
_DELETED = "seals_deleted"  # {table name: set of primary keys} deleted through the ORM
_ABOVE = "seals_above"  # {table name: highest id before this transaction's first Core insert}
_BEFORE = "seals_before"  # {table name: {key: digest}} of rows as they were before this transaction


@cache  # the models are all mapped once app.models is imported; asked at every flush
def sealed_tables() -> dict[str, Table]:
    return {
        name: table
        for name, table in Base.metadata.tables.items()
        if name != AuditEntry.__tablename__
    }


def _pk(table: Table) -> Column[Any]:
    (column,) = table.primary_key.columns
    return column


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime):
        return value.replace(tzinfo=None).isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, bytes):
        return value.hex()
    return str(value)


def digest(row: dict[str, Any]) -> str:
    """The same on SQLite and PostgreSQL for the same content, so a copied register keeps its
    seals; None left out (see the module's note)."""
    payload = "\x1e".join(
        f"{name}\x1f{_text(value)}" for name, value in sorted(row.items()) if value is not None
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:DIGEST_CHARS]


def key_text(value: Any) -> str:
    return _text(value)


# --- noticing changes -----------------------------------------------------------------------


def _note(s: Session, slot: str, table: str, key: Any) -> None:
    s.info.setdefault(slot, {}).setdefault(table, set()).add(key)


def _after_flush(s: Session, _flush: UOWTransaction) -> None:
    tables = sealed_tables()
    for slot, objects in ((_TOUCHED, s.new), (_TOUCHED, s.dirty), (_DELETED, s.deleted)):
        for obj in objects:
            mapper = object_mapper(obj)
            table = mapper.local_table
            if isinstance(table, Table) and table.name in tables:
                (key,) = mapper.primary_key_from_instance(obj)
                if key is not None:
                    _note(s, slot, table.name, key)


def _before_flush(s: Session, _flush: UOWTransaction, _instances: Any) -> None:
    """The content, before this transaction, of each stored row it is about to change first, so
    a change undone (a rolled-back savepoint, a dry run, a save with nothing changed) is not
    sealed again."""
    before = s.info.setdefault(_BEFORE, {})
    touched, above = s.info.get(_TOUCHED, {}), s.info.get(_ABOVE, {})
    wanted: dict[str, list[Any]] = {}
    tables = sealed_tables()
    for obj in (*s.dirty, *s.deleted):
        mapper = object_mapper(obj)
        table = mapper.local_table
        if not isinstance(table, Table) or table.name not in tables:
            continue
        name = table.name
        (key,) = mapper.primary_key_from_instance(obj)
        if key is None or key_text(key) in before.get(name, {}):
            continue
        if key in touched.get(name, ()) or (name in above and key > above[name]):
            continue  # written earlier in this transaction: what it was before is not known here
        wanted.setdefault(name, []).append(key)
    for name, keys in wanted.items():
        pk = _pk(tables[name]).name
        found = {key_text(r[pk]): digest(r) for r in _rows(s, tables[name], keys)}
        before.setdefault(name, {}).update({key_text(k): found.get(key_text(k)) for k in keys})


def _do_orm_execute(state: ORMExecuteState) -> None:
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    table = getattr(state.statement, "table", None)
    name = getattr(table, "name", None)
    if name not in sealed_tables():
        return
    if not state.is_insert:
        # Core UPDATE/DELETE would change rows no flush reports; the services go through the ORM
        raise RuntimeError(f"bulk UPDATE/DELETE of {name} bypasses the record seals")
    above = state.session.info.setdefault(_ABOVE, {})
    if name not in above:
        pk = _pk(sealed_tables()[name])
        above[name] = state.session.execute(select(func.max(pk))).scalar() or 0


def _forget(s: Session, transaction: SessionTransaction) -> None:
    """At the end of the outermost transaction only: a savepoint's end (commit or rollback)
    leaves the changes noted so far to the seal before the real commit."""
    if transaction.parent is None and not transaction.nested:
        for slot in (_TOUCHED, _DELETED, _ABOVE, _BEFORE):
            s.info.pop(slot, None)


def _before_commit(s: Session) -> None:
    seal(s)


event.listen(Session, "before_flush", _before_flush)
event.listen(Session, "after_flush", _after_flush)
event.listen(Session, "do_orm_execute", _do_orm_execute)
event.listen(Session, "before_commit", _before_commit)
event.listen(Session, "after_transaction_end", _forget)


# --- sealing --------------------------------------------------------------------------------


def _rows(s: Session, table: Table, keys: Iterable[Any]) -> Iterator[dict[str, Any]]:
    keys = list(keys)
    pk = _pk(table)
    for start in range(0, len(keys), CHUNK):
        for row in s.execute(select(table).where(pk.in_(keys[start : start + CHUNK]))):
            yield dict(row._mapping)


def _new_rows(s: Session, table: Table, above: Any = None) -> Iterator[dict[str, Any]]:
    """Rows whose key is above `above`, or every row."""
    pk = _pk(table)
    query = select(table).order_by(pk)
    if above is not None:
        query = query.where(pk > above)
    for row in s.execute(query).yield_per(1000):
        yield dict(row._mapping)


def seal(s: Session) -> AuditEntry | None:
    """Append the seal of every record this transaction changed (called before its commit)."""
    if s.in_nested_transaction():
        return None
    s.flush()  # nothing pending: nothing done
    touched, deleted = s.info.pop(_TOUCHED, {}), s.info.pop(_DELETED, {})
    above, before = s.info.pop(_ABOVE, {}), s.info.pop(_BEFORE, {})
    if not (touched or deleted or above):
        return None
    tables = sealed_tables()
    states: dict[str, dict[str, str | None]] = {}
    for name in sorted(set(touched) | set(deleted) | set(above)):
        table, pk = tables[name], _pk(tables[name]).name
        found = {}
        if touched.get(name):
            found.update({key_text(r[pk]): digest(r) for r in _rows(s, table, touched[name])})
        if name in above:
            found.update({key_text(r[pk]): digest(r) for r in _new_rows(s, table, above[name])})
        # a row made and undone in a rolled-back savepoint was never there: nothing to seal
        gone = {key_text(k): None for k in deleted.get(name, ()) if key_text(k) not in found}
        was = before.get(name, {})
        changed = {k: v for k, v in {**gone, **found}.items() if k not in was or was[k] != v}
        if changed:
            states[name] = changed
    if not states:
        return None
    transaction, last = s.info.get(audit._LAST, (None, None))
    actor = last.actor if last is not None and transaction is s.get_transaction() else "系统"
    return _record(s, actor, "", states)


def _record(
    s: Session, actor: str, why: str, states: dict[str, dict[str, str | None]]
) -> AuditEntry:
    count = sum(len(v) for v in states.values())
    summary = f"封存 {count} 条记录的当前内容"
    return audit.record(
        s,
        actor,
        ACTION,
        audit.Subject(OBJECT),
        summary=f"{why}：{summary}" if why else summary,
        new=states,
    )


def baseline(
    s: Session, actor: str, why: str, only: tuple[str, ...] | None = None
) -> AuditEntry | None:
    """Seal every record as it is now (a database upgraded from a version without seals), or
    every record of the tables `only` names (rows a migration copied into a new table)."""
    states: dict[str, dict[str, str | None]] = {}
    for name, table in sealed_tables().items():
        if only is not None and name not in only:
            continue
        pk = _pk(table).name
        found: dict[str, str | None] = {key_text(r[pk]): digest(r) for r in _new_rows(s, table)}
        if found:
            states[name] = found
    if not states:
        return None
    return _record(s, actor, why, states)


# --- checking -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Difference:
    table: str
    key: str
    kind: str  # "changed", "added", "deleted"
    name: str = ""

    def told(self) -> str:
        what = f"{LABELS.get(self.table, self.table)}（{self.table} 第 {self.key} 条"
        what += f"，“{self.name}”）" if self.name else "）"
        return {
            "changed": f"{what}的内容与审计记录不符：在程序之外被修改",
            "added": f"{what}不在审计记录中：在程序之外被添加",
            "deleted": f"{what}已不在数据库中，审计记录中没有删除它的操作：在程序之外被删除",
        }[self.kind]


def sealed_states(s: Session) -> dict[str, dict[str, str | None]]:
    """Each record's newest sealed digest, by table and key, from the whole chain."""
    states: dict[str, dict[str, str | None]] = {}
    query = select(AuditEntry.new_values).where(AuditEntry.action == ACTION).order_by(AuditEntry.id)
    for raw in s.scalars(query).yield_per(100):
        try:
            data = json.loads(raw or "{}")
        except ValueError:
            continue  # an edited record: the chain check reports it
        if not isinstance(data, dict):
            continue
        for table, keys in data.items():
            if isinstance(keys, dict):
                states.setdefault(table, {}).update(keys)
    return states


def differences(s: Session) -> Iterator[Difference]:
    """Every record whose content is not the one last sealed, in table order."""
    states = sealed_states(s)
    for name, table in sealed_tables().items():
        sealed = states.get(name, {})
        seen: set[str] = set()
        pk, label = _pk(table).name, _NAMED_BY.get(name)
        for row in _new_rows(s, table):
            key = key_text(row[pk])
            seen.add(key)
            expected = sealed.get(key)
            if expected == digest(row):
                continue
            shown = str(row.get(label) or "")[:40] if label else ""
            yield Difference(name, key, "added" if expected is None else "changed", shown)
        for key, expected in sealed.items():
            if expected is not None and key not in seen:
                yield Difference(name, key, "deleted")


def problems(s: Session) -> list[str]:
    found: list[str] = []
    total = 0
    for difference in differences(s):
        total += 1
        if len(found) < MAX_LISTED:
            found.append(difference.told())
    if total > MAX_LISTED:
        found.append(f"另有 {total - MAX_LISTED} 条记录与审计记录不符，未逐条列出")
    return found
