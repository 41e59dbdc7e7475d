"""The demo office's legality reviews (合法性审核): a concluded case behind each recently published
document that was reviewed, and cases of every kind and in every state on the reviewers' desk,
these through the review service itself (its rules, numbers and audit)."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy.orm import Session

from app.models import ReviewCase, ReviewCheck
from app.services import numbering, reviews, settings
from app.services.demo_office import CITY, REVIEWERS
from app.services.permissions import Actor
from app.services.reviews import CHECK_ITEMS, ReviewIntake
from app.services.vocabulary import ReviewOutcome, ReviewStatus, Step

RECENT_DAYS = 365  # published documents reviewed this long ago get their case on record
MAX_CASES = 150  # ... the newest of them, so a 100,000-document demo stays quick
DESK_DRAFTS = 6  # drafts submitted for review, of those not reviewed yet
OPINION = "经审核，该文件制定主体适格，未超越法定职权，内容与上位法不相抵触，程序符合规定，同意按程序提请审议。"
CHANGES = "第{n}条关于申请条件的表述不够明确，建议修改后提请审议。"
# the opinion of a case concluded 修改后合法 says so, as its letter prints it beside the changes
OPINION_IF_CHANGED = (
    "经审核，该文件制定主体适格，程序符合规定；第{n}条减损了申请人的权益，"
    "按修改意见修改后，同意按程序提请审议。"
)


def concluded_cases(
    s: Session, rows: list[dict[str, Any]], steps: list[dict[str, Any]], today: date
) -> int:
    """A concluded case for the newest documents whose legality review falls in the last year:
    its opinion number goes to the document's review step. Returns the number of cases."""
    by_id = {row["id"]: row for row in rows}
    recent = sorted(
        (
            st
            for st in steps
            if st["step"] == Step.LEGALITY_REVIEW and (today - st["done_on"]).days <= RECENT_DAYS
        ),
        key=lambda st: (st["done_on"], st["document_id"]),
    )[-MAX_CASES:]
    if not recent:
        return 0
    template = settings.get(s, "review.opinion_template")
    limits = settings.get(s, "review.min_workdays"), settings.get(s, "review.max_workdays")
    base = settings.items(settings.get(s, "review.materials.normative"))
    book = numbering.Allocations(s)
    for n, step in enumerate(recent):
        row = by_id[step["document_id"]]
        step["note"] = book.series(reviews.OPINION_SERIES, template, step["done_on"].year)
        s.add(_case(row, step, n, limits, base))
    book.write({})
    s.flush()
    return len(recent)


def _case(
    row: dict[str, Any], step: dict[str, Any], n: int, limits: tuple[int, int], base: list[str]
) -> ReviewCase:
    day, changed = step["done_on"], step["outcome"] == ReviewOutcome.LAWFUL_IF_CHANGED
    received = day - timedelta(days=8 + n % 12)
    reviewer = REVIEWERS[n % len(REVIEWERS)]
    required = base + ([reviews.FAIR_COMPETITION_MATERIAL] if row["market_related"] else [])
    case = ReviewCase(
        subject_type="normative",
        document_id=row["id"],
        title=row["title"],
        submitting_unit=row["drafting_unit"],
        received=received,
        complete_on=received,
        reviewer=reviewer,
        status=ReviewStatus.CONCLUDED,
        min_days=limits[0],
        max_days=limits[1],
        materials=json.dumps([{"item": m, "present": True} for m in required], ensure_ascii=False),
        outcome=step["outcome"],
        opinion=OPINION_IF_CHANGED.format(n=3 + n % 5) if changed else OPINION,
        concluded_on=day,
        required_changes=CHANGES.format(n=3 + n % 5) if changed else "",
        changes_confirmed_on=step["confirmed_on"],
        opinion_number=step["note"],
        created_at=datetime.combine(received, time(9, 30)),
    )
    for item in CHECK_ITEMS:
        flawed = changed and item == CHECK_ITEMS[4]
        case.checks.append(
            ReviewCheck(
                item=item,
                passed=not flawed,
                note=CHANGES.format(n=3 + n % 5) if flawed else "",
                checked_by=reviewer,
                checked_on=day - timedelta(days=1),
            )
        )
    return case


# The cases on the desk: (subject, title, submitting unit); the service decides their states.
_DESK = {
    "major_decision": ("{city}中心城区停车服务收费标准调整方案", "{city}发展和改革局"),
    "contract": ("{city}生活垃圾焚烧发电项目特许经营协议", "{city}城市管理局"),
    "enforcement": ("对{city}某建材有限公司超标排放的行政处罚决定", "{city}生态环境局"),
    "paused": ("{city}城区学校布局调整规划", "{city}教育局"),
    "returned": ("{city}公共自行车系统运营服务合同", "{city}交通运输局"),
    "extended": ("对{city}某食品有限公司生产不合格食品的行政处罚决定", "{city}市场监督管理局"),
    "unlawful": ("对{city}某物流公司吊销道路运输经营许可证的决定", "{city}交通运输局"),
}


def desk_cases(s: Session, actor: Actor, drafts: list[dict[str, Any]], today: date) -> None:
    """Cases of every subject in every state (退回补充, 审核中, 补充材料中, extended, 已办结 with
    each outcome), received in the last weeks; and a case on a few drafts awaiting review."""

    def intake(kind: str, subject: str, received: date, complete: bool = True) -> ReviewCase:
        title, unit = (text.format(city=CITY) for text in _DESK[kind])
        present = reviews.required_materials(s, subject, None)
        return reviews.intake(
            s,
            actor,
            ReviewIntake(
                subject,
                title,
                received,
                REVIEWERS[len(kind) % 2],
                present if complete else present[:-1],
                submitting_unit=unit,
            ),
        )

    def check_all(case: ReviewCase, day: date, flaw: str = "") -> None:
        for item in CHECK_ITEMS:
            failed = bool(flaw) and item == CHECK_ITEMS[3]
            reviews.record_check(s, actor, case.id, item, not failed, flaw if failed else "", day)

    decided = intake("major_decision", "major_decision", today - timedelta(days=40))
    check_all(decided, today - timedelta(days=30))
    reviews.conclude(
        s, actor, decided.id, ReviewOutcome.LAWFUL, today - timedelta(days=28), OPINION
    )
    contract = intake("contract", "contract", today - timedelta(days=35))
    check_all(contract, today - timedelta(days=25))
    reviews.conclude(
        s,
        actor,
        contract.id,
        ReviewOutcome.LAWFUL_IF_CHANGED,
        today - timedelta(days=22),
        OPINION,
        "第十二条违约责任条款对政府方约定过重，建议按示范文本修改。",
    )
    reviews.confirm_changes(s, actor, contract.id, today - timedelta(days=15))
    unlawful = intake("unlawful", "enforcement", today - timedelta(days=30))
    check_all(unlawful, today - timedelta(days=20), "吊销许可证未依法告知当事人要求听证的权利。")
    reviews.conclude(
        s,
        actor,
        unlawful.id,
        ReviewOutcome.UNLAWFUL,
        today - timedelta(days=18),
        "该决定未履行听证告知程序，不符合法定程序，建议补正程序后重新提请审核。",
    )
    fresh = intake("enforcement", "enforcement", today - timedelta(days=3))
    reviews.record_check(s, actor, fresh.id, CHECK_ITEMS[0], True, "", today)
    paused = intake("paused", "major_decision", today - timedelta(days=16))
    reviews.pause(
        s, actor, paused.id, today - timedelta(days=6), "请补充专家论证意见和风险评估报告。"
    )
    intake("returned", "contract", today - timedelta(days=2), complete=False)
    extended = intake("extended", "enforcement", today - timedelta(days=20))
    reviews.extend(s, actor, extended.id, 10, "案情复杂，需征求市场监管部门技术机构意见。")
    for item in CHECK_ITEMS[:5]:
        reviews.record_check(s, actor, extended.id, item, True, "", today - timedelta(days=5))
    waiting = [r for r in drafts if r["status"] in reviews.REVIEWABLE_STATUSES[:-1]]
    for row in waiting[:DESK_DRAFTS]:
        present = reviews.required_materials(s, "normative", row["id"])
        case = reviews.intake(
            s,
            actor,
            ReviewIntake(
                "normative",
                row["title"],
                today,
                REVIEWERS[row["id"] % 2],
                present,
                submitting_unit=row["drafting_unit"],
                document_id=row["id"],
            ),
        )
        reviews.record_check(s, actor, case.id, CHECK_ITEMS[0], True, "", today)
