"""A list's row opened by a double click or, from the keyboard, by Enter."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView

OPEN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def on_open(view: QAbstractItemView, slot: Callable[[QModelIndex], object]) -> None:
    """`slot(index)` on a double click, or on Enter with the row current (only while the list
    has the focus: Enter in a dialog's fields still presses its default button)."""
    view.doubleClicked.connect(slot)
    for key in OPEN_KEYS:
        shortcut = QShortcut(QKeySequence(key), view)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(lambda: _open_current(view, slot))


def _open_current(view: QAbstractItemView, slot: Callable[[QModelIndex], object]) -> None:
    index = view.currentIndex()
    if index.isValid():
        slot(index)
