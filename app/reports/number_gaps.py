"""空号登记表 as an Excel workbook: the voided and skipped registration numbers, newest first."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy.orm import Session

from app.reports.workbook import Field, write_sheet
from app.services import number_gaps

SHEET = "作废和跳过的登记编号"
FIELDS = (
    Field("登记编号", 24, lambda r: r.number),
    Field("类型", 8, lambda r: r.kind_label),
    Field("作废日期", 12, lambda r: r.day),
    Field("作废人", 12, lambda r: r.by),
    Field("原因", 50, lambda r: r.reason),
)


def xlsx(s: Session, target: Path, progress: Callable[[int, int], bool] | None = None) -> int:
    rows = number_gaps.listed(s)
    return write_sheet(target, SHEET, FIELDS, rows, len(rows), progress)
