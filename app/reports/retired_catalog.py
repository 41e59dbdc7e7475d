"""废止和失效目录: documents repealed, declared invalid or lapsed, with when and why."""

from app.reports.columns import document_columns
from app.reports.listing import ListColumn

COLUMNS = (
    *document_columns(
        title=32, doc_number=15, reg_number=14, issuer_name=11, published=9, status_label=7
    ),
    ListColumn("废止/失效日期", 10, lambda r: r.ended_on, align="CENTER"),
    ListColumn("说明", 10, lambda r: r.remarks),
)
