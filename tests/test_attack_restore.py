"""Backup and restore under hard conditions: a full disk, a read-only folder, things planted in
the backups folder, commits still in the WAL and what a killed restore leaves behind."""

import errno
import hashlib
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import pytest

from app.errors import UserError
from app.services import attachments, backup
from app.services.permissions import SYSTEM
from tests.factories import add_issuer, register
from tests.test_cli import normdesk

pytestmark = pytest.mark.sqlite_only  # backups copy the SQLite file

ATTACHED = [bytes([n]) * 300_000 for n in range(3)]  # stored, not deflated: 900 KB of archive


@pytest.fixture
def office(database, db_path, tmp_path):
    """A closed database with three attachments of 300 KB."""
    with database.transaction() as s:
        add_issuer(s)
        doc = register(s)
        for n, data in enumerate(ATTACHED):
            source = tmp_path / f"附件{n}.pdf"
            source.write_bytes(data)
            attachments.add_attachment(s, SYSTEM, doc.id, source)
            source.unlink()
    database.close()
    return db_path


def limited(limit: int, *args: str) -> subprocess.CompletedProcess:
    """`normdesk ARGS` unable to write a file past `limit` bytes, as on a disk that fills up."""

    def preexec() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        preexec_fn=preexec,
        timeout=120,
    )


def leftovers(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.name.endswith(".part") or "-restore-" in p.name]


@pytest.mark.skipif(not hasattr(signal, "SIGXFSZ"), reason="POSIX file size limit")
def test_backup_on_a_full_disk_exits_1_in_chinese_and_leaves_nothing(office, tmp_path):
    folder = tmp_path / "backups"
    result = limited(600_000, "--db", str(office), "backup", str(folder))
    assert result.returncode == 1, result.stderr
    assert "备份未完成" in result.stderr and "Traceback" not in result.stderr
    assert list(folder.iterdir()) == []


@pytest.mark.skipif(not hasattr(signal, "SIGXFSZ"), reason="POSIX file size limit")
def test_restore_on_a_full_disk_names_the_cause_in_chinese_and_replaces_nothing(office, tmp_path):
    good = backup.make_backup(office, tmp_path / "good").path
    for data in ATTACHED:
        attachments.stored_path(hashlib.sha256(data).hexdigest()).unlink()
    before = office.read_bytes()
    result = limited(200_000, "--db", str(office), "restore", str(good))
    assert result.returncode == 1, result.stderr
    assert "恢复未完成，当前数据库未被替换：磁盘空间不足" in result.stderr
    assert office.read_bytes() == before
    assert leftovers(tmp_path) == []


def test_backup_into_a_read_only_folder_is_a_user_error(office, tmp_path, monkeypatch):
    def read_only(*args, **kwargs):
        raise PermissionError(errno.EROFS, "Read-only file system", str(tmp_path / "b"))

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    with pytest.raises(UserError, match="备份未完成：没有写入权限"):
        backup.make_backup(office, tmp_path / "b")


def test_a_dangling_link_named_like_a_backup_is_passed_over(office, tmp_path):
    good = backup.make_backup(office).path
    planted = good.parent / "normdesk-20991231-235959-auto.zip"
    planted.symlink_to(tmp_path / "nowhere.zip")
    (good.parent / "normdesk-20991231-235958-auto.zip").mkdir()
    assert [b.path for b in backup.backups_of(office)] == [good]
    office.write_bytes(b"")  # damaged: the CLI offers the newest good backup
    result = normdesk("--db", str(office), "doc", "list")
    assert result.returncode == 1, result.stderr
    assert str(good) in result.stderr and "Traceback" not in result.stderr


def test_a_planted_link_where_the_next_backup_goes_is_not_written_through(office, tmp_path):
    target = tmp_path / "elsewhere.txt"
    target.write_bytes(b"not yours")
    folder = tmp_path / "b"
    folder.mkdir()
    stem = f"normdesk-{backup.clock.now():%Y%m%d-%H%M%S}-manual"
    (folder / f"{stem}.zip").symlink_to(target)
    made = backup.make_backup(office, folder)
    assert made.path.name == f"{stem}-2.zip" and not made.path.is_symlink()
    assert target.read_bytes() == b"not yours"


WAL_WRITER = """
import os, sys
from app.db import open_database
from tests.factories import register
database = open_database(sys.argv[1])
with database.transaction() as s:
    register(s, "只在 WAL 中的登记")
os._exit(0)  # killed: the commit stays in the WAL, never folded into the file
"""


def test_commits_still_in_the_wal_survive_a_restore_that_stops_before_the_replace(
    office, tmp_path, monkeypatch
):
    good = backup.make_backup(office, tmp_path / "good").path
    subprocess.run(
        [sys.executable, "-c", WAL_WRITER, f"sqlite:///{office}"],
        check=True,
        env={**os.environ, "PYTHONPATH": os.getcwd()},
    )
    assert Path(f"{office}-wal").stat().st_size > 0
    real_replace = os.replace

    def stopped(src, dst):  # the restore stops (a crash, a failed rename) just before the end
        if Path(dst) == office:
            raise OSError(errno.EIO, "Input/output error")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", stopped)
    with pytest.raises(UserError, match="当前数据库未被替换"):
        backup.restore(good, office, SYSTEM)
    with sqlite3.connect(office) as con:
        titles = {r[0] for r in con.execute("SELECT title FROM document")}
    con.close()
    assert "只在 WAL 中的登记" in titles


def test_a_restore_clears_what_a_killed_restore_left_behind(office, tmp_path):
    good = backup.make_backup(office, tmp_path / "good").path
    staging = office.parent / f"{backup.STAGING_PREFIX}k1ll3d"
    staging.mkdir()
    (staging / backup.DB_MEMBER).write_bytes(b"a whole copy of a database")
    sha = hashlib.sha256(ATTACHED[0]).hexdigest()
    part = attachments.store_dir() / sha[:2] / f".{sha}.4242.part"
    part.write_bytes(ATTACHED[0][:1000])
    safety = backup.backup_dir(office) / ".normdesk-before-restore-k1ll3d.part"
    safety.write_bytes(b"PK half a zip")
    adding = attachments.store_dir() / "tmpk3ep.part"  # an attachment being added meanwhile
    adding.write_bytes(b"x")
    backup.restore(good, office, SYSTEM)
    assert not staging.exists() and not part.exists() and not safety.exists()
    assert adding.exists()


def test_a_backup_clears_half_written_backups_a_day_old_but_not_newer(office, tmp_path):
    folder = tmp_path / "b"
    folder.mkdir()
    old, recent = folder / ".normdesk-manual-old.part", folder / ".normdesk-auto-live.part"
    for part in (old, recent):
        part.write_bytes(b"PK half a zip")
    day_ago = time.time() - backup.STALE_PART_SECONDS - 60
    os.utime(old, (day_ago, day_ago))
    backup.make_backup(office, folder)
    assert not old.exists() and recent.exists()


def test_cli_restore_warns_of_attachments_the_backup_did_not_hold(office, tmp_path):
    good = backup.make_backup(office, tmp_path / "good").path
    with zipfile.ZipFile(good) as archive, zipfile.ZipFile(tmp_path / "db-only.zip", "w") as out:
        out.writestr(backup.DB_MEMBER, archive.read(backup.DB_MEMBER))
    shutil.rmtree(attachments.store_dir())
    result = normdesk("--db", str(office), "restore", str(tmp_path / "db-only.zip"))
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("的文件丢失") == len(ATTACHED)
    assert "警告：附件“附件0.pdf”" in result.stderr


def test_a_sound_database_that_cannot_be_read_just_now_is_never_moved_aside(
    office, tmp_path, monkeypatch
):
    good = backup.make_backup(office, tmp_path / "good").path
    before = office.read_bytes()
    real_connect = sqlite3.connect

    def busy(target, *args, **kwargs):  # another program holds the file: a lock, not damage
        if str(target).startswith(office.as_uri()):
            raise sqlite3.OperationalError("database is locked")
        return real_connect(target, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", busy)
    with pytest.raises(UserError, match="无法读取当前数据库.*占用"):
        backup.restore(good, office, SYSTEM)
    assert office.read_bytes() == before
    assert list(office.parent.glob("*damaged*")) == []
