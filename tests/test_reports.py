from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from app import clock
from app.errors import UserError
from app.reports import catalog_output, record_card
from app.services import documents, registration
from app.services.catalogs import CatalogFilter
from app.services.documents import DocumentInput
from app.services.permissions import SYSTEM
from tests.factories import add_finance_bureau, add_issuer, register

INJECTION = '=HYPERLINK("http://x","点我")关于印发办法的通知'
LONG_TITLE = "关于印发《河清市城乡居民最低生活保障对象认定和动态管理及资金发放监督检查实施办法（修订）》的通知"


@pytest.fixture
def office(database):
    clock.fix_today(date(2026, 11, 27))
    with database.transaction() as s:
        add_issuer(s)
        add_finance_bureau(s)
        register(s, LONG_TITLE, published=date(2025, 3, 1), doc_number="河民发〔2025〕1号")
        register(s, INJECTION, published=date(2025, 6, 1))
        old = register(s, "河清市临时救助办法", published=date(2024, 5, 6))
        documents.retire(s, SYSTEM, old.id, "repealed", date(2025, 7, 1), "已被新办法取代")
        register(s, "河清市财政专项资金管理办法", issuer="CZ", published=date(2026, 2, 2))
    return database


def pdf_text(path: Path) -> tuple[list[str], PdfReader]:
    reader = PdfReader(path)
    return [page.extract_text() for page in reader.pages], reader


def embedded_fonts_only(reader: PdfReader) -> bool:
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target.get("/FontDescriptor")
            if descriptor is None or not any(
                k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")
            ):
                return False
    return True


def test_register_pdf_lists_every_document_with_embedded_font(office, tmp_path):
    target = tmp_path / "register.pdf"
    with office.reading() as s:
        pages = catalog_output.write_pdf(s, "register", CatalogFilter(), target)
    texts, reader = pdf_text(target)
    text = "".join(texts).replace("\n", "")
    assert pages == len(reader.pages) == 1
    assert "规范性文件登记簿" in text and "共 4 件" in text
    assert "MZGS-2025-001" in text and "CZGS-2026-001" in text
    assert "河清市城乡居民最低生活保障对象认定" in text
    assert "第 1 页 共 1 页" in texts[0]
    assert embedded_fonts_only(reader)


def test_long_register_repeats_header_and_numbers_pages(database, tmp_path):
    with database.transaction() as s:
        add_issuer(s)
        for n in range(120):
            register(
                s, f"第{n}号测试文件关于加强管理工作的通知", published=date(2025, 1, 1 + n % 28)
            )
    target = tmp_path / "long.pdf"
    with database.reading() as s:
        pages = catalog_output.write_pdf(s, "register", CatalogFilter(), target)
    texts, _ = pdf_text(target)
    assert pages >= 3
    assert all("登记编号" in t and "文件名称" in t for t in texts)
    assert f"第 {pages} 页 共 {pages} 页" in texts[-1]
    assert "MZGS-2025-120" in "".join(texts)


def test_catalogs_select_by_year_status_and_issuer(office, tmp_path):
    with office.reading() as s:
        catalog_output.write_pdf(s, "annual", CatalogFilter(year=2025), tmp_path / "a.pdf")
        catalog_output.write_pdf(s, "current", CatalogFilter(issuer_code="MZ"), tmp_path / "c.pdf")
        catalog_output.write_pdf(s, "repealed", CatalogFilter(), tmp_path / "r.pdf")
    annual = "".join(pdf_text(tmp_path / "a.pdf")[0]).replace("\n", "")
    current = "".join(pdf_text(tmp_path / "c.pdf")[0]).replace("\n", "")
    repealed = "".join(pdf_text(tmp_path / "r.pdf")[0]).replace("\n", "")
    assert "2025年度规范性文件目录" in annual and "共 2 件" in annual
    assert "临时救助" not in annual
    assert "河清市民政局" in current and "临时救助" not in current and "财政专项" not in current
    assert "临时救助办法" in repealed and "2025-07-01" in repealed and "已被新办法取代" in repealed


def test_annual_catalog_needs_a_year(office, tmp_path):
    with office.reading() as s, pytest.raises(UserError, match="必须指定年份"):
        catalog_output.write_pdf(s, "annual", CatalogFilter(), tmp_path / "a.pdf")


def test_record_card_is_one_page_with_the_documents_facts(office, tmp_path):
    target = tmp_path / "card.pdf"
    with office.reading() as s:
        pages = record_card.pdf(s, 1, target, date(2026, 11, 27))
    texts, reader = pdf_text(target)
    text = texts[0].replace("\n", "")
    assert pages == 1
    assert "规范性文件登记表" in text and "MZGS-2025-001" in text and "河民发〔2025〕1号" in text
    assert "2025年3月1日" in text
    assert embedded_fonts_only(reader)


def test_workbook_has_headers_dates_frozen_row_and_no_formulas(office, tmp_path):
    target = tmp_path / "register.xlsx"
    with office.reading() as s:
        rows = catalog_output.write_xlsx(s, "register", CatalogFilter(), target)
    ws = load_workbook(target).active
    assert rows == 4 and ws.max_row == 6
    assert ws.cell(1, 1).value == "规范性文件登记簿"  # the title row
    assert [c.value for c in ws[2]][:4] == ["序号", "登记编号", "发文字号", "文件名称"]
    assert ws.freeze_panes == "A3"
    assert ws.column_dimensions["D"].width > ws.column_dimensions["A"].width
    titles = {ws.cell(r, 4).value: ws.cell(r, 4) for r in range(3, 7)}
    assert titles[INJECTION].data_type == "s"
    published = ws.cell(3, 7).value
    assert published.date() == date(2024, 5, 6)


def test_record_card_names_the_person_who_registered_not_the_username(database, tmp_path):
    import pypdfium2

    from app.services import users
    from app.services.permissions import Actor, Role

    with database.transaction() as s:
        add_issuer(s)
        users.add_user(s, SYSTEM, "qiandj", "钱登记", Role.CLERK.value, "clerk2026")
        doc = registration.register_published(
            s,
            Actor("qiandj", Role.CLERK),
            DocumentInput("MZ", "河清市临时救助办法", published=date(2026, 3, 3)),
        )
    target = tmp_path / "card.pdf"
    with database.reading() as s:
        record_card.pdf(s, doc.id, target, date(2026, 11, 27))
    pdf = pypdfium2.PdfDocument(str(target))
    text = "".join(page.get_textpage().get_text_range() for page in pdf).replace("\n", "")
    pdf.close()
    assert "钱登记" in text and "qiandj" not in text
