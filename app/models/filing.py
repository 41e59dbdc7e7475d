from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base
from app.models.document import Document


class Filing(Base):
    """Filing (备案) of one published document with one supervising body. Its due date is never
    stored: it is derived from the publication date and the office's rule when asked."""

    __tablename__ = "filing"
    __table_args__ = (
        UniqueConstraint("document_id", "recipient", name="uq_filing_document_recipient"),
        Index("ix_filing_recipient_filed", "recipient", "filed_on", "document_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"), index=True)
    recipient: Mapped[str] = mapped_column(String(100))
    report_number: Mapped[str | None] = mapped_column(String(60), unique=True)
    package: Mapped[str] = mapped_column(Text, default="[]")  # JSON [{item, present}]
    filed_on: Mapped[date | None] = mapped_column(Date, index=True)
    result: Mapped[str] = mapped_column(String(20), default="")
    result_on: Mapped[date | None] = mapped_column(Date)
    needed_correction: Mapped[bool] = mapped_column(
        Boolean, default=False
    )  # ever 暂缓登记/限期补正
    correction_due: Mapped[date | None] = mapped_column(Date)
    # Days of the settings' correction period when correction_due was computed from them (NULL
    # when the recipient's own date was entered): the date is then computed again on reading,
    # so a year's holiday notice entered later corrects it (filing.correction_period).
    correction_days: Mapped[int | None] = mapped_column(Integer)
    corrected_on: Mapped[date | None] = mapped_column(Date)
    follow_up: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    document: Mapped[Document] = relationship()
    results: Mapped[list["FilingResult"]] = relationship(
        back_populates="filing", order_by="FilingResult.id", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": version}


class FilingResult(Base):
    """One answer of the recipient, kept for good: the Filing holds the latest, this the history
    (a 暂缓登记 or a 纠正 stays on record after the corrected document is accepted)."""

    __tablename__ = "filing_result"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    filing_id: Mapped[int] = mapped_column(ForeignKey("filing.id"), index=True)
    result: Mapped[str] = mapped_column(String(20))
    result_on: Mapped[date | None] = mapped_column(Date)
    follow_up: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(100), default="")
    recorded_at: Mapped[datetime | None] = mapped_column(DateTime)

    filing: Mapped[Filing] = relationship(back_populates="results")


class Objection(Base):
    """A request by a citizen or organisation to review a document (异议 / 建议审查)."""

    __tablename__ = "objection"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"), index=True)
    received: Mapped[date] = mapped_column(Date)
    requester: Mapped[str] = mapped_column(String(100))
    grounds: Mapped[str] = mapped_column(Text)
    reply_days: Mapped[int] = mapped_column(Integer, default=30)
    handler: Mapped[str] = mapped_column(String(100), default="")
    reply: Mapped[str] = mapped_column(Text, default="")
    replied_on: Mapped[date | None] = mapped_column(Date)
    outcome: Mapped[str] = mapped_column(String(20), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    document: Mapped[Document] = relationship()

    __mapper_args__ = {"version_id_col": version}
