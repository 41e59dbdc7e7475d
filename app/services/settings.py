"""Office settings: every rule default declared once here, overrides stored in the database."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from app.errors import UserError
from app.models import Setting
from app.services import audit
from app.services.permissions import Actor, Permission, require


@dataclass(frozen=True)
class Rule:
    key: str
    default: Any
    label: str
    help: str
    minimum: int | None = None


RULES: dict[str, Rule] = {
    r.key: r
    for r in (
        Rule("office.name", "", "单位名称", "打印件页眉和报表中显示的本单位名称。"),
        Rule("validity.default_years", 5, "有效期（年）", "未注明有效期的文件，默认有效期年数。", 1),
        Rule("validity.provisional_years", 2, "暂行、试行文件有效期（年）", "标题含“暂行”“试行”的文件有效期上限。", 1),
        Rule("comment.min_workdays", 7, "公开征求意见期限（工作日）", "公开征求意见的最短期限。", 1),
        Rule("comment.business_days", 30, "涉企文件征求意见期限（日）", "与企业密切相关文件的征求意见最短期限。", 1),
        Rule("review.min_workdays", 5, "合法性审核最短期限（工作日）", "材料齐全后，审核机构至少应有的审核时间。", 1),
        Rule("review.max_workdays", 15, "合法性审核最长期限（工作日）", "材料齐全后应当完成审核的期限，补充材料期间不计入。", 1),
        Rule("review.opinion_template", "法审〔{year}〕{seq}号", "审核意见书编号模板", "合法性审核意见书的编号，{year} 为年份，{seq} 为序号。"),
    )
}  # fmt: skip


def get(s: Session, key: str) -> Any:
    rule = RULES[key]
    row = s.get(Setting, key)
    return json.loads(row.value) if row else rule.default


def put(s: Session, actor: Actor, key: str, value: Any) -> None:
    require(actor, Permission.SETTINGS)
    rule = RULES.get(key)
    if rule is None:
        raise UserError(f"未知的设置项：{key}")
    if rule.minimum is not None and (not isinstance(value, int) or value < rule.minimum):
        raise UserError(f"{rule.label}：必须是不小于 {rule.minimum} 的整数。")
    old = get(s, key)
    row = s.get(Setting, key)
    if row is None:
        s.add(Setting(key=key, value=json.dumps(value, ensure_ascii=False)))
    else:
        row.value = json.dumps(value, ensure_ascii=False)
    audit.record(
        s,
        actor.name,
        "setting",
        "setting",
        None,
        f"修改设置：{rule.label}",
        {key: old},
        {key: value},
    )
