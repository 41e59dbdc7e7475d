"""The bundled CJK font, registered at start so Chinese shows even without a system CJK font."""

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from app.config import resource_path

FONT_FILE = "wqy-microhei.ttc"


def install_font(app: QApplication) -> str | None:
    font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", FONT_FILE)))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return None
    font = QFont(families[0])
    font.setPointSize(max(app.font().pointSize(), 10))
    app.setFont(font)
    return families[0]
