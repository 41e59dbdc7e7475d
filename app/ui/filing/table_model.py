"""The filing register's rows as the 备案 page shows them: read in one go off the GUI thread, with
each row's timeliness and the year's figures, and the table model that shows them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from sqlalchemy.orm import Session

from app import clock
from app.services import deadlines, filing, settings, statistics, workcalendar
from app.services.filing import FilingRow, ResultEntry
from app.services.statistics import Figure
from app.services.vocabulary import DeadlineState
from app.ui.widgets.list_model import Column, ListModel, RowsModel, cell_text
from app.ui.widgets.style import STATE_COLORS

ROW_COLORS = {**STATE_COLORS, DeadlineState.DONE_LATE: QColor(255, 226, 218)}  # filed, but late


@dataclass(frozen=True)
class FilingLine:
    row: FilingRow
    state: str  # deadlines.classify's state, for the colour
    state_label: str  # filing.timeliness
    due_tip: str = ""  # why the due date is provisional, if it is
    correction_tip: str = ""

    @property
    def key(self) -> tuple[int, str]:
        return self.row.document_id, self.row.recipient


@dataclass(frozen=True)
class FilingListing:
    year: int
    lines: list[FilingLine]
    figures: list[Figure]
    warnings: list[str]


def read_page(s: Session, year: int, pending_only: bool) -> FilingListing:
    cal, today = workcalendar.load(s), clock.today()
    soon = settings.get(s, "deadlines.due_soon_days")
    rows = filing.listing(s, cal, today, year, pending_only)
    lines = [
        FilingLine(
            r,
            "" if r.unrecorded else deadlines.classify(r.due, today, soon, r.filed_on),
            filing.timeliness(r, today),
            cal.provisional_tip(r.due) if r.due_provisional else "",
            cal.provisional_tip(r.correction_due)
            if r.correction_due_provisional and r.correction_due is not None
            else "",
        )
        for r in rows
    ]
    figures = statistics.filing_figures(s, date(year, 1, 1), date(year, 12, 31))
    return FilingListing(year, lines, figures, cal.warnings())


COLUMNS = (
    Column("公布日期", lambda x: x.row.published, 88, centered=True),
    Column("文件名称", lambda x: x.row.title),  # takes the room left
    Column("发文字号", lambda x: x.row.doc_number, 156),
    Column("备案机关", lambda x: x.row.recipient, 104),
    Column(
        "备案期限",
        lambda x: workcalendar.marked(x.row.due, x.row.due_provisional),
        140,
        centered=True,
        tip=lambda x: "\n".join(filter(None, (x.row.rule, x.due_tip))),
    ),
    Column("报送日期", lambda x: x.row.filed_on, 88, centered=True),
    Column("报告编号", lambda x: x.row.report_number, 120),
    Column("备案结果", lambda x: x.row.result, 72, centered=True),
    Column(
        "补正期限",
        lambda x: workcalendar.marked(x.row.correction_due, x.row.correction_due_provisional),
        140,
        centered=True,
        tip=lambda x: x.correction_tip,
    ),
    Column("状态", lambda x: x.state_label, 72, centered=True, tip=lambda x: x.row.rule),
)


class FilingTableModel(RowsModel):
    def __init__(self, parent=None) -> None:
        super().__init__(COLUMNS, lambda line: ROW_COLORS.get(line.state), parent)

    def row_of(self, doc_id: int, filing_id: int | None = None) -> int:
        return next(
            (
                i
                for i, line in enumerate(self.rows)
                if line.row.document_id == doc_id and filing_id in (None, line.row.filing_id)
            ),
            -1,
        )


# (header, width) of the selected filing's result history, oldest first
HISTORY_COLUMNS: tuple[tuple[str, int], ...] = (
    ("结果日期", 88),
    ("备案结果", 72),
    ("审查意见及处理情况", 0),
    ("补正期限", 140),
    ("补正完成", 88),
    ("登记人", 88),
    ("登记时间", 130),
)


def history_heading(row: FilingRow | None) -> str:
    """The line above the history: whose filing it is, or why there is nothing to show."""
    if row is None:
        return "备案结果记录：请在上表选择一项备案。"
    head = f"备案结果记录：《{row.title}》报送{row.recipient}"
    if row.filed_on is None:
        return f"{head}——尚未报送备案。"
    if not row.history:
        return f"{head}——{row.filed_on} 报送，尚未登记备案结果。"
    notes = [e.before_history for e in row.history if e.before_history]
    return f"{head}，共 {len(row.history)} 次结果" + "".join(f"（注：{n}）" for n in notes)


class FilingHistoryModel(ListModel):
    """Every result the recipient returned for the selected filing, in order."""

    def __init__(self, parent=None) -> None:
        super().__init__([c[0] for c in HISTORY_COLUMNS], parent)

    def show_row(self, row: FilingRow | None) -> None:
        self.set_rows(list(row.history) if row else [])

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry: ResultEntry = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            recorded_at = entry.recorded_at.strftime("%Y-%m-%d %H:%M") if entry.recorded_at else ""
            due = workcalendar.marked(entry.correction_due, entry.correction_due_provisional)
            return (
                cell_text(entry.result_on),
                entry.result,
                " ".join(entry.note.split()),
                due if entry.correction_due else "",
                cell_text(entry.corrected_on),
                entry.recorded_by_label,
                recorded_at,
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 2 and entry.note:
            return entry.note
        if role == Qt.ItemDataRole.ToolTipRole and entry.before_history:
            return entry.before_history
        if role == Qt.ItemDataRole.TextAlignmentRole and column != 2:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None
