import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from app.ui.app import make_application


def test_qt_standard_buttons_are_translated_to_chinese(qapp):
    app = make_application()
    assert isinstance(app, QApplication)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_qts_own_file_dialog_labels_are_chinese(qapp):
    """Linux shows Qt's own file dialog; Qt 6 renamed two labels that the shipped Chinese
    translation lacks, so they showed as "&Look in:" and "Files of &type:"."""
    from PySide6.QtWidgets import QFileDialog, QLabel

    make_application()
    dialog = QFileDialog(None, "保存", "")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    dialog.deleteLater()
    # Qt 6.11's labels, by the supplement; Qt 6.9's own catalog still has them (without the
    # shortcut letter)
    assert {"查找范围(&L)：", "查找范围："} & set(labels)
    assert {"文件类型(&T)：", "文件类型："} & set(labels)
    english = [text for text in labels if re.search("[A-Za-z]", re.sub(r"\(&[A-Z]\)", "", text))]
    assert english == []
