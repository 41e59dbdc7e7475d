"""The life of a document: statuses, procedure steps, and which step each step requires."""

from __future__ import annotations

from dataclasses import dataclass

from app.models import Document

STATUS_LABELS: dict[str, str] = {
    "draft": "起草",
    "assessment": "评估论证",
    "public_comment": "公开征求意见",
    "fair_competition": "公平竞争审查",
    "legality_review": "合法性审核",
    "deliberation": "集体审议",
    "published": "已公布",
    "in_force": "有效",
    "amended": "已修改",
    "repealed": "废止",
    "declared_invalid": "宣布失效",
    "expired": "失效",
}
STATUS_CODES: dict[str, str] = {label: code for code, label in STATUS_LABELS.items()}
IN_FORCE = ("published", "in_force")
RETIRED = ("amended", "repealed", "declared_invalid", "expired")
DRAFTING = (
    "draft",
    "assessment",
    "public_comment",
    "fair_competition",
    "legality_review",
    "deliberation",
)

# Procedure steps in their order; recording a step moves the document to the status of that name.
STEP_LABELS: dict[str, str] = {
    "draft": "起草",
    "assessment": "评估论证",
    "public_comment": "公开征求意见",
    "fair_competition": "公平竞争审查",
    "legality_review": "合法性审核",
    "deliberation": "集体审议",
    "publication": "公布",
}
STEP_ORDER = tuple(STEP_LABELS)
REVIEW_OUTCOMES = ("合法", "修改后合法", "不合法")
REVIEW_PASSING = ("合法", "修改后合法")
FAIR_COMPETITION_OUTCOMES = ("符合", "不符合")


@dataclass(frozen=True)
class Requirement:
    step: str
    reason: str


def required_steps(doc: Document) -> list[Requirement]:
    """The steps this document must go through, given its flags (domain.md, life of a document)."""
    needs = [Requirement("draft", "所有文件")]
    if doc.important:
        needs.append(Requirement("assessment", "重要文件应当评估论证"))
    if doc.important or doc.public_facing:
        needs.append(Requirement("public_comment", "涉及公众权益的文件应当公开征求意见"))
    if doc.market_related:
        needs.append(
            Requirement("fair_competition", "涉及经营主体经济活动的文件应当进行公平竞争审查")
        )
    needs.append(Requirement("legality_review", "所有文件应当经过合法性审核"))
    needs.append(Requirement("deliberation", "所有文件应当经集体审议"))
    needs.append(Requirement("publication", "经公布方可施行"))
    return needs


def status_label(code: str) -> str:
    return STATUS_LABELS.get(code, code)
