"""The manual's screenshots, taken from the real GUI on demo data (docs/images/*.png, committed),
the manual as PDF, and F1 opening it at the page's section."""

import os
import re
import sys
from datetime import date
from pathlib import Path, PureWindowsPath

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QWidget
from sqlalchemy import select

from app import clock
from app.config import data_dir
from app.db import describe
from app.models import ProcedureStep
from app.reports import manual_pdf
from app.services import demo
from app.services.permissions import Actor, Role
from app.ui.main_window import SECTIONS, MainWindow
from app.ui.manual_dialog import SECTION_HEADINGS, ManualDialog
from app.ui.setup.pages import ISSUERS, OFFICE
from app.ui.setup.wizard import SetupWizard
from tests.ui_context import context

DOCS = Path(__file__).resolve().parents[1] / "docs"
IMAGES = DOCS / "images"
MANUAL = DOCS / "manual.md"
SIZE = (1200, 800)
SHOWN_DB = r"C:\Users\zhangming\AppData\Local\NormDesk\normdesk.db"  # not the test's tmp path


@pytest.fixture(autouse=True)
def no_modal_boxes(monkeypatch):
    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: None)


@pytest.fixture
def demo_office(database):
    clock.fix_today(date(2026, 3, 16))
    with database.transaction() as s:
        demo.make_demo(s, 300)
    return database


@pytest.fixture
def window(qtbot, demo_office):
    # the pictures show a clerk's name, not the tester's
    win = MainWindow(context(demo_office, Actor("zhangming", Role.ADMIN)))
    win.db_label.setText(f"数据库：{SHOWN_DB}")
    qtbot.addWidget(win)
    win.show()
    win.resize(*SIZE)  # after show: the first show fits the window to the (small) offscreen screen
    qtbot.waitExposed(win)
    return win


def settle(database) -> None:
    assert context(database).runner.wait(30_000)
    for _ in range(5):
        QApplication.processEvents()


@pytest.fixture(autouse=True)
def image_folder(tmp_path, monkeypatch):
    """`make manual` (NORMDESK_UPDATE_MANUAL=1) refreshes docs/images; a plain test run writes
    the same pictures to a temporary folder, so running the tests never changes tracked files."""
    if not os.environ.get("NORMDESK_UPDATE_MANUAL"):
        monkeypatch.setattr(sys.modules[__name__], "IMAGES", tmp_path / "images")


def save(widget: QWidget, name: str) -> Path:
    path = IMAGES / f"{name}.png"
    IMAGES.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(path))
    return path


def assert_real_picture(path: Path, least: tuple[int, int] = SIZE) -> None:
    """Written, of a useful size, and not blank: many colours across the picture."""
    assert path.is_file() and 5_000 < path.stat().st_size < 600_000
    image = QImage(str(path))
    assert image.width() >= least[0] and image.height() >= least[1]
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }
    assert len(colours) > 20


def test_screenshots_of_each_section_are_written(window, demo_office):
    shots = []
    for key in ("home", "review", "filing", "validity"):
        window.show_section(key)
        settle(demo_office)
        shots.append(save(window, key))

    window.show_section("register")
    register = window.page("register")
    settle(demo_office)
    with demo_office.reading() as s:
        doc_id = s.scalar(select(ProcedureStep.document_id).order_by(ProcedureStep.id.desc()))
    register.select_document(doc_id)
    settle(demo_office)
    register.table.scrollTo(register.table.currentIndex())
    shots.append(save(window, "register"))
    register.splitter.setSizes([260, 520])
    register.detail.tabs.setCurrentWidget(register.detail.steps)  # 文件详情：办理环节
    settle(demo_office)
    shots.append(save(window, "document"))

    window.show_section("settings")
    settings_view = window.page("settings")
    for tab, name in ((settings_view.issuers, "settings"), (settings_view.users, "users"),
                      (settings_view.backups, "backup")):  # fmt: skip
        settings_view.setCurrentWidget(tab)
        where = settings_view.issuers.where
        shown = where.text().replace(describe(demo_office.url), SHOWN_DB)
        where.setText(shown.replace(str(data_dir()), str(PureWindowsPath(SHOWN_DB).parent)))
        settle(demo_office)
        shots.append(save(window, name))

    for path in shots:
        assert_real_picture(path)


def test_screenshots_of_the_dialogs_are_written(window, demo_office, qtbot):
    from app.ui.importing.wizard import ImportWizard
    from app.ui.register.print_dialog import PrintDialog

    shots = []
    for dialog, name in ((PrintDialog(context(demo_office), window), "print"),
                         (ImportWizard(context(demo_office), window), "import")):  # fmt: skip
        qtbot.addWidget(dialog)
        dialog.show()
        settle(demo_office)
        shots.append(save(dialog, name))
        dialog.close()
    for path in shots:
        assert_real_picture(path, (300, 120))


def test_screenshot_of_the_setup_wizard_is_written(qtbot, database):
    clock.fix_today(date(2026, 3, 16))
    wizard = SetupWizard(context(database))
    qtbot.addWidget(wizard)
    wizard.resize(900, 660)  # as on an office screen (the offscreen one is 800×600)
    wizard.show()
    wizard.next()
    wizard.steps[OFFICE].name.setText("河清市司法局")
    wizard.next()
    form = wizard.steps[ISSUERS].form
    for name, code, abbr in (("河清市民政局", "MZ", "河民发"), ("河清市财政局", "CZ", "河财发")):
        form.name.setText(name)
        form.code.setText(code)
        form.abbr.setText(abbr)
        form.template.line.setText("{code}GS-{year}-{seq:03d}")
        wizard.steps[ISSUERS].add_button.click()
        settle(database)
    form.name.setText("河清市人力资源和社会保障局")
    form.code.setText("RS")
    form.abbr.setText("河人社发")
    form.template.line.setText("{code}GS-{year}-{seq:03d}")
    settle(database)
    assert form.template.preview.text() == "下一个编号：RSGS-2026-001"
    assert_real_picture(save(wizard, "setup"), (800, 600))


def test_manual_shows_only_images_that_exist():
    text = MANUAL.read_text(encoding="utf-8")
    referenced = re.findall(r"!\[[^\]]*\]\((images/[^)]+)\)", text)
    assert len(referenced) >= 10
    assert all((DOCS / ref).is_file() for ref in referenced)


def test_manual_pdf_has_the_headings(tmp_path):
    target = tmp_path / "manual.pdf"
    pages = manual_pdf.pdf(target, date(2026, 3, 16))
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert pages == len(PdfReader(target).pages) > 5
    headings = re.findall(r"^##\s+(.+)$", MANUAL.read_text(encoding="utf-8"), re.MULTILINE)
    for heading in ["规范性文件管理系统操作手册", *headings]:
        assert heading in text
    assert "第 1 页" in text


def test_manual_pdf_from_the_command_line(tmp_path):
    from app.cli import run

    target = tmp_path / "manual.pdf"
    assert run(["print", "manual", "-o", str(target)]) == 0
    assert "合法性审核" in "".join(p.extract_text() for p in PdfReader(target).pages)


def test_every_section_has_a_heading_in_the_manual():
    text = MANUAL.read_text(encoding="utf-8")
    assert {s.key for s in SECTIONS} <= set(SECTION_HEADINGS)
    for heading in SECTION_HEADINGS.values():
        assert f"\n## {heading}\n" in text


def test_the_manual_names_every_menu_command_and_its_shortcut(qtbot, database):
    text = MANUAL.read_text(encoding="utf-8")
    window = MainWindow(context(database, Actor("admin", Role.ADMIN)))
    qtbot.addWidget(window)
    unnamed, keys = [], []
    for menu in window.menuBar().findChildren(QMenu):
        for action in menu.actions():
            name = re.sub(r"\(&\w\)|&", "", action.text())
            if action.isSeparator() or name in ("退出", "关于"):
                continue
            unnamed += [] if name in text else [name]
            keys.append(action.shortcut().toString(QKeySequence.SequenceFormat.PortableText))
    assert unnamed == []
    pages = [f"Ctrl+{n}" for n in range(1, len(SECTIONS) + 1)]  # 转到: said as one range
    assert [k for k in keys if k in pages] == pages
    assert f"Ctrl+1 到 Ctrl+{len(SECTIONS)}" in text
    assert [k for k in keys if k and k not in pages and k not in text] == []


def test_f1_opens_the_manual_at_the_current_section(window, qtbot):
    window.show_section("filing")
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.manual
    assert isinstance(dialog, ManualDialog) and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.browser.verticalScrollBar().value() > 0)
    assert dialog.top_heading() == "备案"
    dialog.close()
