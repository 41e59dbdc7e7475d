"""Files are private: the data folder 0700, the database, backups and logs 0600 (POSIX)."""

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from app import privacy

pytestmark = pytest.mark.skipif(os.name != "posix", reason="Windows: the per-user folder's ACL")


def normdesk(data: Path, *args: str) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k != "NORMDESK_DB"}
    environ["NORMDESK_DATA_DIR"] = str(data)
    result = subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True, text=True, encoding="utf-8", env=environ, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def loose_umask():
    """The umask a desktop session usually has; restored after the test."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_a_new_data_folder_its_database_backups_and_logs_are_private(tmp_path, loose_umask):
    data = tmp_path / "data"
    normdesk(data, "init")
    normdesk(data, "backup")
    (backup,) = (data / "backups").glob("normdesk-*.zip")
    assert mode(data) == 0o700
    assert mode(data / "backups") == mode(data / "logs") == 0o700
    assert mode(data / "normdesk.db") == 0o600
    assert mode(backup) == 0o600
    assert mode(data / "logs" / "normdesk.log") == 0o600


def test_an_open_data_folder_of_an_older_version_is_closed_at_start(tmp_path, loose_umask):
    data = tmp_path / "data"
    normdesk(data, "init")
    opened = data / "opened" / "abc" / "通知.pdf"
    opened.parent.mkdir(parents=True)
    opened.write_bytes(b"%PDF-1.4")
    for path in (data, *data.rglob("*")):
        path.chmod(0o755 if path.is_dir() else 0o644)
    normdesk(data, "calendar", "is-workday", "2026-01-05")
    assert mode(data) == mode(data / "logs") == mode(opened.parent) == 0o700
    assert mode(data / "normdesk.db") == mode(data / "logs" / "normdesk.log") == 0o600
    assert mode(opened) == 0o600


def test_a_database_given_by_path_outside_the_data_folder_is_private(tmp_path, loose_umask):
    db = tmp_path / "elsewhere" / "office.db"
    normdesk(tmp_path / "data", "--db", str(db), "init")
    assert mode(db) == 0o600 and mode(db.parent) == 0o700


def test_exports_the_clerk_saves_are_private_too(tmp_path, loose_umask):
    data = tmp_path / "data"
    normdesk(data, "init")
    target = tmp_path / "登记簿.xlsx"
    normdesk(data, "export", str(target))
    assert mode(target) == 0o600


def test_a_shared_attachments_folder_of_a_server_office_keeps_its_permissions(
    tmp_path, monkeypatch, loose_umask
):
    """Every clerk's PC points NORMDESK_DATA_DIR at it (README): closing it to the owner would
    lock the other clerks out; what NormDesk writes there is kept from users outside the group."""
    shared = tmp_path / "share"
    shared.mkdir(mode=0o775)
    shared.chmod(0o2775)
    monkeypatch.setenv("NORMDESK_DATA_DIR", str(shared))
    privacy.keep_private("postgresql+psycopg://normdesk@server.invalid/normdesk")
    assert os.umask(0o022) == privacy.SHARED_UMASK
    assert mode(shared) == 0o2775
    privacy.keep_private(None)  # the same folder for a SQLite register: one user's, closed
    assert os.umask(0o022) == privacy.PRIVATE_UMASK
    assert mode(shared) & 0o077 == 0
