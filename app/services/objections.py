"""Objections (异议 / 建议审查): a citizen's or organisation's request to review a document,
answered within a period (default 30 days) counted from receipt."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.errors import UserError
from app.models import Objection
from app.services import audit, documents, rows, settings
from app.services.lifecycle import DRAFTING
from app.services.permissions import Actor, Permission, require
from app.services.vocabulary import AuditAction, ObjectionOutcome
from app.services.workcalendar import Period, WorkCalendar

OUTCOMES: tuple[ObjectionOutcome, ...] = tuple(ObjectionOutcome)


def get(s: Session, objection_id: int) -> Objection:
    return rows.get(s, Objection, objection_id, "审查建议")


def register(
    s: Session,
    actor: Actor,
    doc_id: int,
    received: date,
    requester: str,
    grounds: str,
    handler: str = "",
) -> Objection:
    require(actor, Permission.REGISTER)
    doc = documents.get(s, doc_id)
    if not requester.strip():
        raise UserError("建议人：不能为空。", field="建议人")
    if not grounds.strip():
        raise UserError("审查建议理由：不能为空。", field="审查建议理由")
    if received > clock.today():
        raise UserError(f"收到日期：{received} 晚于今天。", field="收到日期")
    if doc.published is None or doc.status in DRAFTING:
        raise UserError(f"《{doc.title}》尚未公布，不能登记审查建议。")
    if received < doc.published:
        raise UserError(f"收到日期：不能早于文件的公布日期 {doc.published}。", field="收到日期")
    objection = Objection(
        document_id=doc.id,
        received=received,
        requester=requester.strip(),
        grounds=grounds.strip(),
        handler=handler.strip(),
        reply_days=settings.get(s, "objection.reply_days"),
        created_at=clock.now(),
    )
    s.add(objection)
    s.flush()
    audit.record(
        s,
        actor,
        AuditAction.OBJECTION,
        objection,
        summary=f"登记审查建议：《{doc.title}》",
        new={"requester": requester, "received": received},
    )
    return objection


def reply(
    s: Session, actor: Actor, objection_id: int, day: date, text: str, outcome: str
) -> Objection:
    require(actor, Permission.REGISTER)
    objection = get(s, objection_id)
    if objection.replied_on:
        raise UserError(f"该审查建议已于 {objection.replied_on} 答复。")
    if outcome not in OUTCOMES:
        raise UserError(f"处理结果：应为“{'”“'.join(OUTCOMES)}”之一。", field="处理结果")
    if not text.strip():
        raise UserError("答复内容：不能为空。", field="答复内容")
    if day < objection.received:
        raise UserError("答复日期：不能早于收到日期。", field="答复日期")
    objection.reply, objection.replied_on, objection.outcome = text.strip(), day, outcome
    audit.record(
        s,
        actor,
        AuditAction.OBJECTION_REPLY,
        objection,
        summary=f"答复审查建议：{outcome}",
        new={"replied_on": day, "outcome": outcome},
    )
    return objection


def reply_due(objection: Objection, cal: WorkCalendar) -> date:
    return reply_period(objection, cal).end


def reply_period(objection: Objection, cal: WorkCalendar) -> Period:
    """reply_due, marked provisional when computed from a year without a notice."""
    return cal.period(objection.received, objection.reply_days)


def list_objections(s: Session, open_only: bool = False) -> list[Objection]:
    query = select(Objection).order_by(Objection.received.desc(), Objection.id.desc())
    if open_only:
        query = query.where(Objection.replied_on.is_(None))
    return list(s.scalars(query))
