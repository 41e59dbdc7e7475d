"""连接单位服务器: where the office's PostgreSQL server is and who signs in. 测试连接 tries the
login in the background and says in plain words what is wrong; 连接 signs in (the server checks
the password) and is accepted with the database open as that clerk's login."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import connections, pg_session
from app.connections import Server
from app.db import Database, friendly_db_message
from app.errors import UserError
from app.services import pg_roles
from app.services.permissions import Actor
from app.services.users import Login
from app.ui.context import AppContext
from app.ui.crash import show_error
from app.ui.widgets.fields import line_edit
from app.ui.widgets.style import ERROR_STYLE, HELP_STYLE, OK_STYLE

TESTED = "连接成功：服务器上的 NormDesk 数据库可以使用，用户名和密码正确。"
NO_KEYRING = "本机没有可用的系统密码库，密码不会保存，每次连接时需要输入。"
NOT_KEPT = (
    "已连接到单位服务器，但密码未能保存在本机的系统密码库中（密码库可能已锁定或拒绝保存），"
    "下次连接时需要重新输入。可在命令行运行 normdesk keyring check 查看原因。"
)


@dataclass(frozen=True)
class Connected:
    """The server signed in to: its database open as the clerk's own login, and who they are."""

    server: Server
    database: Database
    actor: Actor


class ConnectDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = ctx.runner
        self.connected: Connected | None = None
        self.working = False
        self.setWindowTitle("连接单位服务器")
        self.host = line_edit("例如：10.20.1.5 或 fzk-server")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(pg_session.DEFAULT_PORT)
        self.database = line_edit("例如：normdesk")
        self.user = line_edit("您在 NormDesk 中的用户名")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.port.setMaximumWidth(110)
        self.remember = QCheckBox("记住密码（保存在本机的系统密码库中）")
        if not connections.can_keep_passwords():
            self.remember.setText("记住密码（本机没有可用的系统密码库，不能保存）")
            self.remember.setEnabled(False)
            self.remember.setToolTip(NO_KEYRING)
        form = QFormLayout()
        form.addRow("服务器地址：", self.host)
        form.addRow("端口：", self.port)
        form.addRow("数据库名：", self.database)
        form.addRow("用户名：", self.user)
        form.addRow("密码：", self.password)
        form.addRow("", self.remember)
        note = QLabel(
            "服务器地址和数据库名由单位的系统管理员提供；用户名和密码是您在 NormDesk 中的账户，"
            "由服务器核对。"
        )
        note.setWordWrap(True)
        note.setStyleSheet(HELP_STYLE)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.hide()
        self.buttons = QDialogButtonBox()
        role = QDialogButtonBox.ButtonRole
        self.test_button = self.buttons.addButton("测试连接", role.ActionRole)
        self.connect_button = self.buttons.addButton("连接", role.AcceptRole)
        self.connect_button.setDefault(True)
        cancel = self.buttons.addButton("取消", role.RejectRole)
        self.test_button.clicked.connect(self.test)
        self.buttons.accepted.connect(self.sign_in)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.outcome)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)
        # Tab reaches every button in the order shown (the box's own order skipped two of them)
        chain = (self.password, self.remember, self.connect_button, self.test_button, cancel)
        for first, then in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, then)
        self.fill(_last_server())

    def fill(self, server: Server | None) -> None:
        if server is None:
            return
        self.host.setText(server.host)
        self.port.setValue(server.port)
        self.database.setText(server.database)
        self.user.setText(server.user)
        kept = connections.kept_password(server)
        if kept is not None:
            self.password.setText(kept)
            self.remember.setChecked(True)

    def server(self) -> Server | None:
        """The server the fields name; None (and the field said) when one is missing."""
        for field, name in ((self.host, "服务器地址"), (self.database, "数据库名"), (self.user, "用户名")):  # fmt: skip
            if not field.text().strip():
                self.show_result(f"请填写{name}。", ERROR_STYLE)
                field.setFocus()
                return None
        return Server(
            self.host.text().strip(),
            self.port.value(),
            self.database.text().strip(),
            self.user.text().strip(),
        )

    # --- 测试连接 ----------------------------------------------------------------------------
    def test(self) -> None:
        server = self.server()
        if server is None or self.working:
            return
        password = self.password.text()
        self._start("正在连接服务器…")
        self.runner.run(
            lambda _s, _progress: pg_roles.try_login(server.url, server.user, password),
            use_session=False,
            on_done=self._tested,
            on_error=self._failed,
            parent=self,
        )

    def _tested(self, _result: object) -> None:
        self._stop()
        self.show_result(TESTED, OK_STYLE)

    # --- 连接 --------------------------------------------------------------------------------
    def sign_in(self) -> None:
        server = self.server()
        if server is None or self.working:
            return
        current = connections.place_of(self.ctx.database.url)
        if isinstance(current, Server) and current.same_database(server):
            self.show_result("已经连接到这个数据库。要换一位用户，请用“文件—切换用户”。", ERROR_STYLE)  # fmt: skip
            return
        password = self.password.text()
        self._start("正在登录服务器…")
        self.runner.run(
            lambda _s, _progress: pg_roles.sign_in(server.url, server.user, password),
            use_session=False,
            on_done=lambda answer: self._signed_in(server, password, answer),
            on_error=self._failed,
            parent=self,
        )

    def _signed_in(self, server: Server, password: str, answer: tuple[Database, Login]) -> None:
        self._stop()
        database, login = answer
        if login.actor is None:
            self.show_result(login.message, ERROR_STYLE)
            self.password.clear()
            self.password.setFocus()
            return
        if self.remember.isChecked():
            if not connections.keep_password(server, password):
                QMessageBox.warning(self, "记住密码", NOT_KEPT)
        else:
            connections.forget_password(server)
        self.connected = Connected(server, database, login.actor)
        self.accept()

    # --- both --------------------------------------------------------------------------------
    def _failed(self, exc: BaseException) -> None:
        self._stop()
        message = exc.message if isinstance(exc, UserError) else friendly_db_message(exc)
        if message is None:
            show_error(self, exc)
            return
        self.show_result(message, ERROR_STYLE)

    def _start(self, text: str) -> None:
        self.working = True
        self.show_result(text, HELP_STYLE)
        for button in (self.test_button, self.connect_button):
            button.setEnabled(False)

    def _stop(self) -> None:
        self.working = False
        for button in (self.test_button, self.connect_button):
            button.setEnabled(True)

    def show_result(self, text: str, style: str) -> None:
        self.outcome.setText(text)
        self.outcome.setStyleSheet(style)
        self.outcome.setVisible(bool(text))

    def done(self, result: int) -> None:
        if not self.working:  # a sign-in under way ends with the database open: wait for it
            super().done(result)


def _last_server() -> Server | None:
    return next((p for p in connections.recent() if isinstance(p, Server)), None)
