"""设置—工作日历: a year's working days month by month, the office's corrections, and the
dialogs that correct one day or enter a year's published holiday schedule. Whether a day is a
working day always comes from WorkCalendar; this page only shows it."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.services import holiday_notice, statutory_holidays, workcalendar
from app.services.workcalendar import WorkCalendar
from app.ui.changes import Change
from app.ui.context import AppContext
from app.ui.widgets.fields import date_edit, line_edit, pydate
from app.ui.widgets.form_dialog import ServiceDialog
from app.ui.widgets.style import ERROR_STYLE, MUTED_STYLE

WEEKDAYS = "一二三四五六日"
FIRST_YEAR, LAST_YEAR = 1990, 2100
CELL_WIDTH, CELL_HEIGHT = 30, 22
YEAR_WIDTH = 100
# kind -> (legend label, background, text colour)
KINDS: dict[str, tuple[str, str, str]] = {
    "workday": ("工作日", "#ffffff", "#202020"),
    "rest": ("休息日", "#e4e4e4", "#606060"),
    "holiday": ("节假日", "#f7c6c6", "#a31515"),
    "makeup": ("调休上班", "#c6daf7", "#164a9c"),
}
DATE_ROLE = Qt.ItemDataRole.UserRole
KIND_ROLE = Qt.ItemDataRole.UserRole + 1
CORRECTED_ROLE = Qt.ItemDataRole.UserRole + 2
BANNER_STYLE = "background: #fff4ce; border: 1px solid #e0c060; padding: 6px;"


def long_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日 星期{WEEKDAYS[day.weekday()]}"


class MonthGrid(QTableWidget):
    """One month, Monday first; each day's cell carries its date, kind and correction flag."""

    day_clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(6, 7, parent)
        self.setTabKeyNavigation(False)  # arrows move between days; Tab leaves the month
        self.setHorizontalHeaderLabels(list(WEEKDAYS))
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setDefaultSectionSize(CELL_WIDTH)
        self.horizontalHeader().setHighlightSections(False)
        self.verticalHeader().setDefaultSectionSize(CELL_HEIGHT)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        frame = 2 * self.frameWidth()
        header = self.horizontalHeader().sizeHint().height()
        self.setFixedSize(7 * CELL_WIDTH + frame, header + 6 * CELL_HEIGHT + frame)
        self.cellClicked.connect(self._clicked)

    def show_month(self, year: int, month: int, cal: WorkCalendar, notes: dict[date, str]) -> None:
        self.clearContents()
        day = date(year, month, 1)
        row = 0
        while day.month == month:
            self.setItem(row, day.weekday(), self._item(day, cal, notes))
            row += day.weekday() == 6
            day += timedelta(days=1)

    @staticmethod
    def _item(day: date, cal: WorkCalendar, notes: dict[date, str]) -> QTableWidgetItem:
        kind = cal.kind(day)
        label, background, text = KINDS[kind]
        item = QTableWidgetItem(str(day.day))
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        item.setData(DATE_ROLE, day)
        item.setData(KIND_ROLE, kind)
        item.setData(CORRECTED_ROLE, day in notes)
        item.setBackground(QBrush(QColor(background)))
        item.setForeground(QBrush(QColor(text)))
        tip = f"{long_date(day)}：{label}"
        if day in notes:
            font = QFont()
            font.setBold(True)
            font.setUnderline(True)
            item.setFont(font)
            tip += f"\n本单位设置：{notes[day] or '（无说明）'}"
        item.setToolTip(tip)
        return item

    def item_of(self, day: date) -> QTableWidgetItem | None:
        for row in range(self.rowCount()):
            item = self.item(row, day.weekday())
            if item is not None and item.data(DATE_ROLE) == day:
                return item
        return None

    def _clicked(self, row: int, column: int) -> None:
        item = self.item(row, column)
        if item is not None:
            self.day_clicked.emit(item.data(DATE_ROLE))


class DayDialog(ServiceDialog):
    announces = frozenset({Change.CALENDAR})

    """Correct one day: make it a working day or a rest day, or go back to the national schedule."""

    def __init__(
        self,
        ctx: AppContext,
        day: date,
        kind: str,
        correction: workcalendar.DayEntry | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.day = day
        self.setWindowTitle("设置工作日")
        now = f"现在：{KINDS[kind][0]}"
        if correction is not None:
            now += f"（本单位设置：{correction.note or '无说明'}，{correction.updated_by_name}）"
        self.workday = QRadioButton("设为工作日")
        self.rest = QRadioButton("设为休息日")
        self.default = QRadioButton("恢复默认")
        self.default.setEnabled(correction is not None)
        self.choice = QButtonGroup(self)
        choices = QHBoxLayout()
        for button in (self.workday, self.rest, self.default):
            self.choice.addButton(button)
            choices.addWidget(button)
        (self.rest if kind in ("workday", "makeup") else self.workday).setChecked(True)
        self.note = QLineEdit(correction.note if correction is not None else "")
        self.note.setPlaceholderText("例如：本地延长假期")
        self.default.toggled.connect(lambda on: self.note.setEnabled(not on))
        form = QFormLayout()
        form.addRow("改为：", choices)
        form.addRow("说明：", self.note)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{long_date(day)}</b>"))
        layout.addWidget(QLabel(now))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def prepare(self):
        day, actor, note = self.day, self.ctx.actor(), self.note.text()
        if self.default.isChecked():
            return lambda s, _progress: workcalendar.clear_day(s, actor, day)
        working = self.workday.isChecked()
        return lambda s, _progress: workcalendar.set_day(s, actor, day, working, note)


class DateList(QWidget):
    """Dates entered as ranges (e.g. 10月1日至10月7日), listed one by one."""

    def __init__(self, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start, self.end = date_edit(date(year, 1, 1)), date_edit(date(year, 1, 1))
        self.start.dateChanged.connect(self._follow_start)
        self.add = QPushButton("添加")
        self.add.clicked.connect(self.add_range)
        self.remove = QPushButton("删除所选")
        self.remove.clicked.connect(self.remove_selected)
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setFixedHeight(110)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        top = QHBoxLayout()
        for widget in (self.start, QLabel("至"), self.end, self.add, self.remove):
            top.addWidget(widget)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(self.list)

    def set_year(self, year: int) -> None:
        for edit in (self.start, self.end):
            edit.setDate(edit.date().addYears(year - edit.date().year()))

    def _follow_start(self, start: QDate) -> None:
        if self.end.date() < start:
            self.end.setDate(start)

    def add_range(self) -> None:
        start, end = pydate(self.start.date()), pydate(self.end.date())
        if end < start:
            self.error.setText("结束日期不能早于开始日期。")
            self.error.show()
            return
        self.error.hide()
        days = set(self.dates()) | {
            start + timedelta(days=k) for k in range((end - start).days + 1)
        }
        self._show(sorted(days))

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))

    def _show(self, days: list[date]) -> None:
        self.list.clear()
        for day in days:
            item = QListWidgetItem(long_date(day))
            item.setData(DATE_ROLE, day)
            self.list.addItem(item)

    def dates(self) -> list[date]:
        return [self.list.item(i).data(DATE_ROLE) for i in range(self.list.count())]


class YearDialog(ServiceDialog):
    announces = frozenset({Change.CALENDAR})

    """录入年度安排: a year's holidays and make-up working days as the State Council published them."""

    def __init__(self, ctx: AppContext, year: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle("录入年度节假日安排")
        self.setMinimumWidth(560)
        self.year = QSpinBox()
        self.year.setRange(FIRST_YEAR, LAST_YEAR)
        self.year.setSuffix(" 年")
        self.year.setFixedWidth(YEAR_WIDTH)
        self.year.setValue(year)
        self.holidays = DateList(year)
        self.makeup = DateList(year)
        self.source = line_edit(f"例如：国务院办公厅关于{year}年部分节假日安排的通知")
        self.year.valueChanged.connect(self.holidays.set_year)
        self.year.valueChanged.connect(self.makeup.set_year)
        hint = QLabel("按通知逐段添加放假日期和调休上班日期；未列出的日期按周一至周五上班。")
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow("年份：", self.year)
        form.addRow("放假日期：", self.holidays)
        form.addRow("调休上班日期：", self.makeup)
        form.addRow("依据文件：", self.source)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def prepare(self):
        actor, year, source = self.ctx.actor(), self.year.value(), self.source.text()
        holidays, makeup = self.holidays.dates(), self.makeup.dates()
        return lambda s, _progress: workcalendar.enter_year(
            s, actor, year, holidays, makeup, source
        )


class CalendarPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.database = ctx.database
        self.runner = ctx.runner
        self.dialog: ServiceDialog | None = None
        self.corrections: dict[date, workcalendar.DayEntry] = {}

        self.year = QSpinBox()
        self.year.setRange(FIRST_YEAR, LAST_YEAR)
        self.year.setSuffix(" 年")
        self.year.setValue(clock.today().year)
        self.year.valueChanged.connect(self.refresh)
        self.enter_button = QPushButton("录入年度安排…")
        self.enter_button.clicked.connect(self.enter_year)
        self.notice_button = QPushButton("录入放假通知…")
        self.notice_button.setToolTip("粘贴国务院办公厅放假通知的全文，解析核对后保存")
        self.notice_button.clicked.connect(self.enter_notice)
        self.notice_button.setEnabled(holiday_notice.may_load(ctx.user))
        self.banner = QLabel()
        self.banner.setObjectName("calendarBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.source = QLabel()
        self.source.setStyleSheet(MUTED_STYLE)
        self.months = [MonthGrid() for _ in range(12)]
        for grid in self.months:
            grid.day_clicked.connect(self.open_day)
        self.table = self._corrections_table()

        layout = QVBoxLayout(self)
        layout.addLayout(self._toolbar())
        layout.addWidget(self.banner)
        layout.addWidget(self.source)
        layout.addWidget(self._scroll_area(), 1)
        self.runner.data_changed.connect(self.on_data_changed)
        self.refresh()

    def _toolbar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.addWidget(QLabel("年份："))
        bar.addWidget(self.year)
        bar.addWidget(self.enter_button)
        bar.addWidget(self.notice_button)
        bar.addStretch(1)
        for label, background, text in KINDS.values():
            swatch = QLabel(label)
            swatch.setStyleSheet(
                f"background: {background}; color: {text}; border: 1px solid #bbbbbb;"
                " padding: 2px 6px;"
            )
            bar.addWidget(swatch)
        marked = QLabel("<b><u>加粗带下划线</u></b>：本单位设置")
        bar.addWidget(marked)
        return bar

    def _scroll_area(self) -> QScrollArea:
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        for index, month in enumerate(self.months):
            cell = QVBoxLayout()
            cell.addWidget(QLabel(f"<b>{index + 1}月</b>"))
            cell.addWidget(month)
            grid.addLayout(cell, index // 4, index % 4)
        grid.setColumnStretch(4, 1)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addLayout(grid)
        layout.addSpacing(8)
        layout.addWidget(QLabel("<b>本单位录入和更正的日期</b>（双击可修改）"))
        layout.addWidget(self.table, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        return scroll

    def _corrections_table(self) -> QTableWidget:
        table = QTableWidget(0, 5)
        table.setTabKeyNavigation(False)  # Tab leaves the list; arrows move in it
        table.setHorizontalHeaderLabels(["日期", "设为", "说明", "设置人", "设置时间"])
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setMinimumHeight(180)
        table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((170, 70, 220, 110)):
            table.horizontalHeader().resizeSection(column, width)
        table.cellDoubleClicked.connect(lambda row, _col: self._open_row(table, row))
        return table

    # --- data -----------------------------------------------------------------------------
    def refresh(self) -> None:
        year = self.year.value()
        with self.database.reading() as s:
            cal = workcalendar.load(s)
            rows = workcalendar.entries(s, year)
            entered = workcalendar.entered(s, year)
        self.corrections = {row.day: row for row in rows}
        notes = {row.day: row.note for row in rows}
        for month, grid in enumerate(self.months, start=1):
            grid.show_month(year, month, cal, notes)
        self._show_known(year, cal, entered)
        self._show_corrections(rows)

    def _show_known(
        self, year: int, cal: WorkCalendar, entered: workcalendar.YearEntered | None
    ) -> None:
        self.banner.setText(
            f"{year} 年的节假日安排尚未录入，期限暂按《全国年节及纪念日放假办法》"
            f"（{statutory_holidays.version(year)}）的法定节假日和周末计算，为暂定。"
            "国务院办公厅的通知发布后，请点击“录入放假通知”粘贴通知全文。"
        )
        self.banner.setVisible(not cal.knows(year))
        if entered is not None:
            when = entered.entered_at.strftime("%Y-%m-%d")
            source = entered.source or "未填写"
            self.source.setText(
                f"{year} 年安排由 {entered.entered_by_name} 于 {when} 录入，依据：{source}"
            )
        elif year in workcalendar.BUNDLED_YEARS:
            self.source.setText(f"{year} 年安排采用程序内置的国务院办公厅节假日安排。")
        else:
            self.source.setText("")
        self.source.setVisible(bool(self.source.text()))

    def _show_corrections(self, rows: list[workcalendar.DayEntry]) -> None:
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            cells = (
                long_date(row.day),
                "工作日" if row.is_workday else "休息日",
                row.note,
                row.updated_by_name,
                row.updated_at.strftime("%Y-%m-%d %H:%M"),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(DATE_ROLE, row.day)
                self.table.setItem(index, column, item)

    def on_data_changed(self, kinds: set[str]) -> None:
        if Change.CALENDAR in kinds:
            self.refresh()

    def day_item(self, day: date) -> QTableWidgetItem | None:
        """The cell showing `day` (only for the year on show)."""
        if day.year != self.year.value():
            return None
        return self.months[day.month - 1].item_of(day)

    # --- actions --------------------------------------------------------------------------
    def _open_row(self, table: QTableWidget, row: int) -> None:
        item = table.item(row, 0)
        if item is not None:
            self.open_day(item.data(DATE_ROLE))

    def open_day(self, day: date) -> None:
        item = self.day_item(day)
        if item is None:
            return  # a day of a year not on show
        kind = item.data(KIND_ROLE)
        self._open(DayDialog(self.ctx, day, kind, self.corrections.get(day), self))

    def enter_year(self) -> None:
        dialog = YearDialog(self.ctx, self.year.value(), self)
        dialog.accepted.connect(lambda: self.year.setValue(dialog.year.value()))
        self._open(dialog)

    def enter_notice(self) -> None:
        from app.ui.settings.notice_dialog import (
            NoticeDialog,
        )  # it takes its colours from this page

        dialog = NoticeDialog(self.ctx, self)

        def saved() -> None:
            if isinstance(dialog.returned, holiday_notice.Comparison):
                self.year.setValue(dialog.returned.notice.year)

        dialog.accepted.connect(saved)
        self._open(dialog)

    def _open(self, dialog: ServiceDialog) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: ServiceDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
