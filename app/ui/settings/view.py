"""设置: the office's rules, its issuers and number templates, its working-day calendar, the
printing fonts, users, backups, the audit log and data safety (number gaps, the full check), one
tab each."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget

from app.ui.context import AppContext
from app.ui.settings.audit_page import AuditPage
from app.ui.settings.backup_page import BackupPage
from app.ui.settings.calendar_page import CalendarPage
from app.ui.settings.issuers_page import IssuersPage
from app.ui.settings.print_page import PrintPage
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
        self.printing = PrintPage(ctx)
        self.addTab(self.printing, "打印")
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
        """Whether the clerk may go to another section (unsaved rules or fonts are asked about)."""
        return self._may_leave(self.currentWidget())

    def _may_leave(self, page: QWidget | None) -> bool:
        if page is self.rules:
            return self.rules.may_leave()
        return page is not self.printing or self.printing.may_leave()

    def _tab_changed(self, index: int) -> None:
        if not self._may_leave(self.widget(self.shown_tab)):
            self.blockSignals(True)  # the clerk stays on the page with unsaved changes
            self.setCurrentIndex(self.shown_tab)
            self.blockSignals(False)
            return
        self.shown_tab = index
