"""The one question asked before leaving a tab with unsaved edits: save, drop them, or stay."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget


def may_leave(
    parent: QWidget, tab: str, changed: int, save: Callable[[], None], drop: Callable[[], None]
) -> bool:
    """True when the clerk may go on: nothing changed, or the `changed` edits on `tab` were
    saved or dropped; False when the clerk chose to stay."""
    if not changed:
        return True
    box = QMessageBox(
        QMessageBox.Icon.Question,
        f"{tab}尚未保存",
        f"“{tab}”中有 {changed} 项修改尚未保存。",
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.button(QMessageBox.StandardButton.Save).setText("保存")
    box.button(QMessageBox.StandardButton.Discard).setText("放弃修改")
    box.button(QMessageBox.StandardButton.Cancel).setText("留在此页")
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        save()
        return True
    if answer == QMessageBox.StandardButton.Discard:
        drop()
        return True
    return False
