"""A validity term in years counts its first day: N years from D end on the day before D's
anniversary (domain.md, Validity), whether the term is the default or a ledger's "5年"."""

from datetime import date

from openpyxl import Workbook
from sqlalchemy import select

from app.models import Document
from app.services import importing, validity
from app.services.permissions import SYSTEM
from tests.factories import register, status


def test_term_in_years_ends_the_day_before_the_anniversary():
    assert validity.term_end(date(2024, 1, 10), 5) == date(2029, 1, 9)
    assert validity.term_end(date(2024, 2, 29), 5) == date(2029, 2, 28)  # day before 1 March
    assert validity.term_end(date(2024, 2, 29), 4) == date(2028, 2, 28)
    assert validity.term_end(date(2026, 1, 1), 2) == date(2027, 12, 31)


def test_default_term_of_a_registered_document_ends_the_day_before(office):
    with office.transaction() as s:
        doc = register(s, published=date(2023, 12, 20), effective=date(2024, 1, 10))
        temp = register(s, title="河清市养老服务补贴暂行办法", published=date(2026, 1, 1))
    assert doc.valid_until == date(2029, 1, 9)
    assert temp.valid_until == date(2027, 12, 31)
    with office.reading() as s:
        assert status(s, temp.id, date(2027, 12, 31)) == "in_force"
        assert status(s, temp.id, date(2028, 1, 1)) == "expired"


def test_a_ledger_term_in_years_ends_the_day_before(office, tmp_path):
    wb = Workbook()
    wb.active.append(["文件名称", "发文字号", "公布日期", "施行日期", "有效期", "制定机关"])
    wb.active.append(
        ["河清市低保办法", "河民发〔2023〕9号", "2023-12-20", "2024-01-10", "5年", "MZ"]
    )
    wb.save(tmp_path / "ledger.xlsx")
    sheet = importing.read_sheet(tmp_path / "ledger.xlsx")
    with office.transaction() as s:
        report = importing.run_import(s, SYSTEM, sheet, importing.guess_mapping(sheet))
    assert report.imported == 1
    with office.reading() as s:
        assert s.scalar(select(Document.valid_until)) == date(2029, 1, 9)
