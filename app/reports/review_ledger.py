"""合法性审核台账: every review case with its periods and outcome."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from app import clock
from app.reports import listing
from app.reports.fonts import role_fonts
from app.reports.listing import ListColumn
from app.reports.page import Progress
from app.services import reviews, workcalendar

COLUMNS = (
    ListColumn("意见书编号", 14, lambda r: r.opinion_number),
    ListColumn("审核对象", 11, lambda r: r.subject_label),
    ListColumn("事项名称", 18, lambda r: r.title),
    ListColumn("送审单位", 10, lambda r: r.submitting_unit),
    ListColumn("收到日期", 9, lambda r: r.received, align="CENTER"),
    ListColumn("材料齐全", 9, lambda r: r.complete_on, align="CENTER"),
    ListColumn("办理期限", 15, lambda r: listing.due_day(r.due, r.due_provisional), align="CENTER"),
    ListColumn("办结日期", 9, lambda r: r.concluded_on, align="CENTER"),
    ListColumn("审核人", 7, lambda r: r.reviewer),
    ListColumn("结论", 10, lambda r: r.outcome, align="CENTER"),
    ListColumn("办理情况", 8, lambda r: r.state_label, align="CENTER"),
)


def _ledger(s: Session, year: int | None) -> tuple[reviews.Ledger, list[str]]:
    cal = workcalendar.load(s)
    ledger = reviews.ledger(s, cal, clock.today(), year)
    notes = cal.provisional_footnotes(r.due for r in ledger.rows if r.due and r.due_provisional)
    return ledger, notes


def pdf(s: Session, target: Path, year: int | None = None, progress: Progress | None = None) -> int:
    ledger, notes = _ledger(s, year)
    return listing.pdf(ledger, COLUMNS, target, clock.today(), True, progress, notes, role_fonts(s))


def xlsx(
    s: Session, target: Path, year: int | None = None, progress: Progress | None = None
) -> int:
    ledger, notes = _ledger(s, year)
    return listing.xlsx(ledger, COLUMNS, target, progress, notes)
