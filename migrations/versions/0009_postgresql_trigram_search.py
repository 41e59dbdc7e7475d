"""Trigram indexes for substring search on PostgreSQL (SQLite keeps its FTS5 tables).

Revision ID: 0009
Revises: 0008
"""

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

TRIGRAM_COLUMNS = ("title", "doc_number", "reg_number", "keywords", "summary")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    # pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it; on an
    # older server a superuser runs this statement once (README, 多人共用).
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name in TRIGRAM_COLUMNS:
        op.execute(
            f"CREATE INDEX IF NOT EXISTS ix_document_{name}_trgm "
            f"ON document USING gin ({name} gin_trgm_ops)"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name in TRIGRAM_COLUMNS:
        op.execute(f"DROP INDEX IF EXISTS ix_document_{name}_trgm")
