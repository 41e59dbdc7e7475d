"""The main window: section navigation on the left, the section's view on the right."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from app import APP_TITLE, clock
from app.db import describe
from app.services import issuers, people
from app.services.permissions import Actor
from app.ui import switching
from app.ui.about import show_about
from app.ui.changes import Change
from app.ui.context import AppContext
from app.ui.day_watch import DayWatch
from app.ui.widgets import state

if TYPE_CHECKING:
    from app.services.deadlines import Deadline
    from app.ui.app import Desk
    from app.ui.startup_checks import AfterStart

V = TypeVar("V", bound=QWidget)


@dataclass(frozen=True)
class Section:
    """A page of the main window, built (and its module imported) the first time it is shown."""

    key: str
    title: str
    module: str
    factory: str

    def make(self, ctx: AppContext) -> QWidget:
        return getattr(importlib.import_module(self.module), self.factory)(ctx)


SECTIONS: tuple[Section, ...] = (
    Section("home", "首页", "app.ui.home.view", "HomeView"),
    Section("register", "文件登记簿", "app.ui.register.view", "RegisterView"),
    Section("review", "合法性审核", "app.ui.review.view", "ReviewView"),
    Section("filing", "备案", "app.ui.filing.view", "FilingView"),
    Section("validity", "有效期与清理", "app.ui.validity.view", "ValidityView"),
    Section("statistics", "统计", "app.ui.statistics.view", "StatisticsView"),
    Section("settings", "设置", "app.ui.settings.view", "SettingsView"),
)


TITLE_KINDS = frozenset({Change.SETTINGS, Change.ISSUERS})  # what the office's name comes from


def window_title(office: str) -> str:
    return f"{office} — {APP_TITLE}" if office else APP_TITLE


class MainWindow(QMainWindow):
    after_start: AfterStart  # set by app.start_window
    desk: Desk  # set by app.start_window

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.database = ctx.database
        self.show_title()
        self.setMinimumSize(QSize(760, 520))
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(150)
        self.pages = QStackedWidget()
        self._built: set[str] = set()
        for section in SECTIONS:
            item = QListWidgetItem(section.title)
            item.setSizeHint(QSize(140, 40))
            self.nav.addItem(item)
            self.pages.addWidget(QWidget())  # replaced by the real page when first shown
        # Row 0 is selected before the page switching is connected: the first page is built when
        # the window is shown (showEvent), so a caller that opens another section before showing
        # the window does not build the dashboard for nothing.
        self.nav.setCurrentRow(0)
        self.nav.currentRowChanged.connect(self._show_row)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self.user_label = QLabel()
        self.statusBar().addPermanentWidget(self.user_label)
        self.db_label = QLabel(f"数据库：{describe(ctx.database.url)}")
        self.statusBar().addPermanentWidget(self.db_label)
        pinned = clock.pinned()
        self.today_label = QLabel(f"模拟日期：{pinned.isoformat()}" if pinned else "")
        self.today_label.setToolTip(
            f"环境变量 {clock.TODAY_ENV} 把“今天”设定为这一天（培训、核对用）"
        )
        self.today_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.today_label.setVisible(pinned is not None)
        self.statusBar().addPermanentWidget(self.today_label)
        self.show_user()
        self.resize(1200, 780)
        state.restore_window(self)
        self.day_watch = DayWatch(ctx, self)
        ctx.runner.data_changed.connect(self._on_data_changed)

    def show_title(self) -> None:
        """The office, then the program: Qt appends the application's display name to a title
        that does not already end with it, so the program is named once and last."""
        with self.database.reading() as s:
            office = issuers.office_name(s)
        self.setWindowTitle(window_title(office))

    def _on_data_changed(self, kinds: set[str]) -> None:
        if kinds & TITLE_KINDS:
            self.show_title()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("文件(&F)")
        file_menu.addAction("新建数据库…", lambda: switching.new_file(self))
        file_menu.addAction("打开数据库…", lambda: switching.choose_file(self))
        file_menu.addAction("连接单位服务器…", lambda: switching.connect_server(self))
        recent = file_menu.addMenu("最近使用")
        recent.aboutToShow.connect(lambda: switching.fill_recent(recent, self))
        file_menu.addSeparator()
        file_menu.addAction("导入台账…", self.open_import_wizard)
        self.migrate_action = file_menu.addAction("迁移到服务器…", self.open_migrate_dialog)
        file_menu.aboutToShow.connect(self._offer_migration)
        file_menu.addSeparator()
        file_menu.addAction("修改密码…", self.change_password)
        file_menu.addAction("切换用户…", self.switch_user)
        file_menu.addSeparator()
        quit_action = QAction("退出(&X)", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        go_menu = self.menuBar().addMenu("转到(&G)")
        for number, section in enumerate(SECTIONS, start=1):
            go = QAction(section.title, self)
            go.setShortcut(QKeySequence(f"Ctrl+{number}"))  # every page from the keyboard
            go.triggered.connect(lambda _checked=False, key=section.key: self.show_section(key))
            go_menu.addAction(go)
        print_menu = self.menuBar().addMenu("打印/导出(&P)")
        catalogs = print_menu.addAction("打印登记簿和目录…", self.open_print_dialog)
        catalogs.setShortcut(QKeySequence.StandardKey.Print)
        print_menu.addAction("打印文件登记表…", self.print_record_card)
        print_menu.addSeparator()
        self.publish_action = print_menu.addAction("发布目录…", self.publish_folder)
        help_menu = self.menuBar().addMenu("帮助(&H)")
        manual = QAction("操作手册(&M)", self)
        manual.setShortcut(QKeySequence(Qt.Key.Key_F1))
        manual.triggered.connect(self.open_manual)
        help_menu.addAction(manual)
        about = QAction("关于(&A)", self)
        about.triggered.connect(lambda: show_about(self, describe(self.database.url)))
        help_menu.addAction(about)

    def may_leave_page(self) -> bool:
        """The page shown has no unsaved edits, or the clerk lets them go (a page with a form
        asks through its `may_leave`)."""
        may_leave = getattr(self.pages.currentWidget(), "may_leave", None)
        return may_leave is None or bool(may_leave())

    def _show_row(self, row: int) -> None:
        if row != self.pages.currentIndex() and not self.may_leave_page():
            self.nav.blockSignals(True)  # the clerk stays: the list shows the section again
            self.nav.setCurrentRow(self.pages.currentIndex())
            self.nav.blockSignals(False)
            return
        self.page(SECTIONS[row].key)
        self.pages.setCurrentIndex(row)

    def page(self, key: str) -> QWidget:
        """The section's page, built on first use (start-up builds only the first one)."""
        index = next(i for i, s in enumerate(SECTIONS) if s.key == key)
        if key not in self._built:
            self._built.add(key)
            placeholder = self._widget(index)
            built = SECTIONS[index].make(self.ctx)
            self.pages.insertWidget(index, built)
            self.pages.removeWidget(placeholder)
            placeholder.deleteLater()
            if key == "home":
                from app.ui.home.view import HomeView

                self.view(HomeView).open_requested.connect(self.open_deadline)
                self.view(HomeView).laws_requested.connect(self.show_laws)
        return self._widget(index)

    def view(self, kind: type[V]) -> V:
        """The section page that is a `kind` (RegisterView, …), built on first use."""
        key = next(s.key for s in SECTIONS if s.factory == kind.__name__)
        page = self.page(key)
        if not isinstance(page, kind):
            raise TypeError(f"section {key} holds a {type(page).__name__}, not a {kind.__name__}")
        return page

    def _widget(self, index: int) -> QWidget:
        widget = self.pages.widget(index)
        if widget is None:
            raise IndexError(f"no section page {index}")
        return widget

    def open_import_wizard(self) -> None:
        from app.ui.importing.wizard import ImportWizard

        wizard = ImportWizard(self.ctx, self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.open()

    def _offer_migration(self) -> None:
        """Only for those the service lets copy the register (its module loads on first use)."""
        from app.services.database_copy import may_migrate

        self.migrate_action.setEnabled(may_migrate(self.ctx.user))

    def open_migrate_dialog(self) -> None:
        from app.ui.settings.migrate_dialog import MigrateDialog

        dialog = MigrateDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def open_manual(self) -> None:
        """F1: the manual, at the section about the page shown."""
        from app.ui.manual_dialog import open_manual

        self.manual = open_manual(self, self.current_section())

    def show_user(self) -> None:
        actor = self.ctx.user
        if actor is None:
            self.user_label.setText("未登录")
            return
        with self.ctx.database.reading() as s:
            name = people.names(s)(actor.name)
        self.user_label.setText(f"当前用户：{name}（{actor.role}）")
        self.user_label.setToolTip(f"用户名：{actor.name}")

    def change_password(self) -> None:
        from app.ui.settings.users_page import PasswordDialog

        dialog = PasswordDialog(self.ctx, self.ctx.actor().name, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def switch_user(self) -> None:
        from app.ui.login_dialog import LoginDialog

        dialog = LoginDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._signed_in(dialog.actor))
        dialog.open()

    def _signed_in(self, actor: Actor | None) -> None:
        if actor is not None:  # always once the dialog accepted
            self.ctx.user = actor
        self.show_user()

    def open_print_dialog(self) -> None:
        from app.ui.register.print_dialog import PrintDialog

        dialog = PrintDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def publish_folder(self) -> None:
        from app.ui.register.print_dialog import publish_folder

        publish_folder(self.ctx, self)

    def print_record_card(self) -> None:
        from app.ui.register.print_dialog import preview_record_card
        from app.ui.register.view import RegisterView

        doc_id = self.view(RegisterView).selected_id()
        if doc_id is None:
            QMessageBox.information(self, "打印文件登记表", "请先在文件登记簿中选择要打印的文件。")
            return
        preview_record_card(self.ctx, doc_id, self)

    def open_deadline(self, d: Deadline) -> None:
        """Show what a dashboard deadline is about on its own page, selected."""
        if d.kind == "review":
            from app.ui.review.case_dialog import CaseDialog
            from app.ui.review.view import ReviewView

            self.show_section("review")
            self.view(ReviewView).select_case(d.object_id)
            form = CaseDialog(self.ctx, d.object_id, self.page("review"))
            form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            form.open()
        elif d.kind in ("filing", "correction") and d.document_id is not None:
            from app.ui.filing.view import FilingView

            self.show_section("filing")
            filing_id = d.object_id if d.object_type == "filing" else None
            self.view(FilingView).select_document(d.document_id, filing_id)
        elif d.kind == "validity" and d.document_id is not None:
            from app.ui.validity.view import ValidityView

            self.show_section("validity")
            self.view(ValidityView).select_document(d.document_id)
        elif d.kind == "cleanup":
            from app.ui.validity.view import ValidityView

            self.show_section("validity")
            self.view(ValidityView).show_cleanup()
        elif d.document_id is not None:
            from app.ui.register.view import RegisterView

            self.show_section("register")
            self.view(RegisterView).select_document(d.document_id)

    def show_laws(self) -> None:
        from app.ui.validity.view import ValidityView

        self.show_section("validity")
        self.view(ValidityView).show_laws()

    def show_section(self, key: str) -> None:
        index = next(i for i, s in enumerate(SECTIONS) if s.key == key)
        self.nav.setCurrentRow(index)

    def current_section(self) -> str:
        return SECTIONS[self.nav.currentRow()].key

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        if self.current_section() not in self._built:
            self._show_row(self.nav.currentRow())
        super().showEvent(event)
        if not event.spontaneous():
            state.fit_to_screen(self)  # again now that the frame around it is known

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self.day_watch.timer.stop()  # a closed window refreshes nothing, even on a new day
        after = getattr(self, "after_start", None)
        if after is not None:  # nor checks or backs up a database it may no longer hold
            after.first_check.stop()
            after.timer.stop()
        self.ctx.runner.wait(15_000)
        state.save_window(self)
        super().closeEvent(event)
