"""Window geometry, column layouts and the last user name signed in, kept in an ini file in the
data dir (the PC user's own)."""

from PySide6.QtCore import QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QHeaderView, QMainWindow, QWidget

from app.config import data_dir


def ui_settings() -> QSettings:
    return QSettings(str(data_dir() / "ui.ini"), QSettings.Format.IniFormat)


def restore_window(window: QMainWindow) -> None:
    settings = ui_settings()
    geometry = settings.value("window/geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)
    state = settings.value("window/state")
    if state is not None:
        window.restoreState(state)
    fit_to_screen(window)


WINDOW_FRAME = 40  # what the window system adds around a window: title bar and borders


def resize_within_screen(window: QWidget, width: int, height: int) -> None:
    """The size the clerk last left this kind of window at, else the size it asks for; never more
    than the screen holds (1366×768 at 125 % leaves about 1093×582 beside the taskbar): the content
    then scrolls or shares the room, and the button rows stay on the screen. A dialog remembers its
    size when it closes."""
    key = f"size/{type(window).__name__}"
    saved = ui_settings().value(key)
    if isinstance(saved, QSize) and saved.isValid():
        width, height = saved.width(), saved.height()
    if isinstance(window, QDialog):
        window.finished.connect(lambda _result: _remember(key, window.size()))
    screen = window.screen() or QGuiApplication.primaryScreen()
    area = screen.availableGeometry() if screen is not None else None
    if area is not None:
        width = min(width, area.width() - WINDOW_FRAME // 2)
        height = min(height, area.height() - WINDOW_FRAME)
    window.resize(width, height)


def _remember(key: str, size: QSize) -> None:
    settings = ui_settings()
    settings.setValue(key, size)
    settings.sync()


def fit_to_screen(window: QWidget) -> None:
    """No larger than the screen's available area (taskbar, display scaling) and inside it, so
    the status bar and the buttons at the edges stay on the screen."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    area = screen.availableGeometry()
    frame = window.frameGeometry()  # the window with its title bar and borders, once shown
    extra_w, extra_h = frame.width() - window.width(), frame.height() - window.height()
    window.resize(
        min(window.width(), area.width() - extra_w), min(window.height(), area.height() - extra_h)
    )
    frame = window.frameGeometry()
    x = min(max(frame.x(), area.left()), area.right() + 1 - frame.width())
    y = min(max(frame.y(), area.top()), area.bottom() + 1 - frame.height())
    window.move(max(x, area.left()), max(y, area.top()))


def save_window(window: QMainWindow) -> None:
    settings = ui_settings()
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/state", window.saveState())
    settings.sync()


def restore_header(header: QHeaderView, key: str) -> None:
    state = ui_settings().value(f"columns/{key}")
    if state is not None:
        header.restoreState(state)


def save_header(header: QHeaderView, key: str) -> None:
    settings = ui_settings()
    settings.setValue(f"columns/{key}", header.saveState())
    settings.sync()


def last_user() -> str:
    value = ui_settings().value("login/last_user")
    return value if isinstance(value, str) else ""


def remember_user(username: str) -> None:
    settings = ui_settings()
    settings.setValue("login/last_user", username)
    settings.sync()


def last_publication_folder() -> str:
    """The folder 发布目录… wrote to last time: a republication usually replaces it."""
    value = ui_settings().value("publish/folder")
    return value if isinstance(value, str) else ""


def remember_publication_folder(folder: str) -> None:
    settings = ui_settings()
    settings.setValue("publish/folder", folder)
    settings.sync()
