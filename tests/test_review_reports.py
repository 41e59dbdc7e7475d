from datetime import date

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from app import clock
from app.errors import UserError
from app.reports import review_ledger, review_opinion
from app.services import reviews, settings
from app.services.permissions import SYSTEM
from app.services.reviews import CHECK_ITEMS, MATERIALS, ReviewIntake
from tests.factories import add_issuer, draft


@pytest.fixture
def concluded(database):
    clock.fix_today(date(2026, 11, 27))
    with database.transaction() as s:
        add_issuer(s)
        settings.put(s, SYSTEM, "office.name", "河清市司法局")
        doc = draft(s, "河清市城乡居民最低生活保障管理办法")
        data = ReviewIntake("normative", doc.title, date(2026, 9, 25), "李审核", list(MATERIALS["normative"]),
                            submitting_unit="河清市民政局", document_id=doc.id)  # fmt: skip
        case = reviews.intake(s, SYSTEM, data)
        for item in CHECK_ITEMS:
            finding = item != CHECK_ITEMS[3]
            reviews.record_check(
                s, SYSTEM, case.id, item, finding, "" if finding else "第八条设定罚款无上位法依据"
            )
        reviews.conclude(
            s,
            SYSTEM,
            case.id,
            "修改后合法",
            date(2026, 10, 20),
            "建议修改后提请审议。",
            "删除第八条关于罚款的规定。",
        )
        pending = reviews.intake(s, SYSTEM, ReviewIntake("contract", "养老服务中心委托运营合同", date(2026, 11, 20), "王审核", list(MATERIALS["contract"])))  # fmt: skip
    return database, case.id, pending.id


def test_opinion_letter_carries_number_points_outcome_and_reviewer(concluded, tmp_path):
    database, case_id, _ = concluded
    target = tmp_path / "opinion.pdf"
    with database.reading() as s:
        review_opinion.pdf(s, case_id, target, date(2026, 11, 27))
    text = "".join(p.extract_text() for p in PdfReader(target).pages).replace("\n", "")
    # the 发文字号 (法审〔2026〕1号) is the letter's number: tests/test_letters.py
    for expected in ("合法性审核意见书", "河清市民政局：", "最低生活保障管理办法",
                     "第八条设定罚款无上位法依据", "审核结论：修改后合法", "删除第八条关于罚款的规定",
                     "（审核人：李审核）", "河清市司法局", "2026年10月20日", "是否超越法定职权否"):  # fmt: skip
        assert expected in text, expected
    assert "符合" not in text and "打印日期" not in text


def test_opinion_letter_of_unfinished_case_is_refused(concluded, tmp_path):
    database, _, pending = concluded
    with database.reading() as s, pytest.raises(UserError, match="尚未办结"):
        review_opinion.pdf(s, pending, tmp_path / "x.pdf", date(2026, 11, 27))


def test_review_ledger_pdf_and_xlsx(concluded, tmp_path):
    database, _, _ = concluded
    with database.reading() as s:
        review_ledger.pdf(s, tmp_path / "ledger.pdf", 2026)
        rows = review_ledger.xlsx(s, tmp_path / "ledger.xlsx", 2026)
    text = PdfReader(tmp_path / "ledger.pdf").pages[0].extract_text().replace("\n", "")
    assert "2026年度合法性审核台账" in text and "共 2 件" in text and "按期办结" in text
    ws = load_workbook(tmp_path / "ledger.xlsx").active
    assert rows == 2
    assert [ws.cell(r, 4).value for r in (3, 4)] == [
        "河清市城乡居民最低生活保障管理办法",
        "养老服务中心委托运营合同",
    ]
    assert ws.cell(3, 2).value == "法审〔2026〕1号"
