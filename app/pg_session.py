"""What every connection to the office's PostgreSQL server is told, so that a frozen program on
one PC cannot hold the other clerks up for long, and a vanished server or network is noticed
instead of waited on for ever."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.engine import make_url

from app.errors import UserError

DEFAULT_PORT = 5432  # PostgreSQL's own, where a server form or URL gives none
CONNECT_TIMEOUT = 10  # s to reach the server
# A clerk waits this long for a row or a number another clerk's unfinished save holds, like
# SQLite's busy timeout, then is told why (app/failures.py).
LOCK_TIMEOUT: float = 15  # s
STATEMENT_TIMEOUT: float = (
    120  # s; the longest statement of a 100,000-document office takes seconds
)
# A program frozen (or a PC suspended) inside a transaction loses it after this, so its locks
# are released. Generous: a long export reads inside one transaction between its statements.
IDLE_IN_TRANSACTION_TIMEOUT: float = 300  # s
# A server gone silent (cable pulled, server off) is given up on after about a minute.
KEEPALIVES = {
    "keepalives": 1,
    "keepalives_idle": 30,
    "keepalives_interval": 10,
    "keepalives_count": 3,
    "tcp_user_timeout": 60_000,
}


NEEDS_LOGIN = (
    "该服务器上的数据库要求每位用户以自己的账户登录：请以 NormDesk 用户名和密码登录"
    "（命令行：在命令前加 --user 用户名）。"
)


@dataclass(frozen=True)
class ServerLogin:
    """The PostgreSQL login and password a clerk signed in with (app/services/pg_roles.py)."""

    login: str
    password: str


# libpq gives no SQLSTATE for a refused connection: the server's words (English or Chinese
# messages) tell a wrong password, an unknown or disabled login from everything else.
_REFUSED_LOGIN = (
    "password authentication failed",
    "口令认证失败",
    "password 认证失败",
    "is not permitted to log in",
    "不允许登录",
    'role "',
    '角色 "',
)


def refused_login(exc: BaseException) -> bool:
    """Whether the server refused the clerk's login name or password (not the PC, not down)."""
    words = str(getattr(exc, "orig", None) or exc).lower()
    if "pg_hba.conf" in words:
        return False
    return any(needle in words for needle in _REFUSED_LOGIN)


_logins: dict[str, ServerLogin] = {}


def clerk_mode(url: str) -> bool:
    """A server URL without a user name: each clerk connects as their own login, given at
    sign-in. (A URL with the owner's name and password connects as the owner, as before.)"""
    parsed = make_url(url)
    return parsed.drivername.startswith("postgresql") and not parsed.username


def without_user(url: str) -> str:
    """The URL a clerk's PC is given: the server and database, no user name or password."""
    parsed = make_url(url)._replace(username=None, password=None)
    return parsed.render_as_string(hide_password=False)


def database_name(url: str) -> str:
    return make_url(url).database or ""


def sign_in(url: str, login: ServerLogin | None) -> None:
    """From now on connections to `url` use `login` (None: forget it)."""
    if login is None:
        _logins.pop(_key(url), None)
    else:
        _logins[_key(url)] = login


def _key(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


def connect_args(url: str) -> dict[str, object]:
    """libpq parameters for the engine; a value the URL sets itself is left to the URL."""
    given = make_url(url).query
    settings = " ".join(
        f"-c {name}={round(seconds * 1000)}ms"
        for name, seconds in (
            ("lock_timeout", LOCK_TIMEOUT),
            ("statement_timeout", STATEMENT_TIMEOUT),
            ("idle_in_transaction_session_timeout", IDLE_IN_TRANSACTION_TIMEOUT),
        )
    )
    own = {"connect_timeout": CONNECT_TIMEOUT, **KEEPALIVES}
    args: dict[str, object] = {k: v for k, v in own.items() if k not in given}
    # The URL's own options come after ours, so its -c settings win.
    extra = given.get("options")
    args["options"] = f"{settings} {extra}" if isinstance(extra, str) else settings
    if clerk_mode(url) and _key(url) not in _logins:
        raise UserError(NEEDS_LOGIN)
    return args


def supply_login(url: str) -> Callable[..., None]:
    """For the engine's `do_connect` event: every new connection uses the login signed in now,
    so that one made after the clerk changed their password uses the new one."""
    key = _key(url)

    def supply(_dialect, _record, _cargs, cparams: dict) -> None:
        login = _logins.get(key)
        if login is None:
            raise UserError(NEEDS_LOGIN)
        cparams.update(user=login.login, password=login.password)

    return supply


def password_changed(login: str, password: str) -> None:
    """The clerk's own login has a new password: connections made from now on use it."""
    for key, known in list(_logins.items()):
        if known.login == login:
            _logins[key] = ServerLogin(login, password)
