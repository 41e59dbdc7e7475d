"""All mapped classes, imported here so Base.metadata knows every table."""

from app.models.audit import AuditEntry
from app.models.base import Base
from app.models.calendar import CalendarDay, CalendarYear
from app.models.cleanup import CleanupBatch, CleanupItem, ValidityEvaluation
from app.models.document import (
    Attachment,
    Document,
    DocumentLink,
    NumberAllocation,
    ProcedureStep,
)
from app.models.filing import Filing, FilingResult, Objection
from app.models.issuer import Issuer, IssuerName
from app.models.review import ReviewCase, ReviewCheck, ReviewPause
from app.models.setting import Setting
from app.models.texts import DocumentText, LegalBasis, UpperLaw, UpperLawChange
from app.models.user import User

__all__ = [
    "Attachment",
    "AuditEntry",
    "Base",
    "CalendarDay",
    "CalendarYear",
    "CleanupBatch",
    "CleanupItem",
    "Document",
    "DocumentLink",
    "DocumentText",
    "Filing",
    "FilingResult",
    "Issuer",
    "IssuerName",
    "LegalBasis",
    "NumberAllocation",
    "Objection",
    "ProcedureStep",
    "ReviewCase",
    "ReviewCheck",
    "ReviewPause",
    "Setting",
    "UpperLaw",
    "UpperLawChange",
    "User",
    "ValidityEvaluation",
]
