"""Reading the audit trail: filtered and paged rows, values told in Chinese, the chain verdict."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from app.models import AuditEntry, Filing, ReviewCase
from app.services import integrity, seals, settings
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
    actor: str
    action: str
    object: str
    summary: str
    old: str
    new: str
    changes: str


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
    """Newest first."""
    query = _where(select(AuditEntry), f).order_by(AuditEntry.id.desc())
    return [row_of(e) for e in s.scalars(query.offset(offset).limit(limit))]


def rows(s: Session, f: AuditFilter) -> Iterator[AuditRow]:
    query = _where(select(AuditEntry), f).order_by(AuditEntry.id.desc())
    for entry in s.scalars(query).yield_per(1000):
        yield row_of(entry)


def row_of(e: AuditEntry) -> AuditRow:
    obj = OBJECTS.get(e.object_type, e.object_type)
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
        )
    return AuditRow(
        e.id,
        e.at,
        e.actor,
        ACTIONS.get(e.action, e.action),
        f"{obj} {e.object_id}" if e.object_id is not None else obj,
        e.summary,
        "\n".join(value_lines(e.old_values)),
        "\n".join(value_lines(e.new_values)),
        "\n".join(change_lines(e.old_values, e.new_values)),
    )


def actors(s: Session) -> list[str]:
    return list(s.scalars(select(AuditEntry.actor).distinct().order_by(AuditEntry.actor)))


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
    return [row_of(e) for e in s.scalars(query.order_by(AuditEntry.id.desc()))]


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
