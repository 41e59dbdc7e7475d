"""The server's password in a real Secret Service (app/secret_service.py): gnome-keyring on a
private D-Bus session bus, spoken to with jeepney and no `cryptography`, the way the Linux bundle
keeps it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("jeepney")
keyring = pytest.importorskip("keyring")

from app import connections, secret_service  # noqa: E402
from app.connections import Server  # noqa: E402
from app.secret_service import SecretServiceKeyring  # noqa: E402

pytestmark = [
    pytest.mark.skipif(
        not sys.platform.startswith("linux"), reason="the Secret Service is Linux's"
    ),
    pytest.mark.skipif(
        not (shutil.which("dbus-daemon") and shutil.which("gnome-keyring-daemon")),
        reason="needs dbus-daemon and gnome-keyring-daemon (apt: dbus gnome-keyring)",
    ),
]

ROOT = Path(__file__).resolve().parents[1]
SERVER = Server("10.20.1.5", 5433, "normdesk", "张三")
PASSWORD = "密码-Mima-2026"


BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <servicedir>{services}</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


class Session:
    """A D-Bus session bus with gnome-keyring's secrets component on it, in `folder`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.env = {
            **os.environ,
            "HOME": str(folder / "home"),
            "XDG_DATA_HOME": str(folder / "data"),
            "XDG_RUNTIME_DIR": str(folder / "run"),
        }
        folder.mkdir()
        for name in ("home", "data", "run"):
            (folder / name).mkdir(mode=0o700)
        self.env.pop("DISPLAY", None)  # no unlock dialog can be shown
        self.services = folder / "services"  # what the bus starts on demand: nothing yet
        self.services.mkdir()
        config = folder / "session.conf"
        config.write_text(BUS_CONFIG.format(services=self.services), encoding="utf-8")
        self.bus = subprocess.Popen(
            ["dbus-daemon", f"--config-file={config}", "--nofork", "--print-address=1"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=self.env,
            text=True,
        )
        assert self.bus.stdout is not None
        self.address = self.bus.stdout.readline().strip()
        self.env["DBUS_SESSION_BUS_ADDRESS"] = self.address
        self.keyring: subprocess.Popen[str] | None = None

    def start_keyring(self, login_password: str | None) -> None:
        """gnome-keyring unlocked with `login_password` (creating its login keyring), or locked."""
        self.stop_keyring()
        args = ["gnome-keyring-daemon", "--foreground", "--components=secrets"]
        self.keyring = subprocess.Popen(
            args + (["--unlock"] if login_password is not None else []),
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=self.env,
            text=True,
        )
        assert self.keyring.stdin is not None
        if login_password is not None:
            self.keyring.stdin.write(login_password)
        self.keyring.stdin.close()
        deadline = time.monotonic() + 20
        while not secret_service.available_on(self.address, owned=True):
            assert time.monotonic() < deadline, "gnome-keyring did not take its bus name"
            time.sleep(0.1)

    def stop_keyring(self) -> None:
        if self.keyring is not None:
            self.keyring.terminate()
            self.keyring.wait(10)
            self.keyring = None

    def close(self) -> None:
        self.stop_keyring()
        self.bus.terminate()
        self.bus.wait(10)


@pytest.fixture
def session(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Session]:
    bus = Session(tmp_path / "session")
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", bus.address)
    before = keyring.get_keyring()
    keyring.set_keyring(SecretServiceKeyring())
    yield bus
    keyring.set_keyring(before)
    bus.close()


def items_in(session: Session) -> list[tuple[str, dict[str, str], bytes]]:
    """Every item of the default collection, read with a second client (secret-tool's library
    is not installed here; SecretStorage is, through keyring's dependencies)."""
    secretstorage = pytest.importorskip("secretstorage")
    connection = secretstorage.dbus_init()
    try:
        collection = secretstorage.get_default_collection(connection)
        return [
            (i.get_label(), i.get_attributes(), i.get_secret()) for i in collection.get_all_items()
        ]
    finally:
        connection.close()


def test_a_password_is_kept_replaced_and_forgotten_in_the_secret_service(session: Session):
    session.start_keyring("login-pw")
    assert connections.can_keep_passwords()
    assert connections.keep_password(SERVER, PASSWORD)
    assert connections.kept_password(SERVER) == PASSWORD
    assert items_in(session) == [
        (
            f"Password for '{SERVER.keyring_name()}' on 'NormDesk'",
            {
                "service": "NormDesk",
                "username": SERVER.keyring_name(),
                "application": "Python keyring library",
            },
            PASSWORD.encode("utf-8"),
        )
    ]
    other = Server("10.20.1.6", 5432, "normdesk", "李四")
    assert connections.keep_password(other, "second")
    assert connections.keep_password(SERVER, "新密码")  # replaced, not added
    assert connections.kept_password(SERVER) == "新密码"
    assert connections.kept_password(other) == "second"
    assert len(items_in(session)) == 2
    connections.forget_password(SERVER)
    assert connections.kept_password(SERVER) is None
    assert connections.kept_password(other) == "second"
    with pytest.raises(keyring.errors.PasswordDeleteError):
        SecretServiceKeyring().delete_password("NormDesk", SERVER.keyring_name())


def test_passwords_kept_by_keyrings_own_backend_are_read_and_the_other_way(session: Session):
    own = pytest.importorskip("keyring.backends.SecretService").Keyring()
    session.start_keyring("login-pw")
    own.set_password("NormDesk", SERVER.keyring_name(), "kept-before")
    assert connections.kept_password(SERVER) == "kept-before"
    assert connections.keep_password(SERVER, "kept-now")
    assert own.get_password("NormDesk", SERVER.keyring_name()) == "kept-now"


def test_a_locked_keyring_keeps_and_gives_nothing_and_does_not_wait(session: Session):
    session.start_keyring("login-pw")
    assert connections.keep_password(SERVER, PASSWORD)
    session.start_keyring(None)  # restarted: the login keyring is locked, no dialog can show
    started = time.monotonic()
    assert connections.kept_password(SERVER) is None
    assert not connections.keep_password(SERVER, "other")
    connections.forget_password(SERVER)  # nothing happens, nothing is raised
    assert time.monotonic() - started < secret_service.PROMPT_TIMEOUT / 4
    with pytest.raises(secret_service.KeyringLocked):
        SecretServiceKeyring().get_password("NormDesk", SERVER.keyring_name())
    session.start_keyring("login-pw")  # unlocked again: the password was never lost
    assert connections.kept_password(SERVER) == PASSWORD


def test_without_a_secret_service_nothing_is_kept(session: Session, monkeypatch):
    assert not secret_service.available()  # a bus, but nobody serves secrets on it
    with pytest.raises(RuntimeError):
        SecretServiceKeyring.priority  # noqa: B018 (keyring's test of a backend)
    (session.services / "org.freedesktop.secrets.service").write_text(
        "[D-BUS Service]\nName=org.freedesktop.secrets\n"
        f"Exec={shutil.which('gnome-keyring-daemon')} --start --foreground --components=secrets\n",
        encoding="utf-8",
    )
    subprocess.run(
        [
            "dbus-send",
            "--session",
            "--dest=org.freedesktop.DBus",
            "--type=method_call",
            "--print-reply",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus.ReloadConfig",
        ],
        env=session.env,
        check=True,
        capture_output=True,
    )
    assert secret_service.available()  # not running, but the bus starts it when asked
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={session.folder}/no-bus")
    assert not secret_service.available()
    assert not connections.keep_password(SERVER, PASSWORD)
    assert connections.kept_password(SERVER) is None


def test_keyring_chooses_this_backend_when_secretstorage_is_missing_as_in_the_bundle(
    session: Session,
):
    """A fresh program, with SecretStorage (and so `cryptography`) unimportable as in the
    bundle, keeps and finds the password through keyring's own choice of backend."""
    session.start_keyring("login-pw")
    script = f"""
import sys
sys.modules["secretstorage"] = None
sys.modules["cryptography"] = None
from app import connections
server = connections.Server("10.20.1.5", 5433, "normdesk", "张三")
assert connections.keep_password(server, {PASSWORD!r})
import keyring
print(type(keyring.get_keyring()).__name__, connections.kept_password(server))
print(sorted(name for name in sys.modules if name.split(".")[0] in ("secretstorage", "cryptography") and sys.modules[name] is not None))
"""
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**os.environ, "DBUS_SESSION_BUS_ADDRESS": session.address},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["SecretServiceKeyring " + PASSWORD, "[]"]


def run_cli(session: Session, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=ROOT,
        env={**os.environ, "DBUS_SESSION_BUS_ADDRESS": session.address},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_keyring_check_says_whether_remember_password_works_on_this_pc(session: Session):
    absent = run_cli(session, "keyring", "check")
    assert absent.returncode == 1
    assert "本机不能记住单位服务器的密码：本机没有可用的密钥环" in absent.stdout + absent.stderr

    session.start_keyring("login-pw")
    works = run_cli(session, "keyring", "check")
    assert works.returncode == 0, works.stderr
    assert works.stdout.strip() == "本机可以记住单位服务器的密码（Secret Service 密钥环）。"
    assert items_in(session) == []  # the throwaway password is gone again

    session.start_keyring(None)  # locked, and no dialog can be shown to unlock it
    locked = run_cli(session, "keyring", "check", "--json")
    assert locked.returncode == 1
    assert json.loads(locked.stdout)["problem"].startswith("Secret Service 密钥环未能保存密码：")
