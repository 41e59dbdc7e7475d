"""The one application context of the GUI: the open database, the operation runner every view
shares (so one refresh signal reaches all), and who is signed in. Made once at start-up and passed
down to every view and dialog; nothing else holds any of the three."""

from __future__ import annotations

from dataclasses import dataclass

from app.db import Database
from app.services.permissions import Actor, signed_in
from app.ui.operations import OperationRunner


@dataclass(eq=False)
class AppContext:
    database: Database
    runner: OperationRunner
    user: Actor | None = None  # None: nobody signed in, so no action is taken for anyone

    @classmethod
    def open(cls, database: Database, user: Actor | None) -> AppContext:
        return cls(database, OperationRunner(database), user)

    def actor(self) -> Actor:
        """Who acts now (permissions.signed_in)."""
        return signed_in(self.user)
