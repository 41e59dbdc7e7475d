"""A clerk's whole day with the keyboard alone: every page is reached by Ctrl+1…7 and every
button a page shows is reached by Tab from the page list (nothing left to the mouse)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QRadioButton

from app.ui.main_window import SECTIONS, MainWindow
from tests.ui_context import context
from tests.widgets import shown

TAB_LIMIT = 400


@pytest.fixture
def window(qtbot, demo):
    window = shown(qtbot, MainWindow(context(demo)))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    return window


def tabbed_through(qtbot, window) -> set[QAbstractButton]:
    """Every button the focus lands on, pressing Tab from the page list round the window."""
    window.nav.setFocus()
    reached: set[QAbstractButton] = set()
    for _ in range(TAB_LIMIT):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if isinstance(now, QAbstractButton):
            reached.add(now)
        if now is window.nav:
            break
    return reached


def _group_reached(button: QAbstractButton, reached: set[QAbstractButton]) -> bool:
    """Tab stops at one radio button of a group; the arrow keys choose among them."""
    if not isinstance(button, QRadioButton):
        return False
    group = button.group()
    siblings = group.buttons() if group else button.parentWidget().findChildren(QRadioButton)
    return any(s in reached for s in siblings)


@pytest.mark.parametrize("number", range(1, len(SECTIONS) + 1))
def test_each_page_and_every_button_on_it_is_reached_from_the_keyboard(qtbot, window, number):
    section = SECTIONS[number - 1]
    qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
    assert window.current_section() == section.key
    window.ctx.runner.wait()
    page = window.pages.currentWidget()
    wanted = {
        b
        for b in page.findChildren(QAbstractButton)
        if b.isVisibleTo(window) and b.isEnabled() and b.text()
    }
    assert wanted, f"{section.title}: no buttons found"
    reached = tabbed_through(qtbot, window)
    missed = {b for b in wanted - reached if not _group_reached(b, reached)}
    assert not missed, f"{section.title}: " + "、".join(sorted(b.text() for b in missed))


def test_every_dialog_button_is_reached_with_tab(qtbot, demo):
    """The dialogs the screen probe opens (every top-level window but the main one): Tab goes
    round each, through every button it shows."""
    from tests import screen_probe

    ctx = context(demo)
    missed: dict[str, list[str]] = {}
    for name, make in screen_probe.windows(ctx):
        if name in ("主窗口", "文件登记簿"):
            continue
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
        ctx.runner.wait()
        wanted = {
            b
            for b in dialog.findChildren(QAbstractButton)
            if b.isVisibleTo(dialog) and b.isEnabled() and b.text()
        }
        reached: set[QAbstractButton] = set()
        for _ in range(TAB_LIMIT):
            focused = QApplication.focusWidget() or dialog
            qtbot.keyClick(focused, Qt.Key.Key_Tab)
            now = QApplication.focusWidget()
            if isinstance(now, QAbstractButton):
                reached.add(now)
            if wanted <= reached:
                break
        left = {b for b in wanted - reached if not _group_reached(b, reached)}
        if left:
            missed[name] = sorted(b.text() for b in left)
        dialog.close()
    assert missed == {}
