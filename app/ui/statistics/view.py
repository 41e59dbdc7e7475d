"""统计: the figures of the annual rule-of-law report for a year and an issuer, each with its
numerator and denominator and the documents behind them; documents by status, reviews, cleanup and
objections; charts; the 年度统计表 printed or exported in one click."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app import clock
from app.services import cleanup, filing, issuers, statistics
from app.services.lifecycle import REVIEW_OUTCOMES
from app.services.statistics import FILING_STATES, AnnualStatistics, DocumentLine, Figure, Period
from app.services.vocabulary import ReviewOutcome
from app.ui.changes import Change
from app.ui.context import AppContext
from app.ui.lazy_reports import annual_statistics, annual_statistics_xlsx
from app.ui.operations import Reload, Work
from app.ui.widgets import state
from app.ui.widgets.charts import BLUE, GREEN, GREY, ORANGE, RED, BarChart, Series, StackedBarChart
from app.ui.widgets.ledger_dialog import export_workbook
from app.ui.widgets.pdf_preview import preview_generated

FIRST_YEAR = 1990  # as in the register's year filter
REFRESH_KINDS = frozenset(
    {
        Change.DOCUMENTS,
        Change.FILINGS,
        Change.REVIEWS,
        Change.CLEANUP,
        Change.OBJECTIONS,
        Change.SETTINGS,
        Change.ISSUERS,
        Change.CALENDAR,
    }
)
TIMELINESS_COLORS = {"on_time": GREEN, "late": ORANGE, "not_filed": RED, "unrecorded": GREY}
OUTCOME_COLORS = {
    ReviewOutcome.LAWFUL: GREEN,
    ReviewOutcome.LAWFUL_IF_CHANGED: ORANGE,
    ReviewOutcome.UNLAWFUL: RED,
}
DRILL_HINT = "双击查看相关文件"


@dataclass(frozen=True)
class StatisticsFigures:
    stats: AnnualStatistics
    issuers: list[tuple[str, str]]  # (code, name) for the chooser


def read_page(s: Session, year: int, issuer_code: str | None) -> StatisticsFigures:
    stats = statistics.annual(s, Period.of_year(year), issuer_code)
    return StatisticsFigures(
        stats, [(i.code, issuers.shown_name(s, i)) for i in issuers.list_issuers(s)]
    )


def _item(text: str, tip: str = "", right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if tip:
        item.setToolTip(tip)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class CompactTable(QTableWidget):
    """A small read-only table as tall as its rows: the page scrolls, not the table."""

    def __init__(self, headers: list[str], first_width: int = 130) -> None:
        super().__init__(0, len(headers))
        self.setHorizontalHeaderLabels(headers)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(24)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(0, first_width)

    def set_rows(self, rows: list[list[QTableWidgetItem]]) -> None:
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, item in enumerate(row):
                self.setItem(r, c, item)
        header = self.horizontalHeader().sizeHint().height()
        self.setFixedHeight(header + 24 * len(rows) + 2 * self.frameWidth())


def _group(title: str, *widgets: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch(1)
    return box


class StatisticsView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.database = ctx.database
        self.runner = ctx.runner
        self.stats: AnnualStatistics | None = None
        self.dialog: DrillDownDialog | None = None  # the drill-down last opened (tests drive it)
        self.reload = Reload(self, self.runner, self._work, self._loaded)

        self.year = QComboBox()
        for year in range(clock.today().year, FIRST_YEAR - 1, -1):
            self.year.addItem(f"{year} 年", year)
        self.issuer = QComboBox()
        self.issuer.addItem(statistics.ALL_ISSUERS, None)
        self.issuer.setMinimumContentsLength(14)
        self.print_button = QPushButton("打印统计表…")
        self.print_button.setToolTip("预览并打印年度统计表（PDF）")
        self.print_button.clicked.connect(self.print_statistics)
        self.export_button = QPushButton("导出 Excel…")
        self.export_button.setToolTip("导出年度统计表和各项指标的文件明细")
        self.export_button.clicked.connect(self.export)
        top = QHBoxLayout()
        top.addWidget(QLabel("统计年度："))
        top.addWidget(self.year)
        top.addSpacing(12)
        top.addWidget(QLabel("制定机关："))
        top.addWidget(self.issuer)
        top.addStretch(1)
        top.addWidget(self.print_button)
        top.addWidget(self.export_button)
        self.year.currentIndexChanged.connect(self.refresh)
        self.issuer.currentIndexChanged.connect(self.refresh)
        self.summary = QLabel()
        self.summary.setObjectName("statisticsSummary")

        self.figures = CompactTable(["名称", "分子", "分母", "比率"], 140)
        self.figures.setToolTip(DRILL_HINT)
        self.figures.cellDoubleClicked.connect(self.drill_figure)
        self.figure_notes = QLabel()  # what a figure leaves out (备案情况未录入), beside it
        self.figure_notes.setObjectName("figureNotes")
        self.figure_notes.setWordWrap(True)
        self.figure_notes.hide()
        self.statuses = CompactTable(["期末状态", "件数"], 140)
        self.statuses.cellDoubleClicked.connect(self.drill_status)
        self.reviews = CompactTable(["审核对象", "收案", "办结", *REVIEW_OUTCOMES], 130)
        self.cleanups = CompactTable(["清理名称", "实施日期", *cleanup.DECISIONS.values()], 320)
        self.objections = CompactTable(["收到", "按期答复", "逾期答复", "逾期未答复", "办理中"], 80)
        self.upper_laws = QLabel()  # the upper-law changes and their special cleanups
        self.upper_laws.setObjectName("upperLawCounts")
        self.upper_laws.setWordWrap(True)
        self.years_chart = BarChart("历年公布文件数（件）")
        self.quarter_chart = StackedBarChart("各季度备案及时情况（件）")
        self.outcome_chart = BarChart("合法性审核结论（件）")

        grid = QGridLayout()
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.addWidget(_group("主要指标", self.figures, self.figure_notes), 0, 0)
        grid.addWidget(self.years_chart, 0, 1)
        grid.addWidget(_group("文件公布情况（按统计期末状态）", self.statuses), 1, 0)
        grid.addWidget(self.quarter_chart, 1, 1)
        grid.addWidget(_group("合法性审核情况", self.reviews), 2, 0)
        grid.addWidget(self.outcome_chart, 2, 1, 2, 1)
        grid.addWidget(_group("审查建议办理情况", self.objections), 3, 0)
        grid.addWidget(
            _group("清理情况（统计期间实施的清理）", self.cleanups, self.upper_laws), 4, 0, 1, 2
        )
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.addWidget(self.summary)
        inner.addLayout(grid)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        self.runner.data_changed.connect(self.on_data_changed)
        self.refresh()

    # --- data -----------------------------------------------------------------------------
    def period(self) -> Period:
        return Period.of_year(self.year.currentData())

    def refresh(self) -> None:
        self.reload()

    def _work(self) -> Work:
        year, code = self.year.currentData(), self.issuer.currentData()
        return lambda s, _p: read_page(s, year, code)

    def _loaded(self, page: StatisticsFigures) -> None:
        self._set_issuers(page.issuers)
        self.stats = stats = page.stats
        self.summary.setText(
            f"<b>{stats.issuer}</b>　统计期间：{stats.period.label}（按公布日期）　"
            f"公布文件 <b>{stats.issued.n}</b> 件"
        )
        self._show_figures(stats.figures)
        self._show_tables(stats)
        self._show_charts(stats)

    def on_data_changed(self, kinds: set[str]) -> None:
        if kinds & REFRESH_KINDS:
            if self.isVisible():
                self.refresh()
            else:
                self.reload.stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self.reload.when_shown()

    def _set_issuers(self, known: list[tuple[str, str]]) -> None:
        current = self.issuer.currentData()
        if [self.issuer.itemData(i) for i in range(1, self.issuer.count())] == [
            c for c, _ in known
        ]:
            return
        self.issuer.blockSignals(True)
        self.issuer.clear()
        self.issuer.addItem(statistics.ALL_ISSUERS, None)
        for code, name in known:
            self.issuer.addItem(name, code)
        self.issuer.setCurrentIndex(max(self.issuer.findData(current), 0))
        self.issuer.blockSignals(False)

    # --- showing ---------------------------------------------------------------------------
    def _show_figures(self, figures: list[Figure]) -> None:
        rows = []
        for f in figures:
            tip = f"{f.name}：{f.definition}\n按公布日期统计；分母为 0 时显示“无”。\n{DRILL_HINT}"
            if f.note:
                tip = f"{tip}\n{f.note}（录入其备案情况后计入）"
            name = f"{f.name} ※" if f.note else f.name
            rows.append(
                [
                    _item(name, tip),
                    _item(str(f.numerator), tip, True),
                    _item(str(f.denominator), tip, True),
                    _item(f.shown(), tip, True),
                ]
            )
        self.figures.set_rows(rows)
        self.figure_notes.setText(
            "\n".join(f"※{line}（录入其备案情况后计入）" for line in statistics.notes(figures))
        )
        self.figure_notes.setVisible(bool(self.figure_notes.text()))

    def _show_tables(self, stats: AnnualStatistics) -> None:
        tip = f"统计期末（{stats.period.end}）的状态；{DRILL_HINT}"
        self.statuses.set_rows(
            [[_item(c.label, tip), _item(str(c.n), tip, True)] for c in stats.statuses]
            + [[_item("合计"), _item(str(stats.issued.n), right=True)]]
        )
        reviews = [
            [
                _item(r.subject),
                _item(str(r.received), right=True),
                _item(str(r.concluded), right=True),
                *(_item(str(r.outcomes[o]), right=True) for o in REVIEW_OUTCOMES),
            ]
            for r in stats.reviews
        ]
        self.reviews.set_rows(reviews)
        totals = stats.cleanup_totals
        cleanups = [
            [
                _item(
                    c.title,
                    f"{c.title}（{c.kind}"
                    + (f"，因《{c.upper_law}》变化" if c.upper_law else "")
                    + "）",
                ),
                _item(c.applied_on.isoformat()),
                *(_item(str(n), right=True) for n in c.decisions.values()),
            ]
            for c in stats.cleanups
        ]
        if len(stats.cleanups) != 1:
            label = "合计" if stats.cleanups else "（统计期间没有实施的清理）"
            cleanups.append(
                [_item(label), _item(""), *(_item(str(n), right=True) for n in totals.values())]
            )
        self.cleanups.set_rows(cleanups)
        self.upper_laws.setText(f"上位法变化：{stats.upper_laws.text}")
        o = stats.objections
        self.objections.set_rows(
            [
                [
                    _item(str(n), right=True)
                    for n in (
                        o.received,
                        o.replied_in_time,
                        o.replied_late,
                        o.overdue_open,
                        o.pending,
                    )
                ]
            ]
        )

    def _show_charts(self, stats: AnnualStatistics) -> None:
        self.years_chart.set_data(
            [str(y) for y, _n in stats.per_year],
            [Series("公布文件", BLUE, [n for _y, n in stats.per_year])],
        )
        self.quarter_chart.set_data(
            [q.label for q in stats.quarters],
            [
                Series(name, TIMELINESS_COLORS[key], [q.counts[key] for q in stats.quarters])
                for key, name in FILING_STATES.items()
            ],
            title=f"{stats.period.end.year}年各季度备案及时情况（件）",
        )
        outcomes = stats.review_outcomes
        self.outcome_chart.set_data(
            list(outcomes),
            [Series("办结件数", BLUE, list(outcomes.values()))],
            bar_colors=[OUTCOME_COLORS[o] for o in outcomes],
        )

    # --- drill-down ------------------------------------------------------------------------
    def drill_figure(self, row: int, _column: int = 0) -> None:
        if self.stats is None or row >= len(self.stats.figures):
            return
        f = self.stats.figures[row]
        counted = set(f.numerator_ids)
        choices = [
            (f"计入分子的文件（{f.numerator} 件）", f.numerator_ids),
            (f"分母中的全部文件（{f.denominator} 件）", f.denominator_ids),
            (
                f"未计入分子的文件（{f.denominator - f.numerator} 件）",
                [i for i in f.denominator_ids if i not in counted],
            ),
        ]
        if f.left_out:
            choices.append(
                (f"{filing.UNRECORDED}、未计入的文件（{f.left_out} 件）", f.left_out_ids)
            )
        self._drill(f"{f.name}：{f.definition}", choices)

    def drill_status(self, row: int, _column: int = 0) -> None:
        if self.stats is None:
            return
        counts = self.stats.statuses
        chosen = counts[row] if row < len(counts) else self.stats.issued
        self._drill(
            f"{self.stats.period.label}公布、期末{chosen.label}的文件",
            [(f"{chosen.label}（{chosen.n} 件）", chosen.ids)],
        )

    def _drill(self, title: str, choices: list[tuple[str, list[int]]]) -> None:
        dialog = DrillDownDialog(self.ctx, title, choices, self)
        dialog.document_chosen.connect(self.show_in_register)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    def show_in_register(self, doc_id: int) -> None:
        """Jump to the document in the register, when the view sits in the main window."""
        window = self.window()
        if hasattr(window, "show_section") and hasattr(window, "page"):
            window.show_section("register")
            window.page("register").select_document(doc_id)

    # --- printing --------------------------------------------------------------------------
    def _title(self) -> str:
        year, code = self.year.currentData(), self.issuer.currentData()
        name = f"{year}年规范性文件工作统计表"
        return f"{name}（{self.issuer.currentText()}）" if code else name

    def print_statistics(self) -> None:
        period, code = self.period(), self.issuer.currentData()
        preview_generated(
            self.ctx,
            self._title(),
            lambda s, target, progress: annual_statistics.pdf(s, target, period, code, progress),
            self,
        )

    def export(self) -> None:
        period, code = self.period(), self.issuer.currentData()
        export_workbook(
            self.ctx,
            self._title(),
            lambda s, target, progress: annual_statistics_xlsx.xlsx(
                s, target, period, code, progress
            ),
            self,
        )


DRILL_COLUMNS = (
    ("登记编号", 130),
    ("发文字号", 150),
    ("文件名称", 0),
    ("制定机关", 150),
    ("公布日期", 90),
    ("状态", 70),
)


class DrillDownDialog(QDialog):
    """The documents behind a figure; double-click (or the button) shows one in the register."""

    document_chosen = Signal(int)

    def __init__(
        self,
        ctx: AppContext,
        title: str,
        choices: list[tuple[str, list[int]]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.database = ctx.database
        self.runner = ctx.runner
        self.lines: list[DocumentLine] = []
        self.setWindowTitle("指标明细")
        heading = QLabel(title)
        heading.setWordWrap(True)
        self.choice = QComboBox()
        for label, ids in choices:
            self.choice.addItem(label, ids)
        self.choice.setVisible(len(choices) > 1)
        self.choice.currentIndexChanged.connect(self.load)
        self.table = QTableWidget(0, len(DRILL_COLUMNS))
        self.table.setTabKeyNavigation(False)  # Tab leaves the list; arrows move in it
        self.table.setHorizontalHeaderLabels([label for label, _w in DRILL_COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column, (_label, width) in enumerate(DRILL_COLUMNS):
            if width:
                header.resizeSection(column, width)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.cellDoubleClicked.connect(lambda row, _c: self.choose(row))
        buttons = QDialogButtonBox()
        self.open_button = buttons.addButton(
            "在登记簿中查看", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button.clicked.connect(lambda: self.choose(self.table.currentRow()))
        buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.choice)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        state.resize_within_screen(self, 1000, 520)
        self.load()

    def load(self) -> None:
        ids = list(self.choice.currentData() or [])
        self.runner.run(
            lambda s, _p: statistics.document_lines(s, ids), on_done=self._loaded, parent=self
        )

    def _loaded(self, lines: list[DocumentLine]) -> None:
        self.lines = lines
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            published = line.published.isoformat() if line.published else ""
            values = (
                line.reg_number,
                line.doc_number,
                line.title,
                line.issuer,
                published,
                line.status,
            )
            for column, value in enumerate(values):
                self.table.setItem(row, column, _item(value, value if column == 2 else ""))
        self.open_button.setEnabled(bool(lines))

    def choose(self, row: int) -> None:
        if 0 <= row < len(self.lines):
            self.document_chosen.emit(self.lines[row].id)
            self.accept()
