"""设置—单位与编号: the issuing bodies with their number templates and next numbers, the form
that adds one (shared with the first-run wizard), the re-run of the initial setup, and where
the database, data folder and log file are."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app import clock
from app.config import DB_ENV, data_dir
from app.db import Database, describe
from app.logs import log_path
from app.services import issuer_names, issuers, number_templates, numbering
from app.services.issuers import IssuerAction
from app.services.permissions import Actor, Permission, allowed
from app.ui.changes import Change
from app.ui.context import AppContext
from app.ui.operations import Work
from app.ui.settings.issuer_reform import (
    ActivateDialog,
    DeactivateDialog,
    MergeDialog,
    RenameDialog,
)
from app.ui.settings.template_edit import TemplateEdit
from app.ui.widgets.fields import line_edit
from app.ui.widgets.form_dialog import FormDialog
from app.ui.widgets.style import HELP_STYLE

if TYPE_CHECKING:
    from app.ui.setup.wizard import SetupWizard

ISSUER_CHANGES = frozenset({Change.ISSUERS})
COLUMNS = ("代码", "名称", "发文机关代字", "层级", "编号模板", "下一个编号")


@dataclass(frozen=True)
class NewIssuer:
    """An issuing body as entered, not yet saved; the issuers service decides whether it may be."""

    code: str
    name: str
    abbr: str
    level: str
    body_type: str
    template: str

    def add(self, s: Session, actor: Actor) -> None:
        issuers.add_issuer(
            s, actor, self.code, self.name, self.abbr, self.level, self.template, self.body_type
        )


@dataclass(frozen=True)
class IssuerRow:
    code: str
    name: str
    abbr: str
    level: str
    template: str
    next_number: str
    state: str = ""  # （已停用） / （已并入 X）, "" while it issues documents
    history: str = ""  # its former names with their periods
    actions: frozenset[IssuerAction] = field(default_factory=frozenset)

    @property
    def active(self) -> bool:
        return not self.state

    def cells(self) -> list[str]:
        level = issuers.LEVELS.get(self.level, self.level)
        name = self.name + self.state
        shown = number_templates.described(self.template)
        return [self.code, name, self.abbr, level, shown, self.next_number]

    def note(self) -> str:
        """Its state and former names, whole: the tooltip and the line under the table."""
        parts = [f"{self.name}{self.state}"] if self.state else []
        if self.history:
            parts.append(f"曾用名：{self.history}")
        return "　".join(parts)


def read_issuers(s: Session) -> list[IssuerRow]:
    year = clock.today().year
    return [
        IssuerRow(
            i.code,
            i.name,
            i.abbr,
            i.level,
            i.reg_template,
            numbering.preview(s, i, year) if i.active else "",
            issuers.state_label(s, i),
            issuer_names.history_text(s, i.id),
            issuers.allowed_actions(i),
        )
        for i in issuers.list_issuers(s)
    ]


def reset_note(yearly: bool) -> str:
    how = "每年从 1 重新开始" if yearly else "跨年连续编排，不每年重新开始"
    return f"登记编号的序号{how}（在“设置—规则”的“登记编号序号每年重新开始”中修改）。"


def issuer_table() -> QTreeWidget:
    table = QTreeWidget()
    table.setRootIsDecorated(False)
    table.setHeaderLabels(list(COLUMNS))
    for column, width in enumerate((80, 220, 100, 80, 200)):
        table.setColumnWidth(column, width)
    return table


def fill_table(table: QTreeWidget, rows: list[list[str]]) -> None:
    table.clear()
    for cells in rows:
        table.addTopLevelItem(QTreeWidgetItem(cells))


def mark_rows(table: QTreeWidget, rows: list[IssuerRow]) -> None:
    """Ended bodies greyed; a renamed one's former names on its tooltip."""
    for index, row in enumerate(rows):
        item = table.topLevelItem(index)
        if item is None:
            continue
        for column in range(table.columnCount()):
            if not row.active:
                item.setForeground(column, table.palette().placeholderText())
            item.setToolTip(column, row.note())


class IssuerForm(QWidget):
    """名称、代码、代字、层级、类型 and number template of a new issuing body."""

    def __init__(self, template: str = issuers.DEFAULT_TEMPLATE, yearly: bool = True) -> None:
        super().__init__()
        self.name = line_edit("例如：河清市民政局")
        self.code = line_edit("字母或数字，例如 MZ")
        self.abbr = line_edit("发文字号中的代字，例如 河民发")
        self.level = QComboBox()
        for key, label in issuers.LEVELS.items():
            self.level.addItem(label, key)
        self.level.setCurrentIndex(self.level.findData("department"))
        self.body = QComboBox()
        self.body.addItems(list(issuers.ALLOWED_BODIES))
        self.body.setToolTip(f"{'、'.join(issuers.REFUSED_BODIES)}不得制发行政规范性文件。")
        self.template = TemplateEdit(template, yearly=yearly)
        self.code.textChanged.connect(self.template.set_code)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("机关名称：", self.name)
        form.addRow("机关代码：", self.code)
        form.addRow("发文机关代字：", self.abbr)
        form.addRow("机关层级：", self.level)
        form.addRow("机关类型：", self.body)
        form.addRow("登记编号模板：", self.template)

    def value(self) -> NewIssuer:
        return NewIssuer(
            self.code.text().strip(),
            self.name.text().strip(),
            self.abbr.text().strip(),
            self.level.currentData(),
            self.body.currentText(),
            self.template.text(),
        )

    def clear(self) -> None:
        for edit in (self.name, self.code, self.abbr):
            edit.clear()
        self.name.setFocus()


class AddIssuerDialog(FormDialog):
    announces = ISSUER_CHANGES

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "添加制定机关", parent)
        with ctx.database.reading() as s:
            yearly = numbering.yearly_reset(s)
        self.issuer = IssuerForm(yearly=yearly)
        self.form.addRow(self.issuer)
        form = self.issuer
        self.fields.update(
            {
                "机关名称": form.name,
                "机关代码": form.code,
                "发文机关代字": form.abbr,
                numbering.TEMPLATE_LABEL: form.template,
            }
        )
        self.setMinimumWidth(560)

    def prepare(self) -> Work:
        actor, issuer = self.ctx.actor(), self.issuer.value()
        return lambda s, _p: issuer.add(s, actor)


class TemplateDialog(FormDialog):
    """修改编号模板: numbers already given stay; the next one follows the new template."""

    announces = ISSUER_CHANGES

    def __init__(self, ctx: AppContext, row: IssuerRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx, f"修改 {row.name} 的编号模板", parent)
        self.code = row.code
        with ctx.database.reading() as s:
            serial = numbering.next_serial(s, issuers.by_code(s, row.code), clock.today().year)
            yearly = numbering.yearly_reset(s)
        self.template = TemplateEdit(row.template, serial, yearly)
        self.template.set_code(row.code)
        self.add_field("编号模板", self.template, numbering.TEMPLATE_LABEL)
        self.fields[numbering.TEMPLATE_LABEL] = self.template
        note = QLabel("已分配的编号不变，序号继续顺延；新登记的文件按新模板编号。")
        note.setWordWrap(True)
        self.form.addRow(note)
        self.setMinimumWidth(560)

    def prepare(self) -> Work:
        actor, code, template = self.ctx.actor(), self.code, self.template.text()
        return lambda s, _p: issuers.set_template(s, actor, code, template).id


def database_text(database: Database) -> str:
    return (
        f"数据库：{describe(database.url)}\n"
        f"数据文件夹：{data_dir()}\n"
        f"日志文件：{log_path()}\n\n"
        "使用其他数据库：文件 → 打开数据库… 或 新建数据库…；几位同事共用单位服务器时："
        "文件 → 连接单位服务器…。也可在启动时加参数 --db 或设置环境变量 "
        f"{DB_ENV}。更换数据库前请先备份。"
    )


class IssuersPage(QWidget):
    """Asks for the first-run wizard again through 重新运行初始设置…; nothing is lost by it."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.database = ctx.database
        self.runner = ctx.runner
        self.rows: list[IssuerRow] = []
        self.wizard: SetupWizard | None = None
        intro = QLabel(
            "制定机关及其统一登记编号模板。“下一个编号”是该机关今年登记的下一件文件将得到的编号。"
        )
        intro.setWordWrap(True)
        self.reset_note = QLabel()
        self.reset_note.setWordWrap(True)
        self.reset_note.setStyleSheet(HELP_STYLE)
        self.table = issuer_table()
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemActivated.connect(lambda _item, _col: self.edit_template())
        self.add_button = QPushButton("添加制定机关…")
        self.add_button.clicked.connect(self.add_issuer)
        self.template_button = QPushButton("修改编号模板…")
        self.template_button.clicked.connect(self.edit_template)
        self.rename_button = QPushButton("更名…")
        self.rename_button.clicked.connect(self.rename)
        self.merge_button = QPushButton("合并到…")
        self.merge_button.clicked.connect(self.merge)
        self.state_button = QPushButton("停用…")
        self.state_button.clicked.connect(self.change_state)
        self.history = QLabel()
        self.history.setWordWrap(True)
        self.history.setStyleSheet(HELP_STYLE)
        self.setup_button = QPushButton("重新运行初始设置…")
        self.setup_button.setToolTip("已有的制定机关、用户和文件都会保留。")
        self.setup_button.clicked.connect(self.run_setup)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.template_button)
        buttons.addWidget(self.rename_button)
        buttons.addWidget(self.merge_button)
        buttons.addWidget(self.state_button)
        buttons.addStretch(1)
        buttons.addWidget(self.setup_button)
        self.where = QLabel(database_text(ctx.database))
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box = QGroupBox("数据库")
        QVBoxLayout(box).addWidget(self.where)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.reset_note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.history)
        layout.addLayout(buttons)
        layout.addWidget(box)
        self.runner.data_changed.connect(self.on_data_changed)
        self.refresh()

    def refresh(self) -> None:
        with self.database.reading() as s:
            self.rows = read_issuers(s)
            yearly = numbering.yearly_reset(s)
        self.reset_note.setText(reset_note(yearly))
        fill_table(self.table, [row.cells() for row in self.rows])
        mark_rows(self.table, self.rows)
        self._update_buttons()

    def on_data_changed(self, kinds: set[str]) -> None:
        if kinds & {Change.ISSUERS, Change.DOCUMENTS, Change.SETTINGS}:
            self.refresh()

    def selected(self) -> IssuerRow | None:
        items = self.table.selectedItems()
        return self.rows[self.table.indexOfTopLevelItem(items[0])] if items else None

    def _update_buttons(self) -> None:
        row = self.selected()
        may = (row.actions if row else frozenset()) if self._manages() else frozenset()
        self.template_button.setEnabled(row is not None and row.active)
        self.rename_button.setEnabled(IssuerAction.RENAME in may)
        self.merge_button.setEnabled(IssuerAction.MERGE in may)
        self.state_button.setText("启用…" if IssuerAction.ACTIVATE in may else "停用…")
        self.state_button.setEnabled(bool(may & {IssuerAction.ACTIVATE, IssuerAction.DEACTIVATE}))
        self.history.setText(row.note() if row else "")
        self.history.setVisible(bool(self.history.text()))

    def _manages(self) -> bool:
        return allowed(self.ctx.user, Permission.MANAGE_ISSUERS)

    def rename(self) -> None:
        row = self.selected()
        if row is not None:
            self._open(RenameDialog(self.ctx, row, self))

    def merge(self) -> None:
        row = self.selected()
        if row is not None:
            others = [r for r in self.rows if r.active and r.code != row.code]
            self._open(MergeDialog(self.ctx, row, others, self))

    def change_state(self) -> None:
        row = self.selected()
        if row is None:
            return
        if IssuerAction.ACTIVATE in row.actions:
            self._open(ActivateDialog(self.ctx, row, self))
        else:
            self._open(DeactivateDialog(self.ctx, row, self))

    def add_issuer(self) -> None:
        self._open(AddIssuerDialog(self.ctx, self))

    def edit_template(self) -> None:
        row = self.selected()
        if row is not None:
            self._open(TemplateDialog(self.ctx, row, self))

    def run_setup(self) -> None:
        from app.ui.setup.wizard import SetupWizard

        self.wizard = SetupWizard(self.ctx, self)
        self.wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.wizard.open()

    def _open(self, dialog: FormDialog) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
