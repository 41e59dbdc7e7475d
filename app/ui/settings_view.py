"""设置: the office's rules and its working-day calendar, one tab each."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget

from app.db import Database
from app.ui.calendar_page import CalendarPage
from app.ui.rules_page import RulesPage


class SettingsView(QTabWidget):
    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rules = RulesPage(database)
        self.calendar = CalendarPage(database)
        self.addTab(self.rules, "规则")
        self.addTab(self.calendar, "工作日历")
