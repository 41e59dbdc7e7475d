"""文件 → 迁移到服务器…: the copy of a one-clerk office's register onto the server, its progress,
its refusals in Chinese, and this PC's database left as it was."""

import socket
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from app.db import Database, open_database
from app.models import AuditEntry, Base
from app.services import database_copy, demo
from app.services.permissions import Actor, Role
from app.ui.main_window import MainWindow
from app.ui.settings.migrate_dialog import STOPPED, MigrateDialog
from tests.conftest import create_pg_database, drop_pg_database, on_postgresql
from tests.factories import add_issuer, register
from tests.ui_context import context
from tests.widgets import shown

needs_server = pytest.mark.skipif(not on_postgresql(), reason="PostgreSQL only (NORMDESK_TEST_PG)")


@pytest.fixture
def local(tmp_path: Path) -> Database:
    """This PC's register: a SQLite file with the demo office and one document of our own."""
    database = open_database(f"sqlite:///{tmp_path / 'office.sqlite'}")
    with database.transaction() as s:
        demo.make_demo(s, 20)
        add_issuer(s, "XQ", "西区民政局", "西民发")
        register(s, "关于调整城乡低保标准的通知", issuer="XQ", published=date(2026, 1, 5))
    yield database
    context(database).runner.wait()
    database.close()


@pytest.fixture
def dialog(qtbot, local) -> MigrateDialog:
    return shown(qtbot, MigrateDialog(context(local)))


@pytest.fixture
def server_db() -> str:
    url = create_pg_database()
    yield url
    drop_pg_database(url)


def state(database: Database) -> tuple[dict[str, int], str | None]:
    """Every table's row count and the audit chain's head: what "unchanged" means."""
    with database.reading() as s:
        counts = {
            t.name: s.connection().execute(select(func.count()).select_from(t)).scalar_one()
            for t in Base.metadata.sorted_tables
        }
        head = s.scalar(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1))
    return counts, head


def checks_passwords(url: str) -> bool:
    """Whether the server refuses a wrong password (CI's throwaway cluster trusts everyone)."""
    import psycopg

    parsed = make_url(url)
    try:
        psycopg.connect(
            host=parsed.host, port=parsed.port, dbname=parsed.database, user=parsed.username,
            password="不是这个密码", connect_timeout=5,
        ).close()  # fmt: skip
    except psycopg.OperationalError:
        return True
    return False


def counts_of(url: str) -> dict[str, int]:
    database = open_database(url)
    try:
        return state(database)[0]
    finally:
        database.close()


def fill(dialog: MigrateDialog, url: str, password: str | None = None) -> None:
    parsed = make_url(url)
    dialog.host.setText(parsed.host or "")
    dialog.port.setValue(parsed.port or 5432)
    dialog.database_name.setText(parsed.database or "")
    dialog.user.setText(parsed.username or "")
    dialog.password.setText(parsed.password or "" if password is None else password)


def run(dialog: MigrateDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.runner.wait(60_000)


def told(dialog: MigrateDialog) -> list[tuple[int, int, str]]:
    seen: list[tuple[int, int, str]] = []
    dialog.relay.told.connect(lambda i, n, t: seen.append((i, n, t)))
    return seen


@needs_server
def test_the_register_moves_to_the_server_table_by_table_and_says_how_clerks_connect(
    dialog, local, server_db
):
    before = state(local)
    progress = told(dialog)
    fill(dialog, server_db)
    run(dialog)
    assert dialog.copied is not None, dialog.error.text()
    assert counts_of(server_db) == before[0]
    assert {t for _, _, t in progress} >= {"document", "audit_log", "issuer"}
    assert [i for i, _, _ in progress] == sorted(i for i, _, _ in progress)  # in copy order
    report = dialog.report.toPlainText()
    assert f"规范性文件：{before[0]['document']} 行" in report
    assert "pg-roles setup" in report
    parsed = make_url(server_db)
    assert f"postgresql+psycopg://{parsed.host}:{parsed.port}/{parsed.database}" in report
    assert not parsed.password or parsed.password not in report
    assert state(local) == before and local.hold is not None  # held again, unchanged


@needs_server
def test_a_wrong_password_is_told_in_chinese_and_the_password_field_gets_the_cursor(
    dialog, local, server_db
):
    if not checks_passwords(server_db):
        pytest.skip("this server lets every login in without a password (trust)")
    before = state(local)
    fill(dialog, server_db, password="不是这个密码")
    run(dialog)
    assert dialog.error.text() == database_copy.REFUSED_LOGIN
    assert dialog.password.hasFocus() or dialog.focusWidget() is dialog.password
    assert state(local) == before


def test_an_unreachable_server_is_told_in_chinese(dialog, local):
    with socket.socket() as probe:  # a port on this PC where nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    before = state(local)
    fill(dialog, f"postgresql+psycopg://owner:pw@127.0.0.1:{port}/normdesk")
    run(dialog)
    assert "无法连接到单位服务器" in dialog.error.text()
    assert dialog.copied is None and state(local) == before and local.hold is not None


def test_an_empty_field_is_named_before_anything_is_tried(dialog):
    fill(dialog, "postgresql+psycopg://owner:pw@/normdesk")
    run(dialog)
    assert dialog.error.text() == "服务器地址：必须填写。"
    assert dialog.focusWidget() is dialog.host


def test_a_target_holding_data_is_refused_and_neither_database_changes(dialog, local, tmp_path):
    target_url = f"sqlite:///{tmp_path / 'busy.sqlite'}"
    busy = open_database(target_url)
    with busy.transaction() as s:
        add_issuer(s)
    busy.close()
    before, there = state(local), counts_of(target_url)
    dialog.start(target_url)
    assert dialog.runner.wait(60_000)
    assert "已有数据" in dialog.error.text() and "未作任何修改" in dialog.error.text()
    assert counts_of(target_url) == there and state(local) == before


def test_a_copy_reports_every_table_and_progress_and_leaves_this_pc_as_it_was(
    dialog, local, tmp_path
):
    target_url = f"sqlite:///{tmp_path / 'copy.sqlite'}"
    before = state(local)
    progress = told(dialog)
    dialog.start(target_url)
    assert dialog.runner.wait(60_000)
    assert dialog.copied is not None, dialog.error.text()
    assert counts_of(target_url) == before[0]
    assert ("document", before[0]["document"]) in {(t, n) for _, n, t in progress}
    assert dialog.bar.value() == dialog.bar.maximum()
    report = dialog.report.toPlainText()
    assert f"制定机关：{before[0]['issuer']} 行" in report and "审计日志校验通过" in report
    assert state(local) == before and local.hold is not None
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_closing_mid_copy_asks_and_stopping_leaves_the_target_empty(
    dialog, local, tmp_path, monkeypatch
):
    asked: list[str] = []

    def question(_parent, _title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    target_url = f"sqlite:///{tmp_path / 'stopped.sqlite'}"
    before = state(local)
    dialog.start(target_url)
    dialog.close()  # while the copy runs
    assert asked and "迁移正在进行" in asked[0]
    assert dialog.runner.wait(60_000)
    assert not dialog.isVisible() and dialog.copied is None
    assert sum(counts_of(target_url).values()) == 0
    assert state(local) == before and local.hold is not None
    assert dialog.status.text() == "迁移没有完成，本机数据库未作任何修改。"
    assert STOPPED.startswith("迁移已中止")


def test_only_an_administrator_is_offered_the_migration(qtbot, database):
    ctx = context(database, Actor("clerk", Role.CLERK))
    window = shown(qtbot, MainWindow(ctx))
    window._offer_migration()
    assert not window.migrate_action.isEnabled()
    ctx.user = Actor("admin", Role.ADMIN)
    window._offer_migration()
    assert window.migrate_action.isEnabled()


@needs_server
def test_a_database_the_server_does_not_have_is_named(dialog, server_db):
    fill(dialog, make_url(server_db).set(database="没有这个库").render_as_string(False))
    run(dialog)
    assert "服务器上没有数据库“没有这个库”" in dialog.error.text()
    assert dialog.focusWidget() is dialog.database_name
