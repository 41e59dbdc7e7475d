"""The window of one cleanup batch: each document's decision is set (saved at once, so the work
can stop and resume), then every decision is applied in one go."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app import clock
from app.errors import UserError
from app.services import cleanup
from app.services.vocabulary import CleanupDecision, CleanupStatus
from app.ui import crash
from app.ui.changes import Change
from app.ui.cleanup.dialogs import BATCH_CHANGES, DECISION_CHANGES, DecisionDialog
from app.ui.context import AppContext
from app.ui.operations import Reload, Work
from app.ui.widgets import state
from app.ui.widgets.list_model import (
    Column,
    RowsModel,
    rows_table,
    selected_rows,
)
from app.ui.widgets.opening import on_open

APPLY_CHANGES = frozenset({Change.CLEANUP, Change.DOCUMENTS})
FILTERS = (cleanup.UNDECIDED, "全部")


@dataclass(frozen=True)
class BatchState:
    title: str
    actions: frozenset[cleanup.BatchAction]  # what the batch allows now (cleanup.next_actions)
    status: str
    counts: dict[str, int]
    lines: list[cleanup.ItemRow]

    def heading(self) -> str:
        parts = "　".join(f"{label} {n}" for label, n in self.counts.items())
        return f"共 {sum(self.counts.values())} 件：{parts}"


def read_batch(s: Session, batch_id: int, undecided_only: bool) -> BatchState:
    batch = cleanup.get(s, batch_id)
    lines = cleanup.items(s, batch_id, undecided_only)
    actions = cleanup.next_actions(batch)
    status = CleanupStatus.OPEN.label if actions else f"已于 {batch.applied_on} 实施"
    return BatchState(batch.title, actions, status, cleanup.summary(batch), lines)


DECISION_COLORS = {
    CleanupDecision.CONTINUE: QColor(222, 241, 222),
    CleanupDecision.AMEND: QColor(255, 236, 190),
    CleanupDecision.REPEAL: QColor(255, 214, 210),
    CleanupDecision.DECLARE_INVALID: QColor(255, 214, 210),
    CleanupDecision.EXPIRED: QColor(228, 228, 228),
}
ITEM_COLUMNS = (
    Column("文件名称", lambda x: x.title),
    Column("制定机关", lambda x: x.issuer_name, 120),
    Column("公布日期", lambda x: x.published, 90, centered=True),
    Column("有效期至", lambda x: x.valid_until, 90, centered=True),
    Column(
        "清理结论",
        lambda x: cleanup.DECISIONS.get(x.decision, cleanup.UNDECIDED),
        90,
        centered=True,
    ),
    Column("理由", lambda x: x.reason, 200),
    Column("修改文件", lambda x: x.amending_title, 150),
)
DECISION_COLUMN, REASON_COLUMN = 4, 5


class ItemsModel(RowsModel):
    """The decision and reason are edited in place; an edit is handed to the dialog to save."""

    edited = Signal(object, str, str)  # line, decision, reason

    def __init__(self, parent=None) -> None:
        super().__init__(ITEM_COLUMNS, lambda x: DECISION_COLORS.get(x.decision), parent)
        self.editable = False

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        found = super().flags(index)
        if self.editable and index.column() in (DECISION_COLUMN, REASON_COLUMN):
            found |= Qt.ItemFlag.ItemIsEditable
        return found

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.EditRole and index.isValid():
            line = self.rows[index.row()]
            return line.decision if index.column() == DECISION_COLUMN else line.reason
        return super().data(index, role)

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        line = self.rows[index.row()]
        decision = value if index.column() == DECISION_COLUMN else line.decision
        reason = value if index.column() == REASON_COLUMN else line.reason
        if (decision, reason) != (line.decision, line.reason):
            self.edited.emit(line, decision, reason)
        return False  # the row shows what the service saved, once reloaded


class DecisionDelegate(QStyledItemDelegate):
    def createEditor(self, parent, _option, _index) -> QComboBox:  # noqa: N802
        combo = QComboBox(parent)
        for code, label in cleanup.DECISIONS.items():
            combo.addItem(label, code)
        combo.activated.connect(lambda _n: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):  # the one createEditor made
            editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(self, editor: QWidget, model, index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())


class BatchDialog(QDialog):
    """One batch's documents with their decisions; an open batch may be applied or deleted."""

    def __init__(self, ctx: AppContext, batch_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.database, self.batch_id, self.runner = ctx.database, batch_id, ctx.runner
        self.state: BatchState | None = None
        self.dialog: QDialog | None = None  # the decision dialog last opened (tests drive it)
        self._deleting = False
        self.reload = Reload(self, self.runner, self._work, self._loaded)
        self._first = True
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.counts = QLabel()
        self.filter = QComboBox()
        self.filter.addItems(FILTERS)
        self.model = ItemsModel(self)
        self.model.edited.connect(self.save)
        self.table = rows_table(self.model, multi=True)
        self.table.setItemDelegateForColumn(DECISION_COLUMN, DecisionDelegate(self.table))
        edit = QAbstractItemView.EditTrigger
        self.table.setEditTriggers(edit.DoubleClicked | edit.SelectedClicked | edit.EditKeyPressed)
        on_open(self.table, self._double_clicked)
        top = QHBoxLayout()
        for widget in (self.heading, QLabel("显示："), self.filter):
            top.addWidget(widget, 1 if widget is self.heading else 0)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.counts)
        layout.addWidget(self.table, 1)
        layout.addLayout(self._buttons())
        self.filter.currentIndexChanged.connect(self.refresh)
        self.runner.data_changed.connect(self.on_data_changed)
        self.setWindowTitle("清理批次")
        state.resize_within_screen(self, 1240, 720)
        self.refresh()

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.decide_button = QPushButton("设定结论…")
        self.decide_button.setToolTip("可多选，设为同一结论；也可双击表中的清理结论、理由直接修改")
        self.apply_button = QPushButton("实施…")
        self.delete_button = QPushButton("删除批次")
        close = QPushButton("关闭")
        for button, slot in (
            (self.decide_button, self.decide_selected),
            (self.apply_button, self.apply),
            (self.delete_button, self.delete),
            (close, self.reject),
        ):
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.insertStretch(3, 1)
        return row

    # --- data -----------------------------------------------------------------------------
    def refresh(self) -> None:
        if not self._deleting:
            self.reload()

    def _work(self) -> Work:
        batch_id, undecided = self.batch_id, self.filter.currentIndex() == 0
        return lambda s, _p: read_batch(s, batch_id, undecided)

    def _loaded(self, state: BatchState) -> None:
        if self._first and not state.actions:
            self._first = False
            self.filter.setCurrentIndex(1)  # an applied batch has nothing left undecided
            return
        self._first = False
        current = self.table.currentIndex().row()
        self.state = state
        self.setWindowTitle(f"清理批次：{state.title}")
        self.heading.setText(f"{state.title}（{state.status}）")
        self.counts.setText(state.heading())
        self.model.editable = cleanup.BatchAction.DECIDE in state.actions
        self.model.set_rows(state.lines)
        if state.lines:
            self.table.selectRow(min(max(current, 0), len(state.lines) - 1))
        undecided = state.counts[cleanup.UNDECIDED]
        self.decide_button.setEnabled(cleanup.BatchAction.DECIDE in state.actions)
        self.delete_button.setEnabled(cleanup.BatchAction.DELETE in state.actions)
        self.apply_button.setEnabled(cleanup.BatchAction.APPLY in state.actions)
        self.apply_button.setToolTip(f"还有 {undecided} 件未定" if undecided else "")

    def on_data_changed(self, kinds: set[str]) -> None:
        if kinds & APPLY_CHANGES:
            self.refresh()

    # --- decisions ------------------------------------------------------------------------
    def save(self, line: cleanup.ItemRow, decision: str, reason: str) -> None:
        """An edit made in the table; a refusal opens the decision dialog showing why."""
        batch_id, actor = self.batch_id, self.ctx.actor()
        amending = line.amending_id if decision == line.decision else None
        doc_id = line.document_id

        def work(s: Session, _p) -> int:
            return cleanup.decide(s, actor, batch_id, doc_id, decision, reason, amending).id

        self.runner.run(
            work,
            write=True,
            changes=DECISION_CHANGES,
            parent=self,
            on_error=lambda exc: self._refused(line, decision, reason, exc),
        )

    def _refused(
        self, line: cleanup.ItemRow, decision: str, reason: str, exc: BaseException
    ) -> None:
        if isinstance(exc, UserError):
            self._decide([line], decision, reason).show_error(exc.message)
        else:
            crash.show_error(self, exc)

    def _double_clicked(self, index: QModelIndex) -> None:
        if not self.model.flags(index) & Qt.ItemFlag.ItemIsEditable:
            self.decide_selected()

    def decide_selected(self) -> None:
        lines = selected_rows(self.table)
        if lines and self.model.editable:
            self._decide(lines, lines[0].decision, lines[0].reason if len(lines) == 1 else "")

    def _decide(self, lines: list[cleanup.ItemRow], decision: str, reason: str) -> DecisionDialog:
        first, one = lines[0], len(lines) == 1
        heading = f"《{first.title}》" if one else f"已选 {len(lines)} 件文件，设为同一清理结论"
        linked = (
            (first.amending_id, first.amending_title or "") if one and first.amending_id else None
        )
        ids = [x.document_id for x in lines]
        self.dialog = DecisionDialog(
            self.ctx, self.batch_id, ids, heading, decision, reason, linked, self
        )
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.open()
        return self.dialog

    # --- the batch ------------------------------------------------------------------------
    def apply(self) -> None:
        if self.state is None:
            return
        counts = self.state.counts
        changing = (
            sum(counts.values())
            - counts[CleanupDecision.CONTINUE.label]
            - counts[cleanup.UNDECIDED]
        )
        text = f"将按清理结论一次性修改 {changing} 件文件的状态，实施后不可撤销。\n\n{self.state.heading()}"
        if QMessageBox.question(self, "实施清理", text) != QMessageBox.StandardButton.Yes:
            return
        batch_id, actor, day = self.batch_id, self.ctx.actor(), clock.today()
        self.runner.run(
            lambda s, _p: cleanup.apply(s, actor, batch_id, day).id,
            write=True,
            changes=APPLY_CHANGES,
            parent=self,
            progress="正在实施清理…",
        )

    def delete(self) -> None:
        title = self.state.title if self.state else ""
        text = f"删除未实施的清理批次“{title}”及其全部清理结论？"
        if QMessageBox.question(self, "删除批次", text) != QMessageBox.StandardButton.Yes:
            return
        self._deleting = True
        batch_id, actor = self.batch_id, self.ctx.actor()
        self.runner.run(
            lambda s, _p: cleanup.delete_batch(s, actor, batch_id),
            write=True,
            changes=BATCH_CHANGES,
            on_done=lambda _r: self.accept(),
            on_error=self._delete_failed,
            parent=self,
        )

    def _delete_failed(self, exc: BaseException) -> None:
        self._deleting = False
        crash.show_error(self, exc)
