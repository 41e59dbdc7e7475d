"""Index of single characters and character pairs for one- and two-character searches.

Revision ID: 0008
Revises: 0007
"""

from alembic import op
from sqlalchemy import text

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    from app.services.search_index import FTS_COLUMNS, grams

    op.execute(
        "CREATE VIRTUAL TABLE document_grams USING fts5("
        "grams, content='', tokenize='unicode61', detail=none)"
    )
    rows = bind.execute(
        text(f"SELECT rowid, {', '.join(FTS_COLUMNS)} FROM document_fts")
    ).mappings()
    batch = []
    for row in rows:
        batch.append({"id": row["rowid"], "grams": grams(dict(row))})
        if len(batch) == 5000:
            bind.execute(
                text("INSERT INTO document_grams (rowid, grams) VALUES (:id, :grams)"), batch
            )
            batch = []
    if batch:
        bind.execute(text("INSERT INTO document_grams (rowid, grams) VALUES (:id, :grams)"), batch)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE document_grams")
