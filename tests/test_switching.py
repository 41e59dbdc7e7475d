"""文件—新建数据库、打开数据库、连接单位服务器: the window goes over to another database without a
restart, through the same path as at start; anything that fails leaves the old one open. The
first-run wizard offers the office's server. Real SQLite files; the server's 测试连接 against a
real PostgreSQL server where NORMDESK_TEST_PG is set."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
import shiboken6
from PySide6.QtWidgets import QDialog, QFileDialog, QWizard
from sqlalchemy.exc import OperationalError

from app import connections, db_hold, failures
from app.connections import Server
from app.db import Database, open_database
from app.errors import UserError
from app.services import pg_roles, settings, users
from app.services.permissions import SYSTEM, Actor, Role
from app.services.users import Login
from app.ui import app as gui
from app.ui import switching
from app.ui.connect_dialog import NOT_KEPT, TESTED, ConnectDialog, Connected
from app.ui.login_dialog import LoginDialog, ServerLoginDialog
from app.ui.main_window import MainWindow
from app.ui.settings.users_page import PasswordDialog
from app.ui.setup.pages import START
from app.ui.setup.wizard import SetupWizard
from tests.conftest import on_postgresql
from tests.factories import add_issuer
from tests.test_connections import (  # noqa: F401 (fixtures)
    PASSWORD,
    fake_keyring,
    files_holding,
    os_keyring_left_alone,
)
from tests.test_pg_roles import server as pg_server  # noqa: F401 (as a fixture)
from tests.ui_context import context
from tests.widgets import shown


@pytest.fixture(autouse=True)
def umask_kept() -> Iterator[None]:
    """Switching sets the program's umask (app/privacy.py); the test session keeps its own."""
    old = os.umask(0o022)
    os.umask(old)
    yield
    os.umask(old)


@pytest.fixture
def make_office(tmp_path: Path, sqlite_template: Path):
    """A SQLite file holding an office named `name` (an issuer, so no first-run setup)."""

    def make(name: str, *, clerk: bool = False) -> Path:
        path = tmp_path / f"{name}.db"
        shutil.copyfile(sqlite_template, path)
        database = open_database(f"sqlite:///{path}")
        with database.transaction() as s:
            add_issuer(s)
            settings.put(s, SYSTEM, "office.name", name)
            if clerk:
                users.add_user(s, SYSTEM, "clerk", "李四", Role.CLERK.value, "Clerk-Pass-2026")
        database.close()
        return path

    return make


@pytest.fixture
def started(qtbot) -> Iterator[list[MainWindow]]:
    """Windows the test started; those still there are closed with their databases at the end
    (a window switched away from was closed and deleted by the switch)."""
    windows: list[MainWindow] = []
    yield windows
    for window in windows:
        if shiboken6.isValid(window):
            window.ctx.runner.wait()
            window.close()
            window.database.close()


def start(started: list[MainWindow], path: Path) -> MainWindow:
    window = gui.start_window(open_database(f"sqlite:///{path}"))
    assert window is not None
    started.append(window)
    return window


def switched(started: list[MainWindow], new: MainWindow | None) -> MainWindow:
    assert new is not None
    started.append(new)
    return new


def test_the_window_goes_over_to_another_office_and_back_without_a_restart(
    qtbot, make_office, started
):
    hq, branch = make_office("河清市司法局"), make_office("河清市民政局")
    first = start(started, hq)
    assert first.windowTitle().startswith("河清市司法局")
    second = switched(started, switching.open_file(first, branch, checked=False))
    assert second.windowTitle().startswith("河清市民政局")
    assert second.isVisible() and not first.isVisible()
    assert first.database.hold is None  # the old file is let go: a restore may replace it
    assert not first.after_start.first_check.isActive()  # nor checked after it was let go
    assert second.desk is first.desk and second.desk.window is second
    assert connections.recent() == [branch, hq]
    assert connections.start(None).url == f"sqlite:///{branch}"  # and at the next start
    again = switched(started, switching.open_file(second, hq, checked=False))
    assert again.windowTitle().startswith("河清市司法局")
    with again.database.reading() as s:
        assert settings.get(s, "office.name") == "河清市司法局"


def test_recent_databases_are_listed_in_the_file_menu(qtbot, make_office, started):
    hq, branch = make_office("河清市司法局"), make_office("河清市民政局")
    window = start(started, branch)
    connections.remember(Server("fzk-server", 5432, "normdesk", "li"))
    connections.remember(hq)
    connections.remember(branch)  # the database open now: not offered
    # the lists kept: under PySide6 6.9 a menu taken from a temporary list dies with it
    bar = window.menuBar().actions()
    menu = next(a.menu() for a in bar if a.text() == "文件(&F)")
    items = menu.actions()
    recent = next(a.menu() for a in items if a.text() == "最近使用")
    switching.fill_recent(recent, window)
    assert [a.text() for a in recent.actions()] == [
        str(hq),
        "单位服务器 fzk-server:5432 上的数据库 normdesk（用户 li）",
    ]
    recent.actions()[0].trigger()
    assert window.desk.window.windowTitle().startswith("河清市司法局")
    started.append(window.desk.window)


def test_a_file_that_cannot_be_opened_leaves_the_office_open_and_says_why(
    qtbot, make_office, started, tmp_path, no_modal_boxes
):
    window = start(started, make_office("河清市司法局"))
    contacts = tmp_path / "通讯录.db"
    contacts.write_text("不是数据库", "utf-8")
    assert switching.open_file(window, contacts, checked=False) is None
    assert "不是 NormDesk 数据库" in no_modal_boxes[-1]
    damaged = make_office("河清市民政局")
    with damaged.open("r+b") as f:  # a NormDesk file whose pages are garbage
        f.seek(4096)
        f.write(b"\xff" * 8192)
    newer = make_office("河清市财政局")
    db = open_database(f"sqlite:///{newer}")
    with db.transaction() as s:
        s.connection().exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    db.close()
    for path in (damaged, newer):
        assert switching.open_file(window, path, checked=False) is None
    assert "更新版本" in no_modal_boxes[-1]
    assert window.desk.window is window and window.isVisible()
    with window.database.transaction() as s:  # still open, and writable
        settings.put(s, SYSTEM, "office.name", "河清市司法局（已改）")


def test_a_damaged_file_chosen_in_the_menu_is_offered_its_own_backup(
    qtbot, make_office, started, monkeypatch, no_modal_boxes
):
    from app.services import backup
    from app.ui import startup_checks

    window = start(started, make_office("河清市司法局"))
    other = make_office("河清市民政局")
    kept = backup.make_backup(other)
    with other.open("r+b") as f:  # then its pages turn to garbage
        f.seek(4096)
        f.write(b"\xff" * 8192)
    offered: list[Path] = []
    monkeypatch.setattr(
        startup_checks, "ask_restore", lambda _message, newest: offered.append(newest) or True
    )
    new = switched(started, switching.open_file(window, other, checked=False))
    assert offered == [kept.path]
    assert new.windowTitle().startswith("河清市民政局")
    assert any("已从备份" in text for text in no_modal_boxes)


def test_a_cancelled_login_on_the_other_office_keeps_the_first(
    qtbot, make_office, started, monkeypatch
):
    window = start(started, make_office("河清市司法局"))
    other = make_office("河清市民政局", clerk=True)
    monkeypatch.setattr(LoginDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert switching.open_file(window, other, checked=False) is None
    assert window.isVisible() and window.desk.window is window
    db_hold.exclusive(other, "恢复").release()  # the cancelled one was let go
    assert connections.last() != other


def test_no_switch_while_an_operation_runs(
    qtbot, make_office, started, monkeypatch, no_modal_boxes
):
    window = start(started, make_office("河清市司法局"))
    monkeypatch.setattr(window.ctx.runner, "wait", lambda _ms=0: False)  # a long one
    switching.choose_file(window)  # no file dialog: refused before
    assert no_modal_boxes == [switching.BUSY]


def test_a_new_database_starts_with_the_first_run_setup(
    qtbot, make_office, started, tmp_path, monkeypatch
):
    window = start(started, make_office("河清市司法局"))
    chosen = tmp_path / "新单位"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(chosen), ""))
    wizards: list[SetupWizard] = []
    monkeypatch.setattr(SetupWizard, "exec", lambda self: wizards.append(self) or 0)
    switching.new_file(window)
    new = switched(started, window.desk.window)
    assert len(wizards) == 1 and new is not window
    assert new.database.url == f"sqlite:///{tmp_path / '新单位.db'}"
    assert (tmp_path / "新单位.db").is_file()


def test_a_new_database_is_refused_over_an_existing_file(
    qtbot, make_office, started, tmp_path, monkeypatch, no_modal_boxes
):
    window = start(started, make_office("河清市司法局"))
    notes = tmp_path / "笔记.db"
    notes.write_text("记事", "utf-8")
    for target, said in ((notes, "不是 NormDesk 数据库"), (Path("/proc/x.db"), "没有写入权限")):
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, t=target, **k: (str(t), ""))
        switching.new_file(window)
        assert said in no_modal_boxes[-1]
    assert notes.read_text("utf-8") == "记事" and window.desk.window is window


# --- the office's server ------------------------------------------------------------------------
def fake_server_database(path: Path, server: Server) -> Database:
    """A SQLite office standing in for the server's database: the window is told its URL."""
    database = open_database(f"sqlite:///{path}")
    return Database(server.url, database.engine, database.sessions)


def test_connecting_to_the_server_keeps_no_password_on_disk(
    qtbot, make_office, started, tmp_path, monkeypatch, isolated_data_dir
):
    window = start(started, make_office("河清市司法局"))
    server = Server("fzk-server", 5432, "normdesk", "clerk")
    standin = fake_server_database(make_office("河清市人民政府"), server)
    signed: list[tuple[str, str, str]] = []

    def sign_in(url: str, username: str, password: str) -> tuple[Database, Login]:
        signed.append((url, username, password))
        return standin, Login(Actor("clerk", Role.CLERK), "")

    monkeypatch.setattr(pg_roles, "sign_in", sign_in)
    switching.connect_server(window)
    dialog = window.findChild(ConnectDialog)
    dialog.host.setText("fzk-server")
    dialog.database.setText("normdesk")
    dialog.user.setText("clerk")
    dialog.password.setText(PASSWORD)
    dialog.remember.setChecked(False)
    dialog.connect_button.click()
    qtbot.waitUntil(lambda: window.desk.window is not window)
    new = switched(started, window.desk.window)
    assert signed == [("postgresql+psycopg://fzk-server:5432/normdesk", "clerk", PASSWORD)]
    assert new.windowTitle().startswith("河清市人民政府") and new.ctx.user.name == "clerk"
    assert connections.last() == server
    new.close()
    assert files_holding(isolated_data_dir, PASSWORD) == []
    assert files_holding(tmp_path, PASSWORD) == []


@pytest.mark.usefixtures("fake_keyring")
def test_a_kept_password_fills_the_dialog_and_signs_in_at_start_without_asking(
    qtbot, make_office, monkeypatch, isolated_data_dir
):
    server = Server("fzk-server", 5432, "normdesk", "clerk")
    ctx = context(open_database(f"sqlite:///{make_office('本机')}"))
    dialog = shown(qtbot, ConnectDialog(ctx))
    for field, text in ((dialog.host, server.host), (dialog.database, server.database), (dialog.user, server.user), (dialog.password, PASSWORD)):  # fmt: skip
        field.setText(text)
    dialog.remember.setChecked(True)
    standin = fake_server_database(make_office("河清市人民政府"), server)
    monkeypatch.setattr(
        pg_roles, "sign_in", lambda *a: (standin, Login(Actor("clerk", Role.CLERK), ""))
    )
    dialog.connect_button.click()
    qtbot.waitUntil(lambda: dialog.connected is not None)
    assert connections.kept_password(server) == PASSWORD
    assert files_holding(isolated_data_dir, PASSWORD) == []
    connections.remember(server)
    again = shown(qtbot, ConnectDialog(ctx))
    assert (again.user.text(), again.password.text()) == ("clerk", PASSWORD)
    assert again.remember.isChecked()
    # at the next start: signed in with the kept password, no dialog shown (its exec would fail)
    signed = gui._open_at_start(connections.start(None))
    assert signed == (standin, Actor("clerk", Role.CLERK))
    ctx.runner.wait()
    ctx.database.close()
    standin.close()


def test_a_password_the_keyring_refuses_is_said_not_kept_and_the_server_still_opens(
    qtbot, make_office, monkeypatch, no_modal_boxes, isolated_data_dir, request
):
    from keyring.errors import KeyringLocked

    memory = request.getfixturevalue("fake_keyring")

    def locked(*_args: str) -> None:
        raise KeyringLocked("the login keyring stayed locked")

    monkeypatch.setattr(memory, "set_password", locked)
    server = Server("fzk-server", 5432, "normdesk", "clerk")
    ctx = context(open_database(f"sqlite:///{make_office('本机')}"))
    dialog = shown(qtbot, ConnectDialog(ctx))
    for field, text in ((dialog.host, server.host), (dialog.database, server.database), (dialog.user, server.user), (dialog.password, PASSWORD)):  # fmt: skip
        field.setText(text)
    assert dialog.remember.isEnabled()
    dialog.remember.setChecked(True)
    standin = fake_server_database(make_office("河清市人民政府"), server)
    monkeypatch.setattr(
        pg_roles, "sign_in", lambda *a: (standin, Login(Actor("clerk", Role.CLERK), ""))
    )
    dialog.connect_button.click()
    qtbot.waitUntil(lambda: dialog.connected is not None)
    assert no_modal_boxes == [NOT_KEPT]
    assert "密码未能保存" in NOT_KEPT and "normdesk keyring check" in NOT_KEPT
    assert connections.kept_password(server) is None
    assert files_holding(isolated_data_dir, PASSWORD) == []
    ctx.runner.wait()
    ctx.database.close()
    standin.close()


@pytest.mark.usefixtures("fake_keyring")
@pytest.mark.parametrize(("who", "kept"), [("clerk", "New-Pass-2026"), ("wang", "Old-Pass-2026")])
def test_a_kept_password_refused_at_start_is_asked_for_and_the_new_one_kept(
    qtbot, make_office, monkeypatch, who, kept
):
    server = Server("fzk-server", 5432, "normdesk", "clerk")
    connections.remember(server)
    connections.keep_password(server, "Old-Pass-2026")  # changed since on another PC
    standin = fake_server_database(make_office("河清市人民政府"), server)

    def sign_in(url: str, username: str, password: str) -> tuple[Database, Login]:
        if password != "New-Pass-2026":
            raise UserError(users.REFUSED)
        return standin, Login(Actor(username, Role.CLERK), "")

    monkeypatch.setattr(pg_roles, "sign_in", sign_in)
    asked: list[str] = []

    def exec_(dialog: ServerLoginDialog) -> int:
        asked.append(dialog.message.text())
        dialog.username.setText(who)  # the same clerk, or another one at this PC
        dialog.password.setText("New-Pass-2026")
        dialog.log_in()
        return dialog.result()

    monkeypatch.setattr(ServerLoginDialog, "exec", exec_)
    assert gui._open_at_start(connections.start(None)) == (standin, Actor(who, Role.CLERK))
    assert asked == [users.REFUSED]
    assert connections.kept_password(server) == kept  # never another clerk's password
    standin.close()


@pytest.mark.usefixtures("fake_keyring")
def test_changing_ones_own_password_on_the_server_changes_the_kept_one(qtbot, make_office):
    server = Server("fzk-server", 5432, "normdesk", "clerk")
    other = Server("fzk-server", 5432, "normdesk", "wang")
    connections.keep_password(server, "Clerk-Pass-2026")
    connections.keep_password(other, "Wang-Pass-2026")
    standin = fake_server_database(make_office("河清市人民政府", clerk=True), server)
    dialog = shown(qtbot, PasswordDialog(context(standin, Actor("clerk", Role.CLERK)), "clerk"))
    dialog.old.setText("Clerk-Pass-2026")
    dialog.password.setText("New-Pass-2026x")
    dialog.confirm.setText("New-Pass-2026x")
    dialog.submit()
    dialog.runner.wait()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert connections.kept_password(server) == "New-Pass-2026x"  # the next start signs in
    assert connections.kept_password(other) == "Wang-Pass-2026"  # another clerk's, untouched
    connections.forget_password(server)
    dialog = shown(qtbot, PasswordDialog(context(standin, Actor("clerk", Role.CLERK)), "clerk"))
    dialog.old.setText("New-Pass-2026x")
    dialog.password.setText("Third-Pass-2026")
    dialog.confirm.setText("Third-Pass-2026")
    dialog.submit()
    dialog.runner.wait()
    assert connections.kept_password(server) is None  # never kept, not kept now
    standin.close()


def test_the_remembered_server_down_at_start_lets_the_clerk_work_on_this_pc(
    qtbot, make_office, monkeypatch
):
    local = make_office("本机")
    connections.remember(local)
    connections.remember(Server("fzk-server", 5432, "normdesk", "clerk"))

    def exec_(dialog: ServerLoginDialog) -> int:
        assert dialog.username.text() == "clerk"
        buttons = dialog.buttons.buttons()
        next(b for b in buttons if b.text() == "改用本机数据库").click()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(ServerLoginDialog, "exec", exec_)
    database, user = gui._open_at_start(connections.start(None))
    assert database.url == f"sqlite:///{local}" and user is None
    database.close()


def test_a_remembered_file_that_has_gone_is_said_and_never_made_anew(
    tmp_path, no_modal_boxes, isolated_data_dir
):
    gone = tmp_path / "U盘" / "office.db"
    connections.remember(gone)
    database, _user = gui._open_at_start(connections.start(None))
    assert "不存在" in no_modal_boxes[-1] and not gone.exists()
    assert database.url == f"sqlite:///{isolated_data_dir.resolve() / 'normdesk.db'}"
    database.close()


def test_the_connection_dialog_names_a_missing_field_and_an_unreachable_server(qtbot, database):
    dialog = shown(qtbot, ConnectDialog(context(database)))
    dialog.host.clear()
    dialog.test_button.click()
    assert dialog.outcome.text() == "请填写服务器地址。"
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(1)  # nothing listens there
    dialog.database.setText("normdesk")
    dialog.user.setText("clerk")
    dialog.test_button.click()
    assert not dialog.test_button.isEnabled()
    context(database).runner.wait()
    assert dialog.outcome.text() == failures.UNREACHABLE
    assert dialog.test_button.isEnabled()


def test_the_connection_dialog_names_a_database_the_server_does_not_have(
    qtbot, database, monkeypatch
):
    said = 'connection to server at "10.0.0.5", port 5432 failed: FATAL:  database "法规库" does not exist'  # fmt: skip

    def sign_in(*_args: str) -> tuple[Database, Login]:
        raise OperationalError(None, None, psycopg.OperationalError(said))

    monkeypatch.setattr(pg_roles, "sign_in", sign_in)
    ctx = context(database)
    dialog = shown(qtbot, ConnectDialog(ctx))
    for field, text in ((dialog.host, "10.0.0.5"), (dialog.database, "法规库"), (dialog.user, "clerk")):  # fmt: skip
        field.setText(text)
    dialog.connect_button.click()
    ctx.runner.wait()
    assert dialog.outcome.text().startswith("服务器上没有名为“法规库”的数据库")
    assert dialog.connected is None


# --- the first-run wizard ----------------------------------------------------------------------
def test_the_first_run_wizard_offers_the_server_and_gives_way_to_it(
    qtbot, empty_db_url, make_office, monkeypatch, started
):
    server = Server("fzk-server", 5432, "normdesk", "clerk")
    standin = fake_server_database(make_office("河清市人民政府"), server)
    empty = open_database(empty_db_url)

    def exec_(wizard: SetupWizard) -> int:
        page = wizard.steps[START]
        page.server_button.click()
        dialog = wizard.findChild(ConnectDialog)
        assert dialog is not None
        dialog.connected = Connected(server, standin, Actor("clerk", Role.CLERK))
        dialog.accept()
        return wizard.result()

    monkeypatch.setattr(SetupWizard, "exec", exec_)
    window = switched(started, gui.start_window(empty))
    assert window.database is standin and window.ctx.user == Actor("clerk", Role.CLERK)
    assert window.windowTitle().startswith("河清市人民政府")
    assert empty.hold is None  # the empty office on this PC is closed
    assert connections.last() == server


def test_the_wizard_run_again_from_settings_does_not_offer_the_server(qtbot, database):
    wizard = shown(qtbot, SetupWizard(context(database)))
    assert not hasattr(wizard.steps[START], "server_button")
    first = shown(qtbot, SetupWizard(context(database), offer_server=True))
    assert first.steps[START].server_button.text() == "连接单位服务器…"
    assert first.currentId() == START
    assert first.button(QWizard.WizardButton.NextButton).isEnabled()


# --- a real server --------------------------------------------------------------------------------
@pytest.mark.skipif(not on_postgresql(), reason="PostgreSQL only (NORMDESK_TEST_PG)")
def test_the_connection_dialog_tests_and_connects_to_a_real_server(qtbot, request, tmp_path):
    from sqlalchemy.engine import make_url

    from tests.test_pg_roles import NAMES, PASSWORDS, check_passwords_for

    server = request.getfixturevalue("pg_server")  # tests/test_pg_roles.py's office with logins
    clerk = Role.CLERK
    local = open_database(f"sqlite:///{tmp_path / 'local.db'}")
    ctx = context(local)
    dialog = shown(qtbot, ConnectDialog(ctx))
    url = make_url(server.clerk_url)
    dialog.host.setText(url.host)
    dialog.port.setValue(url.port or 5432)
    dialog.database.setText(url.database)
    dialog.user.setText(NAMES[clerk])
    dialog.password.setText(PASSWORDS[clerk])
    dialog.test_button.click()
    ctx.runner.wait()
    assert dialog.outcome.text() == TESTED
    check_passwords_for(server.login(clerk))
    dialog.password.setText("wrong-2026")
    dialog.test_button.click()
    ctx.runner.wait()
    assert dialog.outcome.text() == users.REFUSED
    dialog.password.setText(PASSWORDS[clerk])
    dialog.connect_button.click()
    ctx.runner.wait()
    assert dialog.connected is not None and dialog.connected.actor == Actor(NAMES[clerk], clerk)
    dialog.connected.database.close()
    ctx.runner.wait()
    local.close()
