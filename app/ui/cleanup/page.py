"""清理: when the next regular cleanup is due, the cleanup batches with their progress, and for
the batch chosen its result catalogs and summary (preview and Excel)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app import clock
from app.services import cleanup, deadlines
from app.services.vocabulary import CleanupStatus
from app.ui.changes import Change
from app.ui.cleanup.dialogs import NewBatchDialog
from app.ui.context import AppContext
from app.ui.lazy_reports import cleanup_catalog, cleanup_notice, cleanup_summary
from app.ui.operations import Reload
from app.ui.widgets.ledger_dialog import export_workbook
from app.ui.widgets.list_model import Column, RowsModel, rows_table, selected_rows
from app.ui.widgets.opening import on_open
from app.ui.widgets.pdf_preview import preview_generated
from app.ui.widgets.style import BANNER_STYLE

REFRESH_KINDS = frozenset({Change.CLEANUP, Change.DOCUMENTS, Change.SETTINGS, Change.ISSUERS})
DUE_STYLE = "padding: 4px 8px; border: 1px solid #cfd6e0; background: #f4f6fa;"

D = TypeVar("D", bound=QDialog)


@dataclass(frozen=True)
class BatchLine:
    id: int
    title: str
    kind: str
    created_on: date
    is_open: bool
    status: str
    total: int
    decided: int
    undecided: int


@dataclass(frozen=True)
class CleanupState:
    due: str
    reminding: bool  # the regular cleanup is on the deadline list: within reach or overdue
    lines: list[BatchLine]


def _line(batch) -> BatchLine:
    undecided, total = cleanup.summary(batch)[cleanup.UNDECIDED], len(batch.items)
    is_open = batch.status == CleanupStatus.OPEN
    status = (
        CleanupStatus.OPEN.label
        if is_open
        else f"{CleanupStatus.APPLIED.label}（{batch.applied_on}）"
    )
    return BatchLine(
        batch.id,
        batch.title,
        cleanup.KINDS[batch.kind],
        batch.created_on,
        is_open,
        status,
        total,
        total - undecided,
        undecided,
    )


def read_cleanup(s: Session) -> CleanupState:
    due, rule = cleanup.next_regular_due(s)
    reminding = any(d.kind == "cleanup" for d in deadlines.open_deadlines(s))
    lines = [_line(b) for b in cleanup.list_batches(s)]
    under_way = next((x.title for x in lines if x.is_open), "")
    text = f"下次定期清理应于 <b>{due}</b> 前开展：{rule}。"
    if under_way:
        text += f"正在办理：{under_way}。"
    return CleanupState(text, reminding, lines)


COLUMNS = (
    Column("名称", lambda x: x.title),
    Column("类型", lambda x: x.kind, 90, centered=True),
    Column("启动日期", lambda x: x.created_on, 96, centered=True),
    Column("状态", lambda x: x.status, 150, centered=True),
    Column("文件数", lambda x: x.total, 70, centered=True),
    Column("已定", lambda x: x.decided, 70, centered=True),
    Column(cleanup.UNDECIDED, lambda x: x.undecided, 70, centered=True),
)


class CleanupPage(QWidget):
    """Asks for a batch's window with `open_requested(batch_id)`: the page opens it."""

    open_requested = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.database, self.runner = ctx.database, ctx.runner
        self.model = RowsModel(COLUMNS, parent=self)
        self.dialog: QDialog | None = None  # the dialog last opened (tests drive it)
        self.reload = Reload(self, self.runner, lambda: lambda s, _p: read_cleanup(s), self._loaded)
        self.due = QLabel()
        self.due.setWordWrap(True)
        self.table = rows_table(self.model)
        on_open(self.table, lambda _index: self.open_batch())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        layout = QVBoxLayout(self)
        layout.addWidget(self.due)
        layout.addLayout(self._buttons())
        layout.addWidget(self.table, 1)
        self.runner.data_changed.connect(self.on_data_changed)
        self.refresh()

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        actions = {
            "new": ("新建清理…", self.new_batch),
            "open": ("继续办理…", self.open_batch),
            "continue": ("打印继续有效目录…", lambda: self.print_catalog("continue")),
            "retired": ("打印废止和宣布失效目录…", lambda: self.print_catalog("retired")),
            "summary": ("打印汇总表…", self.print_summary),
            "notice": ("打印结果通知…", self.print_notice),
            "export": ("导出 Excel", None),
        }
        for key, (text, slot) in actions.items():
            button = self.buttons[key] = QPushButton(text)
            if slot is not None:
                button.clicked.connect(slot)
            row.addWidget(button)
            if key == "open":
                row.addStretch(1)
        self.buttons["notice"].setToolTip("公布清理结果的通知；清理实施后可打印，也可另存为 Word")
        menu = QMenu(self.buttons["export"])
        for part, (title, _decisions) in cleanup.PARTS.items():
            menu.addAction(f"{title}…", partial(self.export, part))
        self.buttons["export"].setMenu(menu)
        return row

    # --- data -----------------------------------------------------------------------------
    def refresh(self) -> None:
        self.reload()

    def _loaded(self, state: CleanupState) -> None:
        keep = self.current_line()
        self.due.setText(state.due)
        self.due.setStyleSheet(BANNER_STYLE if state.reminding else DUE_STYLE)
        self.model.set_rows(state.lines)
        ids = [x.id for x in state.lines]
        if ids:
            self.table.selectRow(ids.index(keep.id) if keep and keep.id in ids else 0)
        self._update_buttons()

    def on_data_changed(self, kinds: set[str]) -> None:
        if kinds & REFRESH_KINDS:
            self.refresh()

    def current_line(self) -> BatchLine | None:
        found = selected_rows(self.table)
        return found[0] if found else None

    def _update_buttons(self) -> None:
        line = self.current_line()
        chosen = line is not None
        for key in ("open", "continue", "retired", "summary", "export"):
            self.buttons[key].setEnabled(chosen)
        # the results are published once the batch is applied
        self.buttons["notice"].setEnabled(line is not None and not line.is_open)

    # --- actions --------------------------------------------------------------------------
    def new_batch(self) -> None:
        dialog = self._open(NewBatchDialog(self.ctx, self))
        dialog.accepted.connect(lambda: self.open_requested.emit(dialog.returned))

    def open_batch(self) -> None:
        line = self.current_line()
        if line is not None:
            self.open_requested.emit(line.id)

    def open_running_batch(self) -> None:
        """The batch under way, if any (a dashboard cleanup deadline points here)."""

        def running(s: Session, _p) -> int | None:
            return next(
                (b.id for b in cleanup.list_batches(s) if b.status == CleanupStatus.OPEN), None
            )

        self.runner.run(running, on_done=self._running_found, parent=self)

    def _running_found(self, batch_id: int | None) -> None:
        if batch_id is not None:
            self.open_requested.emit(batch_id)

    def print_catalog(self, part: str) -> None:
        line = self.current_line()
        if line is not None:
            preview_generated(
                self.ctx,
                cleanup.PARTS[part][0],
                lambda s, target, _p: cleanup_catalog.pdf(s, line.id, part, target),
                self,
            )

    def print_summary(self) -> None:
        line = self.current_line()
        if line is not None:
            preview_generated(
                self.ctx,
                "规范性文件清理情况汇总表",
                lambda s, target, _p: cleanup_summary.pdf(s, line.id, target, clock.today()),
                self,
            )

    def print_notice(self) -> None:
        """关于公布规范性文件清理结果的通知 of an applied batch, with its Word copy."""
        line = self.current_line()
        if line is not None:
            preview_generated(
                self.ctx,
                "关于公布规范性文件清理结果的通知",
                lambda s, target, _p: cleanup_notice.pdf(s, line.id, target, clock.today()),
                self,
                lambda s, target: cleanup_notice.docx(s, line.id, target, clock.today()),
            )

    def export(self, part: str) -> None:
        line = self.current_line()
        if line is not None:
            export_workbook(
                self.ctx,
                f"{line.title}{cleanup.PARTS[part][0]}",
                lambda s, target, _p: cleanup_catalog.xlsx(s, line.id, part, target),
                self,
            )

    def _open(self, dialog: D) -> D:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
