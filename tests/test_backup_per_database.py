"""One data folder, several office files: every backup belongs to one database, and the daily
backup, pruning, the backup page, the damaged-file restore and the command line look only at that
database's backups."""

import json
import shutil
import sqlite3
from datetime import date, datetime

import pytest
from PySide6.QtWidgets import QMainWindow, QMessageBox

from app import clock
from app.config import DB_FILENAME, data_dir
from app.db import open_database
from app.errors import UserError
from app.services import backup
from app.services.permissions import SYSTEM
from app.ui import startup_checks
from app.ui.app import open_or_explain
from app.ui.settings.backup_page import BackupPage
from tests.factories import add_issuer, register
from tests.test_cli import normdesk
from tests.ui_context import context
from tests.widgets import shown

pytestmark = pytest.mark.sqlite_only  # backups copy the SQLite file


@pytest.fixture(autouse=True)
def boxes(qapp, monkeypatch):
    said: list[str] = []
    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, lambda _p, _t, text, *a, **k: said.append(text))
    yield said


def make_office(path, template, title):
    shutil.copyfile(template, path)
    path.chmod(0o600)
    database = open_database(f"sqlite:///{path}")
    with database.transaction() as s:
        add_issuer(s)
        register(s, title)
    return database


@pytest.fixture
def office_a(database, db_path):
    with database.transaction() as s:
        add_issuer(s)
        register(s, "甲单位的文件")
    return db_path


_open: dict = {}  # office B's open database, by its path


@pytest.fixture
def office_b(tmp_path, sqlite_template):
    path = tmp_path / "乙单位.db"
    database = _open[path] = make_office(path, sqlite_template, "乙单位的文件")
    yield path
    context(database).runner.wait()
    database.close()
    del _open[path]


def b_database(office_b):
    return _open[office_b]


def close_b(office_b) -> None:
    database = _open[office_b]
    context(database).runner.wait()
    database.close()


def titles(db_path) -> list[str]:
    with sqlite3.connect(db_path) as con:
        return [r[0] for r in con.execute("SELECT title FROM document ORDER BY id")]


def made_from(db_path) -> list[str]:
    """The kinds of every backup anywhere under the backups folder that was made of `db_path`."""
    found = []
    for zip_file in sorted((data_dir() / "backups").rglob("normdesk-*.zip")):
        if backup.manifest_of(zip_file).get("database") == str(db_path.resolve()):
            found.append(backup.describe(zip_file).kind)
    return found


def daily_check(database) -> QMainWindow:
    window = QMainWindow()
    after = startup_checks.AfterStart(context(database), window)
    after.first_check.stop()  # the quick check is not the point here
    after.check()
    assert context(database).runner.wait()
    window.after = after  # type: ignore[attr-defined]
    return window


def test_two_offices_in_one_data_folder_each_get_their_daily_backup_on_the_same_day(
    database, office_a, office_b, tmp_path, sqlite_template
):
    clock.fix_today(date.today())
    first = daily_check(database)
    second_db = make_office(tmp_path / "丙单位.db", sqlite_template, "丙单位的文件")
    try:
        second = daily_check(second_db)
        assert second.statusBar().currentMessage().startswith("已自动备份")
    finally:
        context(second_db).runner.wait()
        second_db.close()
    assert first.statusBar().currentMessage().startswith("已自动备份")
    assert made_from(office_a) == ["auto"]
    assert made_from(tmp_path / "丙单位.db") == ["auto"]
    assert not backup.auto_backup_due(office_a) and backup.auto_backup_due(office_b)


def test_pruning_one_office_never_removes_the_others_backups(office_a, office_b, monkeypatch):
    at = [datetime(2026, 11, 1, 9)]
    monkeypatch.setattr(clock, "now", lambda: at[0])

    def on(day: int) -> None:
        at[0] = datetime(2026, 11, day, 9)

    b_made = []
    for day in (1, 2, 3):
        on(day)
        b_made.append(backup.make_backup(office_b, kind="auto").path)
    b_made.append(backup.make_backup(office_b, kind="manual").path)
    for day in (20, 21, 22):  # keep one daily backup only: A's newest
        on(day)
        startup_checks.auto_backup(office_a, [1, 0, 0])
    assert all(path.is_file() for path in b_made)
    assert made_from(office_b) == ["auto", "auto", "auto", "manual"]
    assert made_from(office_a) == ["auto"]


def test_the_backup_page_of_office_b_lists_only_bs_backups(qtbot, office_a, office_b):
    backup.make_backup(office_a)
    own = backup.make_backup(office_b).path
    page = shown(qtbot, BackupPage(context(b_database(office_b))))
    listed = [page.table.topLevelItem(i) for i in range(page.table.topLevelItemCount())]
    assert [item.text(3) for item in listed] == [own.name]
    page.table.setCurrentItem(listed[0])
    assert page.selected() == own


def test_a_damaged_file_is_offered_only_its_own_backups(
    database, office_a, office_b, boxes, monkeypatch
):
    own = backup.make_backup(office_b).path
    backup.make_backup(office_a)  # newer, of the other office
    close_b(office_b)
    office_b.write_bytes(b"this is not a database" * 200)
    offered = []
    monkeypatch.setattr(
        startup_checks, "ask_restore", lambda _message, newest: offered.append(newest) or True
    )
    reopened = open_or_explain(f"sqlite:///{office_b}")
    assert reopened is not None
    reopened.close()
    assert offered == [own]
    assert titles(office_b) == ["乙单位的文件"]


def test_a_damaged_file_without_backups_of_its_own_is_offered_none(
    database, office_a, office_b, boxes, monkeypatch
):
    backup.make_backup(office_a)
    close_b(office_b)
    office_b.write_bytes(b"this is not a database" * 200)
    monkeypatch.setattr(startup_checks, "ask_restore", lambda *_a: pytest.fail("offered A's"))
    assert open_or_explain(f"sqlite:///{office_b}") is None
    assert "没有找到可用的备份" in boxes[-1]
    assert office_b.read_bytes().startswith(b"this is not a database")


def test_cli_restore_of_another_offices_backup_is_refused(database, office_a, office_b):
    made = normdesk("--db", str(office_a), "backup", "--json")
    assert made.returncode == 0, made.stderr
    a_backup = json.loads(made.stdout)["file"]
    close_b(office_b)
    refused = normdesk("--db", str(office_b), "restore", a_backup)
    assert refused.returncode == 1, refused.stdout + refused.stderr
    assert "另一个数据库" in refused.stderr and a_backup.rsplit("/", 1)[1] in refused.stderr
    assert "Traceback" not in refused.stderr
    assert titles(office_b) == ["乙单位的文件"]
    assert made_from(office_b) == []  # refused before the safety backup


def test_a_backup_of_a_database_no_longer_on_this_computer_may_be_restored(
    database, office_a, office_b
):
    """A new computer or a moved data folder: the database the backup names is not there."""
    made = backup.make_backup(office_a).path
    database.close()
    gone = office_a.with_name("甲单位-已删除.db")
    office_a.rename(gone)
    close_b(office_b)
    backup.restore(made, office_b, SYSTEM)
    assert titles(office_b) == ["甲单位的文件"]
    gone.rename(office_a)


def test_restore_in_the_service_names_the_backup_and_changes_nothing(office_a, office_b):
    made = backup.make_backup(office_a).path
    close_b(office_b)
    with pytest.raises(UserError, match="另一个数据库") as caught:
        backup.restore(made, office_b, SYSTEM)
    assert made.name in caught.value.message and "未作任何修改" in caught.value.message
    assert titles(office_b) == ["乙单位的文件"]


def test_the_default_database_keeps_its_folder_and_others_backups_made_there_move_to_their_own(
    office_b, sqlite_template, tmp_path
):
    default = data_dir() / DB_FILENAME
    make_office(default, sqlite_template, "默认单位的文件").close()
    gone = make_office(tmp_path / "已删除.db", sqlite_template, "已删除单位的文件")
    gone.close()
    shared = data_dir() / "backups"
    # the shared folder as earlier versions left it: every database's backups together
    of_b = backup.make_backup(office_b, shared).path
    of_gone = backup.make_backup(tmp_path / "已删除.db", shared).path
    mine = backup.make_backup(default, shared).path
    (tmp_path / "已删除.db").unlink()  # or a data folder brought from another computer
    assert backup.backup_dir(default) == shared
    assert [b.path.name for b in backup.backups_of(default)] == [mine.name, of_gone.name]
    assert [b.path.name for b in backup.backups_of(office_b)] == [of_b.name]
    assert backup.backup_dir(office_b).parent == shared
    assert backup.restore(mine, default, SYSTEM) is not None  # its own: allowed
