"""现行有效目录: documents in force today; a document missing from it can no longer be applied."""

from app.reports.columns import document_columns

COLUMNS = document_columns(
    issuer_name=12, title=36, doc_number=15, reg_number=14, published=9, effective=9, valid_until=9
)
