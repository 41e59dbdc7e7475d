"""The demo office's texts: some documents in force get a 公布文本 naming the laws they rest on,
and those laws become their confirmed 制定依据, so 标题和正文 search, 正文与依据 and the 上位法
page have something to show."""

from __future__ import annotations

import random
import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.models import Document, Issuer
from app.services import legal_bases, lifecycle, texts
from app.services.permissions import Actor
from app.services.vocabulary import TextKind

TEXTS = 30  # documents given a text (the newest in force)
LAWS = (
    ("中华人民共和国行政许可法", "第十二条"),
    ("中华人民共和国行政处罚法", "第十六条"),
    ("优化营商环境条例", "第六十四条"),
    ("社会救助暂行办法", "第十条"),
    ("中华人民共和国预算法", "第十三条"),
    ("中华人民共和国政府信息公开条例", "第二十条"),
    ("广东省行政规范性文件管理规定", "第九条"),
)


def furnish(s: Session, actor: Actor, rng: random.Random) -> int:
    """Texts and bases for up to TEXTS documents in force; returns how many got them."""
    rows = s.execute(
        select(Document.id, Document.title, Issuer.name)
        .join(Issuer, Issuer.id == Document.issuer_id)
        .where(lifecycle.in_force_clause(clock.today()))
        .order_by(Document.published.desc(), Document.id.desc())
        .limit(TEXTS)
    ).all()
    for doc_id, title, issuer in rows:
        texts.add_typed(s, actor, doc_id, _body(rng, title, issuer), TextKind.ORIGINAL)
        legal_bases.add_suggested(s, actor, doc_id, legal_bases.suggestions(s, doc_id))
    return len(rows)


def _body(rng: random.Random, title: str, issuer: str) -> str:
    (first, _), (second, _), (third, article) = rng.sample(LAWS, 3)
    named = re.search(r"《(.+?)》", title)
    if named:  # 关于印发《…办法》的通知: the rule it issues
        subject = re.sub(r"[（(]试行[)）]", "", named.group(1))
        aim = f"为了保障{subject}的贯彻实施"
    else:
        subject = re.sub(r"^关于(做好|进一步|深化)?|(的通知|的实施意见|工作)+$", "", title)
        aim = f"为了做好{subject}工作"
    return "\n".join(
        [
            title,
            "",
            f"第一条 {aim}，根据《{first}》《{second}》等法律法规，结合本市实际，制定本规定。",
            f"第二条 本规定适用于本市行政区域内{subject}的相关工作。",
            f"第三条 {issuer}负责本规定的组织实施，有关部门按照各自职责做好相关工作。",
            f"第四条 违反本规定的，依照《{third}》{article}的规定处理。",
            "第五条 本规定自公布之日起施行，有效期五年。",
        ]
    )
