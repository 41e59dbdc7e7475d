"""Filing (备案): every published document goes to its supervising bodies within a period counted
from publication (domain.md, Filing; Counting periods). Due dates are derived, never stored."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session, joinedload, selectinload

from app import clock
from app.errors import UserError
from app.models import Document, Filing, FilingResult, Issuer
from app.services import (
    audit,
    documents,
    issuer_names,
    numbering,
    people,
    rows,
    settings,
    workcalendar,
)
from app.services.lifecycle import DRAFTING, IN_FORCE, scheduled, status_of
from app.services.permissions import Actor, Permission, require
from app.services.vocabulary import AuditAction, DocStatus, FilingAnswer, FilingTimeliness, Step
from app.services.workcalendar import Period, WorkCalendar

PACKAGE = ("备案报告", "规范性文件正式文本", "起草说明", "制定依据", "合法性审核意见")
RESULTS = tuple(FilingAnswer)
NEEDS_CORRECTION = (FilingAnswer.DEFERRED, FilingAnswer.CORRECT)
FINDINGS = (FilingAnswer.CORRECT, FilingAnswer.REVOKED)
SENT_BACK = (FilingAnswer.DEFERRED, FilingAnswer.REJECTED)  # not accepted as submitted (规范率)
REVOKED = FilingAnswer.REVOKED
REVOKED_STATUS = DocStatus.DECLARED_INVALID  # 宣布失效: the closest of the register's retirements
REPORT_SERIES = "filing-report"


START_EVENTS = {
    "published": Step.PUBLICATION.label,
    "issued": "印发",
    "signed": "签署",
}  # settings.FILING_STARTS


@dataclass(frozen=True)
class FilingRule:
    recipient: str
    days: int
    working_days: bool = False
    start: str = "published"  # the event the clock starts from: a key of START_EVENTS

    def start_date(self, doc: Document) -> date:
        """The day the clock starts from for `doc`: the date of the rule's event, or the
        publication date when that date was not recorded. Only a published document has one."""
        day: date | None = getattr(doc, self.start) or doc.published
        if day is None:
            raise ValueError(f"document {doc.id} is not published: its filing has no start")
        return day

    def explain(self, cal: WorkCalendar) -> str:
        event = START_EVENTS[self.start]
        fallback = "" if self.start == "published" else f"（未录入{event}日期的自公布次日起）"
        return f"向{self.recipient}备案：自{event}次日起{fallback} {cal.counting(self.days, self.working_days)}"


def rules(s: Session) -> dict[str, list[FilingRule]]:
    """The recipients and periods by issuer level, read once from the settings."""
    start = settings.get(s, "filing.start_event")

    def rule(prefix: str) -> FilingRule:
        return FilingRule(
            settings.get(s, f"{prefix}.recipient"),
            settings.get(s, f"{prefix}.days"),
            settings.get(s, f"{prefix}.working_days"),
            start,
        )

    government = [rule("filing.government")]
    congress = settings.get(s, "filing.congress.recipient").strip()
    if congress:
        government.append(
            FilingRule(congress, settings.get(s, "filing.congress.days"), False, start)
        )
    return {"department": [rule("filing.department")], "government": government}


def filing_due(start: date, rule: FilingRule, cal: WorkCalendar) -> date:
    """Last day to file: `rule.days` after the start event (rule.start_date), counted from the
    next day; a last day off work moves to the next working day when the office extends periods
    (domain.md, Counting periods)."""
    return filing_period(start, rule, cal).end


def filing_period(start: date, rule: FilingRule, cal: WorkCalendar) -> Period:
    """filing_due, marked provisional when it was computed from a year without a notice."""
    return cal.period(start, rule.days, rule.working_days)


def doc_period(doc: Document, rule: FilingRule, cal: WorkCalendar) -> Period:
    """The filing deadline of a published document under `rule`."""
    return filing_period(rule.start_date(doc), rule, cal)


def doc_rules(all_rules: dict[str, list[FilingRule]], doc: Document) -> list[FilingRule]:
    return all_rules.get(doc.issuer.level, all_rules["department"])


def earliest_due(s: Session, doc: Document, cal: WorkCalendar) -> date | None:
    """The first filing deadline of a published document (for `doc show`)."""
    period = earliest_period(s, doc, cal)
    return period.end if period else None


def earliest_period(s: Session, doc: Document, cal: WorkCalendar) -> Period | None:
    """earliest_due with its provisional mark (provisional if any rule ending that day is)."""
    if doc.published is None or doc.status in DRAFTING:
        return None
    periods = [doc_period(doc, r, cal) for r in doc_rules(rules(s), doc)]
    end = min(p.end for p in periods)
    return Period(end, any(p.provisional for p in periods if p.end == end))


def rule_for(all_rules: dict[str, list[FilingRule]], doc: Document, recipient: str) -> FilingRule:
    """The rule for filing `doc` with `recipient`; refused if the document does not go there."""
    required = doc_rules(all_rules, doc)
    for rule in required:
        if rule.recipient == recipient:
            return rule
    names = "、".join(r.recipient for r in required)
    raise UserError(
        f"备案机关：《{doc.title}》应向{names}备案，不是“{recipient}”。", field="备案机关"
    )


def _filing(s: Session, doc_id: int, recipient: str) -> Filing | None:
    return s.scalar(
        select(Filing).where(Filing.document_id == doc_id, Filing.recipient == recipient)
    )


def get(s: Session, filing_id: int) -> Filing:
    return rows.get(s, Filing, filing_id, "备案记录")


def record_filed(
    s: Session,
    actor: Actor,
    doc_id: int,
    recipient: str,
    filed_on: date,
    package_present: list[str],
    allocate_report: bool = True,
    all_rules: dict[str, list[FilingRule]] | None = None,
) -> Filing:
    """报送备案: the package sent and the day; the filing report gets its own number (not for a
    filing of the past entered afterwards: its report was numbered when it was sent). A batch
    passes `all_rules` (rules(s), read once) instead of reading the settings for every filing."""
    require(actor, Permission.REGISTER)
    doc = documents.get(s, doc_id)
    if doc.published is None or doc.status in DRAFTING:
        raise UserError(f"《{doc.title}》尚未公布，不能报送备案。")
    all_rules = all_rules or rules(s)
    rule_for(all_rules, doc, recipient)
    if filed_on < doc.published:
        raise UserError(f"报送日期：不能早于公布日期 {doc.published}。", field="报送日期")
    if filed_on > clock.today():
        raise UserError(f"报送日期：{filed_on} 晚于今天。", field="报送日期")
    unknown = set(package_present) - set(PACKAGE)
    if unknown:
        raise UserError(
            f"备案材料：“{'、'.join(sorted(unknown))}”不在材料清单中。", field="备案材料"
        )
    missing = [item for item in PACKAGE if item not in package_present]
    if missing:
        raise UserError(f"备案材料不全，缺少：{'、'.join(missing)}。")
    filing = _filing(s, doc.id, recipient)
    if filing is not None and FilingAction.FILE not in next_actions(
        filing.filed_on, filing.result, filing.corrected_on
    ):
        raise UserError(f"《{doc.title}》已于 {filing.filed_on} 向{recipient}报送备案。")
    if filing is None:
        filing = Filing(document_id=doc.id, recipient=recipient, created_at=clock.now())
        s.add(filing)
    filing.filed_on = filed_on
    filing.package = json.dumps([{"item": i, "present": True} for i in PACKAGE], ensure_ascii=False)
    if allocate_report:
        template = settings.get(s, "filing.report_template")
        filing.report_number = numbering.allocate_series(s, REPORT_SERIES, template, filed_on.year)
    s.flush()
    if doc.filing_unrecorded and all(
        getattr(_filing(s, doc.id, r.recipient), "filed_on", None)
        for r in doc_rules(all_rules, doc)
    ):
        doc.filing_unrecorded = None  # every recipient's filing is on record now
    audit.record(
        s,
        actor,
        AuditAction.FILE,
        filing,
        summary=f"《{doc.title}》报送{recipient}备案",
        new={"recipient": recipient, "filed_on": filed_on, "report": filing.report_number},
    )
    return filing


class FilingAction(StrEnum):
    FILE = "file"  # 报送备案
    RESULT = "result"  # 登记结果
    CORRECTED = "corrected"  # 补正完成


def next_actions(
    filed_on: date | None, result: str, corrected_on: date | None
) -> frozenset[FilingAction]:
    """What a filing (one document to one recipient) allows now: the services' guard and the
    备案 page's buttons."""
    allowed = {
        FilingAction.FILE: filed_on is None,
        FilingAction.RESULT: filed_on is not None,
        FilingAction.CORRECTED: result in NEEDS_CORRECTION and corrected_on is None,
    }
    return frozenset(action for action, yes in allowed.items() if yes)


def record_result(
    s: Session,
    actor: Actor,
    filing_id: int,
    result: str,
    result_on: date,
    follow_up: str = "",
    correction_due: date | None = None,
    cal: WorkCalendar | None = None,
) -> Filing:
    """The recipient's answer; 暂缓登记 and 纠正 open a correction deadline."""
    require(actor, Permission.REGISTER)
    filing = get(s, filing_id)
    if filing.filed_on is None or FilingAction.RESULT not in next_actions(
        filing.filed_on, filing.result, filing.corrected_on
    ):
        raise UserError("备案结果：尚未报送备案，不能登记结果。", field="备案结果")
    if result not in RESULTS:
        raise UserError(f"备案结果：应为“{'”“'.join(RESULTS)}”之一。", field="备案结果")
    if result_on < filing.filed_on:
        raise UserError("结果日期：不能早于报送日期。", field="结果日期")
    if result in FINDINGS and not follow_up.strip():
        raise UserError(
            f"处理情况：结果为“{result}”时必须写明审查意见和后续处理。", field="处理情况"
        )
    old = {"result": filing.result}
    filing.result, filing.result_on, filing.follow_up = result, result_on, follow_up.strip()
    filing.results.append(
        FilingResult(
            result=result,
            result_on=result_on,
            follow_up=follow_up.strip(),
            recorded_by=actor.name,
            recorded_at=clock.now(),
        )
    )
    if result in SENT_BACK:
        filing.needed_correction = True
    if result in NEEDS_CORRECTION:
        days = None
        if correction_due is None:
            if cal is None:
                raise UserError("补正期限：无法计算，缺少工作日历。", field="补正期限")
            days = settings.get(s, "filing.correction_days")
            correction_due = cal.period_end(result_on, days)
        filing.correction_due, filing.correction_days = correction_due, days
        filing.corrected_on = None
    audit.record(
        s,
        actor,
        AuditAction.FILING_RESULT,
        filing,
        summary=f"备案结果：{result}",
        old=old,
        new={
            "result": result,
            "result_on": result_on,
            "correction_due": filing.correction_due,
            "correction_days": filing.correction_days,
        },
    )
    if result == REVOKED:
        _retire_revoked(s, actor, filing, result_on, follow_up.strip())
    return filing


def _retire_revoked(s: Session, actor: Actor, filing: Filing, day: date, follow_up: str) -> None:
    """A document the recipient revoked (撤销) is declared invalid from that day, through the same
    path as every retirement; one already out of force, or with a retirement already recorded,
    stays as it is."""
    doc = filing.document
    if doc.status not in IN_FORCE or status_of(doc, day) not in IN_FORCE:
        return
    if scheduled(doc.status, doc.status_changed, doc.valid_until, clock.today()) is not None:
        return
    documents.retire(
        s, actor, doc.id, REVOKED_STATUS, day, f"{filing.recipient}备案审查撤销：{follow_up}"
    )


def correction_period(f: Filing, cal: WorkCalendar) -> Period | None:
    """The correction deadline: the date the recipient set, or, when it was computed from the
    settings, computed again from the calendar as it is now (so entering a year's notice moves
    a provisional date to the official one)."""
    if f.correction_due is None:
        return None
    if f.correction_days is None or f.result_on is None:
        return Period(f.correction_due)
    return cal.period(f.result_on, f.correction_days)


def revocation_period(f: Filing, days: int, cal: WorkCalendar) -> Period:
    """The last day before a 纠正 not complied with is revoked: `days` after the finding, counted
    as every calendar-day period is (the office's holiday extension included)."""
    if f.result_on is None:
        raise ValueError(f"filing {f.id} has no finding to revoke on")
    return cal.period(f.result_on, days)


def record_corrected(s: Session, actor: Actor, filing_id: int, day: date, note: str) -> Filing:
    """补正或纠正完成."""
    require(actor, Permission.REGISTER)
    filing = get(s, filing_id)
    if FilingAction.CORRECTED not in next_actions(
        filing.filed_on, filing.result, filing.corrected_on
    ):
        raise UserError(
            f"补正完成：已于 {filing.corrected_on} 登记补正或纠正完成。"
            if filing.corrected_on and filing.result in NEEDS_CORRECTION
            else "补正完成：该备案没有需要补正或纠正的意见。",
            field="补正完成",
        )
    if not note.strip():
        raise UserError("处理情况：必须写明补正或纠正的情况。", field="处理情况")
    filing.corrected_on = day
    filing.follow_up = (
        filing.follow_up + "\n" if filing.follow_up else ""
    ) + f"{day} {note.strip()}"
    audit.record(
        s,
        actor,
        AuditAction.FILING_CORRECTED,
        filing,
        summary="补正/纠正完成",
        new={"corrected_on": day, "note": note.strip()},
    )
    return filing


BEFORE_HISTORY = "本结果登记于启用备案结果记录之前，此前的结果未保留"
EARLIER_SENT_BACK = "此前曾被暂缓登记或不予备案（日期未保留）"


@dataclass(frozen=True)
class ResultEntry:
    """One answer of the recipient as the filing's history shows it. The correction deadline and
    its completion are kept on the filing, so they belong to the latest 暂缓登记/纠正 only."""

    result: str
    result_on: date | None
    note: str
    recorded_by: str  # "" when not recorded (a result kept from before the history)
    recorded_at: datetime | None
    correction_due: date | None = None
    correction_due_provisional: bool = False
    corrected_on: date | None = None
    before_history: str = ""  # why results before this one are missing, when they may be
    recorded_by_name: str = ""  # the person's name (`recorded_by` is the username recorded)

    @property
    def recorded_by_label(self) -> str:
        return self.recorded_by_name or self.recorded_by or "（未记录）"

    def deadline_text(self) -> str:
        if self.correction_due is None:
            return ""
        due = workcalendar.marked(self.correction_due, self.correction_due_provisional)
        done = f"，{self.corrected_on} 已补正/纠正" if self.corrected_on else ""
        return f"补正期限 {due}{done}"


def _history(f: Filing, cal: WorkCalendar, who: people.Names) -> tuple[ResultEntry, ...]:
    """The filing's results in the order they came. A result copied from the filing when the
    history began (no recorder, no time) is the only one known from before: it says so, and
    says that an earlier send-back is on record without its date when the filing's flag says it."""
    correction = correction_period(f, cal)
    last_correction = next(
        (i for i in range(len(f.results) - 1, -1, -1) if f.results[i].result in NEEDS_CORRECTION),
        None,
    )
    entries = []
    for i, r in enumerate(f.results):
        legacy = i == 0 and not r.recorded_by and r.recorded_at is None
        lost_send_back = legacy and f.needed_correction and r.result not in SENT_BACK
        deadline = correction if i == last_correction else None
        entries.append(
            ResultEntry(
                r.result,
                r.result_on,
                r.follow_up,
                r.recorded_by,
                r.recorded_at,
                deadline.end if deadline else None,
                deadline is not None and deadline.provisional,
                f.corrected_on if deadline else None,
                "；".join(
                    filter(None, (BEFORE_HISTORY, EARLIER_SENT_BACK if lost_send_back else ""))
                )
                if legacy
                else "",
                who(r.recorded_by),
            )
        )
    return tuple(entries)


def result_history(s: Session, filing_id: int, cal: WorkCalendar) -> list[ResultEntry]:
    """Every result the recipient returned for one filing, oldest first (empty before any)."""
    return list(_history(get(s, filing_id), cal, people.names(s)))


@dataclass(frozen=True)
class FilingRow:
    filing_id: int | None
    document_id: int
    title: str
    reg_number: str
    doc_number: str
    issuer_name: str
    published: date
    recipient: str
    due: date
    filed_on: date | None
    report_number: str
    result: str
    result_on: date | None
    correction_due: date | None
    corrected_on: date | None
    rule: str
    due_provisional: bool = False
    correction_due_provisional: bool = False
    unrecorded: bool = False  # not filed, and imported without its filing (备案情况未录入)
    history: tuple[ResultEntry, ...] = ()  # every result in order, the last as `result`


UNRECORDED = FilingTimeliness.UNRECORDED


def timeliness(row: FilingRow, today: date) -> FilingTimeliness:
    """按期 / 逾期报送 / 未报送 / 逾期未报, as the filing register and the 备案 page say it; a
    document imported without its filings is not called overdue before they are entered."""
    if row.filed_on is None and row.unrecorded:
        return UNRECORDED
    if row.filed_on is None:
        return FilingTimeliness.OVERDUE if today > row.due else FilingTimeliness.NOT_FILED
    return FilingTimeliness.ON_TIME if row.filed_on <= row.due else FilingTimeliness.LATE


def rows_for(
    s: Session,
    doc: Document,
    cal: WorkCalendar,
    all_rules: dict[str, list[FilingRule]] | None = None,
    filings: dict[str, Filing] | None = None,
    who: people.Names | None = None,
    names: issuer_names.NameBook | None = None,
) -> list[FilingRow]:
    """One row per recipient the document must be filed with, filed or not."""
    who = who or people.names(s)
    if doc.published is None:
        raise ValueError(f"document {doc.id} is not published: it has no filings")
    rows = []
    issuer = (names.of_document(doc) if names else issuer_names.of_document(s, doc)).name
    for rule in doc_rules(all_rules or rules(s), doc):
        f = (
            filings.get(rule.recipient)
            if filings is not None
            else _filing(s, doc.id, rule.recipient)
        )
        due = doc_period(doc, rule, cal)
        correction = correction_period(f, cal) if f else None
        rows.append(
            FilingRow(
                f.id if f else None,
                doc.id,
                doc.title,
                doc.reg_number or "",
                doc.doc_number or "",
                issuer,
                doc.published,
                rule.recipient,
                due.end,
                f.filed_on if f else None,
                (f.report_number or "") if f else "",
                f.result if f else "",
                f.result_on if f else None,
                correction.end if correction else None,
                f.corrected_on if f else None,
                rule.explain(cal),
                due.provisional,
                bool(correction and correction.provisional),
                bool(doc.filing_unrecorded) and not (f and f.filed_on),
                _history(f, cal, who) if f else (),
            )
        )
    return rows


def filings_by_document(s: Session, docs: list[Document]) -> defaultdict[int, dict[str, Filing]]:
    """Each document's filings by recipient with their results ({} for one without), read
    500 documents a query."""
    by_doc: defaultdict[int, dict[str, Filing]] = defaultdict(dict)
    for start in range(0, len(docs), 500):
        ids = [d.id for d in docs[start : start + 500]]
        query = (
            select(Filing).where(Filing.document_id.in_(ids)).options(selectinload(Filing.results))
        )
        for f in s.scalars(query):
            by_doc[f.document_id][f.recipient] = f
    return by_doc


def _not_all_filed(all_rules: dict[str, list[FilingRule]]) -> ColumnElement[bool]:
    """The document has fewer filings sent than its level's rules have recipients: it may
    still owe one (the rows themselves tell)."""
    government = [r.recipient for r in all_rules["government"]]
    department = [r.recipient for r in all_rules["department"]]
    sent = (
        select(func.count(Filing.id))
        .where(
            Filing.document_id == Document.id,
            Filing.filed_on.is_not(None),
            case(
                (Issuer.level == "government", Filing.recipient.in_(government)),
                else_=Filing.recipient.in_(department),
            ),
        )
        .scalar_subquery()
    )
    owed = case((Issuer.level == "government", len(government)), else_=len(department))
    return sent < owed


def register_rows(
    s: Session, cal: WorkCalendar, year: int | None = None, pending_only: bool = False
) -> list[FilingRow]:
    """备案台账: every published document of the year (in order of publication, as the printed
    ledger lists them), each recipient; the documents and their filings are read in two
    queries, whatever the year holds."""
    all_rules, who = rules(s), people.names(s)
    query = (
        select(Document)
        .options(joinedload(Document.issuer))
        .where(Document.published.is_not(None), Document.status.not_in(DRAFTING))
    )
    if pending_only:  # spares reading the thousands of documents filed long ago
        query = query.join(Issuer, Issuer.id == Document.issuer_id).where(_not_all_filed(all_rules))
    if year is not None:
        query = query.where(
            Document.published >= date(year, 1, 1), Document.published <= date(year, 12, 31)
        )
    docs = list(s.scalars(query.order_by(Document.published, Document.id)))
    by_doc = filings_by_document(s, docs)
    names = issuer_names.NameBook(s)
    rows = [
        row for doc in docs for row in rows_for(s, doc, cal, all_rules, by_doc[doc.id], who, names)
    ]
    return [r for r in rows if r.filed_on is None] if pending_only else rows


def listing(
    s: Session, cal: WorkCalendar, today: date, year: int | None, pending_only: bool = False
) -> list[FilingRow]:
    """What the 备案 page and `filing list` show. Every filing of the year: newest publication
    first (ties: the later registered first; a document's recipients in the rules' order).
    Pending only (只看未报送, `--open`): what is still to be sent, a schedule of deadlines,
    soonest (most overdue) first: the year's unfiled rows and, of every other year, the
    overdue ones (an old one left unfiled must not hide behind the year chosen)."""
    if not pending_only:
        rows = register_rows(s, cal, year)
        return sorted(rows, key=lambda r: (r.published, r.document_id), reverse=True)

    def wanted(r: FilingRow) -> bool:
        in_year = year is None or r.published.year == year
        return in_year or timeliness(r, today) is FilingTimeliness.OVERDUE

    pending = [r for r in register_rows(s, cal, None, pending_only=True) if wanted(r)]
    return sorted(pending, key=lambda r: (r.due, -r.document_id))
