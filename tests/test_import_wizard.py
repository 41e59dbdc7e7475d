import threading

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtWidgets import QFileDialog, QWizard
from sqlalchemy import func, select

from app.models import AuditEntry, Document
from app.services import importing
from app.services.permissions import SYSTEM
from app.ui.importing.mapping_page import HEADER_BACKGROUND
from app.ui.importing.pages import CANCELLED
from app.ui.importing.wizard import ImportWizard
from app.ui.main_window import MainWindow
from tests.ledgers import messy_ledger
from tests.ui_context import context
from tests.widgets import shown

GUESSED = {"title", "doc_number", "published", "effective", "valid_until", "status", "issuer",
           "remarks"}  # fmt: skip


@pytest.fixture
def wizard(qtbot, office):
    return shown(qtbot, ImportWizard(context(office)))


@pytest.fixture
def ledger(tmp_path):
    return messy_ledger(tmp_path / "ledger.xlsx")


def settle(wizard: ImportWizard) -> None:
    assert wizard.file_page.runner.wait()


def go_next(wizard: ImportWizard) -> None:
    wizard.next()
    settle(wizard)


def open_ledger(wizard: ImportWizard, path, monkeypatch) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    wizard.file_page.browse.click()
    settle(wizard)
    go_next(wizard)


def to_check_page(wizard: ImportWizard, path, monkeypatch) -> None:
    open_ledger(wizard, path, monkeypatch)
    go_next(wizard)
    assert wizard.currentPage() is wizard.check_page


def count(database, model) -> int:
    with database.reading() as s:
        return s.scalar(select(func.count()).select_from(model))


def big_ledger(path, rows: int = 300):
    wb = Workbook()
    wb.active.append(["文件名称", "公布日期", "制定机关"])
    for n in range(rows):
        wb.active.append([f"文件{n}", "2024-01-02", "MZ"])
    wb.save(path)
    return path


def test_mapping_page_guesses_the_header_row_and_the_fields(wizard, ledger, monkeypatch):
    open_ledger(wizard, ledger, monkeypatch)
    page = wizard.mapping_page
    assert wizard.currentPage() is page
    assert page.header_row.value() == 3
    assert set(page.mapping().columns.values()) == GUESSED
    header_line = [n for n, _values in wizard.state.sheet.rows].index(3)
    assert page.preview.item(header_line, 1).background().color() == HEADER_BACKGROUND


def test_check_page_counts_rows_and_lists_each_problem(wizard, ledger, monkeypatch):
    to_check_page(wizard, ledger, monkeypatch)
    page = wizard.check_page
    assert page.summary.text() == "共 10 行，可导入 4 行，有问题 6 行。"
    table = page.problems
    rows = [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())]
    assert any(r[:2] == ["9", "文件名称"] and "超过 300 个字" in r[3] for r in rows)


def test_the_check_writes_nothing(wizard, office, ledger, monkeypatch):
    to_check_page(wizard, ledger, monkeypatch)
    assert count(office, Document) == 0
    assert count(office, AuditEntry) == 2  # the issuer, sealed


def test_finish_imports_the_accepted_rows(wizard, office, ledger, monkeypatch, no_modal_boxes):
    to_check_page(wizard, ledger, monkeypatch)
    go_next(wizard)
    assert "将导入 4 行；有问题的 6 行不会导入。" in wizard.confirm_page.text.text()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    settle(wizard)
    assert count(office, Document) == 4
    assert no_modal_boxes == ["已导入 4 件文件。"]
    assert wizard.result() == QWizard.DialogCode.Accepted and not wizard.isVisible()


def test_unmapped_title_column_blocks_going_on(wizard, ledger, monkeypatch):
    open_ledger(wizard, ledger, monkeypatch)
    page = wizard.mapping_page
    page.combos[1].setCurrentIndex(page.combos[1].findData(None))  # column B, 文件名称
    go_next(wizard)
    assert wizard.currentPage() is page
    assert page.error.text() == "列对应：必须指定“文件名称”所在的列。"


def test_exported_check_result_has_the_result_column(wizard, ledger, tmp_path, monkeypatch):
    to_check_page(wizard, ledger, monkeypatch)
    asked = tmp_path / "检查结果"  # no suffix typed: .xlsx is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(asked), ""))
    wizard.check_page.export_button.click()
    settle(wizard)
    sheet = load_workbook(tmp_path / "检查结果.xlsx").active
    assert sheet.cell(1, sheet.max_column).value == "检查结果"
    assert sheet.cell(2, sheet.max_column).value == "通过"  # ledger row 4


def test_saved_mapping_reads_back_as_the_same_columns(wizard, ledger, tmp_path, monkeypatch):
    open_ledger(wizard, ledger, monkeypatch)
    target = tmp_path / "列对应.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    wizard.mapping_page.save_button.click()
    loaded = importing.load_mapping(target, wizard.state.sheet)
    assert loaded.columns == wizard.mapping_page.mapping().columns


def test_cancelled_import_leaves_the_database_unchanged(wizard, office, tmp_path, monkeypatch):
    to_check_page(wizard, big_ledger(tmp_path / "big.xlsx"), monkeypatch)
    go_next(wizard)
    gate = threading.Event()  # holds the runner so the import is cancelled before it starts
    wizard.confirm_page.runner.run(lambda _s, _p: gate.wait(10), use_session=False)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    wizard.confirm_page.job.request_cancel()
    gate.set()
    settle(wizard)
    assert count(office, Document) == 0
    assert wizard.isVisible() and wizard.currentPage() is wizard.confirm_page
    assert wizard.confirm_page.error.text() == CANCELLED


def test_file_menu_opens_the_import_wizard(qtbot, office):
    window = shown(qtbot, MainWindow(context(office)))
    # the list kept: under PySide6 6.9 a menu taken from a temporary list dies with it
    bar = window.menuBar().actions()
    menu = next(a.menu() for a in bar if a.text() == "文件(&F)")
    next(a for a in menu.actions() if a.text() == "导入台账…").trigger()
    assert isinstance(window.findChild(ImportWizard), ImportWizard)
    window.findChild(ImportWizard).close()


def test_check_page_lists_rows_already_in_the_register_as_skipped(
    wizard, office, ledger, monkeypatch
):
    with office.transaction() as s:
        sheet = importing.read_sheet(ledger)
        importing.run_import(s, SYSTEM, sheet, importing.guess_mapping(sheet))
    to_check_page(wizard, ledger, monkeypatch)
    page = wizard.check_page
    assert page.summary.text() == "共 10 行，可导入 0 行，已在登记簿中 5 行（跳过），有问题 5 行。"
    table = page.problems
    rows = [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())]
    assert rows[0][:2] == ["4", "发文字号"] and rows[0][3].startswith("已在登记簿中（登记编号 ")
    assert count(office, Document) == 4


def test_the_wizard_maps_the_filing_columns_and_says_which_rows_have_none(
    wizard, office, tmp_path, monkeypatch
):
    from app.models import Filing

    wb = Workbook()
    wb.active.append(["文件名称", "制定机关", "公布日期", "报送日期", "备案机关", "备案结果"])
    wb.active.append(
        ["河清市救助办法", "MZ", "2024-03-01", "2024-03-10", "本级人民政府", "予以备案"]
    )
    wb.active.append(["河清市老办法", "MZ", "2019-01-02", None, None, None])
    wb.save(tmp_path / "ledger.xlsx")
    open_ledger(wizard, tmp_path / "ledger.xlsx", monkeypatch)
    mapped = set(wizard.mapping_page.mapping().columns.values())
    assert {"filed_on", "filing_recipient", "filing_result"} <= mapped
    go_next(wizard)
    go_next(wizard)
    assert "其中 1 行没有报送日期、备案机关和备案结果" in wizard.confirm_page.text.text()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    settle(wizard)
    with office.reading() as s:
        filed = [(f.recipient, str(f.filed_on), f.result) for f in s.scalars(select(Filing))]
        marked = [d.title for d in s.scalars(select(Document).where(Document.filing_unrecorded))]
    assert filed == [("本级人民政府", "2024-03-10", "予以备案")] and marked == ["河清市老办法"]
