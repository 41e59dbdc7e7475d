from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base
from app.models.document import Document


class ReviewCase(Base):
    """One legality review (合法性审核): of a normative document, a major administrative decision,
    an administrative contract or a major enforcement decision."""

    __tablename__ = "review_case"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    subject_type: Mapped[str] = mapped_column(String(30), index=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    submitting_unit: Mapped[str] = mapped_column(String(100), default="")
    received: Mapped[date] = mapped_column(Date)
    complete_on: Mapped[date | None] = mapped_column(Date)  # materials complete: the clock starts
    reviewer: Mapped[str] = mapped_column(String(100), default="")
    status: Mapped[str] = mapped_column(String(20), default="intake", index=True)
    materials: Mapped[str] = mapped_column(Text, default="[]")  # JSON [{item, present}]
    return_note: Mapped[str] = mapped_column(Text, default="")
    drafter_opinion: Mapped[str] = mapped_column(Text, default="")
    min_days: Mapped[int] = mapped_column(Integer, default=5)
    max_days: Mapped[int] = mapped_column(Integer, default=15)
    extension_days: Mapped[int] = mapped_column(Integer, default=0)
    extension_reason: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(String(20), default="")
    required_changes: Mapped[str] = mapped_column(Text, default="")
    opinion: Mapped[str] = mapped_column(Text, default="")
    concluded_on: Mapped[date | None] = mapped_column(Date)
    changes_confirmed_on: Mapped[date | None] = mapped_column(Date)
    opinion_number: Mapped[str | None] = mapped_column(String(60), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    document: Mapped[Document | None] = relationship()
    checks: Mapped[list["ReviewCheck"]] = relationship(
        back_populates="case", order_by="ReviewCheck.id", cascade="all, delete-orphan"
    )
    pauses: Mapped[list["ReviewPause"]] = relationship(
        back_populates="case", order_by="ReviewPause.id", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": version}


class ReviewCheck(Base):
    """One point checked (权限、内容、程序 …) with its finding."""

    __tablename__ = "review_check"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("review_case.id"), index=True)
    item: Mapped[str] = mapped_column(String(100))
    passed: Mapped[bool | None] = mapped_column(Boolean)  # None: not applicable
    note: Mapped[str] = mapped_column(Text, default="")
    checked_by: Mapped[str] = mapped_column(String(100))
    checked_on: Mapped[date] = mapped_column(Date)

    case: Mapped[ReviewCase] = relationship(back_populates="checks")


class ReviewPause(Base):
    """The review clock stops while the drafting unit supplements its materials."""

    __tablename__ = "review_pause"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("review_case.id"), index=True)
    paused_on: Mapped[date] = mapped_column(Date)
    resumed_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")

    case: Mapped[ReviewCase] = relationship(back_populates="pauses")
