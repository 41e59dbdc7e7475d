"""Form fields every dialog uses: dates (set or optional), one-line fields and short texts."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QLineEdit, QPlainTextEdit, QWidget

from app import clock

DATE_FORMAT = "yyyy-MM-dd"


def qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def date_edit(value: date | None = None) -> QDateEdit:
    """A date with a calendar pop-up, today unless told otherwise."""
    edit = QDateEdit(qdate(value or clock.today()))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    return edit


def line_edit(placeholder: str = "") -> QLineEdit:
    """A one-line field; the placeholder says what goes in it, with an example."""
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    return edit


def text_edit(height: int = 64, placeholder: str = "") -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)  # Tab goes to the next field (a clerk's text needs no tab)
    edit.setFixedHeight(height)
    edit.setPlaceholderText(placeholder)
    return edit


class OptionalDate(QWidget):
    """A date that may be left unset: a check box turns the date edit on."""

    def __init__(self, label: str = "填写", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enabled = QCheckBox(label)
        self.edit = date_edit()
        self.edit.setEnabled(False)
        self.enabled.toggled.connect(self.edit.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled)
        layout.addWidget(self.edit, 1)

    def value(self) -> date | None:
        return pydate(self.edit.date()) if self.enabled.isChecked() else None

    def set_value(self, value: date | None) -> None:
        self.enabled.setChecked(value is not None)
        if value is not None:
            self.edit.setDate(qdate(value))
