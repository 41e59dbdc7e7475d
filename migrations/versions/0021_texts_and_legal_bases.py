"""Texts and legal bases: a document's texts (the official text extracted from its file and the
consolidated 现行文本 of each date), its 制定依据, the office's list of upper-level laws
(上位法目录) and the changes recorded to them, which articles an amendment changes, and the
不予公开 marker. New columns are NULL on existing rows (a document is published, a link names no
articles), so their seals still match. SQLite: full-text indexes of the texts (FTS5 trigram, and
an index of characters and pairs for 1–2 character terms, both contentless and holding each
document's current texts); PostgreSQL: a trigram index.

Revision ID: 0021
Revises: 0020
"""

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("document", sa.Column("withheld", sa.Boolean(), nullable=True))
    op.add_column("document_link", sa.Column("articles", sa.Text(), nullable=True))
    op.create_table(
        "document_text",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "document_id",
            sa.Integer(),
            sa.ForeignKey("document.id", name="fk_document_text_document_id_document"),
            nullable=False,
        ),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column(
            "attachment_id",
            sa.Integer(),
            sa.ForeignKey("attachment.id", name="fk_document_text_attachment_id_attachment"),
            nullable=True,
        ),
        sa.Column("fmt", sa.String(10), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=True),
        sa.Column("scanned", sa.Boolean(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=True),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("added_by", sa.String(100), nullable=False),
    )
    op.create_index("ix_document_text_document_id", "document_text", ["document_id"])
    op.create_table(
        "upper_law",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("level", sa.String(20), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("added_on", sa.Date(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.UniqueConstraint("key", name="uq_upper_law_key"),
    )
    op.create_table(
        "legal_basis",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "document_id",
            sa.Integer(),
            sa.ForeignKey("document.id", name="fk_legal_basis_document_id_document"),
            nullable=False,
        ),
        sa.Column(
            "law_id",
            sa.Integer(),
            sa.ForeignKey("upper_law.id", name="fk_legal_basis_law_id_upper_law"),
            nullable=False,
        ),
        sa.Column("articles", sa.String(300), nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("added_on", sa.Date(), nullable=False),
        sa.Column("added_by", sa.String(100), nullable=False),
        sa.UniqueConstraint("document_id", "law_id", name="uq_legal_basis"),
    )
    op.create_index("ix_legal_basis_document_id", "legal_basis", ["document_id"])
    op.create_index("ix_legal_basis_law_id", "legal_basis", ["law_id"])
    op.create_table(
        "upper_law_change",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "law_id",
            sa.Integer(),
            sa.ForeignKey("upper_law.id", name="fk_upper_law_change_law_id_upper_law"),
            nullable=False,
        ),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("changed_on", sa.Date(), nullable=False),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(100), nullable=False),
        sa.Column(
            "batch_id",
            sa.Integer(),
            sa.ForeignKey("cleanup_batch.id", name="fk_upper_law_change_batch_id_cleanup_batch"),
            nullable=True,
        ),
    )
    op.create_index("ix_upper_law_change_law_id", "upper_law_change", ["law_id"])
    op.create_index("ix_upper_law_change_batch_id", "upper_law_change", ["batch_id"])
    if op.get_bind().dialect.name == "sqlite":
        # contentless, one row a document (its current texts): app/services/text_index.py
        op.execute("CREATE VIRTUAL TABLE text_fts USING fts5(body, content='', tokenize='trigram')")
        op.execute(
            "CREATE VIRTUAL TABLE text_grams USING fts5("
            "grams, content='', tokenize='unicode61', detail=none)"
        )
    else:
        op.execute(
            "CREATE INDEX IF NOT EXISTS ix_document_text_body_trgm "
            "ON document_text USING gin (body gin_trgm_ops)"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE text_grams")
        op.execute("DROP TABLE text_fts")
    else:
        op.execute("DROP INDEX IF EXISTS ix_document_text_body_trgm")
    op.drop_table("upper_law_change")
    op.drop_table("legal_basis")
    op.drop_table("upper_law")
    op.drop_table("document_text")
    with op.batch_alter_table("document_link") as batch:
        batch.drop_column("articles")
    with op.batch_alter_table("document") as batch:
        batch.drop_column("withheld")
