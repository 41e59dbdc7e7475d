"""登录: user name and password; a refusal is shown in the dialog, which stays open."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app import APP_TITLE
from app.db import Database
from app.services import users
from app.services.permissions import Actor
from app.services.users import Login
from app.ui.context import AppContext
from app.ui.crash import show_error
from app.ui.widgets import state
from app.ui.widgets.style import ERROR_STYLE


class LoginDialog(QDialog):
    """Accepted once `authenticate` let the user in; `actor` is then who logged in."""

    def __init__(self, ctx: AppContext | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = ctx.runner if ctx is not None else None
        self.actor: Actor | None = None
        self.setWindowTitle(f"登录 — {APP_TITLE}")
        self.username = QLineEdit(state.last_user())
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        form = QFormLayout()
        form.addRow("用户名：", self.username)
        form.addRow("密码：", self.password)
        self.buttons = QDialogButtonBox()
        self.login_button = self.buttons.addButton("登录", QDialogButtonBox.ButtonRole.AcceptRole)
        self.login_button.setDefault(True)
        self.buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.log_in)
        self.buttons.rejected.connect(self.reject)
        title = QLabel(APP_TITLE)
        title.setStyleSheet("font-size: 16px; font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(360)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if not event.spontaneous():  # the name remembered: the clerk types the password
            (self.password if self.username.text() else self.username).setFocus()

    def log_in(self) -> None:
        username, password = self.username.text(), self.password.text()
        if not username.strip():
            self.show_message("请输入用户名。")
            return
        if self.runner is None:
            raise RuntimeError("without a database, log_in is ServerLoginDialog's")
        self.login_button.setEnabled(False)
        # A write transaction, so a failed attempt is counted even though nobody got in.
        self.runner.run(
            lambda s, _progress: users.authenticate(s, username, password),
            write=True,
            on_done=self._answered,
            on_error=self._failed,
            parent=self,
        )

    def _answered(self, login: Login) -> None:
        self.login_button.setEnabled(True)
        if login.actor is None:
            self.show_message(login.message)
            self.password.clear()
            self.password.setFocus()
            return
        self.actor = login.actor
        state.remember_user(self.username.text().strip())
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.login_button.setEnabled(True)
        show_error(self, exc)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))


class ServerLoginDialog(LoginDialog):
    """登录 where each clerk connects to the office's server as their own login: the server
    checks the password, then `database` is open as that login and `actor` is who logged in."""

    def __init__(self, url: str, parent: QWidget | None = None) -> None:
        super().__init__(None, parent)
        self.url = url
        self.database: Database | None = None
        self.use_local = False

    def offer_local(self) -> None:
        """At start, on the remembered server: the clerk may work on this PC's database instead
        (the server down, the network out) rather than only quit."""
        local = self.buttons.addButton("改用本机数据库", QDialogButtonBox.ButtonRole.ResetRole)
        local.setToolTip("不连接单位服务器，打开本机上次使用的数据库文件")
        local.clicked.connect(self._use_local)

    def _use_local(self) -> None:
        self.use_local = True
        self.reject()

    def log_in(self) -> None:
        from app.db import friendly_db_message
        from app.errors import UserError
        from app.services import pg_roles

        username, password = self.username.text(), self.password.text()
        if not username.strip():
            self.show_message("请输入用户名。")
            return
        # In the dialog's own thread: no database to run on before the server let the clerk in.
        try:
            database, login = pg_roles.sign_in(self.url, username, password)
        except UserError as exc:
            self._answered(Login(None, exc.message))
            return
        except Exception as exc:
            message = friendly_db_message(exc)
            if message is None:
                raise
            self.show_message(message)
            return
        if login.actor is not None:
            self.database = database
        self._answered(login)
