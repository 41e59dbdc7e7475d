"""Start the GUI: application object, font, crash hook, database, start-up checks and login,
main window, daily backup."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QMessageBox

from app import APP_NAME, APP_TITLE
from app.config import database_url
from app.db import Database, friendly_db_message, open_database
from app.errors import DamagedDatabaseError, UserError
from app.ui.fonts import install_font, install_translation

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


def make_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_TITLE)
    install_font(app)
    install_translation(app)
    return app


def open_or_explain(url: str) -> Database | None:
    """Open the database; on a problem the user can act on, say it in a dialog."""
    try:
        return open_database(url)
    except DamagedDatabaseError as exc:
        from app.ui import startup_checks

        if startup_checks.restore_damaged(url, exc):
            return open_or_explain(url)
    except UserError as exc:
        QMessageBox.critical(None, "无法打开数据库", exc.message)
    except Exception as exc:
        message = friendly_db_message(exc)
        if message is None:
            raise
        QMessageBox.critical(None, "无法打开数据库", message)
    return None


def run_gui(db: str | None) -> int:
    from app.ui.crash import install_excepthook

    app = make_application()
    install_excepthook()
    database = open_or_explain(database_url(db))
    if database is None:
        return 1
    window = start_window(database)
    if window is None:
        database.close()
        return 0
    code = app.exec()
    database.close()
    return code


def start_window(database: Database, section: str | None = None) -> MainWindow | None:
    """From an open database to the main window shown: the first-run setup or the login, the
    window on `section` (else the home page); the integrity check and the daily backup follow in
    the background. None when the clerk cancels the login."""
    from app.ui import startup_checks

    signed_in = startup_checks.first_run(database)
    if not signed_in and not startup_checks.log_in(database):
        return None
    from app.ui.main_window import MainWindow

    window = MainWindow(database)
    if section is not None:
        window.show_section(section)
    window.show()
    window.after_start = startup_checks.AfterStart(database, window)
    return window
