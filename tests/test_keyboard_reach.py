"""A clerk's whole day with the keyboard alone: every page is reached by Ctrl+1…7 and every
button a page shows is reached by Tab from the page list (nothing left to the mouse)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QRadioButton, QWidget

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


def missed_buttons(qtbot, top: QWidget, within: QWidget, start: QWidget) -> list[str]:
    """The buttons `within` shows (in the window `top`) that pressing Tab from `start`, round
    and round, never lands on; a radio group counts as reached once one of it is."""
    wanted = {
        b
        for b in within.findChildren(QAbstractButton)
        if b.isVisibleTo(top) and b.isEnabled() and b.text()
    }
    assert wanted, "no buttons found"
    start.setFocus()
    reached: set[QAbstractButton] = set()
    left = list(wanted)
    for _ in range(TAB_LIMIT):
        qtbot.keyClick(QApplication.focusWidget() or top, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if isinstance(now, QAbstractButton):
            reached.add(now)
        left = [b for b in wanted - reached if not _group_reached(b, reached)]
        if not left:
            break
    return sorted(b.text() for b in left)


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
    missed = missed_buttons(qtbot, window, page, window.nav)
    assert not missed, f"{section.title}: " + "、".join(missed)


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
        left = missed_buttons(qtbot, dialog, dialog, QApplication.focusWidget() or dialog)
        if left:
            missed[name] = left
        dialog.close()
    assert missed == {}
