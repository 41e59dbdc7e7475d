"""录入放假通知: the text of a 国务院办公厅 holiday notice pasted or opened, parsed, set beside the
calendar in use for its year (a table of the days it changes), then saved on confirmation.
Reading and comparing are the service's (holiday_notice); this dialog only shows them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QBrush, QColor, QFont, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.services import holiday_notice
from app.services.holiday_notice import Comparison, NoticeError
from app.ui.changes import Change
from app.ui.context import AppContext
from app.ui.settings.calendar_page import KINDS, WEEKDAYS
from app.ui.widgets import state
from app.ui.widgets.form_dialog import ServiceDialog

HINT = (
    "将国务院办公厅《关于某年部分节假日安排的通知》全文（含标题）粘贴到左侧，"
    "或打开保存为 .txt 的通知，点击“解析”核对后再确认保存。"
)


class NoticeDialog(ServiceDialog):
    announces = frozenset({Change.CALENDAR})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, ok_text="确认保存")
        self.setWindowTitle("录入放假通知")
        self.comparison: Comparison | None = None
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)  # Tab moves on, as in every field
        self.text.setPlaceholderText("国务院办公厅关于2027年部分节假日安排的通知\n……")
        self.text.setMinimumSize(260, 120)
        self.text.textChanged.connect(self._forget)
        self.open_button = QPushButton("打开文件…")
        self.open_button.clicked.connect(self.open_file)
        self.parse_button = QPushButton("解析")
        self.parse_button.clicked.connect(self.parse)
        self.summary = QLabel("尚未解析。")
        self.summary.setObjectName("noticeSummary")
        self.summary.setWordWrap(True)
        self.table = self._changes_table()
        self.save_button.setEnabled(False)
        self.setMinimumWidth(560)
        state.resize_within_screen(self, 960, 560)

        left = QVBoxLayout()
        left.addWidget(QLabel("<b>通知文本</b>"))
        left.addWidget(self.text, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.open_button)
        actions.addStretch(1)
        actions.addWidget(self.parse_button)
        left.addLayout(actions)
        right = QVBoxLayout()
        right.addWidget(QLabel("<b>解析结果</b>"))
        right.addWidget(self.summary)
        right.addWidget(self.table, 1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        hint = QLabel(HINT)
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(columns, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    @property
    def save_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        state.fit_to_screen(self)

    def _changes_table(self) -> QTableWidget:
        table = QTableWidget(0, 3)
        table.setTabKeyNavigation(False)  # Tab leaves the list; arrows move in it
        table.setHorizontalHeaderLabels(["日期", "暂定安排", "通知安排"])
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setMinimumHeight(100)
        table.horizontalHeader().setStretchLastSection(True)
        table.horizontalHeader().resizeSection(0, 150)
        return table

    # --- reading --------------------------------------------------------------------------
    def open_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, "打开放假通知", "", "文本文件 (*.txt);;所有文件 (*)"
        )
        if not name:
            return
        try:
            text = holiday_notice.read_file(Path(name))
        except UserError as exc:
            self.show_error(exc.message)
            return
        self.text.setPlainText(text)
        self.parse()

    def parse(self) -> None:
        self._forget()
        try:
            notice = holiday_notice.parse(self.text.toPlainText())
        except NoticeError as exc:
            self.show_error(exc.message)
            self.summary.setText("未能解析，见下方的说明。")
            self._select_line(exc.line)
            return
        with self.database.reading() as s:
            self.comparison = holiday_notice.compare(s, notice)
        self.show_error("")
        self._show(self.comparison)
        self.save_button.setEnabled(True)

    def _forget(self) -> None:
        if self.comparison is None and not self.table.rowCount():
            return
        self.comparison = None
        self.save_button.setEnabled(False)
        self.summary.setText("文本已修改，请重新解析。")
        self.table.setRowCount(0)

    def _select_line(self, line: int) -> None:
        block = self.text.document().findBlockByNumber(line - 1)
        if line < 1 or not block.isValid():
            return
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)
        self.text.setFocus()

    def _show(self, comparison: Comparison) -> None:
        notice = comparison.notice
        festivals = "<br>".join(
            f"{'、'.join(f.names)}：{_span(f.days_off)}放假"
            + (f"；{'、'.join(_md(d) for d in f.makeup)}上班" if f.makeup else "")
            for f in notice.festivals
        )
        changed = sum(c.workday_changed for c in comparison.changes)
        self.summary.setText(
            f"<b>{notice.year} 年</b>：放假 {len(notice.days_off)} 天，调休上班 "
            f"{len(notice.makeup)} 天。<br>{festivals}<br>与{comparison.before_label}不同的日期 "
            f"{len(comparison.changes)} 天，其中 {changed} 天是否上班有变化（加粗）。"
        )
        self.table.setHorizontalHeaderLabels(["日期", comparison.before_label, "通知安排"])
        self.table.setRowCount(len(comparison.changes))
        for row, change in enumerate(comparison.changes):
            day = change.day
            label = f"{day.year}年{_md(day)} 周{WEEKDAYS[day.weekday()]}"
            self.table.setItem(row, 0, QTableWidgetItem(label))
            for column, kind in ((1, change.before), (2, change.after)):
                label, background, text = KINDS[kind]
                item = QTableWidgetItem(label)
                item.setBackground(QBrush(QColor(background)))
                item.setForeground(QBrush(QColor(text)))
                if change.workday_changed:
                    font = QFont()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)

    # --- saving ---------------------------------------------------------------------------
    def prepare(self):
        if self.comparison is None:
            raise UserError("放假通知：请先解析通知文本。", field="放假通知")
        actor, notice = self.ctx.actor(), self.comparison.notice
        return lambda s, _progress: holiday_notice.save(s, actor, notice)


def _md(day) -> str:
    return f"{day.month}月{day.day}日"


def _span(days: tuple) -> str:
    """As a notice words it: 2月5日至13日, 9月29日至10月6日."""
    first, last = days[0], days[-1]
    if first == last:
        return _md(first)
    return f"{_md(first)}至{_md(last) if last.month != first.month else f'{last.day}日'}"
