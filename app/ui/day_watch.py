"""Notices when the day turns while the program runs, and lets expired documents lapse then."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from app import clock
from app.db import Database
from app.services import validity
from app.ui.operations import runner_for

CHECK_MS = 60_000


class DayWatch(QObject):
    def __init__(self, database: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.day = clock.today()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        today = clock.today()
        if today == self.day:
            return
        self.day = today
        runner_for(self.database).run(
            lambda s, _progress: validity.expire_due(s, today),
            write=True,
            changes={"documents", "deadlines"},
        )
