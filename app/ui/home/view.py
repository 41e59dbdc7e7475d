"""首页/待办: every open deadline (filing, corrections, reviews, expiry, objection replies), counted
per kind in tiles, listed overdue first, printable and exportable."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import (
    Qt,
    Signal,
)
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app import clock
from app.services import deadlines, filing_backlog, workcalendar
from app.services.deadlines import Deadline
from app.services.vocabulary import DeadlineState
from app.ui.changes import Change
from app.ui.context import AppContext
from app.ui.crash import show_error
from app.ui.filing.objection_dialogs import ReplyDialog
from app.ui.lazy_reports import deadline_overview
from app.ui.operations import Reload
from app.ui.widgets.ledger_dialog import export_workbook
from app.ui.widgets.list_model import (
    Column,
    RowsModel,
    push_button,
    rows_table,
    warning_banner,
)
from app.ui.widgets.opening import on_open
from app.ui.widgets.pdf_preview import preview_generated
from app.ui.widgets.style import STATE_COLORS

REFRESH_KINDS = frozenset(
    {
        Change.DOCUMENTS,
        Change.REVIEWS,
        Change.FILINGS,
        Change.OBJECTIONS,
        Change.CALENDAR,
        Change.SETTINGS,
        Change.ISSUERS,
        Change.VALIDITY,
        Change.CLEANUP,
        Change.LAWS,
        Change.TEXTS,
    }
)
TILE_STATES = (DeadlineState.OVERDUE, DeadlineState.DUE_SOON, DeadlineState.UPCOMING)
COUNT_COLORS = {
    DeadlineState.OVERDUE: "#b3261e",
    DeadlineState.DUE_SOON: "#8a5a00",
    DeadlineState.UPCOMING: "#2d4a6b",
}
ZERO_COLOR = "#9aa3ad"  # nothing to do: no alarm colour
NUMBER_STYLE = "font-size: 20px; font-weight: bold; border: none;"
TILE_STYLE = (
    "QFrame#tile { background: #ffffff; border: 1px solid #cfd6e0; border-radius: 4px; }"
    'QFrame#tile[chosen="true"] { background: #e8f0fb; border: 2px solid #3a70c2; }'
)


@dataclass(frozen=True)
class Board:
    today: date
    deadlines: list[Deadline]
    warnings: list[str]
    provisional_tips: dict[date, str]  # by due date, for the provisional ones
    backlog: str | None = None  # the one 备案情况未录入 reminder
    backlog_count: int = 0
    backlog_recipients: tuple[str, ...] = ()
    laws_pending: str = ""  # 上位法变化待处理, when a changed law's documents await a cleanup


def read_board(s: Session) -> Board:
    today = clock.today()
    found = deadlines.open_deadlines(s, today)
    cal = workcalendar.load(s)
    tips = {d.due: cal.provisional_tip(d.due) for d in found if d.provisional}
    return Board(
        today,
        found,
        deadlines.calendar_warnings(s, found),
        tips,
        filing_backlog.reminder(s),
        filing_backlog.unrecorded_count(s),
        tuple(filing_backlog.recipients(s)),
        _laws_pending(s),
    )


def _laws_pending(s: Session) -> str:
    from app.services import legal_bases
    from app.ui.validity.laws_page import pending_text

    pending = legal_bases.pending(s)
    return pending_text(pending) if pending else ""


class Tile(QFrame):
    """One kind of deadline with its counts; a click filters the list to that kind."""

    clicked = Signal(str)

    def __init__(self, kind: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.counts: dict[str, int] = {}
        self.setObjectName("tile")
        self.setStyleSheet(TILE_STYLE)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip("点击只看这一类期限，再次点击显示全部")
        heading = QLabel(title)
        heading.setStyleSheet("font-weight: bold; font-size: 14px; border: none;")
        self.numbers: dict[DeadlineState, QLabel] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 8, 12, 8)
        grid.setVerticalSpacing(0)
        grid.addWidget(heading, 0, 0, 1, len(TILE_STATES))
        for column, state in enumerate(TILE_STATES):
            number = self.numbers[state] = QLabel()
            caption = QLabel(state.label)
            caption.setStyleSheet("color: #555555; font-size: 11px; border: none;")
            grid.addWidget(number, 1, column)
            grid.addWidget(caption, 2, column)
        self.set_counts({})

    def set_counts(self, counts: dict[str, int]) -> None:
        self.counts = counts
        for state, label in self.numbers.items():
            count = counts.get(state, 0)
            color = COUNT_COLORS[state] if count else ZERO_COLOR
            label.setText(str(count))
            label.setStyleSheet(f"color: {color}; {NUMBER_STYLE}")

    def set_chosen(self, chosen: bool) -> None:
        self.setProperty("chosen", chosen)
        self.style().unpolish(self)
        self.style().polish(self)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.kind)
        super().mousePressEvent(event)


class DeadlineTableModel(RowsModel):
    def __init__(self, parent=None) -> None:
        self.provisional_tips: dict[date, str] = {}
        columns = (
            Column("状态", lambda d: d.state_label, 72, centered=True),
            Column("期限类型", lambda d: d.kind_label, 110),
            Column("制定机关", lambda d: d.issuer, 120),
            Column("事项", lambda d: d.title),  # 事项 and 依据 share the room left
            Column("期限", lambda d: d.due_text, 140, centered=True, tip=self._due_tip),
            Column("剩余天数", lambda d: d.days_text, 84, centered=True),
            Column("依据", lambda d: d.rule),
        )
        super().__init__(columns, lambda d: STATE_COLORS.get(d.state), parent)

    def _due_tip(self, d: Deadline) -> str:
        return self.provisional_tips.get(d.due, d.due_text) if d.provisional else d.due_text


class HomeView(QWidget):
    """Emits `open_requested(deadline)` for items shown on another page; answers objections itself."""

    open_requested = Signal(object)
    laws_requested = Signal()  # 上位法变化待处理: show the 上位法 page

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.database = ctx.database
        self.runner = ctx.runner
        self.model = DeadlineTableModel(self)
        self.board: Board | None = None
        self.kind: str | None = None  # the tile chosen, if any
        self.dialog: QDialog | None = None  # the dialog last opened (tests drive it)
        self.reload = Reload(
            self, self.runner, lambda: lambda s, _p: read_board(s), self._loaded, self._load_failed
        )

        self.heading = QLabel("待办期限")
        self.heading.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.refresh_button = push_button("刷新", self.refresh)
        self.print_button = push_button("打印期限一览表…", self.print_overview)
        self.export_button = push_button("导出 Excel…", self.export)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        for button in (self.refresh_button, self.print_button, self.export_button):
            top.addWidget(button)

        self.tiles = {kind: Tile(kind, label) for kind, label in deadlines.KIND_LABELS.items()}
        self.tile_grid = tiles = QGridLayout()
        self.tile_columns = 0
        for tile in self.tiles.values():
            tile.clicked.connect(self.choose_kind)
        self._lay_out_tiles((len(self.tiles) + 1) // 2)  # one row once resizeEvent sees room

        self.banner = warning_banner()
        self.backlog = warning_banner()
        self.backlog_button = push_button(
            "批量登记…", self.record_backlog, "为备案情况未录入的文件批量登记报送日期和备案机关"
        )
        self.backlog_button.hide()
        backlog = QHBoxLayout()
        backlog.addWidget(self.backlog, 1)
        backlog.addWidget(self.backlog_button)
        self.laws = warning_banner()
        self.laws.setObjectName("homeLawsPending")
        self.laws_button = push_button(
            "处理…", self.laws_requested.emit, "查看上位法变化所涉的文件，开启或继续专项清理"
        )
        self.laws_button.hide()
        laws = QHBoxLayout()
        laws.addWidget(self.laws, 1)
        laws.addWidget(self.laws_button)
        self.count = QLabel()
        self.table = self._table()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(tiles)
        layout.addWidget(self.banner)
        layout.addLayout(backlog)
        layout.addLayout(laws)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)
        self.runner.data_changed.connect(self.on_data_changed)
        self._shown = False  # deadlines are computed when the page is first shown, not before

    def _lay_out_tiles(self, columns: int) -> None:
        """The tiles in rows of `columns`: all in one row where they fit whole, else in two or
        more, so that no caption is cut (1366×768 at 125 % has room for four)."""
        if columns == self.tile_columns:
            return
        self.tile_columns = columns
        for tile in self.tiles.values():
            self.tile_grid.removeWidget(tile)
        for n, tile in enumerate(self.tiles.values()):
            self.tile_grid.addWidget(tile, n // columns, n % columns)
        for column in range(len(self.tiles)):
            self.tile_grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        need = max(tile.minimumSizeHint().width() for tile in self.tiles.values())
        room = event.size().width() + self.tile_grid.spacing()
        fitting = max(1, room // (need + self.tile_grid.spacing()))
        count = len(self.tiles)
        columns = count if fitting >= count else max(1, min(fitting, (count + 1) // 2))
        self._lay_out_tiles(columns)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if not self._shown:
            self._shown = True
            self.refresh()

    def _table(self) -> QTableView:
        table = rows_table(self.model)
        on_open(table, lambda index: self.open_row(index.row()))
        return table

    # --- data -----------------------------------------------------------------------------
    def refresh(self) -> None:
        self.refresh_button.setEnabled(False)
        self.reload()

    def _loaded(self, board: Board) -> None:
        self.refresh_button.setEnabled(True)
        self.board = board
        counts = Counter((d.kind, d.state) for d in board.deadlines)
        for kind, tile in self.tiles.items():
            tile.set_counts({state: counts[kind, state] for state in TILE_STATES})
        self.banner.setText("工作日历提示：" + "；".join(board.warnings))
        self.banner.setVisible(bool(board.warnings))
        self.backlog.setText(board.backlog or "")
        self.backlog.setVisible(bool(board.backlog))
        self.backlog_button.setVisible(bool(board.backlog))
        self.laws.setText(board.laws_pending)
        self.laws.setVisible(bool(board.laws_pending))
        self.laws_button.setVisible(bool(board.laws_pending))
        self._show_rows()

    def _load_failed(self, exc: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        show_error(self, exc)

    def on_data_changed(self, kinds: set[str]) -> None:
        if kinds & REFRESH_KINDS and self._shown:
            self.refresh()

    def choose_kind(self, kind: str) -> None:
        self.kind = None if kind == self.kind else kind
        for key, tile in self.tiles.items():
            tile.set_chosen(key == self.kind)
        self._show_rows()

    def _show_rows(self) -> None:
        found = self.board.deadlines if self.board else []
        rows = [d for d in found if self.kind in (None, d.kind)]
        self.model.provisional_tips = self.board.provisional_tips if self.board else {}
        self.model.set_rows(rows)
        scope = deadlines.KIND_LABELS[self.kind] if self.kind else "全部"
        day = self.board.today.isoformat() if self.board else ""
        self.count.setText(f"{scope}：共 {len(rows)} 项（截至 {day}，双击打开办理）")

    # --- actions --------------------------------------------------------------------------
    def record_backlog(self) -> None:
        from app.ui.filing.dialogs import BulkFiledDialog

        board = self.board
        if board is None or not board.backlog:
            return
        self.dialog = BulkFiledDialog(
            self.ctx, list(board.backlog_recipients), board.backlog_count, self
        )
        self.dialog.open()

    def open_row(self, row: int) -> None:
        if not 0 <= row < len(self.model.rows):
            return
        item = self.model.rows[row]
        if item.kind == "objection":
            self.dialog = ReplyDialog(self.ctx, item.object_id, self)
            self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.dialog.open()
        else:
            self.open_requested.emit(item)

    def print_overview(self) -> None:
        preview_generated(
            self.ctx,
            "期限一览表",
            lambda s, target, _p: deadline_overview.pdf(s, target),
            self,
        )

    def export(self) -> None:
        export_workbook(
            self.ctx,
            f"期限一览表（{clock.today().isoformat()}）",
            lambda s, target, _p: deadline_overview.xlsx(s, target),
            self,
        )
