"""合法性审核意见书: the opinion letter of one concluded review, to the submitting unit: the points
checked (each answered as its wording asks), the conclusion, the required changes and the
opinion, signed by the office on the day the review concluded."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from app.errors import UserError
from app.models import ReviewCase
from app.reports import fonts
from app.reports.book_titles import book_title
from app.reports.fonts import FontRole
from app.reports.gongwen import docx as gongwen_docx
from app.reports.gongwen import pdf as gongwen_pdf
from app.reports.gongwen.model import Block, Letter, Para, Run, TableBlock, heading1
from app.reports.page import chinese_date
from app.services import reviews
from app.services.catalogs import signing_office
from app.services.vocabulary import ReviewStatus

NUMERALS = "一二三四五六七八九十"


def _paragraphs(text: str) -> list[Para]:
    return [Para.of(line.strip()) for line in text.splitlines() if line.strip()]


def _checks(case: ReviewCase) -> TableBlock:
    rows = tuple(
        (str(n), c.item, reviews.check_answer(c.item, c.passed), c.note)
        for n, c in enumerate(case.checks, 1)
    )
    return TableBlock(("序号", "审查事项", "审查结论", "说明"), rows, (0.08, 0.46, 0.14, 0.32))


def _recipient(case: ReviewCase) -> str:
    unit = case.submitting_unit.strip() if case.submitting_unit else ""
    if not unit and case.document is not None:
        unit = case.document.drafting_unit or case.document.issuer.name
    if not unit:
        raise UserError(f"审核意见书：“{case.title}”未记录送审单位，无法确定主送机关。")
    return unit


def letter(s: Session, case_id: int) -> Letter:
    case = reviews.get(s, case_id)
    if case.status != ReviewStatus.CONCLUDED or case.concluded_on is None:
        raise UserError(f"审核意见书：“{case.title}”尚未办结，不能打印意见书。")
    office = signing_office(s, "审核意见书")
    subject = reviews.SUBJECT_TYPES[case.subject_type]
    body: list[Block] = [
        Para.of(
            f"你单位于{chinese_date(case.received)}报送的{subject}{book_title(case.title)}及相关材料收悉。"
            "我们依照有关法律、法规、规章和国家政策，对其进行了合法性审核，现提出审核意见如下："
        )
    ]
    sections: list[tuple[str, list[Block]]] = [("审查事项", [_checks(case)])]
    if case.required_changes:
        sections.append(("修改意见", list(_paragraphs(case.required_changes))))
    sections.append(("审核意见", list(_paragraphs(case.opinion))))
    body.append(
        Para((Run(f"{NUMERALS[0]}、审核结论：", FontRole.HEADING1), Run(f"{case.outcome}。")))
    )
    for n, (heading, blocks) in enumerate(sections, 2):
        body += [heading1(f"{NUMERALS[n - 1]}、{heading}"), *blocks]
    return Letter(
        title=f"关于{book_title(case.title)}的合法性审核意见书",
        recipient=_recipient(case),
        body=tuple(body),
        signer=office,
        signed_on=case.concluded_on,
        number=case.opinion_number or "",
        remark=f"审核人：{case.reviewer}" if case.reviewer else "",
    )


def pdf(s: Session, case_id: int, target: Path, printed: date) -> int:
    return gongwen_pdf.render([letter(s, case_id)], fonts.role_fonts(s), target)


def docx(s: Session, case_id: int, target: Path, printed: date) -> None:
    gongwen_docx.render([letter(s, case_id)], fonts.role_fonts(s), target)
