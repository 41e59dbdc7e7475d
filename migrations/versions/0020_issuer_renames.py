"""Issuing bodies renamed, merged and ended (机构改革): the names a body bore before, with the days
each was valid, and on the issuer its successor and the day it ended. Existing issuers keep NULL
in both new columns (never renamed, merged or ended), so their seals still match.

Revision ID: 0020
Revises: 0019
"""

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # ADD COLUMN with REFERENCES: a batch copy of the table would drop `issuer`, which the
        # documents' foreign keys refuse. Deferred: a copy of the register (migrate-db) inserts a
        # merged body before a successor with a higher id
        op.execute(
            "ALTER TABLE issuer ADD COLUMN merged_into_id INTEGER "
            "CONSTRAINT fk_issuer_merged_into_id_issuer REFERENCES issuer (id) "
            "DEFERRABLE INITIALLY DEFERRED"
        )
        op.execute("ALTER TABLE issuer ADD COLUMN ended_on DATE")
    else:
        op.add_column("issuer", sa.Column("merged_into_id", sa.Integer(), nullable=True))
        op.add_column("issuer", sa.Column("ended_on", sa.Date(), nullable=True))
        op.create_foreign_key(
            "fk_issuer_merged_into_id_issuer",
            "issuer",
            "issuer",
            ["merged_into_id"],
            ["id"],
            deferrable=True,
            initially="DEFERRED",
        )
    op.create_table(
        "issuer_name",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("issuer_id", sa.Integer(), sa.ForeignKey("issuer.id"), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("abbr", sa.String(30), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_until", sa.Date(), nullable=False),
    )
    op.create_index("ix_issuer_name_issuer_id", "issuer_name", ["issuer_id"])


def downgrade() -> None:
    op.drop_index("ix_issuer_name_issuer_id", table_name="issuer_name")
    op.drop_table("issuer_name")
    with op.batch_alter_table("issuer") as batch:
        batch.drop_constraint("fk_issuer_merged_into_id_issuer", type_="foreignkey")
        batch.drop_column("ended_on")
        batch.drop_column("merged_into_id")
