"""Python's cycle collector run on the GUI thread only.

Left automatic, the collector runs in whichever thread happens to allocate: often the runner's
worker. Qt objects found in garbage there are handed to the GUI thread to delete
(shiboken's runDeletionInMainThread), and that deletion crashed the program (a register closed
while a cleanup batch was loading: a segmentation fault, the clerk's unsaved form lost). So
automatic collection is off and a timer on the GUI thread collects, generation by generation,
when Python's own thresholds say it would have. Reference counting still frees everything else at
once, as before."""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 1000


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect)
        self.timer.setInterval(INTERVAL_MS)
        # Counted from the event loop's first turn, not from start-up's first lines: on a busy PC
        # the first collection (start-up's garbage) then comes after the window's first page.
        QTimer.singleShot(0, self.timer.start)

    def collect(self) -> int:
        """Collect the generations Python would have collected by now; returns what was freed."""
        counts = gc.get_count()
        generation = -1
        for index, (count, limit) in enumerate(zip(counts, self.threshold, strict=True)):
            if count <= limit:
                break
            generation = index
        return gc.collect(generation) if generation >= 0 else 0


def install(app: QCoreApplication) -> GuiThreadCollector:
    """Once per application (a second call returns the first collector)."""
    found = app.findChild(GuiThreadCollector)
    return found if isinstance(found, GuiThreadCollector) else GuiThreadCollector(app)
