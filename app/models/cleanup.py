from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base
from app.models.document import Document


class ValidityEvaluation(Base):
    """The implementing unit's evaluation before a document's validity ends: re-issue or lapse."""

    __tablename__ = "validity_evaluation"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"), index=True)
    evaluated_on: Mapped[date] = mapped_column(Date)
    decision: Mapped[str] = mapped_column(String(20))  # reissue / lapse
    reason: Mapped[str] = mapped_column(Text, default="")
    evaluated_by: Mapped[str] = mapped_column(String(100))
    new_document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id"))

    document: Mapped[Document] = relationship(foreign_keys=[document_id])


class CleanupBatch(Base):
    """A cleanup (清理): regular every two years, or special when a higher-level law changes."""

    __tablename__ = "cleanup_batch"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # regular / special
    title: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text, default="")
    scope_issuers: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of issuer codes
    created_on: Mapped[date] = mapped_column(Date)
    created_by: Mapped[str] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)  # open / applied
    applied_on: Mapped[date | None] = mapped_column(Date)
    applied_by: Mapped[str] = mapped_column(String(100), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    items: Mapped[list["CleanupItem"]] = relationship(
        back_populates="batch", order_by="CleanupItem.id", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": version}


class CleanupItem(Base):
    """One document in a batch's scope and the decision taken on it."""

    __tablename__ = "cleanup_item"
    __table_args__ = (
        UniqueConstraint("batch_id", "document_id", name="uq_cleanup_item_batch_document"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("cleanup_batch.id"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"), index=True)
    decision: Mapped[str] = mapped_column(
        String(20), default=""
    )  # continue/amend/repeal/declare_invalid/expired
    reason: Mapped[str] = mapped_column(Text, default="")
    amending_document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id"))
    decided_by: Mapped[str] = mapped_column(String(100), default="")
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)

    batch: Mapped[CleanupBatch] = relationship(back_populates="items")
    document: Mapped[Document] = relationship(foreign_keys=[document_id])
