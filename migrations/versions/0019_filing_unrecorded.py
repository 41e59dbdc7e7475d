"""The 备案情况未录入 marker: a document imported from a historical ledger without its filing.
Existing rows keep NULL (not marked): their filings are on record or overdue as before.

Revision ID: 0019
Revises: 0016 (0018 once the branches numbered 0017 and 0018 are merged)
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("document") as batch:
        batch.add_column(sa.Column("filing_unrecorded", sa.Boolean(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("document") as batch:
        batch.drop_column("filing_unrecorded")
