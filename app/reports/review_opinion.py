"""合法性审核意见书: the opinion letter of one concluded review, with its number, the points
checked, the outcome, the required changes and the reviewer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table
from sqlalchemy.orm import Session

from app.errors import UserError
from app.reports import page as pages
from app.reports.page import escape
from app.services import reviews
from app.services.catalogs import office_name
from app.services.vocabulary import CheckFinding, ReviewStatus


def _markup(text: str) -> str:
    return escape(text).replace("\n", "<br/>")


def _finding(passed: bool | None) -> str:
    return CheckFinding.of(passed).label


def _checks_table(case, width: float) -> Table:
    rows = [
        [str(n), _markup(c.item), _finding(c.passed), _markup(c.note)]
        for n, c in enumerate(case.checks, 1)
    ]
    header = ("序号", "审查事项", "审查结论", "说明")
    return pages.ruled_table(header, rows, width, (0.08, 0.44, 0.13, 0.35))


def pdf(s: Session, case_id: int, target: Path, printed: date) -> int:
    case = reviews.get(s, case_id)
    if case.status != ReviewStatus.CONCLUDED:
        raise UserError(f"审核意见书：“{case.title}”尚未办结，不能打印意见书。")
    office = office_name(s)
    page = pages.Page("合法性审核意见书", office, printed)
    body = pages.style(11.5, 21)
    paragraph = pages.style(11.5, 21, indent=True)
    heading = pages.style(12.5, 22)
    right = pages.style(11.5, 21, align=2)
    subject = reviews.SUBJECT_TYPES[case.subject_type]
    intro = (
        f"你单位于{pages.chinese_date(case.received)}报送的{subject}《{escape(case.title)}》及相关材料收悉。"
        f"我们依照有关法律、法规、规章和国家政策，对其进行了合法性审核，现提出审核意见如下："
    )
    story = [
        *pages.title_block(page),
        Paragraph(escape(case.opinion_number or ""), right),
        Paragraph(f"{escape(case.submitting_unit or '送审单位')}：", body),
        Paragraph(intro, paragraph),
        Spacer(1, 3 * mm),
        Paragraph("一、审查事项", heading),
        _checks_table(case, page.body_width),
        Spacer(1, 3 * mm),
        Paragraph(f"二、审核结论：{escape(case.outcome)}", heading),
    ]
    if case.required_changes:
        story += [
            Paragraph("三、修改意见", heading),
            Paragraph(_markup(case.required_changes), paragraph),
        ]
    story += [
        Paragraph(f"{'四' if case.required_changes else '三'}、审核意见", heading),
        Paragraph(_markup(case.opinion), paragraph),
        Spacer(1, 12 * mm),
        Paragraph(f"审核人：{escape(case.reviewer)}", right),
        Paragraph(escape(office or "（审核机构）"), right),
        Paragraph(pages.chinese_date(case.concluded_on), right),
    ]
    page.story = story
    return pages.build(page, target)
