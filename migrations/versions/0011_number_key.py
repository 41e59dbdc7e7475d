"""Registration numbers told apart by a normalised key (NFKC, case, dashes, invisible characters),
unique, so a look-alike of a number taken is refused. Existing numbers get their key; of
look-alikes an older version let in, the first keeps it and the others stay without (NULL).

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy import text

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from app.services.numbering import number_key

    with op.batch_alter_table("number_allocation") as batch:
        batch.add_column(sa.Column("number_key", sa.String(60), nullable=True))
    bind = op.get_bind()
    seen: set[str] = set()
    keys = []
    for id_, number in bind.execute(text("SELECT id, number FROM number_allocation ORDER BY id")):
        key = number_key(number)
        if key not in seen:
            seen.add(key)
            keys.append({"id": id_, "key": key})
    for start in range(0, len(keys), 5000):
        bind.execute(
            text("UPDATE number_allocation SET number_key = :key WHERE id = :id"),
            keys[start : start + 5000],
        )
    op.create_index(
        "ix_number_allocation_number_key", "number_allocation", ["number_key"], unique=True
    )


def downgrade() -> None:
    op.drop_index("ix_number_allocation_number_key", table_name="number_allocation")
    with op.batch_alter_table("number_allocation") as batch:
        batch.drop_column("number_key")
