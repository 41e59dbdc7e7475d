"""The 印发 and 签署 dates (a filing clock may start from either, a setting) and the recorded
reason for a validity term beyond the office's maximum. Existing rows keep NULL: not recorded.

Revision ID: 0016
Revises: 0014 (0015 once the per-clerk roles branch is merged)
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("document") as batch:
        batch.add_column(sa.Column("issued", sa.Date(), nullable=True))
        batch.add_column(sa.Column("signed", sa.Date(), nullable=True))
        batch.add_column(sa.Column("term_reason", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("document") as batch:
        batch.drop_column("term_reason")
        batch.drop_column("signed")
        batch.drop_column("issued")
