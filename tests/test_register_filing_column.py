"""The 登记簿's 备案情况 column: each recipient's filing date and result (issue 21)."""

from datetime import date

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from app import clock
from app.cli import run
from app.services import catalogs, filing, filing_backlog, settings, workcalendar
from app.services.catalogs import CatalogFilter
from app.services.permissions import SYSTEM
from tests.factories import add_city_government, add_issuer, register

TODAY = date(2026, 11, 27)
GOVERNMENT = "上一级人民政府 2026-03-10 予以备案；\n本级人大常委会 逾期未报送（期限 2026-04-02）"


@pytest.fixture
def office(database):
    clock.fix_today(TODAY)
    with database.transaction() as s:
        add_issuer(s)
        add_city_government(s)
        gov = register(s, "河清市政府规定", issuer="ZF", published=date(2026, 3, 3))
        dept = register(s, "河清市救助办法", published=date(2026, 3, 3))
        old = register(s, "河清市老办法", published=date(2019, 1, 2))
        old.filing_unrecorded = True
        f = filing.record_filed(
            s, SYSTEM, gov.id, "上一级人民政府", date(2026, 3, 10), list(filing.PACKAGE)
        )
        filing.record_result(s, SYSTEM, f.id, "予以备案", date(2026, 3, 20))
        f = filing.record_filed(
            s, SYSTEM, dept.id, "本级人民政府", date(2026, 3, 12), list(filing.PACKAGE)
        )
        filing.record_result(
            s, SYSTEM, f.id, "暂缓登记", date(2026, 3, 20), cal=workcalendar.load(s)
        )
        filing.record_corrected(s, SYSTEM, f.id, date(2026, 4, 1), "补充了制定依据")
    return database


EXPECTED = {
    "河清市政府规定": GOVERNMENT,
    "河清市救助办法": "本级人民政府 2026-03-12 暂缓登记（2026-04-01 已补正）",
    "河清市老办法": filing_backlog.REMINDER,
}


def test_register_rows_say_each_recipients_filing_date_and_result(office):
    with office.reading() as s:
        rows = catalogs.catalog(s, "register", CatalogFilter(), TODAY).rows
    assert {r.title: r.filing for r in rows} == EXPECTED


def test_exported_register_workbook_has_the_filing_column(office, db_url, tmp_path):
    target = tmp_path / "登记簿.xlsx"
    assert run(["--db", db_url, "export", str(target), "--kind", "register"]) == 0
    ws = load_workbook(target).active
    header_row = next(
        i for i, row in enumerate(ws.iter_rows(values_only=True), 1) if "备案情况" in row
    )
    headers = [c.value for c in ws[header_row]]
    found = {
        row[headers.index("文件名称")]: row[headers.index("备案情况")]
        for row in ws.iter_rows(min_row=header_row + 1, values_only=True)
        if row[headers.index("文件名称")] in EXPECTED
    }
    assert found == EXPECTED


def test_printed_register_shows_the_filing_column(office, db_url, tmp_path):
    target = tmp_path / "登记簿.pdf"
    assert run(["--db", db_url, "print", "register", "-o", str(target)]) == 0
    text = "".join(page.extract_text() for page in PdfReader(target).pages).replace("\n", "")
    for part in (
        "上一级人民政府",
        "2026-03-10",
        "予以备案",
        "未报送（期限",
        "2026-04-01",
        "备案情况未录入",
    ):
        assert part in text


def test_register_says_awaiting_result_not_yet_due_and_keeps_a_filing_off_the_rules(office):
    """Every row says where its filing stands: filed and awaiting the result, not filed while
    the period still runs (no 逾期), and a filing to a body the rules no longer name (the office
    stopped filing with the congress) is still shown, not dropped from the register."""
    with office.transaction() as s:
        waiting = register(s, "河清市待复办法", published=date(2026, 11, 10))
        filing.record_filed(
            s, SYSTEM, waiting.id, "本级人民政府", date(2026, 11, 20), list(filing.PACKAGE)
        )
        register(s, "河清市新办法", published=date(2026, 11, 25))
        rows = catalogs.catalog(s, "register", CatalogFilter(), TODAY).rows
        gov = next(r for r in rows if r.title == "河清市政府规定")
        filing.record_filed(
            s, SYSTEM, gov.id, "本级人大常委会", date(2026, 3, 20), list(filing.PACKAGE)
        )
        settings.put(s, SYSTEM, "filing.congress.recipient", "")
    with office.reading() as s:
        found = catalogs.catalog(s, "register", CatalogFilter(), TODAY).rows
    rows = {r.title: r.filing for r in found}
    assert rows["河清市待复办法"] == "本级人民政府 2026-11-20 已报送，待审查结果"
    assert rows["河清市新办法"] == "本级人民政府 未报送（期限 2026-12-10）"
    assert rows["河清市政府规定"] == (
        "上一级人民政府 2026-03-10 予以备案；\n本级人大常委会 2026-03-20 已报送，待审查结果"
    )
