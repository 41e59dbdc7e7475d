"""The small dialogs of filing (报送备案, 登记结果, 补正完成), the filing ledger chooser, and the
previews of the filing report and register form.

Each dialog only collects input: the service decides, and a refusal is shown inside the dialog,
which stays open with the input intact.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app import clock
from app.services import filing, filing_backlog, workcalendar
from app.services.filing import FilingRow
from app.ui.changes import Change
from app.ui.context import AppContext
from app.ui.lazy_reports import filing_form, filing_ledger, filing_report
from app.ui.operations import Progress, Work
from app.ui.widgets.fields import OptionalDate, date_edit, pydate, text_edit
from app.ui.widgets.form_dialog import FormDialog
from app.ui.widgets.ledger_dialog import YearLedgerDialog
from app.ui.widgets.pdf_preview import preview_generated

FILING_CHANGES = frozenset({Change.FILINGS})
FIRST_YEAR = 1990  # as in the register's year filter
WriteBook = Callable[[Session, Path, Progress], int]


class FilingDialog(FormDialog):
    announces = FILING_CHANGES


def _describe(row: FilingRow) -> str:
    due = workcalendar.marked(row.due, row.due_provisional)
    return f"《{row.title}》报{row.recipient}（备案期限 {due}）"


class FiledDialog(FilingDialog):
    """报送备案: the day sent and the package, every item of which must be ticked."""

    def __init__(self, ctx: AppContext, row: FilingRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "报送备案", parent)
        self.row = row
        self.add_heading(_describe(row))
        self.day = self.add_field("报送日期", date_edit())
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.package = {item: QCheckBox(item) for item in filing.PACKAGE}
        for check in self.package.values():
            column.addWidget(check)
        self.add_field("备案材料", box)
        self.setMinimumWidth(460)

    def prepare(self) -> Work:
        doc_id, recipient, actor = self.row.document_id, self.row.recipient, self.ctx.actor()
        day = pydate(self.day.date())
        present = [item for item, check in self.package.items() if check.isChecked()]
        return lambda s, _p: filing.record_filed(s, actor, doc_id, recipient, day, present).id


class ResultDialog(FilingDialog):
    """登记备案结果: the recipient's answer; 暂缓登记 and 纠正 open a correction deadline, 撤销
    declares the document invalid (so the register changes too)."""

    announces = FILING_CHANGES | {Change.DOCUMENTS}

    def __init__(self, ctx: AppContext, row: FilingRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "登记备案结果", parent)
        self.row = row
        self.add_heading(_describe(row))
        self.result_box = QComboBox()
        self.result_box.addItems(list(filing.RESULTS))
        self.add_field("备案结果", self.result_box)
        self.day = self.add_field("结果日期", date_edit())
        hint = "结果为“纠正”“撤销”时必须写明审查意见和后续处理"
        self.follow_up = self.add_field("处理情况", text_edit(90, hint))
        self.correction_due = OptionalDate("指定")
        self.correction_due.setToolTip("不指定的，按设置中的补正、纠正期限自结果日期起计算")
        self.add_field("补正期限", self.correction_due)
        self.setMinimumWidth(480)

    def prepare(self) -> Work:
        filing_id, actor = _sent(self.row), self.ctx.actor()
        result, day = self.result_box.currentText(), pydate(self.day.date())
        follow_up, due = self.follow_up.toPlainText(), self.correction_due.value()

        def work(s: Session, _progress: Progress) -> int:
            cal = workcalendar.load(s)
            return filing.record_result(s, actor, filing_id, result, day, follow_up, due, cal).id

        return work


class BulkFiledDialog(FilingDialog):
    """批量登记历史备案情况: one recipient's filing date (and result) for every document imported
    without its filing that goes to that recipient."""

    def __init__(
        self, ctx: AppContext, recipients: list[str], count: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, "批量登记备案情况", parent)
        self.add_heading(
            f"为 {count} 件备案情况未录入的文件登记报送备案（同一备案机关、同一报送日期）"
        )
        self.recipient = QComboBox()
        self.recipient.addItems(recipients)
        self.add_field("备案机关", self.recipient)
        self.day = self.add_field("报送日期", date_edit())
        self.result_box = QComboBox()
        self.result_box.addItems(["（未收到结果）", *filing.RESULTS])
        self.add_field("备案结果", self.result_box)
        self.setMinimumWidth(460)

    def prepare(self) -> Work:
        actor, recipient = self.ctx.actor(), self.recipient.currentText()
        day = pydate(self.day.date())
        result = self.result_box.currentText() if self.result_box.currentIndex() > 0 else ""

        def work(s: Session, _progress: Progress) -> int:
            cal = workcalendar.load(s)
            return len(
                filing_backlog.record_bulk(s, actor, recipient, day, None, result, cal).recorded
            )

        return work


class CorrectedDialog(FilingDialog):
    """补正完成: the day the correction was made and what was done."""

    def __init__(self, ctx: AppContext, row: FilingRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "补正/纠正完成", parent)
        self.row = row
        due = workcalendar.marked(row.correction_due, row.correction_due_provisional)
        self.add_heading(f"{_describe(row)}：{row.result}，补正期限 {due}")
        self.day = self.add_field("完成日期", date_edit())
        self.note = self.add_field("处理情况", text_edit(90, "补正或纠正的情况"))
        self.setMinimumWidth(460)

    def prepare(self) -> Work:
        filing_id, actor = _sent(self.row), self.ctx.actor()
        day, note = pydate(self.day.date()), self.note.toPlainText()
        return lambda s, _p: filing.record_corrected(s, actor, filing_id, day, note).id


def _sent(row: FilingRow) -> int:
    """The filing a result or a correction is recorded on: only a sent one has them."""
    if row.filing_id is None:
        raise ValueError(f"document {row.document_id} was not sent to {row.recipient}")
    return row.filing_id


def preview_filing_report(ctx: AppContext, filing_ids: list[int], parent: QWidget) -> None:
    preview_generated(
        ctx,
        "规范性文件备案报告",
        lambda s, target, _p: filing_report.pdf(s, filing_ids, target, clock.today()),
        parent,
        lambda s, target: filing_report.docx(s, filing_ids, target, clock.today()),
    )


def preview_filing_form(ctx: AppContext, filing_ids: list[int], parent: QWidget) -> None:
    preview_generated(
        ctx,
        "规范性文件备案登记表",
        lambda s, target, _p: filing_form.pdf(s, filing_ids, target, clock.today()),
        parent,
    )


def filing_ledger_dialog(ctx: AppContext, year: int | None, parent: QWidget) -> YearLedgerDialog:
    """备案台账 by year of publication."""
    years = range(clock.today().year, FIRST_YEAR - 1, -1)
    return YearLedgerDialog(
        ctx,
        "规范性文件备案台账",
        "公布年度：",
        years,
        year,
        filing_ledger.pdf,
        filing_ledger.xlsx,
        parent,
    )
