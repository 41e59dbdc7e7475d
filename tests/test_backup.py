import json
import os
import sqlite3
import stat
import zipfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from app import __version__, clock
from app.db import head_revision
from app.errors import UserError
from app.services import attachments, backup, integrity
from app.services.backup import BackupFile
from app.services.permissions import SYSTEM
from tests.factories import register, with_attachment

pytestmark = pytest.mark.sqlite_only  # backups copy the SQLite file


@pytest.fixture
def filled(database, db_path, tmp_path):
    with database.transaction() as s:
        att = with_attachment(s, tmp_path / "送审稿.docx", b"draft" * 200)
    return database, db_path, att


def test_backup_holds_database_and_attachments_and_restore_brings_them_back(filled, tmp_path):
    database, db_path, att = filled
    made = backup.make_backup(db_path, tmp_path / "b", "manual")
    with database.transaction() as s:
        register(s, "备份之后登记的文件")
    attachments.stored_path(att.sha256).unlink()
    database.close()
    safety = backup.restore(made.path, db_path, SYSTEM)
    with sqlite3.connect(db_path) as con:
        titles = [r[0] for r in con.execute("SELECT title FROM document")]
    assert titles == ["河清市城乡居民最低生活保障管理办法"]
    assert attachments.stored_path(att.sha256).read_bytes() == b"draft" * 200
    assert safety is not None and safety.kind == "before-restore"


def test_restore_refuses_a_damaged_backup_and_changes_nothing(filled, tmp_path):
    database, db_path, _ = filled
    database.close()
    bad = tmp_path / "normdesk-20260101-000000-manual.zip"
    bad.write_bytes(b"not a zip")
    before = db_path.read_bytes()
    with pytest.raises(UserError, match="无法使用"):
        backup.restore(bad, db_path, SYSTEM)
    assert db_path.read_bytes() == before


def _fake(created: datetime, kind: str = "auto") -> BackupFile:
    return BackupFile(Path(f"normdesk-{created:%Y%m%d-%H%M%S}-{kind}.zip"), created, kind, 1)


def test_rolling_retention_keeps_daily_weekly_monthly_and_all_manual():
    start = datetime(2026, 11, 27, 9)
    autos = [_fake(start - timedelta(days=d)) for d in range(400)]
    manual = _fake(start - timedelta(days=500), "manual")
    keep = backup.to_keep([*autos, manual], daily=7, weekly=4, monthly=12)
    kept = sorted((b.created for b in autos if b.path in keep), reverse=True)
    assert manual.path in keep
    assert kept[:7] == [start - timedelta(days=d) for d in range(7)]
    assert len({d.isocalendar()[:2] for d in kept}) >= 4
    assert len({(d.year, d.month) for d in kept}) == 12
    assert len(kept) < 7 + 4 + 12


def test_full_check_names_each_problem(filled):
    database, db_path, att = filled
    with database.reading() as s:
        assert integrity.full_check(s) == []
    attachments.stored_path(att.sha256).write_bytes(b"changed")
    with sqlite3.connect(db_path) as con:
        con.execute("UPDATE audit_log SET summary = '改过' WHERE id = 2")
    with database.reading() as s:
        problems = integrity.full_check(s)
    assert any("审计日志第 2 条" in p for p in problems)
    assert any("内容与登记时不符" in p for p in problems)


def test_newest_good_backup_skips_broken_ones(filled, tmp_path):
    _, db_path, _ = filled
    folder = tmp_path / "b"
    good = backup.make_backup(db_path, folder, "auto")
    (folder / "normdesk-20991231-000000-auto.zip").write_bytes(b"broken")
    assert integrity.newest_good_backup(db_path, folder) == good.path


def test_backup_and_restore_need_the_backup_permission(filled, tmp_path):
    from app.services.permissions import Actor, Role

    _, db_path, _ = filled
    reader = Actor("赵只读", Role.READ_ONLY)
    with pytest.raises(UserError, match="无权"):
        backup.make_backup(db_path, tmp_path / "b", actor=reader)
    made = backup.make_backup(db_path, tmp_path / "b", actor=SYSTEM)
    with pytest.raises(UserError, match="无权"):
        backup.restore(made.path, db_path, reader)


@pytest.fixture
def same_second(monkeypatch):
    at = datetime(2026, 11, 30, 9, 15, 0)
    monkeypatch.setattr(clock, "now", lambda: at)
    return at


def test_backups_made_within_the_same_second_never_overwrite_each_other(
    filled, tmp_path, same_second
):
    _, db_path, _ = filled
    made = [backup.make_backup(db_path, tmp_path / "b", "before-restore") for _ in range(3)]
    names = [m.path.name for m in made]
    assert names == [
        "normdesk-20261130-091500-before-restore.zip",
        "normdesk-20261130-091500-before-restore-2.zip",
        "normdesk-20261130-091500-before-restore-3.zip",
    ]
    listed = backup.list_backups(tmp_path / "b")
    assert [(b.kind, b.created, b.seq) for b in listed] == [
        ("before-restore", same_second, 3),
        ("before-restore", same_second, 2),
        ("before-restore", same_second, 1),
    ]
    assert all(b.kind_label == "恢复前" for b in listed)


def test_two_restores_within_a_second_keep_both_safety_backups(filled, tmp_path, same_second):
    database, db_path, _ = filled
    made = backup.make_backup(db_path, tmp_path / "b")
    database.close()
    backup.restore(made.path, db_path, SYSTEM)
    with sqlite3.connect(db_path) as con:
        con.execute("UPDATE document SET title = '第一次恢复之后改过'")
    con.close()
    backup.restore(made.path, db_path, SYSTEM)
    safety = [b for b in backup.backups_of(db_path) if b.kind == "before-restore"]
    assert len(safety) == 2
    newest = safety[0].path
    with zipfile.ZipFile(newest) as archive:
        archive.extract(backup.DB_MEMBER, tmp_path / "x")
    with sqlite3.connect(tmp_path / "x" / backup.DB_MEMBER) as con:
        assert con.execute("SELECT title FROM document").fetchone()[0] == "第一次恢复之后改过"
    con.close()


def test_rotation_still_reads_numbered_names(same_second):
    second = Path("normdesk-20261130-091500-auto-2.zip")
    first = Path("normdesk-20261130-091500-auto.zip")
    backups = [
        BackupFile(first, same_second, "auto", 1, 1),
        BackupFile(second, same_second, "auto", 1, 2),
    ]
    assert backup.to_keep(backups, daily=1, weekly=0, monthly=0) == {second}


def test_a_failed_backup_leaves_no_part_file_and_no_zip(filled, tmp_path, monkeypatch):
    _, db_path, _ = filled
    real_open = zipfile.ZipFile.open

    def open_(archive, name, mode="r", *args, **kwargs):
        if mode == "w" and getattr(name, "filename", name).startswith("attachments/"):
            raise OSError(
                28, "No space left on device"
            )  # the database went in, then the disk filled
        return real_open(archive, name, mode, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", open_)
    folder = tmp_path / "b"
    with pytest.raises(UserError, match="备份未完成：磁盘空间不足"):
        backup.make_backup(db_path, folder)
    assert list(folder.iterdir()) == []


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_backups_and_restored_files_are_private(filled, tmp_path):
    database, db_path, att = filled
    old_umask = os.umask(0o022)
    try:
        made = backup.make_backup(db_path, tmp_path / "b")
        attachments.stored_path(att.sha256).unlink()
        database.close()
        safety = backup.restore(made.path, db_path, SYSTEM)
    finally:
        os.umask(old_umask)
    for path in (made.path, safety.path, db_path, attachments.stored_path(att.sha256)):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_a_new_backup_carries_a_manifest_of_every_member(filled, tmp_path):
    _, db_path, att = filled
    made = backup.make_backup(db_path, tmp_path / "b")
    with zipfile.ZipFile(made.path) as archive:
        manifest = json.loads(archive.read(backup.MANIFEST_MEMBER))
        names = set(archive.namelist()) - {backup.MANIFEST_MEMBER}
    assert set(manifest["members"]) == names
    member = f"attachments/{att.sha256[:2]}/{att.sha256}"
    assert manifest["members"][member] == {"size": 1000, "sha256": att.sha256}
    assert manifest["revision"] == head_revision()
    assert manifest["version"] == __version__


def test_a_changed_attachment_is_left_out_of_the_backup_so_it_stays_restorable(filled, tmp_path):
    database, db_path, att = filled
    attachments.stored_path(att.sha256).write_bytes(b"changed on disk")
    made = backup.make_backup(db_path, tmp_path / "b")
    with zipfile.ZipFile(made.path) as archive:
        assert not any(n.startswith("attachments/") for n in archive.namelist())
    database.close()
    backup.restore(made.path, db_path, SYSTEM)


def test_a_damaged_database_and_its_wal_are_kept_aside_under_a_new_name(
    filled, tmp_path, same_second
):
    database, db_path, _ = filled
    made = backup.make_backup(db_path, tmp_path / "b")
    database.close()
    for round_ in range(2):
        db_path.write_bytes(b"")
        Path(f"{db_path}-wal").write_bytes(b"last commits %d" % round_)
        backup.restore(made.path, db_path, SYSTEM)
    kept = sorted(p.name for p in db_path.parent.glob("office-damaged-*"))
    assert kept == [
        "office-damaged-20261130-091500-2.db",
        "office-damaged-20261130-091500-2.db-wal",
        "office-damaged-20261130-091500.db",
        "office-damaged-20261130-091500.db-wal",
    ]


def test_backup_into_a_file_instead_of_a_folder_is_a_user_error(filled, tmp_path):
    _database, db_path, _att = filled
    not_a_folder = tmp_path / "out.pdf"
    not_a_folder.write_bytes(b"%PDF")
    with pytest.raises(UserError, match="备份文件夹"):
        backup.make_backup(db_path, not_a_folder, "manual")
    assert not_a_folder.read_bytes() == b"%PDF"
