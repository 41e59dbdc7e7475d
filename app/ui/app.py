"""Start the GUI: application object, font, crash hook, database, start-up checks and login,
main window, daily backup."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app import APP_NAME, APP_TITLE, connections, pg_session, privacy
from app.config import database_url
from app.connections import Server
from app.db import Database, friendly_db_message, open_database
from app.desktop_entry import DESKTOP_ID
from app.errors import DamagedDatabaseError, UserError
from app.services.permissions import Actor
from app.ui import collector
from app.ui.app_icon import application_icon
from app.ui.context import AppContext
from app.ui.fonts import install_font, install_translation

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


def make_application() -> QApplication:
    running = QApplication.instance()
    app = running if isinstance(running, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_TITLE)
    # the main window and every dialog; the menu entry's name for Wayland and the task bar
    app.setWindowIcon(application_icon())
    QGuiApplication.setDesktopFileName(DESKTOP_ID)
    install_font(app)
    install_translation(app)
    collector.install(app)
    return app


def open_or_explain(url: str, parent: QWidget | None = None) -> Database | None:
    """Open the database; on a problem the user can act on, say it in a dialog. A damaged file
    is offered its own newest good backup (each database file has its own backups)."""
    try:
        return open_database(url)
    except DamagedDatabaseError as exc:
        from app.ui import startup_checks

        if startup_checks.restore_damaged(url, exc):
            return open_or_explain(url, parent)
    except UserError as exc:
        QMessageBox.critical(parent, "无法打开数据库", exc.message)
    except Exception as exc:
        message = friendly_db_message(exc)
        if message is None:
            raise
        QMessageBox.critical(parent, "无法打开数据库", message)
    return None


def run_gui(db: str | None) -> int:
    from app.ui.crash import install_excepthook

    app = make_application()
    install_excepthook()
    opened = _open_at_start(connections.start(db))
    if isinstance(opened, int):
        return opened
    database, user = opened
    privacy.umask_for(database.url)
    window = start_window(database, user=user)
    if window is None:
        forget_login(database)
        database.close()
        return 0
    code = app.exec()
    window.desk.close()
    return code


def _open_at_start(chosen: connections.Start) -> tuple[Database, Actor | None] | int:
    """The database the window opens on, signed in to when it is the office's server; else the
    exit code: 0 when the clerk cancelled, 1 when it could not be opened."""
    url = _still_there(chosen)
    if pg_session.clerk_mode(url):
        server = chosen.remembered if isinstance(chosen.remembered, Server) else None
        signed = _log_in_to_server(url, server)
        if signed is None:
            return 0
        if not isinstance(signed, _UseLocal):
            return signed
        url = _local_url()
    database = open_or_explain(url)
    return 1 if database is None else (database, None)


def _still_there(chosen: connections.Start) -> str:
    """The database to open at start: a remembered file that has gone (moved, deleted, on a USB
    disk or network drive not connected) is said, never made again as a new empty office."""
    default = database_url(None)
    gone = isinstance(chosen.remembered, Path) and not chosen.remembered.exists()
    if gone and chosen.url != default:  # the data folder's own file is made as always
        QMessageBox.warning(
            None,
            "上次使用的数据库不存在",
            f"上次使用的数据库“{chosen.remembered}”不存在（可能已被移动或删除，或所在的移动硬盘、"
            "网络盘没有连接），现在打开本机的默认数据库。可以用“文件—打开数据库”再选择它。",
        )
        return default
    return chosen.url


def _local_url() -> str:
    """The window opens a file on this PC instead of the server: the last one used, else the
    data folder's own."""
    files = [p for p in connections.recent() if isinstance(p, Path) and p.exists()]
    return database_url(str(files[0])) if files else database_url(None)


class _UseLocal:
    """The clerk chose this PC's database instead of the server (the server is down)."""


USE_LOCAL = _UseLocal()


def _log_in_to_server(
    url: str, server: Server | None = None
) -> tuple[Database, Actor] | _UseLocal | None:
    """Each clerk connects to the office's server as their own login: asked before anything
    opens: the database open as that login, and who it is. None when the clerk cancels. The
    remembered server (`server`) signs in with the password kept in the OS keyring without
    asking; a refused or missing one is asked for, and the clerk may turn to this PC's database
    instead (the server down, the network cable out)."""
    from PySide6.QtWidgets import QDialog

    from app.ui.login_dialog import ServerLoginDialog

    dialog = ServerLoginDialog(url)
    kept = None
    if server is not None:
        dialog.username.setText(server.user)
        dialog.offer_local()
        kept = connections.kept_password(server)
        if kept is not None:
            dialog.password.setText(kept)
            dialog.log_in()  # as a click on 登录 would: a refusal is shown in the dialog
    if dialog.actor is None and dialog.exec() != QDialog.DialogCode.Accepted:
        return USE_LOCAL if dialog.use_local else None
    if dialog.database is None or dialog.actor is None:
        return None
    same_user = server is not None and dialog.username.text().strip() == server.user
    if server is not None and same_user and kept not in (None, dialog.password.text()):
        connections.keep_password(server, dialog.password.text())  # changed; kept as asked
    return dialog.database, dialog.actor


class Desk:
    """The program's main window now and the database under it: 文件—新建/打开数据库 and 连接
    单位服务器 put another window in its place (app/ui/switching.py); run_gui closes whichever
    database is open when the program ends."""

    def __init__(self) -> None:
        self.window: MainWindow | None = None

    def close(self) -> None:
        if self.window is not None:
            forget_login(self.window.database)
            self.window.database.close()


def forget_login(database: Database) -> None:
    """A server's database closed: the clerk's login to it is no longer kept in memory."""
    if pg_session.clerk_mode(database.url):
        pg_session.sign_in(database.url, None)


def start_window(
    database: Database,
    section: str | None = None,
    user: Actor | None = None,
    desk: Desk | None = None,
) -> MainWindow | None:
    """From an open database to the main window shown: the first-run setup or the login, the
    window on `section` (else the home page); the integrity check and the daily backup follow in
    the background. None when the clerk cancels the login. `user`: already signed in (on the
    server, as the clerk's own login); else startup_checks.sign_in decides who works. When the
    first-run setup connects to the office's server instead, `database` (the empty office on this
    PC) is closed and the window opens on the server. The database is remembered for the next
    start (app/connections.py)."""
    from app.ui import startup_checks

    ctx = AppContext.open(database, user)
    if user is None:
        signed = startup_checks.sign_in(ctx)
        if not isinstance(signed, bool):  # a Connected: the office's server instead
            ctx.runner.wait()
            database.close()
            return start_window(signed.database, section, signed.actor, desk)
        if not signed:
            return None
    from app.ui.main_window import MainWindow

    window = MainWindow(ctx)
    if section is not None:
        window.show_section(section)
    window.show()
    window.after_start = startup_checks.AfterStart(ctx, window)
    window.desk = desk or Desk()
    window.desk.window = window
    place = connections.place_of(database.url, ctx.user.name if ctx.user is not None else "")
    if place is not None:
        connections.remember(place)
    return window
