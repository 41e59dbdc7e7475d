"""合法性审核: the queue of review cases with their deadlines, intake, the case form and printing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.db import Database
from app.services import reviews, workcalendar
from app.services.reviews import ReviewDue
from app.ui.context import AppContext
from app.ui.review.case_dialog import CaseDialog
from app.ui.review.dialogs import REFRESH_KINDS, preview_opinion, review_ledger_dialog
from app.ui.review.intake_dialog import IntakeDialog
from app.ui.widgets.list_model import (
    Column,
    RowsModel,
    push_button,
    rows_table,
    warning_banner,
)
from app.ui.widgets.opening import on_open
from app.ui.widgets.style import STATE_COLORS


@dataclass(frozen=True)
class QueueRow:
    case_id: int
    received: date
    subject_label: str
    title: str
    submitting_unit: str
    reviewer: str
    state: str
    state_label: str
    due: date | None
    days_left: int | None
    outcome: str
    opinion_number: str
    explanation: str
    provisional_tip: str = ""  # why the due date is provisional, if it is

    @property
    def due_text(self) -> str:
        return workcalendar.marked(self.due, bool(self.provisional_tip))


@dataclass(frozen=True)
class Queue:
    rows: list[QueueRow]
    warnings: list[str]


def _queue_row(case, d: ReviewDue, cal: workcalendar.WorkCalendar) -> QueueRow:
    tip = cal.provisional_tip(d.due) if d.due and d.due_provisional else ""
    return QueueRow(
        case.id,
        case.received,
        reviews.SUBJECT_TYPES[case.subject_type],
        case.title,
        case.submitting_unit,
        case.reviewer,
        d.state,
        reviews.STATE_LABELS[d.state],
        d.due,
        d.days_left,
        case.outcome,
        case.opinion_number or "",
        d.explanation,
        tip,
    )


def read_queue(database: Database, open_only: bool, subject_type: str | None) -> Queue:
    """The cases with their deadlines as reviews.due computes them, and the calendar's warnings."""
    with database.reading() as s:
        cal, today = workcalendar.load(s), clock.today()
        rows = [
            _queue_row(case, reviews.due(case, cal, today), cal)
            for case in reviews.list_cases(s, include_concluded=not open_only)
            if subject_type in (None, case.subject_type)
        ]
        return Queue(rows, cal.warnings())


COLUMNS = (
    Column("收到日期", lambda r: r.received, 88, centered=True),
    Column("审核对象", lambda r: r.subject_label, 100),
    Column("事项名称", lambda r: r.title),  # takes the room left
    Column("送审单位", lambda r: r.submitting_unit, 104),
    Column("承办人", lambda r: r.reviewer, 64),
    Column("状态", lambda r: r.state_label, 76, centered=True),
    Column(
        "办理期限",
        lambda r: r.due_text,
        140,
        centered=True,
        tip=lambda r: "\n".join(filter(None, (r.explanation, r.provisional_tip))),
    ),
    Column("剩余工作日", lambda r: r.days_left, 80, centered=True, tip=lambda r: r.explanation),
    Column("结论", lambda r: r.outcome, 80, centered=True),
    Column("意见书编号", lambda r: r.opinion_number, 116),
)


class ReviewTableModel(RowsModel):
    def __init__(self, parent=None) -> None:
        super().__init__(COLUMNS, lambda row: STATE_COLORS.get(row.state), parent)

    def case_id(self, row: int) -> int | None:
        return self.rows[row].case_id if 0 <= row < len(self.rows) else None

    def row_of(self, case_id: int) -> int:
        return next((i for i, r in enumerate(self.rows) if r.case_id == case_id), -1)


class ReviewView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.database = ctx.database
        self.runner = ctx.runner
        self.model = ReviewTableModel(self)
        self.dialog: QWidget | None = None  # the dialog last opened (tests drive it)

        self.intake_button = push_button("受理…", self.new_case, "登记送审材料，受理或退回补充")
        self.open_button = push_button("打开…", self.open_case, "查看和办理选中的案件")
        self.print_button = push_button("打印意见书…", self.print_opinion)
        self.ledger_button = push_button("审核台账…", self.open_ledger)
        top = QHBoxLayout()
        for button in (self.intake_button, self.open_button, self.print_button):
            top.addWidget(button)
        top.addStretch(1)
        top.addWidget(self.ledger_button)

        self.scope = QComboBox()
        self.scope.addItem("未办结", True)
        self.scope.addItem("全部", False)
        self.subject = QComboBox()
        self.subject.addItem("全部", None)
        for code, label in reviews.SUBJECT_TYPES.items():
            self.subject.addItem(label, code)
        self.count = QLabel()
        filters = QHBoxLayout()
        filters.addWidget(QLabel("范围："))
        filters.addWidget(self.scope)
        filters.addWidget(QLabel("审核对象："))
        filters.addWidget(self.subject)
        filters.addStretch(1)
        filters.addWidget(self.count)
        for combo in (self.scope, self.subject):
            combo.currentIndexChanged.connect(self.refresh)

        self.banner = warning_banner()

        self.table = self._table()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        self.runner.data_changed.connect(self.on_data_changed)
        self.refresh()

    def _table(self) -> QTableView:
        table = rows_table(self.model)
        on_open(table, lambda _index: self.open_case())
        table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        return table

    # --- data -----------------------------------------------------------------------------
    def refresh(self) -> None:
        selected = self.selected_id()
        queue = read_queue(self.database, self.scope.currentData(), self.subject.currentData())
        self.model.set_rows(queue.rows)
        self.banner.setText("工作日历提示：" + "；".join(queue.warnings))
        self.banner.setVisible(bool(queue.warnings))
        self.count.setText(f"共 {len(queue.rows)} 件")
        if selected is not None:
            self.select_case(selected)
        self._update_buttons()

    def on_data_changed(self, kinds: set[str]) -> None:
        if kinds & REFRESH_KINDS:
            self.refresh()

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.case_id(index.row()) if index.isValid() else None

    def select_case(self, case_id: int) -> None:
        row = self.model.row_of(case_id)
        if row >= 0:
            self.table.selectRow(row)

    def _update_buttons(self) -> None:
        index = self.table.currentIndex()
        row = self.model.rows[index.row()] if index.isValid() else None
        self.open_button.setEnabled(row is not None)
        self.print_button.setEnabled(row is not None and bool(row.opinion_number))

    # --- actions --------------------------------------------------------------------------
    def new_case(self) -> None:
        dialog = IntakeDialog(self.ctx, self)
        dialog.accepted.connect(lambda: self._intake_done(dialog.returned))
        self._open(dialog)

    def _intake_done(self, case_id: object) -> None:
        if not isinstance(case_id, int):  # the id IntakeDialog's service returned
            return
        if self.model.row_of(case_id) < 0:  # hidden by the filters: show everything
            self.subject.setCurrentIndex(0)
        self.select_case(case_id)

    def open_case(self) -> None:
        case_id = self.selected_id()
        if case_id is not None:
            self._open(CaseDialog(self.ctx, case_id, self))

    def print_opinion(self) -> None:
        case_id = self.selected_id()
        if case_id is not None:
            preview_opinion(self.ctx, case_id, self)

    def open_ledger(self) -> None:
        self._open(review_ledger_dialog(self.ctx, self))

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
