"""年度目录: the documents published in one year, due by the end of the next January."""

from app.reports.columns import document_columns

COLUMNS = document_columns(
    reg_number=14,
    doc_number=15,
    title=34,
    issuer_name=12,
    published=9,
    effective=9,
    valid_until=9,
    status_label=6,
)
