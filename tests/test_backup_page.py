import os
import shutil
import sqlite3
import zipfile
from datetime import date

import pytest
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from app import clock
from app.config import data_dir
from app.db import open_database
from app.errors import UserError
from app.services import backup, integrity, settings, users
from app.services.permissions import SYSTEM, Actor, Role
from app.ui import startup_checks
from app.ui.app import open_or_explain
from app.ui.settings.backup_page import BackupPage
from tests.factories import add_issuer, register
from tests.ui_context import context
from tests.widgets import shown

pytestmark = pytest.mark.sqlite_only  # backups copy the SQLite file


@pytest.fixture(autouse=True)
def boxes(qapp, monkeypatch):  # qapp: the start-up boxes are real widgets
    shown: list[str] = []
    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, lambda _p, _t, text, *a, **k: shown.append(text))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    yield shown


@pytest.fixture
def filled(database):
    with database.transaction() as s:
        add_issuer(s)
        register(s, "备份之前登记的文件")
    return database


@pytest.fixture
def page(qtbot, filled):
    return shown(qtbot, BackupPage(context(filled)), size=(900, 500))


def titles(db_path) -> list[str]:
    with sqlite3.connect(db_path) as con:
        return [r[0] for r in con.execute("SELECT title FROM document ORDER BY id")]


def test_retention_rules_are_shown_with_a_link_to_the_rules_tab(page, filled):
    with filled.transaction() as s:
        settings.put(s, SYSTEM, "backup.keep_daily", 10)
    page.refresh()
    assert "最近 10 天的每日备份" in page.retention.text()
    assert 'href="rules"' in page.retention.text()


def test_backup_now_adds_a_manual_backup_to_the_list(page, boxes):
    page.backup_button.click()
    assert page.runner.wait()
    assert page.table.topLevelItemCount() == 1
    item = page.table.topLevelItem(0)
    assert item.text(1) == "手动" and item.text(3).endswith("-manual.zip")
    assert (backup.backup_dir(page.db_path) / item.text(3)).is_file()
    assert boxes[-1].startswith("已备份到")


def test_read_only_user_may_not_back_up(page, boxes):
    page.ctx.user = Actor("reader", Role.READ_ONLY)
    page.backup_button.click()
    assert page.runner.wait()
    assert page.table.topLevelItemCount() == 0
    assert "无权执行：备份与恢复" in boxes[-1]


def test_restore_brings_back_the_older_state_and_quits(page, filled, db_path, boxes, monkeypatch):
    backup.make_backup(db_path)
    with filled.transaction() as s:
        register(s, "备份之后登记的文件")
    quit_calls: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", lambda: quit_calls.append(True))
    page.refresh()
    page.table.setCurrentItem(page.table.topLevelItem(0))
    page.restore_button.click()
    assert context(filled).runner.wait()
    assert boxes[-1] == "已恢复，请重新启动程序。" and quit_calls == [True]
    assert titles(db_path) == ["备份之前登记的文件"]
    assert [b.kind for b in backup.backups_of(db_path)].count("before-restore") == 1


def test_restore_is_refused_while_another_program_has_the_database_open(
    page, filled, db_path, db_url, boxes, monkeypatch
):
    backup.make_backup(db_path)
    other = open_database(db_url)  # another window or command on the same file
    quit_calls: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", lambda: quit_calls.append(True))
    page.refresh()
    page.table.setCurrentItem(page.table.topLevelItem(0))
    try:
        page.restore_button.click()
        assert context(filled).runner.wait()
    finally:
        other.close()
    assert "另有 NormDesk 程序正在使用该数据库" in boxes[-1] and quit_calls == []
    with filled.transaction() as s:  # this window goes on, holding its database again
        register(s, "恢复被拒绝之后登记的文件")
    assert filled.hold is not None
    assert titles(db_path) == ["备份之前登记的文件", "恢复被拒绝之后登记的文件"]


def test_a_window_whose_database_was_replaced_stops_saving_with_a_message(
    qtbot, filled, db_path, tmp_path, boxes
):
    copy = tmp_path / "copy.db"
    shutil.copy(db_path, copy)
    os.replace(copy, db_path)  # replaced by a program that did not see this one's hold
    runner = context(filled).runner
    runner.run(lambda s, _p: register(s, "替换之后的文件"), write=True, changes={"documents"})
    assert runner.wait()
    assert "数据库文件已被替换" in boxes[-1] and "请关闭后重新打开 NormDesk" in boxes[-1]
    assert titles(db_path) == ["备份之前登记的文件"]


# --- start-up ------------------------------------------------------------------------------
def damage(database, db_path) -> None:
    database.close()
    db_path.write_bytes(b"this is not a database" * 200)


def choose(monkeypatch, text: str) -> None:
    def fake_exec(box: QMessageBox) -> int:
        next(b for b in box.buttons() if b.text() == text).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)


def test_damaged_database_is_restored_from_the_newest_good_backup(
    filled, db_path, db_url, monkeypatch
):
    backup.make_backup(db_path)
    damage(filled, db_path)
    choose(monkeypatch, startup_checks.RESTORE)
    reopened = open_or_explain(db_url)
    assert reopened is not None
    reopened.close()
    assert titles(db_path) == ["备份之前登记的文件"]
    assert len(list(db_path.parent.glob("office-damaged-*.db"))) == 1


def test_damaged_database_is_left_alone_when_the_clerk_quits(filled, db_path, db_url, monkeypatch):
    backup.make_backup(db_path)
    damage(filled, db_path)
    choose(monkeypatch, startup_checks.QUIT)
    assert open_or_explain(db_url) is None
    assert db_path.read_bytes().startswith(b"this is not a database")


def test_damaged_database_without_backup_is_explained(filled, db_path, db_url, boxes):
    damage(filled, db_path)
    assert open_or_explain(db_url) is None
    assert "没有找到可用的备份" in boxes[-1]


def test_quick_check_problems_are_shown_and_no_backup_is_made(
    qtbot, filled, db_path, boxes, monkeypatch
):
    monkeypatch.setattr(
        integrity, "quick_check", lambda _s: integrity.QuickCheck(None, ["附件丢失"])
    )
    window = QMainWindow()
    qtbot.addWidget(window)
    after = startup_checks.AfterStart(context(filled), window)
    after.quick_check()
    assert context(filled).runner.wait()
    assert "附件丢失" in boxes[-1]
    assert "暂停自动备份" in window.statusBar().currentMessage()
    assert backup.backups_of(db_path) == []


def test_a_check_run_at_once_is_not_run_again_by_the_start_timer(qtbot, filled, monkeypatch):
    """The delayed first check fired a second time after a direct one, even once its window was
    gone: a test's leftover check then backed up into the next test's folder."""
    calls: list[int] = []
    real = integrity.quick_check
    monkeypatch.setattr(integrity, "quick_check", lambda s: calls.append(1) or real(s))
    window = QMainWindow()
    qtbot.addWidget(window)
    after = startup_checks.AfterStart(context(filled), window)
    after.quick_check()
    assert context(filled).runner.wait()
    qtbot.wait(startup_checks.CHECK_DELAY_MS + 300)
    assert context(filled).runner.wait()
    assert calls == [1]


def test_a_file_the_quick_check_finds_damaged_takes_no_more_saves(qtbot, filled, db_path, boxes):
    from tests.factories import register
    from tests.test_damaged_file_writes import _damage_a_middle_page, _digest

    with filled.transaction() as s:
        for n in range(300):
            register(s, title=f"损坏前登记的第{n}件文件")
    filled.engine.dispose()  # the WAL checkpointed into the file, as after a while of work
    _damage_a_middle_page(db_path, "document", 0)
    window = QMainWindow()
    qtbot.addWidget(window)
    startup_checks.AfterStart(context(filled), window).quick_check()
    assert context(filled).runner.wait()
    assert "停止保存" in boxes[-1]
    before = _digest(db_path)
    with pytest.raises(UserError, match="停止保存"), filled.transaction() as s:
        register(s, title="损坏后登记的文件")
    assert _digest(db_path) == before
    assert backup.backups_of(db_path) == []


def test_after_a_clean_check_the_automatic_backup_runs_once_a_day_and_prunes(
    qtbot, filled, db_path
):
    clock.fix_today(date.today())
    window = QMainWindow()
    qtbot.addWidget(window)
    page = shown(qtbot, BackupPage(context(filled)))  # open before the backup is made
    assert page.table.topLevelItemCount() == 0
    after = startup_checks.AfterStart(context(filled), window)

    # generous: the check waits a second, then two background jobs run on a busy 2-core machine
    def backed_up() -> None:
        shown = window.statusBar().currentMessage()
        assert shown.startswith("已自动备份"), shown

    qtbot.waitUntil(backed_up, timeout=30_000)
    assert context(filled).runner.wait()
    after.check()
    assert context(filled).runner.wait()
    assert [b.kind for b in backup.backups_of(db_path)] == ["auto"]
    assert page.table.topLevelItemCount() == 1  # the page shown meanwhile lists it
    assert after.timer.isActive()


def empty_out(database, db_path) -> None:
    database.close()
    db_path.write_bytes(b"")


def test_zero_byte_database_is_offered_the_restore_not_a_new_office(
    filled, db_path, db_url, monkeypatch
):
    backup.make_backup(db_path)
    empty_out(filled, db_path)
    asked: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        asked.append(box.text())
        next(b for b in box.buttons() if b.text() == startup_checks.RESTORE).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    reopened = open_or_explain(db_url)
    assert reopened is not None
    try:
        assert len(asked) == 1 and "0 字节" in asked[0]
        assert titles(db_path) == ["备份之前登记的文件"]
        with reopened.reading() as s:  # no setup wizard: the office is back
            assert not users.office_is_empty(s)
    finally:
        reopened.close()
    assert [p.stat().st_size for p in db_path.parent.glob("office-damaged-*.db")] == [0]


def test_zero_byte_database_without_a_backup_is_explained_and_left_as_it_is(
    filled, db_path, db_url, boxes
):
    empty_out(filled, db_path)
    assert open_or_explain(db_url) is None
    assert "0 字节" in boxes[-1] and "没有找到可用的备份" in boxes[-1]
    assert db_path.read_bytes() == b""


def test_a_refused_backup_changes_nothing_and_the_program_carries_on(
    page, filled, db_path, boxes, monkeypatch
):
    good = backup.make_backup(db_path)
    with zipfile.ZipFile(good.path) as src:
        entries = [(n, src.read(n)) for n in src.namelist() if n != backup.MANIFEST_MEMBER]
    crafted = backup.backup_dir(db_path) / "normdesk-20991231-000000-manual.zip"
    with zipfile.ZipFile(crafted, "w") as archive:
        for name, data in [*entries, ("attachments/../../evil.txt", b"x")]:
            archive.writestr(name, data)
    quit_calls: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", lambda: quit_calls.append(True))
    page.refresh()
    page.table.setCurrentItem(page.table.topLevelItem(0))
    assert page.selected() == crafted
    page.restore_button.click()
    assert context(filled).runner.wait()
    assert "不安全的路径" in boxes[-1] and "未作任何修改" in boxes[-1]
    assert quit_calls == [] and titles(db_path) == ["备份之前登记的文件"]
    assert [b.kind for b in backup.backups_of(db_path)] == ["manual", "manual"]  # no before-restore
    assert not (data_dir().parent / "evil.txt").exists()
    with filled.transaction() as s:
        register(s, "恢复被拒绝之后登记的文件")
    assert titles(db_path) == ["备份之前登记的文件", "恢复被拒绝之后登记的文件"]
