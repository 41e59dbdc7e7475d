import threading
import time

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog, QPushButton

from app import clock
from app.reports import catalog_output, current_catalog, page
from app.services.catalogs import CatalogFilter, catalog
from app.ui.main_window import MainWindow
from app.ui.register.print_dialog import PrintDialog
from app.ui.register.view import RegisterView
from app.ui.widgets.pdf_preview import PAGE_MARGIN, Fit, PdfPreview
from tests.ui_context import context
from tests.widgets import opened_preview, shown


@pytest.fixture
def dialog(qtbot, demo):
    return shown(qtbot, PrintDialog(context(demo)))


@pytest.fixture
def register_pdf(demo, tmp_path):
    target = tmp_path / "register.pdf"
    with demo.reading() as s:
        catalog_output.write_pdf(s, "register", CatalogFilter(), target)
    return target


@pytest.fixture
def preview(qtbot, register_pdf):
    widget = shown(qtbot, PdfPreview(register_pdf, "规范性文件登记簿"))
    yield widget
    widget.close()


def choose(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def generated_preview(qtbot, parent) -> PdfPreview:
    parent.ctx.runner.wait()
    return opened_preview(qtbot, parent)


def dark_pixels(image: QImage) -> int:
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    return sum(1 for value in bytes(gray.constBits()) if value < 128)


def test_preview_generates_the_register_and_shows_all_its_pages(qtbot, dialog):
    dialog.preview_button.click()
    preview = generated_preview(qtbot, dialog)
    assert preview.page_count == len(PdfReader(preview.pdf_path).pages) > 1
    assert preview.total.text() == f"共 {preview.page_count} 页"
    preview.close()


def test_annual_catalog_without_a_year_is_refused(qtbot, dialog, no_modal_boxes):
    choose(dialog.kind, "annual")
    dialog.preview_button.click()
    assert no_modal_boxes == ["年度目录必须选择年份。"]
    assert not dialog.ctx.runner.busy()
    assert dialog.findChild(PdfPreview) is None


def test_status_filter_is_offered_for_the_register_only(dialog):
    assert dialog.form.isRowVisible(dialog.status)
    choose(dialog.kind, "current")
    assert not dialog.form.isRowVisible(dialog.status)
    choose(dialog.status, "in_force")
    assert dialog.catalog_filter().status is None


def test_export_writes_the_chosen_catalog_to_a_workbook(
    qtbot, dialog, demo, tmp_path, monkeypatch, no_modal_boxes
):
    asked = tmp_path / "现行有效目录"  # no suffix typed: .xlsx is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(asked), ""))
    choose(dialog.kind, "current")
    dialog.export_button.click()
    context(demo).runner.wait()
    sheet = load_workbook(tmp_path / "现行有效目录.xlsx").active
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    with demo.reading() as s:
        expected = len(catalog(s, "current", CatalogFilter(), clock.today()).rows)
    assert rows[0] == ("序号", *(c.header for c in current_catalog.COLUMNS))
    assert len(rows) - 1 == expected > 0
    assert no_modal_boxes == [f"已导出 {expected} 行。"]


def test_cancel_during_generation_opens_no_preview(qtbot, dialog, monkeypatch, no_modal_boxes):
    started = threading.Event()

    def slow_write(_s, _kind, _f, _target, progress):
        started.set()
        for _ in range(1000):  # ten seconds at most, should cancelling not work
            if not progress(0, 1):
                raise page.Cancelled()
            time.sleep(0.01)
        return 1

    monkeypatch.setattr(catalog_output, "write_pdf", slow_write)
    dialog.preview_button.click()
    assert started.wait(5)
    dialog.findChild(QProgressDialog).findChild(QPushButton).click()  # its 取消
    assert dialog.ctx.runner.wait()
    assert dialog.findChild(PdfPreview) is None
    assert no_modal_boxes == []


def test_preview_renders_the_first_page_and_navigates_to_the_last(preview):
    assert preview.current_page() == 0
    image = preview.page_view.pixmap().toImage()
    assert not image.isNull() and dark_pixels(image) > 1000
    assert not preview.previous_button.isEnabled()
    last = preview.page_count - 1
    preview.page_spin.setValue(preview.page_count)
    assert preview.current_page() == last and not preview.next_button.isEnabled()
    preview.next_page()
    assert preview.current_page() == last
    preview.previous_page()
    assert preview.current_page() == last - 1


def test_zoom_switches_between_fit_width_and_actual_size(preview):
    preview.set_zoom(1.0)
    assert preview.zoom_label.text() == "100%"
    preview.zoom_in()
    assert preview.zoom_label.text() == "125%"
    preview.set_zoom(Fit.WIDTH)
    width = preview.page_view.pixmap().deviceIndependentSize().width()
    assert width <= preview.scroll_area.viewport().width()


def test_the_preview_opens_at_the_pages_whole_width_and_shows_a_whole_page_on_asking(preview):
    viewport = preview.scroll_area.viewport()
    shown = preview.page_view.pixmap().deviceIndependentSize()
    assert preview.zoom is Fit.WIDTH
    assert viewport.width() - 2 * PAGE_MARGIN - 2 <= shown.width() <= viewport.width()
    preview.set_zoom(Fit.PAGE)
    whole = preview.page_view.pixmap().deviceIndependentSize()
    assert whole.width() <= viewport.width() and whole.height() <= viewport.height()
    QApplication.processEvents()
    assert preview.scroll_area.verticalScrollBar().maximum() == 0  # one page, no scrolling


def test_printing_sends_every_page_in_landscape(preview, tmp_path):
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert preview.print_to(printer) == preview.page_count
    printed = PdfReader(tmp_path / "printed.pdf").pages
    assert len(printed) == preview.page_count
    assert printed[0].mediabox.width > printed[0].mediabox.height


def test_printing_honours_the_chosen_page_range(preview, tmp_path):
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "range.pdf"))
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    assert preview.print_to(printer) == 2
    assert len(PdfReader(tmp_path / "range.pdf").pages) == 2


def test_save_as_copies_the_pdf(preview, tmp_path, monkeypatch):
    target = tmp_path / "副本.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    preview.save_copy()
    assert target.read_bytes() == preview.pdf_path.read_bytes()


def test_register_prints_the_record_card_of_the_selected_document(qtbot, demo):
    view = shown(qtbot, RegisterView(context(demo)))
    assert not view.card_button.isEnabled()
    view.table.selectRow(0)
    view.card_button.click()
    preview = generated_preview(qtbot, view)
    assert preview.page_count == 1
    assert "登记表" in preview.windowTitle()
    preview.close()


def test_print_menu_opens_the_dialog_and_asks_for_a_selected_document(qtbot, demo, no_modal_boxes):
    window = shown(qtbot, MainWindow(context(demo)))
    # the list kept: under PySide6 6.9 a menu taken from a temporary list dies with it
    bar = window.menuBar().actions()
    menu = next(a.menu() for a in bar if a.text() == "打印/导出(&P)")
    catalogs, card, separator, publish = menu.actions()
    assert separator.isSeparator() and publish.text() == "发布目录…"
    assert catalogs.shortcut().toString() == "Ctrl+P"
    catalogs.trigger()
    assert isinstance(window.findChild(PrintDialog), PrintDialog)
    window.findChild(PrintDialog).close()
    card.trigger()
    assert no_modal_boxes == ["请先在文件登记簿中选择要打印的文件。"]
