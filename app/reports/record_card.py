"""文件登记表: one page recording a single document, its procedure and its paper trail."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer
from sqlalchemy.orm import Session

from app.reports import fonts
from app.reports import page as pages
from app.reports.page import escape
from app.services import catalogs, documents, issuer_names
from app.services.lifecycle import status_text
from app.services.vocabulary import DocFlag

LABEL_WIDTH = 28 * mm


_FLAGS = (
    DocFlag.IMPORTANT,
    DocFlag.PUBLIC_FACING,
    DocFlag.MARKET_RELATED,
    DocFlag.BUSINESS_RELATED,
)


def _yes(flag: bool) -> str:
    return "是" if flag else "否"


def _day(value: date | None) -> str:
    return pages.chinese_date(value)


def _markup(text: str | None) -> str:
    return escape(text or "").replace("\n", "<br/>")


def pdf(s: Session, doc_id: int, target: Path, printed: date) -> int:
    doc = documents.get(s, doc_id)
    issuer = issuer_names.of_document(s, doc).name
    page = pages.Page("规范性文件登记表", issuer, printed, fonts=fonts.role_fonts(s))
    para = pages.style(10, 15, font=page.table_font)
    steps = "\n".join(
        f"{e.label}：{_day(e.done_on) or '未办理'} {e.actor_name} {e.outcome} {e.note}".strip()
        for e in documents.timeline(s, doc.id)
    )
    links = "\n".join(
        f"{v.kind_label}《{v.other_title}》{v.other_reg_number}" for v in documents.links(s, doc.id)
    )
    files = "\n".join(f"{a.original_name}（{a.size:,} 字节）" for a in doc.attachments)
    rows = [
        ("文件名称", doc.title),
        ("制定机关", issuer),
        ("起草单位", doc.drafting_unit),
        ("统一登记编号", doc.reg_number or "（未登记）"),
        ("发文字号", doc.doc_number or ""),
        ("公布日期", _day(doc.published)),
        ("施行日期", _day(doc.effective)),
        ("有效期至", _day(doc.valid_until)),
        ("当前状态", status_text(doc, printed)),
        (
            " / ".join(flag.short for flag in _FLAGS),
            " / ".join(_yes(getattr(doc, flag.value)) for flag in _FLAGS),
        ),
        ("关键词", doc.keywords),
        ("内容摘要", doc.summary),
        ("办理环节", steps),
        ("关联文件", links),
        ("附件", files),
        ("备注", catalogs.remarks(doc.remarks, doc.term_reason)),
    ]
    data = [[Paragraph(label, para), Paragraph(_markup(value), para)] for label, value in rows]
    table = pages.form_table(data, LABEL_WIDTH + 12 * mm, page.body_width, 10, page.table_font)
    signature = Paragraph(
        "登记人：____________　　审核人：____________　　日期：______年____月____日", para
    )
    page.story = [*pages.title_block(page), table, Spacer(1, 10 * mm), signature]
    return pages.build(page, target)
