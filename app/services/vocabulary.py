"""The program's words: each kind of value stored as a code, with its Chinese label written once.

A member is its stored string (StrEnum), so rows, JSON and the command line keep the values they
always had; `.label` is what a clerk reads."""

from __future__ import annotations

from enum import StrEnum
from typing import Self


class Labelled(StrEnum):
    """A StrEnum whose members are declared as ("code", "中文"), optionally with more words."""

    label: str
    _more: tuple[str, ...]

    # label's default only lets the checker read DocStatus("code") as the lookup it is (at
    # runtime that call is EnumMeta's); every member declares its label
    def __new__(cls, value: str, label: str = "", *more: str) -> Self:
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


class Step(Labelled):
    """A procedure step, in order (lifecycle.required_steps says which a document needs);
    recording a drafting step moves the document to the status of the same code and label."""

    DRAFT = "draft", DocStatus.DRAFT.label
    ASSESSMENT = "assessment", DocStatus.ASSESSMENT.label
    PUBLIC_COMMENT = "public_comment", DocStatus.PUBLIC_COMMENT.label
    FAIR_COMPETITION = "fair_competition", DocStatus.FAIR_COMPETITION.label
    LEGALITY_REVIEW = "legality_review", DocStatus.LEGALITY_REVIEW.label
    DELIBERATION = "deliberation", DocStatus.DELIBERATION.label
    PUBLICATION = "publication", "公布"


class DocField(Labelled):
    """A document's fields as forms, registers, imports and the audit log name them."""

    TITLE = "title", "文件名称"
    DOC_NUMBER = "doc_number", "发文字号"
    REG_NUMBER = "reg_number", "统一登记编号"
    ISSUER = "issuer", "制定机关"
    PUBLISHED = "published", "公布日期"
    EFFECTIVE = "effective", "施行日期"
    VALID_UNTIL = "valid_until", "有效期至"
    TERM_REASON = "term_reason", "有效期超期理由"
    STATUS = "status", "状态"
    DRAFTING_UNIT = "drafting_unit", "起草单位"
    KEYWORDS = "keywords", "关键词"
    REMARKS = "remarks", "备注"
    SUMMARY = "summary", "摘要"
    ISSUED = "issued", "印发日期"
    SIGNED = "signed", "签署日期"


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


class AuditAction(Labelled):
    """What an audit record says was done (the 操作 column of the audit list). A retirement is
    recorded under the document status it gave (amended, repealed, declared_invalid, expired)."""

    CREATE = "create", "新建"
    REGISTER = "register", "登记"
    UPDATE = "update", "修改"
    STEP = "step", "办理环节"
    PUBLISH = "publish", "公布"
    CONFIRM_CHANGES = "confirm_changes", "按意见修改"
    ATTACH = "attach", "添加附件"
    ASSIGN_NUMBER = "assign_number", "分配登记编号"
    VOID_NUMBER = "void_number", "作废编号"
    AMENDED = "amended", "修改"
    REPEALED = "repealed", DocStatus.REPEALED.label
    DECLARED_INVALID = "declared_invalid", DocStatus.DECLARED_INVALID.label
    EXPIRED = "expired", "届满失效"
    EXPIRE = "expire", "届满失效"  # written by versions before statuses were derived by date
    EVALUATE = "evaluate", "有效期评估"
    CLEANUP_CREATE = "cleanup_create", "创建清理"
    CLEANUP_DECIDE = "cleanup_decide", "清理结论"
    CLEANUP_APPLY = "cleanup_apply", "实施清理"
    CLEANUP_DELETE = "cleanup_delete", "删除清理"
    FILE = "file", "报送备案"
    FILING_RESULT = "filing_result", "备案结果"
    FILING_CORRECTED = "filing_corrected", "补正纠正"
    FILING_BULK = "filing_bulk", "批量补录备案"
    FILING_RECIPIENT = "filing_recipient", "备案机关更名"
    REVIEW_INTAKE = "review_intake", "审核受理"
    REVIEW_RESUBMIT = "review_resubmit", "补充材料"
    REVIEW_PAUSE = "review_pause", "暂停计时"
    REVIEW_RESUME = "review_resume", "恢复计时"
    REVIEW_EXTEND = "review_extend", "延长期限"
    REVIEW_CHECK = "review_check", "审查事项"
    REVIEW_CONCLUDE = "review_conclude", "审核办结"
    REVIEW_CONFIRM = "review_confirm", "确认修改"
    OBJECTION = "objection", "审查建议"
    OBJECTION_REPLY = "objection_reply", "答复建议"
    LOGIN = "login", "登录"
    LOCKOUT = "lockout", "锁定账户"
    PASSWORD = "password", "修改密码"
    USER_ADD = "user_add", "添加用户"
    USER_ROLE = "user_role", "修改角色"
    USER_UNLOCK = "user_unlock", "解锁用户"
    SETTING = "setting", "修改设置"
    CALENDAR = "calendar", "工作日历"
    CALENDAR_YEAR = "calendar_year", "录入年度日历"
    DEMO = "demo", "演示数据"
    ANCHOR_RESET = "anchor_reset", "重置审计链锚"
    PG_ROLES_SETUP = "pg_roles_setup", "设置数据库角色"
    SEAL = "seal", "封存记录内容"
    ISSUER_RENAME = "issuer_rename", "制定机关更名"
    ISSUER_MERGE = "issuer_merge", "制定机关合并"
    ISSUER_DEACTIVATE = "issuer_deactivate", "停用制定机关"
    ISSUER_ACTIVATE = "issuer_activate", "启用制定机关"
    TEXT_ADD = "text_add", "录入正文"
    BASIS_ADD = "basis_add", "添加制定依据"
    BASIS_REMOVE = "basis_remove", "删除制定依据"
    LAW_CHANGE = "law_change", "上位法变化"
    WITHHOLD = "withhold", "公开属性"


class ReviewStatus(Labelled):
    """Where a legality review case stands (reviews.next_actions says what it allows)."""

    RETURNED = "returned", "退回补充"
    IN_REVIEW = "in_review", "审核中"
    PAUSED = "paused", "补充材料中"
    CONCLUDED = "concluded", "已办结"


class FairCompetitionOutcome(Labelled):
    """A fair competition review's conclusion. Stored as its Chinese name."""

    CONFORMS = "符合", "符合"
    FAILS = "不符合", "不符合"


class CheckFinding(Labelled):
    """What a review case found on one of its check items (审查事项)."""

    PASS = "pass", FairCompetitionOutcome.CONFORMS.label
    FAIL = "fail", FairCompetitionOutcome.FAILS.label
    NOT_APPLICABLE = "na", "不适用"

    @classmethod
    def of(cls, passed: bool | None) -> CheckFinding:
        """The finding recorded as a check's `passed` (None: not applicable)."""
        return cls.NOT_APPLICABLE if passed is None else cls.PASS if passed else cls.FAIL


class ObjectionOutcome(Labelled):
    """How an objection (审查建议) was answered. Stored as its Chinese name."""

    UPHELD = "维持", "维持"
    CORRECT = FilingAnswer.CORRECT.value, FilingAnswer.CORRECT.label
    REVOKED = FilingAnswer.REVOKED.value, FilingAnswer.REVOKED.label
    NOT_ADMITTED = "不予受理", "不予受理"


class CleanupKind(Labelled):
    REGULAR = "regular", "定期清理"
    SPECIAL = "special", "专项清理"


class CleanupStatus(Labelled):
    """A cleanup batch: decided document by document while open, then applied at once."""

    OPEN = "open", "未实施"
    APPLIED = "applied", "已实施"


class CleanupDecision(Labelled):
    """A cleanup's conclusion for one document, and the status it records when applied
    (none for 继续有效)."""

    CONTINUE = "continue", "继续有效", ""
    AMEND = "amend", "修改", DocStatus.AMENDED
    REPEAL = "repeal", DocStatus.REPEALED.label, DocStatus.REPEALED
    DECLARE_INVALID = (
        "declare_invalid",
        DocStatus.DECLARED_INVALID.label,
        DocStatus.DECLARED_INVALID,
    )
    EXPIRED = "expired", DocStatus.EXPIRED.label, DocStatus.EXPIRED

    @property
    def retires_as(self) -> DocStatus | None:
        return DocStatus(self._more[0]) if self._more[0] else None


class FilingTimeliness(Labelled):
    """Whether a filing was sent in time (filing.timeliness), as the filing register, the 备案
    page and `filing list --json`'s "state" say it."""

    ON_TIME = "按期", "按期"
    LATE = "逾期报送", "逾期报送"
    NOT_FILED = "未报送", "未报送"
    OVERDUE = "逾期未报", "逾期未报"
    UNRECORDED = "备案情况未录入", "备案情况未录入"  # imported without its filings


class TextKind(Labelled):
    """Which text of a document a DocumentText row holds."""

    ORIGINAL = "original", "公布文本"
    CONSOLIDATED = "consolidated", "现行文本"


class LawStatus(Labelled):
    """Where an upper-level law of the office's list stands, as far as the office recorded."""

    IN_FORCE = "in_force", DocStatus.IN_FORCE.label
    AMENDED = "amended", DocStatus.AMENDED.label
    REPEALED = "repealed", DocStatus.REPEALED.label


class LawChangeKind(Labelled):
    AMENDED = "amended", CleanupDecision.AMEND.label
    REPEALED = "repealed", CleanupDecision.REPEAL.label

    @property
    def status(self) -> LawStatus:
        return LawStatus.AMENDED if self is LawChangeKind.AMENDED else LawStatus.REPEALED


class BasisSource(Labelled):
    """How a legal basis came to be recorded."""

    SUGGESTED = "suggested", "正文提取"
    ENTERED = "entered", "手工录入"
    IMPORTED = "ledger", "台账导入"
