"""A document's status is now a function of the date (lifecycle.status_on): a lapse at the end of
the term is no longer written down when the program happens to run. Rows an older version marked
失效 for that reason (the day it noticed, or the day a ledger was imported, on or after 有效期至 + 1)
go back to 已公布, so their dates give 失效 from the legal date, 有效期至 + 1, and a corrected
有效期至 takes effect. A 失效 recorded before the term's end (a decision) stays as it was.

Revision ID: 0012
Revises: 0011
"""

from datetime import date

from alembic import op
from sqlalchemy import text

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def _day(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])  # SQLite hands dates back as text here


def upgrade() -> None:
    bind = op.get_bind()
    rows = bind.execute(
        text(
            "SELECT id, published, valid_until, status_changed FROM document "
            "WHERE status = 'expired' AND valid_until IS NOT NULL AND status_changed IS NOT NULL"
        )
    )
    by_term = [
        {"id": id_, "published": _day(published)}
        for id_, published, until, changed in rows
        if _day(changed) > _day(until)
    ]
    for start in range(0, len(by_term), 5000):
        bind.execute(
            text(
                "UPDATE document SET status = 'published', status_changed = :published "
                "WHERE id = :id"
            ),
            by_term[start : start + 5000],
        )


def downgrade() -> None:
    """Nothing to undo: an older version marks these documents 失效 again when it starts."""
