"""In-program preview of a generated PDF: pages rendered on demand, zoom, print and save a copy.

QtPdf is not available for our Qt, so pages are rendered to images with pypdfium2, one at a time:
only the page on screen is rendered and a few recent ones are cached, so a 650-page register opens
at once. Printing paints the same page images onto the printer, page by page.
"""

from __future__ import annotations

import functools
import shutil
import tempfile
import uuid
from collections import OrderedDict
from collections.abc import Callable
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSizeF, QStandardPaths, Qt
from PySide6.QtGui import QImage, QKeySequence, QPageLayout, QPainter, QPixmap, QShortcut
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app import failures, pdfium
from app.atomic_files import replacing
from app.errors import UserError
from app.ui.context import AppContext
from app.ui.crash import show_error
from app.ui.operations import Progress
from app.ui.widgets.state import resize_within_screen

CACHE_PAGES = 4
ZOOM_STEP = 1.25
ZOOM_RANGE = (0.25, 4.0)  # relative to 100 %
PRINT_DPI_LIMIT = 300  # a 1200 dpi page image would take 400 MB; 300 dpi prints text crisply
PAGE_MARGIN = 12  # pixels of grey around the page on screen


class Fit(Enum):
    """Zooms that follow the window: the page's whole width, or the whole page in view."""

    WIDTH = "width"
    PAGE = "page"


class PdfPages:
    """A PDF file's pages as images, rendered when asked, the last few kept."""

    def __init__(self, path: Path) -> None:
        import pypdfium2  # loaded on first preview, not at start-up

        with pdfium.LOCK:
            self.pdf = pypdfium2.PdfDocument(path)
        self._cache: OrderedDict[tuple[int, float], QImage] = OrderedDict()

    def __len__(self) -> int:
        with pdfium.LOCK:
            return len(self.pdf)

    def size(self, index: int) -> tuple[float, float]:
        """Width and height in points."""
        with pdfium.LOCK:
            return self.pdf.get_page_size(index)

    def image(self, index: int, scale: float) -> QImage:
        """The page at `scale` device pixels per point."""
        key = (index, round(scale, 3))
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        image = self.render(index, scale)
        self._cache[key] = image
        if len(self._cache) > CACHE_PAGES:
            self._cache.popitem(last=False)
        return image

    def render(self, index: int, scale: float) -> QImage:
        """A fresh image, not cached (printing walks every page once)."""
        with pdfium.LOCK:
            page = self.pdf[index]
            bitmap = page.render(scale=scale, rev_byteorder=True)
            try:
                fmt = (
                    QImage.Format.Format_RGBA8888
                    if bitmap.n_channels == 4
                    else QImage.Format.Format_RGB888
                )
                image = QImage(
                    bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, fmt
                ).copy()
            finally:
                bitmap.close()
                page.close()
        return image

    def close(self) -> None:
        self._cache.clear()
        with pdfium.LOCK:
            self.pdf.close()


def documents_folder() -> Path:
    """Where save dialogs start."""
    location = QStandardPaths.StandardLocation.DocumentsLocation
    return Path(QStandardPaths.writableLocation(location))


def _orientation(size: tuple[float, float]) -> QPageLayout.Orientation:
    width, height = size
    if width > height:
        return QPageLayout.Orientation.Landscape
    return QPageLayout.Orientation.Portrait


SaveWord = Callable[[Path, QWidget], None]  # the path chosen, the preview


class PdfPreview(QDialog):
    """`save_word`, for a letter: writes its editable Word copy to the path the clerk chose
    (另存为 Word…)."""

    def __init__(
        self,
        pdf_path: Path,
        title: str,
        parent: QWidget | None = None,
        save_word: SaveWord | None = None,
    ) -> None:
        super().__init__(parent)
        self.pdf_path, self.title = Path(pdf_path), title
        self.save_word = save_word
        self.pages = PdfPages(self.pdf_path)
        self.zoom: float | Fit = Fit.WIDTH
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.setWindowTitle(f"{title} - 打印预览")

        self.page_view = QLabel()
        self.page_view.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.page_view.setMargin(PAGE_MARGIN)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.page_view)
        self.scroll_area.setWidgetResizable(True)
        # a scroll bar that comes and goes would change the width that "fit width" fits
        self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.scroll_area.viewport().installEventFilter(self)
        self.scroll_area.setStyleSheet("QScrollArea > QWidget > QWidget { background: #7f7f7f; }")

        self.page_spin = QSpinBox()
        self.page_spin.setRange(1, len(self.pages))
        self.page_spin.setPrefix("第 ")
        self.page_spin.setSuffix(" 页")
        self.page_spin.setKeyboardTracking(False)
        self.page_spin.valueChanged.connect(self.show_page_view)
        self.total = QLabel(f"共 {len(self.pages)} 页")
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(48)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.print_button = self._button("打印…", self.print_document)
        self.print_button.setDefault(True)
        self.previous_button = self._tool("上一页", self.previous_page, "上一页（PgUp）")
        self.next_button = self._tool("下一页", self.next_page, "下一页（PgDown）")
        bar = QHBoxLayout()
        bar.addWidget(self.previous_button)
        bar.addWidget(self.page_spin)
        bar.addWidget(self.total)
        bar.addWidget(self.next_button)
        bar.addSpacing(24)
        bar.addWidget(self._tool("缩小", self.zoom_out, "缩小（Ctrl+-）"))
        bar.addWidget(self.zoom_label)
        bar.addWidget(self._tool("放大", self.zoom_in, "放大（Ctrl++）"))
        bar.addWidget(self._tool("适合宽度", lambda: self.set_zoom(Fit.WIDTH)))
        bar.addWidget(self._tool("整页", lambda: self.set_zoom(Fit.PAGE), "整页显示一页"))
        bar.addWidget(self._tool("100%", lambda: self.set_zoom(1.0)))
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(self._button("另存为 PDF…", self.save_copy))
        self.word_button: QPushButton | None = None
        if save_word is not None:
            self.word_button = self._button(
                "另存为 Word…", self.save_word_copy, "保存可编辑的 Word 文档（.docx），WPS 也可打开"
            )
            bar.addWidget(self.word_button)
        bar.addWidget(self._button("关闭", self.reject))
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.scroll_area, 1)

        for key, slot in (
            (QKeySequence.StandardKey.MoveToPreviousPage, self.previous_page),
            (QKeySequence.StandardKey.MoveToNextPage, self.next_page),
            (QKeySequence.StandardKey.ZoomIn, self.zoom_in),
            (QKeySequence.StandardKey.ZoomOut, self.zoom_out),
        ):
            QShortcut(key, self).activated.connect(slot)
        self._size_to_page()
        self.show_page_view()

    def _button(self, text: str, slot, tip: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    def _tool(self, text: str, slot, tip: str = "") -> QToolButton:
        """A viewing control: as wide as its text (a push button is at least 80 pixels), so the
        bar keeps 另存为 Word… in view at 125 % on 1366×768."""
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setMinimumHeight(self.print_button.sizeHint().height())
        button.clicked.connect(slot)
        return button

    def _size_to_page(self) -> None:
        """Wide enough for the first page's whole width at 100 % (so it opens at its natural
        size where the screen allows), as tall as the screen; or the size last left at."""
        width = self.pages.size(0)[0] * self.logicalDpiX() / 72
        room = round(width) + 2 * PAGE_MARGIN + 60  # the scroll bar and the dialog's margins
        height = self.screen().availableGeometry().height()
        resize_within_screen(self, max(room, 720), height)

    # --- viewing --------------------------------------------------------------------------
    @property
    def page_count(self) -> int:
        return len(self.pages)

    def current_page(self) -> int:
        """0-based index of the page shown."""
        return self.page_spin.value() - 1

    def show_page(self, index: int) -> None:
        self.page_spin.setValue(index + 1)

    def previous_page(self) -> None:
        self.show_page(max(self.current_page() - 1, 0))

    def next_page(self) -> None:
        self.show_page(min(self.current_page() + 1, self.page_count - 1))

    def scale(self) -> float:
        """Logical pixels per point for the page shown."""
        actual = self.logicalDpiX() / 72
        if not isinstance(self.zoom, Fit):
            return actual * self.zoom
        width, height = self.pages.size(self.current_page())
        viewport = self.scroll_area.viewport()
        fits = (viewport.width() - 2 * PAGE_MARGIN - 1) / width
        if self.zoom is Fit.PAGE:
            fits = min(fits, (viewport.height() - 2 * PAGE_MARGIN - 1) / height)
        return max(fits, actual * ZOOM_RANGE[0])

    def set_zoom(self, zoom: float | Fit) -> None:
        self.zoom = zoom if isinstance(zoom, Fit) else min(max(zoom, ZOOM_RANGE[0]), ZOOM_RANGE[1])
        self.show_page_view()

    def zoom_in(self) -> None:
        self.set_zoom(self._relative_zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self._relative_zoom() / ZOOM_STEP)

    def _relative_zoom(self) -> float:
        return self.scale() / (self.logicalDpiX() / 72)

    def show_page_view(self) -> None:
        """Render the current page at the current zoom (cached) and show it."""
        index = self.current_page()
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap.fromImage(self.pages.image(index, self.scale() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        self.page_view.setPixmap(pixmap)
        # a fitted page never needs one (rounding at 125 % would otherwise show a useless bar)
        fitted = isinstance(self.zoom, Fit)
        self.scroll_area.setHorizontalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff
            if fitted
            else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        )
        self.zoom_label.setText(f"{self._relative_zoom():.0%}")
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < self.page_count - 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        resized = watched is self.scroll_area.viewport() and event.type() == QEvent.Type.Resize
        if resized and isinstance(self.zoom, Fit):
            self.show_page_view()
        return super().eventFilter(watched, event)

    # --- printing and saving --------------------------------------------------------------
    def print_document(self) -> None:
        self.printer.setPageOrientation(_orientation(self.pages.size(0)))
        dialog = QPrintDialog(self.printer, self)
        dialog.setWindowTitle(f"打印 {self.title}")
        dialog.setMinMax(1, self.page_count)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage)
        dialog.accepted.connect(lambda: self.print_to(self.printer))
        QDialog.open(dialog)  # PySide's stubs list only QPrintDialog's open(receiver, member)

    def pages_to_print(self, printer: QPrinter) -> list[int]:
        """0-based indexes of the pages the user chose in the print dialog."""
        if printer.printRange() == QPrinter.PrintRange.CurrentPage:
            return [self.current_page()]
        ranges = printer.pageRanges()
        if printer.printRange() != QPrinter.PrintRange.PageRange or ranges.isEmpty():
            return list(range(self.page_count))
        return [i for i in range(self.page_count) if ranges.contains(i + 1)]

    def print_to(self, printer: QPrinter) -> int:
        """Paint the chosen pages onto `printer`; returns the number of pages sent."""
        indexes = self.pages_to_print(printer)
        if not indexes:
            return 0
        printer.setFullPage(True)  # the PDF carries its own margins
        printer.setPageOrientation(_orientation(self.pages.size(indexes[0])))
        progress = QProgressDialog("正在打印…", "取消", 0, len(indexes), self)
        progress.setWindowTitle("打印")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(self, "打印", "无法开始打印，请检查打印机是否可用。")
            return 0
        sent = 0
        try:
            for index in indexes:
                if progress.wasCanceled():
                    printer.abort()
                    break
                if sent:
                    printer.setPageOrientation(_orientation(self.pages.size(index)))
                    printer.newPage()
                self._paint_page(painter, printer, index)
                sent += 1
                progress.setValue(sent)
                QApplication.processEvents()
        finally:
            painter.end()
            progress.close()
        return sent

    def _paint_page(self, painter: QPainter, printer: QPrinter, index: int) -> None:
        dpi = min(printer.resolution(), PRINT_DPI_LIMIT)
        image = self.pages.render(index, dpi / 72)
        paper = printer.pageLayout().fullRectPixels(printer.resolution())
        size = QSizeF(image.size()).scaled(paper.size(), Qt.AspectRatioMode.KeepAspectRatio)
        corner = QPointF(paper.width() - size.width(), paper.height() - size.height()) / 2
        painter.drawImage(QRectF(corner, size), image)  # the engine scales, no huge copy

    def save_copy(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "另存为 PDF", str(documents_folder() / f"{self.title}.pdf"), "PDF 文件 (*.pdf)"
        )
        if not path:
            return
        target = Path(path) if path.lower().endswith(".pdf") else Path(f"{path}.pdf")
        try:
            with replacing(target) as part:
                shutil.copyfile(self.pdf_path, part)
        except OSError as exc:
            show_error(self, UserError(f"无法保存到“{target}”：{exc.strerror or exc}"))

    def save_word_copy(self) -> None:
        if self.save_word is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, "另存为 Word", str(documents_folder() / f"{self.title}.docx"), WORD_FILTER
        )
        if path:
            target = Path(path) if path.lower().endswith(".docx") else Path(f"{path}.docx")
            self.save_word(target, self)

    def done(self, result: int) -> None:
        self.pages.close()
        super().done(result)


WritePdf = Callable[[Session, Path, Progress], int]
WriteDocx = Callable[[Session, Path], None]
WORD_FILTER = "Word 文档 (*.docx)"


@functools.cache
def _scratch() -> tempfile.TemporaryDirectory:
    return tempfile.TemporaryDirectory(prefix="normdesk-print-", ignore_cleanup_errors=True)


def scratch_pdf() -> Path:
    """A new file name in the scratch folder (removed with the folder when the program ends)."""
    return Path(_scratch().name) / f"{uuid.uuid4().hex}.pdf"


def write_word(
    ctx: AppContext,
    write: WriteDocx,
    target: Path,
    parent: QWidget,
    on_done: Callable[[object], object] | None = None,
) -> None:
    """Write a Word copy to `target` off the GUI thread (the renderer replaces the file whole or
    leaves it alone); a folder that refuses it is said in Chinese."""

    def work(s: Session, _progress: Progress) -> None:
        try:
            write(s, target)
        except OSError as exc:
            reason = failures.explain(exc) or f"无法写入“{target}”：{exc.strerror or exc}。"
            raise UserError(f"另存为 Word 未完成：{reason}") from exc

    ctx.runner.run(work, on_done=on_done, parent=parent, progress="正在生成 Word 文档…")


def preview_generated(
    ctx: AppContext,
    title: str,
    write: WritePdf,
    parent: QWidget,
    word: WriteDocx | None = None,
) -> None:
    """Generate a PDF off the GUI thread (progress, cancel), then open it in the preview; a
    letter passes `word`, the writer of its editable copy, for 另存为 Word…."""
    target = scratch_pdf()

    def opened(_pages: int) -> None:
        save_word: SaveWord | None = None
        if word is not None:
            save_word = functools.partial(write_word, ctx, word)
        preview = PdfPreview(target, title, parent, save_word)
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.open()

    ctx.runner.run(
        lambda s, progress: write(s, target, progress),
        on_done=opened,
        parent=parent,
        progress=f"正在生成{title}…",
    )
