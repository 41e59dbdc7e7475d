"""规范性文件登记簿: one row per registered document (domain.md, Catalogs and registers)."""

from app.reports.columns import document_columns
from app.reports.listing import ListColumn

COLUMNS = (
    *document_columns(reg_number=12, doc_number=12, title=14, issuer_name=9),
    ListColumn("起草单位", 7, lambda r: r.drafting_unit),
    *document_columns(published=9, effective=9, valid_until=9),
    ListColumn("备案情况", 25, lambda r: r.filing),
    *document_columns(status_label=4),
    ListColumn("备注", 5, lambda r: r.remarks),
)
