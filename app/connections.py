"""The databases this PC's user worked on: the last one, which the window opens again at the next
start, and a short list of recent ones (文件—最近使用). One small JSON file per OS user in the data
folder, private to them. A server's password is never in it, nor anywhere else on disk: it is
kept in the OS keyring (Windows Credential Manager, the Secret Service on Linux) when the clerk
asks for that and the PC has one, else not kept at all."""

from __future__ import annotations

import getpass
import hashlib
import importlib
import json
import logging
import os
import re
import sqlite3
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL, make_url

from app import APP_NAME, pg_session
from app.atomic_files import replacing
from app.config import DB_ENV, data_dir, database_url
from app.errors import UserError

log = logging.getLogger(__name__)

RECENT = 8  # entries the recent list keeps
KEYRING_SERVICE = APP_NAME  # the keyring entry's service; its user names the login and server
_PLAIN_USER = re.compile(r"[A-Za-z0-9._-]{1,40}")


@dataclass(frozen=True)
class Server:
    """The office's PostgreSQL server, where each clerk signs in as their own NormDesk user
    (app/pg_session.py): the URL carries no user name, the login is asked for or kept apart."""

    host: str
    port: int
    database: str
    user: str = ""  # the NormDesk user name the clerk signs in with

    @property
    def url(self) -> str:
        return URL.create(
            "postgresql+psycopg", host=self.host, port=self.port, database=self.database
        ).render_as_string(hide_password=False)

    def label(self) -> str:
        who = f"（用户 {self.user}）" if self.user else ""
        return f"单位服务器 {self.host}:{self.port} 上的数据库 {self.database}{who}"

    def keyring_name(self) -> str:
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    def same_database(self, other: Server) -> bool:
        return (self.host, self.port, self.database) == (other.host, other.port, other.database)


Place = Path | Server  # a database: a SQLite file or the office's server


def place_of(url: str, user: str = "") -> Place | None:
    """Where `url` is, to remember; None for what is never written down: a server URL that
    carries a login (the owner's, perhaps with its password), or an in-memory database."""
    parsed = make_url(url)
    if parsed.drivername.startswith("sqlite"):
        if not parsed.database or parsed.database == ":memory:":
            return None
        return Path(parsed.database)
    if parsed.username or parsed.password or not parsed.host or not parsed.database:
        return None
    return Server(parsed.host, parsed.port or pg_session.DEFAULT_PORT, parsed.database, user)


def url_of(place: Place) -> str:
    return place.url if isinstance(place, Server) else database_url(str(place))


def label_of(place: Place) -> str:
    return place.label() if isinstance(place, Server) else str(place)


# --- the file ----------------------------------------------------------------------------------
def settings_path() -> Path:
    """This OS user's file: named after them, so a data folder shared by the clerks of an office
    (README, several clerks) still remembers each clerk's own databases."""
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 (no user name in the environment: one file for the PC)
        user = ""
    key = user if _PLAIN_USER.fullmatch(user) else hashlib.sha256(user.encode()).hexdigest()[:16]
    return data_dir() / f"connections-{key}.json"


def recent() -> list[Place]:
    """The databases opened, the last first; an unreadable file remembers nothing."""
    path = settings_path()
    try:
        data = json.loads(path.read_text("utf-8"))
        entries = data["recent"] if isinstance(data, dict) else []
    except FileNotFoundError:
        return []
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("ignoring the remembered databases in %s: %s", path, exc)
        return []
    places = [_read(entry) for entry in entries if isinstance(entry, dict)]
    return [p for p in places if p is not None]


def last() -> Place | None:
    places = recent()
    return places[0] if places else None


def remember(place: Place) -> None:
    """`place` was opened: it is the last one now, first in the recent list. A failure to write
    is logged, never shown: the clerk's work goes on."""
    before = recent()
    kept = [place, *(p for p in before if not _same(p, place))][:RECENT]
    if kept == before:
        return  # the same database as last time: nothing to write at every start
    try:
        _write(kept)
    except OSError as exc:
        log.warning("could not remember the database in %s: %s", settings_path(), exc)


def forget(place: Place) -> None:
    _write([p for p in recent() if not _same(p, place)])


def _same(a: Place, b: Place) -> bool:
    if isinstance(a, Server) and isinstance(b, Server):
        return a.same_database(b)
    return a == b


def _write(places: Iterable[Place]) -> None:
    target = settings_path()
    data = {"recent": [_entry(p) for p in places]}
    with replacing(target) as part:
        fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False, indent=1)


def _entry(place: Place) -> dict[str, Any]:
    if isinstance(place, Server):
        return {
            "kind": "server",
            "host": place.host,
            "port": place.port,
            "database": place.database,
            "user": place.user,
        }
    return {"kind": "file", "path": str(place)}


def _read(entry: dict[str, Any]) -> Place | None:
    try:
        if entry.get("kind") == "server":
            server = Server(
                str(entry["host"]),
                int(entry["port"]),
                str(entry["database"]),
                str(entry.get("user") or ""),
            )
            return server if server.host and server.database else None
        if entry.get("kind") == "file" and entry.get("path"):
            return Path(str(entry["path"]))
    except (KeyError, TypeError, ValueError):
        pass
    return None


# --- which database the window opens ------------------------------------------------------------
@dataclass(frozen=True)
class Start:
    url: str
    remembered: Place | None  # the database came from this file, not from --db or NORMDESK_DB


def start(cli_value: str | None) -> Start:
    """`--db`, else NORMDESK_DB, else the database the user last opened, else the default file."""
    if cli_value or os.environ.get(DB_ENV):
        return Start(database_url(cli_value), None)
    place = last()
    if place is None:
        return Start(database_url(None), None)
    return Start(url_of(place), place)


# --- passwords in the OS keyring ---------------------------------------------------------------
def _keyring() -> Any | None:
    """The keyring module when it is installed and the PC has a keyring that keeps passwords
    (not keyring's fail or null stand-ins); None otherwise."""
    try:
        keyring = importlib.import_module("keyring")  # optional: without it nothing is kept
    except ImportError:
        return None
    # Linux: its Secret Service backend joins keyring's choice, above keyring's own (which the
    # bundle leaves out with the SecretStorage and `cryptography` it needs)
    importlib.import_module("app.secret_service")
    try:
        backend = keyring.get_keyring()
        usable = float(backend.priority) > 0
    except Exception as exc:  # noqa: BLE001 (a broken keyring is no keyring)
        log.warning("no usable keyring: %s", exc)
        return None
    return keyring if usable else None


def can_keep_passwords() -> bool:
    return _keyring() is not None


def kept_password(server: Server) -> str | None:
    keyring = _keyring()
    if keyring is None or not server.user:
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, server.keyring_name())
    except Exception as exc:  # noqa: BLE001 (a locked or broken keyring keeps nothing)
        log.warning("could not read the keyring: %s", exc)
        return None


def keep_password(server: Server, password: str) -> bool:
    """Keep `password` in the OS keyring; False where there is none (nothing is kept then)."""
    keyring = _keyring()
    if keyring is None or not server.user:
        return False
    try:
        keyring.set_password(KEYRING_SERVICE, server.keyring_name(), password)
    except Exception as exc:  # noqa: BLE001
        log.warning("could not keep the password in the keyring: %s", exc)
        return False
    return True


def password_changed(url: str, username: str, password: str) -> None:
    """`username` changed their own password on the server at `url`: the one kept for them
    there follows, so the next start signs in without being refused once. A password that was
    not kept is not kept now."""
    place = place_of(url, username)
    if isinstance(place, Server) and kept_password(place) is not None:
        keep_password(place, password)


def forget_password(server: Server) -> None:
    keyring = _keyring()
    if keyring is None or not server.user:
        return
    try:
        if keyring.get_password(KEYRING_SERVICE, server.keyring_name()) is not None:
            keyring.delete_password(KEYRING_SERVICE, server.keyring_name())
    except Exception as exc:  # noqa: BLE001
        log.warning("could not remove the password from the keyring: %s", exc)


@dataclass(frozen=True)
class KeyringCheck:
    keyring: str | None  # what keeps the passwords, in words; None where nothing does
    problem: str | None  # why a password cannot be kept; None when one was kept, read and removed


PROBE_NAME = "自检@normdesk"  # the keyring entry a check writes and removes at once
NO_KEYRING = "本机没有可用的密钥环（Linux 上需有 gnome-keyring、KWallet 等 Secret Service 服务）"


def check_keyring() -> KeyringCheck:
    """Keep, read back and remove a throwaway password: whether 记住密码 works on this PC."""
    keyring = _keyring()
    if keyring is None:
        return KeyringCheck(None, NO_KEYRING)
    name = _keyring_words(keyring.get_keyring())
    probe = os.urandom(12).hex()
    try:
        keyring.set_password(KEYRING_SERVICE, PROBE_NAME, probe)
        read = keyring.get_password(KEYRING_SERVICE, PROBE_NAME)
        keyring.delete_password(KEYRING_SERVICE, PROBE_NAME)
    except Exception as exc:  # noqa: BLE001 (locked, refused, gone: said, not raised)
        log.warning("keyring check failed: %s", exc)
        return KeyringCheck(name, f"{name}未能保存密码：{exc}")
    if read != probe:
        return KeyringCheck(name, f"{name}保存的密码读回时不一致")
    return KeyringCheck(name, None)


def _keyring_words(backend: Any) -> str:
    if type(backend).__name__ == "ChainerBackend":  # keyring's: every usable one, in turn
        return "、".join(dict.fromkeys(_keyring_words(b) for b in backend.backends))
    kind = type(backend).__module__.rsplit(".", 1)[-1]
    if type(backend).__name__ == "SecretServiceKeyring" or kind == "SecretService":
        return "Secret Service 密钥环"  # ours and keyring's own keep the same items
    if kind == "Windows":
        return "Windows 凭据管理器"
    return f"{kind}.{type(backend).__name__}"


# --- files chosen in 文件—新建数据库 / 打开数据库 -------------------------------------------------
def is_normdesk_file(path: Path) -> bool:
    """A SQLite file stamped with a NormDesk schema version (read-only look, nothing changed)."""
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            found = con.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
            ).fetchone()
        finally:
            con.close()
    except (sqlite3.Error, OSError, ValueError):
        return False
    return found is not None


def check_new_file(path: Path) -> None:
    """新建数据库 at `path`: never over an existing file, only where this user may write."""
    if path.exists():
        if is_normdesk_file(path):
            raise UserError(
                f"“{path}”已是一个 NormDesk 数据库。要使用它，请选“打开数据库…”；"
                "要新建，请换一个文件名。"
            )
        raise UserError(
            f"文件“{path}”已存在，且不是 NormDesk 数据库。为免覆盖其中的内容，请换一个文件名。"
        )
    folder = path.parent
    if not folder.is_dir():
        raise UserError(f"文件夹“{folder}”不存在，请选择已有的文件夹。")
    try:  # the folder's permissions, as the file system sees them for this user
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        reason = f"（{exc.strerror}）" if exc.strerror else ""
        raise UserError(
            f"不能在文件夹“{folder}”中新建数据库：没有写入权限{reason}。"
            "请选择自己可以写入的文件夹，例如“文档”。"
        ) from None


def check_existing_file(path: Path) -> None:
    """打开数据库 `path`: a NormDesk database, never another program's file (opening would set
    NormDesk's tables up inside it)."""
    if not path.is_file():
        raise UserError(f"文件“{path}”不存在。")
    if path.stat().st_size == 0 or not is_normdesk_file(path):
        raise UserError(
            f"文件“{path}”不是 NormDesk 数据库（或已损坏），未作任何修改。"
            "请选择 NormDesk 的数据库文件（.db）。"
        )
