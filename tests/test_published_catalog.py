"""公布版目录: the 年度目录 and 现行有效目录 as offices publish them on the government website, as
PDF, .docx and workbook (issue 24)."""

from __future__ import annotations

from datetime import date, datetime

import docx
import pytest
from docx.oxml.ns import qn
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog

from app import clock
from app.cli import run
from app.errors import UserError
from app.reports import published_catalog
from app.reports.fonts import FontRole, RoleFonts, role_fonts
from app.services.catalogs import CatalogFilter
from app.ui.register.print_dialog import PrintDialog
from tests.factories import add_city_government, add_issuer, register
from tests.test_table_fonts import face_name, texts_by_font, title_stand_in
from tests.ui_context import context
from tests.widgets import shown

TODAY = date(2026, 11, 27)
HEADERS = ["序号", "文件名称", "发文字号", "公布日期", "有效期至"]
ANNUAL_TITLE = "河清市民政局2026年度行政规范性文件目录"


@pytest.fixture
def office(database):
    clock.fix_today(TODAY)
    with database.transaction() as s:
        add_issuer(s)
        add_city_government(s)
        register(s, "河清市城乡居民最低生活保障管理办法", published=date(2026, 3, 3))
        register(
            s, "河清市临时救助实施办法", published=date(2026, 5, 6), doc_number="河民发〔2026〕7号"
        )
        register(s, "河清市政府规定", issuer="ZF", published=date(2025, 4, 1))
    return database


@pytest.fixture
def title_face(monkeypatch) -> RoleFonts:
    """The TITLE role on a face of its own (so the PDF shows which text uses it), the families
    named as offices have them."""
    chosen = title_stand_in()
    monkeypatch.setattr(published_catalog, "role_fonts", lambda s=None: chosen)
    return chosen


def pdf_text(path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


def test_published_annual_catalog_pdf_lists_the_five_columns_without_program_marks(
    office, db_url, tmp_path, title_face
):
    target = tmp_path / "公布版.pdf"
    args = ["--db", db_url, "print", "annual-public", "--year", "2026", "--issuer", "MZ"]
    assert run([*args, "-o", str(target)]) == 0
    reader = PdfReader(target)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 upright
    text = pdf_text(target)
    flat = text.replace("\n", "")
    for part in (
        ANNUAL_TITLE,
        *HEADERS,
        "河清市临时救助实施办法",
        "河民发〔2026〕7号",
        "2026-05-06",
    ):
        assert part in flat, part
    for absent in ("打印日期", "登记编号", "状态", "施行日期", "第 1 页", "河清市政府规定"):
        assert absent not in flat, absent
    assert "— 1 —" in text
    runs = texts_by_font(target)
    title = [font for t, font in runs if t == ANNUAL_TITLE]
    assert title and all("WenQuanYiMicroHeiMono" in font for font in title)
    table_face = face_name(title_face[FontRole.TABLE].pdf_name)
    table = {font for t, font in runs if t in ("文件名称", "河清市临时救助实施办法")}
    assert table and all(f.endswith(f"+{table_face}-0") for f in table)


def test_published_catalog_word_copy_has_the_table_header_and_the_office_font_names(
    office, db_url, tmp_path
):
    target = tmp_path / "公布版.docx"
    assert run(["--db", db_url, "print", "current-public", "-o", str(target)]) == 0
    document = docx.Document(str(target))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    fonts = role_fonts()
    title, note = document.paragraphs[0], document.paragraphs[1]
    # no single government among the issuers' names but 河清市人民政府: the catalog is the city's
    assert title.text == "河清市现行有效行政规范性文件目录"
    assert note.text == "（截至2026年11月27日）"
    assert _east_asian(title.runs[0]) == fonts[FontRole.TITLE].family == "方正小标宋简体"
    (table,) = document.tables
    assert [c.text for c in table.rows[0].cells] == HEADERS
    assert [c.text for c in table.columns[1].cells[1:]] == [
        "河清市政府规定",
        "河清市城乡居民最低生活保障管理办法",
        "河清市临时救助实施办法",
    ]
    assert table.rows[3].cells[2].text == "河民发〔2026〕7号"
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeats on each page
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert borders is not None and borders.find(qn("w:insideH")).get(qn("w:val")) == "single"
    cell_runs = [r for row in table.rows for c in row.cells for p in c.paragraphs for r in p.runs]
    assert {_east_asian(r) for r in cell_runs} == {fonts[FontRole.TABLE].family} == {"宋体"}
    footer = section.footer.paragraphs[0]
    number = footer._p.find(qn("w:fldSimple"))  # the page number, a PAGE field between dashes
    assert footer.text == "—  —" and number.get(qn("w:instr")) == "PAGE"


def _east_asian(run) -> str:
    return run._element.rPr.rFonts.get(qn("w:eastAsia"))


def test_published_catalog_workbook_has_the_columns_real_dates_and_print_setup(
    office, db_url, tmp_path
):
    target = tmp_path / "公布版.xlsx"
    args = ["--kind", "annual-public", "--year", "2026", "--issuer", "MZ"]
    assert run(["--db", db_url, "export", str(target), *args]) == 0
    ws = load_workbook(target).active
    assert ws.cell(1, 1).value == ANNUAL_TITLE
    assert [c.value for c in ws[2]] == HEADERS
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    assert rows[1][:3] == (2, "河清市临时救助实施办法", "河民发〔2026〕7号")
    assert rows[1][3] == datetime(2026, 5, 6)
    assert ws.page_setup.orientation == "portrait" and ws.print_title_rows == "$2:$2"
    assert ws.column_dimensions["B"].width >= 2 * len("河清市城乡居民最低生活保障管理办法")


def test_only_the_annual_and_current_catalogs_have_a_published_form(office):
    with office.reading() as s, pytest.raises(UserError, match="公布版"):
        published_catalog.published(s, "register", CatalogFilter(), TODAY)


def test_print_dialog_offers_the_published_form_and_saves_it_as_word(
    qtbot, office, tmp_path, monkeypatch, no_modal_boxes
):
    dialog = shown(qtbot, PrintDialog(context(office)))
    assert not dialog.form.isRowVisible(dialog.layout_choice)  # the register has no 公布版
    dialog.kind.setCurrentIndex(dialog.kind.findData("current"))
    assert dialog.form.isRowVisible(dialog.layout_choice) and not dialog.word_button.isVisible()
    dialog.layout_choice.setCurrentIndex(dialog.layout_choice.findData(True))
    assert dialog.word_button.isVisible()
    asked = tmp_path / "目录"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(asked), ""))
    dialog.word_button.click()
    assert dialog.ctx.runner.wait()
    saved = tmp_path / "目录.docx"
    assert no_modal_boxes == [f"已保存 {saved}。"]
    assert docx.Document(str(saved)).tables[0].rows[0].cells[1].text == "文件名称"
    dialog.export_button.click()
    assert dialog.ctx.runner.wait()
    assert [c.value for c in load_workbook(tmp_path / "目录.xlsx").active[2]] == HEADERS


def test_print_dialog_previews_the_published_form(qtbot, office):
    from tests.test_print_dialog import generated_preview

    dialog = shown(qtbot, PrintDialog(context(office)))
    dialog.kind.setCurrentIndex(dialog.kind.findData("current"))
    dialog.layout_choice.setCurrentIndex(dialog.layout_choice.findData(True))
    dialog.preview_button.click()
    preview = generated_preview(qtbot, dialog)
    text = pdf_text(preview.pdf_path)
    assert "河清市现行有效行政规范性文件目录" in text and "打印日期" not in text
    preview.close()
