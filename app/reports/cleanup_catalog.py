"""清理结果目录: 继续有效目录 and 废止和宣布失效目录 of one cleanup batch."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from app import clock
from app.reports import listing
from app.reports.listing import ListColumn
from app.services import cleanup

COLUMNS = (
    ListColumn("文件名称", 34, lambda r: r.title),
    ListColumn("发文字号", 15, lambda r: r.doc_number),
    ListColumn("登记编号", 14, lambda r: r.reg_number),
    ListColumn("制定机关", 12, lambda r: r.issuer_name),
    ListColumn("公布日期", 9, lambda r: r.published, align="CENTER"),
    ListColumn("清理结论", 8, lambda r: r.decision, align="CENTER"),
    ListColumn("理由", 18, lambda r: r.reason),
)


def pdf(s: Session, batch_id: int, part: str, target: Path) -> int:
    return listing.pdf(cleanup.result_catalog(s, batch_id, part), COLUMNS, target, clock.today())


def xlsx(s: Session, batch_id: int, part: str, target: Path) -> int:
    return listing.xlsx(cleanup.result_catalog(s, batch_id, part), COLUMNS, target)
