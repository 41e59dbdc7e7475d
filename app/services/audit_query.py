"""Reading the audit trail: filtered and paged rows, values told in Chinese, the chain verdict."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

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
from app.services import integrity, people, seals, settings
from app.services.lifecycle import STATUS_LABELS
from app.services.vocabulary import AuditAction, DocField, DocFlag

ACTIONS: dict[str, str] = AuditAction.labels()
OBJECTS = {
    "document": "文件",
    "filing": "备案",
    "review": "合法性审核",
    "objection": "审查建议",
    "cleanup": "清理",
    "user": "用户",
    "setting": "设置",
    "calendar_day": "工作日历",
    "calendar_year": "工作日历",
    "issuer": "制定机关",
    "number": "登记编号",
    "audit": "审计日志",
    "record": "记录",
}
KEYS = {
    **DocField.labels(),
    **DocFlag.labels(),
    "username": "用户名",
    "number": "登记编号",
    "voided": "已作废",
    "display_name": "姓名",
    "role": "角色",
    "active": "启用",
    "step": "环节",
    "outcome": "结果",
    "done_on": "办理日期",
    "day": "日期",
    "reason": "理由",
    "note": "说明",
    "recipient": "备案机关",
    "filed_on": "报送日期",
    "report": "备案报告编号",
    "result": "备案结果",
    "result_on": "结果日期",
    "correction_due": "补正期限",
    "correction_days": "补正期限天数",
    "corrected_on": "补正日期",
    "is_workday": "工作日",
    "decision": "结论",
    "days": "天数",
    "channel": "公布载体",
}


@dataclass(frozen=True)
class AuditFilter:
    start: date | None = None
    end: date | None = None
    actor: str = ""
    action: str = ""
    object_type: str = ""
    object_id: int | None = None
    text: str = ""


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    actor: str  # the username recorded (evidence; the filter goes by it)
    action: str
    object: str  # what it is about as a person reads it: "文件 登记编号 标题"
    summary: str
    old: str
    new: str
    changes: str
    actor_name: str = ""  # the person's name, or the recorded name when no account has it


def _where(query: Select, f: AuditFilter) -> Select:
    if f.start:
        query = query.where(AuditEntry.at >= datetime.combine(f.start, time()))
    if f.end:
        query = query.where(AuditEntry.at < datetime.combine(f.end + timedelta(days=1), time()))
    if f.action != seals.ACTION and f.object_type != seals.OBJECT:
        # one per save, digests only: shown when asked for by action or object
        query = query.where(AuditEntry.action != seals.ACTION)
    for column, value in (
        (AuditEntry.actor, f.actor),
        (AuditEntry.action, f.action),
        (AuditEntry.object_type, f.object_type),
    ):
        if value:
            query = query.where(column == value)
    if f.object_id is not None:
        query = query.where(AuditEntry.object_id == f.object_id)
    if f.text.strip():
        like = f"%{f.text.strip()}%"
        query = query.where(
            or_(
                AuditEntry.summary.like(like),
                AuditEntry.new_values.like(like),
                AuditEntry.old_values.like(like),
            )
        )
    return query


def count(s: Session, f: AuditFilter) -> int:
    return s.scalar(_where(select(func.count(AuditEntry.id)), f)) or 0


def page(s: Session, f: AuditFilter, offset: int, limit: int) -> list[AuditRow]:
    """Newest first; the page's people and subjects are looked up once for the page."""
    query = _where(select(AuditEntry), f).order_by(AuditEntry.id.desc())
    return rows_of(s, list(s.scalars(query.offset(offset).limit(limit))))


def rows(s: Session, f: AuditFilter) -> Iterator[AuditRow]:
    query = _where(select(AuditEntry), f).order_by(AuditEntry.id.desc())
    chunk: list[AuditEntry] = []
    for entry in s.scalars(query).yield_per(CHUNK):
        chunk.append(entry)
        if len(chunk) == CHUNK:
            yield from rows_of(s, chunk)
            chunk = []
    yield from rows_of(s, chunk)


CHUNK = 1000


def rows_of(s: Session, entries: list[AuditEntry]) -> list[AuditRow]:
    """The entries as a person reads them: the people who acted by name, what each is about by
    its registration number and title (number, name …), a few queries for all of them."""
    if not entries:
        return []
    who, about = people.names(s), subjects(s, entries)
    return [row_of(e, who, about) for e in entries]


def _document_text(reg_number: str | None, title: str) -> str:
    return f"{reg_number or '（未登记）'} {title}"


def _texts(s: Session, kind: str, ids: list[int]) -> dict[int, str]:
    """Each row's text for the audit log's 对象, for the rows of one object type."""
    if kind == "document":
        docs = select(Document.id, Document.reg_number, Document.title)
        return {i: _document_text(r, t) for i, r, t in s.execute(docs.where(Document.id.in_(ids)))}
    if kind in ("filing", "objection"):
        model = Filing if kind == "filing" else Objection
        extra = Filing.recipient if kind == "filing" else Objection.requester
        about = (
            select(model.id, Document.reg_number, Document.title, extra)
            .join(Document, Document.id == model.document_id)
            .where(model.id.in_(ids))
        )
        return {i: f"{_document_text(r, t)}（{x}）" for i, r, t, x in s.execute(about)}
    if kind == "review":
        cases = select(ReviewCase.id, ReviewCase.opinion_number, ReviewCase.title)
        return {
            i: " ".join(filter(None, (n, t)))
            for i, n, t in s.execute(cases.where(ReviewCase.id.in_(ids)))
        }
    simple = {
        "cleanup": (CleanupBatch.id, CleanupBatch.title),
        "issuer": (Issuer.id, Issuer.name),
        "user": (User.id, User.display_name),
        "number": (NumberAllocation.id, NumberAllocation.number),
    }
    if kind in simple:
        key, text = simple[kind]
        return {i: str(t) for i, t in s.execute(select(key, text).where(key.in_(ids)))}
    return {}


def subjects(s: Session, entries: list[AuditEntry]) -> dict[tuple[str, int], str]:
    """(object_type, object_id) -> its text, one query per object type among `entries`."""
    wanted: dict[str, set[int]] = {}
    for e in entries:
        if e.object_id is not None and e.action != seals.ACTION:
            wanted.setdefault(e.object_type, set()).add(e.object_id)
    found: dict[tuple[str, int], str] = {}
    for kind, ids in wanted.items():
        for start in range(0, len(ids), 500):
            part = sorted(ids)[start : start + 500]
            found.update({(kind, i): text for i, text in _texts(s, kind, part).items()})
    return found


def row_of(
    e: AuditEntry,
    who: people.Names | None = None,
    about: dict[tuple[str, int], str] | None = None,
) -> AuditRow:
    """One entry as a row; without `who`/`about` the actor and object read as recorded (a row
    whose object is gone reads "文件 17" too)."""
    obj = OBJECTS.get(e.object_type, e.object_type)
    name = (who or people.Names())(e.actor)
    if e.action == seals.ACTION:  # thousands of digests say nothing to a reader: their counts
        counts = [
            f"{seals.LABELS.get(k, k)}：{len(v)} 条"
            for k, v in _values(e.new_values).items()
            if isinstance(v, dict)
        ]
        return AuditRow(
            e.id,
            e.at,
            e.actor,
            ACTIONS[seals.ACTION],
            obj,
            e.summary,
            "",
            "\n".join(counts),
            "\n".join(counts),
            name,
        )
    subject = (about or {}).get((e.object_type, e.object_id)) if e.object_id is not None else None
    return AuditRow(
        e.id,
        e.at,
        e.actor,
        ACTIONS.get(e.action, e.action),
        f"{obj} {subject or e.object_id}" if e.object_id is not None else obj,
        e.summary,
        "\n".join(value_lines(e.old_values)),
        "\n".join(value_lines(e.new_values)),
        "\n".join(change_lines(e.old_values, e.new_values)),
        name,
    )


def actors(s: Session) -> list[tuple[str, str]]:
    """(username, the person's name) of everyone in the log, for the 操作人 filter, by name."""
    who = people.names(s)
    recorded = s.scalars(select(AuditEntry.actor).distinct().order_by(AuditEntry.actor))
    return sorted(((username, who(username)) for username in recorded), key=lambda p: p[1])


def object_types(s: Session) -> list[tuple[str, str]]:
    """(code, label) of every object type in the log."""
    codes = s.scalars(select(AuditEntry.object_type).distinct().order_by(AuditEntry.object_type))
    return [(code, OBJECTS.get(code, code)) for code in codes]


def shown(key: str, value: Any) -> str:
    """A stored value as a clerk reads it: 是/否, status names, （空）."""
    return _shown(key, value)


def _shown(key: str, value: Any) -> str:
    if value is None or value == "":
        return "（空）"
    if isinstance(value, bool):
        return "是" if value else "否"
    if key == "status":
        return STATUS_LABELS.get(value, str(value))
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _label(key: str) -> str:
    rule = settings.RULES.get(key)
    return rule.label if rule else KEYS.get(key, key)


def _values(raw: str | None) -> dict[str, Any]:
    if not raw:
        return {}
    try:
        data = json.loads(raw)
    except ValueError:
        return {"": raw}
    return data if isinstance(data, dict) else {"": data}


def _line(key: str, value: Any) -> str:
    return f"{_label(key)}：{_shown(key, value)}" if key else _shown(key, value)


def value_lines(raw: str | None) -> list[str]:
    """Stored JSON values as "名称：值" lines."""
    return [_line(k, v) for k, v in _values(raw).items()]


def change_lines(old_raw: str | None, new_raw: str | None) -> list[str]:
    """One line per value: "名称：旧值 → 新值" where both were recorded."""
    old, new = _values(old_raw), _values(new_raw)
    lines = []
    for key in [*new, *(k for k in old if k not in new)]:
        if key in old and key in new:
            lines.append(f"{_label(key)}：{_shown(key, old[key])} → {_shown(key, new[key])}")
        elif key in new:
            lines.append(_line(key, new[key]))
        else:
            lines.append(f"{_line(key, old[key])}（已删除）")
    return lines


def document_history(s: Session, doc_id: int) -> list[AuditRow]:
    """Everything recorded about one document, its filings and its review cases, newest first."""
    filings = select(Filing.id).where(Filing.document_id == doc_id)
    reviews = select(ReviewCase.id).where(ReviewCase.document_id == doc_id)
    query = select(AuditEntry).where(
        or_(
            (AuditEntry.object_type == "document") & (AuditEntry.object_id == doc_id),
            (AuditEntry.object_type == "filing") & AuditEntry.object_id.in_(filings),
            (AuditEntry.object_type == "review") & AuditEntry.object_id.in_(reviews),
        )
    )
    return rows_of(s, list(s.scalars(query.order_by(AuditEntry.id.desc()))))


SHOWN_PROBLEMS = 8


def chain_verdict(s: Session, url: str | None = None) -> str:
    """The chain, (given the database's `url`) its anchored head, and every record against its
    seal: what a clerk's 验证审计链 reports, its first line a summary."""
    broken, found = integrity.record_problems(s, url)
    if broken is None and not found:
        return "审计链完整，每条记录的内容都与审计记录相符。"
    lines = []
    if broken is not None:
        lines.append(broken)
    if found:
        lines.append(f"发现 {len(found)} 处与审计记录不符：")
        lines += [f"· {p}" for p in found[:SHOWN_PROBLEMS]]
        if found[SHOWN_PROBLEMS:]:
            lines.append(f"……另有 {len(found) - SHOWN_PROBLEMS} 处，请用 normdesk check 查看全部。")
    if broken is None:
        lines.append("审计日志本身完整：没有审计记录被改动或删除。")
    return "\n".join(lines)


def verdict_is_clean(verdict: str) -> bool:
    return verdict.startswith("审计链完整")
