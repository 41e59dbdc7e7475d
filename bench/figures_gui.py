"""GUI figures, each measured in a fresh process started by bench/run.py; prints one JSON line.

    python bench/figures_gui.py floor          bare QMainWindow shown + sqlalchemy.orm imported
    python bench/figures_gui.py startup URL    NormDesk main window with the register filled
    python bench/figures_gui.py server-startup URL USER   the same on the office's PostgreSQL
                                               server, signed in as USER's own login (password
                                               in BENCH_PG_PASSWORD), as a remembered server
    python bench/figures_gui.py scroll URL     jump to the register's last row, then memory

Start-up times run from the moment bench/run.py launched the process (BENCH_LAUNCHED_AT, a
time.time() stamp) to the window ready, as a clerk waits for it: the interpreter's own start is
in both the floor and NormDesk's figure. Run by hand, they run from this file's first line."""

import os
import time

START = time.perf_counter()
LAUNCHED = float(os.environ.get("BENCH_LAUNCHED_AT", time.time()))


def since_launch() -> float:
    return time.time() - LAUNCHED


import json  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from memory import rss_mb  # noqa: E402

HEAVY_MODULES = ("alembic", "reportlab", "openpyxl", "pypdfium2", "docx", "lxml")
TIMEOUT_S = 120


def finish(result: dict) -> None:
    print(json.dumps(result), flush=True)


def floor() -> None:
    import sqlalchemy.orm  # noqa: F401
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1200, 780)
    window.show()

    def first_turn() -> None:
        finish({"seconds": since_launch(), "cpu_seconds": time.process_time()})
        app.quit()

    QTimer.singleShot(0, first_turn)
    app.exec()


def open_register(url: str):
    """What `normdesk` does to start (app.ui.app.run_gui), opening on the register instead of the
    home page. Returns (app, window, database)."""
    from app.ui.app import make_application, open_or_explain, start_window
    from app.ui.crash import install_excepthook

    app = make_application()
    install_excepthook()
    database = open_or_explain(url)
    if database is None:
        raise SystemExit(f"cannot open {url}")
    window = start_window(database, section="register")
    if window is None:
        raise SystemExit("the login was cancelled")
    return app, window, database


def sign_in_to_server(url: str, username: str):
    """What `normdesk` does to start on a remembered office server whose password the keyring
    keeps (app.ui.app._log_in_to_server): the login dialog signs in without being shown, then
    the window opens on the register. Returns (app, window, database)."""
    from app.ui.app import make_application, start_window
    from app.ui.crash import install_excepthook
    from app.ui.login_dialog import ServerLoginDialog

    app = make_application()
    install_excepthook()
    dialog = ServerLoginDialog(url)
    dialog.username.setText(username)
    dialog.offer_local()
    dialog.password.setText(os.environ["BENCH_PG_PASSWORD"])
    dialog.log_in()
    if dialog.database is None or dialog.actor is None:
        raise SystemExit(f"cannot sign in to {url} as {username}")
    window = start_window(dialog.database, section="register", user=dialog.actor)
    if window is None:
        raise SystemExit("the window did not open")
    return app, window, dialog.database


def first_row_ready(view) -> bool:
    model = view.model
    return model.rowCount() > 0 and model.data(model.index(0, 0)) is not None


def wait_for_rows(app, view, done) -> None:
    """Call `done(ok)` on the first event-loop turn that finds the register's first row loaded."""
    from PySide6.QtCore import QTimer

    def check() -> None:
        if first_row_ready(view):
            done(True)
        elif time.perf_counter() - START > TIMEOUT_S:
            done(False)
        else:
            QTimer.singleShot(1, check)

    QTimer.singleShot(0, check)


def startup(url: str) -> None:
    wait_for_register(*open_register(url))


def server_startup(url: str, username: str) -> None:
    wait_for_register(*sign_in_to_server(url, username))


def wait_for_register(app, window, database) -> None:
    view = window.page("register")

    def done(ok: bool) -> None:
        seconds = since_launch()
        loaded = [m for m in HEAVY_MODULES if m in sys.modules]
        cpu = time.process_time()  # every thread's, from the process's start: less load-bound
        finish({"seconds": seconds if ok else None, "cpu_seconds": cpu, "modules": loaded})
        app.quit()

    wait_for_rows(app, view, done)
    app.exec()
    database.close()


def last_row_visible(view) -> bool:
    last = view.model.index(view.model.rowCount() - 1, 0)
    return view.table.visualRect(last).intersects(view.table.viewport().rect())


def scroll(url: str) -> None:
    app, window, database = open_register(url)
    view = window.page("register")

    def done(ok: bool) -> None:
        if not ok:
            finish({"ms": None, "rss_mb": rss_mb(), "rows": view.model.rowCount()})
            app.quit()
            return
        app.processEvents()  # let the first paint and any pending layout happen untimed
        fetches = getattr(view.model, "fetch_count", None)
        start = time.perf_counter()
        view.table.scrollToBottom()
        view.table.viewport().repaint()
        ms = (time.perf_counter() - start) * 1000
        after = getattr(view.model, "fetch_count", None)
        finish(
            {
                "ms": ms,
                "rss_mb": rss_mb(),
                "rows": view.model.rowCount(),
                "pages_fetched": None if fetches is None else after - fetches,
                "last_row_visible": last_row_visible(view),
            }
        )
        app.quit()

    wait_for_rows(app, view, done)
    app.exec()
    database.close()


def main() -> None:
    what, *rest = sys.argv[1:]
    {"floor": floor, "startup": startup, "server-startup": server_startup, "scroll": scroll}[what](
        *rest
    )


if __name__ == "__main__":
    main()
