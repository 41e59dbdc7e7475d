"""文件 → 迁移到服务器…: copy the whole register into an empty database on the office's
PostgreSQL server (database_copy, as `normdesk migrate-db`), table by table with its progress,
then say what was copied and how the clerks' PCs connect. This PC's database is only read."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import pg_session
from app.db import describe
from app.errors import UserError
from app.failures import explain
from app.services import database_copy
from app.services.database_copy import CopyResult
from app.ui.context import AppContext
from app.ui.crash import show_error
from app.ui.widgets import state
from app.ui.widgets.fields import line_edit
from app.ui.widgets.form_dialog import ServiceDialog

TITLE = "迁移到服务器"
STOPPED = "迁移已中止：目标数据库没有保留任何数据，本机数据库未作任何修改。"


class Stopped(UserError):
    """The administrator closed the dialog mid-copy: the copy's one transaction is rolled back."""

    def __init__(self) -> None:
        super().__init__(STOPPED)


class _Relay(QObject):
    """The copy's progress, from the worker thread to the dialog (a queued signal)."""

    told = Signal(int, int, str)


class MigrateDialog(ServiceDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, QDialogButtonBox.StandardButton.Ok, "开始迁移")
        self.setWindowTitle(f"{TITLE}…")
        self.source_url = ctx.database.url
        self.copying = False
        self.copied: CopyResult | None = None
        self.target = ""  # the URL being copied to, password included: never shown
        self._stop = threading.Event()
        self._close_when_done = False
        self.relay = _Relay(self)
        self.relay.told.connect(self._progressed)
        self.tables = database_copy.tables()

        intro = QLabel(
            "把本机数据库中的全部数据复制到单位服务器上的一个空数据库（须由服务器管理员预先建好）。"
            "本机数据库只读取，不作任何修改。迁移前请关闭其他电脑上的 NormDesk。"
        )
        intro.setWordWrap(True)
        self.host = self._field("服务器地址", line_edit("如 192.168.1.10 或 fwserver"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(pg_session.DEFAULT_PORT)
        self.fields["端口"] = self.port
        self.database_name = self._field("数据库名", line_edit("如 normdesk"))
        self.user = self._field("用户名", line_edit("数据库所有者的用户名"))
        self.password = self._field("密码", QLineEdit())
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.folder = line_edit("留空则不复制附件")
        self.folder.setToolTip(
            "各电脑的数据文件夹（NORMDESK_DATA_DIR）所指的共享文件夹；附件复制到其中的 attachments。"
        )
        self.fields["附件共享文件夹"] = self.folder
        browse = QPushButton("浏览…")
        browse.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)

        here = QLabel(describe(self.source_url))
        here.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow("本机数据库：", here)
        for label, widget in (
            ("服务器地址", self.host),
            ("端口", self.port),
            ("数据库名", self.database_name),
            ("用户名", self.user),
            ("密码", self.password),
        ):
            form.addRow(f"{label}：", widget)
        form.addRow("附件共享文件夹：", folder_row)
        self.inputs: list[QWidget] = [
            self.host, self.port, self.database_name, self.user, self.password, self.folder, browse
        ]  # fmt: skip

        self.bar = QProgressBar()
        self.bar.setRange(0, len(self.tables))
        self.bar.setValue(0)
        self.bar.setFormat("%v / %m 张表")
        self.status = QLabel("尚未开始。")
        self.status.setWordWrap(True)
        self.report = QPlainTextEdit()
        self.report.setTabChangesFocus(True)  # Tab moves on, as in every field
        self.report.setReadOnly(True)
        self.report.setPlaceholderText("迁移完成后，这里列出复制的各表行数和各电脑的连接方法。")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("关闭")

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addWidget(self.report, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        state.resize_within_screen(self, 720, 640)

    def _field(self, label: str, widget: QLineEdit) -> QLineEdit:
        self.fields[label] = widget
        return widget

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "附件共享文件夹", self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    # --- the copy ---------------------------------------------------------------------------
    def submit(self) -> None:
        """开始迁移: the form's server, then the copy."""
        try:
            url = database_copy.server_url(
                self.host.text(),
                self.port.value(),
                self.database_name.text(),
                self.user.text(),
                self.password.text(),
            )
        except UserError as exc:
            self.show_error(exc.message, exc.field)
            return
        self.start(url)

    def start(self, target_url: str) -> None:
        """Copy this PC's database to `target_url` in the background (the form gives a
        PostgreSQL server; tests may give a file)."""
        folder = Path(self.folder.text().strip()) if self.folder.text().strip() else None
        try:
            actor = self.ctx.actor()
        except UserError as exc:
            self.show_error(exc.message)
            return
        if not self.runner.wait():  # nothing else may hold the database while it is copied
            self.show_error("还有操作正在进行，请稍后再试。")
            return
        self.show_error("")
        self.report.clear()
        self.target, self.copied = target_url, None
        self._stop.clear()
        self._set_copying(True)
        self.status.setText("正在连接服务器…")
        # The copy holds this PC's database file exclusively, so this program lets go of its own
        # hold meanwhile (as a restore does) and takes it again afterwards.
        self.database.close()
        source = self.source_url

        def work(_s: object, _progress: object) -> CopyResult:
            return database_copy.copy_database(source, target_url, folder, self._told, actor)

        self.runner.run(
            work,
            use_session=False,
            on_done=lambda result: self._copied(result, folder),
            on_error=self._failed,
            parent=self,
        )

    def _told(self, table: str, rows: int) -> None:
        """On the worker thread, after each batch of rows: pass it on, or stop the copy."""
        if self._stop.is_set():
            raise Stopped()
        index = self.tables.index(table) if table in self.tables else 0
        self.relay.told.emit(index, rows, table)

    def _progressed(self, index: int, rows: int, table: str) -> None:
        self.bar.setValue(index)
        self.status.setText(
            f"正在复制第 {index + 1} / {len(self.tables)} 张表"
            f"“{database_copy.table_label(table)}”：已复制 {rows} 行…"
        )

    def _copied(self, result: CopyResult, folder: Path | None) -> None:
        self._finish()
        self.copied = result
        self.bar.setValue(len(self.tables))
        self.status.setText("迁移完成。")
        lines = database_copy.result_summary(result)
        lines += ["", *database_copy.connect_lines(self.target)]
        lines += ["", *database_copy.copied_lines(result, folder)]
        self.report.setPlainText("\n".join(lines))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        self.bar.setValue(0)
        self.status.setText("迁移没有完成，本机数据库未作任何修改。")
        if self._close_when_done:
            super().reject()
            return
        if isinstance(exc, UserError):
            self.show_error(exc.message, exc.field)
        elif (message := explain(exc)) is not None:
            self.show_error(message)
        else:
            show_error(self, exc)

    def _finish(self) -> None:
        self.database.hold_again()  # the program goes on with the database it had
        self._set_copying(False)

    def _set_copying(self, copying: bool) -> None:
        self.copying = copying
        for widget in self.inputs:
            widget.setEnabled(not copying)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not copying)

    # --- closing ----------------------------------------------------------------------------
    def reject(self) -> None:
        if self.copying:
            self._ask_to_stop()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        if self.copying:
            event.ignore()
            self._ask_to_stop()
            return
        super().closeEvent(event)

    def _ask_to_stop(self) -> None:
        answer = QMessageBox.question(
            self,
            TITLE,
            "迁移正在进行。现在中止，目标数据库不会保留任何已复制的数据，本机数据库不受影响。\n\n"
            "确定要中止迁移吗？",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes or not self.copying:
            return
        self._close_when_done = True
        self._stop.set()
        self.status.setText("正在中止迁移…")
