"""Which documents each printed register and catalog lists, and in what order (domain.md,
Catalogs and registers). The PDF and workbook writers only lay these rows out."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, func, or_, select
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
) -> Iterator[CatalogRow]:
    """The rows in order, read CHUNK documents at a time (yield_per), each chunk's filings with
    it: a register of any size is never held in memory whole."""
    names = issuer_names.NameBook(s)
    filings = _FilingTexts(s, today) if kind == "register" else None
    of_year = f.year if kind == "repealed" else None
    found = s.execute(_select(kind, f, issuer, today).execution_options(yield_per=CHUNK))
    with closing(found):
        for chunk in found.partitions():
            texts = filings.of(chunk) if filings is not None else {}
            for r in chunk:
                row = _row(r, today, names, texts.get(r.id, ""))
                if of_year is None or (row.ended_on is not None and row.ended_on.year == of_year):
                    yield row


class _FilingTexts:
    """备案情况 by document: for each recipient it goes to, the day it was filed and the result
    ("上一级人民政府 2026-03-10 予以备案"), that it was filed and awaits the result, or that it
    was not filed and by when it had to be (逾期 once that day has passed on the catalog's day); a
    filing kept under a recipient the rules no longer name (a renamed body) is listed too, and a
    document imported without its filings says 备案情况未录入. Deadlines are computed once per
    start day and rule, whatever the register holds."""

    def __init__(self, s: Session, today: date) -> None:
        self.s, self.today = s, today
        self.rules = filing.rules(s)
        self.calendar = workcalendar.load(s)
        self.dues: dict[tuple[date, str], workcalendar.Period] = {}

    def of(self, found: Sequence[Any]) -> dict[int, str]:
        """The texts of `found` (rows of _select, at most CHUNK of them)."""
        by_doc: dict[int, dict[str, Any]] = defaultdict(dict)
        for f in self.s.execute(
            select(
                Filing.document_id,
                Filing.recipient,
                Filing.filed_on,
                Filing.result,
                Filing.corrected_on,
            )
            .where(Filing.document_id.in_([r.id for r in found]))
            .order_by(Filing.filed_on, Filing.id)
        ):
            by_doc[f.document_id][f.recipient] = f
        return {r.id: self._text(r, by_doc.get(r.id, {})) for r in found}

    def _text(self, r: Any, recorded: dict[str, Any]) -> str:
        parts = []
        recorded = dict(recorded)
        for rule in self.rules.get(r.level, self.rules["department"]):
            filed = recorded.pop(rule.recipient, None)
            if filed is not None and filed.filed_on is not None:
                parts.append(_filed_text(rule.recipient, filed))
            elif r.filing_unrecorded:
                continue
            elif r.published is not None:
                parts.append(_unfiled_text(rule.recipient, self._due(r, rule), self.today))
        parts += [_filed_text(f.recipient, f) for f in recorded.values() if f.filed_on is not None]
        if r.filing_unrecorded:
            parts.append(filing_backlog.REMINDER)
        return "；\n".join(parts)

    def _due(self, r: Any, rule: Any) -> workcalendar.Period:
        day = rule.start_date(r)
        key = (day, rule.recipient)
        if key not in self.dues:
            self.dues[key] = filing.filing_period(day, rule, self.calendar)
        return self.dues[key]


AWAITING = "已报送，待审查结果"


def _filed_text(recipient: str, f: Any) -> str:
    """`f`: a Filing, or a row with its filed_on, result and corrected_on."""
    text = f"{recipient} {f.filed_on} {f.result or AWAITING}"
    if f.result in filing.NEEDS_CORRECTION and f.corrected_on is not None:
        text += f"（{f.corrected_on} 已补正）"
    return text


def _unfiled_text(recipient: str, due: workcalendar.Period, today: date) -> str:
    unfiled = FilingTimeliness.NOT_FILED.label
    state = f"逾期{unfiled}" if due.end < today else unfiled
    return f"{recipient} {state}（期限 {workcalendar.marked(due.end, due.provisional)}）"


def _row(r: Any, today: date, names: issuer_names.NameBook, filing_text: str = "") -> CatalogRow:
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
        filing_text,
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
    issuer = _issuer(s, kind, f)
    return Catalog(*_head(s, kind, f, issuer, today), list(_rows(s, kind, f, issuer, today)))


@dataclass(frozen=True)
class StreamedCatalog:
    """A catalog whose rows are read as they are used, for a workbook of any size."""

    kind: CatalogKind
    title: str
    subtitle: str
    header: str
    rows: Iterator[CatalogRow]
    total: int  # counted beforehand; for the repealed of a year, those of every year


def streamed_catalog(s: Session, kind: str, f: CatalogFilter, today: date) -> StreamedCatalog:
    issuer = _issuer(s, kind, f)
    head = _head(s, kind, f, issuer, today)
    listed = _select(kind, f, issuer, today).order_by(None).subquery()
    total = s.scalar(select(func.count()).select_from(listed)) or 0
    return StreamedCatalog(*head, _rows(s, kind, f, issuer, today), total)


def _head(
    s: Session, kind: str, f: CatalogFilter, issuer: Issuer | None, today: date
) -> tuple[CatalogKind, str, str, str]:
    title = KINDS[kind].title if kind != "annual" else f"{f.year}年度规范性文件目录"
    header = issuer.name if issuer else office_name(s)
    return KINDS[kind], title, _subtitle(kind, f, today), header


def _issuer(s: Session, kind: str, f: CatalogFilter) -> Issuer | None:
    if kind not in KINDS:
        raise UserError(f"目录类型：“{kind}”无效，可选：{'、'.join(KINDS)}。", field="目录类型")
    return issuers.by_code(s, f.issuer_code) if f.issuer_code else None
