"""变更文件状态: a document in force becomes 已修改, 废止, 宣布失效 or 失效 on a day, for a reason,
linked to the document that amends or repeals it.

The dialog only collects input: documents.retire decides, and a refusal is shown inside the
dialog, which stays open with the input intact.
"""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QRadioButton, QWidget

from app import clock
from app.errors import UserError
from app.services import documents
from app.services.lifecycle import RETIRED, STATUS_LABELS, status_text
from app.services.vocabulary import CleanupDecision, DocStatus
from app.ui.changes import Change
from app.ui.context import AppContext
from app.ui.operations import Work
from app.ui.widgets.document_chooser import DocumentChooser
from app.ui.widgets.fields import date_edit, line_edit, pydate, text_edit
from app.ui.widgets.form_dialog import FormDialog
from app.ui.widgets.style import HELP_STYLE

RETIRE_CHANGES = frozenset({Change.DOCUMENTS})
LINK_VERBS = {
    "amends": CleanupDecision.AMEND.label,
    "repeals": CleanupDecision.REPEAL.label,
}  # by documents.LINK_KINDS


def source_hint(status: str | None) -> str:
    """Whether the new status takes a linked document, and must."""
    if status is None:
        return ""
    kind = documents.LINK_KINDS.get(status)
    if kind is None:
        return f"{STATUS_LABELS[status]}不关联其他文件。"
    needed = "必填" if status in documents.RETIRE_NEEDS_SOURCE else "选填"
    return f"{needed}：选择{LINK_VERBS[kind]}该文件的新文件。"


class RetireDialog(FormDialog):
    """One document in force: its new status, the day, the reason and the linked document."""

    announces = RETIRE_CHANGES

    def __init__(self, ctx: AppContext, doc_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "变更文件状态", parent)
        self.doc_id = doc_id
        with ctx.database.reading() as s:
            doc = documents.get(s, doc_id)
            title, reg_number, status = doc.title, doc.reg_number, status_text(doc, clock.today())
        self.add_heading(f"《{title}》")
        self.form.insertRow(1, "登记编号：", QLabel(reg_number or "（无）"))
        self.form.insertRow(2, "当前状态：", QLabel(status))
        self.add_field("变更为", self._status_box(), "状态")
        self.day = self.add_field("变更日期", date_edit())
        self.reason = self.add_field("变更原因", text_edit(72, "写明原因，将记入文件备注"))
        self.source = self.add_field("关联文件", DocumentChooser(ctx))
        self.source_hint = QLabel()
        self.source_hint.setStyleSheet(HELP_STYLE)
        self.form.addRow("", self.source_hint)
        self.articles = self.add_field(
            "修改的条款", line_edit("如：第三条、第五条第二款（已修改时选填）"), "修改的条款"
        )
        # The service names these fields after the new status: "废止原因：必须填写。"
        for code in RETIRED:
            self.fields[f"{STATUS_LABELS[code]}日期"] = self.day
            self.fields[f"{STATUS_LABELS[code]}原因"] = self.reason
        self.fields["修改文件"] = self.source
        self._status_chosen()
        self.setMinimumWidth(560)

    def _status_box(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.statuses = QButtonGroup(self)
        for code in RETIRED:
            button = QRadioButton(STATUS_LABELS[code])
            button.setProperty("status", code)
            self.statuses.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        box.setFocusProxy(self.statuses.buttons()[0])
        self.statuses.buttonToggled.connect(self._status_chosen)
        return box

    def status(self) -> str | None:
        button = self.statuses.checkedButton()
        return button.property("status") if button is not None else None

    def set_status(self, code: str) -> None:
        next(b for b in self.statuses.buttons() if b.property("status") == code).setChecked(True)

    def _status_chosen(self) -> None:
        status = self.status()
        self.source.setEnabled(status in documents.LINK_KINDS)
        self.articles.setEnabled(status == DocStatus.AMENDED)
        self.source_hint.setText(source_hint(status))

    def prepare(self) -> Work:
        status = self.status()
        if status is None:
            raise UserError("状态：请选择已修改、废止、宣布失效或失效。", field="状态")
        doc_id, actor, day = self.doc_id, self.ctx.actor(), pydate(self.day.date())
        reason = self.reason.toPlainText()
        source = self.source.value() if self.source.isEnabled() else None
        articles = self.articles.text() if self.articles.isEnabled() else ""
        return lambda s, _p: (
            documents.retire(s, actor, doc_id, status, day, reason, source, articles).id
        )
