"""The small dialogs of a legality review (pause, resume, extend, conclude, confirm changes), the
ledger chooser and the opinion letter's preview.

Each dialog only collects input: the service decides, and a refusal is shown inside the dialog,
which stays open with the input intact; the field the message names gets the focus.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QSpinBox,
    QWidget,
)
from sqlalchemy.orm import Session

from app import clock
from app.services import reviews
from app.services.lifecycle import REVIEW_OUTCOMES
from app.services.permissions import Actor
from app.ui.changes import Change
from app.ui.context import AppContext
from app.ui.lazy_reports import review_ledger, review_opinion
from app.ui.operations import Work
from app.ui.widgets.fields import date_edit, pydate, text_edit
from app.ui.widgets.form_dialog import FormDialog
from app.ui.widgets.ledger_dialog import YearLedgerDialog
from app.ui.widgets.pdf_preview import preview_generated

REVIEW_CHANGES = frozenset({Change.REVIEWS, Change.DOCUMENTS})
REFRESH_KINDS = frozenset({Change.REVIEWS, Change.CALENDAR})  # what changes a case's deadlines
MAX_EXTENSION_DAYS = 60  # the spin box's bound; the service decides what is allowed


class ReviewDialog(FormDialog):
    """A review action as a small form of labelled fields."""

    announces = REVIEW_CHANGES


class PauseDialog(ReviewDialog):
    """中止计时: the drafting unit is asked for more material."""

    def __init__(self, ctx: AppContext, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "中止计时（补充材料）", parent)
        self.case_id = case_id
        self.day = self.add_field("中止日期", date_edit())
        self.note = self.add_field("需补充内容", text_edit(72), "补充说明")
        self.setMinimumWidth(420)

    def prepare(self) -> Work:
        case_id, actor = self.case_id, self.ctx.actor()
        day, note = pydate(self.day.date()), self.note.toPlainText()
        return lambda s, _p: reviews.pause(s, actor, case_id, day, note)


class DateDialog(ReviewDialog):
    """An action that needs only its day: 恢复计时, 确认已修改."""

    def __init__(
        self,
        ctx: AppContext,
        case_id: int,
        title: str,
        label: str,
        action: Callable[[Session, Actor, int, date], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, title, parent)
        self.case_id, self.action = case_id, action
        self.day = self.add_field(label, date_edit())
        self.setMinimumWidth(320)

    def prepare(self) -> Work:
        case_id, actor, action = self.case_id, self.ctx.actor(), self.action
        day = pydate(self.day.date())
        return lambda s, _p: action(s, actor, case_id, day)


class ExtendDialog(ReviewDialog):
    """延长期限: once, with a reason."""

    def __init__(self, ctx: AppContext, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "延长审核期限", parent)
        self.case_id = case_id
        self.days = QSpinBox()
        self.days.setRange(0, MAX_EXTENSION_DAYS)
        self.days.setValue(5)
        self.days.setSuffix(" 个工作日")
        self.add_field("延长天数", self.days)
        self.reason = self.add_field("延长理由", text_edit(72))
        self.setMinimumWidth(420)

    def prepare(self) -> Work:
        case_id, actor = self.case_id, self.ctx.actor()
        days, reason = self.days.value(), self.reason.toPlainText()
        return lambda s, _p: reviews.extend(s, actor, case_id, days, reason)


class ConcludeDialog(ReviewDialog):
    """办结: the outcome, the opinion and, for 修改后合法, what must change."""

    def __init__(self, ctx: AppContext, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "办结审核", parent)
        self.case_id = case_id
        self.outcome = QComboBox()
        self.outcome.addItems(list(REVIEW_OUTCOMES))
        self.add_field("审核结论", self.outcome)
        self.day = self.add_field("办结日期", date_edit())
        self.opinion = self.add_field("审核意见", text_edit(110, "意见书正文"))
        self.changes = self.add_field(
            "修改意见", text_edit(90, "结论为“修改后合法”时写明需要修改的内容")
        )
        self.setMinimumWidth(520)

    def prepare(self) -> Work:
        case_id, actor, outcome = self.case_id, self.ctx.actor(), self.outcome.currentText()
        day, opinion = pydate(self.day.date()), self.opinion.toPlainText()
        changes = self.changes.toPlainText()

        return lambda s, _p: reviews.conclude(s, actor, case_id, outcome, day, opinion, changes).id


def preview_opinion(ctx: AppContext, case_id: int, parent: QWidget) -> None:
    """合法性审核意见书 of a concluded case, in the preview."""
    preview_generated(
        ctx,
        "合法性审核意见书",
        lambda s, target, _progress: review_opinion.pdf(s, case_id, target, clock.today()),
        parent,
        lambda s, target: review_opinion.docx(s, case_id, target, clock.today()),
    )


def review_ledger_dialog(ctx: AppContext, parent: QWidget) -> YearLedgerDialog:
    """审核台账 by year of receipt."""
    with ctx.database.reading() as s:
        years = {c.received.year for c in reviews.list_cases(s)} | {clock.today().year}
    return YearLedgerDialog(
        ctx,
        "合法性审核台账",
        "收到年度：",
        years,
        clock.today().year,
        review_ledger.pdf,
        review_ledger.xlsx,
        parent,
    )
