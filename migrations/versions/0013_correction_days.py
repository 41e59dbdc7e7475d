"""A correction deadline computed from the settings keeps its period in days, so it is computed
again from the calendar when read: a year's holiday notice entered later corrects a provisional
date. Existing deadlines keep the date they have (NULL: taken as set by the recipient).

Revision ID: 0013
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("filing") as batch:
        batch.add_column(sa.Column("correction_days", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("filing") as batch:
        batch.drop_column("correction_days")
