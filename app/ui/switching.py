"""文件—新建数据库、打开数据库、连接单位服务器、最近使用: the window goes over to another database
without the program being restarted.

The chosen database is opened and signed in to through the same path as at start
(app.ui.app.start_window: the first-run setup of an empty office, the login) while the old window
stays open; only once the new window shows are the old window and its database closed. Whatever
fails on the way (the file refused, the server unreachable, the login cancelled) leaves the old
database open, and is said in Chinese."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from app import connections, privacy
from app.config import database_url
from app.connections import Place, Server
from app.db import Database, sqlite_path
from app.errors import UserError
from app.services.permissions import Actor

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

FILTER = "NormDesk 数据库 (*.db);;所有文件 (*)"
BUSY = "正在进行的操作完成后才能切换数据库，请稍候再试。"
ALREADY = "这个数据库已经打开。"
WAIT_MS = 3000


def may_switch(window: MainWindow) -> bool:
    """Nothing is lost by leaving: the background operations finished (a page's load is over
    in a moment; a long one is refused: its result would have no window to go to), the page
    shown has no unsaved edits (or the clerk lets them go)."""
    if not window.ctx.runner.wait(WAIT_MS):
        QMessageBox.information(window, "切换数据库", BUSY)
        return False
    return window.may_leave_page()


def new_file(window: MainWindow) -> None:
    if not may_switch(window):
        return
    chosen, _ = QFileDialog.getSaveFileName(
        window, "新建数据库", str(_folder(window) / "新数据库.db"), FILTER
    )
    if not chosen:
        return
    path = Path(chosen)
    if path.suffix.lower() != ".db":
        path = path.with_name(path.name + ".db")
    try:
        connections.check_new_file(path)
    except UserError as exc:
        QMessageBox.warning(window, "新建数据库", exc.message)
        return
    open_file(window, path)


def choose_file(window: MainWindow) -> None:
    if not may_switch(window):
        return
    chosen, _ = QFileDialog.getOpenFileName(window, "打开数据库", str(_folder(window)), FILTER)
    if chosen:
        open_file(window, Path(chosen), checked=False)


def open_file(window: MainWindow, path: Path, checked: bool = True) -> MainWindow | None:
    """Go over to the SQLite file at `path` (new or NormDesk's; `checked`: already looked at)."""
    url = database_url(str(path))
    if sqlite_path(url) == sqlite_path(window.database.url):
        QMessageBox.information(window, "打开数据库", ALREADY)
        return None
    if not checked:
        try:
            connections.check_existing_file(Path(str(sqlite_path(url))))
        except UserError as exc:
            QMessageBox.warning(window, "打开数据库", exc.message)
            return None
    from app.ui.app import open_or_explain

    database = open_or_explain(url, window)
    return replace(window, database) if database is not None else None


def connect_server(window: MainWindow, server: Server | None = None) -> None:
    """连接单位服务器 (`server`: the one chosen in 最近使用, else the last one): the dialog signs
    in; the window then goes over to the server."""
    if not may_switch(window):
        return
    from app.ui.connect_dialog import ConnectDialog

    dialog = ConnectDialog(window.ctx, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if server is not None:
        dialog.fill(server)

    def connected() -> None:
        if dialog.connected is not None:
            replace(window, dialog.connected.database, dialog.connected.actor)

    dialog.accepted.connect(connected)
    dialog.open()


def open_place(window: MainWindow, place: Place) -> None:
    """文件—最近使用: a file opens at once; a server asks for the password in the dialog."""
    if isinstance(place, Server):
        connect_server(window, place)
    elif may_switch(window):
        open_file(window, place, checked=False)


def fill_recent(menu: QMenu, window: MainWindow) -> None:
    """The recent list, the database open now left out."""
    menu.clear()
    current = connections.place_of(window.database.url)
    places = [p for p in connections.recent() if not _same(p, current)]
    for place in places:
        action = menu.addAction(connections.label_of(place))
        action.triggered.connect(lambda _checked=False, p=place: open_place(window, p))
    if not places:
        menu.addAction("（没有）").setEnabled(False)


def replace(old: MainWindow, database: Database, user: Actor | None = None) -> MainWindow | None:
    """Open the window on `database` as at start; once it shows, close `old` and its database.
    Cancelled (the login, say): `database` is closed and `old` goes on as it was."""
    from app.ui.app import Desk, forget_login, start_window

    desk = getattr(old, "desk", None) or Desk()
    desk.window = old
    try:
        new = start_window(database, user=user, desk=desk)
    except BaseException:
        _close(database)
        raise
    if new is None:
        _close(database)
        return None
    privacy.umask_for(new.database.url)
    old.close()
    old.ctx.runner.wait()
    forget_login(old.database)
    old.database.close()
    old.deleteLater()
    return new


def _close(database: Database) -> None:
    from app.ui.app import forget_login

    forget_login(database)
    database.close()


def _same(a: Place, b: Place | None) -> bool:
    if isinstance(a, Server) and isinstance(b, Server):
        return a.same_database(b)
    return a == b


def _folder(window: MainWindow) -> Path:
    """Where the file dialogs start: beside the database open now, else the Documents folder."""
    path = sqlite_path(window.database.url)
    if path is not None and path.parent.is_dir():
        return path.parent
    from app.ui.widgets.pdf_preview import documents_folder

    return documents_folder()
