"""The main window: section navigation on the left, the section's view on the right."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
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

from app import APP_TITLE
from app.db import Database, describe
from app.services.deadlines import Deadline
from app.services.permissions import Actor, local_actor, sign_in
from app.ui import state
from app.ui.about import show_about
from app.ui.dashboard_view import DashboardView
from app.ui.day_watch import DayWatch
from app.ui.filing_view import FilingView
from app.ui.import_wizard import ImportWizard
from app.ui.login_dialog import LoginDialog
from app.ui.placeholder_page import PlaceholderPage
from app.ui.print_dialog import PrintDialog, preview_record_card
from app.ui.register_view import RegisterView
from app.ui.review_form import CaseForm
from app.ui.review_view import ReviewView
from app.ui.settings_view import SettingsView
from app.ui.users_page import PasswordDialog
from app.ui.validity_page import ValidityPage


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    make: Callable[[Database], QWidget]


def _placeholder(title: str, description: str) -> Callable[[Database], QWidget]:
    return lambda _db: PlaceholderPage(title, description)


SECTIONS: tuple[Section, ...] = (
    Section("home", "首页", lambda db: DashboardView(db)),
    Section("register", "文件登记簿", lambda db: RegisterView(db)),
    Section("review", "合法性审核", lambda db: ReviewView(db)),
    Section("filing", "备案", lambda db: FilingView(db)),
    Section("validity", "有效期与清理", lambda db: ValidityPage(db)),
    Section("statistics", "统计", _placeholder("统计", "年度法治政府建设报告所需的统计数据。")),
    Section("settings", "设置", lambda db: SettingsView(db)),
)


class MainWindow(QMainWindow):
    def __init__(self, database: Database) -> None:
        super().__init__()
        self.database = database
        self.setWindowTitle(f"{APP_TITLE} - NormDesk")
        self.setMinimumSize(QSize(760, 520))
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(150)
        self.pages = QStackedWidget()
        for section in SECTIONS:
            item = QListWidgetItem(section.title)
            item.setSizeHint(QSize(140, 40))
            self.nav.addItem(item)
            self.pages.addWidget(section.make(database))
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.page("home").open_requested.connect(self.open_deadline)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self.user_label = QLabel()
        self.statusBar().addPermanentWidget(self.user_label)
        self.db_label = QLabel(f"数据库：{describe(database.url)}")
        self.statusBar().addPermanentWidget(self.db_label)
        self.show_user()
        self.resize(1200, 780)
        state.restore_window(self)
        self.nav.setCurrentRow(0)
        self.day_watch = DayWatch(database, self)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("文件(&F)")
        file_menu.addAction("导入台账…", self.open_import_wizard)
        file_menu.addSeparator()
        file_menu.addAction("修改密码…", self.change_password)
        file_menu.addAction("切换用户…", self.switch_user)
        file_menu.addSeparator()
        quit_action = QAction("退出(&X)", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        print_menu = self.menuBar().addMenu("打印/导出(&P)")
        catalogs = print_menu.addAction("打印登记簿和目录…", self.open_print_dialog)
        catalogs.setShortcut(QKeySequence.StandardKey.Print)
        print_menu.addAction("打印文件登记表…", self.print_record_card)
        help_menu = self.menuBar().addMenu("帮助(&H)")
        about = QAction("关于(&A)", self)
        about.triggered.connect(lambda: show_about(self, describe(self.database.url)))
        help_menu.addAction(about)

    def open_import_wizard(self) -> None:
        wizard = ImportWizard(self.database, self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.open()

    def show_user(self) -> None:
        actor = local_actor()
        self.user_label.setText(f"当前用户：{actor.name}（{actor.role}）")

    def change_password(self) -> None:
        dialog = PasswordDialog(self.database, local_actor().name, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def switch_user(self) -> None:
        dialog = LoginDialog(self.database, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._signed_in(dialog.actor))
        dialog.open()

    def _signed_in(self, actor: Actor) -> None:
        sign_in(actor)
        self.show_user()

    def open_print_dialog(self) -> None:
        dialog = PrintDialog(self.database, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def print_record_card(self) -> None:
        register = self.pages.widget(next(i for i, s in enumerate(SECTIONS) if s.key == "register"))
        doc_id = register.selected_id()
        if doc_id is None:
            QMessageBox.information(self, "打印文件登记表", "请先在文件登记簿中选择要打印的文件。")
            return
        preview_record_card(self.database, doc_id, self)

    def page(self, key: str) -> QWidget:
        return self.pages.widget(next(i for i, s in enumerate(SECTIONS) if s.key == key))

    def open_deadline(self, d: Deadline) -> None:
        """Show what a dashboard deadline is about on its own page, selected."""
        if d.kind == "review":
            self.show_section("review")
            self.page("review").select_case(d.object_id)
            form = CaseForm(self.database, d.object_id, self.page("review"))
            form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            form.open()
        elif d.kind in ("filing", "correction"):
            self.show_section("filing")
            filing_id = d.object_id if d.object_type == "filing" else None
            self.page("filing").select_document(d.document_id, filing_id)
        elif d.kind == "validity":
            self.show_section("validity")
            self.page("validity").select_document(d.document_id)
        elif d.kind == "cleanup":
            self.show_section("validity")
            self.page("validity").show_cleanup()
        elif d.document_id is not None:
            self.show_section("register")
            self.page("register").select_document(d.document_id)

    def show_section(self, key: str) -> None:
        index = next(i for i, s in enumerate(SECTIONS) if s.key == key)
        self.nav.setCurrentRow(index)

    def current_section(self) -> str:
        return SECTIONS[self.nav.currentRow()].key

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        from app.ui.operations import runner_for

        runner_for(self.database).wait(15_000)
        state.save_window(self)
        super().closeEvent(event)
