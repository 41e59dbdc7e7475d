"""All mapped classes, imported here so Base.metadata knows every table."""

from app.models.audit import AuditEntry
from app.models.base import Base
from app.models.calendar import CalendarDay, CalendarYear
from app.models.document import (
    Attachment,
    Document,
    DocumentLink,
    NumberAllocation,
    ProcedureStep,
)
from app.models.issuer import Issuer
from app.models.review import ReviewCase, ReviewCheck, ReviewPause
from app.models.setting import Setting

__all__ = [
    "Attachment",
    "AuditEntry",
    "Base",
    "CalendarDay",
    "CalendarYear",
    "Document",
    "DocumentLink",
    "Issuer",
    "NumberAllocation",
    "ProcedureStep",
    "ReviewCase",
    "ReviewCheck",
    "ReviewPause",
    "Setting",
]
