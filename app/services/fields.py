"""What any text a service stores must be: free of control characters and characters no database
can store, and no longer than its column, checked the same way on SQLite (which does not enforce
String(n)) and PostgreSQL, so a value accepted on one is accepted on the other."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from sqlalchemy import String, event, inspect
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.errors import UserError

# C0 controls except tab and newline, DEL, C1 controls; lone surrogates (from argv or a damaged
# file) cannot be encoded as UTF-8 by either database.
_REFUSED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")

# Labels of the columns the flush check names; the services name their own fields themselves.
LABELS = {
    "title": "名称",
    "reason": "理由",
    "note": "说明",
    "recipient": "备案机关",
    "follow_up": "后续办理情况",
    "requester": "建议人",
    "grounds": "审查建议内容",
    "handler": "办理人",
    "reply": "答复",
    "submitting_unit": "送审单位",
    "reviewer": "审核人",
    "return_note": "退回说明",
    "drafter_opinion": "起草单位意见",
    "extension_reason": "延期理由",
    "required_changes": "修改要求",
    "opinion": "审核意见",
    "item": "材料名称",
    "source": "依据",
    "original_name": "文件名",
    "display_name": "姓名",
    "value": "设置值",
    "summary": "摘要",
    "remarks": "备注",
    "outcome": "结论",
    "result": "备案结果",
    "decision": "结论",
    "report_number": "备案报告编号",
}


# Tables that hold copies of values checked where they came from; a value stored before these
# checks (a title in an audit summary, say) must not block the record of a later change.
_COPIES = {"audit_log"}


@cache
def limit(column: Any) -> int | None:
    """The column's length in characters (String(n)), or None for unbounded text."""
    column_type = column.type if hasattr(column, "type") else column
    return column_type.length if isinstance(column_type, String) else None


def length(column: Any) -> int:
    """The length of a String(n) column: limit() of one known to be bounded."""
    most = limit(column)
    if most is None:
        raise TypeError(f"{column} is unbounded text")
    return most


def refused_character(value: str) -> str | None:
    """Why `value` cannot be stored, or None."""
    found = _REFUSED.search(value)
    if found is None:
        return None
    char = found.group()
    kind = "无法保存的字符" if "\ud800" <= char <= "\udfff" else "不可见的控制字符"
    return f"第 {found.start() + 1} 个字符是{kind}（U+{ord(char):04X}），请删除后重试。"


def text(
    value: str | None,
    label: str,
    column: InstrumentedAttribute | None = None,
    *,
    required: bool = False,
) -> str:
    """`value` stripped, with Windows line ends as newlines; UserError naming `label` if it holds
    a control character, is longer than `column` allows, or is empty when `required`."""
    value = (value or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    problem = refused_character(value)
    if problem:
        raise UserError(f"{label}：{problem}", field=label)
    if required and not value:
        raise UserError(f"{label}：不能为空。", field=label)
    check_length(value, label, column)
    return value


def check_length(value: str, label: str, column: InstrumentedAttribute | None) -> None:
    most = limit(column) if column is not None else None
    if most is not None and len(value) > most:
        raise UserError(f"{label}：不能超过 {most} 个字符（现有 {len(value)} 个）。", field=label)


def printable(value: str, replacement: str = "") -> str:
    """`value` without the characters a workbook, a PDF or a terminal cannot show, for output of
    rows stored before these checks existed, or (each marked with `replacement`) for a message
    that quotes what was typed."""
    return _REFUSED.sub(replacement, value)


def quoted(value: str) -> str:
    """`value` for a message: a refused character shown as �."""
    return printable(value, "\ufffd")


@event.listens_for(Session, "before_flush")
def _check_flush(s: Session, _context: Any, _instances: Any) -> None:
    """The net under every service: no new or changed text in a mapped object may hold a control
    character or exceed its column. An unchanged part of a value stored earlier is left alone."""
    for obj in (*s.new, *s.dirty):
        state = inspect(obj)
        if state.mapper.local_table.name in _COPIES:
            continue
        for attr in state.mapper.column_attrs:
            column = attr.columns[0]
            if not isinstance(column.type, String):
                continue
            history = state.attrs[attr.key].history
            if not history.added:
                continue
            value = history.added[0]
            if not isinstance(value, str):
                continue
            old = history.deleted[0] if history.deleted else None
            label = LABELS.get(attr.key, "输入内容")
            if _REFUSED.search(value) and len(_REFUSED.findall(value)) > len(
                _REFUSED.findall(old if isinstance(old, str) else "")
            ):
                raise UserError(f"{label}：{refused_character(value)}", field=label)
            most = limit(column)
            if most is not None and len(value) > most and value != old:
                raise UserError(
                    f"{label}：不能超过 {most} 个字符（现有 {len(value)} 个）。", field=label
                )
