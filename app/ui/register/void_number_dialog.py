"""作废登记编号: a registration number is voided for good, with a reason; the document that holds
it (if any) is left without a number until a new one is allocated.

The dialog only collects input: numbering.void decides, and a refusal is shown inside the dialog,
which stays open with the input intact.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QWidget
from sqlalchemy.orm import Session

from app.errors import UserError
from app.services import numbering, search
from app.ui.changes import Change
from app.ui.context import AppContext
from app.ui.operations import Work
from app.ui.widgets.fields import date_edit, pydate, text_edit
from app.ui.widgets.form_dialog import FormDialog

VOID_CHANGES = frozenset({Change.DOCUMENTS})
WARNING = "作废的编号永不再使用。\n所属文件将没有登记编号，直到为其重新分配新的编号。"
WARNING_STYLE = "color: #8a5300; font-weight: bold;"
NO_HOLDER = "（未找到使用该编号的文件）"
LOOKUP_DELAY_MS = 300
LOOKUP_LIMIT = 50  # documents matching the typed text; an exact number is among the first few


def holder_title(s: Session, number: str) -> str:
    """The title of the document registered under exactly `number`, or "" if none."""
    rows = search.search_rows(s, search.DocumentQuery(text=number), LOOKUP_LIMIT)
    return next((r.title for r in rows if r.reg_number == number), "")


class VoidNumberDialog(FormDialog):
    """A number, typed or taken from the selected document, voided on a day for a reason."""

    announces = VOID_CHANGES

    def __init__(self, ctx: AppContext, number: str = "", parent: QWidget | None = None) -> None:
        super().__init__(ctx, "作废登记编号", parent)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("作废")
        self.number = self.add_field("登记编号", QLineEdit(number))
        self.number.setPlaceholderText("要作废的登记编号")
        self.holder = QLabel(NO_HOLDER)
        self.holder.setWordWrap(True)
        self.form.addRow("所属文件：", self.holder)
        self.day = self.add_field("作废日期", date_edit())
        self.reason = self.add_field("作废原因", text_edit(72, "例如：编号分配错误、文件未予公布"))
        warning = QLabel(WARNING)
        warning.setWordWrap(True)
        warning.setStyleSheet(WARNING_STYLE)
        self.form.addRow(warning)
        self.timer = QTimer(self, singleShot=True, interval=LOOKUP_DELAY_MS)
        self.timer.timeout.connect(self.find_holder)
        self.number.textChanged.connect(self.timer.start)
        self.find_holder()
        self.setMinimumWidth(480)

    def find_holder(self) -> None:
        self.timer.stop()
        number = self.number.text().strip()
        if not number:
            self._show_holder("")
            return
        self.runner.run(
            lambda s, _p: holder_title(s, number), on_done=self._show_holder, parent=self
        )

    def _show_holder(self, title: str) -> None:
        self.holder.setText(f"《{title}》" if title else NO_HOLDER)

    def prepare(self) -> Work:
        number = self.number.text().strip()
        if not number:
            raise UserError("登记编号：请填写要作废的编号。", field="登记编号")
        actor, day, reason = self.ctx.actor(), pydate(self.day.date()), self.reason.toPlainText()
        return lambda s, _p: numbering.void(s, actor, number, reason, day)
