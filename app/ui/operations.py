"""The one operation runner of the GUI: work off the GUI thread, progress, cancel, errors, refresh.

A view hands the runner a function `fn(session, progress)`; the runner calls it on a worker thread
inside `Database.transaction()` (writes) or `Database.reading()` (reads), then delivers the result to
`on_done` on the GUI thread. A cancelled write is rolled back: nothing half-done is committed. After a
successful write the runner emits `data_changed(kinds)` so every view refreshes what concerns it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager, nullcontext
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from app import failures
from app.db import Database
from app.ui.crash import ask_retry, show_error

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

# progress(done, total, text="") -> False once the user has cancelled
Progress = Callable[..., bool]
Work = Callable[[Any, Progress], Any]


class Cancelled(Exception):
    """Raised inside the worker when the user cancelled: the transaction is rolled back."""


class _Relay(QObject):
    """Lives on the GUI thread; the worker's signals reach its slots there, queued."""

    progressed = Signal(int, int, str)
    finished = Signal(object, object)

    def __init__(self, on_progress: Callable, on_finished: Callable) -> None:
        super().__init__()
        self._on_progress, self._on_finished = on_progress, on_finished
        self.progressed.connect(self._progressed)
        self.finished.connect(self._finished)

    @Slot(int, int, str)
    def _progressed(self, done: int, total: int, text: str) -> None:
        self._on_progress(done, total, text)

    @Slot(object, object)
    def _finished(self, result: object, exc: object) -> None:
        self._on_finished(result, exc)


class _Job(QRunnable):
    def __init__(self, database: Database | None, work: Work, write: bool, relay: _Relay) -> None:
        super().__init__()
        self.database, self.work, self.write, self.relay = database, work, write, relay
        self.cancel = threading.Event()

    def request_cancel(self) -> None:
        self.cancel.set()

    def progress(self, done: int, total: int, text: str = "") -> bool:
        self.relay.progressed.emit(done, total, text)
        return not self.cancel.is_set()

    def run(self) -> None:
        try:
            scope: AbstractContextManager[Session | None]
            if self.database is None:
                scope = nullcontext(None)
            elif self.write:
                scope = self.database.transaction()
            else:
                scope = self.database.reading()
            with scope as session:
                result = self.work(session, self.progress)
                if self.cancel.is_set():
                    raise Cancelled()
        except BaseException as exc:  # noqa: BLE001 (routed to the GUI thread)
            # Whatever stopped the work after the user pressed cancel is the cancellation.
            self.relay.finished.emit(None, Cancelled() if self.cancel.is_set() else exc)
            return
        self.relay.finished.emit(result, None)


class OperationRunner(QObject):
    """Runs reads and mutations in the background, one at a time, in the order asked."""

    data_changed = Signal(object)  # set[str], e.g. {"documents"}
    finished = Signal()  # after every operation, success or not (tests wait on it)

    def __init__(self, database: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one DB executor: operations never overtake each other
        self._pending: set[_Relay] = set()

    def run(
        self,
        fn: Work,
        *,
        write: bool = False,
        changes: Iterable[str] = (),
        on_done: Callable[[Any], object] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        parent: QWidget | None = None,
        progress: str | None = None,
        use_session: bool = True,
    ) -> _Job:
        """Run `fn(session, progress)`; `progress` (a title) shows a dialog with a cancel button.
        With use_session=False, `fn` gets None for the session (file work, no database).
        Returns the job; `job.request_cancel()` does what the dialog's cancel button does."""
        dialog: QProgressDialog | None = None

        def show_progress(done: int, total: int, text: str) -> None:
            if dialog is not None:
                dialog.setMaximum(max(total, 0))
                dialog.setValue(min(done, total) if total > 0 else 0)
                if text:
                    dialog.setLabelText(text)

        def finish(result: object, exc: BaseException | None) -> None:
            self._pending.discard(relay)
            if dialog is not None:
                dialog.reset()
                dialog.deleteLater()
            try:
                if isinstance(exc, Cancelled):
                    pass
                elif exc is not None:
                    if on_error is None:
                        tell(parent, exc, again)
                    elif _alive(on_error):
                        on_error(exc)
                else:
                    if write and changes:
                        self.data_changed.emit(set(changes))
                    if on_done is not None and _alive(on_done):
                        on_done(result)
            finally:
                self.finished.emit()

        def again() -> None:
            self.run(
                fn,
                write=write,
                changes=changes,
                on_done=on_done,
                parent=parent,
                progress=progress,
                use_session=use_session,
            )

        relay = _Relay(show_progress, finish)
        job = _Job(self.database if use_session else None, fn, write, relay)
        job.setAutoDelete(True)
        if progress:
            dialog = self._progress_dialog(parent, progress, job)
        self._pending.add(relay)
        self.pool.start(job)
        return job

    def busy(self) -> bool:
        return bool(self._pending)

    def wait(self, timeout_ms: int = 10_000) -> bool:
        """Block until every operation has run and delivered its result (tests, shutdown)."""
        deadline = time.monotonic() + timeout_ms / 1000
        while self._pending and time.monotonic() < deadline:
            self.pool.waitForDone(20)
            QCoreApplication.processEvents()
        return not self._pending

    def _progress_dialog(self, parent: QWidget | None, title: str, job: _Job) -> QProgressDialog:
        dialog = QProgressDialog(title, "取消", 0, 0, parent)
        dialog.setWindowTitle(title)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(job.request_cancel)
        return dialog


class Reload(QObject):
    """A view's reload off the GUI thread. Asks made while one runs fold into one more, so a
    burst of changes costs two loads, and only the newest result is shown. `work()` builds the
    load from the view's filters as they are at the moment it starts."""

    def __init__(
        self,
        view: QWidget,
        runner: OperationRunner,
        work: Callable[[], Work],
        show: Callable[[Any], None],
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        super().__init__(view)
        self.view, self.runner, self.work, self.show = view, runner, work, show
        self.failed = failed or self._tell
        self.loading = self.stale = False

    def __call__(self) -> None:
        if self.loading:
            self.stale = True
            return
        self.loading, self.stale = True, False
        self.runner.run(self.work(), on_done=self._done, on_error=self._failed, parent=self.view)

    def when_shown(self) -> None:
        """A change noticed while the view was hidden: reload now, unless one is under way."""
        if self.stale and not self.loading:
            self()

    def _done(self, result: Any) -> None:
        self.loading = False
        if self.stale:
            self()
        else:
            self.show(result)

    def _failed(self, exc: BaseException) -> None:
        self.loading = False
        self.failed(exc)

    def _tell(self, exc: BaseException) -> None:
        tell(self.view, exc, self)


def tell(parent: QWidget | None, exc: BaseException, again: Callable[[], None]) -> None:
    """An operation failed: a failure that passes (app/failures.py) offers 重试, which calls
    `again`; anything else is shown as it should be (crash.show_error)."""
    if not failures.may_retry(exc):
        show_error(parent, exc)
    elif ask_retry(parent, exc):
        again()


def _alive(callback: Callable[..., Any] | None) -> bool:
    """False for a method of a widget deleted meanwhile (a dialog closed while its lookup ran)."""
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)
