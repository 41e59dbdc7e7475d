"""备案报告: the letter that sends one or more documents to a supervising body for filing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer
from sqlalchemy.orm import Session

from app.errors import UserError
from app.models import Filing
from app.reports import page as pages
from app.reports.page import escape
from app.services import filing, issuer_names


def _filings(s: Session, filing_ids: list[int]) -> list[Filing]:
    if not filing_ids:
        raise UserError("备案报告：请至少选择一件已报送的备案。")
    found = [filing.get(s, i) for i in filing_ids]
    if any(f.filed_on is None for f in found):
        raise UserError("备案报告：只能为已登记报送日期的备案生成报告。")
    if len({(f.recipient, f.document.issuer_id) for f in found}) > 1:
        raise UserError("备案报告：一份报告只能报送同一备案机关、同一制定机关的文件。")
    return found


def _describe(f: Filing) -> str:
    doc = f.document
    numbers = "，".join(
        x for x in (doc.doc_number, f"统一登记编号 {doc.reg_number}" if doc.reg_number else "") if x
    )
    return f"《{escape(doc.title)}》（{escape(numbers)}，{pages.chinese_date(doc.published)}公布）"


def pdf(s: Session, filing_ids: list[int], target: Path, printed: date) -> int:
    found = _filings(s, filing_ids)
    first = found[0]
    # the letter is the body's as named on the day it was sent
    filed = max(f.filed_on for f in found if f.filed_on)
    issuer = issuer_names.name_on(s, first.document.issuer, filed).name
    page = pages.Page("规范性文件备案报告", issuer, printed)
    body = pages.style(12, 22)
    para = pages.style(12, 22, indent=True)
    right = pages.style(12, 22, align=2)
    if len(found) == 1:
        listed = f"现将我单位制定的{_describe(first)}报送备案，请予审查。"
        extra = []
    else:
        listed = f"现将我单位制定的以下 {len(found)} 件规范性文件报送备案，请予审查："
        extra = [Paragraph(f"{n}. {_describe(f)}", para) for n, f in enumerate(found, 1)]
    numbers = "、".join(f.report_number or "" for f in found)
    story = [
        *pages.title_block(page),
        Paragraph(escape(numbers), right),
        Paragraph(f"{escape(first.recipient)}：", body),
        Paragraph(f"根据行政规范性文件备案审查的有关规定，{listed}", para),
        *extra,
        Spacer(1, 4 * mm),
        Paragraph(
            "附件：" + "；".join(f"{n}. {item}" for n, item in enumerate(filing.PACKAGE[1:], 1)),
            para,
        ),
        Spacer(1, 14 * mm),
        Paragraph(escape(issuer), right),
        Paragraph(pages.chinese_date(filed), right),
    ]
    page.story = story
    return pages.build(page, target)
