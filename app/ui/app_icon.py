"""The application icon for every window (title bar, task bar, Alt+Tab): one QIcon holding each
size drawn for it, so Qt picks the crisp 16 or 32 px drawing instead of scaling the large one."""

from PySide6.QtGui import QIcon

from app.desktop_entry import ICON_SIZES, icon_file


def application_icon() -> QIcon:
    icon = QIcon()
    for size in ICON_SIZES:
        path = icon_file(size)
        if path.is_file():  # a bundle missing one still shows the others
            icon.addFile(str(path))
    return icon
