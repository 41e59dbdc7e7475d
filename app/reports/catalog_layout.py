"""What the four registers and catalogs share: a numbered table of documents, as PDF or xlsx."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from app.reports import page as pages
from app.reports.page import Column, Progress
from app.reports.workbook import Field, write_sheet
from app.services.catalogs import Catalog, CatalogRow


@dataclass(frozen=True)
class CatalogColumn:
    header: str
    width: float  # share of the printed width; also the Excel width
    value: Callable[[CatalogRow], Any]
    align: str = "LEFT"


def day(value: date | None) -> str:
    return value.isoformat() if value else ""


def pdf(
    catalog: Catalog,
    columns: Sequence[CatalogColumn],
    target: Path,
    printed: date,
    landscape: bool = True,
    progress: Progress | None = None,
) -> int:
    page = pages.Page(
        catalog.title, catalog.header, printed, landscape=landscape, subtitle=_subtitle(catalog)
    )
    body = [Column("序号", 4, align="CENTER")] + [
        Column(c.header, c.width, c.align) for c in columns
    ]
    cells = [
        [str(n)] + [_text(c.value(row)) for c in columns] for n, row in enumerate(catalog.rows, 1)
    ]
    head = pages.title_block(page)
    page.story = head + pages.table(body, cells, page, pages.measure(head, page), progress)
    return pages.build(page, target)


def xlsx(
    catalog: Catalog,
    columns: Sequence[CatalogColumn],
    target: Path,
    progress: Progress | None = None,
) -> int:
    numbered = list(enumerate(catalog.rows, 1))
    fields = [Field("序号", 6, lambda r: r[0])] + [
        Field(c.header, max(8, c.width * 1.6), lambda r, c=c: c.value(r[1])) for c in columns
    ]
    return write_sheet(target, catalog.title, fields, numbered, len(numbered), progress)


def _text(value: Any) -> str:
    return day(value) if isinstance(value, date) else str(value or "")


def _subtitle(catalog: Catalog) -> str:
    return f"{catalog.subtitle}　共 {len(catalog.rows)} 件".strip("　")
