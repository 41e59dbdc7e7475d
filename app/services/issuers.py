"""Issuing bodies (制定机关). Internal units and temporary or coordination bodies may not issue."""

from __future__ import annotations

import re
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.errors import UserError
from app.models import Issuer, IssuerName
from app.models.issuer import DEFAULT_TEMPLATE
from app.services import audit, fields, issuer_names, numbering, search_index, settings
from app.services.permissions import Actor, Permission, require
from app.services.vocabulary import AuditAction, Labelled

ALLOWED_BODIES = ("行政机关", "法律法规授权组织")
REFUSED_BODIES = ("内设机构", "议事协调机构", "临时机构")
LEVELS = {"government": "人民政府", "department": "政府部门"}
_CODE = re.compile(r"^[A-Za-z0-9_]{1,30}$")
REASON_LABEL = "原因"
REASON_MAX = 500


class IssuerAction(Labelled):
    """What may be done to an issuing body after it was added (机构改革)."""

    RENAME = "rename", "更名"
    MERGE = "merge", "合并到"
    DEACTIVATE = "deactivate", "停用"
    ACTIVATE = "activate", "启用"


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


def successor(s: Session, issuer: Issuer) -> Issuer | None:
    """The body a merged one went into."""
    return s.get(Issuer, issuer.merged_into_id) if issuer.merged_into_id is not None else None


def state_label(s: Session, issuer: Issuer) -> str:
    """The mark after an ended body's name, "（已停用）" or "（已并入 X）"; "" for an active one."""
    if issuer.active:
        return ""
    after = successor(s, issuer)
    return f"（已并入 {after.name}）" if after else "（已停用）"


def shown_name(s: Session, issuer: Issuer) -> str:
    """The name with its state, as a filter over existing documents lists every body."""
    return issuer.name + state_label(s, issuer)


def allowed_actions(issuer: Issuer) -> frozenset[IssuerAction]:
    """What may be done to the body now. A merged body is history: nothing more. A deactivated
    one may be enabled again or recorded as merged."""
    if issuer.merged_into_id is not None:
        return frozenset()
    if not issuer.active:
        return frozenset({IssuerAction.ACTIVATE, IssuerAction.MERGE})
    return frozenset({IssuerAction.RENAME, IssuerAction.MERGE, IssuerAction.DEACTIVATE})


def _check_allowed(s: Session, issuer: Issuer, action: IssuerAction) -> None:
    if action in allowed_actions(issuer):
        return
    if issuer.active:
        raise UserError(
            f"制定机关：“{issuer.name}”正在使用，无需{action.label}。", field="制定机关"
        )
    raise UserError(
        f"制定机关：“{issuer.name}”{state_label(s, issuer)}，不能{action.label}。", field="制定机关"
    )


def refuse_if_ended(s: Session, issuer: Issuer, day: date | None) -> None:
    """UserError naming 制定机关 unless the body may have a document dated `day` registered: an
    active body always; an ended one only for a day before it ended (its own past documents,
    from a ledger say). A draft (`day` None) belongs to an active body."""
    if issuer.active:
        return
    if day is not None and issuer.ended_on is not None and day < issuer.ended_on:
        return
    after = successor(s, issuer)
    instead = f"“{after.name}”" if after else "其他制定机关"
    since = f"自 {issuer.ended_on} 起" if issuer.ended_on else ""
    raise UserError(
        f"制定机关：“{issuer.name}”{since}{state_label(s, issuer)}，不能登记新文件，请改选{instead}。",
        field="制定机关",
    )


def _effective(day: date | None, label: str = "生效日期") -> date:
    if day is None:
        raise UserError(f"{label}：不能为空。", field=label)
    if day > clock.today():
        raise UserError(f"{label}：不能晚于今天（{clock.today()}）。", field=label)
    return day


def _reason(text: str | None) -> str:
    reason = fields.text(text, REASON_LABEL, required=True)
    if len(reason) > REASON_MAX:
        raise UserError(f"{REASON_LABEL}：不能超过 {REASON_MAX} 个字符。", field=REASON_LABEL)
    return reason


def rename(
    s: Session,
    actor: Actor,
    code: str,
    new_name: str,
    new_abbr: str,
    effective_on: date | None,
    reason: str,
) -> Issuer:
    """更名 (机构改革): the same body, code and serial sequence under a new name and 发文机关代字
    from `effective_on`; the old ones are kept with the days they were valid, so every document
    keeps the name it was issued under."""
    require(actor, Permission.MANAGE_ISSUERS)
    issuer = by_code(s, code)
    _check_allowed(s, issuer, IssuerAction.RENAME)
    name = fields.text(new_name, "新名称", Issuer.name, required=True)
    abbr = fields.text(new_abbr, "发文机关代字", Issuer.abbr, required=True)
    day = _effective(effective_on)
    reason = _reason(reason)
    if (name, abbr) == (issuer.name, issuer.abbr):
        raise UserError("新名称：与现用名称和发文机关代字相同，无需更名。", field="新名称")
    holder = s.scalar(select(Issuer).where(Issuer.name == name, Issuer.id != issuer.id))
    if holder is not None:
        raise UserError(f"新名称：“{name}”是制定机关“{holder.code}”现用的名称。", field="新名称")
    former = issuer_names.former_names(s, issuer.id)
    since = former[-1].valid_until + timedelta(days=1) if former else None
    if since is not None and day <= since:
        raise UserError(f"生效日期：应晚于上次更名的生效日期 {since}。", field="生效日期")
    old = {"name": issuer.name, "abbr": issuer.abbr}
    s.add(
        IssuerName(
            issuer_id=issuer.id,
            name=issuer.name,
            abbr=issuer.abbr,
            valid_from=since,
            valid_until=day - timedelta(days=1),
        )
    )
    issuer.name, issuer.abbr = name, abbr
    s.flush()
    search_index.reindex_issuer(s, issuer.id)
    audit.record(
        s,
        actor,
        AuditAction.ISSUER_RENAME,
        issuer,
        summary=f"制定机关“{old['name']}”自 {day} 起更名为“{name}”：{reason}",
        old=old,
        new={"name": name, "abbr": abbr, "effective_on": day.isoformat(), "reason": reason},
    )
    return issuer


def merge(
    s: Session, actor: Actor, code: str, into_code: str, effective_on: date | None, reason: str
) -> Issuer:
    """合并: the body ends on `effective_on` and `into_code` takes over its work. Its documents
    stay its own, numbered as they were; new ones go to the successor."""
    require(actor, Permission.MANAGE_ISSUERS)
    issuer = by_code(s, code)
    _check_allowed(s, issuer, IssuerAction.MERGE)
    if not (into_code or "").strip():
        raise UserError("合并到：请选择承接的制定机关。", field="合并到")
    target = by_code(s, into_code)
    day = _effective(effective_on)
    reason = _reason(reason)
    if target.id == issuer.id:
        raise UserError("合并到：不能并入自身。", field="合并到")
    if not target.active:
        raise UserError(
            f"合并到：“{target.name}”{state_label(s, target)}，不能承接其他机关。", field="合并到"
        )
    seen, step = {issuer.id}, target
    while step.merged_into_id is not None:  # only ended bodies have a successor: defensive
        if step.merged_into_id in seen:
            raise UserError(f"合并到：并入“{target.name}”会形成循环。", field="合并到")
        seen.add(step.id)
        step = s.get_one(Issuer, step.merged_into_id)
    if step.id in seen:
        raise UserError(f"合并到：并入“{target.name}”会形成循环。", field="合并到")
    was_active = issuer.active
    issuer.active, issuer.merged_into_id = False, target.id
    if was_active or issuer.ended_on is None:
        issuer.ended_on = day
    s.flush()
    audit.record(
        s,
        actor,
        AuditAction.ISSUER_MERGE,
        issuer,
        summary=f"制定机关“{issuer.name}”自 {day} 起并入“{target.name}”：{reason}",
        old={"active": was_active},
        new={
            "active": False,
            "merged_into": target.code,
            "ended_on": issuer.ended_on.isoformat(),
            "reason": reason,
        },
    )
    return issuer


def deactivate(
    s: Session, actor: Actor, code: str, reason: str, effective_on: date | None = None
) -> Issuer:
    """停用: no new documents from `effective_on` (today by default); its documents stay."""
    require(actor, Permission.MANAGE_ISSUERS)
    issuer = by_code(s, code)
    _check_allowed(s, issuer, IssuerAction.DEACTIVATE)
    day = _effective(effective_on or clock.today())
    reason = _reason(reason)
    issuer.active, issuer.ended_on = False, day
    s.flush()
    audit.record(
        s,
        actor,
        AuditAction.ISSUER_DEACTIVATE,
        issuer,
        summary=f"停用制定机关“{issuer.name}”（自 {day} 起）：{reason}",
        old={"active": True},
        new={"active": False, "ended_on": day.isoformat(), "reason": reason},
    )
    return issuer


def activate(s: Session, actor: Actor, code: str, reason: str) -> Issuer:
    """启用 again a body that was deactivated (not one merged into another)."""
    require(actor, Permission.MANAGE_ISSUERS)
    issuer = by_code(s, code)
    _check_allowed(s, issuer, IssuerAction.ACTIVATE)
    reason = _reason(reason)
    ended = issuer.ended_on
    issuer.active, issuer.ended_on = True, None
    s.flush()
    audit.record(
        s,
        actor,
        AuditAction.ISSUER_ACTIVATE,
        issuer,
        summary=f"重新启用制定机关“{issuer.name}”：{reason}",
        old={"active": False, "ended_on": ended.isoformat() if ended else None},
        new={"active": True, "reason": reason},
    )
    return issuer


def office_name(s: Session) -> str:
    """The office named on printed pages: the setting, else the one government-level issuer."""
    name = settings.get(s, "office.name")
    if name:
        return name
    governments = s.scalars(select(Issuer.name).where(Issuer.level == "government")).all()
    return governments[0] if len(governments) == 1 else ""
