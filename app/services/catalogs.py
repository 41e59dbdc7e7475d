"""Which documents each printed register and catalog lists, and in what order (domain.md,
Catalogs and registers). The PDF and workbook writers only lay these rows out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from app.errors import UserError
from app.models import Document, Issuer
from app.services import issuers, settings
from app.services.lifecycle import DRAFTING, IN_FORCE, STATUS_CODES, STATUS_LABELS, status_label

RETIRED_LISTED = ("repealed", "declared_invalid", "expired")


@dataclass(frozen=True)
class CatalogKind:
    key: str
    title: str


KINDS: dict[str, CatalogKind] = {
    k.key: k
    for k in (
        CatalogKind("register", "规范性文件登记簿"),
        CatalogKind("annual", "年度规范性文件目录"),
        CatalogKind("current", "现行有效规范性文件目录"),
        CatalogKind("repealed", "废止和失效规范性文件目录"),
    )
}


@dataclass(frozen=True)
class CatalogFilter:
    year: int | None = None
    issuer_code: str | None = None
    status: str | None = None  # a status code or Chinese label


@dataclass(frozen=True)
class CatalogRow:
    id: int
    reg_number: str
    doc_number: str
    title: str
    issuer_name: str
    drafting_unit: str
    published: date | None
    effective: date | None
    valid_until: date | None
    status_label: str
    status_changed: date | None
    remarks: str


@dataclass(frozen=True)
class Catalog:
    kind: CatalogKind
    title: str
    subtitle: str
    header: str  # the issuing body or office printed on every page
    rows: list[CatalogRow]


def _status_code(value: str) -> str:
    code = STATUS_CODES.get(value, value)
    if code not in STATUS_LABELS:
        raise UserError(f"状态：“{value}”无效。")
    return code


def _select(kind: str, f: CatalogFilter, issuer: Issuer | None) -> Select[Any]:
    stmt = (
        select(
            Document.id,
            Document.reg_number,
            Document.doc_number,
            Document.title,
            Issuer.name,
            Document.drafting_unit,
            Document.published,
            Document.effective,
            Document.valid_until,
            Document.status,
            Document.status_changed,
            Document.remarks,
        )  # fmt: skip
        .join(Issuer, Document.issuer_id == Issuer.id)
        .where(Document.status.not_in(DRAFTING))
    )
    if kind == "current":
        stmt = stmt.where(Document.status.in_(IN_FORCE))
    elif kind == "repealed":
        stmt = stmt.where(Document.status.in_(RETIRED_LISTED))
    elif kind == "annual" and f.year is None:
        raise UserError("年度目录：必须指定年份。")
    if f.year is not None:
        column = Document.status_changed if kind == "repealed" else Document.published
        stmt = stmt.where(column >= date(f.year, 1, 1), column <= date(f.year, 12, 31))
    if issuer is not None:
        stmt = stmt.where(Document.issuer_id == issuer.id)
    if f.status:
        stmt = stmt.where(Document.status == _status_code(f.status))
    if kind == "current":
        return stmt.order_by(Issuer.level.desc(), Issuer.code, Document.published, Document.id)
    return stmt.order_by(Document.published, Document.reg_number, Document.id)


def _row(r: Any) -> CatalogRow:
    return CatalogRow(
        r[0],
        r[1] or "",
        r[2] or "",
        r[3],
        r[4],
        r[5],
        r[6],
        r[7],
        r[8],
        status_label(r[9]),
        r[10],
        r[11],
    )


def _subtitle(kind: str, f: CatalogFilter, today: date) -> str:
    parts = []
    if f.year is not None:
        parts.append(f"{f.year}年")
    if f.status:
        parts.append(f"状态：{status_label(_status_code(f.status))}")
    if kind == "current":
        parts.append(f"截至{today:%Y年%m月%d日}")
    return "　".join(parts)


def office_name(s: Session) -> str:
    """The office named on printed pages: the setting, else the one government-level issuer."""
    name = settings.get(s, "office.name")
    if name:
        return name
    governments = s.scalars(select(Issuer.name).where(Issuer.level == "government")).all()
    return governments[0] if len(governments) == 1 else ""


def catalog(s: Session, kind: str, f: CatalogFilter, today: date) -> Catalog:
    if kind not in KINDS:
        raise UserError(f"目录类型：“{kind}”无效，可选：{'、'.join(KINDS)}。")
    issuer = issuers.by_code(s, f.issuer_code) if f.issuer_code else None
    rows = [_row(r) for r in s.execute(_select(kind, f, issuer))]
    title = KINDS[kind].title if kind != "annual" else f"{f.year}年度规范性文件目录"
    header = issuer.name if issuer else office_name(s)
    return Catalog(KINDS[kind], title, _subtitle(kind, f, today), header, rows)
