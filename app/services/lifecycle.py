"""The life of a document: statuses, procedure steps, and which step each step requires.

A published document's status is a function of the date (domain.md, Validity): the database
stores what was recorded (the drafting step reached, 已公布, or a retirement with its date, which
may lie ahead), and `status_on` / `status_column` derive the status on any day from it and the
document's dates. Nothing has to run when a day passes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, String, and_, case, literal, or_

from app.errors import UserError
from app.models import Document
from app.services.vocabulary import DocStatus, FairCompetitionOutcome, ReviewOutcome, Step

STATUS_LABELS: dict[str, str] = DocStatus.labels()
STATUS_CODES: dict[str, str] = {label: code for code, label in STATUS_LABELS.items()}
IN_FORCE = (DocStatus.PUBLISHED, DocStatus.IN_FORCE)
RETIRED = (DocStatus.AMENDED, DocStatus.REPEALED, DocStatus.DECLARED_INVALID, DocStatus.EXPIRED)
DRAFTING = (
    DocStatus.DRAFT,
    DocStatus.ASSESSMENT,
    DocStatus.PUBLIC_COMMENT,
    DocStatus.FAIR_COMPETITION,
    DocStatus.LEGALITY_REVIEW,
    DocStatus.DELIBERATION,
)
# The groups a register is filtered by, before the single statuses (the window's status filter,
# `doc list --status`, the printed and exported register).
STATUS_GROUPS: dict[str, tuple[str, ...]] = {
    "现行有效": IN_FORCE,
    "起草中": DRAFTING,
    "已失效（修改/废止/失效）": RETIRED,
}

# Procedure steps in their order; recording a step moves the document to the status of that name.
STEP_LABELS: dict[str, str] = Step.labels()
STEP_ORDER: tuple[Step, ...] = tuple(Step)
REVIEW_OUTCOMES: tuple[ReviewOutcome, ...] = tuple(ReviewOutcome)
REVIEW_PASSING = (ReviewOutcome.LAWFUL, ReviewOutcome.LAWFUL_IF_CHANGED)
FAIR_COMPETITION_OUTCOMES = tuple(FairCompetitionOutcome)


@dataclass(frozen=True)
class Requirement:
    step: Step
    reason: str


def required_steps(doc: Document) -> list[Requirement]:
    """The steps this document must go through, given its flags (domain.md, life of a document)."""
    needs = [Requirement(Step.DRAFT, "所有文件")]
    if doc.important:
        needs.append(Requirement(Step.ASSESSMENT, "重要文件应当评估论证"))
    if doc.important or doc.public_facing:
        needs.append(Requirement(Step.PUBLIC_COMMENT, "涉及公众权益的文件应当公开征求意见"))
    if doc.market_related:
        needs.append(
            Requirement(Step.FAIR_COMPETITION, "涉及经营主体经济活动的文件应当进行公平竞争审查")
        )
    needs.append(Requirement(Step.LEGALITY_REVIEW, "所有文件应当经过合法性审核"))
    needs.append(Requirement(Step.DELIBERATION, "所有文件应当经集体审议"))
    needs.append(Requirement(Step.PUBLICATION, "经公布方可施行"))
    return needs


def status_label(code: str) -> str:
    return STATUS_LABELS.get(code, code)


def status_codes(value: str) -> tuple[str, ...] | None:
    """The statuses a filter value names (a group's label, a status's label or its code), or None."""
    if value in STATUS_GROUPS:
        return STATUS_GROUPS[value]
    code = STATUS_CODES.get(value, value)
    return (code,) if code in STATUS_LABELS else None


def filter_choices() -> list[str]:
    """The values a status filter accepts, as a message lists them."""
    return [*STATUS_GROUPS, *STATUS_LABELS.values()]


def filter_codes(value: str, field: str) -> tuple[str, ...]:
    """status_codes, or a UserError naming `field` and listing what it accepts."""
    codes = status_codes(value)
    if codes is None:
        raise UserError(
            f"{field}：“{value}”无效，可选：{'、'.join(filter_choices())}。", field=field
        )
    return codes


# --- status as a function of the date -------------------------------------------------------------
def status_on(
    status: str, changed: date | None, effective: date | None, valid_until: date | None, day: date
) -> str:
    """The status on `day` of a document whose recorded status is `status` (since `changed`):
    a retirement takes effect on its date; until then, and for a document never retired, it is 失效
    from the day after 有效期至, 已公布 before its effective date and 有效 in between."""
    if status in DRAFTING:
        return status
    if status in RETIRED and (changed is None or changed <= day):
        return status
    if valid_until is not None and valid_until < day:
        return DocStatus.EXPIRED
    if effective is not None and effective > day:
        return DocStatus.PUBLISHED
    return DocStatus.IN_FORCE


def status_of(doc: Any, day: date) -> str:
    """`status_on` for anything with a Document's columns (a Document, a row)."""
    return status_on(doc.status, doc.status_changed, doc.effective, doc.valid_until, day)


def ended_on(status: str, changed: date | None, valid_until: date | None, day: date) -> date | None:
    """The first day the document was no longer in force, if it had ceased by `day`: the date of
    its retirement, or for a lapse at the end of its term the legal date, 有效期至 + 1. None when
    still in force or the date was never known (a ledger that gave only the status)."""
    if status in RETIRED and (changed is None or changed <= day):
        # A 失效 recorded after the term had run out is the lapse on its legal date. One recorded
        # without a date came from a ledger before the term's end (registration._recorded_status):
        # its date is unknown, never the end of the term.
        if changed is not None and valid_until is not None and valid_until < changed:
            return valid_until + timedelta(days=1) if status == DocStatus.EXPIRED else changed
        return changed
    if status not in DRAFTING and valid_until is not None and valid_until < day:
        return valid_until + timedelta(days=1)
    return None


@dataclass(frozen=True)
class Scheduled:
    """A retirement recorded for a day still ahead: the document stays in force until then."""

    status: str
    day: date

    @property
    def note(self) -> str:
        return (
            f"定于{self.day.year}年{self.day.month}月{self.day.day}日{STATUS_LABELS[self.status]}"
        )


def scheduled(
    status: str, changed: date | None, valid_until: date | None, day: date
) -> Scheduled | None:
    """The retirement recorded for a later day, unless the term runs out before it."""
    if status not in RETIRED or changed is None or changed <= day:
        return None
    if valid_until is not None and valid_until + timedelta(days=1) < changed:
        return None
    return Scheduled(status, changed)


def retirable(status: str, ahead: Scheduled | None) -> bool:
    """Whether a document with this status today may be amended, repealed or declared invalid:
    in force, with no retirement recorded for a later day."""
    return status in IN_FORCE and ahead is None


def status_text(doc: Any, day: date) -> str:
    """The status on `day` as a page shows it, with the day it ceased to be in force or the
    retirement scheduled: 失效（自2023年1月6日起）, 有效（定于2027年1月1日废止）."""
    label = status_label(status_of(doc, day))
    ahead = scheduled(doc.status, doc.status_changed, doc.valid_until, day)
    if ahead is not None:
        return f"{label}（{ahead.note}）"
    ended = ended_on(doc.status, doc.status_changed, doc.valid_until, day)
    if ended is not None:
        return f"{label}（自{ended.year}年{ended.month}月{ended.day}日起）"
    return label


def status_column(day: date) -> ColumnElement[str]:
    """`status_on` as an SQL expression over the document table."""
    return case(
        (Document.status.in_(DRAFTING), Document.status),
        (_retired_by(day), Document.status),
        (Document.valid_until < day, literal(DocStatus.EXPIRED, String)),
        (Document.effective > day, literal(DocStatus.PUBLISHED, String)),
        else_=literal(DocStatus.IN_FORCE, String),
    )


def _changed_by(day: date) -> ColumnElement[bool]:
    """The recorded status holds on `day` (a retirement with no known date always does)."""
    return or_(Document.status_changed.is_(None), Document.status_changed <= day)


def _retired_by(day: date) -> ColumnElement[bool]:
    return and_(Document.status.in_(RETIRED), _changed_by(day))


# The clauses below say what status_column says, without a CASE, so that SQLite can walk the
# publication-date index for the register's first page (a CASE made it scan and sort: 134 ms
# instead of 1 ms at 100,000 documents). tests/test_status_over_time.py holds them equal.
def _issued_not_retired_by(day: date) -> ColumnElement[bool]:
    return and_(
        Document.status.not_in(DRAFTING),
        or_(Document.status.in_(IN_FORCE), Document.status_changed > day),
    )


def _within_term(day: date) -> ColumnElement[bool]:
    return or_(Document.valid_until.is_(None), Document.valid_until >= day)


def in_force_clause(day: date) -> ColumnElement[bool]:
    """Published and not retired on `day` (已公布 or 有效): the documents an office applies."""
    return and_(_issued_not_retired_by(day), _within_term(day))


def _clause(code: str, day: date) -> ColumnElement[bool]:
    if code in DRAFTING:
        return Document.status == code
    if code == DocStatus.IN_FORCE:
        return and_(
            in_force_clause(day), or_(Document.effective.is_(None), Document.effective <= day)
        )
    if code == DocStatus.PUBLISHED:
        return and_(in_force_clause(day), Document.effective > day)
    recorded = and_(Document.status == code, _changed_by(day))
    if code == DocStatus.EXPIRED:
        return or_(and_(_issued_not_retired_by(day), Document.valid_until < day), recorded)
    return recorded


def reaches_term_end_clause(day: date) -> ColumnElement[bool]:
    """In force on `day` with no retirement recorded: a repeal dated ahead (never after the term,
    documents.retire) ends the document before its term does, so nothing is due at its expiry."""
    return and_(in_force_clause(day), Document.status.in_(IN_FORCE))


def status_clause(codes: tuple[str, ...] | list[str], day: date) -> ColumnElement[bool]:
    """Documents whose status on `day` is one of `codes`."""
    wanted = set(codes)
    clauses = []
    if set(IN_FORCE) <= wanted:  # 已公布 and 有效 together: one clause, not two ORed
        clauses.append(in_force_clause(day))
        wanted -= set(IN_FORCE)
    clauses += [_clause(code, day) for code in STATUS_LABELS if code in wanted]
    return clauses[0] if len(clauses) == 1 else or_(*clauses)
