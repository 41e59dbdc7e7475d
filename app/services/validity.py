"""Validity terms (有效期): default and longest 5 years, 2 for 暂行/试行 titles, a set term for
通告; a longer term needs a recorded reason; months end as the Civil Code says."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import overload

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import UserError
from app.models import Document, Issuer, ValidityEvaluation
from app.services import audit, fields, issuer_names, lifecycle, rows, settings
from app.services.lifecycle import IN_FORCE
from app.services.permissions import Actor, Permission, require
from app.services.vocabulary import AuditAction, DocField

PROVISIONAL_MARKERS = ("暂行", "试行")
NOTICE_MARKER = "通告"
TERM_REASON = DocField.TERM_REASON.label  # the field's name in forms, messages and registers


def add_years(start: date, years: int) -> date:
    """Same month and day `years` later; 29 February falls back to the month's last day."""
    year = start.year + years
    day = min(start.day, calendar.monthrange(year, start.month)[1])
    return date(year, start.month, day)


def term_end(start: date, years: int) -> date:
    """The last day of a term of `years` that begins on `start`, which counts: the day before
    the anniversary ("自2024年1月10日起施行，有效期5年" ends 2029-01-09; from 29 February the
    anniversary in a common year is 1 March, so the term ends on 28 February)."""
    year = start.year + years
    if start.month == 2 and start.day == 29 and not calendar.isleap(year):
        return date(year, 2, 28)
    return date(year, start.month, start.day) - timedelta(days=1)


def add_months(start: date, months: int) -> date:
    """Same day `months` later, or the month's last day if it has no such day."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class TermLimit:
    """The longest term the office allows a document: its years, the rule that sets them and
    the last day it reaches from the document's start."""

    years: int
    rule: str
    last_day: date

    @property
    def note(self) -> str:
        return f"超过{self.rule}最长有效期 {self.years} 年（至 {self.last_day}）"

    def refusal(self, valid_until: date) -> str:
        return f"{TERM_REASON}：有效期至 {valid_until} {self.note}，须写明理由。"


@dataclass(frozen=True)
class DefaultTerms:
    """The office's validity rules, read once for a batch of documents: the default (and
    longest) terms and the day a term starts from (domain.md, Validity)."""

    years: int
    provisional_years: int
    notice_years: int = 0  # 0: 通告 have no term of their own
    start: str = "effective"  # settings.VALIDITY_STARTS

    @classmethod
    def load(cls, s: Session) -> DefaultTerms:
        return cls(
            settings.get(s, "validity.default_years"),
            settings.get(s, "validity.provisional_years"),
            settings.get(s, "validity.notice_years"),
            settings.get(s, "validity.start"),
        )

    def _rule(self, title: str) -> tuple[int, str]:
        special = []
        if any(marker in title for marker in PROVISIONAL_MARKERS):
            special.append((self.provisional_years, "暂行、试行文件"))
        if self.notice_years and NOTICE_MARKER in title:
            special.append((self.notice_years, "通告"))
        return min(special) if special else (self.years, "本单位规定的")

    def term_years(self, title: str) -> int:
        return self._rule(title)[0]

    @overload
    def start_of(self, published: date, effective: date | None) -> date: ...
    @overload
    def start_of(self, published: date | None, effective: date | None) -> date | None: ...
    def start_of(self, published: date | None, effective: date | None) -> date | None:
        """The first day of the term: the date the office's setting names, else the other."""
        if self.start == "published":
            return published or effective
        return effective or published

    def valid_until(self, title: str, start: date) -> date:
        """Last day in force of the default term beginning on `start` (start_of)."""
        return term_end(start, self.term_years(title))

    def limit(self, title: str, start: date) -> TermLimit:
        years, rule = self._rule(title)
        return TermLimit(years, rule, term_end(start, years))

    def exceeded(
        self, title: str, published: date | None, effective: date | None, valid_until: date | None
    ) -> TermLimit | None:
        """The limit an explicit 有效期至 goes beyond, or None when it is within (or not set)."""
        start = self.start_of(published, effective)
        if start is None or valid_until is None:
            return None
        limit = self.limit(title, start)
        return limit if valid_until > limit.last_day else None

    def reason_to_keep(
        self,
        title: str,
        published: date | None,
        effective: date | None,
        valid_until: date | None,
        reason: str | None,
    ) -> str | None:
        """The reason stored with the document: needed when the term exceeds the limit (else
        UserError naming the field), dropped when the term is within it."""
        limit = self.exceeded(title, published, effective, valid_until)
        if limit is None or valid_until is None:
            return None
        reason = fields.text(reason or "", TERM_REASON, Document.term_reason)
        if not reason:
            raise UserError(limit.refusal(valid_until), field=TERM_REASON)
        return reason


def term_limit_exceeded(
    s: Session, title: str, published: date | None, effective: date | None, valid_until: date | None
) -> TermLimit | None:
    """For a form: whether this 有效期至 needs a recorded reason (and the limit it exceeds)."""
    return DefaultTerms.load(s).exceeded(title, published, effective, valid_until)


def default_valid_until(
    s: Session, title: str, published: date | None, effective: date | None
) -> date | None:
    terms = DefaultTerms.load(s)
    start = terms.start_of(published, effective)
    return terms.valid_until(title, start) if start else None


EVALUATIONS = {"reissue": "继续施行（重新公布）", "lapse": "届满失效"}


@dataclass(frozen=True)
class Expiring:
    document_id: int
    title: str
    doc_number: str
    reg_number: str
    issuer_name: str
    unit: str  # the implementing unit: the drafting unit, else the issuer
    published: date | None
    valid_until: date
    evaluation: str  # the latest evaluation's label, else 未评估

    @property
    def evaluated(self) -> bool:
        return self.evaluation in EVALUATIONS.values()


def quarter_of(day: date) -> tuple[date, date]:
    first_month = (day.month - 1) // 3 * 3 + 1
    start = date(day.year, first_month, 1)
    return start, add_months(start, 3) - timedelta(days=1)


def next_quarter(day: date) -> tuple[date, date]:
    return quarter_of(add_months(quarter_of(day)[0], 3))


def expiring(s: Session, start: date, end: date) -> list[Expiring]:
    """Documents in force on `start` whose validity ends by `end`, by implementing unit."""
    latest = _latest_evaluations(s)
    query = (
        select(
            Document.id,
            Document.title,
            Document.doc_number,
            Document.reg_number,
            Issuer.name,
            Document.drafting_unit,
            Document.published,
            Document.valid_until,
            Document.issuer_id,
            Document.issued,
            Document.signed,
        )
        .join(Issuer, Issuer.id == Document.issuer_id)
        .where(lifecycle.reaches_term_end_clause(start), Document.valid_until <= end)
    )
    names = issuer_names.NameBook(s)
    rows = [
        Expiring(
            r.id,
            r.title,
            r.doc_number or "",
            r.reg_number or "",
            names.name(r.issuer_id, issuer_names.document_day(r.published, r.issued, r.signed)),
            r.drafting_unit or r.name,  # the body that must evaluate it now: its present name
            r.published,
            r.valid_until,
            EVALUATIONS.get(latest.get(r.id, ""), "未评估"),
        )
        for r in s.execute(query)
        if r.valid_until is not None  # always: NULL is not <= end
    ]
    return sorted(rows, key=lambda r: (r.unit, r.valid_until, r.document_id))


def _latest_evaluations(s: Session) -> dict[int, str]:
    rows = s.execute(
        select(ValidityEvaluation.document_id, ValidityEvaluation.decision).order_by(
            ValidityEvaluation.id
        )
    )
    return {doc_id: decision for doc_id, decision in rows}


def evaluate(
    s: Session,
    actor: Actor,
    doc_id: int,
    decision: str,
    day: date,
    reason: str,
    new_document_id: int | None = None,
) -> ValidityEvaluation:
    """The implementing unit's evaluation before expiry: re-issue (a new document) or let lapse."""
    require(actor, Permission.REGISTER)
    doc = rows.get(s, Document, doc_id, "文件编号")
    if lifecycle.status_of(doc, day) not in IN_FORCE:
        raise UserError(f"《{doc.title}》已不是现行有效文件，无需评估。")
    if decision not in EVALUATIONS:
        raise UserError(f"评估结论：应为{'或'.join(EVALUATIONS.values())}。", field="评估结论")
    if not reason.strip():
        raise UserError("评估意见：必须填写。", field="评估意见")
    if new_document_id is not None and (
        decision != "reissue" or s.get(Document, new_document_id) is None
    ):
        raise UserError(
            "重新公布的文件：只有结论为继续施行时才能关联，且该文件必须存在。",
            field="重新公布的文件",
        )
    evaluation = ValidityEvaluation(
        document_id=doc.id,
        evaluated_on=day,
        decision=decision,
        reason=reason.strip(),
        evaluated_by=actor.name,
        new_document_id=new_document_id,
    )
    s.add(evaluation)
    s.flush()
    audit.record(
        s,
        actor,
        AuditAction.EVALUATE,
        doc,
        summary=f"有效期评估：{EVALUATIONS[decision]}",
        new={"decision": decision, "day": day, "reason": reason.strip()},
    )
    return evaluation
