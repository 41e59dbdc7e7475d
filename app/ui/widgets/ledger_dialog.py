"""Saving a workbook and the year-chosen ledgers (台账): one dialog for every 台账 printed by year."""

from __future__ import annotations

from collections.abc import Callable, Iterable
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

from app.errors import UserError
from app.ui.context import AppContext
from app.ui.operations import Progress
from app.ui.widgets.pdf_preview import documents_folder, preview_generated

WriteBook = Callable[[Session, Path, Progress], int]
YearWriter = Callable[[Session, Path, int | None, Progress], int]


def export_workbook(ctx: AppContext, name: str, write: WriteBook, parent: QWidget) -> None:
    """Ask where to save `name`.xlsx, then write it off the GUI thread and say how many rows."""
    path, _ = QFileDialog.getSaveFileName(
        parent, "导出 Excel", str(documents_folder() / f"{name}.xlsx"), "Excel 工作簿 (*.xlsx)"
    )
    if not path:
        return
    target = Path(path) if path.lower().endswith(".xlsx") else Path(f"{path}.xlsx")

    def work(s: Session, progress: Progress) -> int:
        try:
            return write(s, target, progress)
        except OSError as exc:
            raise UserError(f"无法写入“{target}”：{exc.strerror or exc}") from exc

    ctx.runner.run(
        work,
        on_done=lambda rows: QMessageBox.information(parent, "导出 Excel", f"已导出 {rows} 行。"),
        parent=parent,
        progress="正在导出 Excel…",
    )


class YearLedgerDialog(QDialog):
    """A 台账: choose the year (or all), then preview it or export it to Excel."""

    def __init__(
        self,
        ctx: AppContext,
        heading: str,
        year_label: str,
        years: Iterable[int],
        year: int | None,
        pdf: YearWriter,
        xlsx: YearWriter,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.database, self.heading, self.pdf, self.xlsx = ctx.database, heading, pdf, xlsx
        self.setWindowTitle(heading)
        self.year = QComboBox()
        self.year.addItem("全部年度", None)
        for y in sorted(set(years), reverse=True):
            self.year.addItem(f"{y} 年", y)
        self.year.setCurrentIndex(max(self.year.findData(year), 0))
        form = QFormLayout()
        form.addRow(year_label, self.year)
        buttons = QDialogButtonBox()
        self.preview_button = buttons.addButton("预览…", QDialogButtonBox.ButtonRole.ActionRole)
        self.preview_button.setDefault(True)
        self.preview_button.clicked.connect(self.preview)
        export = buttons.addButton("导出 Excel…", QDialogButtonBox.ButtonRole.ActionRole)
        export.clicked.connect(self.export)
        buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(360)

    def title(self) -> str:
        year = self.year.currentData()
        return f"{year}年度{self.heading}" if year else self.heading

    def preview(self) -> None:
        year = self.year.currentData()
        preview_generated(
            self.ctx, self.title(), lambda s, target, p: self.pdf(s, target, year, p), self
        )

    def export(self) -> None:
        year = self.year.currentData()
        export_workbook(
            self.ctx, self.title(), lambda s, target, p: self.xlsx(s, target, year, p), self
        )
