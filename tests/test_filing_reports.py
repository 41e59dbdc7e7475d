from datetime import date

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from app import clock
from app.errors import UserError
from app.reports import deadline_overview, filing_form, filing_ledger, filing_report
from app.services import filing, settings
from app.services.permissions import SYSTEM
from tests.factories import add_issuer, register


def text_of(path) -> str:
    return "".join(p.extract_text() for p in PdfReader(path).pages).replace("\n", "")


@pytest.fixture
def filed(database):
    clock.fix_today(date(2026, 11, 27))
    with database.transaction() as s:
        add_issuer(s)
        settings.put(s, SYSTEM, "filing.department.recipient", "河清市人民政府")
        a = register(
            s,
            "河清市城乡居民最低生活保障管理办法",
            published=date(2026, 3, 3),
            doc_number="河民发〔2026〕7号",
        )
        b = register(s, "河清市临时救助实施办法", published=date(2026, 3, 5))
        register(s, "尚未报送备案的文件", published=date(2026, 10, 9))
        ids = [
            filing.record_filed(
                s, SYSTEM, d.id, "河清市人民政府", date(2026, 3, 16), list(filing.PACKAGE)
            ).id
            for d in (a, b)
        ]
    return database, ids


def test_filing_report_letter_for_one_and_for_a_batch(filed, tmp_path):
    database, ids = filed
    with database.reading() as s:
        filing_report.pdf(s, ids[:1], tmp_path / "one.pdf", clock.today())
        filing_report.pdf(s, ids, tmp_path / "batch.pdf", clock.today())
    one, batch = text_of(tmp_path / "one.pdf"), text_of(tmp_path / "batch.pdf")
    # the 发文字号 (备字〔2026〕1号) is the letter's number: tests/test_letters.py
    assert "关于报送《河清市城乡居民最低生活保障管理办法》备案的报告" in one
    assert "河清市人民政府：" in one and "附件：1.规范性文件正式文本" in one
    assert "河民发〔2026〕7号" in one and "MZGS-2026-001" in one and "2026年3月16日" in one
    assert "等2件规范性文件备案的报告" in batch and "临时救助实施办法" in batch
    assert "打印日期" not in one + batch  # a letter, not a printout


def test_filing_form_has_one_page_per_filing(filed, tmp_path):
    database, ids = filed
    with database.reading() as s:
        pages = filing_form.pdf(s, ids, tmp_path / "form.pdf", clock.today())
    text = text_of(tmp_path / "form.pdf")
    assert pages == 2
    assert (
        "规范性文件备案登记表" in text
        and "备案期限2026年3月18日" in text
        and "报送日期2026年3月16日" in text
    )


def test_report_for_unfiled_document_is_refused(filed, tmp_path):
    database, _ = filed
    with database.reading() as s, pytest.raises(UserError, match="至少选择"):
        filing_report.pdf(s, [], tmp_path / "x.pdf", clock.today())


def test_filing_ledger_and_deadline_overview(filed, tmp_path):
    database, _ = filed
    with database.reading() as s:
        filing_ledger.pdf(s, tmp_path / "ledger.pdf", 2026)
        rows = filing_ledger.xlsx(s, tmp_path / "ledger.xlsx", 2026)
        deadline_overview.pdf(s, tmp_path / "deadlines.pdf")
    ledger = text_of(tmp_path / "ledger.pdf")
    assert "2026年度规范性文件备案台账" in ledger and "共 3 件" in ledger and "逾期未报" in ledger
    ws = load_workbook(tmp_path / "ledger.xlsx").active
    assert (
        rows == 3
        and ws.cell(5, 4).value == "尚未报送备案的文件"
        and ws.cell(5, 11).value == "逾期未报"
    )
    overview = text_of(tmp_path / "deadlines.pdf")
    assert (
        "期限一览表" in overview
        and "尚未报送备案的文件（报河清市人民政府）" in overview
        and "已逾期" in overview
    )
