"""有效期与清理: the section's tabs, 有效期届满, 清理 and 上位法; a cleanup batch opens over it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget, QWidget

from app.ui.cleanup.batch_dialog import BatchDialog
from app.ui.cleanup.page import CleanupPage
from app.ui.context import AppContext
from app.ui.validity.expiry_page import ExpiryPage
from app.ui.validity.laws_page import LawsPage


class ValidityView(QTabWidget):
    """有效期与清理: three tabs; the window of a cleanup batch opens over the page."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.database = ctx.database
        self.batch: BatchDialog | None = None  # the batch window last opened (tests drive it)
        self.expiry = ExpiryPage(ctx)
        self.cleanup = CleanupPage(ctx)
        self.addTab(self.expiry, "有效期届满")
        self.laws = LawsPage(ctx)
        self.addTab(self.cleanup, "清理")
        self.addTab(self.laws, "上位法")
        self.cleanup.open_requested.connect(self.open_batch)
        self.laws.open_batch.connect(self.open_batch)

    def select_document(self, doc_id: int) -> None:
        self.setCurrentWidget(self.expiry)
        self.expiry.select_document(doc_id)

    def show_cleanup(self) -> None:
        self.setCurrentWidget(self.cleanup)
        self.cleanup.open_running_batch()

    def show_laws(self) -> None:
        self.setCurrentWidget(self.laws)

    def open_batch(self, batch_id: int) -> None:
        self.batch = BatchDialog(self.ctx, batch_id, self)
        self.batch.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.batch.open()
