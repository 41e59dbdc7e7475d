"""What every connection to the office's PostgreSQL server is told, so that a frozen program on
one PC cannot hold the other clerks up for long, and a vanished server or network is noticed
instead of waited on for ever."""

from __future__ import annotations

from sqlalchemy.engine import make_url

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
KEEPALIVES = {"keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10,
              "keepalives_count": 3, "tcp_user_timeout": 60_000}  # fmt: skip


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
    return args
