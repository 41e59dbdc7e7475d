"""A numbered list as a landscape PDF table or an xlsx sheet: what every register, catalog and
ledger (台账) shares."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from operator import itemgetter
from pathlib import Path
from typing import Any

from app.reports import page as pages
from app.reports.columns import ListColumn, Listing
from app.reports.fonts import RoleFonts, role_fonts
from app.reports.page import Column, Progress
from app.reports.workbook import Field, write_sheet
from app.services.workcalendar import marked


def day(value: date | None) -> str:
    return value.isoformat() if value else ""


def due_day(value: date | None, provisional: bool) -> date | str | None:
    """A due date for a column: the date itself (a date cell in Excel), or marked as text when
    it is provisional (workcalendar.marked)."""
    return marked(value, True) if value and provisional else value


def pdf(
    catalog: Listing,
    columns: Sequence[ListColumn],
    target: Path,
    printed: date,
    landscape: bool = True,
    progress: Progress | None = None,
    notes: Sequence[str] = (),
    fonts: RoleFonts | None = None,
) -> int:
    """`notes` are printed under the table (footnotes); the title in `fonts`' TITLE role, the
    table in its TABLE role (role_fonts(s) from the caller, so the office's choice counts)."""
    page = pages.Page(
        catalog.title,
        catalog.header,
        printed,
        landscape=landscape,
        subtitle=_subtitle(catalog),
        fonts=fonts or role_fonts(),
    )
    body = [Column("序号", 4, align="CENTER")] + [
        Column(c.header, c.width, c.align) for c in columns
    ]
    cells = [
        [str(n)] + [_text(c.value(row)) for c in columns] for n, row in enumerate(catalog.rows, 1)
    ]
    head = pages.title_block(page)
    page.story = head + pages.table(body, cells, page, pages.measure(head, page), progress)
    page.story += pages.notes(notes, page.table_font)
    return pages.build(page, target)


def xlsx(
    catalog: Listing,
    columns: Sequence[ListColumn],
    target: Path,
    progress: Progress | None = None,
    notes: Sequence[str] = (),
) -> int:
    return rows_xlsx(
        catalog.title, catalog.rows, len(catalog.rows), columns, target, progress, notes
    )


def rows_xlsx(
    title: str,
    rows: Iterable[Any],
    total: int,
    columns: Sequence[ListColumn],
    target: Path,
    progress: Progress | None = None,
    notes: Sequence[str] = (),
) -> int:
    """`rows` numbered from 1 as they come (an iterator is read once, as the sheet is written);
    `total` is what the progress counts up to."""
    fields = [Field("序号", 6, itemgetter(0))] + [
        Field(c.header, max(8, c.width * 1.6), _of_numbered(c)) for c in columns
    ]
    return write_sheet(target, title, fields, enumerate(rows, 1), total, progress, notes)


def _of_numbered(column: ListColumn) -> Callable[[tuple[int, Any]], Any]:
    return lambda numbered: column.value(numbered[1])


def _text(value: Any) -> str:
    if value is None:
        return ""
    return day(value) if isinstance(value, date) else str(value)


def _subtitle(catalog: Listing) -> str:
    return f"{catalog.subtitle}　共 {len(catalog.rows)} 件".strip("　")
