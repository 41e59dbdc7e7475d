"""The message box of a start-up that failed (app/windowed.py): Qt's, with or without a running
QApplication."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox


def show(title: str, text: str, is_error: bool) -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    icon = QMessageBox.Icon.Critical if is_error else QMessageBox.Icon.Information
    QMessageBox(icon, title, text).exec()
    del app
