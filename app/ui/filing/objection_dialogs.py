"""审查建议 (objections): register a citizen's or organisation's request, and reply to it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from app.db import Database
from app.services import documents, objections, workcalendar
from app.ui.changes import Change
from app.ui.context import AppContext
from app.ui.operations import Work
from app.ui.widgets.fields import date_edit, pydate, text_edit
from app.ui.widgets.form_dialog import FormDialog

OBJECTION_CHANGES = frozenset({Change.OBJECTIONS})


class RegisterObjectionDialog(FormDialog):
    """登记审查建议: received on, from whom, why, and who handles it."""

    announces = OBJECTION_CHANGES

    def __init__(self, ctx: AppContext, doc_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "登记审查建议", parent)
        self.doc_id = doc_id
        with ctx.database.reading() as s:
            self.add_heading(f"《{documents.get(s, doc_id).title}》")
        self.day = self.add_field("收到日期", date_edit())
        self.requester = self.add_field("建议人", QLineEdit())
        self.grounds = self.add_field("审查建议理由", text_edit(110))
        self.handler = self.add_field("承办人", QLineEdit())
        self.setMinimumWidth(480)

    def prepare(self) -> Work:
        doc_id, actor, day = self.doc_id, self.ctx.actor(), pydate(self.day.date())
        requester, grounds = self.requester.text(), self.grounds.toPlainText()
        handler = self.handler.text()
        return lambda s, _p: (
            objections.register(s, actor, doc_id, day, requester, grounds, handler).id
        )


@dataclass(frozen=True)
class ObjectionFacts:
    title: str
    requester: str
    received: date
    due: str  # with the provisional mark when it is one
    grounds: str
    due_tip: str = ""  # why the due date is provisional, if it is


def read_objection(database: Database, objection_id: int) -> ObjectionFacts:
    with database.reading() as s:
        o = objections.get(s, objection_id)
        cal = workcalendar.load(s)
        due = objections.reply_period(o, cal)
        tip = cal.provisional_tip(due.end) if due.provisional else ""
        shown = workcalendar.marked(due.end, due.provisional)
        return ObjectionFacts(o.document.title, o.requester, o.received, shown, o.grounds, tip)


class ReplyDialog(FormDialog):
    """答复审查建议: the day, the written reply and the outcome."""

    announces = OBJECTION_CHANGES

    def __init__(self, ctx: AppContext, objection_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "答复审查建议", parent)
        self.objection_id = objection_id
        facts = read_objection(ctx.database, objection_id)
        self.add_heading(f"《{facts.title}》")
        for label, value, tip in (
            ("建议人", facts.requester, ""),
            ("收到日期", facts.received.isoformat(), ""),
            ("答复期限", facts.due, facts.due_tip),
            ("建议理由", facts.grounds, ""),
        ):
            shown = QLabel(value)
            shown.setWordWrap(True)
            shown.setToolTip(tip)
            self.form.addRow(f"{label}：", shown)
        self.day = self.add_field("答复日期", date_edit())
        self.outcome = QComboBox()
        self.outcome.addItems(list(objections.OUTCOMES))
        self.add_field("处理结果", self.outcome)
        self.reply = self.add_field("答复内容", text_edit(120))
        self.setMinimumWidth(500)

    def prepare(self) -> Work:
        objection_id, actor, day = self.objection_id, self.ctx.actor(), pydate(self.day.date())
        text, outcome = self.reply.toPlainText(), self.outcome.currentText()
        return lambda s, _p: objections.reply(s, actor, objection_id, day, text, outcome).id
