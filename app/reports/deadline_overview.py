"""期限一览表: the dashboard's open deadlines on paper, overdue first."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from app import clock
from app.reports import listing
from app.reports.columns import NotedListing
from app.reports.fonts import role_fonts
from app.reports.listing import ListColumn
from app.services import deadlines, workcalendar
from app.services.catalogs import office_name

COLUMNS = (
    ListColumn("期限类型", 10, lambda d: d.kind_label),
    ListColumn("制定机关", 12, lambda d: d.issuer),
    ListColumn("事项", 30, lambda d: d.title),
    ListColumn("期限", 13, lambda d: listing.due_day(d.due, d.provisional), align="CENTER"),
    ListColumn("剩余天数", 8, lambda d: d.days_text, align="CENTER"),
    ListColumn("状态", 7, lambda d: d.state_label, align="CENTER"),
    ListColumn("依据", 20, lambda d: d.rule),
)


def _overview(s: Session) -> NotedListing:
    today = clock.today()
    rows = deadlines.open_deadlines(s, today)
    notes = workcalendar.load(s).provisional_footnotes(d.due for d in rows if d.provisional)
    return NotedListing(
        "期限一览表", f"截至{today.year}年{today.month}月{today.day}日", office_name(s), rows, notes
    )


def pdf(s: Session, target: Path) -> int:
    overview = _overview(s)
    return listing.pdf(
        overview, COLUMNS, target, clock.today(), notes=overview.notes, fonts=role_fonts(s)
    )


def xlsx(s: Session, target: Path) -> int:
    overview = _overview(s)
    return listing.xlsx(overview, COLUMNS, target, notes=overview.notes)
