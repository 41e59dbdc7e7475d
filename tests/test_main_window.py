import logging

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QMessageBox

from app.db import describe
from app.ui import crash
from app.ui.home.view import HomeView
from app.ui.main_window import SECTIONS, MainWindow
from app.ui.register.view import RegisterView
from app.ui.widgets import state
from tests.ui_context import context
from tests.widgets import shown


@pytest.fixture
def window(qtbot, database):
    return shown(qtbot, MainWindow(context(database)))


def test_navigation_lists_every_section_and_switches_page(window):
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == ["首页", "文件登记簿", "合法性审核", "备案", "有效期与清理", "统计", "设置"]
    for index, section in enumerate(SECTIONS):
        window.nav.setCurrentRow(index)
        assert window.pages.currentIndex() == index
        assert window.current_section() == section.key


def test_every_page_is_reached_from_the_keyboard(qtbot, window):
    from PySide6.QtCore import Qt

    window.activateWindow()
    for number, section in reversed(list(enumerate(SECTIONS, start=1))):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert window.current_section() == section.key


def test_window_opens_on_the_dashboard(window):
    assert window.current_section() == "home"
    assert isinstance(window.pages.currentWidget(), HomeView)


def test_section_chosen_before_showing_is_the_only_page_built(qtbot, database):
    win = MainWindow(context(database))
    qtbot.addWidget(win)
    win.show_section("register")
    win.show()
    assert isinstance(win.pages.currentWidget(), RegisterView)
    assert not any(isinstance(win.pages.widget(i), HomeView) for i in range(len(SECTIONS)))


def test_status_bar_shows_database_location(window, database):
    assert describe(database.url) in window.db_label.text()
    assert window.today_label.isHidden()


def test_a_start_on_the_register_writes_its_columns_only_once_it_has_shown(
    qtbot, database, monkeypatch
):
    """Qt hides the register as the window's stack takes it in, before it ever shows: its
    layout from ui.ini is not written back then; once it has shown and is left, it is."""
    saved = []
    monkeypatch.setattr(state, "save_header", lambda header, key: saved.append(key))
    win = MainWindow(context(database))
    qtbot.addWidget(win)
    win.show_section("register")
    assert saved == []
    win.show()
    qtbot.waitExposed(win)
    win.show_section("settings")
    assert saved == ["register"]


def test_status_bar_shows_a_day_pinned_by_normdesk_today(qtbot, database, monkeypatch):
    monkeypatch.setenv("NORMDESK_TODAY", "2026-12-28")
    win = shown(qtbot, MainWindow(context(database)))
    assert win.today_label.isVisible()
    assert win.today_label.text() == "模拟日期：2026-12-28"


def test_window_geometry_is_remembered(qtbot, database):
    first = shown(qtbot, MainWindow(context(database)))
    first.resize(780, 610)
    first.close()
    second = MainWindow(context(database))
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (780, 610)


def test_unexpected_error_is_logged_and_shown_with_log_path(qtbot, monkeypatch, caplog):
    shown = {}

    def fake_exec(box):
        shown["text"] = box.informativeText()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    with caplog.at_level(logging.ERROR):
        try:
            raise ZeroDivisionError("division by zero")
        except ZeroDivisionError as exc:
            crash._hook(type(exc), exc, exc.__traceback__)
    assert "normdesk.log" in shown["text"]
    assert any("ZeroDivisionError" in (r.exc_text or "") for r in caplog.records)


def test_the_window_opens_no_larger_than_the_screen_and_inside_it(qtbot, database):
    win = shown(
        qtbot, MainWindow(context(database))
    )  # asks for 1200 x 780; the offscreen screen is smaller
    area = win.screen().availableGeometry()
    assert area.width() < 1200 or area.height() < 780  # the case this test is about
    assert area.contains(win.geometry()), (win.geometry(), area)


def test_a_closed_window_refreshes_nothing_when_the_day_turns(qtbot, database):
    """Its day watch stopped: a window closed (not deleted) whose timer went on fired a minute
    later into a dropped database, aborting a later test's teardown on PostgreSQL."""
    win = shown(qtbot, MainWindow(context(database)))
    assert win.day_watch.timer.isActive()
    win.close()
    assert not win.day_watch.timer.isActive()


def test_a_large_window_remembers_its_size_but_never_outgrows_the_screen(qtbot):
    from PySide6.QtWidgets import QDialog

    from app.ui.widgets import state

    class BigDialog(QDialog):
        pass

    area = QApplication.primaryScreen().availableGeometry()
    first = BigDialog()
    qtbot.addWidget(first)
    state.resize_within_screen(first, 5000, 5000)  # asks for more than any screen
    assert first.width() <= area.width() and first.height() <= area.height()
    first.resize(300, 200)  # the clerk makes it smaller
    first.done(0)
    again = BigDialog()
    qtbot.addWidget(again)
    state.resize_within_screen(again, 5000, 5000)
    assert (again.width(), again.height()) == (300, 200)
    state.ui_settings().setValue("size/BigDialog", QSize(9000, 9000))  # saved on a larger screen
    third = BigDialog()
    qtbot.addWidget(third)
    state.resize_within_screen(third, 400, 300)
    assert third.width() <= area.width() and third.height() <= area.height()


def test_the_title_bar_names_the_office_then_the_program_once(qtbot, office):
    """Qt appends the display name (规范性文件管理系统) to a title not ending with it, so the title
    ends with it: the program is named once, and no English name beside it."""
    from app import APP_TITLE
    from app.services import settings
    from app.services.permissions import pc_administrator
    from app.ui.changes import Change

    with office.transaction() as s:
        settings.put(s, pc_administrator(), "office.name", "河清市民政局")
    win = shown(qtbot, MainWindow(context(office)))
    assert win.windowTitle() == f"河清市民政局 — {APP_TITLE}"
    with office.transaction() as s:
        settings.put(s, pc_administrator(), "office.name", "河清市人民政府")
    win.ctx.runner.data_changed.emit({Change.SETTINGS})
    assert win.windowTitle() == f"河清市人民政府 — {APP_TITLE}"
    assert win.windowTitle().count(APP_TITLE) == 1 and "NormDesk" not in win.windowTitle()


def test_the_title_of_an_office_not_named_yet_is_the_program(qtbot, database):
    from app import APP_TITLE

    assert shown(qtbot, MainWindow(context(database))).windowTitle() == APP_TITLE
