"""The 备案情况未录入 marker: a document imported from a historical ledger without its filing.
Existing rows keep NULL (not marked): their filings are on record or overdue as before.

Revision ID: 0019
Revises: 0018 (the filing results; 0016 before that branch was merged)
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("document") as batch:
        batch.add_column(sa.Column("filing_unrecorded", sa.Boolean(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("document") as batch:
        batch.drop_column("filing_unrecorded")
