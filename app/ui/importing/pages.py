"""The pages of the ledger import wizard, except the column mapping (mapping_page.py).

Each page only collects choices and shows what app.services.importing answers. Work that reads a
workbook or the database runs through the operation runner when the user presses 下一步 or 导入;
the wizard moves on only once it has succeeded, and a refusal is shown on the page.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)
from sqlalchemy.orm import Session

from app.errors import UserError
from app.services import importing
from app.services.importing import Mapping, Report, Sheet
from app.ui.changes import Change
from app.ui.context import AppContext
from app.ui.crash import show_error
from app.ui.operations import Progress, Work
from app.ui.widgets.pdf_preview import documents_folder
from app.ui.widgets.style import ERROR_STYLE

if TYPE_CHECKING:
    from app.ui.operations import _Job

IMPORT_CHANGES = frozenset({Change.DOCUMENTS, Change.FILINGS})
CANCELLED = "已取消，没有写入任何数据。"
PROBLEM_HEADERS = ("行号", "列", "内容", "问题")
T = TypeVar("T")


@dataclass
class ImportState:
    """What the pages have settled so far, shared by all of them."""

    path: Path | None = None
    sheet: Sheet | None = None
    mapping: Mapping | None = None
    default_issuer: str | None = None  # issuer code
    report: Report | None = None


def settled(value: T | None, what: str) -> T:
    """A choice an earlier page settled: the wizard shows a page only after those before it."""
    if value is None:
        raise RuntimeError(f"the import wizard reached this page without {what}")
    return value


class ImportPage(QWizardPage):
    """A page whose 下一步 (or 导入) may first run work through the operation runner."""

    def __init__(self, ctx: AppContext, state: ImportState, title: str) -> None:
        super().__init__()
        self.ctx = ctx
        self.setTitle(title)
        self.database, self.state = ctx.database, state
        self.runner = ctx.runner
        self.job: _Job | None = None  # the runner's job while this page's work runs
        self._passed = False
        self._ended = threading.Event()  # set when the job's work has returned or raised
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.runner.finished.connect(self._settled)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        return self.job is None and self.ready()

    def ready(self) -> bool:
        return True

    def validatePage(self) -> bool:  # noqa: N802 (Qt override)
        if self._passed:
            self._passed = False
            return True
        self.show_error("")
        return self.begin()

    def begin(self) -> bool:
        """Start the work that must succeed before moving on and return False (advance() moves
        on later), or return True to move on at once."""
        return True

    def advance(self) -> None:
        wizard = self.wizard()
        if wizard is None or wizard.currentPage() is not self:
            return  # the user went back meanwhile
        self._passed = True
        if self.nextId() == -1:
            wizard.accept()
        else:
            wizard.next()

    def launch(self, work: Work, done: Callable[[Any], None], **options: Any) -> None:
        ended = self._ended = threading.Event()

        def tracked(s: Any, progress: Progress) -> Any:
            try:
                return work(s, progress)
            finally:
                ended.set()

        def succeeded(result: Any) -> None:
            self._finish()
            done(result)

        self.job = self.runner.run(
            tracked, on_done=succeeded, on_error=self._failed, parent=self, **options
        )
        self.completeChanged.emit()

    def _finish(self) -> None:
        self.job = None
        self.completeChanged.emit()

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        if isinstance(exc, UserError):
            self.show_error(exc.message)
        else:
            show_error(self, exc)

    def _settled(self) -> None:
        # A cancelled job calls neither on_done nor on_error: the runner only says it finished.
        if self.job is not None and self._ended.is_set():
            self._finish()
            self.show_error(CANCELLED)


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class FilePage(ImportPage):
    """选择文件: the workbook and the sheet holding the ledger."""

    def __init__(self, ctx: AppContext, state: ImportState) -> None:
        super().__init__(ctx, state, "选择台账文件")
        self.setSubTitle("从单位现有的规范性文件台账（Excel 工作簿 .xlsx）导入已公布的文件。")
        self.path = QLineEdit()
        self.path.setReadOnly(True)
        self.path.setPlaceholderText("尚未选择文件")
        self.browse = QPushButton("选择文件…")
        self.browse.clicked.connect(self.choose_file)
        self.sheet = QComboBox()
        self.sheet.setMinimumContentsLength(16)
        self.hint = _note(
            "请选择台账所在的工作表。下一步将识别表头行和各列对应的字段，可以逐列修改；"
            "导入前会逐行检查，只有检查通过的行才会导入。"
        )
        self.hint.hide()
        picker = QHBoxLayout()
        picker.addWidget(self.path, 1)
        picker.addWidget(self.browse)
        form = QFormLayout()
        form.addRow("台账文件：", picker)
        form.addRow("工作表：", self.sheet)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def ready(self) -> bool:
        return self.sheet.count() > 0

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "选择台账文件", str(documents_folder()), "Excel 工作簿 (*.xlsx)"
        )
        if path:
            self.open_file(Path(path))

    def open_file(self, path: Path) -> None:
        self.sheet.clear()
        self.hint.hide()
        self.path.setText(str(path))
        self.show_error("")
        self.launch(
            lambda _s, _progress: importing.sheet_names(path),
            lambda names: self._opened(path, names),
            use_session=False,
            progress="正在打开台账…",
        )

    def _opened(self, path: Path, names: list[str]) -> None:
        self.state.path = path
        self.sheet.addItems(names)
        self.hint.show()
        self.completeChanged.emit()

    def begin(self) -> bool:
        path, name = settled(self.state.path, "a file"), self.sheet.currentText()
        self.launch(
            lambda _s, _progress: importing.read_sheet(path, name),
            self._read,
            use_session=False,
            progress="正在读取工作表…",
        )
        return False

    def _read(self, sheet: Sheet) -> None:
        self.state.sheet = sheet
        self.advance()


class CheckPage(ImportPage):
    """检查: what the dry run found, row by row, and the ledger back with a 检查结果 column."""

    def __init__(self, ctx: AppContext, state: ImportState) -> None:
        super().__init__(ctx, state, "检查结果")
        self.setSubTitle(
            "已按列对应逐行检查（未写入任何数据）。有问题的行不会导入，可导出后修改台账。"
        )
        self.summary = QLabel()
        self.summary.setStyleSheet("font-weight: bold;")
        self.problems = QTableWidget(0, len(PROBLEM_HEADERS))
        self.problems.setTabKeyNavigation(False)  # Tab leaves the list; arrows move in it
        self.problems.setHorizontalHeaderLabels(PROBLEM_HEADERS)
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problems.setWordWrap(False)
        self.problems.setAlternatingRowColors(True)
        self.problems.verticalHeader().setDefaultSectionSize(24)
        self.problems.verticalHeader().hide()
        header = self.problems.horizontalHeader()
        for column, width in enumerate((56, 90, 220)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.export_button = QPushButton("导出检查结果…")
        self.export_button.clicked.connect(self.export)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.error)

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        report = settled(self.state.report, "a check")
        self.summary.setText(report.summary())
        self.show_error("" if report.accepted else "没有可导入的行：请修改台账或列对应后重新检查。")
        listed = sorted(report.problems + report.skipped, key=lambda p: p.row)
        self.problems.setRowCount(len(listed))
        for row, p in enumerate(listed):
            for column, text in enumerate((str(p.row), p.column, p.value, p.message)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.problems.setItem(row, column, item)

    def ready(self) -> bool:
        return bool(self.state.report and self.state.report.accepted)

    def export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            "导出检查结果",
            str(documents_folder() / "台账导入检查结果.xlsx"),
            "Excel 工作簿 (*.xlsx)",
        )
        if not path:
            return
        target = Path(path) if path.lower().endswith(".xlsx") else Path(f"{path}.xlsx")
        sheet = settled(self.state.sheet, "a sheet")
        mapping = settled(self.state.mapping, "a mapping")
        report = settled(self.state.report, "a check")

        def work(_s: None, _progress: object) -> None:
            importing.write_report(sheet, mapping, report, target)  # whole or not at all

        def exported(_none: None) -> None:
            QMessageBox.information(self, "导出检查结果", f"已导出到“{target}”。")

        self.launch(
            work,
            exported,
            use_session=False,
            progress="正在导出检查结果…",
        )


class ConfirmPage(ImportPage):
    """导入: say what will happen, then import every accepted row in one transaction."""

    def __init__(self, ctx: AppContext, state: ImportState) -> None:
        super().__init__(ctx, state, "确认导入")
        self.setSubTitle("确认后开始导入，导入的文件将出现在文件登记簿中。")
        self.text = _note("")
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        report = settled(self.state.report, "a check")
        skipped = f"已在登记簿中的 {len(report.skipped)} 行跳过。" if report.skipped else ""
        self.text.setText(
            f"将导入 {len(report.accepted)} 行；有问题的 {len(report.rejected_rows)} 行不会导入。"
            f"{skipped}{report.filing_note()}导入在一个事务中完成，取消或出错时不会写入任何数据。"
        )

    def begin(self) -> bool:
        state, actor = self.state, self.ctx.actor()
        sheet, mapping = settled(state.sheet, "a sheet"), settled(state.mapping, "a mapping")

        def work(s: Session, progress: Progress) -> Report:
            return importing.run_import(
                s, actor, sheet, mapping, False, state.default_issuer, progress
            )

        self.launch(
            work, self._imported, write=True, changes=IMPORT_CHANGES, progress="正在导入台账…"
        )
        return False

    def _imported(self, report: Report) -> None:
        self.state.report = report
        QMessageBox.information(self, "导入台账", f"已导入 {report.imported} 件文件。")
        self.advance()
