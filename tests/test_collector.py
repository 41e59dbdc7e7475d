"""Python's cycle collector never runs on the runner's worker thread (collected there, Qt objects in
the garbage crashed the program: a cleanup batch opened after 新建清理 was a segmentation fault)."""

from __future__ import annotations

import gc
import threading

from app.ui import collector
from app.ui.app import make_application
from tests.ui_context import context


def test_collection_happens_on_the_gui_thread_only(qtbot, database):
    app = make_application()
    found = collector.install(app)
    assert collector.install(app) is found  # one per application
    assert not gc.isenabled()
    runs: list[str] = []

    def seen(phase: str, _info: dict) -> None:
        if phase == "start":
            runs.append(threading.current_thread().name)

    def churn(_s, _progress) -> int:
        cycles = []
        for n in range(200_000):  # far past gen 0's threshold: automatic collection would run
            pair: list = [n]
            pair.append(pair)
            cycles.append(pair)
        return len(cycles)

    gc.callbacks.append(seen)
    try:
        runner = context(database).runner
        runner.run(churn)
        assert runner.wait()
        worker_runs = [name for name in runs if name != threading.main_thread().name]
        assert worker_runs == []
        qtbot.waitUntil(lambda: bool(runs), timeout=3 * collector.INTERVAL_MS)
        assert set(runs) == {threading.main_thread().name}
    finally:
        gc.callbacks.remove(seen)


def test_the_collector_counts_from_the_event_loops_first_turn(qtbot, qapp):
    """Not from start-up's first lines: start-up's garbage is collected after the first page."""
    made = collector.GuiThreadCollector(qapp)
    try:
        assert not made.timer.isActive()
        qtbot.waitUntil(made.timer.isActive, timeout=1000)
        assert made.timer.interval() == collector.INTERVAL_MS
    finally:
        made.timer.stop()
        made.deleteLater()
