from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base

DEFAULT_TEMPLATE = "{code}-{year}-{seq:03d}"


class Issuer(Base):
    """An issuing body (制定机关). `abbr` is its 发文机关代字 as used in 发文字号 (e.g. 桂民发)."""

    __tablename__ = "issuer"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(30), unique=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    abbr: Mapped[str] = mapped_column(String(30))
    level: Mapped[str] = mapped_column(String(20), default="department")  # government / department
    reg_template: Mapped[str] = mapped_column(String(100), default=DEFAULT_TEMPLATE)
    # Issuers sharing a sequence key share one serial sequence (a registrar numbering for all).
    sequence_key: Mapped[str] = mapped_column(String(30))
    # Unused: the office setting numbering.yearly_reset decides for every sequence.
    yearly_reset: Mapped[bool] = mapped_column(Boolean, default=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Since migration 0020; NULL on older rows. The body this one was merged into (机构改革) and
    # the first day it no longer issued documents (merged or deactivated). Checked at commit: a
    # copy of the register (migrate-db) inserts a merged body before its later successor.
    merged_into_id: Mapped[int | None] = mapped_column(
        ForeignKey("issuer.id", deferrable=True, initially="DEFERRED")
    )
    ended_on: Mapped[date | None] = mapped_column(Date)


class IssuerName(Base):
    """A name an issuing body bore before a rename: valid from `valid_from` (NULL: since it was
    added) to `valid_until`, inclusive. The issuer row holds the name it bears now."""

    __tablename__ = "issuer_name"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    issuer_id: Mapped[int] = mapped_column(ForeignKey("issuer.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    abbr: Mapped[str] = mapped_column(String(30))
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_until: Mapped[date] = mapped_column(Date)
