"""Who to ask about a letter (附注 联系人): the user who recorded the act it reports."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import AuditEntry, User
from app.services.vocabulary import AuditAction


def filed_by(s: Session, filing_id: int) -> str:
    """The name of the user who recorded the filing as sent; "" when it was recorded by the
    program or someone who is no user (an import, the PC's administrator)."""
    actor = s.scalar(
        select(AuditEntry.actor)
        .where(
            AuditEntry.object_type == "filing",
            AuditEntry.object_id == filing_id,
            AuditEntry.action == AuditAction.FILE,
        )
        .order_by(AuditEntry.id.desc())
        .limit(1)
    )
    if actor is None:
        return ""
    return s.scalar(select(User.display_name).where(User.username == actor)) or ""
