"""备案登记表: one page per filing, listing the document, its numbers, dates, issuer, the
package and the filing date."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, Spacer, Table
from sqlalchemy.orm import Session

from app.errors import UserError
from app.models import Filing
from app.reports import fonts
from app.reports import page as pages
from app.reports.page import escape
from app.services import filing, issuer_names, workcalendar
from app.services.workcalendar import PROVISIONAL_MARK, Period

LABEL_WIDTH = 34 * mm


def _rows(f: Filing, due: Period, issuer: str) -> list[tuple[str, str]]:
    doc = f.document
    package = "、".join(
        m["item"] + ("" if m["present"] else "（缺）") for m in json.loads(f.package)
    )
    return [
        ("文件名称", doc.title),
        ("制定机关", issuer),
        ("发文字号", doc.doc_number or ""),
        ("统一登记编号", doc.reg_number or ""),
        ("公布日期", pages.chinese_date(doc.published)),
        ("施行日期", pages.chinese_date(doc.effective)),
        ("有效期至", pages.chinese_date(doc.valid_until)),
        ("备案机关", f.recipient),
        ("备案期限", pages.chinese_date(due.end) + (PROVISIONAL_MARK if due.provisional else "")),
        ("报送日期", pages.chinese_date(f.filed_on)),
        ("备案报告编号", f.report_number or ""),
        ("报送材料", package),
        ("审查结果", f"{f.result}　{pages.chinese_date(f.result_on)}".strip()),
        ("处理情况", f.follow_up),
    ]


def _table(rows: list[tuple[str, str]], page: pages.Page) -> Table:
    cell = pages.style(10.5, 16, font=page.table_font)
    data = [
        [Paragraph(k, cell), Paragraph(escape(v).replace("\n", "<br/>"), cell)] for k, v in rows
    ]
    return pages.form_table(data, LABEL_WIDTH, page.body_width, 10.5, page.table_font, padding=5)


def pdf(s: Session, filing_ids: list[int], target: Path, printed: date) -> int:
    if not filing_ids:
        raise UserError("备案登记表：请至少选择一件备案。")
    cal = workcalendar.load(s)
    rules = filing.rules(s)
    found = [filing.get(s, i) for i in filing_ids]
    names = issuer_names.NameBook(s)
    shown = {f.id: names.of_document(f.document).name for f in found}
    office = shown[found[0].id] if len(set(shown.values())) == 1 else ""
    page = pages.Page("规范性文件备案登记表", office, printed, fonts=fonts.role_fonts(s))
    story = []
    for n, f in enumerate(found):
        rule = filing.rule_for(rules, f.document, f.recipient)
        due = filing.doc_period(f.document, rule, cal)
        story += [
            *pages.title_block(page),
            _table(_rows(f, due, shown[f.id]), page),
            Spacer(1, 10 * mm),
            Paragraph(
                "登记人：____________　　　登记日期：______年____月____日",
                pages.style(10.5, 16, font=page.table_font),
            ),
        ]
        if n < len(found) - 1:
            story.append(PageBreak())
    page.story = story
    return pages.build(page, target)
