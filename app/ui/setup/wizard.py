"""初始设置: the first-run wizard. Shown at start on an empty office (no issuers, no users), and
re-run from 设置—单位与编号 without losing anything: existing issuers stay, settings start from
their current values. At 完成 everything is saved through the services in one transaction."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget, QWizard
from sqlalchemy.orm import Session

from app.errors import UserError
from app.services import demo, settings, users
from app.services.permissions import Actor, Role
from app.ui.changes import Change
from app.ui.context import AppContext
from app.ui.crash import show_error
from app.ui.operations import Progress
from app.ui.widgets import state

if TYPE_CHECKING:
    from app.ui.connect_dialog import Connected
    from app.ui.operations import _Job
from app.ui.settings.issuers_page import read_issuers
from app.ui.setup.pages import (
    DEMO_DOCS,
    DEMO_OFFICE,
    SETTING_KEYS,
    START,
    Office,
    SetupPage,
    SetupPlan,
    StartPage,
    all_pages,
)

SETUP_CHANGES = frozenset(
    {
        Change.SETTINGS,
        Change.ISSUERS,
        Change.USERS,
        Change.DOCUMENTS,
        Change.FILINGS,
        Change.VALIDITY,
    }
)
BUTTON_TEXTS = {
    QWizard.WizardButton.BackButton: "< 上一步",
    QWizard.WizardButton.NextButton: "下一步 >",
    QWizard.WizardButton.FinishButton: "完成",
    QWizard.WizardButton.CancelButton: "取消",
}


def read_office(s: Session) -> Office:
    values = {key: settings.get(s, key) for key in SETTING_KEYS}
    return Office(values, read_issuers(s), len(users.list_users(s)))


def save_setup(s: Session, actor: Actor, plan: SetupPlan, progress: Progress) -> Actor | None:
    """Everything the wizard collected, through the services (each audits); returns the new
    administrator, who may work at once without logging in again."""
    if plan.demo:
        demo.make_demo(
            s, DEMO_DOCS, progress=lambda done, total: progress(done, total, "正在生成演示数据…")
        )
        settings.put(s, actor, "office.name", DEMO_OFFICE)
        return None
    for key, value in plan.values.items():
        if settings.get(s, key) != value:  # unchanged values leave no audit record
            settings.put(s, actor, key, value)
    for issuer in plan.issuers:
        issuer.add(s, actor)
    if plan.admin is None:
        return None
    admin = plan.admin
    return users.actor_of(
        users.add_user(s, actor, admin.username, admin.name, Role.ADMIN.value, admin.password)
    )


class SetupWizard(QWizard):
    """`offer_server`: at the first start the first page offers to connect to the office's
    server instead; once connected, `connected` holds it and the wizard closes."""

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, offer_server: bool = False
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.database = ctx.database
        self.runner = ctx.runner
        self.setWindowTitle("初始设置")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        for button, text in BUTTON_TEXTS.items():
            self.setButtonText(button, text)
        with ctx.database.reading() as s:
            self.office = read_office(s)
        self.steps = all_pages(self.office, ctx, offer_server)
        self.connected: Connected | None = None
        start = self.steps[START]
        if isinstance(start, StartPage):
            start.connect_server.connect(self.connect_server)
        for page_id, page in self.steps.items():
            self.setPage(page_id, page)
        self.setStartId(START)
        self.job: _Job | None = None
        self.saved = False
        self.admin: Actor | None = None  # the administrator created, once saved
        state.resize_within_screen(self, 900, 660)

    def connect_server(self) -> None:
        """连接单位服务器: the same dialog as 文件—连接单位服务器; connected, the wizard gives way
        to the server (app.ui.app.start_window)."""
        from app.ui.connect_dialog import ConnectDialog

        dialog = ConnectDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._connected(dialog.connected))
        dialog.open()

    def _connected(self, connected: Connected | None) -> None:
        if connected is not None:
            self.connected = connected
            self.reject()

    def plan(self) -> SetupPlan:
        """What the pages visited so far hold (the demo choice skips the rest)."""
        plan = SetupPlan()
        for page_id in self.visitedIds():
            self.steps[page_id].fill(plan)
        return plan

    def accept(self) -> None:
        """完成: save first; the wizard closes only once everything is saved."""
        if self.saved:
            super().accept()
            return
        if self.saving():
            return
        actor, plan = self.ctx.actor(), self.plan()
        self.current().show_error("")
        self.job = self.runner.run(
            lambda s, progress: save_setup(s, actor, plan, progress),
            write=True,
            changes=SETUP_CHANGES,
            on_done=self._saved,
            on_error=self._failed,
            parent=self,
            progress="正在生成演示数据…" if plan.demo else None,
        )

    def saving(self) -> bool:
        # A cancelled save reports nothing back: the runner going idle says it is over.
        return self.job is not None and self.runner.busy()

    def done(self, result: int) -> None:
        if not self.saving():  # while saving, closing would hide the outcome
            super().done(result)

    def current(self) -> SetupPage:
        return self.steps[self.currentId()]

    def _saved(self, admin: Actor | None) -> None:
        self.job, self.saved, self.admin = None, True, admin
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.job = None
        if isinstance(exc, UserError):
            self.current().show_error(f"未保存：{exc.message}")
        else:
            show_error(self, exc)
