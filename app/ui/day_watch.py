"""Notices when the day turns while the program runs (or NORMDESK_TODAY is changed), so that the
views show that day's statuses and deadlines: they are computed for the day, nothing is written."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from app import clock
from app.ui.changes import Change
from app.ui.context import AppContext

CHECK_MS = 60_000
DATED = frozenset({Change.DOCUMENTS, Change.REVIEWS})  # what every dated view refreshes on


class DayWatch(QObject):
    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.database = ctx.database
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
        self.ctx.runner.data_changed.emit(set(DATED))
