"""The register as a table model: ids from one SQL query, rows loaded a page at a time on demand.

Sorting and filtering are the query's ORDER BY and WHERE (search.DocumentQuery); the model never
holds more than a bounded number of pages of rows.
"""

from __future__ import annotations

import dataclasses
from collections import OrderedDict
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QColor

from app.services import lifecycle, search
from app.services.search import DocumentQuery, RegisterRow
from app.ui.context import AppContext
from app.ui.widgets.list_model import cell_text

if TYPE_CHECKING:  # the texts service (and text extraction) loads with the first text search
    from app.services.texts import Snippet

# (RegisterRow attribute, DocumentQuery.order_by key, header)
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("reg_number", "reg_number", "登记编号"),
    ("doc_number", "doc_number", "发文字号"),
    ("title", "title", "文件名称"),
    ("issuer_name", "issuer", "制定机关"),
    ("drafting_unit", "drafting_unit", "起草单位"),
    ("published", "published", "公布日期"),
    ("effective", "effective", "施行日期"),
    ("valid_until", "valid_until", "有效期至"),
    ("status_cell", "status", "状态"),
)
STATUS_COLUMN = len(COLUMNS) - 1
TITLE_COLUMN = 2
DATE_COLUMNS = frozenset({5, 6, 7})
ID_ROLE = Qt.ItemDataRole.UserRole

_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_RETIRED_COLOR = QColor(128, 128, 128)  # retired documents read as history, not current law


class DocumentTableModel(QAbstractTableModel):
    def __init__(
        self, ctx: AppContext, page_size: int = 200, max_pages: int = 10, parent=None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.database = ctx.database
        self.page_size = page_size
        self.max_pages = max_pages
        self.query = DocumentQuery()
        self.fetch_count = 0  # pages loaded from the ctx.database (tests watch it)
        self._ids: list[int] = []  # the first page's ids until _complete, then all of them
        self._total = 0
        self._complete = True
        # None where a row was deleted since the query
        self._pages: OrderedDict[int, list[RegisterRow | None]] = OrderedDict()
        self._snippets: dict[int, Snippet] = {}  # 标题和正文: each loaded row's hit in its text

    # --- querying -------------------------------------------------------------------------
    def set_query(self, query: DocumentQuery) -> None:
        self.query = query
        self.refresh()

    def refresh(self) -> None:
        """Run the query again (data changed, or a new filter/order). Only the first page's ids
        and the count are read here; the other ids (100,000 take some 35 ms) once the first page
        has been shown, or at once when a row past it is asked for."""
        with self.database.reading() as s:
            self._reset(*self._first_ids(s))

    def reload(self) -> bool:
        """The data changed (this clerk's save or another's): read the rows again without losing
        the clerk's place. The same documents in the same order are only repainted, so the view
        keeps its scroll position and selection; otherwise the model resets (the view puts its
        place back). True when the rows stayed where they were."""
        with self.database.reading() as s:
            if self._complete:
                ids = search.find_ids(s, self.query)
                total, complete = len(ids), True
            else:
                ids, total, complete = self._first_ids(s)
        if total == self._total and ids[: len(self._ids)] == self._ids:
            self._pages.clear()
            self._snippets.clear()
            if total:
                self.dataChanged.emit(self.index(0, 0), self.index(total - 1, len(COLUMNS) - 1))
            return True
        self._reset(ids, total, complete)
        return False

    def _first_ids(self, s) -> tuple[list[int], int, bool]:
        """The first page's ids (one more, to know whether there are more), the count, and
        whether those ids are all of them."""
        ids = search.find_ids(s, self.query, limit=self.page_size + 1)
        complete = len(ids) <= self.page_size
        return ids, len(ids) if complete else search.count_ids(s, self.query), complete

    def _reset(self, ids: list[int], total: int, complete: bool) -> None:
        self.beginResetModel()
        self._ids = ids if complete else ids[: self.page_size]
        self._total, self._complete = total, complete
        self._pages.clear()
        self._snippets.clear()
        self.endResetModel()

    def _complete_ids(self) -> None:
        if self._complete:
            return
        with self.database.reading() as s:
            ids = search.find_ids(s, self.query)
        if len(ids) != self._total or ids[: len(self._ids)] != self._ids:
            QTimer.singleShot(0, self.refresh)  # changed in between: not a reset inside data()
        self._ids, self._complete = ids, True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        order_by = COLUMNS[column][1]
        descending = order == Qt.SortOrder.DescendingOrder
        if (self.query.order_by, self.query.descending) == (order_by, descending):
            return
        self.set_query(dataclasses.replace(self.query, order_by=order_by, descending=descending))

    def sort_column(self) -> int:
        return next((i for i, c in enumerate(COLUMNS) if c[1] == self.query.order_by), -1)

    # --- rows -----------------------------------------------------------------------------
    def doc_id(self, row: int) -> int | None:
        if row >= len(self._ids):
            self._complete_ids()
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, doc_id: int) -> int:
        if doc_id not in self._ids:
            self._complete_ids()
        try:
            return self._ids.index(doc_id)
        except ValueError:
            return -1

    def snippet(self, doc_id: int) -> Snippet | None:
        """Where the search terms occur in the document's text (标题和正文); its row's page is
        loaded if it was not."""
        if doc_id not in self._snippets and self.query.in_texts and self.query.text:
            row = self.row_of(doc_id)
            if row >= 0:
                self.row_data(row)
        return self._snippets.get(doc_id)

    def row_data(self, row: int) -> RegisterRow | None:
        if row >= len(self._ids):
            self._complete_ids()
        if not 0 <= row < len(self._ids):
            return None
        number, offset = divmod(row, self.page_size)
        page = self._pages.get(number)
        if page is None:
            page = self._load_page(number)
        else:
            self._pages.move_to_end(number)
        return page[offset] if offset < len(page) else None

    def _load_page(self, number: int) -> list[RegisterRow | None]:
        ids = self._ids[number * self.page_size : (number + 1) * self.page_size]
        with self.database.reading() as s:
            rows = search.load_rows(s, ids)
            if self.query.in_texts and self.query.text:
                from app.services import texts

                self._snippets.update(texts.snippets(s, ids, self.query.text))
        self.fetch_count += 1
        # A row deleted since the query leaves a gap: keep positions aligned with the ids.
        by_id = {r.id: r for r in rows}
        page = [by_id.get(i) for i in ids]
        self._pages[number] = page
        while len(self._pages) > self.max_pages:
            self._pages.popitem(last=False)
        if not self._complete:
            QTimer.singleShot(0, self._complete_ids)  # after the first page is painted
        return page

    # --- Qt model interface ---------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == _DISPLAY:
                return COLUMNS[section][2]
            if role == _TOOLTIP:
                return f"按{COLUMNS[section][2]}排序；右键选择显示的列"
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY):
        if not index.isValid() or role not in (_DISPLAY, _TOOLTIP, _ALIGN, _FOREGROUND, ID_ROLE):
            return None
        row = self.row_data(index.row())
        if row is None:
            return None
        column = index.column()
        if role == _DISPLAY:
            return cell_text(getattr(row, COLUMNS[column][0]))
        if role == ID_ROLE:
            return row.id
        if role == _TOOLTIP:
            if column == TITLE_COLUMN:
                hit = self._snippets.get(row.id)
                return (
                    row.title if hit is None else f"{row.title}\n{hit.kind.label}：{hit.marked()}"
                )
            if column == STATUS_COLUMN and row.scheduled is not None:
                return row.scheduled.note
            return None
        if role == _ALIGN:
            return _CENTER if column in DATE_COLUMNS else None
        return _RETIRED_COLOR if row.status in lifecycle.RETIRED else None
