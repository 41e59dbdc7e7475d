"""机构改革 on 设置—单位与编号: rename a body, merge it into another, stop or resume its issuing.
Each dialog is one service call; the service says whether it may happen and refuses naming the
field."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from app.services import issuers
from app.ui.changes import Change
from app.ui.context import AppContext
from app.ui.operations import Work
from app.ui.widgets.fields import date_edit, line_edit, pydate, text_edit
from app.ui.widgets.form_dialog import FormDialog

if TYPE_CHECKING:
    from app.ui.settings.issuers_page import IssuerRow

ISSUER_CHANGES = frozenset({Change.ISSUERS, Change.DOCUMENTS})  # documents show the names
REASON = issuers.REASON_LABEL
DAY = "生效日期"


class _ReformDialog(FormDialog):
    announces = ISSUER_CHANGES

    def __init__(self, ctx: AppContext, title: str, note: str, parent: QWidget | None) -> None:
        super().__init__(ctx, title, parent)
        self.add_heading(note)
        self.setMinimumWidth(480)

    def _reason(self, placeholder: str) -> None:
        self.reason = self.add_field(REASON, text_edit(56, placeholder))

    def reason_text(self) -> str:
        return self.reason.toPlainText()


class RenameDialog(_ReformDialog):
    """更名: same code and serial sequence; documents dated before keep the old name."""

    def __init__(self, ctx: AppContext, row: IssuerRow, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            f"{row.name} 更名",
            f"更名后机关代码和登记编号序列不变。生效日期之前的文件仍以原名称“{row.name}”显示和打印。",
            parent,
        )
        self.code = row.code
        self.name = self.add_field("新名称", line_edit("例如：河清市民政和社会保障局"))
        self.abbr = self.add_field("发文机关代字", line_edit("新的代字，例如 河民社发"))
        self.abbr.setText(row.abbr)
        self.day = self.add_field(DAY, date_edit())
        self._reason("例如：根据《河清市机构改革方案》")

    def prepare(self) -> Work:
        actor, code = self.ctx.actor(), self.code
        name, abbr, day = self.name.text(), self.abbr.text(), pydate(self.day.date())
        reason = self.reason_text()
        return lambda s, _p: issuers.rename(s, actor, code, name, abbr, day, reason).id


class MergeDialog(_ReformDialog):
    """合并到: the body ends; its documents and numbers stay its own."""

    def __init__(
        self,
        ctx: AppContext,
        row: IssuerRow,
        successors: list[IssuerRow],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            ctx,
            f"{row.name} 合并到其他机关",
            f"合并后“{row.name}”不再登记新文件；其已有文件和登记编号不变，仍可查询和打印。",
            parent,
        )
        self.code = row.code
        self.into = self.add_field("合并到", QComboBox())
        for other in successors:
            self.into.addItem(f"{other.name}（{other.code}）", other.code)
        if not successors:
            self.form.addRow(QLabel("没有可承接的制定机关：请先添加。"))
        self.day = self.add_field(DAY, date_edit())
        self._reason("例如：职责划入河清市财政局")

    def prepare(self) -> Work:
        actor, code, into = self.ctx.actor(), self.code, self.into.currentData() or ""
        day, reason = pydate(self.day.date()), self.reason_text()
        return lambda s, _p: issuers.merge(s, actor, code, into, day, reason).id


class DeactivateDialog(_ReformDialog):
    """停用: no new documents from the day; its documents stay in every list and register."""

    def __init__(self, ctx: AppContext, row: IssuerRow, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            f"停用 {row.name}",
            "停用后不能再以该机关登记新文件；其已有文件仍在登记簿、查询和目录中。可随时重新启用。",
            parent,
        )
        self.code = row.code
        self.day = self.add_field("停用日期", date_edit(), DAY)
        self._reason("例如：暂停制发规范性文件")

    def prepare(self) -> Work:
        actor, code = self.ctx.actor(), self.code
        day, reason = pydate(self.day.date()), self.reason_text()
        return lambda s, _p: issuers.deactivate(s, actor, code, reason, day).id


class ActivateDialog(_ReformDialog):
    def __init__(self, ctx: AppContext, row: IssuerRow, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx, f"启用 {row.name}", "启用后可再以该机关登记新文件，编号接续原序列。", parent
        )
        self.code = row.code
        self._reason("例如：恢复制发")

    def prepare(self) -> Work:
        actor, code, reason = self.ctx.actor(), self.code, self.reason_text()
        return lambda s, _p: issuers.activate(s, actor, code, reason).id
