"""有效期届满: the documents in force whose validity ends in a quarter, by implementing unit; the
units' evaluations (继续施行或届满失效), the quarterly reminder letters and an Excel listing."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app import clock
from app.reports.columns import ListColumn
from app.services import deadlines, documents, settings, validity
from app.services.catalogs import office_name
from app.services.validity import Expiring
from app.services.vocabulary import DeadlineState
from app.ui.changes import Change
from app.ui.context import AppContext
from app.ui.crash import show_error
from app.ui.lazy_reports import expiry_reminder, listing
from app.ui.operations import Progress, Work
from app.ui.review.view import STATE_COLORS
from app.ui.widgets.document_chooser import DocumentChooser
from app.ui.widgets.fields import date_edit, pydate, qdate, text_edit
from app.ui.widgets.form_dialog import FormDialog
from app.ui.widgets.ledger_dialog import export_workbook
from app.ui.widgets.list_model import Column, RowsModel, rows_table, selected_rows
from app.ui.widgets.opening import on_open
from app.ui.widgets.pdf_preview import preview_generated

EVALUATION_CHANGES = frozenset({Change.VALIDITY})
REFRESH_KINDS = frozenset({Change.DOCUMENTS, Change.VALIDITY, Change.SETTINGS, Change.ISSUERS})
PERIODS = ("本季度", "下季度", "自定义")
CUSTOM = 2


class EvaluationDialog(FormDialog):
    """登记评估: the implementing unit proposes to re-issue the document or let it lapse."""

    announces = EVALUATION_CHANGES

    def __init__(self, ctx: AppContext, row: Expiring, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "登记有效期评估", parent)
        self.row = row
        self.add_heading(
            f"《{row.title}》{row.doc_number}，有效期至 {row.valid_until}（{row.unit}）"
        )
        self.decision = QComboBox()
        for code, label in validity.EVALUATIONS.items():
            self.decision.addItem(label, code)
        self.add_field("评估结论", self.decision)
        self.day = self.add_field("评估日期", date_edit())
        self.reason = self.add_field("评估意见", text_edit(80, "实施单位的评估意见"))
        self.reissued = self.add_field("重新公布的文件", DocumentChooser(ctx))
        self.setMinimumWidth(520)

    def prepare(self) -> Work:
        doc_id, actor, decision = (
            self.row.document_id,
            self.ctx.actor(),
            self.decision.currentData(),
        )
        day, reason, new_id = (
            pydate(self.day.date()),
            self.reason.toPlainText(),
            self.reissued.value(),
        )
        return lambda s, _p: validity.evaluate(s, actor, doc_id, decision, day, reason, new_id).id


@dataclass(frozen=True)
class ExpiryLine:
    row: Expiring
    first_of_unit: bool  # the unit is named on its first row only: the list reads as groups
    state: DeadlineState | None  # deadlines.evaluation_state


def read_expiring(s: Session, start: date, end: date) -> list[ExpiryLine]:
    today, soon = clock.today(), settings.get(s, "deadlines.due_soon_days")
    rows, lines = validity.expiring(s, start, end), []
    for n, r in enumerate(rows):
        state = deadlines.evaluation_state(r, today, soon)
        lines.append(ExpiryLine(r, n == 0 or rows[n - 1].unit != r.unit, state))
    return lines


COLUMNS = (
    Column("实施单位", lambda x: x.row.unit if x.first_of_unit else "", 150),
    Column("文件名称", lambda x: x.row.title),
    Column("发文字号", lambda x: x.row.doc_number, 190),
    Column("登记编号", lambda x: x.row.reg_number, 130),
    Column("有效期至", lambda x: x.row.valid_until, 90, centered=True),
    Column("评估情况", lambda x: x.row.evaluation, 140, centered=True),
)
EXPORT_COLUMNS = (
    ListColumn("实施单位", 14, lambda r: r.unit),
    ListColumn("文件名称", 30, lambda r: r.title),
    ListColumn("发文字号", 14, lambda r: r.doc_number),
    ListColumn("登记编号", 12, lambda r: r.reg_number),
    ListColumn("有效期至", 8, lambda r: r.valid_until),
    ListColumn("评估情况", 10, lambda r: r.evaluation),
)


@dataclass(frozen=True)
class ExpiryListing:
    title: str
    subtitle: str
    header: str
    rows: list[Expiring]


def write_listing(s: Session, start: date, end: date, target: Path, progress: Progress) -> int:
    rows = validity.expiring(s, start, end)
    found = ExpiryListing("有效期届满文件清单", f"有效期至 {start} 至 {end}", office_name(s), rows)
    return listing.xlsx(found, EXPORT_COLUMNS, target, progress)


class ExpiryPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.database, self.runner = ctx.database, ctx.runner
        self.model = RowsModel(COLUMNS, lambda x: STATE_COLORS.get(x.state), self)
        self.dialog: QDialog | None = None  # the dialog last opened (tests drive it)
        self._loading = self._stale = False
        self._wanted: int | None = None  # a document to select once listed

        self.period = QComboBox()
        self.period.addItems(PERIODS)
        self.period.setCurrentIndex(1)
        self.start, self.end = date_edit(), date_edit()
        self.count = QLabel()
        chooser = QHBoxLayout()
        for widget in (QLabel("有效期届满："), self.period, self.start, QLabel("至"), self.end):
            chooser.addWidget(widget)
        chooser.addStretch(1)
        chooser.addWidget(self.count)
        self.evaluate_button = self._button("登记评估…", self.evaluate, chooser)
        self._button("打印提醒函…", self.remind, chooser).setToolTip(self._remind_tip())
        self._button("导出 Excel…", self.export, chooser)
        self.lapse = QLabel()
        self.lapse.setWordWrap(True)
        self.table = rows_table(self.model)
        on_open(self.table, lambda _index: self.evaluate())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        layout = QVBoxLayout(self)
        layout.addLayout(chooser)
        layout.addWidget(self.lapse)
        layout.addWidget(self.table, 1)
        self.period.currentIndexChanged.connect(self._period_changed)
        for edit in (self.start, self.end):
            edit.dateChanged.connect(self.refresh)
        self.runner.data_changed.connect(self.on_data_changed)
        self._period_changed()

    def _button(self, text: str, slot, row: QHBoxLayout) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    def _remind_tip(self) -> str:
        start, end = validity.next_quarter(clock.today())
        return f"下季度（{start} 至 {end}）有效期届满的文件，每个实施单位一函"

    def _period_changed(self) -> None:
        choice = self.period.currentIndex()
        if choice != CUSTOM:
            pick = validity.quarter_of if choice == 0 else validity.next_quarter
            self._set_range(*pick(clock.today()))
        self.start.setEnabled(choice == CUSTOM)
        self.end.setEnabled(choice == CUSTOM)
        self.refresh()

    def _set_range(self, start: date, end: date) -> None:
        for edit, day in ((self.start, start), (self.end, end)):
            edit.blockSignals(True)
            edit.setDate(qdate(day))
            edit.blockSignals(False)

    def period_range(self) -> tuple[date, date]:
        return pydate(self.start.date()), pydate(self.end.date())

    # --- data -----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload off the GUI thread; asks made while a load runs are folded into one more."""
        if self._loading:
            self._stale = True
            return
        self._loading, self._stale = True, False
        start, end = self.period_range()
        self.runner.run(
            lambda s, _p: read_expiring(s, start, end),
            on_done=self._loaded,
            on_error=self._load_failed,
            parent=self,
        )

    def _loaded(self, lines: list[ExpiryLine]) -> None:
        self._loading = False
        if self._stale:
            self.refresh()
            return
        keep = self.current_row()
        self.model.set_rows(lines)
        self.count.setText(f"共 {len(lines)} 件")
        counts = Counter(x.row.evaluation for x in lines)
        parts = "、".join(f"{label} {n} 件" for label, n in sorted(counts.items()))
        self.lapse.setText(
            f"届满未重新公布的文件将自动失效：本期有效期届满 {len(lines)} 件"
            + (f"，其中{parts}。" if parts else "。")
        )
        self._wanted = self._wanted or (keep.document_id if keep else None)
        self._select_wanted()
        self._update_buttons()

    def _load_failed(self, exc: BaseException) -> None:
        self._loading = False
        show_error(self, exc)

    def on_data_changed(self, kinds: set[str]) -> None:
        if kinds & REFRESH_KINDS:
            self.refresh()

    # --- selection ------------------------------------------------------------------------
    def current_row(self) -> Expiring | None:
        found = selected_rows(self.table)
        return found[0].row if found else None

    def select_document(self, doc_id: int) -> None:
        """Select the document, switching to the quarter in which its validity ends."""
        self._wanted = doc_id
        if not self._select_wanted():
            self.runner.run(
                lambda s, _p: documents.get(s, doc_id).valid_until,
                on_done=self._show_quarter,
                parent=self,
            )

    def _show_quarter(self, valid_until: date | None) -> None:
        if valid_until is None:
            return
        self.period.blockSignals(True)
        self.period.setCurrentIndex(CUSTOM)
        self.period.blockSignals(False)
        self._set_range(*validity.quarter_of(valid_until))
        self._period_changed()

    def _select_wanted(self) -> bool:
        rows = [x.row.document_id for x in self.model.rows]
        if self._wanted not in rows:
            return False
        row, self._wanted = rows.index(self._wanted), None
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _update_buttons(self) -> None:
        self.evaluate_button.setEnabled(self.current_row() is not None)

    # --- actions --------------------------------------------------------------------------
    def evaluate(self) -> None:
        row = self.current_row()
        if row is not None:
            self.dialog = EvaluationDialog(self.ctx, row, self)
            self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.dialog.open()

    def remind(self) -> None:
        today = clock.today()
        preview_generated(
            self.ctx,
            "有效期届满提醒函",
            lambda s, target, _p: expiry_reminder.pdf(s, today, target, today),
            self,
            lambda s, target: expiry_reminder.docx(s, today, target, today),
        )

    def export(self) -> None:
        start, end = self.period_range()
        export_workbook(
            self.ctx,
            f"有效期届满文件清单（{start}至{end}）",
            lambda s, target, progress: write_listing(s, start, end, target, progress),
            self,
        )
