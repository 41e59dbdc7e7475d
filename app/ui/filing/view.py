"""备案: each published document of a year with each body it goes to, the filing actions, the
printed report and register form, the ledger and the year's assessment figures."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.services import documents, filing, statistics
from app.services.statistics import Figure
from app.ui.changes import Change
from app.ui.context import AppContext
from app.ui.filing.dialogs import (
    FIRST_YEAR,
    CorrectedDialog,
    FiledDialog,
    ResultDialog,
    filing_ledger_dialog,
    preview_filing_form,
    preview_filing_report,
)
from app.ui.filing.objection_dialogs import RegisterObjectionDialog
from app.ui.filing.table_model import (
    HISTORY_COLUMNS,
    FilingHistoryModel,
    FilingLine,
    FilingListing,
    FilingTableModel,
    history_heading,
    read_page,
)
from app.ui.operations import Reload, Work
from app.ui.widgets.list_model import list_table, push_button, rows_table, warning_banner

REFRESH_KINDS = frozenset(
    {Change.DOCUMENTS, Change.FILINGS, Change.CALENDAR, Change.SETTINGS, Change.ISSUERS}
)
FIGURE_STYLE = "QFrame#figures { background: #f4f6fa; border: 1px solid #d5dbe5; }"


class FigureStrip(QFrame):
    """报备率 a/b = x% … for the year shown; each figure's definition in its tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figures")
        self.setStyleSheet(FIGURE_STYLE)
        lines = QVBoxLayout(self)
        lines.setContentsMargins(8, 4, 8, 4)
        lines.setSpacing(2)
        self.row = QHBoxLayout()
        self.row.setSpacing(24)
        self.heading = QLabel()
        self.row.addWidget(self.heading)
        self.row.addStretch(1)
        self.note = QLabel()  # what the figures leave out (备案情况未录入), on a line below them
        self.note.setObjectName("figureNote")
        self.note.setStyleSheet("color: #6b4500;")
        self.note.setWordWrap(True)
        self.note.hide()
        lines.addLayout(self.row)
        lines.addWidget(self.note)
        self.labels: dict[str, QLabel] = {}

    def show_figures(self, year: int, figures: list[Figure]) -> None:
        self.heading.setText(f"{year}年公布文件：")
        for figure in figures:
            label = self.labels.get(figure.name)
            if label is None:
                label = self.labels[figure.name] = QLabel()
                self.row.insertWidget(self.row.count() - 1, label)
            shown = f"{figure.numerator}/{figure.denominator} = {figure.shown()}"
            mark = "※" if figure.note else ""
            label.setText(f"{figure.name}{mark} <b>{shown if figure.denominator else '无'}</b>")
            label.setToolTip(
                f"{figure.name}：{figure.definition}（按公布日期统计 {year} 年）"
                + (f"\n{figure.note}" if figure.note else "")
            )
        self.note.setText("；".join(f"※{line}" for line in statistics.notes(figures)))
        self.note.setVisible(bool(self.note.text()))


class FilingView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.database = ctx.database
        self.runner = ctx.runner
        self.model = FilingTableModel(self)
        self.dialog: QDialog | None = None  # the dialog last opened (tests drive it)
        self.reload = Reload(self, self.runner, self._work, self._loaded)
        self._wanted: tuple[int, int | None] | None = None  # (document, filing) to select

        self.buttons = {
            "file": push_button("报送备案…", self.file, "登记报送备案的日期和材料"),
            "result": push_button("登记结果…", self.record_result, "登记备案机关的审查结果"),
            "corrected": push_button("补正完成…", self.record_corrected),
            "objection": push_button(
                "登记审查建议…",
                self.register_objection,
                "登记公民、法人或其他组织对该文件提出的审查建议",
            ),
            "report": push_button("打印备案报告…", self.print_report, "可多选同一备案机关的文件"),
            "form": push_button("打印备案登记表…", self.print_form, "可多选"),
        }
        self.ledger_button = push_button("备案台账…", self.open_ledger)
        top = QHBoxLayout()
        for key in ("file", "result", "corrected", "objection", "report", "form"):
            top.addWidget(self.buttons[key])
        top.addStretch(1)
        top.addWidget(self.ledger_button)

        self.year = QComboBox()
        for year in range(clock.today().year, FIRST_YEAR - 1, -1):
            self.year.addItem(f"{year} 年", year)
        self.pending = QCheckBox("只看未报送")
        self.pending.setToolTip("列出本年度未报送的，以及其他年度逾期未报送的，期限早的在前")
        self.count = QLabel()
        filters = QHBoxLayout()
        filters.addWidget(QLabel("公布年度："))
        filters.addWidget(self.year)
        filters.addWidget(self.pending)
        filters.addStretch(1)
        filters.addWidget(self.count)
        self.year.currentIndexChanged.connect(self.refresh)
        self.pending.toggled.connect(self.refresh)

        self.figures = FigureStrip()
        self.banner = warning_banner()
        self.table = self._table()
        self.history_model = FilingHistoryModel(self)
        self.history_heading = QLabel(history_heading(None))
        self.history_heading.setWordWrap(True)
        self.history = list_table(self.history_model, [w for _label, w in HISTORY_COLUMNS])
        history = QWidget()
        below = QVBoxLayout(history)
        below.setContentsMargins(0, 4, 0, 0)
        below.addWidget(self.history_heading)
        below.addWidget(self.history, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(history)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.figures)
        layout.addWidget(self.banner)
        layout.addWidget(split, 1)
        self.runner.data_changed.connect(self.on_data_changed)
        self.refresh()

    def _table(self) -> QTableView:
        table = rows_table(self.model, multi=True)
        table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        return table

    # --- data -----------------------------------------------------------------------------
    def refresh(self) -> None:
        self.reload()

    def _work(self) -> Work:
        year, pending = self.year.currentData(), self.pending.isChecked()
        return lambda s, _p: read_page(s, year, pending)

    def _loaded(self, page: FilingListing) -> None:
        keep = {line.key for line in self.selected_lines()}
        self.model.set_rows(page.lines)
        others = sum(1 for line in page.lines if line.row.published.year != page.year)
        self.count.setText(
            f"共 {len(page.lines)} 项" + (f"（含其他年度逾期未报 {others} 项）" if others else "")
        )
        self.figures.show_figures(page.year, page.figures)
        self.banner.setText("工作日历提示：" + "；".join(page.warnings))
        self.banner.setVisible(bool(page.warnings))
        if not self._select_wanted():
            self._reselect(keep)
        self._update_buttons()

    def on_data_changed(self, kinds: set[str]) -> None:
        if kinds & REFRESH_KINDS:
            self.refresh()

    # --- selection ------------------------------------------------------------------------
    def selected_lines(self) -> list[FilingLine]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.rows[row] for row in rows if row < len(self.model.rows)]

    def current_line(self) -> FilingLine | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.rows[index.row()]

    def _reselect(self, keys: set[tuple[int, str]]) -> None:
        rows = [row for row, line in enumerate(self.model.rows) if line.key in keys]
        for n, row in enumerate(rows):
            if n == 0:
                self.table.selectRow(row)  # also the current row, for the single-row actions
            else:
                flags = QItemSelectionModel.SelectionFlag
                self.table.selectionModel().select(
                    self.model.index(row, 0), flags.Select | flags.Rows
                )

    def select_document(self, doc_id: int, filing_id: int | None = None) -> None:
        """Select the document's row (its filing's row if given), switching to its year."""
        self._wanted = (doc_id, filing_id)
        if self._select_wanted():
            return
        self.runner.run(
            lambda s, _p: documents.get(s, doc_id).published, on_done=self._show_year, parent=self
        )

    def _show_year(self, published: date | None) -> None:
        for widget in (self.year, self.pending):
            widget.blockSignals(True)
        if published is not None:
            self.year.setCurrentIndex(max(self.year.findData(published.year), 0))
        self.pending.setChecked(False)
        for widget in (self.year, self.pending):
            widget.blockSignals(False)
        self.refresh()

    def _select_wanted(self) -> bool:
        if self._wanted is None:
            return False
        row = self.model.row_of(*self._wanted)
        if row < 0:
            return False
        self._wanted = None
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _update_buttons(self) -> None:
        line = self.current_line()
        row = line.row if line else None
        self.history_model.show_row(row)
        self.history_heading.setText(history_heading(row))
        filed = [x for x in self.selected_lines() if x.row.filed_on]
        actions = (
            filing.next_actions(row.filed_on, row.result, row.corrected_on) if row else frozenset()
        )
        for action in filing.FilingAction:
            self.buttons[action.value].setEnabled(action in actions)
        self.buttons["objection"].setEnabled(row is not None)
        self.buttons["report"].setEnabled(bool(filed))
        self.buttons["form"].setEnabled(bool(filed))

    # --- actions --------------------------------------------------------------------------
    def file(self) -> None:
        self._open_for_current(FiledDialog)

    def record_result(self) -> None:
        self._open_for_current(ResultDialog)

    def record_corrected(self) -> None:
        self._open_for_current(CorrectedDialog)

    def register_objection(self) -> None:
        line = self.current_line()
        if line is not None:
            self._open(RegisterObjectionDialog(self.ctx, line.row.document_id, self))

    def print_report(self) -> None:
        ids = self._filed_ids()
        if ids:
            preview_filing_report(self.ctx, ids, self)

    def print_form(self) -> None:
        ids = self._filed_ids()
        if ids:
            preview_filing_form(self.ctx, ids, self)

    def open_ledger(self) -> None:
        self._open(filing_ledger_dialog(self.ctx, self.year.currentData(), self))

    def _filed_ids(self) -> list[int]:
        return [
            x.row.filing_id
            for x in self.selected_lines()
            if x.row.filing_id is not None and x.row.filed_on
        ]

    def _open_for_current(self, make) -> None:
        line = self.current_line()
        if line is not None:
            self._open(make(self.ctx, line.row, self))

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
