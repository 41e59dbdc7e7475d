import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from app.errors import UserError
from app.services import attachments, backup, integrity
from app.services.backup import BackupFile
from app.services.permissions import SYSTEM
from tests.factories import add_issuer, register

pytestmark = pytest.mark.sqlite_only  # backups copy the SQLite file


@pytest.fixture
def filled(database, db_path, tmp_path):
    source = tmp_path / "送审稿.docx"
    source.write_bytes(b"draft" * 200)
    with database.transaction() as s:
        add_issuer(s)
        doc = register(s)
        att = attachments.add_attachment(s, SYSTEM, doc.id, source)
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
    assert integrity.newest_good_backup(folder) == good.path


def test_backup_and_restore_need_the_backup_permission(filled, tmp_path):
    from app.services.permissions import Actor, Role

    _, db_path, _ = filled
    reader = Actor("赵只读", Role.READ_ONLY)
    with pytest.raises(UserError, match="无权"):
        backup.make_backup(db_path, tmp_path / "b", actor=reader)
    made = backup.make_backup(db_path, tmp_path / "b", actor=SYSTEM)
    with pytest.raises(UserError, match="无权"):
        backup.restore(made.path, db_path, reader)
