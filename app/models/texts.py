"""A document's texts and the laws it rests on: the official text extracted from its file, the
consolidated current text (现行文本) of an amended document, its legal bases (制定依据), and the
office's list of the upper-level laws they cite (上位法目录) with the changes recorded to them."""

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base
from app.models.document import Attachment, Document


class DocumentText(Base):
    """One version of a document's text. The newest of each kind is the current one; older rows
    stay as the history (an amended document's 现行文本 of each date)."""

    __tablename__ = "document_text"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # vocabulary.TextKind
    body: Mapped[str] = mapped_column(Text)
    # the file it was extracted from (kept as an attachment); NULL for text typed in
    attachment_id: Mapped[int | None] = mapped_column(ForeignKey("attachment.id"))
    fmt: Mapped[str] = mapped_column(String(10))  # text_extract.TextFormat
    pages: Mapped[int | None] = mapped_column(Integer)
    scanned: Mapped[bool] = mapped_column(Boolean, default=False)  # no text layer: body is ""
    as_of: Mapped[date | None] = mapped_column(Date)  # the date a 现行文本 speaks for
    added_at: Mapped[datetime] = mapped_column(DateTime)
    added_by: Mapped[str] = mapped_column(String(100))

    document: Mapped[Document] = relationship()
    attachment: Mapped[Attachment | None] = relationship()


class UpperLaw(Base):
    """A law, regulation, rule or higher document that the office's documents cite."""

    __tablename__ = "upper_law"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    key: Mapped[str] = mapped_column(String(200), unique=True)  # basis_suggest.law_key(name)
    level: Mapped[str] = mapped_column(String(20))  # basis_suggest.LawLevel
    status: Mapped[str] = mapped_column(String(20), default="in_force")  # vocabulary.LawStatus
    added_on: Mapped[date] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class LegalBasis(Base):
    """`document` rests on `law` (制定依据), at the articles named."""

    __tablename__ = "legal_basis"
    __table_args__ = (UniqueConstraint("document_id", "law_id", name="uq_legal_basis"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"), index=True)
    law_id: Mapped[int] = mapped_column(ForeignKey("upper_law.id"), index=True)
    articles: Mapped[str] = mapped_column(String(300), default="")
    source: Mapped[str] = mapped_column(String(20))  # vocabulary.BasisSource
    added_on: Mapped[date] = mapped_column(Date)
    added_by: Mapped[str] = mapped_column(String(100))

    document: Mapped[Document] = relationship()
    law: Mapped[UpperLaw] = relationship(lazy="joined")


class UpperLawChange(Base):
    """A change recorded to an upper-level law (修改 or 废止) and the special cleanup it opened."""

    __tablename__ = "upper_law_change"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    law_id: Mapped[int] = mapped_column(ForeignKey("upper_law.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # vocabulary.LawChangeKind
    changed_on: Mapped[date] = mapped_column(Date)
    what: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
    recorded_by: Mapped[str] = mapped_column(String(100))
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("cleanup_batch.id"), index=True)

    law: Mapped[UpperLaw] = relationship(lazy="joined")
