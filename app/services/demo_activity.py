"""The demo office's casework over the last two years, through the services themselves: filing
findings (纠正, 撤销, 不予备案) and their corrections, citizens' objections in every state, the
regular cleanup of every issuer's documents and an open special cleanup."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from app.models import CleanupBatch, CleanupItem, Document
from app.services import audit, cleanup, filing, lifecycle, objections, workcalendar
from app.services.demo_office import CITY, clerk
from app.services.permissions import Actor
from app.services.vocabulary import (
    AuditAction,
    CleanupDecision,
    CleanupKind,
    CleanupStatus,
    DocStatus,
    FilingAnswer,
    ObjectionOutcome,
)

CLEANUP_CHUNK = 5000


@dataclass(frozen=True)
class Finding:
    """What a filing body answered on one document's filing, as the clerk recorded it."""

    document_id: int
    plan: str  # corrected / accepted / refused / revoked / open
    filed_on: date
    heard: date  # the body's first answer


_PLANS = {  # by year: this year's last finding is still within its correction period
    "previous": ("corrected", "accepted", "refused", "revoked"),
    "current": ("corrected", "refused", "open"),
}


def pick_findings(
    rows: list[dict[str, Any]], departments: set[int], today: date
) -> dict[int, Finding]:
    """Department documents of the previous and the current year, still in force, whose filing
    drew a finding: spread over the year, those early enough for their plan's dates to have come."""
    picked: dict[int, Finding] = {}
    for key, year in (("previous", today.year - 1), ("current", today.year)):
        fits = [
            r
            for r in rows
            if r["issuer_id"] in departments
            and r["status"] == DocStatus.PUBLISHED
            and r["published"]
            and r["published"].year == year
            and (today - r["published"]).days >= 12
        ]
        plans = _PLANS[key]
        step = max(1, len(fits) // len(plans))
        for plan, row in zip(plans, fits[::step], strict=False):
            filed = row["published"] + timedelta(days=3)
            heard = filed + timedelta(days=10)
            if plan == "revoked":  # a revoked document had come into force
                heard = max(heard, row["effective"] + timedelta(days=5))
            if plan != "open" and (today - heard).days < 20:
                plan = "open"  # too recent to have been dealt with
            if plan == "open":  # still within its correction period, not overdue
                heard = max(heard, today - timedelta(days=10))
            picked[row["id"]] = Finding(row["id"], plan, filed, min(heard, today))
    return picked


def record_findings(
    s: Session, actor: Actor, filings: dict[int, int], found: dict[int, Finding], today: date
) -> None:
    """Each picked filing's answers and corrections, dated after its filing and before today."""
    cal = workcalendar.load(s)
    for doc_id, filing_id in filings.items():
        f = found[doc_id]
        heard = f.heard
        if f.plan == "refused":
            filing.record_result(
                s,
                actor,
                filing_id,
                FilingAnswer.REJECTED,
                heard,
                "该文件属于内部管理事项，不属于行政规范性文件，不予备案。",
            )
            continue
        if f.plan == "revoked":
            filing.record_result(
                s,
                actor,
                filing_id,
                FilingAnswer.REVOKED,
                heard,
                "该文件违法设定行政许可事项，经审查予以撤销。",
            )
            continue
        filing.record_result(
            s,
            actor,
            filing_id,
            FilingAnswer.CORRECT,
            heard,
            "第五条增设的证明材料缺乏法律依据，限期纠正。",
            cal=cal,
        )
        if f.plan == "open":
            continue
        fixed = min(heard + timedelta(days=14), today)
        filing.record_corrected(s, actor, filing_id, fixed, "已删除相关条款并报送纠正情况")
        if f.plan == "accepted":
            filing.record_result(
                s, actor, filing_id, FilingAnswer.ACCEPTED, min(fixed + timedelta(days=5), today)
            )


_OBJECTIONS = (  # (days before today it came, days it took to answer or None, outcome, requester)
    (400, 21, ObjectionOutcome.UPHELD, "{city}某商贸有限公司"),
    (200, 18, ObjectionOutcome.UPHELD, "王某某"),
    (120, 25, ObjectionOutcome.CORRECT, "{city}某物业服务有限公司"),
    (90, 12, ObjectionOutcome.NOT_ADMITTED, "李某某"),
    (70, 38, ObjectionOutcome.UPHELD, "{city}律师协会"),
    (20, None, "", "张某某"),
    (8, None, "", "{city}某餐饮管理有限公司"),
)
_GROUNDS = "认为该文件第{n}条增加了申请人的义务，缺乏上位法依据，请求予以审查。"
_REPLIES: dict[str, str] = {
    ObjectionOutcome.UPHELD: "经审查，该文件相关规定有上位法依据，程序合法，予以维持。",
    ObjectionOutcome.CORRECT: "经审查，建议成立，已责成制定机关修改相关条款。",
    ObjectionOutcome.NOT_ADMITTED: "所提事项不属于规范性文件审查范围，不予受理，已告知建议人。",
}


def record_objections(s: Session, actor: Actor, rows: list[dict[str, Any]], today: date) -> None:
    """Requests to review documents in force: answered in time, late, still open."""
    since = today - timedelta(days=3 * 365)
    in_force = [
        r
        for r in rows
        if r["status"] == DocStatus.PUBLISHED and r["published"] and r["published"] >= since
    ]
    for n, (ago, took, outcome, requester) in enumerate(_OBJECTIONS):
        received = today - timedelta(days=ago)
        row = _first_fit(in_force, n * 7919, received)
        if row is None:
            continue
        objection = objections.register(
            s,
            actor,
            row["id"],
            received,
            requester.format(city=CITY),
            _GROUNDS.format(n=n + 3),
            clerk(n),
        )
        if took is not None:
            objections.reply(
                s, actor, objection.id, received + timedelta(days=took), _REPLIES[outcome], outcome
            )


def _first_fit(rows: list[dict[str, Any]], start: int, received: date) -> dict[str, Any] | None:
    """From the `start`-th row on (round the list), one published a month before `received` and
    in force that day."""
    for k in range(len(rows)):
        row = rows[(start + k) % len(rows)]
        if (
            row["published"] + timedelta(days=30) <= received
            and lifecycle.status_of(_Dates(row), received) in lifecycle.IN_FORCE
        ):
            return row
    return None


class _Dates:
    """A row read as a Document for the lifecycle's questions."""

    def __init__(self, row: dict[str, Any]) -> None:
        self.status, self.status_changed = row["status"], row["status_changed"]
        self.effective, self.valid_until = row["effective"], row["valid_until"]


_DECISION_OF: dict[str, CleanupDecision] = {
    DocStatus.REPEALED: CleanupDecision.REPEAL,
    DocStatus.DECLARED_INVALID: CleanupDecision.DECLARE_INVALID,
    DocStatus.AMENDED: CleanupDecision.AMEND,
}
_REASONS: dict[str, str] = {
    CleanupDecision.REPEAL: "已被新文件替代，予以废止",
    CleanupDecision.DECLARE_INVALID: "调整对象已消失，宣布失效",
    CleanupDecision.AMEND: "部分条款与新修订的上位法不一致，予以修改",
    CleanupDecision.EXPIRED: "有效期届满，自然失效",
}


def regular_cleanup(s: Session, actor: Actor, today: date) -> None:
    """Last year's regular cleanup of every issuer's documents in force, decided and applied.
    Its decisions agree with the register: a document retired or lapsing while it ran got that
    decision, the others 继续有效. Items go in by bulk insert (tens of thousands in a large demo);
    the batch is audited as the service audits creating and applying one."""
    year = today.year - 1
    created, applied = date(year, 9, 1), date(year, 11, 20)
    if not s.scalar(select(func.count()).where(lifecycle.in_force_clause(created))):
        return  # nothing was in force to clean up
    batch = CleanupBatch(
        kind=CleanupKind.REGULAR,
        title=f"{year}年度行政规范性文件定期清理",
        reason="",
        scope_issuers="[]",
        created_on=created,
        created_by=actor.name,
        status=CleanupStatus.APPLIED,
        applied_on=applied,
        applied_by=actor.name,
    )
    s.add(batch)
    s.flush()
    query = select(Document.id, Document.status, Document.status_changed, Document.valid_until)
    query = query.where(lifecycle.in_force_clause(created)).order_by(Document.id)
    items, counts = [], {code: 0 for code in cleanup.DECISIONS}
    stamp = datetime.combine(applied - timedelta(days=10), time(15))
    for doc_id, status, changed, until in s.execute(query):
        decision = CleanupDecision.CONTINUE
        if status in _DECISION_OF and changed is not None and changed <= applied:
            decision = _DECISION_OF[status]
        elif until is not None and until < applied:
            decision = CleanupDecision.EXPIRED
        counts[decision] += 1
        items.append(
            {
                "batch_id": batch.id,
                "document_id": doc_id,
                "decision": decision,
                "reason": _REASONS.get(decision, ""),
                "amending_document_id": None,
                "decided_by": clerk(doc_id),
                "decided_at": stamp,
            }
        )
    for start in range(0, len(items), CLEANUP_CHUNK):
        s.execute(insert(CleanupItem.__table__), items[start : start + CLEANUP_CHUNK])
    audit.record(
        s,
        actor,
        AuditAction.CLEANUP_CREATE,
        batch,
        summary=f"创建定期清理：{batch.title}",
        new={"documents": len(items), "issuers": [], "day": created},
    )
    decisions = {cleanup.DECISIONS[code]: n for code, n in counts.items()}
    audit.record(
        s,
        actor,
        AuditAction.CLEANUP_APPLY,
        batch,
        summary=f"实施定期清理：{batch.title}",
        new={"decisions": decisions, "day": applied},
    )


SPECIAL_ISSUER = "SJ"


def special_cleanup(s: Session, actor: Actor, today: date) -> None:
    """This year's special cleanup of one department's documents after a change of the law,
    through the cleanup service: opened, about half decided, not yet applied."""
    day = max(date(today.year, 1, 1), today - timedelta(days=30))
    if not cleanup.scope(s, [SPECIAL_ISSUER]).document_ids:
        return
    batch = cleanup.create_batch(
        s,
        actor,
        "special",
        f"{today.year}年优化营商环境专项清理",
        [SPECIAL_ISSUER],
        "《优化营商环境条例》及本省实施办法施行，清理涉及经营主体的规范性文件",
        day,
    )
    ids = [item.document_id for item in batch.items]
    decided = ids[: min(len(ids) // 2, 40)]
    for n, doc_id in enumerate(decided):
        if n % 5 == 4:
            cleanup.decide(s, actor, batch.id, doc_id, "amend", _REASONS["amend"])
        else:
            cleanup.decide(s, actor, batch.id, doc_id, "continue")


def first_run(s: Session) -> bool:
    """The office-wide casework is made once: a second demo run adds documents only."""
    return not s.scalar(select(func.count()).select_from(CleanupBatch))
