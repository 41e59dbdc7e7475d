"""Cleanup (清理): a regular full cleanup every two years and special ones when a higher-level
law changes. A batch's scope is previewed, confirmed, decided document by document (saved part
done and resumed), then applied in one transaction (domain.md, Cleanup)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from app import clock
from app.errors import UserError
from app.models import CleanupBatch, CleanupItem, Document, Issuer, UpperLawChange
from app.services import audit, documents, fields, issuer_names, lifecycle, rows, settings
from app.services.lifecycle import IN_FORCE
from app.services.permissions import Actor, Permission, require
from app.services.validity import add_years
from app.services.vocabulary import AuditAction, CleanupDecision, CleanupKind, CleanupStatus

KINDS: dict[str, str] = CleanupKind.labels()
DECISIONS: dict[str, str] = CleanupDecision.labels()
UNDECIDED = "未定"  # a document of the batch with no decision yet


@dataclass(frozen=True)
class Scope:
    issuer_codes: list[str]
    document_ids: list[int]
    covers_all: bool = True  # every issuing body with documents in force is in it

    @property
    def kinds(self) -> dict[str, str]:
        """The kinds a batch of this scope may be: a regular cleanup covers every issuing body's
        documents in force; a cleanup of some bodies only is a special one for them."""
        return KINDS if self.covers_all else {CleanupKind.SPECIAL: CleanupKind.SPECIAL.label}


def _issuers_in_force(s: Session, day: date) -> set[str]:
    query = (
        select(Issuer.code)
        .join(Document, Document.issuer_id == Issuer.id)
        .where(lifecycle.in_force_clause(day))
        .distinct()
    )
    return set(s.scalars(query))


def covers_all(s: Session, issuer_codes: list[str], day: date) -> bool:
    """No issuer chosen (all of them), or every issuer with a document in force on `day`."""
    return not issuer_codes or _issuers_in_force(s, day) <= set(issuer_codes)


def scope(s: Session, issuer_codes: list[str]) -> Scope:
    """Exactly the documents a batch would cover: those in force of the chosen issuers (all if none)."""
    query = (
        select(Document.id)
        .join(Issuer, Issuer.id == Document.issuer_id)
        .where(lifecycle.in_force_clause(clock.today()))
    )
    if issuer_codes:
        known = set(s.scalars(select(Issuer.code).where(Issuer.code.in_(issuer_codes))))
        unknown = sorted(set(issuer_codes) - known)
        if unknown:
            raise UserError(
                f"清理范围：制定机关代码“{'、'.join(unknown)}”不存在。", field="清理范围"
            )
        query = query.where(Issuer.code.in_(issuer_codes))
    return Scope(
        sorted(issuer_codes),
        list(s.scalars(query.order_by(Issuer.code, Document.published, Document.id))),
        covers_all(s, issuer_codes, clock.today()),
    )


def get(s: Session, batch_id: int) -> CleanupBatch:
    return rows.get(s, CleanupBatch, batch_id, "清理批次")


def create_batch(
    s: Session,
    actor: Actor,
    kind: str,
    title: str,
    issuer_codes: list[str],
    reason: str = "",
    day: date | None = None,
) -> CleanupBatch:
    """Confirm a previewed scope: the batch takes every document in force in it, undecided."""
    require(actor, Permission.REGISTER)
    if kind not in KINDS:
        raise UserError(f"清理类型：应为{'或'.join(KINDS.values())}。", field="清理类型")
    if not title.strip():
        raise UserError("清理名称：不能为空。", field="清理名称")
    if kind == CleanupKind.SPECIAL and not reason.strip():
        raise UserError("清理依据：专项清理必须写明原因，例如上位法的修改。", field="清理依据")
    if s.scalar(select(CleanupBatch.id).where(CleanupBatch.status == CleanupStatus.OPEN)):
        raise UserError("已有尚未完成的清理批次，请先完成或删除该批次。")
    found = scope(s, issuer_codes)
    if not found.document_ids:
        raise UserError("清理范围内没有现行有效的文件。")
    if kind not in found.kinds:
        names = s.scalars(select(Issuer.name).where(Issuer.code.in_(found.issuer_codes)))
        raise UserError(
            f"清理类型：定期清理应当覆盖全部制定机关现行有效的文件；只清理"
            f"{'、'.join(names)}的文件的，为专项清理。",
            field="清理类型",
        )
    return _add_batch(
        s, actor, kind, title.strip(), reason.strip(), found.issuer_codes, found.document_ids, day
    )


def _add_batch(
    s: Session,
    actor: Actor,
    kind: str,
    title: str,
    reason: str,
    codes: list[str],
    document_ids: list[int],
    day: date | None,
    noted: dict[str, object] | None = None,
) -> CleanupBatch:
    """The batch of these documents, undecided, with its audit record (and `noted` in it)."""
    batch = CleanupBatch(
        kind=kind,
        title=title,
        reason=reason,
        scope_issuers=json.dumps(codes),
        created_on=day or clock.today(),
        created_by=actor.name,
    )
    batch.items = [CleanupItem(document_id=doc_id) for doc_id in dict.fromkeys(document_ids)]
    s.add(batch)
    s.flush()
    audit.record(
        s,
        actor,
        AuditAction.CLEANUP_CREATE,
        batch,
        summary=f"创建{KINDS[kind]}：{batch.title}",
        new={"documents": len(batch.items), "issuers": codes, **(noted or {})},
    )
    return batch


def create_special_for(
    s: Session,
    actor: Actor,
    title: str,
    reason: str,
    document_ids: list[int],
    day: date | None = None,
) -> CleanupBatch:
    """A special cleanup of exactly these documents (those citing a changed upper-level law),
    each of which must be in force."""
    require(actor, Permission.REGISTER)
    if s.scalar(select(CleanupBatch.id).where(CleanupBatch.status == CleanupStatus.OPEN)):
        raise UserError("已有尚未完成的清理批次，请先完成或删除该批次，再开启专项清理。")
    in_force = set(
        s.scalars(
            select(Document.id).where(
                Document.id.in_(document_ids), lifecycle.in_force_clause(clock.today())
            )
        )
    )
    if not document_ids or in_force != set(document_ids):
        raise UserError("清理范围：只能包括现行有效的文件。", field="清理范围")
    codes = sorted(
        set(
            s.scalars(
                select(Issuer.code)
                .join(Document, Document.issuer_id == Issuer.id)
                .where(Document.id.in_(document_ids))
            )
        )
    )
    reason = fields.text(reason, "清理依据").strip()
    title = fields.text(title, "清理名称").strip()
    return _add_batch(
        s, actor, CleanupKind.SPECIAL, title, reason, codes, document_ids, day, {"reason": reason}
    )


class BatchAction(StrEnum):
    DECIDE = "decide"  # record or change conclusions
    DELETE = "delete"
    APPLY = "apply"  # carry out every conclusion at once


def next_actions(batch: CleanupBatch) -> frozenset[BatchAction]:
    """What a cleanup batch allows now: the services' guard and the batch window's buttons."""
    if batch.status != CleanupStatus.OPEN:
        return frozenset()
    decided = all(item.decision for item in batch.items)
    return frozenset(
        {BatchAction.DECIDE, BatchAction.DELETE} | ({BatchAction.APPLY} if decided else set())
    )


def _open(s: Session, batch_id: int) -> CleanupBatch:
    batch = get(s, batch_id)
    if BatchAction.DECIDE not in next_actions(batch):
        raise UserError(f"清理批次“{batch.title}”已于 {batch.applied_on} 实施，不能再修改。")
    return batch


def decide(
    s: Session,
    actor: Actor,
    batch_id: int,
    document_id: int,
    decision: str,
    reason: str = "",
    amending_document_id: int | None = None,
) -> CleanupItem:
    """Record one document's decision; saved at once, so a batch can be resumed later."""
    require(actor, Permission.REGISTER)
    batch = _open(s, batch_id)
    item = next((i for i in batch.items if i.document_id == document_id), None)
    if item is None:
        raise UserError(f"文件 {document_id} 不在本次清理范围内。")
    if decision not in DECISIONS:
        raise UserError(f"清理结论：应为{'、'.join(DECISIONS.values())}之一。", field="清理结论")
    if decision != CleanupDecision.CONTINUE and not reason.strip():
        raise UserError(
            f"清理理由：结论为“{DECISIONS[decision]}”时必须写明理由。", field="清理理由"
        )
    if amending_document_id is not None:
        if decision != CleanupDecision.AMEND:
            raise UserError("修改文件：只有结论为“修改”时才能关联修改文件。", field="修改文件")
        documents.get(s, amending_document_id)
    item.decision, item.reason, item.amending_document_id = (
        decision,
        reason.strip(),
        amending_document_id,
    )
    item.decided_by, item.decided_at = actor.name, clock.now()
    audit.record(
        s,
        actor,
        AuditAction.CLEANUP_DECIDE,
        audit.Subject.of(Document, document_id),
        summary=f"清理结论：{DECISIONS[decision]}",
        new={"batch": batch.id, "decision": decision, "reason": reason.strip()},
    )
    return item


def delete_batch(s: Session, actor: Actor, batch_id: int) -> None:
    require(actor, Permission.REGISTER)
    batch = _open(s, batch_id)
    # a special cleanup opened for an upper-law change: the change is pending again
    for change in s.scalars(select(UpperLawChange).where(UpperLawChange.batch_id == batch_id)):
        change.batch_id = None
    s.flush()
    s.delete(batch)
    audit.record(
        s, actor, AuditAction.CLEANUP_DELETE, batch, summary=f"删除未实施的清理批次：{batch.title}"
    )


def apply(s: Session, actor: Actor, batch_id: int, day: date) -> CleanupBatch:
    """Carry out every decision at once: status changes, links to amending documents, audit."""
    require(actor, Permission.REGISTER)
    batch = _open(s, batch_id)
    if BatchAction.APPLY not in next_actions(batch):
        undecided = [i for i in batch.items if not i.decision]
        raise UserError(f"还有 {len(undecided)} 件文件没有清理结论，不能实施。")
    for item in batch.items:
        _check_decision_still_holds(item, day)
    for item in batch.items:
        _apply_item(s, actor, batch, item, day)
    batch.status, batch.applied_on, batch.applied_by = CleanupStatus.APPLIED, day, actor.name
    audit.record(
        s,
        actor,
        AuditAction.CLEANUP_APPLY,
        batch,
        summary=f"实施{KINDS[batch.kind]}：{batch.title}",
        new={"decisions": summary(batch)},
    )
    return batch


def _check_decision_still_holds(item: CleanupItem, day: date) -> None:
    """A decision must agree with what was recorded since the batch was opened: a retirement
    dated ahead admits only the same retirement, and a document the batch keeps (继续有效, 修改)
    must still be in force on the day it is applied, or the result catalogs would contradict the
    register."""
    doc = item.document
    decision = CleanupDecision(item.decision)
    ahead = lifecycle.scheduled(doc.status, doc.status_changed, doc.valid_until, day)
    if ahead is not None and decision.retires_as != ahead.status:
        raise UserError(
            f"《{doc.title}》{ahead.note}，清理结论不能为“{decision.label}”，请修改该文件的清理结论。"
        )
    if (
        decision in (CleanupDecision.CONTINUE, CleanupDecision.AMEND)
        and lifecycle.status_of(doc, day) not in IN_FORCE
    ):
        shown = lifecycle.status_text(doc, day)
        raise UserError(
            f"《{doc.title}》在 {day} 已为“{shown}”，清理结论不能为“{decision.label}”，"
            f"请改为“{CleanupDecision.EXPIRED.label}”或相应结论。"
        )


def _apply_item(
    s: Session, actor: Actor, batch: CleanupBatch, item: CleanupItem, day: date
) -> None:
    reason = f"{batch.title}：{item.reason}".rstrip("：")
    doc = documents.get(s, item.document_id)
    if doc.status not in IN_FORCE or lifecycle.status_of(doc, day) not in IN_FORCE:
        return  # lapsed or retired since the batch was opened: nothing left to change
    decision = CleanupDecision(item.decision)
    status = decision.retires_as
    if status is None:
        return  # 继续有效
    if decision != CleanupDecision.AMEND:
        documents.retire(s, actor, item.document_id, status, day, reason)
    elif item.amending_document_id is not None:
        documents.retire(s, actor, item.document_id, status, day, reason, item.amending_document_id)


def summary(batch: CleanupBatch) -> dict[str, int]:
    counts = {label: 0 for label in DECISIONS.values()}
    counts[UNDECIDED] = 0
    for item in batch.items:
        counts[DECISIONS.get(item.decision, UNDECIDED)] += 1
    return counts


def next_regular_due(s: Session) -> tuple[date, str]:
    """When the next regular cleanup is due, counted from the last one applied that covered every
    issuing body's documents in force (one of some bodies only does not meet the duty)."""
    years = settings.get(s, "cleanup.interval_years")
    last = next((b.applied_on for b in _applied_regular(s) if _covered_all(s, b)), None)
    if last is None:
        return clock.today(), f"尚未开展过覆盖全部制定机关的定期清理（每 {years} 年开展一次）"
    return add_years(last, years), f"上次定期清理于 {last} 完成，每 {years} 年开展一次"


def _applied_regular(s: Session) -> list[CleanupBatch]:
    query = select(CleanupBatch).where(
        CleanupBatch.kind == CleanupKind.REGULAR, CleanupBatch.applied_on.is_not(None)
    )
    return list(s.scalars(query.order_by(CleanupBatch.applied_on.desc(), CleanupBatch.id.desc())))


def _covered_all(s: Session, batch: CleanupBatch) -> bool:
    """A batch of an older version could be regular with some bodies only: it counts only if
    they were every body with documents in force when it was opened."""
    return covers_all(s, json.loads(batch.scope_issuers or "[]"), batch.created_on)


def list_batches(s: Session) -> list[CleanupBatch]:
    return list(
        s.scalars(
            select(CleanupBatch).order_by(CleanupBatch.created_on.desc(), CleanupBatch.id.desc())
        )
    )


PARTS = {
    "continue": ("继续有效的规范性文件目录", (CleanupDecision.CONTINUE, CleanupDecision.AMEND)),
    "retired": (
        "废止和宣布失效的规范性文件目录",
        (CleanupDecision.REPEAL, CleanupDecision.DECLARE_INVALID, CleanupDecision.EXPIRED),
    ),
}


@dataclass(frozen=True)
class ResultRow:
    document_id: int
    title: str
    doc_number: str
    reg_number: str
    issuer_name: str
    published: date | None
    valid_until: date | None
    decision: str
    reason: str


@dataclass(frozen=True)
class ResultCatalog:
    title: str
    subtitle: str
    header: str
    rows: list[ResultRow]


def result_catalog(s: Session, batch_id: int, part: str) -> ResultCatalog:
    """清理结果目录: the continuing documents, or the repealed and invalidated ones. The
    继续有效目录 lists only documents in force on the day the batch was applied (today for one
    not yet applied): not one retired by its own 修改 decision, nor one whose retirement was
    recorded afterwards with an earlier date."""
    from app.services.catalogs import office_name

    if part not in PARTS:
        raise UserError(
            f"目录类型：应为{'或'.join(title for title, _ in PARTS.values())}。", field="目录类型"
        )
    batch = get(s, batch_id)
    title, decisions = PARTS[part]
    day = batch.applied_on or clock.today()
    names = issuer_names.NameBook(s)
    rows = [
        ResultRow(
            i.document.id,
            i.document.title,
            i.document.doc_number or "",
            i.document.reg_number or "",
            names.of_document(i.document).name,
            i.document.published,
            i.document.valid_until,
            DECISIONS[i.decision],
            i.reason,
        )
        for i in batch.items
        if i.decision in decisions
        and (part != "continue" or lifecycle.status_of(i.document, day) in IN_FORCE)
    ]
    state = (
        CleanupStatus.APPLIED.label
        if batch.status == CleanupStatus.APPLIED
        else f"{CleanupStatus.OPEN.label}，结论为拟定"
    )
    return ResultCatalog(title, f"{batch.title}（{state}）", office_name(s), rows)


@dataclass(frozen=True)
class ItemRow:
    document_id: int
    title: str
    issuer_name: str
    published: date | None
    valid_until: date | None
    decision: str
    reason: str
    amending_id: int | None
    amending_title: str | None


def items(s: Session, batch_id: int, undecided_only: bool = False) -> list[ItemRow]:
    """A batch's documents with their decisions, in scope order, in one query."""
    amending = aliased(Document)
    query = (
        select(
            CleanupItem.document_id,
            Document.title,
            Issuer.name,
            Document.published,
            Document.valid_until,
            CleanupItem.decision,
            CleanupItem.reason,
            CleanupItem.amending_document_id,
            amending.title,
        )
        .join(Document, Document.id == CleanupItem.document_id)
        .join(Issuer, Issuer.id == Document.issuer_id)
        .outerjoin(amending, amending.id == CleanupItem.amending_document_id)
        .where(CleanupItem.batch_id == batch_id)
        .order_by(CleanupItem.id)
    )
    if undecided_only:
        query = query.where(CleanupItem.decision == "")
    return [ItemRow(*r) for r in s.execute(query)]
