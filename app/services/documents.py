"""Documents through their life: drafts, procedure steps with gates, publication with a unified
registration number, registration of already issued documents, amendment and repeal."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import fields as dataclass_fields
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import or_, select, text
from sqlalchemy.orm import Session

from app import clock
from app.errors import UserError
from app.models import Document, DocumentLink, Issuer, ProcedureStep
from app.services import (
    audit,
    docnumber,
    fields,
    issuer_names,
    issuers,
    numbering,
    people,
    rows,
    search_index,
    settings,
    validity,
)
from app.services.lifecycle import (
    DRAFTING,
    FAIR_COMPETITION_OUTCOMES,
    IN_FORCE,
    RETIRED,
    REVIEW_OUTCOMES,
    REVIEW_PASSING,
    STATUS_LABELS,
    STEP_LABELS,
    STEP_ORDER,
    ended_on,
    required_steps,
    scheduled,
    status_label,
    status_of,
)
from app.services.permissions import Actor, Permission, allowed, require
from app.services.vocabulary import (
    AuditAction,
    DocField,
    DocStatus,
    FairCompetitionOutcome,
    ReviewOutcome,
    Step,
)

TITLE_MAX = fields.length(Document.title)
EFFECT_WARNING_DAYS = 30


@dataclass
class DocumentInput:
    issuer_code: str
    title: str
    doc_number: str | None = None
    reg_number: str | None = None
    published: date | None = None
    effective: date | None = None
    valid_until: date | None = None
    issued: date | None = None  # 印发日期
    signed: date | None = None  # 签署日期
    term_reason: str | None = None  # needed when valid_until exceeds the longest term
    drafting_unit: str = ""
    keywords: str = ""
    summary: str = ""
    remarks: str = ""
    important: bool = False
    public_facing: bool = False
    business_related: bool = False
    market_related: bool = False
    # set by a ledger import only: the row gave no filing (备案情况未录入); never edited in a form
    filing_unrecorded: bool | None = None
    # 公布载体 of a published document (publication_channel); None leaves it as it is on an edit
    channel: str | None = None


_PLAIN_FIELDS = (
    "title",
    "drafting_unit",
    "keywords",
    "summary",
    "remarks",
    "important",
    "public_facing",
    "business_related",
    "market_related",
)
AUDITED = (
    *_PLAIN_FIELDS,
    "doc_number",
    "reg_number",
    "published",
    "effective",
    "valid_until",
    "issued",
    "signed",
    "term_reason",
    "status",
)


def get(s: Session, doc_id: int) -> Document:
    return rows.get(s, Document, doc_id, "文件编号")


def _snapshot(doc: Document) -> dict[str, Any]:
    return {name: getattr(doc, name) for name in AUDITED} | {"issuer": doc.issuer.code}


def _changes(old: dict[str, Any], new: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    keys = [k for k in new if old.get(k) != new[k]]
    return {k: old.get(k) for k in keys}, {k: new[k] for k in keys}


# The text fields of DocumentInput with their columns; labels as the forms show them.
_TEXT = {
    "issuer_code": (Issuer.code, DocField.ISSUER.label),
    "title": (Document.title, DocField.TITLE.label),
    "doc_number": (None, DocField.DOC_NUMBER.label),  # its length is checked once normalised
    "reg_number": (None, "登记编号"),  # likewise
    "drafting_unit": (Document.drafting_unit, DocField.DRAFTING_UNIT.label),
    "keywords": (Document.keywords, DocField.KEYWORDS.label),
    "summary": (Document.summary, DocField.SUMMARY.label),
    "remarks": (Document.remarks, DocField.REMARKS.label),
}


def clean_text(data: DocumentInput) -> None:
    """Every text field stripped and checked (fields.text); the registration number in its
    stored form (numbering.canonical). UserError naming the first field that is not right."""
    for name, (column, label) in _TEXT.items():
        value = getattr(data, name)
        if value is not None:
            setattr(data, name, fields.text(value, label, column))
    if not data.title:
        raise UserError("文件名称：不能为空。", field="文件名称")
    if data.reg_number:
        data.reg_number = numbering.canonical(data.reg_number)
        fields.check_length(data.reg_number, "登记编号", Document.reg_number)


def _check_doc_number(
    s: Session,
    issuer: Issuer,
    text: str | None,
    doc_id: int | None,
    allow_abbr: bool,
    kept: str | None = None,
    day: date | None = None,
) -> str | None:
    """The 发文字号 normalised; refused if a document of any issuer holds it, AbbrNotConfirmed if
    its abbreviation is not the one the issuer had on `day` (the publication date) unless
    `allow_abbr` or it is `kept` (already saved so for this issuer: confirmed then)."""
    text = fields.text(text, "发文字号")
    if not text:
        return None
    normalized = docnumber.normalize(text)
    fields.check_length(normalized, "发文字号", Document.doc_number)
    lock_doc_numbers(s)
    clashes = s.scalars(
        select(Document).where(Document.doc_number == normalized, Document.id != (doc_id or 0))
    ).all()
    refuse_doc_number_held(
        normalized, issuer.id, [(d.issuer_id, d.issuer.name, d.title) for d in clashes]
    )
    if not allow_abbr and normalized != kept:
        docnumber.check_abbr(normalized, *issuer_names.name_on(s, issuer, day))
    return normalized


_DOC_NUMBER_LOCK = 7_230_003  # PostgreSQL advisory lock serialising writers of 发文字号


def lock_doc_numbers(s: Session) -> None:
    """Make a clerk saving a 发文字号 at this moment wait until this transaction ends: no unique
    index spans issuers, so the check that another issuer's document holds it must see the
    other's commit. Taken before any number sequence's lock and the audit chain's. SQLite: the
    write transaction began IMMEDIATE, so it already excludes other writers."""
    if s.get_bind().dialect.name == "postgresql":
        s.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _DOC_NUMBER_LOCK})


def refuse_doc_number_held(
    number: str, issuer_id: int, holders: Sequence[tuple[int, str, str]]
) -> None:
    """UserError if a document holds the 发文字号 `number`: one of the issuer's own, or one of
    another issuer's (a 发文字号 names one document of one body). `holders`: (issuer id, issuer
    name, title) of the documents holding it."""
    for holder_id, _, title in holders:
        if holder_id == issuer_id:
            raise UserError(f"发文字号“{number}”已被本机关的文件《{title}》使用。")
    for _, name, title in holders:
        raise UserError(
            f"发文字号“{number}”已被制定机关“{name}”的文件《{title}》使用，"
            "不同机关的文件不能使用同一个发文字号。"
        )


def check_dates(
    published: date | None,
    effective: date | None,
    valid_until: date | None,
    issued: date | None = None,
    signed: date | None = None,
) -> None:
    for day, label in ((published, "公布日期"), (issued, "印发日期"), (signed, "签署日期")):
        if day and day > clock.today():
            raise UserError(f"{label}：{day} 晚于今天，请核对。", field=label)
    if published and effective and effective < published:
        raise UserError("施行日期：不能早于公布日期。", field="施行日期")
    start = effective or published
    if start and valid_until and valid_until <= start:
        raise UserError("有效期至：必须晚于施行日期（或公布日期）。", field="有效期至")


def _apply_plain(doc: Document, data: DocumentInput) -> None:
    for name in _PLAIN_FIELDS:
        setattr(doc, name, getattr(data, name))


def _new_document(issuer: Issuer, data: DocumentInput, status: str) -> Document:
    now = clock.now()
    doc = Document(
        issuer=issuer, status=status, created_at=now, updated_at=now, status_changed=clock.today()
    )
    _apply_plain(doc, data)
    return doc


def _add_step(
    s: Session, doc: Document, actor: Actor, step: str, done_on: date, **extra: Any
) -> ProcedureStep:
    record = ProcedureStep(document=doc, step=step, done_on=done_on, actor=actor.name, **extra)
    s.add(record)
    return record


def create_draft(s: Session, actor: Actor, data: DocumentInput) -> Document:
    """Open a new document in 起草."""
    require(actor, Permission.REGISTER)
    clean_text(data)
    issuer = issuers.by_code(s, data.issuer_code)
    issuers.refuse_if_ended(s, issuer, None)
    doc = _new_document(issuer, data, DocStatus.DRAFT)
    s.add(doc)
    _add_step(s, doc, actor, Step.DRAFT, clock.today(), note="新建草稿")
    s.flush()
    search_index.reindex(s, doc)
    audit.record(
        s, actor, AuditAction.CREATE, doc, summary=f"新建草稿《{doc.title}》", new=_snapshot(doc)
    )
    return doc


def _set_publication(
    s: Session,
    doc: Document,
    published: date,
    effective: date | None,
    valid_until: date | None,
    term_reason: str | None,
) -> None:
    doc.published = published
    doc.effective = effective or published
    _set_term(s, doc, valid_until, term_reason)
    # 有效 from the effective date, 失效 after 有效期至: lifecycle.status_on
    doc.status = DocStatus.PUBLISHED


def _set_term(s: Session, doc: Document, valid_until: date | None, reason: str | None) -> None:
    """有效期至 as given (its reason checked against the longest term) or by the default term."""
    terms = validity.DefaultTerms.load(s)
    doc.term_reason = terms.reason_to_keep(
        doc.title, doc.published, doc.effective, valid_until, reason
    )
    start = terms.start_of(doc.published, doc.effective)
    doc.valid_until = valid_until or (terms.valid_until(doc.title, start) if start else None)


def update_document(
    s: Session,
    actor: Actor,
    doc_id: int,
    data: DocumentInput,
    expected_version: int,
    *,
    allow_abbr: bool = False,
) -> Document:
    """Save edits; refused if someone else saved a newer version in between. A 发文字号 changed
    (or moved to another issuer) whose abbreviation is not the issuer's raises
    docnumber.AbbrNotConfirmed unless `allow_abbr` (the clerk has confirmed)."""
    require(actor, Permission.REGISTER)
    clean_text(data)
    # The row lock (PostgreSQL; SQLite's write transaction already excludes other writers) makes
    # a clerk saving at the same moment wait here and then see the version the other one saved.
    doc = get(s, doc_id)
    s.refresh(doc, with_for_update={"of": Document})
    if doc.version != expected_version:
        raise UserError(_conflict_message(doc, data))
    before = _snapshot(doc)
    issuer = issuers.by_code(s, data.issuer_code)
    if issuer.id != doc.issuer_id and doc.reg_number:
        raise UserError(
            "制定机关：已有登记编号的文件不能更换制定机关；如确有错误，请先作废编号。",
            field="制定机关",
        )
    if issuer.id != doc.issuer_id:
        issuers.refuse_if_ended(s, issuer, data.published)
    if numbering.number_key(data.reg_number or "") != numbering.number_key(doc.reg_number or ""):
        raise UserError("登记编号：不能直接修改；如编号有误，请作废后重新分配。", field="登记编号")
    doc.issuer = issuer
    _apply_plain(doc, data)
    if doc.status not in DRAFTING:
        check_dates(data.published, data.effective, data.valid_until, data.issued, data.signed)
        if data.published is None:
            raise UserError("公布日期：已公布的文件不能清除公布日期。", field="公布日期")
        kept = before["doc_number"] if before["issuer"] == issuer.code else None
        doc.doc_number = _check_doc_number(
            s, issuer, data.doc_number, doc.id, allow_abbr, kept, data.published
        )
        doc.published, doc.effective = data.published, data.effective or data.published
        doc.issued, doc.signed = data.issued, data.signed
        _set_term(s, doc, data.valid_until, data.term_reason)
    before["channel"] = channel_of(doc)
    if data.channel is not None:
        _set_channel(s, actor, doc, data.channel)
    doc.updated_at = clock.now()
    s.flush()
    search_index.reindex(s, doc)
    old, new = _changes(before, _snapshot(doc) | {"channel": channel_of(doc)})
    audit.record(
        s, actor, AuditAction.UPDATE, doc, summary=f"修改文件《{doc.title}》", old=old, new=new
    )
    return doc


def _conflict_message(doc: Document, data: DocumentInput) -> str:
    """Which saved values differ from the ones this clerk is about to save, both shown."""
    from app.services import audit_query  # with the integrity check: not needed at start-up

    current = _snapshot(doc)
    mine = {f.name: getattr(data, f.name) for f in dataclass_fields(data)} | {
        "issuer": data.issuer_code
    }
    differences = []
    for key in ("issuer", *AUDITED):
        if key not in mine or (mine[key] is None and key in _DERIVED):
            continue
        if (current[key] or None) != (mine[key] or None):
            label = audit_query.KEYS.get(key, key)
            differences.append(
                f"{label} 当前为“{audit_query.shown(key, current[key])}”，"
                f"您的修改为“{audit_query.shown(key, mine[key])}”"
            )
    head = f"《{doc.title}》已被其他人修改"
    if not differences:
        return f"{head}（版本 {doc.version}），请刷新后再编辑。"
    return f"{head}：{'；'.join(differences)}。请刷新后再编辑。"


_DERIVED = ("effective", "valid_until")  # left empty, they are computed on saving


def _done(doc: Document, step: str) -> ProcedureStep | None:
    done = [p for p in doc.steps if p.step == step]
    return done[-1] if done else None


def _check_gates(doc: Document, step: str) -> None:
    """Every required step before `step` must be done; a failed legality review blocks."""
    label = STEP_LABELS[step]
    for need in required_steps(doc):
        if STEP_ORDER.index(need.step) >= STEP_ORDER.index(step):
            break
        if _done(doc, need.step) is None:
            raise UserError(
                f"不能进入“{label}”：缺少必经环节“{STEP_LABELS[need.step]}”（{need.reason}）。"
            )
    review = _done(doc, Step.LEGALITY_REVIEW)
    after_review = STEP_ORDER.index(step) > STEP_ORDER.index(Step.LEGALITY_REVIEW)
    if after_review and review is not None and review.outcome not in REVIEW_PASSING:
        raise UserError(
            f"不能进入“{label}”：合法性审核结论为“{review.outcome}”，须修改后重新审核。"
        )
    fair = _done(doc, Step.FAIR_COMPETITION)
    if (
        after_review
        and review is not None
        and review.outcome == ReviewOutcome.LAWFUL_IF_CHANGED
        and not review.confirmed_on
    ):
        raise UserError(f"不能进入“{label}”：合法性审核意见要求修改，修改情况尚未确认。")
    after_fair = STEP_ORDER.index(step) > STEP_ORDER.index(Step.FAIR_COMPETITION)
    if after_fair and fair is not None and fair.outcome == FairCompetitionOutcome.FAILS:
        raise UserError(f"不能进入“{label}”：公平竞争审查结论为“{fair.outcome}”。")


def _check_step_details(
    s: Session, doc: Document, step: str, outcome: str, start: date | None, end: date | None
) -> None:
    if step == Step.LEGALITY_REVIEW and outcome not in REVIEW_OUTCOMES:
        raise UserError(f"审核结论：应为“{'”“'.join(REVIEW_OUTCOMES)}”之一。", field="审核结论")
    if step == Step.FAIR_COMPETITION and outcome not in FAIR_COMPETITION_OUTCOMES:
        raise UserError(
            f"审查结论：应为“{'”“'.join(FAIR_COMPETITION_OUTCOMES)}”之一。", field="审查结论"
        )
    if step == Step.PUBLIC_COMMENT:
        if start is None or end is None:
            raise UserError("征求意见期间：必须填写起止日期。", field="征求意见期间")
        if end < start:
            raise UserError("征求意见期间：结束日期不能早于开始日期。", field="征求意见期间")
        _check_comment_period(s, doc, start, end)


def _check_comment_period(s: Session, doc: Document, start: date, end: date) -> None:
    """At least `comment.min_workdays` working days, both ends counted; for documents closely
    tied to businesses (涉企) at least `comment.business_days` calendar days."""
    if doc.business_related:
        least, days = settings.get(s, "comment.business_days"), (end - start).days + 1
        if days < least:
            raise UserError(
                f"征求意见期间：与企业密切相关的文件，征求意见期限一般不少于 {least} 日"
                f"（现为 {days} 日）。",
                field="征求意见期间",
            )
        return
    from app.services import workcalendar  # the holiday calendars load on first use

    least = settings.get(s, "comment.min_workdays")
    workdays = workcalendar.load(s).workdays_between(start - timedelta(days=1), end)
    if workdays < least:
        raise UserError(
            f"征求意见期间：公开征求意见的期限不少于 {least} 个工作日（现为 {workdays} 个工作日）。",
            field="征求意见期间",
        )


def record_step(
    s: Session,
    actor: Actor,
    doc_id: int,
    step: str,
    done_on: date,
    outcome: str = "",
    note: str = "",
    period_start: date | None = None,
    period_end: date | None = None,
) -> ProcedureStep:
    """Record a drafting-stage step; the rules' required earlier steps must be done first."""
    require(actor, Permission.RECORD_STEPS)
    doc = get(s, doc_id)
    if step not in STEP_LABELS or step in (Step.DRAFT, Step.PUBLICATION):
        raise UserError(f"办理环节：“{step}”不是可记录的环节。", field="办理环节")
    if doc.status not in DRAFTING:
        raise UserError(f"《{doc.title}》已{status_label(doc.status)}，不能再记录起草阶段的环节。")
    if done_on > clock.today():
        raise UserError(f"办理日期：{done_on} 晚于今天。", field="办理日期")
    _check_gates(doc, step)
    outcome = fields.text(outcome, "结果", ProcedureStep.outcome)
    note = fields.text(note, "说明", ProcedureStep.note)
    _check_step_details(s, doc, step, outcome, period_start, period_end)
    before = doc.status
    record = _add_step(
        s,
        doc,
        actor,
        step,
        done_on,
        outcome=outcome,
        note=note,
        period_start=period_start,
        period_end=period_end,
    )
    doc.status = step
    doc.status_changed = done_on
    doc.updated_at = clock.now()
    s.flush()
    audit.record(
        s,
        actor,
        AuditAction.STEP,
        doc,
        summary=f"《{doc.title}》{STEP_LABELS[step]} {outcome}".strip(),
        old={"status": before},
        new={"status": step, "step": step, "outcome": outcome, "done_on": done_on},
    )
    return record


def confirm_review_changes(s: Session, actor: Actor, doc_id: int, day: date) -> None:
    """Record that the changes a 修改后合法 review asked for were made."""
    require(actor, Permission.RECORD_STEPS)
    doc = get(s, doc_id)
    review = _done(doc, Step.LEGALITY_REVIEW)
    if review is None or review.outcome != ReviewOutcome.LAWFUL_IF_CHANGED:
        raise UserError(f"《{doc.title}》没有需要确认修改的合法性审核意见。")
    review.confirmed_on = day
    audit.record(
        s,
        actor,
        AuditAction.CONFIRM_CHANGES,
        doc,
        summary=f"《{doc.title}》已按审核意见修改",
        new={"confirmed_on": day},
    )


def publish(
    s: Session,
    actor: Actor,
    doc_id: int,
    published: date,
    doc_number: str,
    effective: date | None = None,
    valid_until: date | None = None,
    term_reason: str | None = None,
    *,
    allow_abbr: bool = False,
    channel: str = "",
) -> Document:
    """签发/公布: gates checked, 发文字号 validated, registration number allocated in this transaction.
    A 发文字号 whose abbreviation is not the issuer's raises docnumber.AbbrNotConfirmed unless
    `allow_abbr`. `channel` is where it was published (政府公报, 政府网站 …: 公开发布率 counts it)."""
    require(actor, Permission.REGISTER)
    doc = get(s, doc_id)
    if doc.status not in DRAFTING:
        raise UserError(f"《{doc.title}》已{status_label(doc.status)}，不能再次公布。")
    issuers.refuse_if_ended(s, doc.issuer, published)
    _check_gates(doc, Step.PUBLICATION)
    if not doc_number or not doc_number.strip():
        raise UserError("发文字号：公布文件必须填写发文字号。", field="发文字号")
    check_dates(published, effective, valid_until)
    before = _snapshot(doc)
    doc.doc_number = _check_doc_number(s, doc.issuer, doc_number, doc.id, allow_abbr, day=published)
    _set_publication(s, doc, published, effective, valid_until, term_reason)
    doc.reg_number = numbering.allocate(s, doc.issuer, published.year, doc.id)
    doc.status_changed = published
    doc.updated_at = clock.now()
    _add_step(
        s,
        doc,
        actor,
        Step.PUBLICATION,
        published,
        outcome=publication_channel(channel),
        note=f"登记编号 {doc.reg_number}",
    )
    s.flush()
    search_index.reindex(s, doc)
    old, new = _changes(before, _snapshot(doc))
    audit.record(
        s, actor, AuditAction.PUBLISH, doc, summary=f"公布《{doc.title}》", old=old, new=new
    )
    return doc


class NumberAction(StrEnum):
    VOID = "void"  # 作废编号
    ASSIGN = "assign"  # 分配编号: a published document whose number was voided


def number_action(status: str, published: date | None, reg_number: str | None) -> NumberAction:
    """What the register's number button does for a document: assign a number to a published
    one without (its number voided), else void the one it has."""
    if not reg_number and status not in DRAFTING and published is not None:
        return NumberAction.ASSIGN
    return NumberAction.VOID


def may_change_number(
    actor: Actor | None, status: str, published: date | None, reg_number: str | None
) -> bool:
    """Whether the number button can do its action for this actor and document."""
    if number_action(status, published, reg_number) is NumberAction.ASSIGN:
        return allowed(actor, Permission.REGISTER)
    return allowed(actor, Permission.VOID_NUMBER) and bool(reg_number)


def assign_number(s: Session, actor: Actor, doc_id: int) -> Document:
    """A new registration number for a published document whose number was voided (作废后重新
    分配): the next of its issuer's sequence for the year of publication."""
    require(actor, Permission.REGISTER)
    doc = get(s, doc_id)
    if (
        doc.published is None
        or number_action(doc.status, doc.published, doc.reg_number) is not NumberAction.ASSIGN
    ):
        raise UserError(
            f"《{doc.title}》已有登记编号 {doc.reg_number}；如有误，请先作废。"
            if doc.reg_number
            else f"《{doc.title}》尚未公布，公布时自动分配登记编号。"
        )
    issuers.refuse_if_ended(s, doc.issuer, doc.published)
    doc.reg_number = numbering.allocate(s, doc.issuer, doc.published.year, doc.id)
    doc.updated_at = clock.now()
    s.flush()
    search_index.reindex(s, doc)
    audit.record(
        s,
        actor,
        AuditAction.ASSIGN_NUMBER,
        doc,
        summary=f"《{doc.title}》重新分配登记编号 {doc.reg_number}",
        old={"reg_number": None},
        new={"reg_number": doc.reg_number},
    )
    return doc


# Where a document is published (公布载体); a typed one is accepted too. 公开发布率 counts the
# documents whose publication recorded one.
PUBLICATION_CHANNELS = ("本级人民政府公报", "本级人民政府门户网站", "本部门门户网站", "本地报纸")


def publication_channel(text: str | None) -> str:
    """公布载体 as the publication step records it ("" when none was given): the one check for
    the publish step, a registration, an edit and an imported ledger."""
    return fields.text(text, "公布载体", ProcedureStep.outcome)


def channel_of(doc: Document) -> str:
    """The 公布载体 recorded for `doc`, "" if none."""
    step = _done(doc, Step.PUBLICATION)
    return step.outcome if step else ""


def _set_channel(s: Session, actor: Actor, doc: Document, text: str) -> None:
    """A published document's 公布载体 changed on its publication step (a document registered
    before steps were kept gets that step, dated its publication)."""
    if doc.status in DRAFTING or doc.published is None:
        raise UserError(f"公布载体：《{doc.title}》尚未公布。", field="公布载体")
    step = _done(doc, Step.PUBLICATION)
    if step is None:
        step = _add_step(s, doc, actor, Step.PUBLICATION, doc.published)
    step.outcome = publication_channel(text)


RETIRE_NEEDS_SOURCE = {DocStatus.AMENDED: "amends"}
LINK_KINDS: dict[str, str] = {DocStatus.AMENDED: "amends", DocStatus.REPEALED: "repeals"}
RETIRE_ACTIONS: dict[str, AuditAction] = {
    DocStatus.AMENDED: AuditAction.AMENDED,
    DocStatus.REPEALED: AuditAction.REPEALED,
    DocStatus.DECLARED_INVALID: AuditAction.DECLARED_INVALID,
    DocStatus.EXPIRED: AuditAction.EXPIRED,
}


def retire(
    s: Session,
    actor: Actor,
    doc_id: int,
    status: str,
    day: date,
    reason: str,
    by_document_id: int | None = None,
    articles: str = "",
) -> Document:
    """已修改 / 废止 / 宣布失效 / 失效; an amending or repealing document is linked both ways,
    an amendment with the articles it changes (第三条、第五条), when given."""
    require(actor, Permission.REGISTER)
    doc = get(s, doc_id)
    if status not in RETIRED:
        raise UserError(
            f"状态：“{status}”不是终止状态（应为已修改、废止、宣布失效或失效）。", field="状态"
        )
    label = STATUS_LABELS[status]
    reason = fields.text(reason, f"{label}原因")
    ahead = scheduled(doc.status, doc.status_changed, doc.valid_until, clock.today())
    if ahead is not None:
        raise UserError(f"《{doc.title}》已{ahead.note}，不能再{label}。")
    on_day = status_of(doc, day)
    if doc.status not in IN_FORCE or on_day not in IN_FORCE:
        when = "当前" if on_day == status_of(doc, clock.today()) else f"{day} 时"
        raise UserError(
            f"《{doc.title}》{when}为“{status_label(on_day)}”，只有现行有效的文件才能{label}。"
        )
    if status in RETIRE_NEEDS_SOURCE and by_document_id is None:
        raise UserError("修改文件：必须指明修改该文件的新文件。", field="修改文件")
    if status != DocStatus.EXPIRED and not reason.strip() and by_document_id is None:
        raise UserError(f"{label}原因：必须填写。", field=f"{label}原因")
    if doc.published and day < doc.published:
        raise UserError(f"{label}日期：不能早于公布日期 {doc.published}。", field=f"{label}日期")
    articles = fields.text(articles, "修改的条款").strip()
    if articles and status != DocStatus.AMENDED:
        raise UserError("修改的条款：只有“已修改”的文件才记录被修改的条款。", field="修改的条款")
    if len(articles) > ARTICLE_CHARS:
        raise UserError(f"修改的条款：不能超过 {ARTICLE_CHARS} 字。", field="修改的条款")
    if by_document_id is not None:
        _link(s, by_document_id, doc, LINK_KINDS.get(status, "repeals"), day, label, articles)
    before = doc.status
    doc.status, doc.status_changed, doc.updated_at = status, day, clock.now()
    if reason.strip():
        doc.remarks = (
            doc.remarks + "\n" if doc.remarks else ""
        ) + f"{day} {label}：{reason.strip()}"
    s.flush()
    audit.record(
        s,
        actor,
        RETIRE_ACTIONS[status],
        doc,
        summary=f"《{doc.title}》{label}",
        old={"status": before},
        new={"status": status, "day": day, "reason": reason, "by": by_document_id}
        | ({"articles": articles} if articles else {}),
    )
    return doc


ARTICLE_CHARS = 300


def _link(
    s: Session,
    source_id: int,
    target: Document,
    kind: str,
    day: date,
    label: str,
    articles: str = "",
) -> None:
    source = get(s, source_id)
    if source.id == target.id:
        raise UserError("关联文件：不能是文件本身。", field="关联文件")
    if source.status in DRAFTING or source.published is None:
        raise UserError(
            f"关联文件：《{source.title}》尚未公布，不能作为修改或废止依据。", field="关联文件"
        )
    if source.published > day:
        raise UserError(
            f"关联文件：《{source.title}》于 {source.published} 公布，晚于"
            f"{label.removeprefix('已')}日期 {day}，不能作为修改或废止依据。",
            field="关联文件",
        )
    s.add(
        DocumentLink(
            source_id=source.id,
            target_id=target.id,
            kind=kind,
            created_on=day,
            articles=articles or None,  # NULL, not "": a link's seal stays as older ones are
        )
    )


@dataclass(frozen=True)
class LinkView:
    kind_label: str
    other_id: int
    other_title: str
    other_reg_number: str
    articles: str = ""  # an amendment's changed articles


_LINK_LABELS = {
    ("amends", True): "修改了",
    ("amends", False): "被修改",
    ("repeals", True): "废止了",
    ("repeals", False): "被废止",
}


def links(s: Session, doc_id: int) -> list[LinkView]:
    rows = s.scalars(
        select(DocumentLink).where(
            or_(DocumentLink.source_id == doc_id, DocumentLink.target_id == doc_id)
        )
    )
    views = []
    for link in rows:
        outgoing = link.source_id == doc_id
        other = get(s, link.target_id if outgoing else link.source_id)
        views.append(
            LinkView(
                _LINK_LABELS[(link.kind, outgoing)],
                other.id,
                other.title,
                other.reg_number or "",
                link.articles or "",
            )
        )
    return views


@dataclass(frozen=True)
class TimelineEntry:
    step: str
    label: str
    done_on: date | None
    actor: str
    outcome: str
    note: str
    required: bool
    reason: str
    actor_name: str = ""  # the person's name (`actor` is the username recorded)


def timeline(s: Session, doc_id: int) -> list[TimelineEntry]:
    """Every step in order: done ones with their record and, while the document is being drafted,
    required ones still missing with why (a registered older document only shows what was recorded)."""
    doc = get(s, doc_id)
    needed = {r.step: r.reason for r in required_steps(doc)}
    who = people.names(s)
    entries = []
    for step in STEP_ORDER:
        done = [p for p in doc.steps if p.step == step]
        for p in done:
            entries.append(
                TimelineEntry(
                    step,
                    STEP_LABELS[step],
                    p.done_on,
                    p.actor,
                    p.outcome,
                    p.note,
                    step in needed,
                    needed.get(step, ""),
                    who(p.actor),
                )
            )
        if not done and step in needed and doc.status in DRAFTING:
            entries.append(
                TimelineEntry(step, STEP_LABELS[step], None, "", "", "", True, needed[step])
            )
    return entries


def warnings(doc: Document) -> list[str]:
    """Things a clerk should look at, none of them blocking."""
    notes = []
    soon = (
        doc.published
        and doc.effective
        and (doc.effective - doc.published).days < EFFECT_WARNING_DAYS
    )
    if soon and "施行" not in doc.remarks:
        notes.append("公布至施行不足 30 日，且未在备注中说明理由。")
    return notes


def as_dict(
    doc: Document, filing_due: date | None, today: date, filing_due_provisional: bool = False
) -> dict[str, Any]:
    """The JSON shape of a document for the CLI (`doc show --json`) on `today`; `filing_due` is
    the earliest filing deadline (filing.earliest_period), which this module cannot compute
    without a cycle."""
    status = status_of(doc, today)
    ahead = scheduled(doc.status, doc.status_changed, doc.valid_until, today)
    ended = ended_on(doc.status, doc.status_changed, doc.valid_until, today)
    return {
        "id": doc.id,
        "issuer": doc.issuer.code,
        "issuer_name": doc.issuer.name,
        "title": doc.title,
        "doc_number": doc.doc_number,
        "reg_number": doc.reg_number,
        "published": doc.published.isoformat() if doc.published else None,
        "effective": doc.effective.isoformat() if doc.effective else None,
        "valid_until": doc.valid_until.isoformat() if doc.valid_until else None,
        "term_reason": doc.term_reason,
        "issued": doc.issued.isoformat() if doc.issued else None,
        "signed": doc.signed.isoformat() if doc.signed else None,
        "status": status,
        "status_label": status_label(status),
        "ended_on": ended.isoformat() if ended else None,
        "scheduled_status": ahead.status if ahead else None,
        "scheduled_on": ahead.day.isoformat() if ahead else None,
        "filing_due": filing_due.isoformat() if filing_due else None,
        "filing_due_provisional": filing_due_provisional,
        "channel": channel_of(doc) or None,
        "withheld": bool(doc.withheld),  # 不予公开: left out of the publication folder
        "drafting_unit": doc.drafting_unit,
        "keywords": doc.keywords,
        "important": doc.important,
        "public_facing": doc.public_facing,
        "market_related": doc.market_related,
        "business_related": doc.business_related,
        "version": doc.version,
        "warnings": warnings(doc),
    }


def input_from(doc: Document) -> DocumentInput:
    """The editable fields of `doc`, to fill an edit form."""
    values: dict[str, Any] = {
        f.name: getattr(doc, f.name, None)
        for f in dataclass_fields(DocumentInput)
        if f.name not in ("issuer_code", "channel")
    }
    return DocumentInput(issuer_code=doc.issuer.code, **values)
