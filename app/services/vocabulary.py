"""The program's words: each kind of value stored as a code, with its Chinese label written once.

A member is its stored string (StrEnum), so rows, JSON and the command line keep the values they
always had; `.label` is what a clerk reads."""

from __future__ import annotations

from enum import StrEnum


class Labelled(StrEnum):
    """A StrEnum whose members are declared as ("code", "中文"), optionally with more words."""

    label: str

    def __new__(cls, value: str, label: str, *more: str) -> Labelled:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        member._more = more
        return member

    @classmethod
    def labels(cls) -> dict[str, str]:
        return {member.value: member.label for member in cls}

    @classmethod
    def by_label(cls, label: str) -> Labelled | None:
        return next((member for member in cls if member.label == label), None)


class DocStatus(Labelled):
    """A document's status (domain.md, life of a document). The database stores the drafting
    step reached, 已公布, or a retirement; 有效 and 失效 are derived for a day (lifecycle)."""

    DRAFT = "draft", "起草"
    ASSESSMENT = "assessment", "评估论证"
    PUBLIC_COMMENT = "public_comment", "公开征求意见"
    FAIR_COMPETITION = "fair_competition", "公平竞争审查"
    LEGALITY_REVIEW = "legality_review", "合法性审核"
    DELIBERATION = "deliberation", "集体审议"
    PUBLISHED = "published", "已公布"
    IN_FORCE = "in_force", "有效"
    AMENDED = "amended", "已修改"
    REPEALED = "repealed", "废止"
    DECLARED_INVALID = "declared_invalid", "宣布失效"
    EXPIRED = "expired", "失效"


class DocFlag(Labelled):
    """A document's yes/no attributes: the full label, the register filter's short one, and the
    duty it brings (shown beside the box in the document dialog)."""

    IMPORTANT = "important", "重要文件", "重要", "须评估论证"
    PUBLIC_FACING = "public_facing", "涉及公众权益", "涉及公众", "须公开征求意见"
    BUSINESS_RELATED = "business_related", "与企业密切相关", "涉企", ""
    MARKET_RELATED = "market_related", "涉及经营主体经济活动", "涉及市场", "须公平竞争审查"

    @property
    def short(self) -> str:
        return self._more[0]

    @property
    def duty(self) -> str:
        return self._more[1]

    @property
    def with_duty(self) -> str:
        return f"{self.label}（{self.duty}）" if self.duty else self.label


class DeadlineState(Labelled):
    """Where a deadline stands on a day (deadlines.classify). A review case words some of these
    its own way (reviews.STATE_LABELS: 审核中, 已超期, 按期办结)."""

    UPCOMING = "upcoming", "未到期"
    DUE_SOON = "due_soon", "即将到期"
    OVERDUE = "overdue", "已逾期"
    DONE_ON_TIME = "done_on_time", "按期完成"
    DONE_LATE = "done_late", "逾期完成"


class FilingAnswer(Labelled):
    """What the recipient of a filing answered (domain.md, filing). Stored as its Chinese name."""

    ACCEPTED = "予以备案", "予以备案"
    DEFERRED = "暂缓登记", "暂缓登记"  # correct within a deadline
    REJECTED = "不予备案", "不予备案"  # refused for its form
    CORRECT = "纠正", "纠正"  # found unlawful: correct it
    REVOKED = "撤销", "撤销"  # found unlawful: revoked


class ReviewOutcome(Labelled):
    """A legality review's conclusion. Stored as its Chinese name."""

    LAWFUL = "合法", "合法"
    LAWFUL_IF_CHANGED = "修改后合法", "修改后合法"
    UNLAWFUL = "不合法", "不合法"
