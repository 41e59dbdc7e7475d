"""审计日志 as an Excel workbook: the filtered entries, newest first, with their values."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy.orm import Session

from app.reports.workbook import Field, write_sheet
from app.services import audit_query
from app.services.audit_query import AuditFilter

SHEET = "审计日志"
FIELDS = (
    Field("编号", 8, lambda r: r.id),
    Field("时间", 20, lambda r: r.at.strftime("%Y-%m-%d %H:%M:%S")),
    Field("操作人", 14, lambda r: r.actor_name),
    Field("操作", 14, lambda r: r.action),
    Field("对象", 40, lambda r: r.object),
    Field("摘要", 50, lambda r: r.summary),
    Field("原值", 40, lambda r: r.old),
    Field("新值", 40, lambda r: r.new),
    Field("操作人用户名", 14, lambda r: r.actor),
)


def xlsx(
    s: Session, target: Path, f: AuditFilter, progress: Callable[[int, int], bool] | None = None
) -> int:
    total = audit_query.count(s, f)
    return write_sheet(target, SHEET, FIELDS, audit_query.rows(s, f), total, progress)
