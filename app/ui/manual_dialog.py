"""操作手册 (F1): docs/manual.md in a browser window, opened at the section of the current page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QTextCharFormat, QTextCursor, QTextDocument, QTextImageFormat
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from app.config import bundle_root
from app.ui.widgets import state

IMAGE_WIDTH = 760  # screenshots are shown at most this wide, whatever their size
SECTION_HEADINGS = {
    "home": "首页与待办期限",
    "register": "登记文件（统一编号）",
    "review": "合法性审核",
    "filing": "备案",
    "validity": "有效期与清理",
    "statistics": "统计",
    "settings": "设置",
}


def manual_path() -> Path:
    return bundle_root() / "docs" / "manual.md"


def _blocks(document: QTextDocument):
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()


def _name_headings(document: QTextDocument) -> None:
    """Each heading becomes an anchor named by its text, so the browser can scroll to it."""
    for block in _blocks(document):
        if block.blockFormat().headingLevel():
            cursor = QTextCursor(block)
            cursor.movePosition(
                QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
            )
            anchor = QTextCharFormat()
            anchor.setAnchor(True)
            anchor.setAnchorNames([block.text()])
            cursor.mergeCharFormat(anchor)


def _fit_images(document: QTextDocument, folder: Path) -> None:
    for block in _blocks(document):
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            it += 1
            image = fragment.charFormat().toImageFormat()
            if not fragment.charFormat().isImageFormat():
                continue
            size = QImage(str(folder / image.name())).size()
            if size.isEmpty() or size.width() <= IMAGE_WIDTH:
                continue
            fitted = QTextImageFormat(image)
            fitted.setWidth(IMAGE_WIDTH)
            fitted.setHeight(size.height() * IMAGE_WIDTH / size.width())
            cursor = QTextCursor(document)
            cursor.setPosition(fragment.position())
            cursor.setPosition(
                fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor
            )
            cursor.setCharFormat(fitted)


class ManualDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, path: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("操作手册")
        path = path or manual_path()
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setSearchPaths([str(path.parent)])
        try:
            text = path.read_text(encoding="utf-8")
        except OSError:
            text = f"# 操作手册\n\n没有找到操作手册文件：{path}"
        self.browser.setMarkdown(text)
        document = self.browser.document()
        _fit_images(document, path.parent)
        _name_headings(document)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        state.resize_within_screen(self, 880, 720)

    def show_heading(self, heading: str) -> None:
        """Scroll so the heading is at the top (deferred by Qt until the dialog is shown)."""
        self.browser.scrollToAnchor(heading)

    def top_heading(self) -> str:
        """The heading of the section shown at the top of the window."""
        top = self.browser.verticalScrollBar().value()
        layout = self.browser.document().documentLayout()
        shown = ""
        for block in _blocks(self.browser.document()):
            if layout.blockBoundingRect(block).top() > top + 2:
                break
            if block.blockFormat().headingLevel():
                shown = block.text()
        return shown


def open_manual(parent: QWidget, section: str) -> ManualDialog:
    dialog = ManualDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.show_heading(SECTION_HEADINGS.get(section, ""))
    return dialog
