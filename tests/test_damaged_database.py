"""Only a missing file is a new office: an empty or unreadable normdesk.db where one was is
damage, refused untouched with the restore hint, never silently initialised."""

import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from app.db import open_database
from app.errors import DamagedDatabaseError
from app.services import backup
from tests.factories import add_issuer, register
from tests.test_cli import normdesk

pytestmark = pytest.mark.sqlite_only


def test_a_zero_byte_database_is_damage_and_stays_zero_bytes(db_path, db_url):
    db_path.write_bytes(b"")
    with pytest.raises(DamagedDatabaseError, match="0 字节"):
        open_database(db_url)
    assert db_path.read_bytes() == b""


def test_an_unreadable_database_is_damage(db_path, db_url):
    db_path.write_bytes(b"\x00" * 4096)
    with pytest.raises(DamagedDatabaseError):
        open_database(db_url)
    assert db_path.read_bytes() == b"\x00" * 4096


def test_only_a_missing_file_becomes_a_new_database(db_path, db_url):
    open_database(db_url).close()
    assert db_path.stat().st_size > 0


@pytest.mark.parametrize("command", [["init"], ["doc", "list"], ["backup"]])
def test_cli_refuses_a_zero_byte_database_with_the_restore_hint(
    database, db_path, tmp_path, command
):
    with database.transaction() as s:
        add_issuer(s)
        register(s)
    made = backup.make_backup(db_path)
    database.close()
    db_path.write_bytes(b"")
    result = normdesk("--db", str(db_path), *command)
    assert result.returncode == 1, result.stderr
    assert "0 字节" in result.stderr and "Traceback" not in result.stderr
    assert f'normdesk --db "{db_path}" restore "{made.path}"' in result.stderr
    assert db_path.read_bytes() == b""


def test_cli_restore_brings_back_a_zero_byte_database(database, db_path):
    with database.transaction() as s:
        add_issuer(s)
        register(s, "零字节之前登记的文件")
    made = backup.make_backup(db_path)
    database.close()
    db_path.write_bytes(b"")
    result = normdesk("--db", str(db_path), "restore", str(made.path))
    assert result.returncode == 0, result.stderr
    listed = normdesk("--db", str(db_path), "doc", "list")
    assert "零字节之前登记的文件" in listed.stdout
    damaged = list(Path(db_path.parent).glob("office-damaged-*.db"))
    assert [p.stat().st_size for p in damaged] == [0]


@pytest.mark.skipif(not hasattr(signal, "SIGXFSZ"), reason="POSIX file size limit")
def test_a_disk_error_on_opening_is_not_called_damage(database, db_path):
    """A full disk fails SQLite's opening with a disk I/O error: the file is sound, so no restore
    is suggested (a restore would move it aside as damaged)."""
    with database.transaction() as s:
        add_issuer(s)
    backup.make_backup(db_path)
    database.close()
    before = db_path.read_bytes()

    def no_room() -> None:  # the shared-memory file cannot be written, as on a full disk
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))

    result = subprocess.run(
        [sys.executable, "-m", "app", "--db", str(db_path), "doc", "list"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        preexec_fn=no_room,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    assert "磁盘空间已满" in result.stderr and "Traceback" not in result.stderr
    assert "restore" not in result.stderr and "备份" not in result.stderr
    assert db_path.read_bytes() == before
