"""The freedesktop Secret Service (gnome-keyring, KWallet, KeePassXC…) spoken directly over D-Bus
with jeepney: where a Linux PC keeps the office server's password.

keyring's own Secret Service backend goes through SecretStorage, which encrypts the secret on its
way over the session bus and so needs `cryptography` (12 MB of the bundle). The bus is the
clerk's own session's, reachable only by their processes, so the "plain" transfer that libsecret
and the Secret Service specification allow is used instead. Items carry the attributes keyring's
backend gives them (service, username, application), so a password kept by one is found by the
other.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from keyring.backend import KeyringBackend
from keyring.compat import properties
from keyring.errors import KeyringLocked as KeyringLockedError
from keyring.errors import PasswordDeleteError

log = logging.getLogger(__name__)

BUS_NAME = "org.freedesktop.secrets"
SERVICE_PATH = "/org/freedesktop/secrets"
SERVICE_IFACE = "org.freedesktop.Secret.Service"
COLLECTION_IFACE = "org.freedesktop.Secret.Collection"
ITEM_IFACE = "org.freedesktop.Secret.Item"
PROMPT_IFACE = "org.freedesktop.Secret.Prompt"
NO_OBJECT = "/"

APPLICATION = "Python keyring library"  # keyring's SecretService backend's appid: items are shared
CALL_TIMEOUT = 10.0  # seconds for a call the service answers by itself
PROMPT_TIMEOUT = 120.0  # seconds for the clerk to answer the service's unlock dialog


class SecretServiceError(Exception):
    """The Secret Service refused or failed a call; its message says which."""


class KeyringLocked(SecretServiceError, KeyringLockedError):
    """The keyring stayed locked: the clerk dismissed or did not answer the service's dialog."""


class _Session:
    """One connection to the session bus and one plain-transfer session of the service."""

    def __init__(self, connection: Any) -> None:
        from jeepney import DBusAddress

        self.connection = connection
        self.service = DBusAddress(SERVICE_PATH, bus_name=BUS_NAME, interface=SERVICE_IFACE)
        _output, self.path = self.call(self.service, "OpenSession", "sv", ("plain", ("s", "")))

    def call(
        self,
        address: Any,
        method: str,
        signature: str | None = None,
        body: tuple[Any, ...] = (),
    ) -> tuple[Any, ...]:
        from jeepney import new_method_call
        from jeepney.wrappers import DBusErrorResponse, unwrap_msg

        message = new_method_call(address, method, signature, body)
        try:
            reply = self.connection.send_and_get_reply(message, timeout=CALL_TIMEOUT)
            return tuple(unwrap_msg(reply))
        except DBusErrorResponse as exc:
            raise SecretServiceError(f"{method}: {exc.name} {exc.data}") from exc
        except TimeoutError as exc:
            raise SecretServiceError(f"{method}: no answer in {CALL_TIMEOUT:g} s") from exc

    def object(self, path: str, interface: str) -> Any:
        from jeepney import DBusAddress

        return DBusAddress(path, bus_name=BUS_NAME, interface=interface)

    def prompt(self, path: str) -> tuple[bool, Any]:
        """Let the service ask the clerk (to unlock, or to create a keyring); (dismissed, result)."""
        from jeepney import MatchRule, MessageType, message_bus

        rule = MatchRule(
            type=MessageType.signal, path=path, interface=PROMPT_IFACE, member="Completed"
        )
        with self.connection.filter(rule) as signals:
            self.call(message_bus, "AddMatch", "s", (rule.serialise(),))
            self.call(self.object(path, PROMPT_IFACE), "Prompt", "s", ("",))
            try:
                message = self.connection.recv_until_filtered(signals, timeout=PROMPT_TIMEOUT)
            except TimeoutError as exc:
                raise KeyringLocked(f"无人应答密钥环的提示（{PROMPT_TIMEOUT:g} 秒）") from exc
        dismissed, (_signature, result) = message.body
        return bool(dismissed), result

    def default_collection(self) -> str:
        (path,) = self.call(self.service, "ReadAlias", "s", ("default",))
        if path == NO_OBJECT:  # a keyring without a default collection: the service makes one
            properties = {"org.freedesktop.Secret.Collection.Label": ("s", "Default keyring")}
            path, prompt = self.call(
                self.service, "CreateCollection", "a{sv}s", (properties, "default")
            )
            if path == NO_OBJECT:
                dismissed, path = self.prompt(prompt)
                if dismissed or path == NO_OBJECT:
                    raise KeyringLocked("未建立默认的密钥环")
        self.unlock(path)
        return str(path)

    def unlock(self, path: str) -> None:
        _unlocked, prompt = self.call(self.service, "Unlock", "ao", ([path],))
        if prompt != NO_OBJECT:
            dismissed, unlocked = self.prompt(prompt)
            if dismissed or path not in unlocked:
                raise KeyringLocked("密钥环仍是锁着的")

    def search(self, collection: str, attributes: dict[str, str]) -> list[str]:
        address = self.object(collection, COLLECTION_IFACE)
        (items,) = self.call(address, "SearchItems", "a{ss}", (attributes,))
        return list(items)

    def secret(self, item: str) -> bytes:
        self.unlock(item)
        ((_session, _parameters, value, _content_type),) = self.call(
            self.object(item, ITEM_IFACE), "GetSecret", "o", (self.path,)
        )
        return bytes(value)

    def create(self, collection: str, label: str, attributes: dict[str, str], value: bytes) -> None:
        properties = {
            "org.freedesktop.Secret.Item.Label": ("s", label),
            "org.freedesktop.Secret.Item.Attributes": ("a{ss}", attributes),
        }
        secret = (self.path, b"", value, "text/plain; charset=utf8")
        _item, prompt = self.call(
            self.object(collection, COLLECTION_IFACE),
            "CreateItem",
            "a{sv}(oayays)b",
            (properties, secret, True),
        )
        if prompt != NO_OBJECT:
            dismissed, _item = self.prompt(prompt)
            if dismissed:
                raise KeyringLocked("密码未存入密钥环")

    def delete(self, item: str) -> None:
        (prompt,) = self.call(self.object(item, ITEM_IFACE), "Delete")
        if prompt != NO_OBJECT:
            dismissed, _result = self.prompt(prompt)
            if dismissed:
                raise KeyringLocked("密码未从密钥环删除")


@contextmanager
def _session() -> Iterator[_Session]:
    from jeepney.io.blocking import open_dbus_connection

    try:
        connection = open_dbus_connection(bus="SESSION")
    except (OSError, KeyError, ValueError) as exc:  # no session bus (no address, no socket)
        raise SecretServiceError(f"no session bus: {exc}") from exc
    try:
        yield _Session(connection)
    finally:
        connection.close()


def available() -> bool:
    """Whether the session bus has a Secret Service running or startable on demand."""
    return available_on("SESSION")


def available_on(bus: str, *, owned: bool = False) -> bool:
    """Whether `bus` (a D-Bus address, or "SESSION") has a Secret Service running, or, unless
    `owned`, one it starts on demand."""
    try:
        from jeepney import message_bus, new_method_call
        from jeepney.io.blocking import open_dbus_connection
        from jeepney.wrappers import unwrap_msg

        connection = open_dbus_connection(bus=bus)
    except Exception as exc:  # noqa: BLE001 (no jeepney, no bus: no keyring)
        log.info("no session bus for the Secret Service: %s", exc)
        return False
    try:

        def ask(method: str, *body: Any) -> Any:
            signature = "s" if body else None
            message = new_method_call(message_bus, method, signature, body)
            return unwrap_msg(connection.send_and_get_reply(message, timeout=CALL_TIMEOUT))[0]

        if ask("NameHasOwner", BUS_NAME):
            return True
        return not owned and BUS_NAME in ask("ListActivatableNames")
    except Exception as exc:  # noqa: BLE001
        log.info("the session bus did not answer: %s", exc)
        return False
    finally:
        connection.close()


class SecretServiceKeyring(KeyringBackend):
    """keyring's backend over `_Session`. Defining it registers it with keyring's choice of
    backend (app.connections imports this module before asking keyring for one)."""

    @properties.classproperty
    def priority(cls) -> float:
        if not sys.platform.startswith("linux"):
            raise RuntimeError("the Secret Service is for Linux")
        if not available():
            raise RuntimeError("no Secret Service on the session bus")
        return 5.5  # above keyring's own SecretService backend (5): the same items, no cryptography

    def _query(self, service: str, username: str) -> dict[str, str]:
        return {"service": service, "username": username}

    def get_password(self, service: str, username: str) -> str | None:
        with _session() as session:
            collection = session.default_collection()
            for item in session.search(collection, self._query(service, username)):
                return session.secret(item).decode("utf-8")
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        attributes = {**self._query(service, username), "application": APPLICATION}
        label = f"Password for '{username}' on '{service}'"
        with _session() as session:
            session.create(
                session.default_collection(), label, attributes, password.encode("utf-8")
            )

    def delete_password(self, service: str, username: str) -> None:
        with _session() as session:
            collection = session.default_collection()
            for item in session.search(collection, self._query(service, username)):
                session.delete(item)
                return
        raise PasswordDeleteError("no such password")
