"""Office settings: every rule default declared once here, overrides stored in the database."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from app.errors import UserError
from app.models import Setting
from app.services import audit, fields, recipients
from app.services.permissions import Actor, Permission, require
from app.services.vocabulary import AuditAction


@dataclass(frozen=True)
class Rule:
    key: str
    default: Any
    label: str
    help: str
    minimum: int | None = None
    choices: dict[str, str] | None = None  # stored value -> label, for a setting picked from a list


VALIDITY_STARTS = {"effective": "施行日期", "published": "公布日期"}
FILING_STARTS = {"published": "公布日期", "issued": "印发日期", "signed": "签署日期"}

# The font chosen per printing role (app.reports.fonts.FontRole values), set on 设置 → 打印.
PRINT_FONT_PREFIX = "print.font."
PRINT_FONT_ROLES = {
    "title": "标题（小标宋）",
    "body": "正文（仿宋）",
    "heading1": "一级标题（黑体）",
    "heading2": "二级标题（楷体）",
    "table": "表格（宋体）",
}

RULES: dict[str, Rule] = {
    r.key: r
    for r in (
        Rule("office.name", "", "单位名称", "打印件页眉和报表中显示的本单位名称。"),
        Rule(
            "validity.default_years", 5, "有效期（年）", "未注明有效期的文件，默认有效期年数。", 1
        ),
        Rule(
            "validity.provisional_years",
            2,
            "暂行、试行文件有效期（年）",
            "标题含“暂行”“试行”的文件有效期上限。",
            1,
        ),
        Rule(
            "validity.notice_years",
            0,
            "通告有效期（年）",
            "标题含“通告”的文件有效期上限；0 表示不另行规定。",
            0,
        ),
        Rule(
            "validity.start",
            "effective",
            "有效期起算日",
            "有效期自哪一日起算（该日计入有效期）。",
            choices=VALIDITY_STARTS,
        ),
        Rule(
            "comment.min_workdays", 7, "公开征求意见期限（工作日）", "公开征求意见的最短期限。", 1
        ),
        Rule(
            "comment.business_days",
            30,
            "涉企文件征求意见期限（日）",
            "与企业密切相关文件的征求意见最短期限。",
            1,
        ),
        Rule(
            "review.min_workdays",
            5,
            "合法性审核最短期限（工作日）",
            "材料齐全后，审核机构至少应有的审核时间。",
            1,
        ),
        Rule(
            "review.max_workdays",
            15,
            "合法性审核最长期限（工作日）",
            "材料齐全后应当完成审核的期限，补充材料期间不计入。",
            1,
        ),
        Rule(
            "filing.department.recipient",
            "本级人民政府",
            "部门文件备案机关",
            "政府部门制定的文件报送备案的机关，即本级人民政府；请填写全称，它是备案报告的主送机关。",
        ),
        Rule(
            "filing.department.days",
            15,
            "部门文件备案期限（日）",
            "自备案期限起算事件（默认为公布）的次日起计算。",
            1,
        ),
        Rule(
            "filing.department.working_days",
            False,
            "部门文件按工作日计算",
            "勾选后备案期限按工作日计算，否则按自然日计算。",
        ),
        Rule(
            "filing.government.recipient",
            "上一级人民政府",
            "政府文件备案机关",
            "人民政府制定的文件报送备案的机关，即上一级人民政府；请填写全称。",
        ),
        Rule(
            "filing.government.days",
            15,
            "政府文件备案期限（日）",
            "自备案期限起算事件（默认为公布）的次日起计算。",
            1,
        ),
        Rule(
            "filing.government.working_days",
            False,
            "政府文件按工作日计算",
            "勾选后备案期限按工作日计算，否则按自然日计算。",
        ),
        Rule(
            "filing.congress.recipient",
            "本级人大常委会",
            "政府文件另行报备机关",
            "人民政府文件另行报送备案的机关，即本级人大常委会；请填写全称，留空表示不报送。",
        ),
        Rule(
            "filing.congress.days",
            30,
            "人大常委会备案期限（日）",
            "自备案期限起算事件（默认为公布）的次日起计算。",
            1,
        ),
        Rule(
            "filing.start_event",
            "published",
            "备案期限起算事件",
            "备案期限自哪一日的次日起算；文件未录入该日期的，自公布日期起算。",
            choices=FILING_STARTS,
        ),
        Rule(
            "filing.extend_holiday",
            True,
            "期限末日遇节假日顺延",
            "按自然日计算的期限（备案、补正纠正、审查建议答复等），最后一日为法定节假日或休息日的，以其后第一个工作日为末日。",
        ),
        Rule(
            "filing.correction_days",
            30,
            "限期补正、纠正期限（日）",
            "收到暂缓登记、限期补正或纠正意见后的办理期限。",
            1,
        ),
        Rule(
            "filing.revocation_days",
            60,
            "纠正逾期撤销期限（日）",
            "收到纠正意见后逾期未纠正的，备案机关予以撤销的期限，自纠正意见日期次日起计算。",
            1,
        ),
        Rule(
            "filing.report_template",
            "备字〔{year}〕{seq}号",
            "备案报告编号模板",
            "{year} 为年份，{seq} 为序号。",
        ),
        Rule(
            "objection.reply_days",
            30,
            "审查建议办理期限（日）",
            "收到公民、法人和其他组织审查建议后的答复期限。",
            1,
        ),
        Rule(
            "deadlines.due_soon_days", 5, "临期提醒（日）", "距期限不足该天数时标为“即将到期”。", 0
        ),
        Rule(
            "validity.warning_months",
            6,
            "有效期届满提前提醒（月）",
            "有效期届满前多少个月开始提醒评估。",
            1,
        ),
        Rule(
            "cleanup.interval_years",
            2,
            "定期清理周期（年）",
            "每隔多少年对全部现行有效文件开展一次清理。",
            1,
        ),
        Rule(
            "security.single_user",
            False,
            "单用户模式",
            "开启后启动时不需要登录（仅适合一人使用的电脑）。",
        ),
        Rule(
            "security.max_failures", 5, "密码错误锁定次数", "连续输错密码达到该次数后锁定账户。", 1
        ),
        Rule(
            "security.lockout_minutes",
            15,
            "锁定时长（分钟）",
            "账户锁定后多长时间可以再次尝试。",
            1,
        ),
        Rule("backup.keep_daily", 7, "保留每日备份（份）", "自动备份保留最近多少天的每日备份。", 1),
        Rule(
            "backup.keep_weekly", 4, "保留每周备份（份）", "自动备份保留最近多少周的每周备份。", 0
        ),
        Rule(
            "backup.keep_monthly",
            12,
            "保留每月备份（份）",
            "自动备份保留最近多少个月的每月备份。",
            0,
        ),
        Rule(
            "review.materials.normative",
            "送审稿、起草说明、制定依据、征求意见及采纳情况、起草单位合法性审查意见",
            "送审材料：行政规范性文件",
            "受理审核时须齐备的材料，用顿号“、”分隔。",
        ),
        Rule(
            "review.materials.major_decision",
            "决策草案、起草说明、法律法规政策依据、公众参与和专家论证材料、风险评估报告、承办单位合法性审查意见",
            "送审材料：重大行政决策",
            "受理审核时须齐备的材料，用顿号“、”分隔。",
        ),
        Rule(
            "review.materials.contract",
            "合同文本、合同订立依据、相对方主体资格材料、承办单位合法性审查意见",
            "送审材料：行政合同",
            "受理审核时须齐备的材料，用顿号“、”分隔。",
        ),
        Rule(
            "review.materials.enforcement",
            "执法决定书草案、调查终结报告、证据材料、法律依据、承办机构审核意见",
            "送审材料：重大执法决定",
            "受理审核时须齐备的材料，用顿号“、”分隔。",
        ),
        Rule(
            "review.opinion_template",
            "法审〔{year}〕{seq}号",
            "审核意见书编号模板",
            "合法性审核意见书的编号，{year} 为年份，{seq} 为序号。",
        ),
        *(
            Rule(
                f"{PRINT_FONT_PREFIX}{role}",
                "",
                f"打印字体：{label}",
                "打印公文时该用途使用的字体名称；留空为自动（先找本机常用公文字体，没有则用程序自带字体）。",
            )
            for role, label in PRINT_FONT_ROLES.items()
        ),
        Rule(
            "numbering.yearly_reset",
            True,
            "登记编号序号每年重新开始",
            "勾选后各制定机关的统一登记编号序号每年从 1 开始；不勾选则跨年连续编号。只能在当年分配第一个登记编号之前修改。",
        ),
    )
}


def form_rules() -> list[Rule]:
    """The settings on 设置 → 规则 (the fonts have a tab of their own, 打印)."""
    return [r for r in RULES.values() if not r.key.startswith(PRINT_FONT_PREFIX)]


def get(s: Session, key: str) -> Any:
    rule = RULES[key]
    row = s.get(Setting, key)
    return json.loads(row.value) if row else rule.default


def items(value: str) -> list[str]:
    """A list setting written as text, items separated by 、 (or commas)."""
    return [
        i.strip() for i in value.replace("，", "、").replace(",", "、").split("、") if i.strip()
    ]


def _check_value(rule: Rule, value: Any) -> None:
    if isinstance(rule.default, bool):
        if not isinstance(value, bool):
            raise UserError(f"{rule.label}：应为“是”或“否”。", field=rule.label)
    elif isinstance(rule.default, int):
        if isinstance(value, bool) or not isinstance(value, int):
            raise UserError(f"{rule.label}：必须是整数。", field=rule.label)
        if rule.minimum is not None and value < rule.minimum:
            raise UserError(f"{rule.label}：必须是不小于 {rule.minimum} 的整数。", field=rule.label)
    elif not isinstance(value, str):
        raise UserError(f"{rule.label}：必须是文字。", field=rule.label)
    elif rule.choices is not None and value not in rule.choices:
        raise UserError(
            f"{rule.label}：应为“{'”“'.join(rule.choices.values())}”之一。", field=rule.label
        )
    elif problem := fields.refused_character(value):
        raise UserError(f"{rule.label}：{problem}", field=rule.label)
    if rule.key.startswith("review.materials.") and not items(value):
        raise UserError(f"{rule.label}：至少要有一项材料。", field=rule.label)
    if rule.key.endswith("_template"):
        from app.services.numbering import validate_template

        validate_template(value, rule.label)  # series start again each year: {year} needed


def _check_change(s: Session, key: str, value: Any) -> None:
    """Refusals that depend on the register, not only on the value."""
    if key == "numbering.yearly_reset" and value != get(s, key):
        from app.services.numbering import check_yearly_reset_change

        check_yearly_reset_change(s, value)
    if key in recipients.RECIPIENT_KEYS:
        others = {k: get(s, k) for k in recipients.RECIPIENT_KEYS}
        recipients.check_name(key, RULES[key].label, value, others)


def _follow(s: Session, actor: Actor, key: str, old: Any, new: Any) -> None:
    """What a changed setting changes on the recorded rows, in the same transaction."""
    if key in recipients.RECIPIENT_KEYS:
        recipients.rename(s, actor, key, old, new)


def put(s: Session, actor: Actor, key: str, value: Any) -> None:
    rule = _rule(actor, key)
    _check_value(rule, value)
    _check_change(s, key, value)
    old = get(s, key)
    row = s.get(Setting, key)
    if row is None:
        s.add(Setting(key=key, value=json.dumps(value, ensure_ascii=False)))
    else:
        row.value = json.dumps(value, ensure_ascii=False)
    _record(s, actor, f"修改设置：{rule.label}", {key: old}, {key: value})
    _follow(s, actor, key, old, value)


def reset(s: Session, actor: Actor, key: str) -> None:
    """Back to the default: the stored value is removed, so a later default applies too."""
    rule = _rule(actor, key)
    row = s.get(Setting, key)
    if row is None:
        return
    _check_change(s, key, rule.default)
    old = json.loads(row.value)
    s.delete(row)
    _record(s, actor, f"恢复默认：{rule.label}", {key: old}, {key: rule.default})
    _follow(s, actor, key, old, rule.default)


def _rule(actor: Actor, key: str) -> Rule:
    """The rule of a setting the actor is about to change."""
    require(actor, Permission.SETTINGS)
    rule = RULES.get(key)
    if rule is None:
        raise UserError(f"未知的设置项：{key}")
    return rule


def _record(
    s: Session, actor: Actor, summary: str, old: dict[str, Any], new: dict[str, Any]
) -> None:
    audit.record(s, actor, AuditAction.SETTING, audit.SETTINGS, summary=summary, old=old, new=new)
