"""All mapped classes, imported here so Base.metadata knows every table."""

from app.models.audit import AuditEntry
from app.models.base import Base
from app.models.setting import Setting

__all__ = ["AuditEntry", "Base", "Setting"]
