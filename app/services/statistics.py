"""Assessment figures (domain.md, Filing: the ten of 报备率 … 清理完成率) and the annual statistics of the
rule-of-law report: each figure with its numerator, denominator and the documents behind both,
counted over a period by publication date. An empty denominator gives no rate (shown 无), never a
division error."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import ColumnElement, Select, extract, func, select
from sqlalchemy.orm import QueryableAttribute, Session

from app import clock
from app.models import (
    CleanupBatch,
    CleanupItem,
    Document,
    Filing,
    Issuer,
    Objection,
    ProcedureStep,
    ReviewCase,
    UpperLaw,
    UpperLawChange,
    ValidityEvaluation,
)
from app.services import (
    cleanup,
    filing,
    issuer_names,
    issuers,
    legal_bases,
    lifecycle,
    objections,
    reviews,
    workcalendar,
)
from app.services.catalogs import office_name
from app.services.lifecycle import DRAFTING, IN_FORCE, REVIEW_OUTCOMES, STATUS_LABELS, status_label
from app.services.vocabulary import (
    CleanupStatus,
    DocStatus,
    FilingAnswer,
    FilingTimeliness,
    ReviewOutcome,
    ReviewStatus,
    Step,
)
from app.services.workcalendar import WorkCalendar

YEARS_CHARTED = 10
ISSUED_STATUSES = tuple(code for code in STATUS_LABELS if code not in DRAFTING)
FILING_STATES = {
    "on_time": "按期报送",
    "late": FilingTimeliness.LATE.label,
    "not_filed": FilingTimeliness.NOT_FILED.label,
    "unrecorded": filing.UNRECORDED,
}
ALL_ISSUERS = "全部制定机关"


@dataclass(frozen=True)
class Figure:
    name: str
    definition: str
    numerator_ids: list[int] = field(default_factory=list)
    denominator_ids: list[int] = field(default_factory=list)
    # documents of the period left out of both: imported without their filing (备案情况未录入)
    left_out_ids: list[int] = field(default_factory=list)

    @property
    def numerator(self) -> int:
        return len(self.numerator_ids)

    @property
    def left_out(self) -> int:
        return len(self.left_out_ids)

    @property
    def note(self) -> str:
        """What the figure leaves out, said beside it wherever it is shown ("" when nothing)."""
        return f"另有 {self.left_out} 件{filing.UNRECORDED}，未计入" if self.left_out else ""

    @property
    def denominator(self) -> int:
        return len(self.denominator_ids)

    @property
    def rate(self) -> float | None:
        return self.numerator / self.denominator if self.denominator else None

    def shown(self) -> str:
        return "无" if self.rate is None else f"{self.rate:.1%}"


def notes(figures: list[Figure]) -> list[str]:
    """One line per thing left out, naming the figures it concerns: "报备率、报备及时率：另有
    3 件备案情况未录入，未计入"."""
    by_note: dict[str, list[str]] = {}
    for f in figures:
        if f.note:
            by_note.setdefault(f.note, []).append(f.name)
    return [f"{'、'.join(names)}：{note}" for note, names in by_note.items()]


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    @classmethod
    def of_year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 31))

    @property
    def is_year(self) -> bool:
        return (self.start.month, self.start.day, self.end.month, self.end.day) == (
            1,
            1,
            12,
            31,
        ) and self.start.year == self.end.year

    @property
    def label(self) -> str:
        if self.is_year:
            return f"{self.start.year}年"
        return f"{_cn(self.start)}至{_cn(self.end)}"


def _cn(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


# --- the documents of a period ----------------------------------------------------------------
def _issued(start: date, end: date, issuer_id: int | None) -> Select[int]:
    """The ids of documents published from `start` to `end` (drafts never count)."""
    query = select(Document.id).where(
        Document.published >= start, Document.published <= end, Document.status.not_in(DRAFTING)
    )
    return query if issuer_id is None else query.where(Document.issuer_id == issuer_id)


def _issuer_id(s: Session, issuer_code: str | None) -> int | None:
    return issuers.by_code(s, issuer_code).id if issuer_code else None


def _documents(s: Session, start: date, end: date, issuer_id: int | None) -> list[Document]:
    ids = _issued(start, end, issuer_id).subquery()
    return list(
        s.scalars(
            select(Document)
            .where(Document.id.in_(select(ids.c.id)))
            .order_by(Document.published, Document.id)
        )
    )


@dataclass(frozen=True)
class _FilingState:
    unrecorded: bool  # not filed, imported without its filing: not known, so not counted
    filed: bool  # filed with every body it must go to
    on_time: bool  # ... each by its deadline
    clean: bool  # ... none sent back (暂缓登记, 不予备案), ever
    finding: bool  # a body found it unlawful (纠正/撤销), ever
    corrected: bool  # ... and every filing with a finding was dealt with

    @property
    def timeliness(self) -> str:
        if self.unrecorded:
            return "unrecorded"
        if not self.filed:
            return "not_filed"
        return "on_time" if self.on_time else "late"


def _dealt_with(f: Filing) -> bool:
    """A filing with a finding is settled when revoked, or corrected: the correction recorded,
    or the corrected document accepted by a later result."""
    if any(r.result == filing.REVOKED for r in f.results):
        return True
    return f.result == FilingAnswer.ACCEPTED or (
        f.result == FilingAnswer.CORRECT and f.corrected_on is not None
    )


def _filing_states(s: Session, docs: list[Document], cal: WorkCalendar) -> dict[int, _FilingState]:
    """How each document stands with its filings, from the history of every result: the one
    place 报备率 … 纠错率 and the quarterly chart read filing from."""
    rules = filing.rules(s)
    by_doc = filing.filings_by_document(s, docs)
    states = {}
    dues: dict[tuple[date, filing.FilingRule], date] = {}  # many documents share a day

    def due(doc: Document, rule: filing.FilingRule) -> date:
        start = rule.start_date(doc)
        if (start, rule) not in dues:
            dues[start, rule] = filing.filing_due(start, rule, cal)
        return dues[start, rule]

    for doc in docs:
        required = filing.doc_rules(rules, doc)
        records = [by_doc[doc.id].get(r.recipient) for r in required]
        days = [f.filed_on if f is not None else None for f in records]
        filed = all(day is not None for day in days)
        on_time = filed and all(
            day is not None and day <= due(doc, r) for day, r in zip(days, required, strict=True)
        )
        every = list(by_doc[doc.id].values())
        sent_back = any(
            f.needed_correction or any(r.result in filing.SENT_BACK for r in f.results)
            for f in every
        )
        found = [f for f in every if any(r.result in filing.FINDINGS for r in f.results)]
        corrected = bool(found) and all(_dealt_with(f) for f in found)
        states[doc.id] = _FilingState(
            bool(doc.filing_unrecorded) and not filed,
            filed,
            on_time,
            filed and not sent_back,
            bool(found),
            corrected,
        )
    return states


def _filing_figures(docs: list[Document], states: dict[int, _FilingState]) -> list[Figure]:
    """A document whose filing was never entered (备案情况未录入) is neither filed nor not filed:
    it is left out of 报备率 and 报备及时率 until its filing is recorded. 规范率 counts filed
    documents only, which such a document is not, so it leaves none out."""
    unknown = [d.id for d in docs if states[d.id].unrecorded]
    due = [d.id for d in docs if not states[d.id].unrecorded]
    filed = [i for i in due if states[i].filed]
    return [
        Figure("报备率", "已报备文件数 / 应报备文件数", filed, due, unknown),
        Figure(
            "报备及时率",
            "按期报备文件数 / 应报备文件数",
            [i for i in due if states[i].on_time],
            due,
            unknown,
        ),
        Figure(
            "规范率",
            "首次报送即予备案（未经暂缓登记、不予备案）文件数 / 已报备文件数",
            [i for i in filed if states[i].clean],
            filed,
        ),
    ]


def _correction_figure(docs: list[Document], states: dict[int, _FilingState]) -> Figure:
    found = [d.id for d in docs if states[d.id].finding]
    return Figure(
        "纠错率",
        "经审查纠正或撤销的文件数 / 审查发现问题（纠正、撤销）的文件数",
        [i for i in found if states[i].corrected],
        found,
    )


def filing_figures(
    s: Session, start: date, end: date, issuer_code: str | None = None
) -> list[Figure]:
    """报备率, 报备及时率, 规范率, 纠错率 for documents published from `start` to `end`."""
    docs = _documents(s, start, end, _issuer_id(s, issuer_code))
    states = _filing_states(s, docs, workcalendar.load(s))
    return [*_filing_figures(docs, states), _correction_figure(docs, states)]


def _with_step(s: Session, docs: list[Document], step: str) -> set[int]:
    """The documents with a `step` recorded; for a legality review, also those linked to a
    concluded review case (a case concluded before its document was registered here); for the
    publication, only those whose channel (公布载体) was recorded."""
    found: set[int] = set()
    for part in range(0, len(docs), 500):
        chunk = [d.id for d in docs[part : part + 500]]
        query = select(ProcedureStep.document_id).where(
            ProcedureStep.step == step, ProcedureStep.document_id.in_(chunk)
        )
        if step == Step.PUBLICATION:
            query = query.where(ProcedureStep.outcome != "")
        found |= set(s.scalars(query))
        if step == Step.LEGALITY_REVIEW:
            found |= set(
                s.scalars(
                    select(ReviewCase.document_id).where(
                        ReviewCase.status == ReviewStatus.CONCLUDED,
                        ReviewCase.document_id.in_(chunk),
                    )
                )
            )
    return found


def _procedure_figures(s: Session, docs: list[Document]) -> tuple[Figure, ...]:
    issued = [d.id for d in docs]
    reviewed = _with_step(s, docs, Step.LEGALITY_REVIEW)
    published = _with_step(s, docs, Step.PUBLICATION)
    commented = _with_step(s, docs, Step.PUBLIC_COMMENT)
    competition = _with_step(s, docs, Step.FAIR_COMPETITION)
    needs_comment = [d.id for d in docs if d.public_facing or d.important]
    market = [d.id for d in docs if d.market_related]
    return (
        Figure(
            "合法性审核率",
            "经合法性审核后公布的文件数 / 公布的文件数",
            [i for i in issued if i in reviewed],
            issued,
        ),
        Figure(
            "公开发布率",
            "通过规定载体（政府公报、政府网站等）公开发布的文件数 / 公布的文件数",
            [i for i in issued if i in published],
            issued,
        ),
        Figure(
            "公开征求意见率",
            "经公开征求意见的文件数 / 应当公开征求意见的文件数（重要或涉及公众权益的文件）",
            [i for i in needs_comment if i in commented],
            needs_comment,
        ),
        Figure(
            "公平竞争审查率",
            "经公平竞争审查的文件数 / 涉及经营主体经济活动的文件数",
            [i for i in market if i in competition],
            market,
        ),
    )


def _expiry_figure(s: Session, period: Period, issuer_id: int | None) -> Figure:
    """到期评估率: the documents whose term ends in the period (by 有效期至, not by publication) and
    that reach it, i.e. were not retired before; counted when evaluated on or before that day."""
    query = (
        select(Document.id, Document.valid_until)
        .where(
            _in(Document.valid_until, period),
            Document.status.not_in(DRAFTING),
            Document.status.in_((*IN_FORCE, DocStatus.EXPIRED))
            | (Document.status_changed > Document.valid_until),
        )
        .order_by(Document.valid_until, Document.id)
    )
    if issuer_id is not None:
        query = query.where(Document.issuer_id == issuer_id)
    expiring = {i: day for i, day in s.execute(query) if day is not None}  # always, by _in
    evaluated = {
        doc_id
        for doc_id, day in s.execute(
            select(ValidityEvaluation.document_id, ValidityEvaluation.evaluated_on)
        )
        if doc_id in expiring and day <= expiring[doc_id]
    }
    return Figure(
        "到期评估率",
        "有效期届满前按时评估的文件数 / 统计期间有效期届满的文件数",
        [i for i in expiring if i in evaluated],
        list(expiring),
    )


def _cleanup_figure(s: Session, period: Period, issuer_id: int | None) -> Figure:
    """清理完成率 over the cleanups begun or applied in the period: each document in a batch's
    scope, counted done once its decision (继续有效, 修改, 废止 …) is recorded."""
    query = (
        select(CleanupItem.document_id, CleanupItem.decision)
        .join(CleanupBatch, CleanupBatch.id == CleanupItem.batch_id)
        .join(Document, Document.id == CleanupItem.document_id)
        .where(_in(CleanupBatch.created_on, period) | _in(CleanupBatch.applied_on, period))
        .order_by(CleanupBatch.id, CleanupItem.id)
    )
    if issuer_id is not None:
        query = query.where(Document.issuer_id == issuer_id)
    items = list(s.execute(query))
    return Figure(
        "清理完成率",
        "清理中已作出结论的文件数 / 清理范围内的文件数",
        [i for i, decision in items if decision],
        [i for i, _ in items],
    )


# --- the annual statistics --------------------------------------------------------------------
@dataclass(frozen=True)
class Count:
    label: str
    ids: list[int] = field(default_factory=list)  # the documents behind it, for drill-down

    @property
    def n(self) -> int:
        return len(self.ids)


@dataclass(frozen=True)
class ReviewLine:
    subject: str  # 行政规范性文件 …
    received: int  # cases received in the period
    concluded: int  # cases concluded in the period
    outcomes: dict[ReviewOutcome, int]  # of those concluded


@dataclass(frozen=True)
class CleanupLine:
    title: str
    kind: str
    applied_on: date
    decisions: dict[str, int]
    upper_law: str = ""  # the law whose change opened this special cleanup, if one did


@dataclass(frozen=True)
class UpperLawCounts:
    """The upper-level law changes recorded for the period (by the day of the change)."""

    changes: int  # changes recorded
    documents: int  # documents in force that cited a changed law (each once per change)
    cleaned: int  # changes whose special cleanup has been applied
    pending: int  # changes whose documents still await one

    @property
    def text(self) -> str:
        if not self.changes:
            return "统计期间没有记录上位法变化。"
        return (
            f"记录上位法修改、废止 {self.changes} 次，涉及现行有效文件 {self.documents} 件；"
            f"已完成专项清理 {self.cleaned} 次，待处理 {self.pending} 次。"
        )


@dataclass(frozen=True)
class ObjectionCounts:
    received: int
    replied_in_time: int
    replied_late: int
    overdue_open: int  # not replied, past the deadline
    pending: int  # not replied, still in time

    @property
    def overdue(self) -> int:
        return self.replied_late + self.overdue_open


@dataclass(frozen=True)
class QuarterLine:
    label: str
    counts: dict[str, int]  # FILING_STATES key -> documents published in the quarter


@dataclass(frozen=True)
class AnnualStatistics:
    period: Period
    issuer: str  # the issuer's name, or 全部制定机关
    office: str
    issued: Count
    statuses: list[Count]
    figures: list[Figure]
    reviews: list[ReviewLine]
    cleanups: list[CleanupLine]
    upper_laws: UpperLawCounts
    objections: ObjectionCounts
    per_year: list[tuple[int, int]]
    quarters: list[QuarterLine]

    @property
    def review_outcomes(self) -> dict[ReviewOutcome, int]:
        return {o: sum(line.outcomes[o] for line in self.reviews) for o in REVIEW_OUTCOMES}

    @property
    def cleanup_totals(self) -> dict[str, int]:
        return {d: sum(c.decisions[d] for c in self.cleanups) for d in cleanup.DECISIONS.values()}

    def figure(self, name: str) -> Figure:
        return next(f for f in self.figures if f.name == name)


def annual(
    s: Session, period: Period, issuer_code: str | None = None, today: date | None = None
) -> AnnualStatistics:
    """Everything the annual rule-of-law report counts, for one period and issuer (or all)."""
    today = today or clock.today()
    issuer = issuers.by_code(s, issuer_code) if issuer_code else None
    issuer_id = issuer.id if issuer else None
    cal = workcalendar.load(s)
    docs = _documents(s, period.start, period.end, issuer_id)
    states = _filing_states(s, docs, cal)
    reviewed, published, commented, competition = _procedure_figures(s, docs)
    figures = [
        reviewed,
        *_filing_figures(docs, states),
        _correction_figure(docs, states),
        commented,
        published,
        competition,
        _expiry_figure(s, period, issuer_id),
        _cleanup_figure(s, period, issuer_id),
    ]
    return AnnualStatistics(
        period=period,
        issuer=issuer.name if issuer else ALL_ISSUERS,
        office=office_name(s),
        issued=Count("公布文件", [d.id for d in docs]),
        statuses=_statuses(docs, min(period.end, today)),
        figures=figures,
        reviews=_reviews(s, period, issuer),
        cleanups=_cleanups(s, period, issuer_id),
        upper_laws=_upper_laws(s, period, issuer_id),
        objections=_objections(s, period, issuer_id, cal, today),
        per_year=_per_year(s, period.end.year, issuer_id),
        quarters=_quarters(docs, states, period),
    )


def _statuses(docs: list[Document], day: date) -> list[Count]:
    """The period's documents by their status at the end of `day` (the period's end, or today
    while it runs)."""
    by_status: dict[str, list[int]] = {code: [] for code in ISSUED_STATUSES}
    for doc in docs:
        by_status[lifecycle.status_of(doc, day)].append(doc.id)
    return [Count(STATUS_LABELS[code], ids) for code, ids in by_status.items()]


def _in(column: QueryableAttribute[date | None], period: Period) -> ColumnElement[bool]:
    return column.between(period.start, period.end)


def _reviews(s: Session, period: Period, issuer: Issuer | None) -> list[ReviewLine]:
    """Cases received and concluded in the period, by subject type. For one issuer: the cases on
    its documents, and the other cases its name submitted."""
    query = (
        select(ReviewCase)
        .outerjoin(Document, Document.id == ReviewCase.document_id)
        .where(_in(ReviewCase.received, period) | _in(ReviewCase.concluded_on, period))
    )
    if issuer is not None:
        query = query.where(
            (Document.issuer_id == issuer.id) | (ReviewCase.submitting_unit == issuer.name)
        )
    cases = list(s.scalars(query))
    lines = []
    for code, label in reviews.SUBJECT_TYPES.items():
        mine = [c for c in cases if c.subject_type == code]
        received = [c for c in mine if period.start <= c.received <= period.end]
        concluded = [
            c for c in mine if c.concluded_on and period.start <= c.concluded_on <= period.end
        ]
        outcomes = {o: sum(c.outcome == o for c in concluded) for o in REVIEW_OUTCOMES}
        lines.append(ReviewLine(label, len(received), len(concluded), outcomes))
    return lines


def _cleanups(s: Session, period: Period, issuer_id: int | None) -> list[CleanupLine]:
    """Batches applied in the period, with their decisions (for one issuer: on its documents)."""
    batches = s.scalars(
        select(CleanupBatch)
        .where(CleanupBatch.status == CleanupStatus.APPLIED, _in(CleanupBatch.applied_on, period))
        .order_by(CleanupBatch.applied_on, CleanupBatch.id)
    )
    lines = []
    for batch in batches:
        if batch.applied_on is None:
            continue  # never: it was applied in the period
        query = (
            select(CleanupItem.decision, func.count())
            .join(Document, Document.id == CleanupItem.document_id)
            .where(CleanupItem.batch_id == batch.id)
            .group_by(CleanupItem.decision)
        )
        if issuer_id is not None:
            query = query.where(Document.issuer_id == issuer_id)
        found: dict[str, int] = {decision: n for decision, n in s.execute(query)}
        if issuer_id is not None and not found:
            continue
        decisions = {label: found.get(code, 0) for code, label in cleanup.DECISIONS.items()}
        law = s.scalar(
            select(UpperLaw.name)
            .join(UpperLawChange, UpperLawChange.law_id == UpperLaw.id)
            .where(UpperLawChange.batch_id == batch.id)
        )
        lines.append(
            CleanupLine(
                batch.title, cleanup.KINDS[batch.kind], batch.applied_on, decisions, law or ""
            )
        )
    return lines


def _upper_laws(s: Session, period: Period, issuer_id: int | None) -> UpperLawCounts:
    """Changes of upper-level laws in the period; for one issuer, those touching its documents."""
    views = [c for c in legal_bases.changes(s) if period.start <= c.changed_on <= period.end]
    if issuer_id is not None:
        mine = []
        for c in views:
            ids = _change_documents(s, c)
            if ids and s.scalar(
                select(func.count()).where(Document.id.in_(ids), Document.issuer_id == issuer_id)
            ):
                mine.append(c)
        views = mine
    return UpperLawCounts(
        len(views),
        sum(c.affected for c in views),
        sum(c.batch_applied for c in views),
        sum(c.pending for c in views),
    )


def _change_documents(s: Session, change: legal_bases.ChangeView) -> list[int]:
    """The documents a change touched: its cleanup's, or those citing the law now."""
    if change.batch_id is not None:
        query = select(CleanupItem.document_id).where(CleanupItem.batch_id == change.batch_id)
        return list(s.scalars(query))
    return legal_bases.affected_documents(s, change.id)


def _objections(
    s: Session, period: Period, issuer_id: int | None, cal: WorkCalendar, today: date
) -> ObjectionCounts:
    """Requests received in the period and how their replies stand against the deadline."""
    query = select(Objection).where(_in(Objection.received, period))
    if issuer_id is not None:
        query = query.join(Document, Document.id == Objection.document_id).where(
            Document.issuer_id == issuer_id
        )
    in_time = late = overdue = pending = 0
    found = list(s.scalars(query))
    for objection in found:
        due = objections.reply_due(objection, cal)
        if objection.replied_on:
            in_time += objection.replied_on <= due
            late += objection.replied_on > due
        elif today > due:
            overdue += 1
        else:
            pending += 1
    return ObjectionCounts(len(found), in_time, late, overdue, pending)


def _per_year(s: Session, last: int, issuer_id: int | None) -> list[tuple[int, int]]:
    first = last - YEARS_CHARTED + 1
    year = extract("year", Document.published)
    query = (
        select(year, func.count())
        .where(
            Document.published >= date(first, 1, 1),
            Document.published <= date(last, 12, 31),
            Document.status.not_in(DRAFTING),
        )
        .group_by(year)
    )
    if issuer_id is not None:
        query = query.where(Document.issuer_id == issuer_id)
    found = {int(y): n for y, n in s.execute(query)}
    return [(y, found.get(y, 0)) for y in range(first, last + 1)]


def _quarters(
    docs: list[Document], states: dict[int, _FilingState], period: Period
) -> list[QuarterLine]:
    """Filing timeliness of the documents published in each quarter of the period's (last) year."""
    year = period.end.year
    lines = [QuarterLine(f"第{n}季度", dict.fromkeys(FILING_STATES, 0)) for n in "一二三四"]
    for doc in docs:
        if doc.published is not None and doc.published.year == year:
            lines[(doc.published.month - 1) // 3].counts[states[doc.id].timeliness] += 1
    return lines


# --- drill-down ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class DocumentLine:
    id: int
    reg_number: str
    doc_number: str
    title: str
    issuer: str
    published: date | None
    status: str


def document_lines(s: Session, ids: list[int], today: date | None = None) -> list[DocumentLine]:
    """The documents behind a figure, in order of publication, with their statuses today."""
    today = today or clock.today()
    names = issuer_names.NameBook(s)
    lines = []
    for part in range(0, len(ids), 500):
        query = select(
            Document.id,
            Document.reg_number,
            Document.doc_number,
            Document.title,
            Document.published,
            Document.status,
            Document.status_changed,
            Document.effective,
            Document.valid_until,
            Document.issuer_id,
            Document.issued,
            Document.signed,
        ).where(Document.id.in_(ids[part : part + 500]))
        lines += [
            DocumentLine(
                r.id,
                r.reg_number or "",
                r.doc_number or "",
                r.title,
                names.name(r.issuer_id, issuer_names.document_day(r.published, r.issued, r.signed)),
                r.published,
                status_label(
                    lifecycle.status_on(
                        r.status, r.status_changed, r.effective, r.valid_until, today
                    )
                ),
            )
            for r in s.execute(query)
        ]
    return sorted(lines, key=lambda x: (x.published or date.min, x.id))
