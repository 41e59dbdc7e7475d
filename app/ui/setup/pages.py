"""The pages of the first-run wizard (初始设置). Each page collects input, pre-filled with what the
office has now; app.ui.setup.wizard saves everything at 完成, through the services, in one go."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from app.errors import UserError
from app.services import demo_office, filing, recipients, settings, users
from app.ui.context import AppContext
from app.ui.settings.issuers_page import (
    IssuerForm,
    IssuerRow,
    NewIssuer,
    fill_table,
    issuer_table,
)
from app.ui.settings.rules_page import (
    Editor,
    editor_value,
    rule_editor,
    set_editor_value,
    shown_value,
)
from app.ui.settings.template_edit import next_number
from app.ui.widgets.fields import line_edit
from app.ui.widgets.style import ERROR_STYLE, HELP_STYLE

START, OFFICE, ISSUERS, FILING, VALIDITY, ADMIN, SUMMARY = range(7)
FIELD_WIDTH = 300
DEMO_DOCS = 500
DEMO_OFFICE = f"{demo_office.OFFICE}（演示数据）"  # the demo city's names, marked as a demo
# The rules an office decides when it starts; every other one keeps its default until changed
# in 设置—规则 (which lists them all).
FILING_GROUPS = (
    (
        "部门文件",
        ("filing.department.recipient", "filing.department.days", "filing.department.working_days"),
    ),
    (
        "政府文件",
        (
            "filing.government.recipient",
            "filing.government.days",
            "filing.government.working_days",
            "filing.congress.recipient",
            "filing.congress.days",
        ),
    ),
    ("期限计算", ("filing.start_event", "filing.extend_holiday")),
    ("备案审查意见", ("filing.correction_days", "filing.revocation_days")),
)
VALIDITY_GROUPS = (
    (
        "有效期",
        (
            "validity.start",
            "validity.default_years",
            "validity.provisional_years",
            "validity.notice_years",
        ),
    ),
    ("统一登记编号", ("numbering.yearly_reset",)),
)
CONGRESS = "filing.congress.recipient"
SETTING_KEYS = (
    "office.name",
    *(k for groups in (FILING_GROUPS, VALIDITY_GROUPS) for _, keys in groups for k in keys),
)


@dataclass(frozen=True)
class NewAdmin:
    username: str
    name: str
    password: str


@dataclass
class Office:
    """What the office has now: the wizard starts from it and never removes any of it."""

    values: dict[str, Any]
    issuers: list[IssuerRow]
    user_count: int

    @property
    def empty(self) -> bool:
        # Every document belongs to an issuer: no issuers, no documents.
        return not (self.issuers or self.user_count)


@dataclass
class SetupPlan:
    """Everything the wizard will save at 完成."""

    demo: bool = False
    values: dict[str, Any] = field(default_factory=dict)
    issuers: list[NewIssuer] = field(default_factory=list)
    admin: NewAdmin | None = None


def _note(text: str, style: str = HELP_STYLE) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(style)
    return label


class SetupPage(QWizardPage):
    """A page with a place for refusals below its content."""

    def __init__(self, office: Office, title: str, subtitle: str) -> None:
        super().__init__()
        self.office = office
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.body = QVBoxLayout()
        self.error = _note("", ERROR_STYLE)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(self.body, 1)
        layout.addWidget(self.error)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def fill(self, plan: SetupPlan) -> None:
        """Put what this page collected into the plan."""


class RulesPage(SetupPage):
    """Settings edited as a form, grouped: one row per rule, its editor (as 设置—规则 shows it)
    over its explanation; the page scrolls when the screen is small."""

    def __init__(self, office: Office, title: str, subtitle: str, groups) -> None:
        super().__init__(office, title, subtitle)
        self.editors: dict[str, Editor] = {}
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 8, 0)
        labels = []
        for group_title, keys in groups:
            box = QGroupBox(group_title)
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for key in keys:
                labels.append(QLabel(f"{settings.RULES[key].label}："))
                form.addRow(labels[-1], self._field(key))
            column.addWidget(box)
        column.addStretch(1)
        width = max(label.sizeHint().width() for label in labels)
        for label in labels:  # the editors of all groups in one column
            label.setMinimumWidth(width)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        self.body.addWidget(scroll, 1)

    def _field(self, key: str) -> QWidget:
        rule = settings.RULES[key]
        editor = self.editors[key] = rule_editor(rule, lambda: self.completeChanged.emit())
        set_editor_value(editor, shown_value(rule, self.office.values[key]))
        field_ = QWidget()
        layout = QVBoxLayout(field_)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(2)
        layout.addWidget(editor, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(_note(rule.help))
        return field_

    def _names(self) -> dict[str, str]:
        """The recipients on this page by setting, as typed."""
        return {
            key: editor_value(e)
            for key, e in self.editors.items()
            if key in recipients.RECIPIENT_KEYS
        }

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        """Every recipient named; the congress may be left empty (not filed there)."""
        return all(name or key == CONGRESS for key, name in self._names().items())

    def validatePage(self) -> bool:  # noqa: N802 (Qt override)
        names = self._names()
        try:
            for key, name in names.items():
                recipients.check_name(key, settings.RULES[key].label, name, names)
        except UserError as exc:
            self.show_error(exc.message)
            return False
        self.show_error("")
        return True

    def fill(self, plan: SetupPlan) -> None:
        plan.values.update({key: editor_value(e) for key, e in self.editors.items()})


class StartPage(SetupPage):
    """本机单独使用 (this office set up here, or the demo), or, at the first start,
    连接单位服务器: the office's register is on its server already, nothing is set up here."""

    connect_server = Signal()

    def __init__(self, office: Office, offer_server: bool = False) -> None:
        super().__init__(
            office,
            "欢迎使用规范性文件管理系统",
            "请选择如何开始。以后可以在“设置—单位与编号”中重新运行初始设置。",
        )
        self.real = QRadioButton("设置本单位（正式使用）")
        self.demo = QRadioButton("载入演示数据（仅供试用）")
        group = QButtonGroup(self)
        group.addButton(self.real)
        group.addButton(self.demo)
        self.real.setChecked(True)
        local = QVBoxLayout()
        local.addWidget(self.real)
        local.addWidget(
            _note(
                "依次填写本单位名称、制定机关及其登记编号模板、备案规则、有效期和管理员账户，"
                "完成后即可登记文件。"
            )
        )
        local.addSpacing(8)
        local.addWidget(self.demo)
        demo_note = (
            f"生成虚构的河清市 12 个制定机关和 {DEMO_DOCS} 件规范性文件，用于熟悉操作。"
            f"单位名称将显示为“{DEMO_OFFICE}”。演示数据不是真实文件，正式使用时请另建数据库。"
        )
        if not office.empty:
            demo_note = "当前数据库中已有数据，不能载入演示数据。"
            self.demo.setEnabled(False)
        local.addWidget(_note(demo_note))
        if offer_server:
            box = QGroupBox("本机单独使用")
            box.setLayout(local)
            self.body.addWidget(box)
            self.body.addWidget(self._server_box())
        else:
            self.body.addLayout(local)
        self.body.addStretch(1)
        # Qt re-reads nextId() and relays the buttons (下一步 or 完成) only for a final page.
        self.demo.toggled.connect(self.setFinalPage)

    def _server_box(self) -> QGroupBox:
        box = QGroupBox("连接单位服务器")
        column = QVBoxLayout(box)
        column.addWidget(
            _note(
                "单位已在服务器上建好多人共用的数据库时选择：填写服务器地址和您的用户名、密码即可，"
                "不需要在本机设置。"
            )
        )
        self.server_button = QPushButton("连接单位服务器…")
        self.server_button.clicked.connect(self.connect_server)
        row = QHBoxLayout()
        row.addWidget(self.server_button)
        row.addStretch(1)
        column.addLayout(row)
        return box

    def nextId(self) -> int:  # noqa: N802 (Qt override)
        return -1 if self.demo.isChecked() else OFFICE

    def fill(self, plan: SetupPlan) -> None:
        plan.demo = self.demo.isChecked()


class OfficePage(SetupPage):
    def __init__(self, office: Office) -> None:
        super().__init__(office, "本单位", "单位名称印在各种登记簿、目录和表格的页眉上。")
        self.name = QLineEdit(office.values["office.name"])
        self.name.setPlaceholderText("例如：河清市司法局")
        self.name.setMaximumWidth(2 * FIELD_WIDTH)
        self.name.textChanged.connect(lambda _text: self.completeChanged.emit())
        form = QFormLayout()
        form.addRow("单位名称：", self.name)
        self.body.addLayout(form)
        self.body.addStretch(1)

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        return bool(self.name.text().strip())

    def fill(self, plan: SetupPlan) -> None:
        plan.values["office.name"] = self.name.text().strip()


class IssuersPage(SetupPage):
    """Existing bodies are listed as they are; new ones are tried against the service when added
    (a dry run, nothing written) and saved at 完成."""

    def __init__(self, office: Office, ctx: AppContext) -> None:
        super().__init__(
            office,
            "制定机关",
            "添加本单位登记的制定机关，并为每个机关设定统一登记编号模板。至少需要一个制定机关。",
        )
        self.ctx = ctx
        self.database = ctx.database
        self.runner = ctx.runner
        self.added: list[NewIssuer] = []
        self.next_when_added = False  # 下一步 with a typed row: added first, then on
        self.trying: NewIssuer | None = None
        self.refused: NewIssuer | None = None  # the row the service refused, until edited
        self.form = IssuerForm()
        for edit in (self.form.name, self.form.code, self.form.abbr, self.form.template.line):
            edit.textChanged.connect(lambda _text: self.completeChanged.emit())
        self.add_button = QPushButton("添加到列表")
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton("删除所选")
        self.remove_button.clicked.connect(self.remove)
        self.table = issuer_table()
        self.table.setMinimumHeight(120)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        # the form scrolls on a small screen; the buttons and the list stay in view
        form_area = QScrollArea()
        form_area.setWidget(self.form)
        form_area.setWidgetResizable(True)
        form_area.setFrameShape(QFrame.Shape.NoFrame)
        form_area.setMinimumHeight(120)
        self.body.addWidget(form_area, 3)
        self.body.addLayout(buttons)
        self.body.addWidget(QLabel("制定机关（灰色为已有，完成后不变）："))
        self.body.addWidget(self.table, 2)
        self._show()

    def _show(self) -> None:
        rows = [row.cells() for row in self.office.issuers]
        rows += [self._cells(issuer) for issuer in self.added]
        fill_table(self.table, rows)
        for index in range(len(self.office.issuers)):
            item = self.table.topLevelItem(index)
            if item is None:
                continue
            for column in range(self.table.columnCount()):
                item.setForeground(column, self.palette().placeholderText())
        self.completeChanged.emit()

    @staticmethod
    def _cells(issuer: NewIssuer) -> list[str]:
        row = IssuerRow(
            issuer.code,
            issuer.name,
            issuer.abbr,
            issuer.level,
            issuer.template,
            next_number(issuer.template, issuer.code)[0],
        )
        return row.cells()

    def typed(self) -> bool:
        """The form holds a whole body (name, code, abbreviation) not added yet."""
        form = self.form
        whole = all(edit.text().strip() for edit in (form.name, form.code, form.abbr))
        return whole and form.value() != self.refused

    def add(self) -> None:
        """Ask the service whether these bodies may be added; keep the new one if so."""
        issuer = self.trying = self.form.value()
        trial = [*self.added, issuer]
        actor = self.ctx.actor()

        def work(s, _progress) -> None:  # a read session: rolled back, nothing saved
            for each in trial:
                each.add(s, actor)

        self.show_error("")
        self.add_button.setEnabled(False)
        self.completeChanged.emit()  # no 下一步 while the service is asked
        self.runner.run(
            work, on_done=lambda _r: self._added(issuer), on_error=self._refused, parent=self
        )

    def _added(self, issuer: NewIssuer) -> None:
        self.add_button.setEnabled(True)
        self.added.append(issuer)
        self.form.clear()
        self._show()
        if self.next_when_added:
            self.next_when_added = False
            self.wizard().next()

    def _refused(self, exc: BaseException) -> None:
        self.next_when_added = False
        self.refused = self.trying
        self.add_button.setEnabled(True)
        self.completeChanged.emit()
        if not isinstance(exc, UserError):
            raise exc
        self.show_error(exc.message)

    def remove(self) -> None:
        items = self.table.selectedItems()
        index = self.table.indexOfTopLevelItem(items[0]) - len(self.office.issuers) if items else -1
        if index >= 0:
            del self.added[index]
            self._show()

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        have = bool(self.office.issuers or self.added) or self.typed()
        return have and self.add_button.isEnabled()

    def validatePage(self) -> bool:  # noqa: N802 (Qt override)
        """A whole body typed but not added is added on 下一步 (the service asked first), then
        the wizard goes on; a half-typed one is pointed out."""
        if self.typed():
            self.next_when_added = True
            self.add()
            return False
        if any(edit.text().strip() for edit in (self.form.name, self.form.code, self.form.abbr)):
            self.show_error(
                "表单中的制定机关尚未填写完整（机关名称、机关代码、发文机关代字）："
                "请补全后继续，或清空表单。"
            )
            return False
        return True

    def fill(self, plan: SetupPlan) -> None:
        plan.issuers = list(self.added)


class AdminPage(SetupPage):
    def __init__(self, office: Office) -> None:
        subtitle = (
            "管理员可以添加其他用户、修改设置和恢复备份。请牢记密码。"
            if not office.user_count
            else f"已有 {office.user_count} 个用户，可以留空跳过；需要时也可在此再添加一名管理员。"
        )
        super().__init__(office, "管理员账户", subtitle)
        self.username = line_edit("字母或数字，例如 admin")
        self.name = QLineEdit()
        self.password = QLineEdit()
        self.confirm = QLineEdit()
        for edit in (self.password, self.confirm):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        for edit in self._edits():
            edit.setMaximumWidth(FIELD_WIDTH)
        form = QFormLayout()
        form.addRow("用户名：", self.username)
        form.addRow("姓名：", self.name)
        form.addRow("密码：", self.password)
        form.addRow("确认密码：", self.confirm)
        self.body.addLayout(form)
        self.body.addWidget(_note("密码至少 8 位，须同时包含字母和数字。以后启动时用此账户登录。"))
        self.body.addStretch(1)
        for edit in self._edits():
            edit.textChanged.connect(lambda _text: self.completeChanged.emit())

    def _edits(self) -> tuple[QLineEdit, ...]:
        return (self.username, self.name, self.password, self.confirm)

    def skipped(self) -> bool:
        return not any(edit.text() for edit in self._edits())

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        if self.office.user_count and self.skipped():
            return True
        return all(edit.text().strip() for edit in self._edits())

    def validatePage(self) -> bool:  # noqa: N802 (Qt override)
        if self.office.user_count and self.skipped():
            return True
        try:
            if self.password.text() != self.confirm.text():
                raise UserError("确认密码：两次输入的密码不一致。", field="确认密码")
            users.check_password_rules(self.password.text())
        except UserError as exc:
            self.show_error(exc.message)
            return False
        self.show_error("")
        return True

    def fill(self, plan: SetupPlan) -> None:
        plan.admin = (
            None
            if self.skipped()
            else NewAdmin(
                self.username.text().strip(), self.name.text().strip(), self.password.text()
            )
        )


class SummaryPage(SetupPage):
    def __init__(self, office: Office) -> None:
        super().__init__(
            office, "确认", "点击“完成”后一次保存以下内容；任何一项未能保存，则全部不保存。"
        )
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.body.addWidget(self.text)
        self.body.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        from app.ui.setup.wizard import SetupWizard

        wizard = self.wizard()
        if isinstance(wizard, SetupWizard):  # the page is shown by no other
            self.text.setText(summary(wizard.plan(), self.office))


def _period(values: dict[str, Any], kind: str) -> str:
    unit = "个工作日" if values[f"filing.{kind}.working_days"] else "日"
    event = filing.START_EVENTS[values["filing.start_event"]]
    return (
        f"{event}后 {values[f'filing.{kind}.days']} {unit}内报{values[f'filing.{kind}.recipient']}"
    )


def _validity(v: dict[str, Any]) -> str:
    notice = f"；通告 {v['validity.notice_years']} 年" if v["validity.notice_years"] else ""
    return (
        f"自{settings.VALIDITY_STARTS[v['validity.start']]}起算；一般 {v['validity.default_years']} 年；"
        f"暂行、试行 {v['validity.provisional_years']} 年{notice}"
    )


def summary(plan: SetupPlan, office: Office) -> str:
    v = plan.values
    new = (
        "；".join(
            f"{i.name}（{i.code}，首个编号 {next_number(i.template, i.code)[0]}）"
            for i in plan.issuers
        )
        or "无"
    )
    congress = (
        f"，另于 {v['filing.congress.days']} 日内报{v['filing.congress.recipient']}"
        if v["filing.congress.recipient"]
        else ""
    )
    admin = f"{plan.admin.username}（{plan.admin.name}）" if plan.admin else "不新建"
    lines = [
        f"<b>单位名称：</b>{v['office.name']}",
        f"<b>已有制定机关：</b>{len(office.issuers)} 个",
        f"<b>新增制定机关：</b>{new}",
        f"<b>部门文件备案：</b>{_period(v, 'department')}",
        f"<b>政府文件备案：</b>{_period(v, 'government')}{congress}",
        f"<b>备案审查意见：</b>补正、纠正 {v['filing.correction_days']} 日内办理；"
        f"纠正逾期 {v['filing.revocation_days']} 日内撤销",
        f"<b>有效期：</b>{_validity(v)}",
        f"<b>统一登记编号：</b>{'每年从 1 开始' if v['numbering.yearly_reset'] else '跨年连续编号'}",
        f"<b>管理员账户：</b>{admin}",
    ]
    return "<br><br>".join(lines)


def all_pages(office: Office, ctx: AppContext, offer_server: bool = False) -> dict[int, SetupPage]:
    filing_title = "备案规则"
    filing_sub = (
        "文件报送备案的机关（填写全称，作为备案报告的主送机关）和期限。期限自起算事件的次日起算。"
    )
    validity_sub = "有效期的起算日和各类文件的有效期上限，以及登记编号是否每年重新编号。"
    return {
        START: StartPage(office, offer_server),
        OFFICE: OfficePage(office),
        ISSUERS: IssuersPage(office, ctx),
        FILING: RulesPage(office, filing_title, filing_sub, FILING_GROUPS),
        VALIDITY: RulesPage(office, "有效期和编号", validity_sub, VALIDITY_GROUPS),
        ADMIN: AdminPage(office),
        SUMMARY: SummaryPage(office),
    }
