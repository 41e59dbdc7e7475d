"""备案报告: the letter that sends one or more documents to a supervising body for filing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from app.errors import UserError
from app.models import Filing
from app.reports import fonts
from app.reports.book_titles import book_title
from app.reports.gongwen import docx as gongwen_docx
from app.reports.gongwen import pdf as gongwen_pdf
from app.reports.gongwen.model import Letter, Para, TableBlock
from app.reports.page import chinese_date
from app.services import contacts, filing, issuer_names, recipients

LETTER = "备案报告"


def _filings(s: Session, filing_ids: list[int]) -> list[Filing]:
    if not filing_ids:
        raise UserError("备案报告：请至少选择一件已报送的备案。")
    found = [filing.get(s, i) for i in filing_ids]
    if any(f.filed_on is None for f in found):
        raise UserError("备案报告：只能为已登记报送日期的备案生成报告。")
    if len({(f.recipient, f.document.issuer_id) for f in found}) > 1:
        raise UserError("备案报告：一份报告只能报送同一备案机关、同一制定机关的文件。")
    return found


def _numbers(f: Filing) -> str:
    doc = f.document
    parts = (doc.doc_number or "", f"统一登记编号 {doc.reg_number}" if doc.reg_number else "")
    return "，".join(x for x in parts if x)


def _describe(f: Filing) -> str:
    numbers = _numbers(f)
    return f"{book_title(f.document.title)}（{numbers + '，' if numbers else ''}{chinese_date(f.document.published)}公布）"


def _what(found: list[Filing]) -> str:
    first = book_title(found[0].document.title)
    return first if len(found) == 1 else f"{first}等{len(found)}件规范性文件"


def _title(found: list[Filing]) -> str:
    return f"关于报送{_what(found)}备案的报告"


def _listing(found: list[Filing]) -> TableBlock:
    rows = tuple(
        (
            str(n),
            f.document.title,
            f.document.doc_number or "",
            f.document.reg_number or "",
            chinese_date(f.document.published),
        )
        for n, f in enumerate(found, 1)
    )
    header = ("序号", "文件名称", "发文字号", "统一登记编号", "公布日期")
    return TableBlock(header, rows, (0.08, 0.4, 0.19, 0.18, 0.15))


def letter(s: Session, filing_ids: list[int]) -> Letter:
    """The report as sent: to the recipient's real name, signed by the issuer as it was named
    on the day, dated the filing date, numbered with the report number."""
    found = _filings(s, filing_ids)
    first = found[0]
    recipients.require_real(first.recipient, LETTER)
    filed = max(f.filed_on for f in found if f.filed_on)
    issuer = issuer_names.name_on(s, first.document.issuer, filed).name
    if len(found) == 1:
        body: tuple[Para | TableBlock, ...] = (
            Para.of(
                f"根据行政规范性文件备案审查的有关规定，现将我单位制定的{_describe(first)}"
                "报送备案，请予审查。"
            ),
        )
    else:
        body = (
            Para.of(
                f"根据行政规范性文件备案审查的有关规定，现将我单位制定的{_what(found)}"
                "报送备案，请予审查。文件目录如下："
            ),
            _listing(found),
        )
    numbers = dict.fromkeys(f.report_number for f in found if f.report_number)
    contact = contacts.filed_by(s, first.id)
    return Letter(
        title=_title(found),
        recipient=first.recipient,
        body=body,
        signer=issuer,
        signed_on=filed,
        number="、".join(numbers),
        attachments=tuple(filing.PACKAGE[1:]),  # the report itself is this letter
        remark=f"联系人：{contact}" if contact else "",
        issued_by=issuer,
        issued_on=filed,
    )


def pdf(s: Session, filing_ids: list[int], target: Path, printed: date) -> int:
    return gongwen_pdf.render([letter(s, filing_ids)], fonts.role_fonts(s), target)


def docx(s: Session, filing_ids: list[int], target: Path, printed: date) -> None:
    gongwen_docx.render([letter(s, filing_ids)], fonts.role_fonts(s), target)
