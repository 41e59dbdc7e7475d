"""The application context of a test's widgets. The program makes one at start-up and passes it
down (app/ui/context.py); a test that builds widgets over a database gets the same one for every
widget it makes there, so they share the runner and its refresh signal as the program's do.

Who acts is the person at this PC as 管理员, as in an office without users; a test that needs
someone else says so with `context(database, user)` or by setting `.user`."""

from __future__ import annotations

from app.db import Database
from app.services.permissions import Actor, pc_administrator
from app.ui.context import AppContext

_made: dict[int, AppContext] = {}  # by id(database); each entry is dropped at teardown
_UNSET = object()


def context(database: Database, user: Actor | None | object = _UNSET) -> AppContext:
    ctx = made_for(database)
    if ctx is None:
        ctx = _made[id(database)] = AppContext.open(database, pc_administrator())
    if user is not _UNSET:
        ctx.user = user  # type: ignore[assignment]
    return ctx


def made_for(database: Database) -> AppContext | None:
    """The context a test made over this database, if any."""
    ctx = _made.get(id(database))
    return ctx if ctx is not None and ctx.database is database else None


def forget(database: Database) -> None:
    """At the test's end: its work finished, the context goes with the database."""
    ctx = _made.pop(id(database), None)
    if ctx is not None and ctx.database is database:
        ctx.runner.wait()
