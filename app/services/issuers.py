"""Issuing bodies (制定机关). Internal units and temporary or coordination bodies may not issue."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import UserError
from app.models import Issuer
from app.models.issuer import DEFAULT_TEMPLATE
from app.services import audit, fields, numbering
from app.services.permissions import Actor, Permission, require
from app.services.vocabulary import AuditAction

ALLOWED_BODIES = ("行政机关", "法律法规授权组织")
REFUSED_BODIES = ("内设机构", "议事协调机构", "临时机构")
LEVELS = {"government": "人民政府", "department": "政府部门"}
_CODE = re.compile(r"^[A-Za-z0-9_]{1,30}$")


def list_issuers(s: Session, active_only: bool = False) -> list[Issuer]:
    query = select(Issuer).order_by(Issuer.level.desc(), Issuer.code)
    if active_only:
        query = query.where(Issuer.active.is_(True))
    return list(s.scalars(query))


def by_code(s: Session, code: str) -> Issuer:
    # A code no database could store cannot be one: refused before it reaches a query.
    storable = fields.refused_character(code) is None
    issuer = s.scalar(select(Issuer).where(Issuer.code == code.strip())) if storable else None
    if issuer is None:
        shown = fields.quoted(code)
        raise UserError(f"制定机关：代码“{shown}”不存在，请先添加该制定机关。", field="制定机关")
    return issuer


def add_issuer(
    s: Session,
    actor: Actor,
    code: str,
    name: str,
    abbr: str,
    level: str = "department",
    template: str | None = None,
    body_type: str = "行政机关",
    sequence_key: str | None = None,
) -> Issuer:
    require(actor, Permission.MANAGE_ISSUERS)
    code = fields.text(code, "机关代码", Issuer.code)
    name = fields.text(name, "机关名称", Issuer.name)
    abbr = fields.text(abbr, "发文机关代字", Issuer.abbr)
    sequence_key = fields.text(sequence_key or code, "编号序列", Issuer.sequence_key)
    if body_type in REFUSED_BODIES:
        raise UserError(f"制定机关类型：{body_type}不得制发行政规范性文件。", field="制定机关类型")
    if body_type not in ALLOWED_BODIES:
        raise UserError(f"制定机关类型：应为{'或'.join(ALLOWED_BODIES)}。", field="制定机关类型")
    if not _CODE.match(code):
        raise UserError(
            "机关代码：只能由字母、数字和下划线组成，不超过 30 个字符。", field="机关代码"
        )
    if not name:
        raise UserError("机关名称：不能为空。", field="机关名称")
    if not abbr:
        raise UserError("发文机关代字：不能为空，例如“桂民发”。", field="发文机关代字")
    if level not in LEVELS:
        raise UserError(f"机关层级：应为 {'、'.join(LEVELS)} 之一。", field="机关层级")
    template = fields.text(
        template or DEFAULT_TEMPLATE, numbering.TEMPLATE_LABEL, Issuer.reg_template
    )
    numbering.validate_template(template, yearly=numbering.yearly_reset(s))
    if s.scalar(select(Issuer.id).where((Issuer.code == code) | (Issuer.name == name))):
        raise UserError(f"制定机关“{name}”或代码“{code}”已存在。")
    _check_distinct(s, code, template, sequence_key)
    issuer = Issuer(
        code=code,
        name=name,
        abbr=abbr,
        level=level,
        reg_template=template,
        sequence_key=sequence_key,
        yearly_reset=True,
        active=True,
    )
    s.add(issuer)
    s.flush()
    audit.record(
        s,
        actor,
        AuditAction.CREATE,
        issuer,
        summary=f"添加制定机关 {name}",
        new={"code": code, "name": name, "abbr": abbr, "level": level, "template": template},
    )
    return issuer


def set_template(s: Session, actor: Actor, code: str, template: str) -> Issuer:
    """A new registration-number template; the serial sequence goes on, numbers given stay."""
    require(actor, Permission.MANAGE_ISSUERS)
    issuer = by_code(s, code)
    template = fields.text(template, numbering.TEMPLATE_LABEL, Issuer.reg_template)
    numbering.validate_template(template, yearly=numbering.yearly_reset(s))
    _check_distinct(s, issuer.code, template, issuer.sequence_key)
    old = issuer.reg_template
    if template == old:
        return issuer
    issuer.reg_template = template
    audit.record(
        s,
        actor,
        AuditAction.UPDATE,
        issuer,
        summary=f"修改制定机关 {issuer.name} 的编号模板",
        old={"template": old},
        new={"template": template},
    )
    return issuer


def _check_distinct(s: Session, code: str, template: str, sequence_key: str) -> None:
    """Refuse a template whose numbers another issuer's template can also give, unless the two
    share one serial sequence (a template without {code} used by two issuers, say)."""
    for other in s.scalars(select(Issuer).where(Issuer.sequence_key != sequence_key)):
        if numbering.templates_overlap(template, code, other.reg_template, other.code):
            raise UserError(
                f"{numbering.TEMPLATE_LABEL}：“{template}”与制定机关“{other.name}”的模板"
                f"“{other.reg_template}”会生成相同的编号，而两者不共用编号序列。请在模板中"
                "加入 {code} 或其他区别，或让两个机关共用同一编号序列。",
                field=numbering.TEMPLATE_LABEL,
            )
