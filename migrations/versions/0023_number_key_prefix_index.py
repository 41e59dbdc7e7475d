"""PostgreSQL: an index that serves `number_key LIKE 'prefix%'` (numbering._keys_like, on every
registration). The unique index of 0011 cannot: under a non-C collation (C.UTF-8, zh_CN.UTF-8)
a btree orders by the locale, so the server scanned every allocation, ~90 ms on 100k documents.
SQLite's own index serves the prefix as it is.

Revision ID: 0023
Revises: 0022
"""

from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "CREATE INDEX IF NOT EXISTS ix_number_allocation_number_key_prefix "
        "ON number_allocation (number_key varchar_pattern_ops)"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_number_allocation_number_key_prefix")
