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


# Qt 6 renamed these labels of its own file dialog (the one used on Linux); the shipped Chinese
# translation still has only the Qt 5 wording, so they showed in English.
_QT6_FILE_DIALOG = {"&Look in:": "查找范围(&L)：", "Files of &type:": "文件类型(&T)："}


class _Supplement(QTranslator):
    """Chinese for the few strings of Qt's own dialogs that qtbase_zh_CN.qm lacks."""

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ANN001
        if context == "QFileDialog":
            return _QT6_FILE_DIALOG.get(source, "")
        return ""

    def isEmpty(self) -> bool:  # noqa: N802 (Qt override)
        return False


def install_translation(app: QApplication) -> bool:
    """Qt's translation of its standard dialogs and buttons (shipped with PySide6)."""
    app.installTranslator(_Supplement(app))
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(
        QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_", folder
    ):
        return False
    return app.installTranslator(translator)
