"""设置—审计日志: filter the audit trail, read one record's old and new values, verify the chain,
export what is shown. Rows are fetched a page at a time as the table scrolls."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.reports import audit_export
from app.services import audit_query
from app.services.audit_query import AuditFilter, AuditRow
from app.ui.context import AppContext
from app.ui.widgets.fields import date_edit, line_edit, pydate
from app.ui.widgets.ledger_dialog import export_workbook

PAGE = 200
ROW_HEIGHT = 24  # as in the register
HEADERS = ("时间", "操作人", "操作", "对象", "摘要")
NO_DATE = QDate(2000, 1, 1)  # the minimum of the date boxes, shown as "不限"
AnyIndex = QModelIndex | QPersistentModelIndex


class AuditModel(QAbstractTableModel):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.database = ctx.database
        self.filter = AuditFilter()
        self.total = 0
        self.rows: list[AuditRow] = []

    def load(self, f: AuditFilter) -> None:
        self.beginResetModel()
        self.filter = f
        with self.database.reading() as s:
            self.total = audit_query.count(s, f)
            self.rows = audit_query.page(s, f, 0, PAGE)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(HEADERS)

    def canFetchMore(self, parent: AnyIndex) -> bool:  # noqa: N802
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: AnyIndex) -> None:  # noqa: N802
        with self.database.reading() as s:
            more = audit_query.page(s, self.filter, len(self.rows), PAGE)
        if not more:
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        row = self.rows[index.row()]
        return (f"{row.at:%Y-%m-%d %H:%M:%S}", row.actor_name, row.action, row.object, row.summary)[
            index.column()
        ]


def _date_box() -> QDateEdit:
    box = date_edit()
    box.setMinimumDate(NO_DATE)
    box.setSpecialValueText("不限")
    box.setDate(NO_DATE)
    return box


def _day(box: QDateEdit) -> date | None:
    value = box.date()
    return None if value == NO_DATE else pydate(value)


def detail_text(row: AuditRow) -> str:
    who = row.actor_name if row.actor_name == row.actor else f"{row.actor_name}（{row.actor}）"
    lines = [f"{row.at:%Y-%m-%d %H:%M:%S}　{who}　{row.action}　{row.object}", row.summary]
    if row.changes:
        lines += [
            "",
            "变更内容（原值 → 新值）：",
            *(f"　{line}" for line in row.changes.splitlines()),
        ]
    return "\n".join(lines)


class AuditPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.database = ctx.database
        self.runner = ctx.runner
        self.start, self.end = _date_box(), _date_box()
        self.actor, self.object_type = QComboBox(), QComboBox()
        self.text = line_edit("摘要或数值中的文字")
        self.text.setClearButtonEnabled(True)
        self.model = AuditModel(ctx)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the list; arrows move in it
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        # 对象 names a document by its number and title: room for the number and some title
        for column, width in enumerate((150, 90, 90, 260)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().currentRowChanged.connect(lambda _c, _p: self._show_detail())
        self.detail = QPlainTextEdit()
        self.detail.setTabChangesFocus(True)  # Tab moves on, as in every field
        self.detail.setReadOnly(True)
        self.detail.setPlaceholderText("选择一条记录，查看修改前后的数值。")
        self.count = QLabel()
        self.chain = QLabel()
        self.chain.setWordWrap(True)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setSizes([460, 160])
        layout = QVBoxLayout(self)
        layout.addLayout(self._filters())
        layout.addWidget(splitter, 1)
        layout.addLayout(self._footer())

    def _filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for label, widget in (
            ("日期从", self.start),
            ("至", self.end),
            ("操作人", self.actor),
            ("对象类型", self.object_type),
            ("文字", self.text),
        ):
            row.addWidget(QLabel(f"{label}："))
            row.addWidget(widget, 2 if widget is self.text else 0)
        search = QPushButton("查询")
        search.clicked.connect(self.apply)
        self.text.returnPressed.connect(self.apply)
        for box in (self.actor, self.object_type):
            box.activated.connect(lambda _i: self.apply())
        for edit in (self.start, self.end):
            edit.dateChanged.connect(lambda _d: self.apply())
        row.addWidget(search)
        return row

    def _footer(self) -> QHBoxLayout:
        verify = QPushButton("验证审计链")
        verify.clicked.connect(self.verify_chain)
        export = QPushButton("导出 Excel…")
        export.clicked.connect(self.export)
        row = QHBoxLayout()
        row.addWidget(self.count)
        row.addWidget(self.chain, 1)
        row.addWidget(verify)
        row.addWidget(export)
        return row

    def reload_choices(self) -> None:
        with self.database.reading() as s:
            names, types = audit_query.actors(s), audit_query.object_types(s)
        for box, choices in ((self.actor, names), (self.object_type, types)):
            current = box.currentData()
            box.clear()
            box.addItem("全部", "")
            for code, label in choices:
                box.addItem(label, code)
            box.setCurrentIndex(max(box.findData(current), 0))

    def current_filter(self) -> AuditFilter:
        return AuditFilter(
            start=_day(self.start),
            end=_day(self.end),
            actor=self.actor.currentData() or "",
            object_type=self.object_type.currentData() or "",
            text=self.text.text(),
        )

    def apply(self) -> None:
        self.model.load(self.current_filter())
        self.count.setText(f"共 {self.model.total} 条")
        self.detail.clear()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        # The log grows with every action elsewhere; show it as it is when the tab is opened.
        self.reload_choices()
        self.apply()
        super().showEvent(event)

    def _show_detail(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.detail.setPlainText(detail_text(self.model.rows[index.row()]))

    def verify_chain(self) -> None:
        self.chain.setText("正在验证…")
        url = self.database.url
        self.runner.run(
            lambda s, _p: audit_query.chain_verdict(s, url),
            on_done=self._verified,
            parent=self,
            progress="正在验证审计链…",
        )

    def _verified(self, verdict: str) -> None:
        self.chain.setText(verdict.splitlines()[0].rstrip("："))  # one line here; the box lists all
        self.chain.setToolTip(verdict)
        if not audit_query.verdict_is_clean(verdict):
            QMessageBox.warning(self, "验证审计链", verdict)
            return
        QMessageBox.information(self, "验证审计链", verdict)

    def export(self) -> None:
        f = self.current_filter()
        export_workbook(
            self.ctx,
            "审计日志",
            lambda s, target, progress: audit_export.xlsx(s, target, f, progress),
            self,
        )
