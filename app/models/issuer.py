from sqlalchemy import Boolean, Integer, String
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
