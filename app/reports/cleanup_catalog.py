"""清理结果目录: 继续有效目录 and 废止和宣布失效目录 of one cleanup batch."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from app import clock
from app.reports import listing
from app.reports.columns import document_columns
from app.reports.fonts import role_fonts
from app.reports.listing import ListColumn
from app.services import cleanup

COLUMNS = (
    *document_columns(title=34, doc_number=15, reg_number=14, issuer_name=12, published=9),
    ListColumn("清理结论", 8, lambda r: r.decision, align="CENTER"),
    ListColumn("理由", 18, lambda r: r.reason),
)


def pdf(s: Session, batch_id: int, part: str, target: Path) -> int:
    data = cleanup.result_catalog(s, batch_id, part)
    return listing.pdf(data, COLUMNS, target, clock.today(), fonts=role_fonts(s))


def xlsx(s: Session, batch_id: int, part: str, target: Path) -> int:
    return listing.xlsx(cleanup.result_catalog(s, batch_id, part), COLUMNS, target)
