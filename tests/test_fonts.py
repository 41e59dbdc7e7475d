from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from app.ui.app import make_application


def test_qt_standard_buttons_are_translated_to_chinese(qapp):
    app = make_application()
    assert isinstance(app, QApplication)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
