"""Window geometry and column layouts, kept in an ini file in the data dir."""

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QHeaderView, QMainWindow

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
