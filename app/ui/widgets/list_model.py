"""What the list pages (queues, registers of a year) are built from: a model of rows held in
memory (each subclass says what a cell shows), its table view, and the calendar-warning banner."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.ui.widgets.style import BANNER_STYLE, ROW_TEXT

FILL_MIN_CHARS = 16  # the least a filling column (a title) shows


def cell_text(value: object) -> str:
    """What a table cell shows for a value: dates as YYYY-MM-DD, nothing for None."""
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, date) else str(value)


def file_size(n: float) -> str:
    """A file's size as a clerk reads it: 512 B, 38 KB, 4 MB, 1.2 GB."""
    for unit in ("B", "KB", "MB"):
        if n < 1024:
            return f"{n:.0f} {unit}"
        n /= 1024
    return f"{n:.1f} GB"


class ListModel(QAbstractTableModel):
    def __init__(self, headers: Sequence[str], parent=None) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        self.rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None


def list_table(
    model: QAbstractTableModel, widths: Sequence[int], multi: bool = False
) -> QTableView:
    """Whole-row selection, no row numbers; a column of width 0 takes the room left."""
    table = QTableView()
    table.setTabKeyNavigation(False)  # Tab leaves the list; arrows move in it
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    mode = QAbstractItemView.SelectionMode
    table.setSelectionMode(mode.ExtendedSelection if multi else mode.SingleSelection)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(26)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    for n, width in enumerate(widths):
        if width:
            header.resizeSection(n, width)
    filling = [n for n, width in enumerate(widths) if not width]
    if filling:
        FillColumn(table, filling[0])
    return table


class FillColumn(QObject):
    """A table's 文件名称-like column takes the width the others leave, but never less than
    `least` pixels (FILL_MIN_CHARS characters unless given): on a narrow screen the table scrolls
    sideways instead of squeezing it to nothing (a Stretch column did)."""

    def __init__(self, table: QTableView, column: int, least: int | None = None) -> None:
        super().__init__(table)
        self.table, self.column = table, column
        self.least = least or table.fontMetrics().horizontalAdvance("国") * FILL_MIN_CHARS
        table.viewport().installEventFilter(self)
        table.horizontalHeader().sectionResized.connect(self._other_resized)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def _other_resized(self, index: int, _old: int, _new: int) -> None:
        if index != self.column:
            self.fit()

    def fit(self) -> None:
        header = self.table.horizontalHeader()
        others = sum(
            header.sectionSize(c)
            for c in range(header.count())
            if c != self.column and not header.isSectionHidden(c)
        )
        room = self.table.viewport().width() - others
        header.resizeSection(self.column, max(self.least, room))


def warning_banner() -> QLabel:
    """The amber line that shows calendar warnings (a year whose holidays are not entered)."""
    banner = QLabel()
    banner.setObjectName("calendarWarning")
    banner.setWordWrap(True)
    banner.setStyleSheet(BANNER_STYLE)
    banner.hide()
    return banner


def push_button(text: str, slot, tip: str = "") -> QPushButton:
    """A page's action button: its label, what it does, and a tooltip saying why or when."""
    button = QPushButton(text)
    button.setToolTip(tip)
    button.clicked.connect(slot)
    return button


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[Any], object]
    width: int = 0  # 0: takes the room left
    centered: bool = False
    tip: Callable[[Any], object] | None = None  # the tooltip, if not the cell's text


class RowsModel(ListModel):
    """Rows read in one go off the GUI thread; `colour(row)` gives a row's background, if any
    (then the text is dark, to stay readable on it)."""

    def __init__(self, columns: Sequence[Column], colour=lambda _row: None, parent=None) -> None:
        super().__init__([c.header for c in columns], parent)
        self.columns, self.colour = columns, colour

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        color: QColor | None = self.colour(row)
        if role == Qt.ItemDataRole.ToolTipRole and column.tip is not None:
            return cell_text(column.tip(row)) or cell_text(column.value(row))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return cell_text(column.value(row))
        if role == Qt.ItemDataRole.BackgroundRole and color is not None:
            return QBrush(color)
        if role == Qt.ItemDataRole.ForegroundRole and color is not None:
            return QBrush(ROW_TEXT)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.centered:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


def rows_table(model: RowsModel, multi: bool = False) -> QTableView:
    return list_table(model, [c.width for c in model.columns], multi)


def selected_rows(table: QTableView) -> list[Any]:
    model = table.model()
    if not isinstance(model, ListModel):
        raise TypeError(f"selected_rows: the table shows a {type(model).__name__}")
    rows = model.rows
    return [
        rows[i.row()] for i in sorted(table.selectionModel().selectedRows()) if i.row() < len(rows)
    ]


def group_box(title: str, widget: QWidget) -> QGroupBox:
    """`widget` in a titled frame with narrow margins."""
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(6, 6, 6, 6)
    layout.addWidget(widget)
    return box
