"""有效期届满提醒函: one letter per implementing unit listing its documents whose validity ends
in the coming quarter, asking for an evaluation before expiry."""

from __future__ import annotations

from datetime import date
from itertools import groupby
from pathlib import Path

from sqlalchemy.orm import Session

from app.errors import UserError
from app.reports import fonts
from app.reports.gongwen import docx as gongwen_docx
from app.reports.gongwen import pdf as gongwen_pdf
from app.reports.gongwen.model import Letter, Para, TableBlock
from app.reports.page import chinese_date
from app.services import validity
from app.services.catalogs import signing_office


def _quarter_name(start: date) -> str:
    return f"{start.year}年第{'一二三四'[(start.month - 1) // 3]}季度"


def _table(rows: list[validity.Expiring]) -> TableBlock:
    data = tuple(
        (str(n), r.title, r.doc_number, r.reg_number, chinese_date(r.valid_until), r.evaluation)
        for n, r in enumerate(rows, 1)
    )
    header = ("序号", "文件名称", "发文字号", "登记编号", "有效期至", "评估情况")
    return TableBlock(header, data, (0.07, 0.33, 0.18, 0.16, 0.14, 0.12))


def letters(s: Session, today: date, signed_on: date) -> list[Letter]:
    """The letters for the quarter after `today`'s quarter, dated `signed_on`."""
    start, end = validity.next_quarter(today)
    rows = validity.expiring(s, start, end)
    if not rows:
        raise UserError(f"{_quarter_name(start)}没有有效期届满的现行有效文件。")
    office = signing_office(s, "提醒函")
    quarter = f"{_quarter_name(start)}（{chinese_date(start)}至{chinese_date(end)}）"
    found = []
    for unit, group in groupby(rows, key=lambda r: r.unit):
        docs = list(group)
        body = (
            Para.of(f"你单位负责实施的以下 {len(docs)} 件规范性文件将于{quarter}有效期届满："),
            _table(docs),
            Para.of(
                "请在有效期届满前组织评估：认为需要继续施行的，按程序修订后重新公布；"
                "认为不需要继续施行的，有效期届满后自动失效。"
                "请将评估意见于有效期届满 30 日前报送我单位。"
            ),
            Para.of("特此函告。"),
        )
        found.append(
            Letter(
                title="关于规范性文件有效期即将届满的提醒函",
                recipient=unit,
                body=body,
                signer=office,
                signed_on=signed_on,
            )
        )
    return found


def pdf(s: Session, today: date, target: Path, printed: date) -> int:
    return gongwen_pdf.render(letters(s, today, printed), fonts.role_fonts(s), target)


def docx(s: Session, today: date, target: Path, printed: date) -> None:
    gongwen_docx.render(letters(s, today, printed), fonts.role_fonts(s), target)
