"""The bundled CJK font and Qt's own Chinese strings, installed at start so Chinese shows even
without a system CJK font and Qt's standard buttons (确定, 取消, 是, 否) are in Chinese."""

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
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


def install_translation(app: QApplication) -> bool:
    """Qt's translation of its standard dialogs and buttons (shipped with PySide6)."""
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(
        QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_", folder
    ):
        return False
    return app.installTranslator(translator)
