"""Print or export any register or catalog: the one entry point for the CLI and the GUI."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from sqlalchemy.orm import Session

from app import clock
from app.reports import annual_catalog, current_catalog, listing, register, retired_catalog
from app.reports.fonts import role_fonts
from app.reports.page import Progress
from app.services import anchor
from app.services.catalogs import CatalogFilter, catalog, streamed_catalog

LAYOUTS: dict[str, tuple[ModuleType, bool]] = {
    "register": (register, True),
    "annual": (annual_catalog, True),
    "current": (current_catalog, True),
    "repealed": (retired_catalog, True),
}


def write_pdf(
    s: Session, kind: str, f: CatalogFilter, target: Path, progress: Progress | None = None
) -> int:
    """Returns the page count."""
    today = clock.today()
    data = catalog(s, kind, f, today)
    module, landscape = LAYOUTS[kind]
    head = anchor.chain_head(s)  # a printed register shows which state of the chain it shows
    notes = [head.printed()] if head else []
    fonts = role_fonts(s)
    return listing.pdf(data, module.COLUMNS, target, today, landscape, progress, notes, fonts)


def write_xlsx(
    s: Session, kind: str, f: CatalogFilter, target: Path, progress: Progress | None = None
) -> int:
    """Returns the number of rows written; the rows are read as they are written."""
    data = streamed_catalog(s, kind, f, clock.today())
    module, _ = LAYOUTS[kind]
    return listing.rows_xlsx(data.title, data.rows, data.total, module.COLUMNS, target, progress)
