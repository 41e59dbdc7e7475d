"""有效期届满提醒函: one letter per implementing unit listing its documents whose validity ends
in the coming quarter, asking for an evaluation before expiry."""

from __future__ import annotations

from datetime import date
from itertools import groupby
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table
from sqlalchemy.orm import Session

from app.errors import UserError
from app.reports import page as pages
from app.reports.page import escape
from app.services import validity
from app.services.catalogs import office_name


def _quarter_name(start: date) -> str:
    return f"{start.year}年第{'一二三四'[(start.month - 1) // 3]}季度"


def _table(rows: list[validity.Expiring], width: float) -> Table:
    data = [
        [
            str(n),
            escape(r.title),
            escape(r.doc_number),
            escape(r.reg_number),
            r.valid_until.isoformat(),
            r.evaluation,
        ]
        for n, r in enumerate(rows, 1)
    ]
    header = ("序号", "文件名称", "发文字号", "登记编号", "有效期至", "评估情况")
    return pages.ruled_table(header, data, width, (0.06, 0.32, 0.2, 0.18, 0.12, 0.12))


def pdf(s: Session, today: date, target: Path, printed: date) -> int:
    """The letters for the quarter after `today`'s quarter."""
    start, end = validity.next_quarter(today)
    rows = validity.expiring(s, start, end)
    if not rows:
        raise UserError(f"{_quarter_name(start)}没有有效期届满的现行有效文件。")
    office = office_name(s)
    page = pages.Page("有效期届满提醒函", office, printed)
    body, para, right = (
        pages.style(11.5, 21),
        pages.style(11.5, 21, indent=True),
        pages.style(11.5, 21, align=2),
    )
    story: list[Flowable] = []
    for n, (unit, group) in enumerate(groupby(rows, key=lambda r: r.unit)):
        docs = list(group)
        if n:
            story.append(PageBreak())
        story += [
            *pages.title_block(page),
            Paragraph(f"{escape(unit)}：", body),
            Paragraph(
                f"你单位负责实施的以下 {len(docs)} 件规范性文件将于{_quarter_name(start)}"
                f"（{pages.chinese_date(start)}至{pages.chinese_date(end)}）有效期届满。请在届满前组织评估，"
                "认为需要继续施行的，按程序修订后重新公布；认为不需要继续施行的，届满后自动失效。"
                "请将评估意见于届满 30 日前报送本机关。",
                para,
            ),
            Spacer(1, 3 * mm),
            _table(docs, page.body_width),
            Spacer(1, 12 * mm),
            Paragraph(escape(office), right),
            Paragraph(pages.chinese_date(printed), right),
        ]
    page.story = story
    return pages.build(page, target)
