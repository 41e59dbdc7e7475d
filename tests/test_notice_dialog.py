"""设置 → 工作日历 → 录入放假通知…: paste or open, parse, compare, confirm."""

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from app import clock
from app.services import workcalendar
from app.services.permissions import Actor, Role
from app.ui.settings.calendar_page import KIND_ROLE, CalendarPage
from app.ui.settings.notice_dialog import NoticeDialog
from tests.ui_context import context
from tests.widgets import shown

DATA = Path(__file__).parent / "data"
EXAMPLE_2027 = (DATA / "notice_2027_example.txt").read_text(encoding="utf-8")


@pytest.fixture
def page(qtbot, database) -> CalendarPage:
    clock.fix_today(date(2026, 11, 30))
    return shown(qtbot, CalendarPage(context(database)), size=(1100, 700))


def open_dialog(page: CalendarPage) -> NoticeDialog:
    page.notice_button.click()
    assert isinstance(page.dialog, NoticeDialog)
    return page.dialog


def test_a_parsed_notice_is_shown_against_the_provisional_calendar_then_saved(page, database):
    page.year.setValue(2027)
    assert "（2024年修订）的法定节假日和周末计算，为暂定" in page.banner.text()
    assert "请点击“录入放假通知”" in page.banner.text()
    page.year.setValue(2026)
    dialog = open_dialog(page)
    assert not dialog.save_button.isEnabled()
    dialog.text.setPlainText(EXAMPLE_2027)
    dialog.parse_button.click()

    assert dialog.error.isHidden() and dialog.save_button.isEnabled()
    assert dialog.table.horizontalHeaderItem(1).text() == "暂定安排"
    assert dialog.table.rowCount() == 22
    rows = [[dialog.table.item(r, c).text() for c in range(3)] for r in range(22)]
    assert ["2027年2月9日 周二", "工作日", "节假日"] in rows
    assert ["2027年1月31日 周日", "休息日", "调休上班"] in rows
    assert "春节：2月5日至13日放假；1月31日、2月20日上班" in dialog.summary.text()

    dialog.save_button.click()
    assert context(database).runner.wait()
    assert page.dialog is None and page.year.value() == 2027  # the page turns to the year
    assert page.day_item(date(2027, 2, 9)).data(KIND_ROLE) == "holiday"
    assert page.day_item(date(2027, 2, 13)).data(KIND_ROLE) == "holiday"  # a Saturday off
    assert page.day_item(date(2027, 2, 20)).data(KIND_ROLE) == "makeup"
    assert page.banner.isHidden()
    with database.reading() as s:
        assert workcalendar.load(s).knows(2027)


def test_refused_text_names_and_selects_the_failing_line_and_saves_nothing(page, database):
    dialog = open_dialog(page)
    broken = EXAMPLE_2027.replace("13日（农历正月初八、周六）", "13日（农历正月初八、周日）")
    dialog.text.setPlainText(broken)
    dialog.parse_button.click()

    assert dialog.error.isVisible()
    assert dialog.error.text().startswith("放假通知第 7 行无法识别：“二、春节：2月5日")
    assert "2027年2月13日是周六，不是周日" in dialog.error.text()
    assert dialog.text.textCursor().selectedText().strip().startswith("二、春节：")
    assert not dialog.save_button.isEnabled() and dialog.table.rowCount() == 0
    with database.reading() as s:
        assert not workcalendar.load(s).knows(2027)


def test_editing_the_text_after_parsing_asks_for_a_new_parse(page):
    dialog = open_dialog(page)
    dialog.text.setPlainText(EXAMPLE_2027)
    dialog.parse_button.click()
    assert dialog.save_button.isEnabled()
    dialog.text.appendPlainText("补充一行")
    assert not dialog.save_button.isEnabled() and dialog.table.rowCount() == 0
    assert dialog.summary.text() == "文本已修改，请重新解析。"


def test_opening_a_gb18030_file_parses_it(page, tmp_path, monkeypatch):
    path = tmp_path / "通知.txt"
    path.write_bytes(EXAMPLE_2027.encode("gb18030"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    dialog = open_dialog(page)
    dialog.open_button.click()
    assert dialog.save_button.isEnabled() and dialog.table.rowCount() == 22


def test_opening_a_binary_file_is_refused_in_the_dialog(page, tmp_path, monkeypatch):
    path = tmp_path / "scan.txt"
    path.write_bytes(b"%PDF-1.7\x00\x01\x02")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    dialog = open_dialog(page)
    dialog.open_button.click()
    assert "不是文本文件" in dialog.error.text() and dialog.text.toPlainText() == ""


def test_only_a_user_with_the_settings_permission_may_enter_a_notice(qtbot, database):
    clerk_page = CalendarPage(context(database, Actor("小李", Role.CLERK)))
    qtbot.addWidget(clerk_page)
    assert not clerk_page.notice_button.isEnabled()
    admin_page = CalendarPage(context(database, Actor("admin", Role.ADMIN)))
    qtbot.addWidget(admin_page)
    assert admin_page.notice_button.isEnabled()
