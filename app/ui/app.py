"""Start the GUI: application object, font, crash hook, database, start-up checks and login,
main window, daily backup."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from app import APP_NAME, APP_TITLE, clock
from app.config import database_url
from app.db import Database, friendly_db_message, open_database
from app.errors import DamagedDatabaseError, UserError
from app.ui.fonts import install_font, install_translation


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
    # Imported here, not at the top: open_or_explain and make_application are also used alone.
    from app.services import validity
    from app.ui import startup_checks
    from app.ui.crash import install_excepthook

    app = make_application()
    install_excepthook()
    database = open_or_explain(database_url(db))
    if database is None:
        return 1
    startup_checks.warn_problems(database)
    signed_in = startup_checks.first_run(database)
    if not signed_in and not startup_checks.log_in(database):
        database.close()
        return 0
    with database.transaction() as s:
        validity.expire_due(s, clock.today())  # documents past their term lapse at start-up
    from app.ui.main_window import MainWindow

    window = MainWindow(database)
    window.show()
    window.auto_backup = startup_checks.AutoBackup(database, window)
    code = app.exec()
    database.close()
    return code
