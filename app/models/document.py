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
from app.models.issuer import Issuer


class Document(Base):
    """An administrative normative document, from draft to retirement."""

    __tablename__ = "document"
    __table_args__ = (
        UniqueConstraint("issuer_id", "doc_number", name="uq_document_issuer_doc_number"),
        Index("ix_document_status_published", "status", "published"),
        Index("ix_document_issuer_published", "issuer_id", "published"),
        Index("ix_document_status_valid_until", "status", "valid_until"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    issuer_id: Mapped[int] = mapped_column(ForeignKey("issuer.id"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    doc_number: Mapped[str | None] = mapped_column(String(60))  # 发文字号, stored with 〔〕
    reg_number: Mapped[str | None] = mapped_column(String(60), unique=True)  # 统一登记编号
    status: Mapped[str] = mapped_column(String(30), default="draft", index=True)
    drafting_unit: Mapped[str] = mapped_column(String(100), default="")
    keywords: Mapped[str] = mapped_column(String(300), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    remarks: Mapped[str] = mapped_column(Text, default="")
    important: Mapped[bool] = mapped_column(Boolean, default=False)  # needs 评估论证
    public_facing: Mapped[bool] = mapped_column(Boolean, default=False)  # needs 公开征求意见
    business_related: Mapped[bool] = mapped_column(Boolean, default=False)  # 涉企: longer comment
    market_related: Mapped[bool] = mapped_column(Boolean, default=False)  # needs 公平竞争审查
    published: Mapped[date | None] = mapped_column(Date, index=True)
    effective: Mapped[date | None] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date, index=True)
    # NULL on rows older than migration 0016 and whenever not recorded
    issued: Mapped[date | None] = mapped_column(Date)  # 印发日期
    signed: Mapped[date | None] = mapped_column(Date)  # 签署日期
    term_reason: Mapped[str | None] = mapped_column(Text)  # why the term exceeds the maximum
    # True: imported from a historical ledger without its filing (备案情况未录入); NULL otherwise.
    filing_unrecorded: Mapped[bool | None] = mapped_column(Boolean)
    # True: left out of the published folder (不予公开); NULL: published, as the law expects
    withheld: Mapped[bool | None] = mapped_column(Boolean)
    status_changed: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    issuer: Mapped[Issuer] = relationship(lazy="joined")
    steps: Mapped[list["ProcedureStep"]] = relationship(
        back_populates="document", order_by="ProcedureStep.id", cascade="all, delete-orphan"
    )
    attachments: Mapped[list["Attachment"]] = relationship(
        back_populates="document", order_by="Attachment.id", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": version}


class ProcedureStep(Base):
    """One procedure step done on a document: when, by whom, with what result and paper trail."""

    __tablename__ = "procedure_step"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"), index=True)
    step: Mapped[str] = mapped_column(String(30))
    done_on: Mapped[date] = mapped_column(Date)
    actor: Mapped[str] = mapped_column(String(100))
    outcome: Mapped[str] = mapped_column(String(30), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)
    confirmed_on: Mapped[date | None] = mapped_column(Date)  # 修改后合法: changes confirmed

    document: Mapped[Document] = relationship(back_populates="steps")


class Attachment(Base):
    """A file copied into the data dir under its SHA-256; the original name is kept."""

    __tablename__ = "attachment"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"), index=True)
    step_id: Mapped[int | None] = mapped_column(ForeignKey("procedure_step.id"))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    original_name: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(Integer)
    added_at: Mapped[datetime] = mapped_column(DateTime)
    added_by: Mapped[str] = mapped_column(String(100))

    document: Mapped[Document] = relationship(back_populates="attachments")


class DocumentLink(Base):
    """`source` amends or repeals `target`; read both ways."""

    __tablename__ = "document_link"
    __table_args__ = (UniqueConstraint("source_id", "target_id", "kind", name="uq_document_link"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("document.id"), index=True)
    target_id: Mapped[int] = mapped_column(ForeignKey("document.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # amends / repeals
    articles: Mapped[str | None] = mapped_column(Text)  # the articles an amendment changes
    created_on: Mapped[date] = mapped_column(Date)


class NumberAllocation(Base):
    """Every registration number ever handed out, kept for good: used or voided with a reason."""

    __tablename__ = "number_allocation"
    __table_args__ = (
        UniqueConstraint("sequence_key", "year", "serial", name="uq_number_allocation_serial"),
        Index("ix_number_allocation_number_key", "number_key", unique=True),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sequence_key: Mapped[str] = mapped_column(String(30))
    year: Mapped[int] = mapped_column(Integer)
    serial: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(60), unique=True)
    # numbering.number_key(number): look-alikes share it. NULL only for a look-alike that an
    # older version let in before this key existed (the first of them holds the key).
    number_key: Mapped[str | None] = mapped_column(String(60))
    document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id"), index=True)
    voided: Mapped[bool] = mapped_column(Boolean, default=False)
    void_reason: Mapped[str] = mapped_column(Text, default="")
    voided_on: Mapped[date | None] = mapped_column(Date)
    voided_by: Mapped[str] = mapped_column(String(100), default="")
    allocated_at: Mapped[datetime] = mapped_column(DateTime)
