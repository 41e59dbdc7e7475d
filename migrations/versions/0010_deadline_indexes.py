"""Indexes for the open-deadline scan at 100,000 documents: the filed documents of one recipient
read from an index alone (the filing rows themselves carry the package list), and the in-force
documents nearing the end of their term found by status and date.

Revision ID: 0010
Revises: 0009
"""

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_filing_recipient_filed", "filing", ["recipient", "filed_on", "document_id"])
    op.create_index("ix_document_status_valid_until", "document", ["status", "valid_until"])


def downgrade() -> None:
    op.drop_index("ix_document_status_valid_until", table_name="document")
    op.drop_index("ix_filing_recipient_filed", table_name="filing")
