"""设置: the office's rules, its issuers and number templates, its working-day calendar, users,
backups, the audit log and data safety (number gaps, the full check), one tab each."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget

from app.ui.context import AppContext
from app.ui.settings.audit_page import AuditPage
from app.ui.settings.backup_page import BackupPage
from app.ui.settings.calendar_page import CalendarPage
from app.ui.settings.issuers_page import IssuersPage
from app.ui.settings.rules_page import RulesPage
from app.ui.settings.safety_page import SafetyPage
from app.ui.settings.users_page import UsersPage


class SettingsView(QTabWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.issuers = IssuersPage(ctx)
        self.rules = RulesPage(ctx)
        self.calendar = CalendarPage(ctx)
        self.addTab(self.rules, "规则")
        self.addTab(self.issuers, "单位与编号")
        self.addTab(self.calendar, "工作日历")
        self.users = UsersPage(ctx)
        self.backups = BackupPage(ctx)
        self.audit = AuditPage(ctx)
        self.addTab(self.users, "用户")
        self.addTab(self.backups, "备份与恢复")
        self.addTab(self.audit, "审计日志")
        self.safety = SafetyPage(ctx)
        self.addTab(self.safety, "数据安全")
        self.backups.rules_requested.connect(lambda: self.setCurrentWidget(self.rules))
        self.shown_tab = self.currentIndex()
        self.currentChanged.connect(self._tab_changed)

    def may_leave(self) -> bool:
        """Whether the clerk may go to another section (unsaved rules are asked about)."""
        return self.currentWidget() is not self.rules or self.rules.may_leave()

    def _tab_changed(self, index: int) -> None:
        if self.widget(self.shown_tab) is self.rules and not self.rules.may_leave():
            self.blockSignals(True)  # the clerk stays on 规则
            self.setCurrentIndex(self.shown_tab)
            self.blockSignals(False)
            return
        self.shown_tab = index
