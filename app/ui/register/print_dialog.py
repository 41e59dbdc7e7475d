"""打印登记簿和目录: choose a register or catalog and its filters, then preview/print or export it.

The PDF is generated off the GUI thread and opened in the in-program preview
(widgets.pdf_preview); the record card of one document goes the same way.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app import clock
from app.errors import UserError
from app.services import issuers
from app.services.catalogs import KINDS, CatalogFilter
from app.services.lifecycle import DRAFTING, STATUS_LABELS
from app.ui.context import AppContext
from app.ui.lazy_reports import catalog_output, record_card
from app.ui.operations import Progress
from app.ui.widgets.pdf_preview import documents_folder, preview_generated

FIRST_YEAR = 1990  # the earliest year offered, as in the register's year filter


def preview_record_card(ctx: AppContext, doc_id: int, parent: QWidget) -> None:
    """文件登记表 of one document, in the preview."""
    preview_generated(
        ctx,
        "规范性文件登记表",
        lambda s, target, _progress: record_card.pdf(s, doc_id, target, clock.today()),
        parent,
    )


class PrintDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.database = ctx.database
        self.setWindowTitle("打印登记簿和目录")
        self.kind = QComboBox()
        for key, kind in KINDS.items():
            self.kind.addItem(kind.title, key)
        self.year = QComboBox()
        self.year.addItem("全部", None)
        for year in range(clock.today().year, FIRST_YEAR - 1, -1):
            self.year.addItem(f"{year} 年", year)
        self.issuer = QComboBox()
        self.issuer.addItem("全部", None)
        with ctx.database.reading() as s:
            for issuer in issuers.list_issuers(s):
                self.issuer.addItem(issuers.shown_name(s, issuer), issuer.code)
        self.status = QComboBox()
        self.status.addItem("全部", None)
        for code, label in STATUS_LABELS.items():
            if code in DRAFTING:
                continue
            self.status.addItem(label, code)

        self.form = QFormLayout()
        self.form.addRow("打印内容：", self.kind)
        self.form.addRow("年份：", self.year)
        self.form.addRow("制定机关：", self.issuer)
        self.form.addRow("状态：", self.status)
        buttons = QDialogButtonBox()
        self.preview_button = buttons.addButton("预览…", QDialogButtonBox.ButtonRole.ActionRole)
        self.preview_button.setDefault(True)
        self.preview_button.clicked.connect(self.preview)
        self.export_button = buttons.addButton(
            "导出 Excel…", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.export_button.clicked.connect(self.export)
        buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addSpacing(8)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.setMinimumWidth(420)

    def _kind_changed(self) -> None:
        self.form.setRowVisible(self.status, self.kind_key() == "register")

    def kind_key(self) -> str:
        return self.kind.currentData()

    def title(self) -> str:
        return KINDS[self.kind_key()].title

    def catalog_filter(self) -> CatalogFilter:
        status = self.status.currentData() if self.kind_key() == "register" else None
        return CatalogFilter(self.year.currentData(), self.issuer.currentData(), status)

    def _ready(self) -> bool:
        """Say what is missing before any work starts (the services check it again)."""
        if self.kind_key() == "annual" and self.year.currentData() is None:
            QMessageBox.warning(self, "打印", "年度目录必须选择年份。")
            self.year.setFocus()
            return False
        return True

    # --- actions --------------------------------------------------------------------------
    def preview(self) -> None:
        if not self._ready():
            return
        kind, f = self.kind_key(), self.catalog_filter()
        preview_generated(
            self.ctx,
            self.title(),
            lambda s, target, progress: catalog_output.write_pdf(s, kind, f, target, progress),
            self,
        )

    def export(self) -> None:
        if not self._ready():
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            "导出 Excel",
            str(documents_folder() / f"{self.title()}.xlsx"),
            "Excel 工作簿 (*.xlsx)",
        )
        if not path:
            return
        target = Path(path) if path.lower().endswith(".xlsx") else Path(f"{path}.xlsx")
        kind, f = self.kind_key(), self.catalog_filter()

        def work(s: Session, progress: Progress) -> int:
            try:
                return catalog_output.write_xlsx(s, kind, f, target, progress)
            except OSError as exc:
                raise UserError(f"无法写入“{target}”：{exc.strerror or exc}") from exc

        self.ctx.runner.run(
            work,
            on_done=lambda rows: QMessageBox.information(self, "导出 Excel", f"已导出 {rows} 行。"),
            parent=self,
            progress="正在导出 Excel…",
        )
