"""The databases a PC's user worked on are remembered (app/connections.py): the last one opens at
the next start unless --db or NORMDESK_DB says otherwise; a server's password is never written to
disk, only to the OS keyring when there is one and the clerk asked."""

from __future__ import annotations

import shutil
import sqlite3
import stat
import sys
from pathlib import Path

import pytest

from app import connections
from app.connections import Server
from app.errors import UserError

SERVER = Server("10.20.1.5", 5433, "normdesk", "zhangsan")
PASSWORD = "Mima-2026-secret"


@pytest.fixture(autouse=True)
def os_keyring_left_alone():
    """The PC's own keyring (a developer's desktop) is never read or written by a test."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        yield
        return
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


@pytest.fixture
def fake_keyring(os_keyring_left_alone):
    """An OS keyring that keeps passwords in memory (only where the keyring package is installed;
    it is optional, and the program keeps no password without it)."""
    keyring = pytest.importorskip("keyring")
    from keyring.backend import KeyringBackend
    from keyring.errors import PasswordDeleteError

    class MemoryKeyring(KeyringBackend):
        priority = 1  # type: ignore[assignment]  # above keyring's fail and null stand-ins

        def __init__(self) -> None:
            super().__init__()
            self.kept: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.kept.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.kept[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            if self.kept.pop((service, username), None) is None:
                raise PasswordDeleteError(username)

    fake = MemoryKeyring()
    keyring.set_keyring(fake)
    return fake


@pytest.fixture
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "keyring", None)  # `import keyring` fails: not installed


def files_holding(folder: Path, text: str) -> list[Path]:
    """Every file under `folder` whose bytes contain `text` (UTF-8)."""
    needle = text.encode("utf-8")
    return [p for p in folder.rglob("*") if p.is_file() and needle in p.read_bytes()]


def test_the_last_database_opened_opens_at_the_next_start(tmp_path: Path):
    first, second = tmp_path / "甲单位.db", tmp_path / "乙单位.db"
    connections.remember(first)
    connections.remember(second)
    assert connections.start(None).url == f"sqlite:///{second}"
    assert connections.start(None).remembered == second
    connections.remember(first)  # opened again: first again, listed once
    assert connections.recent() == [first, second]


def test_the_same_database_opened_again_leaves_the_file_as_it_was(tmp_path: Path):
    first, second = tmp_path / "甲单位.db", tmp_path / "乙单位.db"
    connections.remember(first)
    connections.remember(second)
    written = connections.settings_path().stat()
    connections.remember(second)
    again = connections.settings_path().stat()
    assert (again.st_ino, again.st_mtime_ns) == (written.st_ino, written.st_mtime_ns)
    assert connections.recent() == [second, first]


def test_the_recent_list_keeps_the_newest_few(tmp_path: Path):
    for n in range(connections.RECENT + 3):
        connections.remember(tmp_path / f"{n}.db")
    places = connections.recent()
    assert len(places) == connections.RECENT
    assert places[0] == tmp_path / f"{connections.RECENT + 2}.db"


def test_the_db_option_and_the_environment_win_over_the_remembered_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    connections.remember(tmp_path / "remembered.db")
    chosen = connections.start(str(tmp_path / "given.db"))
    assert (chosen.url, chosen.remembered) == (f"sqlite:///{tmp_path / 'given.db'}", None)
    monkeypatch.setenv("NORMDESK_DB", str(tmp_path / "env.db"))
    assert connections.start(None).url == f"sqlite:///{tmp_path / 'env.db'}"


def test_with_nothing_remembered_the_data_folders_file_opens(isolated_data_dir: Path):
    chosen = connections.start(None)
    assert chosen.url == f"sqlite:///{isolated_data_dir.resolve() / 'normdesk.db'}"
    assert chosen.remembered is None


def test_a_server_is_remembered_with_its_user_and_no_password_in_a_private_file(no_keyring):
    connections.remember(SERVER)
    assert connections.last() == SERVER
    assert not connections.keep_password(SERVER, PASSWORD)  # no keyring: not kept anywhere
    path = connections.settings_path()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert PASSWORD not in path.read_text("utf-8")
    assert connections.start(None).url == "postgresql+psycopg://10.20.1.5:5433/normdesk"


def test_a_url_carrying_a_login_is_never_remembered():
    assert connections.place_of("postgresql+psycopg://owner:Secret1@server/normdesk") is None
    assert connections.place_of("postgresql+psycopg://server/normdesk", "li") == Server(
        "server", 5432, "normdesk", "li"
    )


def test_each_os_user_has_a_file_of_their_own(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(connections.getpass, "getuser", lambda: "zhang")
    mine = connections.settings_path()
    monkeypatch.setattr(connections.getpass, "getuser", lambda: "张三")
    theirs = connections.settings_path()
    assert mine.name == "connections-zhang.json"
    assert theirs != mine and theirs.parent == mine.parent and theirs.name.isascii()


def test_an_unreadable_file_remembers_nothing_and_is_written_anew(tmp_path: Path):
    connections.settings_path().write_text("{not json", "utf-8")
    assert connections.recent() == []
    connections.remember(tmp_path / "a.db")
    assert connections.recent() == [tmp_path / "a.db"]


# --- passwords ---------------------------------------------------------------------------------
def test_without_the_keyring_package_no_password_is_kept(no_keyring):
    assert not connections.can_keep_passwords()
    assert not connections.keep_password(SERVER, PASSWORD)
    assert connections.kept_password(SERVER) is None


def test_a_password_goes_to_the_keyring_only(fake_keyring, isolated_data_dir: Path):
    assert connections.can_keep_passwords()
    assert connections.keep_password(SERVER, PASSWORD)
    connections.remember(SERVER)
    assert fake_keyring.kept == {("NormDesk", "zhangsan@10.20.1.5:5433/normdesk"): PASSWORD}
    assert connections.kept_password(SERVER) == PASSWORD
    assert files_holding(isolated_data_dir, PASSWORD) == []
    connections.forget_password(SERVER)
    connections.forget_password(SERVER)  # nothing kept: no error
    assert fake_keyring.kept == {}


def test_keyrings_fail_stand_in_keeps_nothing(fake_keyring):
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    assert not connections.can_keep_passwords()
    assert not connections.keep_password(SERVER, PASSWORD)
    assert connections.kept_password(SERVER) is None


# --- files chosen in 新建数据库 / 打开数据库 ------------------------------------------------------
def other_programs_database(path: Path) -> Path:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE contacts (name TEXT)")
    con.commit()
    con.close()
    return path


def test_a_new_database_never_goes_over_an_existing_file(tmp_path: Path, sqlite_template: Path):
    other = other_programs_database(tmp_path / "通讯录.db")
    with pytest.raises(UserError, match="已存在，且不是 NormDesk 数据库"):
        connections.check_new_file(other)
    text = tmp_path / "笔记.db"
    text.write_text("不是数据库", "utf-8")
    with pytest.raises(UserError, match="已存在，且不是 NormDesk 数据库"):
        connections.check_new_file(text)
    ours = tmp_path / "office.db"
    shutil.copyfile(sqlite_template, ours)
    with pytest.raises(UserError, match="已是一个 NormDesk 数据库.*打开数据库"):
        connections.check_new_file(ours)
    connections.check_new_file(tmp_path / "新单位.db")  # a new name in a folder of the user's


def test_a_new_database_is_refused_where_the_user_may_not_write(tmp_path: Path):
    with pytest.raises(UserError, match="没有写入权限"):
        connections.check_new_file(Path("/proc/新单位.db"))  # not even root writes here
    with pytest.raises(UserError, match="不存在"):
        connections.check_new_file(tmp_path / "没有的文件夹" / "新单位.db")


def test_opening_refuses_what_is_not_a_normdesk_database_and_leaves_it_untouched(
    tmp_path: Path, sqlite_template: Path
):
    other = other_programs_database(tmp_path / "通讯录.db")
    before = other.read_bytes()
    empty = tmp_path / "空.db"
    empty.touch()
    for path in (other, empty, tmp_path / "没有.db"):
        with pytest.raises(UserError):
            connections.check_existing_file(path)
    assert other.read_bytes() == before
    connections.check_existing_file(sqlite_template)
