"""Validity terms (有效期): default 5 years, 2 for 暂行/试行 titles; months end as the Civil Code says."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import UserError
from app.models import Document, Issuer, ValidityEvaluation
from app.services import audit, lifecycle, settings
from app.services.lifecycle import IN_FORCE
from app.services.permissions import Actor, Permission, require

PROVISIONAL_MARKERS = ("暂行", "试行")


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
class DefaultTerms:
    """The office's default validity terms, read once for a batch of documents."""

    years: int
    provisional_years: int

    @classmethod
    def load(cls, s: Session) -> DefaultTerms:
        return cls(
            settings.get(s, "validity.default_years"),
            settings.get(s, "validity.provisional_years"),
        )

    def term_years(self, title: str) -> int:
        if any(marker in title for marker in PROVISIONAL_MARKERS):
            return self.provisional_years
        return self.years

    def valid_until(self, title: str, start: date) -> date:
        """Last day in force of the default term beginning on `start` (publication or effect),
        domain.md 'Validity'."""
        return term_end(start, self.term_years(title))


def default_valid_until(s: Session, title: str, start: date) -> date:
    return DefaultTerms.load(s).valid_until(title, start)


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
    evaluation: str


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
        select(Document.id, Document.title, Document.doc_number, Document.reg_number, Issuer.name,
               Document.drafting_unit, Document.published, Document.valid_until)
        .join(Issuer, Issuer.id == Document.issuer_id)
        .where(lifecycle.reaches_term_end_clause(start), Document.valid_until <= end)
    )  # fmt: skip
    rows = [
        Expiring(
            i,
            t,
            dn or "",
            rn or "",
            issuer,
            unit or issuer,
            p,
            v,
            EVALUATIONS.get(latest.get(i, ""), "未评估"),
        )
        for i, t, dn, rn, issuer, unit, p, v in s.execute(query)
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
    doc = s.get(Document, doc_id)
    if doc is None:
        raise UserError(f"文件编号 {doc_id} 不存在。")
    if lifecycle.status_of(doc, day) not in IN_FORCE:
        raise UserError(f"《{doc.title}》已不是现行有效文件，无需评估。")
    if decision not in EVALUATIONS:
        raise UserError(f"评估结论：应为{'或'.join(EVALUATIONS.values())}。")
    if not reason.strip():
        raise UserError("评估意见：必须填写。")
    if new_document_id is not None and (
        decision != "reissue" or s.get(Document, new_document_id) is None
    ):
        raise UserError("重新公布的文件：只有结论为继续施行时才能关联，且该文件必须存在。")
    evaluation = ValidityEvaluation(document_id=doc.id, evaluated_on=day, decision=decision, reason=reason.strip(),
                                    evaluated_by=actor.name, new_document_id=new_document_id)  # fmt: skip
    s.add(evaluation)
    s.flush()
    audit.record(s, actor.name, "evaluate", "document", doc.id, f"有效期评估：{EVALUATIONS[decision]}",
                 None, {"decision": decision, "day": day, "reason": reason.strip()})  # fmt: skip
    return evaluation
