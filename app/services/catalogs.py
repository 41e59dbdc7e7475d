"""Which documents each printed register and catalog lists, and in what order (domain.md,
Catalogs and registers). The PDF and workbook writers only lay these rows out."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from app.errors import UserError
from app.models import Document, Filing, Issuer
from app.services import (
    filing,
    filing_backlog,
    issuer_names,
    issuers,
    lifecycle,
    validity,
    workcalendar,
)
from app.services.issuers import office_name
from app.services.lifecycle import DRAFTING, status_label
from app.services.vocabulary import DocStatus, FilingTimeliness

RETIRED_LISTED = (DocStatus.REPEALED, DocStatus.DECLARED_INVALID, DocStatus.EXPIRED)
CHUNK = 500  # document ids per IN (...) query


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

# the catalogs that also have the form offices publish on the government website (公布版)
PUBLISHABLE = ("annual", "current")


@dataclass(frozen=True)
class CatalogFilter:
    year: int | None = None
    issuer_code: str | None = None
    status: str | None = None  # a status code or Chinese label
    # only what the office has published by the catalog's day: not marked 不予公开, and (for a
    # catalog of a past day) not published after it
    public: bool = False


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
    status_label: str  # on the catalog's day, with a retirement scheduled after it
    ended_on: date | None  # the legal date it ceased to be in force (有效期至 + 1 for a lapse)
    remarks: str
    filing: str = ""  # 备案情况, on the register: each recipient's filing date and result


@dataclass(frozen=True)
class Catalog:
    kind: CatalogKind
    title: str
    subtitle: str
    header: str  # the issuing body or office printed on every page
    rows: list[CatalogRow]


def _status_codes(value: str) -> tuple[str, ...]:
    return lifecycle.filter_codes(value, "状态")


def _select(
    kind: str, f: CatalogFilter, issuer: Issuer | None, today: date
) -> Select[*tuple[Any, ...]]:
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
            Document.term_reason,
            Document.issued,
            Document.signed,
            Document.filing_unrecorded,
            Issuer.level,
            Document.issuer_id,
        )
        .join(Issuer, Document.issuer_id == Issuer.id)
        .where(Document.status.not_in(DRAFTING))
    )
    if kind == "current":
        stmt = stmt.where(lifecycle.in_force_clause(today))
    elif kind == "repealed":
        stmt = stmt.where(lifecycle.status_clause(RETIRED_LISTED, today))
    elif kind == "annual" and f.year is None:
        raise UserError("年度目录：必须指定年份。", field="年度目录")
    if f.year is not None and kind != "repealed":  # the repealed by the year they ended: _rows
        stmt = stmt.where(
            Document.published >= date(f.year, 1, 1), Document.published <= date(f.year, 12, 31)
        )
    if issuer is not None:
        stmt = stmt.where(Document.issuer_id == issuer.id)
    if f.public:
        stmt = stmt.where(
            Document.withheld.is_not(True),
            or_(Document.published.is_(None), Document.published <= today),
        )
    if f.status:
        stmt = stmt.where(lifecycle.status_clause(_status_codes(f.status), today))
    if kind == "current":
        return stmt.order_by(Issuer.level.desc(), Issuer.code, Document.published, Document.id)
    return stmt.order_by(Document.published, Document.reg_number, Document.id)


def _rows(
    s: Session, kind: str, f: CatalogFilter, issuer: Issuer | None, today: date
) -> list[CatalogRow]:
    found = list(s.execute(_select(kind, f, issuer, today)))
    names = issuer_names.NameBook(s)
    rows = [_row(r, today, names) for r in found]
    if kind == "register":
        texts = _filing_texts(s, found, today)
        rows = [replace(row, filing=texts[row.id]) for row in rows]
    if kind == "repealed" and f.year is not None:
        rows = [r for r in rows if r.ended_on is not None and r.ended_on.year == f.year]
    return rows


def _filing_texts(s: Session, found: list[Any], today: date) -> dict[int, str]:
    """备案情况 by document: for each recipient it goes to, the day it was filed and the result
    ("上一级人民政府 2026-03-10 予以备案"), that it was filed and awaits the result, or that it
    was not filed and by when it had to be (逾期 once that day has passed on the catalog's day); a
    filing kept under a recipient the rules no longer name (a renamed body) is listed too, and a
    document imported without its filings says 备案情况未录入. Filings are read in chunks and
    deadlines computed once per start day and rule, whatever the register holds."""
    by_doc: dict[int, dict[str, Filing]] = defaultdict(dict)
    ids = [r.id for r in found]
    for start in range(0, len(ids), CHUNK):
        for f in s.scalars(
            select(Filing)
            .where(Filing.document_id.in_(ids[start : start + CHUNK]))
            .order_by(Filing.filed_on, Filing.id)
        ):
            by_doc[f.document_id][f.recipient] = f
    all_rules = filing.rules(s)
    cal = workcalendar.load(s)
    dues: dict[tuple[date, str], workcalendar.Period] = {}
    texts = {}
    for r in found:
        parts = []
        recorded = dict(by_doc[r.id])
        for rule in all_rules.get(r.level, all_rules["department"]):
            filed = recorded.pop(rule.recipient, None)
            if filed is not None and filed.filed_on is not None:
                parts.append(_filed_text(rule.recipient, filed))
            elif r.filing_unrecorded:
                continue
            elif r.published is not None:
                day = rule.start_date(r)
                if (day, rule.recipient) not in dues:
                    dues[day, rule.recipient] = filing.filing_period(day, rule, cal)
                parts.append(_unfiled_text(rule.recipient, dues[day, rule.recipient], today))
        parts += [_filed_text(f.recipient, f) for f in recorded.values() if f.filed_on is not None]
        if r.filing_unrecorded:
            parts.append(filing_backlog.REMINDER)
        texts[r.id] = "；\n".join(parts)
    return texts


AWAITING = "已报送，待审查结果"


def _filed_text(recipient: str, f: Filing) -> str:
    text = f"{recipient} {f.filed_on} {f.result or AWAITING}"
    if f.result in filing.NEEDS_CORRECTION and f.corrected_on is not None:
        text += f"（{f.corrected_on} 已补正）"
    return text


def _unfiled_text(recipient: str, due: workcalendar.Period, today: date) -> str:
    unfiled = FilingTimeliness.NOT_FILED.label
    state = f"逾期{unfiled}" if due.end < today else unfiled
    return f"{recipient} {state}（期限 {workcalendar.marked(due.end, due.provisional)}）"


def _row(r: Any, today: date, names: issuer_names.NameBook) -> CatalogRow:
    label = status_label(lifecycle.status_of(r, today))
    ahead = lifecycle.scheduled(r.status, r.status_changed, r.valid_until, today)
    if ahead is not None:
        label += f"（{ahead.note}）"
    return CatalogRow(
        r.id,
        r.reg_number or "",
        r.doc_number or "",
        r.title,
        names.name(r.issuer_id, issuer_names.document_day(r.published, r.issued, r.signed)),
        r.drafting_unit,
        r.published,
        r.effective,
        r.valid_until,
        label,
        lifecycle.ended_on(r.status, r.status_changed, r.valid_until, today),
        remarks(r.remarks, r.term_reason),
    )


def remarks(text: str, term_reason: str | None) -> str:
    """A document's 备注 as registers print it: the clerk's remarks, then the recorded reason for
    a term beyond the longest one (domain.md, Validity: it shows on the register)."""
    reason = f"{validity.TERM_REASON}：{term_reason}" if term_reason else ""
    return "\n".join(part for part in (text, reason) if part)


def _subtitle(kind: str, f: CatalogFilter, today: date) -> str:
    parts = []
    if f.year is not None:
        parts.append(f"{f.year}年")
    if f.status:
        codes = _status_codes(f.status)
        shown = f.status if f.status in lifecycle.STATUS_GROUPS else status_label(codes[0])
        parts.append(f"状态：{shown}")
    if kind == "current":
        parts.append(f"截至{today:%Y年%m月%d日}")
    return "　".join(parts)


def signing_office(s: Session, paper: str) -> str:
    """The office that signs a letter (`paper` names it in the message): refused while the
    office has no name."""
    office = office_name(s)
    if not office:
        raise UserError(f"{paper}：尚未填写本单位名称，请在 设置 → 规则 中填写“单位名称”。")
    return office


def catalog(s: Session, kind: str, f: CatalogFilter, today: date) -> Catalog:
    if kind not in KINDS:
        raise UserError(f"目录类型：“{kind}”无效，可选：{'、'.join(KINDS)}。", field="目录类型")
    issuer = issuers.by_code(s, f.issuer_code) if f.issuer_code else None
    rows = _rows(s, kind, f, issuer, today)
    title = KINDS[kind].title if kind != "annual" else f"{f.year}年度规范性文件目录"
    header = issuer.name if issuer else office_name(s)
    return Catalog(KINDS[kind], title, _subtitle(kind, f, today), header, rows)
