"""打印登记簿和目录: choose a register or catalog and its filters, then preview/print or export it.
The 年度目录 and 现行有效目录 also come in their 公布版 (the form published on the government
website), which can be saved as Word too.

The PDF is generated off the GUI thread and opened in the in-program preview
(widgets.pdf_preview); the record card of one document goes the same way. 发布目录… writes the
whole publication folder for the website (app/reports/website.py) the same way.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
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
from app.services.catalogs import KINDS, PUBLISHABLE, CatalogFilter
from app.services.lifecycle import DRAFTING, STATUS_LABELS
from app.services.publication import PublishResult
from app.ui.context import AppContext
from app.ui.lazy_reports import catalog_output, published_catalog, record_card, website
from app.ui.operations import Progress
from app.ui.widgets import state
from app.ui.widgets.pdf_preview import (
    WORD_FILTER,
    documents_folder,
    preview_generated,
    write_word,
)

FIRST_YEAR = 1990  # the earliest year offered, as in the register's year filter


def preview_record_card(ctx: AppContext, doc_id: int, parent: QWidget) -> None:
    """文件登记表 of one document, in the preview."""
    preview_generated(
        ctx,
        "规范性文件登记表",
        lambda s, target, _progress: record_card.pdf(s, doc_id, target, clock.today()),
        parent,
    )


PUBLISH = "发布目录"


def publish_folder(ctx: AppContext, parent: QWidget) -> None:
    """发布目录…: ask for the folder, write the publication into it in the background, say how
    many documents it holds and offer to open it."""
    start = state.last_publication_folder() or str(documents_folder())
    chosen = QFileDialog.getExistingDirectory(
        parent, "选择发布目录（空文件夹，或以前生成的发布目录）", start
    )
    if not chosen:
        return
    folder = Path(chosen)

    def work(s: Session, progress: Progress) -> PublishResult:
        return website.publish(s, folder, clock.today(), progress)

    def done(result: PublishResult) -> None:
        state.remember_publication_folder(str(result.folder))
        lines = [f"已发布 {result.documents} 件文件到“{result.folder}”。"]
        if result.without_text:
            lines.append(f"其中 {result.without_text} 件正文未录入，页面上只有文件信息。")
        lines += [f"注意：{warning}" for warning in result.warnings]
        lines.append("\n是否打开该文件夹？")
        answer = QMessageBox.question(parent, PUBLISH, "\n".join(lines))
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.folder)))

    ctx.runner.run(work, on_done=done, parent=parent, progress="正在生成发布目录…")


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

        self.layout_choice = QComboBox()
        self.layout_choice.addItem("登记版（含页眉、打印日期）", False)
        self.layout_choice.addItem("公布版（政府网站公开用）", True)
        self.layout_choice.setToolTip(
            "公布版只列序号、文件名称、发文字号、公布日期、有效期至，纵向 A4，无页眉和打印日期"
        )

        self.form = QFormLayout()
        self.form.addRow("打印内容：", self.kind)
        self.form.addRow("版式：", self.layout_choice)
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
        self.word_button = buttons.addButton("另存为 Word…", QDialogButtonBox.ButtonRole.ActionRole)
        self.word_button.clicked.connect(self.save_word)
        buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addSpacing(8)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.layout_choice.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.setMinimumWidth(420)

    def _kind_changed(self) -> None:
        self.form.setRowVisible(self.status, self.kind_key() == "register")
        self.form.setRowVisible(self.layout_choice, self.kind_key() in PUBLISHABLE)
        self.word_button.setVisible(self.public())

    def public(self) -> bool:
        """The 公布版 of a catalog that has one is chosen."""
        return self.kind_key() in PUBLISHABLE and bool(self.layout_choice.currentData())

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
        writer = published_catalog.pdf if self.public() else catalog_output.write_pdf
        preview_generated(
            self.ctx,
            self.title(),
            lambda s, target, progress: writer(s, kind, f, target, progress),
            self,
        )

    def _save_path(self, caption: str, suffix: str, kinds: str) -> Path | None:
        name = f"{self.title()}（公布版）" if self.public() else self.title()
        path, _ = QFileDialog.getSaveFileName(
            self, caption, str(documents_folder() / f"{name}{suffix}"), kinds
        )
        if not path:
            return None
        return Path(path) if path.lower().endswith(suffix) else Path(f"{path}{suffix}")

    def export(self) -> None:
        if not self._ready():
            return
        target = self._save_path("导出 Excel", ".xlsx", "Excel 工作簿 (*.xlsx)")
        if target is None:
            return
        kind, f = self.kind_key(), self.catalog_filter()
        writer = published_catalog.xlsx if self.public() else catalog_output.write_xlsx

        def work(s: Session, progress: Progress) -> int:
            try:
                return writer(s, kind, f, target, progress)
            except OSError as exc:
                raise UserError(f"无法写入“{target}”：{exc.strerror or exc}") from exc

        self.ctx.runner.run(
            work,
            on_done=lambda rows: QMessageBox.information(self, "导出 Excel", f"已导出 {rows} 行。"),
            parent=self,
            progress="正在导出 Excel…",
        )

    def save_word(self) -> None:
        """The 公布版 as an editable .docx, for the website or WPS."""
        if not self.public() or not self._ready():
            return
        target = self._save_path("另存为 Word", ".docx", WORD_FILTER)
        if target is None:
            return
        kind, f = self.kind_key(), self.catalog_filter()
        write_word(
            self.ctx,
            lambda s, path: published_catalog.docx(s, kind, f, path),
            target,
            self,
            on_done=lambda _: QMessageBox.information(self, "另存为 Word", f"已保存 {target}。"),
        )
