"""备案台账: every published document and each body it must be filed with."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from app import clock
from app.reports import listing
from app.reports.columns import NotedListing, document_columns
from app.reports.fonts import role_fonts
from app.reports.listing import ListColumn
from app.reports.page import Progress
from app.services import filing, workcalendar
from app.services.catalogs import office_name

COLUMNS = (
    *document_columns(reg_number=14, doc_number=14, title=20, issuer_name=11, published=9),
    ListColumn("备案机关", 10, lambda r: r.recipient),
    ListColumn("备案期限", 15, lambda r: listing.due_day(r.due, r.due_provisional), align="CENTER"),
    ListColumn("报送日期", 9, lambda r: r.filed_on, align="CENTER"),
    ListColumn("备案结果", 8, lambda r: r.result, align="CENTER"),
    ListColumn("是否按期", 7, lambda r: filing.timeliness(r, clock.today()), align="CENTER"),
)


def _ledger(s: Session, year: int | None) -> NotedListing:
    cal = workcalendar.load(s)
    rows = filing.register_rows(s, cal, year)
    notes = cal.provisional_footnotes(r.due for r in rows if r.due_provisional)
    title = f"{year}年度规范性文件备案台账" if year else "规范性文件备案台账"
    return NotedListing(title, "", office_name(s), rows, notes)


def pdf(s: Session, target: Path, year: int | None = None, progress: Progress | None = None) -> int:
    ledger = _ledger(s, year)
    return listing.pdf(
        ledger, COLUMNS, target, clock.today(), True, progress, ledger.notes, role_fonts(s)
    )


def xlsx(
    s: Session, target: Path, year: int | None = None, progress: Progress | None = None
) -> int:
    ledger = _ledger(s, year)
    return listing.xlsx(ledger, COLUMNS, target, progress, ledger.notes)
