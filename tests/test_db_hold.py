"""A restore never replaces a database another NormDesk program has open, and a program whose
database was replaced anyway stops writing instead of saving into the lost file."""

import hashlib
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from app import db_hold
from app.db import DatabaseReplacedError, open_database
from app.db_hold import DatabaseInUseError, Slots
from app.services import backup
from app.services.permissions import SYSTEM
from tests.factories import add_issuer, register
from tests.test_cli import normdesk

pytestmark = pytest.mark.sqlite_only  # holds and file identity are about the SQLite file

IN_USE = "另有 NormDesk 程序正在使用该数据库"

HOLDER = """
import sys
from app.db import open_database
database = open_database(sys.argv[1])
print("open", flush=True)
sys.stdin.readline()
database.close()
"""


def titles(db_path: Path) -> list[str]:
    with sqlite3.connect(db_path) as con:
        return [r[0] for r in con.execute("SELECT title FROM document ORDER BY id")]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def office(database, db_path, tmp_path):
    """A register with one document, a backup of it, then one more document."""
    with database.transaction() as s:
        add_issuer(s)
        register(s, "备份之前登记的文件")
    made = backup.make_backup(db_path, tmp_path / "backups")
    with database.transaction() as s:
        register(s, "备份之后登记的文件")
    database.close()
    return made.path


def test_cli_restore_is_refused_while_another_program_has_the_database_open(
    office, db_path, db_url
):
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, db_url],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": os.getcwd()},
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        before = digest(db_path)
        refused = normdesk("--db", str(db_path), "restore", str(office))
        assert refused.returncode == 1, refused.stderr
        assert IN_USE in refused.stderr and str(db_path) in refused.stderr
        assert "Traceback" not in refused.stderr
        assert digest(db_path) == before
        assert not [b for b in backup.backups_of(db_path) if b.kind == "before-restore"]
    finally:
        holder.communicate("\n", timeout=30)
    restored = normdesk("--db", str(db_path), "restore", str(office))
    assert restored.returncode == 0, restored.stderr
    assert titles(db_path) == ["备份之前登记的文件"]


def test_restore_waits_for_every_database_object_to_close_even_in_this_process(
    office, db_path, db_url
):
    first, second = open_database(db_url), open_database(db_url)
    for still_open in (first, second):
        with pytest.raises(DatabaseInUseError, match=IN_USE):
            backup.restore(office, db_path, SYSTEM)
        still_open.close()
    backup.restore(office, db_path, SYSTEM)
    assert titles(db_path) == ["备份之前登记的文件"]


def test_a_program_whose_database_was_replaced_stops_writing_and_loses_nothing_silently(
    office, db_path, db_url, tmp_path
):
    database = open_database(db_url)
    with database.transaction() as s:
        register(s, "替换之前保存的文件")
    # Another program replaces the file without seeing the hold (an older NormDesk, a copy made
    # by hand, a network share where locks do not reach).
    copy = tmp_path / "restored.db"
    shutil.copy(db_path, copy)
    os.replace(copy, db_path)
    try:
        for _ in range(2):  # and it stays stopped
            with (
                pytest.raises(DatabaseReplacedError, match="数据库文件已被替换"),
                database.transaction() as s,
            ):
                register(s, "替换之后保存的文件")
        with database.reading() as s:  # nor in the file this program still has open
            saved = s.execute(text("SELECT title FROM document")).scalars().all()
        assert "替换之后保存的文件" not in saved
    finally:
        database.close()
    assert "替换之后保存的文件" not in titles(db_path)
    reopened = open_database(db_url)  # a restarted program writes into the new file
    with reopened.transaction() as s:
        register(s, "重新打开后保存的文件")
    reopened.close()
    assert titles(db_path)[-1] == "重新打开后保存的文件"


def test_opening_waits_for_a_restore_under_way_then_refuses_with_a_message(db_path):
    with (
        db_hold.exclusive(db_path, "恢复"),
        pytest.raises(DatabaseInUseError, match="正在被另一个 NormDesk 程序从备份恢复或迁移"),
    ):
        db_hold.shared(db_path, wait=0.2)
    db_hold.shared(db_path, wait=0).release()


def test_lock_file_is_private_to_the_user(database, db_path):
    mode = stat.S_IMODE(db_hold.lock_path(db_path).stat().st_mode)
    assert mode & 0o077 == 0


class FakeByteLocks:
    """Exclusive one-byte locks per open file, as Windows' LockFile gives them."""

    def __init__(self) -> None:
        self.owner: dict[int, int] = {}

    def try_byte(self, fd: int, offset: int) -> bool:
        return self.owner.setdefault(offset, fd) == fd

    def unlock_byte(self, fd: int, offset: int) -> None:
        assert self.owner.pop(offset) == fd


def test_windows_slots_give_shared_holds_and_an_exclusive_one_only_when_nobody_holds():
    locks = FakeByteLocks()
    slots = Slots(locks.try_byte, locks.unlock_byte, count=4)
    first, second = slots.try_shared(1), slots.try_shared(2)
    assert first == [0] and second == [1]
    assert slots.try_exclusive(3) is None
    assert set(locks.owner) == {0, 1}  # the refused taker kept no slot
    slots.unlock(1, first)
    slots.unlock(2, second)
    everything = slots.try_exclusive(3)
    assert everything == [0, 1, 2, 3]
    assert slots.try_shared(4) is None
    slots.unlock(3, everything)
    assert slots.try_shared(4) == [0]


def test_windows_slots_back_off_when_a_shared_holder_slips_in_during_the_exclusive_take():
    locks = FakeByteLocks()
    locks.owner[2] = 9  # a program took slot 2 while the restore was taking slots 0 and 1
    slots = Slots(locks.try_byte, locks.unlock_byte, count=4)
    assert slots.try_exclusive(3) is None
    assert locks.owner == {2: 9}
