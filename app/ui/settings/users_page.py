"""设置—用户: the user list and the dialogs that add users, change roles and passwords.

Every dialog only collects input; the users service decides, and a refusal (no right, the last
administrator, a weak password) is shown inside the dialog, which stays open.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import connections
from app.db import Database
from app.errors import UserError
from app.services import users
from app.services.permissions import Role
from app.ui.changes import Change
from app.ui.context import AppContext
from app.ui.operations import Work
from app.ui.widgets.form_dialog import FormDialog
from app.ui.widgets.list_model import push_button

USER_CHANGES = frozenset({Change.USERS})
COLUMNS = ("用户名", "姓名", "角色", "状态", "锁定至")


@dataclass(frozen=True)
class UserRow:
    username: str
    display_name: str
    role: str
    active: bool
    locked_until: datetime | None


def _password() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def _roles(current: str = Role.CLERK.value) -> QComboBox:
    box = QComboBox()
    box.addItems([r.value for r in Role])
    box.setCurrentText(current)
    return box


def _same(first: QLineEdit, second: QLineEdit) -> str:
    if first.text() != second.text():
        raise UserError("确认密码：两次输入的密码不一致。", field="确认密码")
    return first.text()


class UserDialog(FormDialog):
    announces = USER_CHANGES

    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, title, parent)
        self.setMinimumWidth(400)


class AddUserDialog(UserDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "添加用户", parent)
        self.username = self.add_field("用户名", QLineEdit())
        self.display_name = self.add_field("姓名", QLineEdit())
        self.role = self.add_field("角色", _roles())
        self.password = self.add_field("密码", _password())
        self.confirm = self.add_field("确认密码", _password())

    def prepare(self) -> Work:
        actor, password = self.ctx.actor(), _same(self.password, self.confirm)
        username, name, role = (
            self.username.text(),
            self.display_name.text(),
            self.role.currentText(),
        )
        return lambda s, _p: users.add_user(s, actor, username, name, role, password).id


class RoleDialog(UserDialog):
    def __init__(self, ctx: AppContext, row: UserRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx, f"修改用户 {row.username} 的角色", parent)
        self.username = row.username
        self.role = self.add_field("角色", _roles(row.role))
        self.active = self.add_field("状态", QCheckBox("启用"))
        self.active.setChecked(row.active)

    def prepare(self) -> Work:
        actor, username = self.ctx.actor(), self.username
        role, active = self.role.currentText(), self.active.isChecked()
        return lambda s, _p: users.set_role(s, actor, username, role, active).id


class PasswordDialog(UserDialog):
    """Resetting someone's password (administrator), or changing one's own with the old one."""

    def __init__(self, ctx: AppContext, username: str, parent: QWidget | None = None) -> None:
        own = ctx.user is not None and username == ctx.user.name
        title = "修改我的密码" if own else f"重置用户 {username} 的密码"
        super().__init__(ctx, title, parent)
        self.username = username
        self.old = self.add_field("原密码", _password()) if own else None
        self.password = self.add_field("新密码", _password(), "密码")
        self.confirm = self.add_field("确认新密码", _password(), "确认密码")

    def prepare(self) -> Work:
        actor, username = self.ctx.actor(), self.username
        old = self.old.text() if self.old is not None else None
        new = _same(self.password, self.confirm)
        return lambda s, _p: users.change_password(s, actor, username, old, new)

    def _done(self, returned: object) -> None:
        if self.old is not None:  # one's own: a password kept for the next start follows
            connections.password_changed(self.database.url, self.username, self.password.text())
        super()._done(returned)


def read_users(database: Database) -> list[UserRow]:
    with database.reading() as s:
        return [
            UserRow(u.username, u.display_name, u.role, u.active, u.locked_until)
            for u in users.list_users(s)
        ]


def _cells(row: UserRow) -> list[str]:
    locked = f"{row.locked_until:%Y-%m-%d %H:%M}" if row.locked_until else ""
    return [row.username, row.display_name, row.role, "启用" if row.active else "停用", locked]


class UsersPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.database = ctx.database
        self.runner = ctx.runner
        self.rows: list[UserRow] = []
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels(list(COLUMNS))
        for column, width in enumerate((140, 140, 110, 70)):
            self.table.setColumnWidth(column, width)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemActivated.connect(lambda _item, _col: self.edit_role())
        self.add_button = push_button("添加用户…", self.add_user)
        self.role_button = push_button("修改角色/停用…", self.edit_role)
        self.unlock_button = push_button("解锁", self.unlock)
        self.reset_button = push_button("重置密码…", self.reset_password)
        self.own_button = push_button("修改我的密码…", self.change_own_password)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.role_button, self.unlock_button, self.reset_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.own_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.runner.data_changed.connect(self.on_data_changed)
        self.refresh()

    def refresh(self) -> None:
        selected = self.selected()
        self.rows = read_users(self.database)
        self.table.clear()
        for row in self.rows:
            item = QTreeWidgetItem(_cells(row))
            item.setData(0, Qt.ItemDataRole.UserRole, row.username)
            self.table.addTopLevelItem(item)
            if selected and row.username == selected.username:
                self.table.setCurrentItem(item)
        self._update_buttons()

    def on_data_changed(self, kinds: set[str]) -> None:
        if Change.USERS in kinds:
            self.refresh()

    def selected(self) -> UserRow | None:
        item = self.table.currentItem()
        if item is None:
            return None
        name = item.data(0, Qt.ItemDataRole.UserRole)
        return next((r for r in self.rows if r.username == name), None)

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        for button in (self.role_button, self.unlock_button, self.reset_button):
            button.setEnabled(chosen)

    # --- actions --------------------------------------------------------------------------
    def _open(self, dialog: FormDialog) -> FormDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def add_user(self) -> FormDialog:
        return self._open(AddUserDialog(self.ctx, self))

    def edit_role(self) -> FormDialog | None:
        row = self.selected()
        return self._open(RoleDialog(self.ctx, row, self)) if row else None

    def reset_password(self) -> FormDialog | None:
        row = self.selected()
        return self._open(PasswordDialog(self.ctx, row.username, self)) if row else None

    def change_own_password(self) -> FormDialog:
        return self._open(PasswordDialog(self.ctx, self.ctx.actor().name, self))

    def unlock(self) -> None:
        row = self.selected()
        if row is None:
            return
        actor, username = self.ctx.actor(), row.username
        self.runner.run(
            lambda s, _p: users.unlock(s, actor, username),
            write=True,
            changes=USER_CHANGES,
            parent=self,
        )
