"""Legality review (合法性审核): one engine for normative documents, major administrative decisions,
administrative contracts and major enforcement decisions (domain.md, Legality review)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.errors import UserError
from app.models import ReviewCase, ReviewCheck, ReviewPause
from app.services import audit, documents, numbering, rows, settings
from app.services.lifecycle import DRAFTING, REVIEW_OUTCOMES
from app.services.permissions import Actor, Permission, require
from app.services.vocabulary import (
    AuditAction,
    CheckFinding,
    DeadlineState,
    DocStatus,
    ReviewOutcome,
    ReviewStatus,
    Step,
)
from app.services.workcalendar import WorkCalendar

SUBJECT_TYPES = {
    "normative": "行政规范性文件",
    "major_decision": "重大行政决策",
    "contract": "行政合同",
    "enforcement": "重大执法决定",
}
# The default checklists; each office may change its own in 设置 (review.materials.*).
MATERIALS = {
    t: settings.items(settings.RULES[f"review.materials.{t}"].default) for t in SUBJECT_TYPES
}
FAIR_COMPETITION_MATERIAL = "公平竞争审查结论"


@dataclass(frozen=True)
class CheckItem:
    """A point of the review, worded as a question the way the law asks it; `lawful` is the
    answer (是 True, 否 False) of a draft that is lawful on this point. A check's `passed`
    records whether the draft is lawful on it, so the answer follows from both."""

    question: str  # stored as ReviewCheck.item
    lawful: bool

    def answer(self, passed: bool | None) -> str:
        if passed is None:
            return CheckFinding.NOT_APPLICABLE.label
        return "是" if passed == self.lawful else "否"


CHECKS = (
    CheckItem("制定主体是否合法", True),
    CheckItem("是否超越法定职权", False),
    CheckItem("是否与上位法和国家政策相抵触", False),
    CheckItem("是否违法设定许可、处罚、强制、收费等事项", False),
    CheckItem("是否违法减损公民、法人和其他组织合法权益或增加其义务", False),
    CheckItem("是否违法增加本机关权力或减少法定职责", False),
    CheckItem("是否含有排除、限制公平竞争的内容", False),
    CheckItem("是否履行法定程序", True),
)
CHECK_ITEMS = tuple(c.question for c in CHECKS)
_CHECKS_BY_QUESTION = {c.question: c for c in CHECKS}


def check_answer(item: str, passed: bool | None) -> str:
    """The finding on `item` as its wording asks for it: a question (是否超越法定职权) is
    answered 是 or 否; an item not on the list (none is recorded today) 符合 or 不符合."""
    check = _CHECKS_BY_QUESTION.get(item)
    if check is not None:
        return check.answer(passed)
    return CheckFinding.of(passed).label


def finding_choices(item: str) -> tuple[tuple[str, CheckFinding], ...]:
    """The findings a clerk may record on `item`, each labelled as the item's wording answers:
    lawful first, then at fault, then not applicable."""
    return tuple(
        (check_answer(item, passed), CheckFinding.of(passed)) for passed in (True, False, None)
    )


STATUS_LABELS: dict[str, str] = ReviewStatus.labels()
OPINION_SERIES = "review-opinion"
# The drafting stages from which a document may go to legality review.
REVIEWABLE_STATUSES = (
    DocStatus.DRAFT,
    DocStatus.ASSESSMENT,
    DocStatus.PUBLIC_COMMENT,
    DocStatus.FAIR_COMPETITION,
    DocStatus.LEGALITY_REVIEW,
)


@dataclass
class ReviewIntake:
    subject_type: str
    title: str
    received: date
    reviewer: str
    materials_present: list[str]
    submitting_unit: str = ""
    document_id: int | None = None
    drafter_opinion: str = ""
    return_note: str = ""


def get(s: Session, case_id: int) -> ReviewCase:
    return rows.get(s, ReviewCase, case_id, "审核案件")


def required_materials(s: Session, subject_type: str, document_id: int | None) -> list[str]:
    items = settings.items(settings.get(s, f"review.materials.{subject_type}"))
    if document_id is not None and documents.get(s, document_id).market_related:
        items.append(FAIR_COMPETITION_MATERIAL)
    return items


def materials(case: ReviewCase) -> list[dict]:
    return json.loads(case.materials)


def missing_materials(case: ReviewCase) -> list[str]:
    return [m["item"] for m in materials(case) if not m["present"]]


def _set_materials(case: ReviewCase, required: list[str], present: list[str]) -> None:
    unknown = set(present) - set(required)
    if unknown:
        raise UserError(
            f"送审材料：“{'、'.join(sorted(unknown))}”不在材料清单中。", field="送审材料"
        )
    case.materials = json.dumps(
        [{"item": m, "present": m in present} for m in required], ensure_ascii=False
    )


def _check_intake(s: Session, data: ReviewIntake) -> None:
    if data.subject_type not in SUBJECT_TYPES:
        raise UserError(
            f"审核对象类型：应为{'、'.join(SUBJECT_TYPES.values())}之一。", field="审核对象类型"
        )
    if not data.title.strip():
        raise UserError("审核事项名称：不能为空。", field="审核事项名称")
    if not data.reviewer.strip():
        raise UserError("承办审核人：不能为空。", field="承办审核人")
    if data.received > clock.today():
        raise UserError(f"收到日期：{data.received} 晚于今天。", field="收到日期")
    if data.subject_type == "normative" and data.document_id is None:
        raise UserError("关联文件：行政规范性文件的审核必须关联登记簿中的文件。", field="关联文件")
    if data.document_id is not None:
        doc = documents.get(s, data.document_id)
        if doc.status not in DRAFTING or doc.status == DocStatus.DELIBERATION:
            raise UserError(
                f"关联文件：《{doc.title}》已处于“{doc.status}”阶段，不能再送合法性审核。",
                field="关联文件",
            )


def intake(s: Session, actor: Actor, data: ReviewIntake) -> ReviewCase:
    """受理: complete materials start the clock; incomplete ones are returned with a note."""
    require(actor, Permission.REVIEW)
    _check_intake(s, data)
    case = ReviewCase(
        subject_type=data.subject_type,
        document_id=data.document_id,
        title=data.title.strip(),
        submitting_unit=data.submitting_unit.strip(),
        received=data.received,
        reviewer=data.reviewer.strip(),
        drafter_opinion=data.drafter_opinion.strip(),
        min_days=settings.get(s, "review.min_workdays"),
        max_days=settings.get(s, "review.max_workdays"),
        created_at=clock.now(),
    )
    _set_materials(
        case, required_materials(s, data.subject_type, data.document_id), data.materials_present
    )
    missing = missing_materials(case)
    if missing:
        case.status = ReviewStatus.RETURNED
        case.return_note = data.return_note.strip() or f"请补充：{'、'.join(missing)}。"
    else:
        case.status, case.complete_on = ReviewStatus.IN_REVIEW, data.received
    s.add(case)
    s.flush()
    summary = "受理" if not missing else "退回补充材料"
    audit.record(
        s,
        actor,
        AuditAction.REVIEW_INTAKE,
        case,
        summary=f"{summary}：{case.title}",
        new={"status": case.status, "missing": missing, "received": data.received},
    )
    return case


class ReviewAction(StrEnum):
    """What may be done to a case next (next_actions): the services' guard and the form's
    buttons."""

    CHECKS = "checks"  # record the points of the check list
    RESUBMIT = "resubmit"
    PAUSE = "pause"
    RESUME = "resume"
    EXTEND = "extend"
    CONCLUDE = "conclude"
    CONFIRM = "confirm"  # confirm the changes a 修改后合法 conclusion asked for
    PRINT = "print"  # the opinion (意见书)


def next_actions(case: ReviewCase) -> frozenset[ReviewAction]:
    """What the case's state allows now (the actor's rights are checked apart)."""
    running = case.status in (ReviewStatus.IN_REVIEW, ReviewStatus.PAUSED)
    allowed = {
        ReviewAction.CHECKS: running,
        ReviewAction.RESUBMIT: case.status == ReviewStatus.RETURNED,
        ReviewAction.PAUSE: case.status == ReviewStatus.IN_REVIEW,
        ReviewAction.RESUME: case.status == ReviewStatus.PAUSED,
        ReviewAction.EXTEND: running and not case.extension_days,
        ReviewAction.CONCLUDE: case.status == ReviewStatus.IN_REVIEW,
        ReviewAction.CONFIRM: case.outcome == ReviewOutcome.LAWFUL_IF_CHANGED
        and case.changes_confirmed_on is None,
        ReviewAction.PRINT: case.status == ReviewStatus.CONCLUDED,
    }
    return frozenset(action for action, yes in allowed.items() if yes)


def _require(case: ReviewCase, action: ReviewAction, refusal: str) -> None:
    if action not in next_actions(case):
        raise UserError(refusal)


def resubmit(s: Session, actor: Actor, case_id: int, day: date, present: list[str]) -> ReviewCase:
    """Materials supplemented after a return: complete ones start the clock on `day`."""
    require(actor, Permission.REVIEW)
    case = get(s, case_id)
    _require(case, ReviewAction.RESUBMIT, "补充材料：只有退回补充的案件才能重新受理。")
    required = [m["item"] for m in materials(case)]
    _set_materials(case, required, present)
    missing = missing_materials(case)
    if missing:
        case.return_note = f"请补充：{'、'.join(missing)}。"
    else:
        case.status, case.complete_on = ReviewStatus.IN_REVIEW, day
    audit.record(
        s,
        actor,
        AuditAction.REVIEW_RESUBMIT,
        case,
        summary=f"补充材料：{case.title}",
        new={"missing": missing, "day": day},
    )
    return case


def pause(s: Session, actor: Actor, case_id: int, day: date, note: str) -> None:
    """The drafting unit is asked for more material during the review: the clock stops."""
    require(actor, Permission.REVIEW)
    case = _in_review(s, case_id)
    _require(case, ReviewAction.PAUSE, "中止计时：该案件已在补充材料中，请等材料补齐后恢复计时。")
    if not note.strip():
        raise UserError("补充说明：必须写明需要补充的内容。", field="补充说明")
    case.pauses.append(ReviewPause(paused_on=day, note=note.strip()))
    case.status = ReviewStatus.PAUSED
    audit.record(
        s,
        actor,
        AuditAction.REVIEW_PAUSE,
        case,
        summary=f"中止计时：{note.strip()}",
        new={"day": day},
    )


def resume(s: Session, actor: Actor, case_id: int, day: date) -> None:
    require(actor, Permission.REVIEW)
    case = get(s, case_id)
    _require(case, ReviewAction.RESUME, "恢复计时：该案件没有处于补充材料状态。")
    open_pause = case.pauses[-1]
    if day < open_pause.paused_on:
        raise UserError("恢复日期：不能早于中止日期。", field="恢复日期")
    open_pause.resumed_on = day
    case.status = ReviewStatus.IN_REVIEW
    audit.record(s, actor, AuditAction.REVIEW_RESUME, case, summary="恢复计时", new={"day": day})


def extend(s: Session, actor: Actor, case_id: int, days: int, reason: str) -> None:
    """One extension, with a reason."""
    require(actor, Permission.REVIEW)
    case = _in_review(s, case_id)
    _require(case, ReviewAction.EXTEND, "延长审核期限：每件只能延长一次。")
    if days <= 0:
        raise UserError("延长天数：必须大于 0。", field="延长天数")
    if not reason.strip():
        raise UserError("延长理由：必须填写。", field="延长理由")
    case.extension_days, case.extension_reason = days, reason.strip()
    audit.record(
        s,
        actor,
        AuditAction.REVIEW_EXTEND,
        case,
        summary=f"延长 {days} 个工作日：{reason.strip()}",
        new={"days": days, "reason": reason.strip()},
    )


def record_check(
    s: Session,
    actor: Actor,
    case_id: int,
    item: str,
    passed: bool | None,
    note: str = "",
    day: date | None = None,
) -> ReviewCheck:
    """One point of the review with its finding (None: not applicable); a later finding on the
    same point replaces the earlier one."""
    require(actor, Permission.REVIEW)
    case = _in_review(s, case_id)
    if item not in CHECK_ITEMS:
        raise UserError(f"审查事项：“{item}”不在审查清单中。", field="审查事项")
    if passed is False and not note.strip():
        raise UserError(f"审查意见：“{item}”存在问题时必须写明问题。", field="审查意见")
    for old in [c for c in case.checks if c.item == item]:
        case.checks.remove(old)
    check = ReviewCheck(
        item=item,
        passed=passed,
        note=note.strip(),
        checked_by=actor.name,
        checked_on=day or clock.today(),
    )
    case.checks.append(check)
    s.flush()
    audit.record(
        s,
        actor,
        AuditAction.REVIEW_CHECK,
        case,
        summary=f"审查：{item}",
        new={"item": item, "passed": passed, "note": note},
    )
    return check


def _in_review(s: Session, case_id: int) -> ReviewCase:
    case = get(s, case_id)
    if case.status == ReviewStatus.CONCLUDED:
        raise UserError(f"审核案件“{case.title}”已办结。")
    if case.status == ReviewStatus.RETURNED:
        raise UserError(f"审核案件“{case.title}”材料不全，尚未开始审核。")
    return case


def conclude(
    s: Session,
    actor: Actor,
    case_id: int,
    outcome: str,
    day: date,
    opinion: str,
    required_changes: str = "",
) -> ReviewCase:
    """办结: every point checked, the outcome given, an opinion number allocated; a linked
    document gets its 合法性审核 step in the same transaction."""
    require(actor, Permission.REVIEW)
    case = _in_review(s, case_id)
    _require(case, ReviewAction.CONCLUDE, "办结：补充材料期间不能办结，请先恢复计时。")
    if outcome not in REVIEW_OUTCOMES:
        raise UserError(f"审核结论：应为“{'”“'.join(REVIEW_OUTCOMES)}”之一。", field="审核结论")
    unchecked = [item for item in CHECK_ITEMS if item not in {c.item for c in case.checks}]
    if unchecked:
        raise UserError(f"办结：尚有审查事项未记录：{'；'.join(unchecked)}。")
    if outcome == ReviewOutcome.LAWFUL_IF_CHANGED and not required_changes.strip():
        raise UserError("修改意见：结论为“修改后合法”时必须写明需要修改的内容。", field="修改意见")
    if not opinion.strip():
        raise UserError("审核意见：不能为空。", field="审核意见")
    if case.complete_on and day < case.complete_on:
        raise UserError("办结日期：不能早于材料齐全日期。", field="办结日期")
    case.outcome, case.opinion, case.required_changes = (
        outcome,
        opinion.strip(),
        required_changes.strip(),
    )
    case.concluded_on, case.status = day, ReviewStatus.CONCLUDED
    template = settings.get(s, "review.opinion_template")
    case.opinion_number = numbering.allocate_series(s, OPINION_SERIES, template, day.year)
    if case.document_id is not None:
        documents.record_step(
            s,
            actor,
            case.document_id,
            Step.LEGALITY_REVIEW,
            day,
            outcome=outcome,
            note=case.opinion_number,
        )
    audit.record(
        s,
        actor,
        AuditAction.REVIEW_CONCLUDE,
        case,
        summary=f"办结：{case.title}（{outcome}）",
        new={"outcome": outcome, "number": case.opinion_number, "day": day},
    )
    return case


def confirm_changes(s: Session, actor: Actor, case_id: int, day: date) -> None:
    """The drafting unit made the required changes: the document may go to deliberation."""
    require(actor, Permission.REVIEW)
    case = get(s, case_id)
    if ReviewAction.CONFIRM not in next_actions(case):
        raise UserError(
            f"确认修改：已于 {case.changes_confirmed_on} 确认。"
            if case.changes_confirmed_on
            else "确认修改：只有结论为“修改后合法”的案件需要确认修改。"
        )
    case.changes_confirmed_on = day
    if case.document_id is not None:
        documents.confirm_review_changes(s, actor, case.document_id, day)
    audit.record(
        s,
        actor,
        AuditAction.REVIEW_CONFIRM,
        case,
        summary=f"确认已按意见修改：{case.title}",
        new={"day": day},
    )


@dataclass(frozen=True)
class ReviewDue:
    earliest: date | None  # minimum period ends
    due: date | None  # maximum period (plus extension and pauses) ends
    days_left: int | None  # working days from today to due
    state: ReviewStatus | DeadlineState  # returned / paused, else where the deadline stands
    explanation: str
    warnings: list[str] = field(default_factory=list)
    # computed through a year without a holiday notice (workcalendar.Period.provisional)
    due_provisional: bool = False
    earliest_provisional: bool = False


DUE_SOON_WORKDAYS = 3


def due(case: ReviewCase, cal: WorkCalendar, today: date) -> ReviewDue:
    """Review deadlines counted in working days from complete intake, pauses not counted."""
    if case.complete_on is None:
        return ReviewDue(
            None, None, None, ReviewStatus.RETURNED, "材料不全，尚未起算", cal.warnings()
        )
    paused = sum(cal.workdays_between(p.paused_on, p.resumed_on or today) for p in case.pauses)
    start = case.complete_on
    due_day = cal.add_workdays(start, case.max_days + case.extension_days + paused)
    earliest = cal.add_workdays(start, case.min_days)
    # a working-day period consults every day after its start: pauses lie within it
    marks = {
        "due_provisional": cal.any_provisional(start + timedelta(days=1), due_day),
        "earliest_provisional": case.min_days > 0
        and cal.any_provisional(start + timedelta(days=1), earliest),
    }
    explanation = (
        f"自 {start} 材料齐全次日起算 {case.max_days} 个工作日"
        + (f"，延长 {case.extension_days} 个工作日" if case.extension_days else "")
        + (f"，补充材料 {paused} 个工作日不计入" if paused else "")
        + "（法定节假日依国务院办公厅安排及本单位日历）"
    )
    state: ReviewStatus | DeadlineState
    if case.concluded_on:
        state = (
            DeadlineState.DONE_ON_TIME if case.concluded_on <= due_day else DeadlineState.DONE_LATE
        )
        return ReviewDue(earliest, due_day, None, state, explanation, cal.warnings(), **marks)
    left = cal.workdays_between(today, due_day)
    if case.status == ReviewStatus.PAUSED:
        state = ReviewStatus.PAUSED
    elif today > due_day:
        state = DeadlineState.OVERDUE
    elif left <= DUE_SOON_WORKDAYS:
        state = DeadlineState.DUE_SOON
    else:
        state = DeadlineState.UPCOMING
    return ReviewDue(earliest, due_day, left, state, explanation, cal.warnings(), **marks)


def list_cases(s: Session, include_concluded: bool = True) -> list[ReviewCase]:
    query = select(ReviewCase).order_by(ReviewCase.received.desc(), ReviewCase.id.desc())
    if not include_concluded:
        query = query.where(ReviewCase.status != ReviewStatus.CONCLUDED)
    return list(s.scalars(query))


STATE_LABELS = {
    ReviewStatus.RETURNED: ReviewStatus.RETURNED.label,
    ReviewStatus.PAUSED: ReviewStatus.PAUSED.label,
    DeadlineState.UPCOMING: ReviewStatus.IN_REVIEW.label,
    DeadlineState.DUE_SOON: DeadlineState.DUE_SOON.label,
    DeadlineState.OVERDUE: "已超期",
    DeadlineState.DONE_ON_TIME: "按期办结",
    DeadlineState.DONE_LATE: "超期办结",
}


@dataclass(frozen=True)
class LedgerRow:
    case_id: int
    opinion_number: str
    subject_label: str
    title: str
    submitting_unit: str
    received: date
    complete_on: date | None
    due: date | None
    concluded_on: date | None
    reviewer: str
    outcome: str
    state_label: str
    due_provisional: bool = False


@dataclass(frozen=True)
class Ledger:
    title: str
    subtitle: str
    header: str
    rows: list[LedgerRow]


def ledger(s: Session, cal: WorkCalendar, today: date, year: int | None = None) -> Ledger:
    """审核台账: every case received in the year (or ever), in order of receipt."""
    from app.services.catalogs import office_name

    query = select(ReviewCase).order_by(ReviewCase.received, ReviewCase.id)
    if year is not None:
        query = query.where(
            ReviewCase.received >= date(year, 1, 1), ReviewCase.received <= date(year, 12, 31)
        )
    rows = []
    for case in s.scalars(query):
        d = due(case, cal, today)
        rows.append(
            LedgerRow(
                case.id,
                case.opinion_number or "",
                SUBJECT_TYPES[case.subject_type],
                case.title,
                case.submitting_unit,
                case.received,
                case.complete_on,
                d.due,
                case.concluded_on,
                case.reviewer,
                case.outcome,
                STATE_LABELS[d.state],
                d.due_provisional,
            )
        )
    title = f"{year}年度合法性审核台账" if year else "合法性审核台账"
    return Ledger(title, "", office_name(s), rows)
