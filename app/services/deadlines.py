"""Every open deadline, derived from the data each time it is asked for (never stored timers):
filing, correction, legality review, validity expiry and objection replies."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import exists, func, select
from sqlalchemy.orm import QueryableAttribute, Session

from app import clock
from app.models import (
    CleanupBatch,
    Document,
    Filing,
    Issuer,
    Objection,
    ReviewCase,
    ValidityEvaluation,
)
from app.services import cleanup, filing, lifecycle, objections, reviews, settings, workcalendar
from app.services.lifecycle import DRAFTING
from app.services.validity import Expiring, add_months
from app.services.vocabulary import (
    CleanupKind,
    CleanupStatus,
    DeadlineState,
    FilingAnswer,
    ReviewStatus,
)
from app.services.workcalendar import Period, WorkCalendar

KIND_LABELS = {
    "filing": "报送备案",
    "correction": "备案补正/纠正",
    "revocation": "纠正逾期撤销",
    "review": "合法性审核",
    "validity": "有效期届满评估",
    "objection": "审查建议答复",
    "cleanup": CleanupKind.REGULAR.label,
}
STATE_LABELS: dict[str, str] = DeadlineState.labels()


@dataclass(frozen=True)
class Deadline:
    kind: str
    object_type: str
    object_id: int
    document_id: int | None
    title: str
    due: date
    state: DeadlineState
    days_left: int  # calendar days from today (negative when overdue)
    rule: str
    provisional: bool = False  # computed through a year without a holiday notice
    issuer: str = ""  # the issuing body's name; a review case not yet registered: 送审单位 marked

    @property
    def days_text(self) -> str:
        """剩余天数 as shown and printed: 逾期 N 天 once past, not a negative number."""
        if self.days_left < 0:
            return f"逾期 {-self.days_left} 天"
        return "今天到期" if self.days_left == 0 else f"{self.days_left} 天"

    @property
    def due_text(self) -> str:
        """The due date as shown and printed, with the provisional mark when it is one."""
        return workcalendar.marked(self.due, self.provisional)

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]


def evaluation_state(row: Expiring, today: date, soon_days: int) -> DeadlineState | None:
    """How pressing a document's validity evaluation is: None once its unit has evaluated it,
    else by the day its validity ends (the 有效期届满 page colours its rows by this)."""
    return None if row.evaluated else classify(row.valid_until, today, soon_days)


def classify(due: date, today: date, soon_days: int, done_on: date | None = None) -> DeadlineState:
    if done_on is not None:
        return DeadlineState.DONE_ON_TIME if done_on <= due else DeadlineState.DONE_LATE
    if today > due:
        return DeadlineState.OVERDUE
    return DeadlineState.DUE_SOON if (due - today).days <= soon_days else DeadlineState.UPCOMING


@dataclass
class _Context:
    s: Session
    cal: WorkCalendar
    today: date
    soon: int

    def make(
        self,
        kind: str,
        object_type: str,
        object_id: int,
        doc_id: int | None,
        title: str,
        due: date,
        rule: str,
        provisional: bool = False,
        issuer: str = "",
    ) -> Deadline:
        state = classify(due, self.today, self.soon)
        return Deadline(
            kind,
            object_type,
            object_id,
            doc_id,
            title,
            due,
            state,
            (due - self.today).days,
            rule,
            provisional,
            issuer,
        )


def open_deadlines(s: Session, today: date | None = None) -> list[Deadline]:
    """Open deadlines, overdue first, then by due date."""
    ctx = _Context(
        s, workcalendar.load(s), today or clock.today(), settings.get(s, "deadlines.due_soon_days")
    )
    found = (
        _filings(ctx)
        + _corrections(ctx)
        + _revocations(ctx)
        + _reviews(ctx)
        + _validity(ctx)
        + _objections(ctx)
        + _cleanup(ctx)
    )
    return sorted(
        found, key=lambda d: (d.state != DeadlineState.OVERDUE, d.due, d.kind, d.object_id)
    )


def calendar_warnings(s: Session, deadlines: list[Deadline]) -> list[str]:
    """One note per year without a notice that a provisional deadline was computed from."""
    cal = workcalendar.load(s)
    years = {y for d in deadlines if d.provisional for y in cal.unknown_years(d.due)}
    return [workcalendar.provisional_note(y) for y in sorted(years)]


def _filings(ctx: _Context) -> list[Deadline]:
    found = []
    for level, rules in filing.rules(ctx.s).items():
        for rule in rules:
            # NOT IN over the filed ids is one pass; a correlated NOT EXISTS probes per document.
            filed = select(Filing.document_id).where(
                Filing.recipient == rule.recipient, Filing.filed_on.is_not(None)
            )
            start: QueryableAttribute[date | None] = getattr(Document, rule.start)
            query = (
                select(
                    Document.id,
                    Document.title,
                    func.coalesce(start, Document.published),
                    Issuer.name,
                )
                .join(Issuer, Issuer.id == Document.issuer_id)
                .where(
                    Issuer.level == level,
                    Document.published.is_not(None),
                    Document.status.not_in(DRAFTING),
                    Document.id.not_in(filed),
                    # 备案情况未录入: one reminder counts them (filing_backlog), not one alarm each
                    Document.filing_unrecorded.is_not(True),
                )
            )
            dues: dict[date, Period] = {}  # documents whose clock starts the same day share it
            for doc_id, title, day, issuer in ctx.s.execute(query):
                if day not in dues:
                    dues[day] = filing.filing_period(day, rule, ctx.cal)
                due = dues[day]
                found.append(
                    ctx.make(
                        "filing",
                        "document",
                        doc_id,
                        doc_id,
                        f"{title}（报{rule.recipient}）",
                        due.end,
                        rule.explain(ctx.cal),
                        due.provisional,
                        issuer,
                    )
                )
    return found


def _corrections(ctx: _Context) -> list[Deadline]:
    query = (
        select(Filing, Document.title, Issuer.name)
        .join(Document, Document.id == Filing.document_id)
        .join(Issuer, Issuer.id == Document.issuer_id)
        .where(
            Filing.result.in_(filing.NEEDS_CORRECTION),
            Filing.corrected_on.is_(None),
            Filing.correction_due.is_not(None),
        )
    )
    found = []
    for f, title, issuer in ctx.s.execute(query):
        due = filing.correction_period(f, ctx.cal)
        if due is None:
            continue  # never: the query asks for a correction date
        found.append(
            ctx.make(
                "correction",
                "filing",
                f.id,
                f.document_id,
                f"{title}（{f.recipient}：{f.result}）",
                due.end,
                _correction_rule(f, ctx.cal),
                due.provisional,
                issuer,
            )
        )
    return found


def _revocations(ctx: _Context) -> list[Deadline]:
    """A document found unlawful (纠正) and not yet corrected is revoked when the period after the
    finding runs out (domain.md, Filing): the day that happens is a deadline of its own."""
    days = settings.get(ctx.s, "filing.revocation_days")
    query = (
        select(Filing, Document.title, Issuer.name)
        .join(Document, Document.id == Filing.document_id)
        .join(Issuer, Issuer.id == Document.issuer_id)
        .where(
            Filing.result == FilingAnswer.CORRECT,
            Filing.corrected_on.is_(None),
            Filing.result_on.is_not(None),
        )
    )
    rule = f"纠正：逾期未纠正的予以撤销，自纠正意见日期次日起 {ctx.cal.counting(days)}"
    found = []
    for f, title, issuer in ctx.s.execute(query):
        due = filing.revocation_period(f, days, ctx.cal)
        found.append(
            ctx.make(
                "revocation",
                "filing",
                f.id,
                f.document_id,
                f"{title}（{f.recipient}：纠正）",
                due.end,
                rule,
                due.provisional,
                issuer,
            )
        )
    return found


def _correction_rule(f: Filing, cal: WorkCalendar) -> str:
    if f.correction_days is None:
        return f"{f.result}意见要求的办理期限"
    return f"{f.result}：自结果日期次日起 {cal.counting(f.correction_days)}"


def _reviews(ctx: _Context) -> list[Deadline]:
    found = []
    query = (
        select(ReviewCase, Issuer.name)
        .outerjoin(Document, Document.id == ReviewCase.document_id)
        .outerjoin(Issuer, Issuer.id == Document.issuer_id)
        .where(ReviewCase.status != ReviewStatus.CONCLUDED, ReviewCase.complete_on.is_not(None))
    )
    for case, issuer in ctx.s.execute(query):
        due = reviews.due(case, ctx.cal, ctx.today)
        if due.due is None:
            continue  # never: only a case not complete yet has none
        found.append(
            ctx.make(
                "review",
                "review",
                case.id,
                case.document_id,
                case.title,
                due.due,
                due.explanation,
                due.due_provisional,
                issuer or _submitted_by(case),
            )
        )
    return found


def _submitted_by(case: ReviewCase) -> str:
    """A draft not registered yet has no issuing body on record: the unit that sent it."""
    return f"{case.submitting_unit}（送审）" if case.submitting_unit else ""


def _validity(ctx: _Context) -> list[Deadline]:
    months = settings.get(ctx.s, "validity.warning_months")
    horizon = add_months(ctx.today, months)
    evaluated = exists().where(ValidityEvaluation.document_id == Document.id)
    query = (
        select(Document.id, Document.title, Document.valid_until, Issuer.name)
        .join(Issuer, Issuer.id == Document.issuer_id)
        .where(
            lifecycle.reaches_term_end_clause(ctx.today),
            Document.valid_until.is_not(None),
            Document.valid_until <= horizon,
            ~evaluated,
        )
    )
    rule = f"有效期届满前 {months} 个月起应当评估，提出继续施行或失效的意见"
    return [
        ctx.make("validity", "document", i, i, t, v, rule, issuer=n)
        for i, t, v, n in ctx.s.execute(query)
        if v is not None  # always, by the query
    ]


def _cleanup(ctx: _Context) -> list[Deadline]:
    under_way = select(CleanupBatch).where(
        CleanupBatch.status == CleanupStatus.OPEN, CleanupBatch.kind == CleanupKind.REGULAR
    )
    if ctx.s.scalars(under_way).first() is not None:
        return []  # a regular cleanup is under way (a special one does not meet the duty)
    due, rule = cleanup.next_regular_due(ctx.s)
    if (due - ctx.today).days > 90:
        return []
    return [ctx.make("cleanup", "cleanup", 0, None, "开展规范性文件定期清理", due, rule)]


def _objections(ctx: _Context) -> list[Deadline]:
    found = []
    query = (
        select(Objection, Document.title, Issuer.name)
        .join(Document, Document.id == Objection.document_id)
        .join(Issuer, Issuer.id == Document.issuer_id)
    )
    for objection, title, issuer in ctx.s.execute(query.where(Objection.replied_on.is_(None))):
        due = objections.reply_period(objection, ctx.cal)
        rule = f"答复期限：自收到次日起 {ctx.cal.counting(objection.reply_days)}"
        found.append(
            ctx.make(
                "objection",
                "objection",
                objection.id,
                objection.document_id,
                f"{title}（{objection.requester}）",
                due.end,
                rule,
                due.provisional,
                issuer,
            )
        )
    return found
