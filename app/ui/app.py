"""Start the GUI: application object, font, crash hook, database, start-up checks and login,
main window, daily backup."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QMessageBox

from app import APP_NAME, APP_TITLE, pg_session
from app.config import database_url
from app.db import Database, friendly_db_message, open_database
from app.errors import DamagedDatabaseError, UserError
from app.services.permissions import Actor
from app.ui.context import AppContext
from app.ui.fonts import install_font, install_translation

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


def make_application() -> QApplication:
    running = QApplication.instance()
    app = running if isinstance(running, QApplication) else QApplication(sys.argv[:1])
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
    url = database_url(db)
    if pg_session.clerk_mode(url):
        signed = _log_in_to_server(url)
        if signed is None:
            return 0
        database, user = signed
        window = start_window(database, user=user)
    else:
        opened = open_or_explain(url)
        if opened is None:
            return 1
        database = opened
        window = start_window(database)
    if window is None:
        database.close()
        return 0
    code = app.exec()
    database.close()
    return code


def _log_in_to_server(url: str) -> tuple[Database, Actor] | None:
    """Each clerk connects to the office's server as their own login: asked before anything
    opens: the database open as that login, and who it is. None when the clerk cancels."""
    from PySide6.QtWidgets import QDialog

    from app.ui.login_dialog import ServerLoginDialog

    dialog = ServerLoginDialog(url)
    if (
        dialog.exec() != QDialog.DialogCode.Accepted
        or dialog.database is None
        or dialog.actor is None
    ):
        return None
    return dialog.database, dialog.actor


def start_window(
    database: Database, section: str | None = None, user: Actor | None = None
) -> MainWindow | None:
    """From an open database to the main window shown: the first-run setup or the login, the
    window on `section` (else the home page); the integrity check and the daily backup follow in
    the background. None when the clerk cancels the login. `user`: already signed in (on the
    server, as the clerk's own login); else startup_checks.sign_in decides who works."""
    from app.ui import startup_checks

    ctx = AppContext.open(database, user)
    if user is None and not startup_checks.sign_in(ctx):
        return None
    from app.ui.main_window import MainWindow

    window = MainWindow(ctx)
    if section is not None:
        window.show_section(section)
    window.show()
    window.after_start = startup_checks.AfterStart(ctx, window)
    return window
