"""The history of filing results: one row per answer of the recipient, so a 暂缓登记, 不予备案 or
纠正 stays on record after a later 予以备案 (规范率, 纠错率). Each existing filing's current result
becomes its first row; the program seals the copied rows after the upgrade (app/db.py).

Revision ID: 0018
Revises: 0017 (the numbering branch's revision; 0016 until it is merged)
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "filing_result",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("filing_id", sa.Integer(), sa.ForeignKey("filing.id"), nullable=False),
        sa.Column("result", sa.String(20), nullable=False),
        sa.Column("result_on", sa.Date(), nullable=True),
        sa.Column("follow_up", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(100), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=True),
    )
    op.create_index("ix_filing_result_filing_id", "filing_result", ["filing_id"])
    op.execute(
        "INSERT INTO filing_result (filing_id, result, result_on, follow_up, recorded_by) "
        "SELECT id, result, result_on, follow_up, '' FROM filing WHERE result <> '' ORDER BY id"
    )


def downgrade() -> None:
    op.drop_index("ix_filing_result_filing_id", table_name="filing_result")
    op.drop_table("filing_result")
