"""备案情况未录入: documents imported from a historical ledger that gave no filing. They are not
counted as overdue one by one; one reminder counts them until the clerk records their filings,
one by one or in bulk (issue 21). A filing recorded here goes through filing.record_filed, which
clears the mark once every recipient's filing is on record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from app.errors import UserError
from app.models import Document, Filing, Issuer
from app.services import audit, documents, filing
from app.services.lifecycle import DRAFTING
from app.services.permissions import Actor, Permission, require
from app.services.vocabulary import AuditAction
from app.services.workcalendar import WorkCalendar

REMINDER = filing.UNRECORDED


def _marked() -> Select[int]:
    return (
        select(Document.id)
        .where(Document.filing_unrecorded.is_(True), Document.published.is_not(None))
        .where(Document.status.not_in(DRAFTING))
    )


def unrecorded_ids(s: Session) -> list[int]:
    return list(s.scalars(_marked().order_by(Document.published, Document.id)))


def unrecorded_count(s: Session) -> int:
    return s.scalar(select(func.count()).select_from(_marked().subquery())) or 0


def recipients(s: Session) -> list[str]:
    """The recipients the marked documents go to, for the bulk form's choice."""
    levels = set(
        s.scalars(
            select(Issuer.level)
            .join(Document, Document.issuer_id == Issuer.id)
            .where(Document.id.in_(_marked()))
            .distinct()
        )
    )
    all_rules = filing.rules(s)
    found = [
        r.recipient
        for level in sorted(levels)
        for r in all_rules.get(level, all_rules["department"])
    ]
    return list(dict.fromkeys(found))


def reminder(s: Session) -> str | None:
    """The one dashboard line for them all, or None when there are none."""
    count = unrecorded_count(s)
    if not count:
        return None
    return (
        f"{REMINDER}：{count} 件从历史台账导入的文件没有报送备案记录，"
        "请批量登记其报送日期和备案机关（未登记前不计入逾期未报）。"
    )


def record_historical(
    s: Session,
    actor: Actor,
    doc_id: int,
    recipient: str,
    filed_on: date,
    result: str = "",
    cal: WorkCalendar | None = None,
    note: str = "历史备案情况补录",
    all_rules: dict[str, list[filing.FilingRule]] | None = None,
) -> Filing:
    """A filing of the past entered afterwards, through the filing service: the full package is
    taken as sent, no new report number is drawn, the result is dated the day it was sent.
    `all_rules`: filing.rules(s), read once by a caller recording many."""
    f = filing.record_filed(
        s, actor, doc_id, recipient, filed_on, list(filing.PACKAGE), False, all_rules
    )
    if result:
        f = filing.record_result(s, actor, f.id, result, filed_on, note, cal=cal)
    return f


@dataclass(frozen=True)
class BulkOutcome:
    recorded: list[int]  # document ids
    still_unrecorded: int


def record_bulk(
    s: Session,
    actor: Actor,
    recipient: str,
    filed_on: date,
    doc_ids: list[int] | None = None,
    result: str = "",
    cal: WorkCalendar | None = None,
) -> BulkOutcome:
    """Record one recipient's filing for a set of 未录入 documents (all of them that go to that
    recipient and were not yet filed with it when `doc_ids` is None). All or nothing."""
    require(actor, Permission.REGISTER)
    recipient = recipient.strip()
    if not recipient:
        raise UserError("备案机关：不能为空。", field="备案机关")
    if result and result not in filing.RESULTS:
        raise UserError(f"备案结果：应为“{'”“'.join(filing.RESULTS)}”之一。", field="备案结果")
    all_rules = filing.rules(s)
    marked = set(unrecorded_ids(s))
    if doc_ids is None:
        chosen = [
            i
            for i in sorted(marked)
            if _goes_to(s, all_rules, i, recipient) and not _filed(s, i, recipient)
        ]
        if not chosen:
            raise UserError(f"没有需要向{recipient}补录备案情况的文件。")
    else:
        chosen = list(dict.fromkeys(doc_ids))
        if not chosen:
            raise UserError("文件：请至少选择一件文件。", field="文件")
        for doc_id in chosen:
            doc = documents.get(s, doc_id)
            if doc_id not in marked:
                raise UserError(
                    f"《{doc.title}》不是“{REMINDER}”的文件，请在该文件的备案记录中登记。"
                )
    for doc_id in chosen:
        record_historical(
            s, actor, doc_id, recipient, filed_on, result, cal, "历史备案情况批量补录", all_rules
        )
    audit.record(
        s,
        actor,
        AuditAction.FILING_BULK,
        audit.Subject.of(Filing),
        summary=f"批量补录向{recipient}报送备案 {len(chosen)} 件",
        new={"recipient": recipient, "filed_on": filed_on, "documents": chosen, "result": result},
    )
    s.flush()
    return BulkOutcome(chosen, unrecorded_count(s))


def _goes_to(
    s: Session, all_rules: dict[str, list[filing.FilingRule]], doc_id: int, recipient: str
) -> bool:
    doc = documents.get(s, doc_id)
    return any(r.recipient == recipient for r in filing.doc_rules(all_rules, doc))


def _filed(s: Session, doc_id: int, recipient: str) -> bool:
    f = s.scalar(select(Filing).where(Filing.document_id == doc_id, Filing.recipient == recipient))
    return f is not None and f.filed_on is not None
