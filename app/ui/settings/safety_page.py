"""设置—数据安全: the voided and skipped registration numbers (`normdesk number gaps`), and the
full integrity check with its report (`normdesk check`), run in the background."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.errors import UserError
from app.reports import number_gaps as gaps_workbook
from app.services import integrity, number_gaps
from app.services.integrity import FullReport
from app.services.number_gaps import GapRow
from app.ui.changes import Change
from app.ui.context import AppContext
from app.ui.crash import show_error
from app.ui.operations import Progress, Reload
from app.ui.widgets.ledger_dialog import export_workbook
from app.ui.widgets.list_model import Column, RowsModel, push_button, rows_table
from app.ui.widgets.pdf_preview import documents_folder
from app.ui.widgets.style import ERROR_STYLE, OK_STYLE

GAP_COLUMNS = (
    Column("登记编号", lambda r: r.number, 190),
    Column("类型", lambda r: r.kind_label, 60, centered=True),
    Column("作废日期", lambda r: r.day, 100, centered=True),
    Column("作废人", lambda r: r.by, 100),
    Column("原因", lambda r: r.reason),
)
GAP_CHANGES = frozenset(
    {Change.DOCUMENTS, Change.ISSUERS, Change.USERS}
)  # a number voided or given by hand
NOT_YET = "尚未检查。完整性检查核对数据库文件、审计日志的哈希链、每条记录的封存和每个附件的文件。"


class SafetyPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.database = ctx.database
        self.runner = ctx.runner
        self.checked: FullReport | None = None

        self.gaps = RowsModel(GAP_COLUMNS)
        self.gap_table = rows_table(self.gaps)
        self.gap_count = QLabel()
        self.export_button = push_button(
            "导出 Excel…", self.export_gaps, "把作废和跳过的登记编号导出为 Excel 工作簿"
        )
        gap_buttons = QHBoxLayout()
        gap_buttons.addWidget(self.gap_count, 1)
        gap_buttons.addWidget(self.export_button)
        gap_box = QGroupBox("作废和跳过的登记编号（最新的在前）")
        gap_layout = QVBoxLayout(gap_box)
        gap_layout.addWidget(self.gap_table, 1)
        gap_layout.addLayout(gap_buttons)

        self.verdict = QLabel(NOT_YET)
        self.verdict.setWordWrap(True)
        self.report = QPlainTextEdit()
        self.report.setTabChangesFocus(True)  # Tab moves on, as in every field
        self.report.setReadOnly(True)
        self.report.setPlaceholderText("检查完成后，这里逐项列出检查内容和发现的问题。")
        self.check_button = push_button(
            "完整性检查",
            self.run_check,
            "逐项核对数据库、审计日志、记录封存和附件（只读取，不修改）",
        )
        self.save_button = push_button("保存报告…", self.save_report, "把检查报告保存为文本文件")
        self.save_button.setEnabled(False)
        check_buttons = QHBoxLayout()
        check_buttons.addWidget(self.verdict, 1)
        check_buttons.addWidget(self.check_button)
        check_buttons.addWidget(self.save_button)
        check_box = QGroupBox("完整性检查")
        check_layout = QVBoxLayout(check_box)
        check_layout.addLayout(check_buttons)
        check_layout.addWidget(self.report, 1)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(gap_box)
        splitter.addWidget(check_box)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.reload = Reload(self, self.runner, lambda: _load_gaps, self._show_gaps)
        self.runner.data_changed.connect(self.on_data_changed)

    # --- voided and skipped numbers ---------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self.reload()

    def on_data_changed(self, kinds: set[str]) -> None:
        if kinds & GAP_CHANGES:
            if self.isVisible():
                self.reload()
            else:
                self.reload.stale = True

    def _show_gaps(self, rows: list[GapRow]) -> None:
        self.gaps.set_rows(rows)
        voided = sum(1 for r in rows if r.kind == number_gaps.GapKind.VOIDED)
        self.gap_count.setText(
            f"作废 {voided} 个，跳号 {len(rows) - voided} 个。"
            if rows
            else "没有作废或跳过的登记编号。"
        )
        self.export_button.setEnabled(bool(rows))

    def export_gaps(self) -> None:
        export_workbook(self.ctx, "作废和跳过的登记编号", gaps_workbook.xlsx, self)

    # --- the full check ---------------------------------------------------------------------
    def run_check(self) -> None:
        url = self.database.url
        self.check_button.setEnabled(False)
        self.verdict.setStyleSheet("")
        self.verdict.setText("正在检查…")

        def work(s: Session, progress: Progress) -> FullReport:
            return integrity.full_report(s, url, progress)

        self.runner.run(
            work,
            on_done=self._checked,
            on_error=self._not_checked,
            parent=self,
            progress="完整性检查",
        )

    def _checked(self, report: FullReport) -> None:
        self.check_button.setEnabled(True)
        self.checked = report
        self.report.setPlainText("\n".join(integrity.report_lines(report)))
        if report.ok:
            self.verdict.setText(f"✔ {integrity.OK_VERDICT}")
            self.verdict.setStyleSheet(f"{OK_STYLE} font-weight: bold;")
        else:
            self.verdict.setText(f"✘ 发现 {len(report.problems)} 个问题，详见下方报告。")
            self.verdict.setStyleSheet(ERROR_STYLE)
        self.save_button.setEnabled(True)

    def _not_checked(self, exc: BaseException) -> None:
        self.check_button.setEnabled(True)
        self.verdict.setText("检查没有完成。")
        show_error(self, exc)

    def save_report(self) -> None:
        report = self.checked
        if report is None:
            return
        name = f"完整性检查报告-{report.at:%Y%m%d-%H%M}.txt"
        path, _ = QFileDialog.getSaveFileName(
            self, "保存报告", str(documents_folder() / name), "文本文件 (*.txt)"
        )
        if not path:
            return
        target = Path(path) if path.lower().endswith(".txt") else Path(f"{path}.txt")
        try:
            integrity.write_report(report, target)
        except OSError as exc:
            show_error(self, UserError(f"无法写入“{target}”：{exc.strerror or exc}"))


def _load_gaps(s: Session, _progress: Progress) -> list[GapRow]:
    return number_gaps.listed(s)
