import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from sqlalchemy import select

from app.models import User
from app.services import users
from app.services.permissions import SYSTEM, Actor, Role, pc_administrator
from app.ui import startup_checks
from app.ui.login_dialog import LoginDialog
from app.ui.main_window import MainWindow
from app.ui.settings.users_page import PasswordDialog, UsersPage
from tests.factories import add_issuer
from tests.ui_context import context
from tests.widgets import shown

READER = Actor("reader", Role.READ_ONLY)


@pytest.fixture
def office(database):
    with database.transaction() as s:
        users.add_user(s, SYSTEM, "admin", "王管理", Role.ADMIN.value, "admin2026")
        users.add_user(s, SYSTEM, "reader", "赵只读", Role.READ_ONLY.value, "reader2026")
    return database


@pytest.fixture
def dialog(qtbot, office):
    return shown(qtbot, LoginDialog(context(office)))


def attempt(dialog: LoginDialog, username: str, password: str) -> None:
    dialog.username.setText(username)
    dialog.password.setText(password)
    dialog.login_button.click()
    assert dialog.runner.wait()


def stored_user(database, username: str) -> User:
    with database.reading() as s:
        return s.scalar(select(User).where(User.username == username))


# --- 登录 -----------------------------------------------------------------------------------
def test_wrong_password_is_refused_inline_and_the_failure_is_counted(dialog, office):
    attempt(dialog, "admin", "wrong2026")
    assert dialog.message.isVisible()
    assert dialog.message.text() == "用户名或密码不正确。"
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert stored_user(office, "admin").failed_attempts == 1


def test_five_failures_lock_the_account_in_the_database(dialog, office):
    for _ in range(5):
        attempt(dialog, "admin", "wrong2026")
    assert dialog.message.text() == "用户名或密码不正确。"  # no word of the lock yet
    assert stored_user(office, "admin").locked_until is not None
    attempt(dialog, "admin", "admin2026")
    assert "已被锁定" in dialog.message.text()
    assert dialog.actor is None


def test_successful_login_signs_in_with_the_users_role(qtbot, office, monkeypatch):
    def fake_exec(dialog: LoginDialog) -> int:
        qtbot.addWidget(dialog)
        attempt(dialog, "reader", "reader2026")
        return dialog.result()

    monkeypatch.setattr(LoginDialog, "exec", fake_exec)
    ctx = context(office, None)
    assert startup_checks.sign_in(ctx)
    assert ctx.user == READER


def test_cancelled_login_ends_the_start(qtbot, office, monkeypatch):
    monkeypatch.setattr(LoginDialog, "exec", lambda d: qtbot.addWidget(d) or 0)
    ctx = context(office, None)
    assert not startup_checks.sign_in(ctx)
    assert ctx.user is None


def test_no_login_is_asked_before_any_user_exists(database, monkeypatch):
    monkeypatch.setattr(LoginDialog, "exec", lambda _d: pytest.fail("login asked"))
    with database.transaction() as s:  # not empty: no setup wizard either
        add_issuer(s)
    ctx = context(database, None)
    assert startup_checks.sign_in(ctx)
    assert ctx.user == pc_administrator()  # explicitly the person at this PC


def test_status_bar_names_the_signed_in_person(qtbot, office):
    window = MainWindow(context(office, READER))
    qtbot.addWidget(window)
    assert window.user_label.text() == "当前用户：赵只读（只读）"
    assert window.user_label.toolTip() == "用户名：reader"


# --- 设置—用户 ------------------------------------------------------------------------------
@pytest.fixture
def page(qtbot, office):
    return shown(qtbot, UsersPage(context(office)))


def confirm(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.runner.wait()


def fill_new_user(dialog, username: str, password: str = "clerk2026") -> None:
    dialog.username.setText(username)
    dialog.display_name.setText("钱登记")
    dialog.role.setCurrentText(Role.CLERK.value)
    dialog.password.setText(password)
    dialog.confirm.setText(password)


def listed(page: UsersPage) -> list[list[str]]:
    table = page.table
    return [
        [table.topLevelItem(i).text(c) for c in range(table.columnCount())]
        for i in range(table.topLevelItemCount())
    ]


def test_users_tab_lists_users_with_role_and_state(page):
    assert listed(page) == [
        ["admin", "王管理", "管理员", "启用", ""],
        ["reader", "赵只读", "只读", "启用", ""],
    ]


def test_administrator_adds_a_user_who_then_appears_in_the_list(page):
    dialog = page.add_user()
    fill_new_user(dialog, "clerk")
    confirm(dialog)
    assert ["clerk", "钱登记", "登记员", "启用", ""] in listed(page)


def test_read_only_user_is_told_they_may_not_add_users(page):
    page.ctx.user = READER
    dialog = page.add_user()
    fill_new_user(dialog, "clerk")
    confirm(dialog)
    assert "无权执行：管理用户" in dialog.error.text()
    assert dialog.isVisible()
    assert "clerk" not in [row[0] for row in listed(page)]


def test_mismatched_passwords_are_caught_before_asking(page):
    dialog = page.add_user()
    fill_new_user(dialog, "clerk")
    dialog.confirm.setText("other2026")
    confirm(dialog)
    assert dialog.error.text() == "确认密码：两次输入的密码不一致。"


def test_the_last_administrator_cannot_be_demoted(page):
    page.table.setCurrentItem(page.table.topLevelItem(0))
    dialog = page.edit_role()
    dialog.role.setCurrentText(Role.READ_ONLY.value)
    confirm(dialog)
    assert dialog.error.text() == "至少要保留一名启用的管理员。"


def test_unlock_clears_a_lock(page, office):
    with office.transaction() as s:
        for _ in range(5):
            users.authenticate(s, "reader", "wrong2026")
    page.refresh()
    assert listed(page)[1][4] != ""
    page.table.setCurrentItem(page.table.topLevelItem(1))
    page.unlock_button.click()
    assert page.runner.wait()
    assert listed(page)[1][4] == ""


def test_own_password_needs_the_old_one(page, office):
    page.ctx.user = READER
    dialog = page.change_own_password()
    assert isinstance(dialog, PasswordDialog) and dialog.old is not None
    dialog.old.setText("wrong2026")
    dialog.password.setText("newpass2026")
    dialog.confirm.setText("newpass2026")
    confirm(dialog)
    assert dialog.error.text() == "原密码不正确。"
    dialog.old.setText("reader2026")
    confirm(dialog)
    with office.transaction() as s:
        assert users.authenticate(s, "reader", "newpass2026").actor == READER


def test_the_login_remembers_the_last_user_name_and_asks_for_the_password(qtbot, office):
    first = shown(qtbot, LoginDialog(context(office)))
    assert first.username.text() == "" and first.focusWidget() is first.username
    attempt(first, "reader", "reader2026")
    assert first.result() == QDialog.DialogCode.Accepted
    again = shown(qtbot, LoginDialog(context(office)))
    assert again.username.text() == "reader"
    assert again.focusWidget() is again.password and again.password.text() == ""


def test_a_refused_name_is_not_remembered(qtbot, office):
    attempt(shown(qtbot, LoginDialog(context(office))), "reader", "reader2026")
    attempt(shown(qtbot, LoginDialog(context(office))), "admin", "wrong2026")
    assert shown(qtbot, LoginDialog(context(office))).username.text() == "reader"
