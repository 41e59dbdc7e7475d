"""Each record's content is sealed into the audit chain (app/services/seals.py): `check` reads
every seal record, found by their action. A database from an older version is sealed whole
once, after this upgrade, by the program (app/db.py), audited like any other change; a version
that does not seal refuses to open it from now on, so no record changes without a seal.

Revision ID: 0014
Revises: 0013
"""

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_audit_log_action", "audit_log", ["action"])


def downgrade() -> None:
    op.drop_index("ix_audit_log_action", table_name="audit_log")
