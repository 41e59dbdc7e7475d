"""The dialogs of a cleanup: 新建清理 and 清理结论.

Each dialog only collects input: the service decides, and a refusal is shown inside the dialog,
which stays open with the input intact.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app import clock
from app.db import Database
from app.errors import UserError
from app.services import cleanup, issuers, search
from app.services.vocabulary import CleanupKind
from app.ui import crash
from app.ui.changes import Change
from app.ui.context import AppContext
from app.ui.operations import Work
from app.ui.widgets.document_chooser import DocumentChooser
from app.ui.widgets.fields import text_edit
from app.ui.widgets.form_dialog import FormDialog

BATCH_CHANGES = frozenset({Change.CLEANUP})
DECISION_CHANGES = frozenset({Change.CLEANUP})
PREVIEW_ROWS = 8


class DecisionDialog(FormDialog):
    """清理结论 of one document, or of several at once (one decision and reason for all)."""

    announces = DECISION_CHANGES

    def __init__(
        self,
        ctx: AppContext,
        batch_id: int,
        doc_ids: list[int],
        heading: str,
        decision: str = "",
        reason: str = "",
        linked: tuple[int, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, "清理结论", parent)
        self.batch_id, self.doc_ids = batch_id, doc_ids
        self.add_heading(heading)
        self.decision = QComboBox()
        for code, label in cleanup.DECISIONS.items():
            self.decision.addItem(label, code)
        self.decision.setCurrentIndex(max(self.decision.findData(decision), 0))
        self.add_field("清理结论", self.decision)
        self.reason = self.add_field("清理理由", text_edit(80))
        self.reason.setPlainText(reason)
        self.amending = self.add_field("修改文件", DocumentChooser(ctx))
        self.amending.setToolTip("结论为“修改”的，可关联登记簿中的修改文件")
        if linked is not None:
            self.amending.set_value(*linked)
        self.setMinimumWidth(520)

    def prepare(self) -> Work:
        batch_id, doc_ids, actor = self.batch_id, list(self.doc_ids), self.ctx.actor()
        decision, reason = self.decision.currentData(), self.reason.toPlainText()
        amending = self.amending.value()

        def work(s: Session, _p) -> int:
            for doc_id in doc_ids:
                cleanup.decide(s, actor, batch_id, doc_id, decision, reason, amending)
            return len(doc_ids)

        return work


@dataclass(frozen=True)
class ScopePreview:
    count: int
    first: list[search.RegisterRow]
    kinds: dict[str, str]  # the kinds a batch of this scope may be (cleanup.Scope.kinds)


def read_scope(s: Session, codes: list[str]) -> ScopePreview:
    found = cleanup.scope(s, codes)
    return ScopePreview(
        len(found.document_ids), search.load_rows(s, found.document_ids[:PREVIEW_ROWS]), found.kinds
    )


class NewBatchDialog(FormDialog):
    """新建清理: the kind, name and reason, the issuers (all if none), the exact scope previewed."""

    announces = BATCH_CHANGES

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "新建清理", parent)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("确认创建")
        self._previewing = self._stale = False
        self.kind = QComboBox()
        for code, label in cleanup.KINDS.items():
            self.kind.addItem(label, code)
        self.add_field("清理类型", self.kind)
        self.kind_note = QLabel()
        self.kind_note.setWordWrap(True)
        self.kind_note.hide()
        self.form.addRow("", self.kind_note)
        self.title_edit = self.add_field("清理名称", QLineEdit())
        self.reason = self.add_field("清理依据", text_edit(64, "开展清理的原因，例如上位法的修改"))
        self.issuers: dict[str, QCheckBox] = {}
        self.add_field("清理范围", self._issuer_box(ctx.database))
        self.count = QLabel()
        self.first = QListWidget()
        self.first.setFixedHeight(180)
        self.first.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.form.addRow("预览范围：", self.count)
        self.form.addRow("", self.first)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.setMinimumWidth(700)
        self.preview()

    def _issuer_box(self, database: Database) -> QWidget:
        with database.reading() as s:
            found = [(i.code, issuers.shown_name(s, i)) for i in issuers.list_issuers(s)]
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        for n, (code, name) in enumerate(found):
            check = self.issuers[code] = QCheckBox(name)
            check.toggled.connect(self.preview)
            grid.addWidget(check, n // 2, n % 2)
        scroll = QScrollArea()
        scroll.setWidget(box)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumHeight(150)
        column = QWidget()
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("不勾选即为全部制定机关"))
        layout.addWidget(scroll)
        return column

    def _kind_changed(self) -> None:
        defaults = {f"{clock.today().year}年规范性文件{label}" for label in cleanup.KINDS.values()}
        if self.title_edit.text() in defaults | {""}:
            self.title_edit.setText(f"{clock.today().year}年规范性文件{self.kind.currentText()}")

    def codes(self) -> list[str]:
        return [code for code, check in self.issuers.items() if check.isChecked()]

    def preview(self) -> None:
        """The exact scope, off the GUI thread; ticks made while it runs fold into one more."""
        if self._previewing:
            self._stale = True
            return
        self._previewing, self._stale, codes = True, False, self.codes()
        self.runner.run(
            lambda s, _p: read_scope(s, codes),
            on_done=self._previewed,
            on_error=self._preview_failed,
            parent=self,
        )

    def _previewed(self, found: ScopePreview) -> None:
        self._previewing = False
        if self._stale:
            self.preview()
            return
        self._offer_kinds(found.kinds)
        chosen = [c.text() for c in self.issuers.values() if c.isChecked()] or ["全部制定机关"]
        self.count.setText(f"{'、'.join(chosen)}现行有效的文件共 <b>{found.count}</b> 件")
        self.first.clear()
        self.first.addItems([f"{r.issuer_name}　《{r.title}》{r.doc_number}" for r in found.first])
        if found.count > len(found.first):
            self.first.addItem(f"……另有 {found.count - len(found.first)} 件")

    def _offer_kinds(self, allowed: dict[str, str]) -> None:
        """Only the kinds the service allows for this scope can be chosen."""
        model = self.kind.model()
        for row in range(self.kind.count()):
            item = model.item(row) if isinstance(model, QStandardItemModel) else None
            if item is not None:  # a combo box's own model holds one item per row
                item.setEnabled(self.kind.itemData(row) in allowed)
        if self.kind.currentData() not in allowed:
            self.kind.setCurrentIndex(self.kind.findData(next(iter(allowed))))
        self.kind_note.setText(
            ""
            if CleanupKind.REGULAR in allowed
            else "未覆盖全部制定机关的清理为专项清理；定期清理须覆盖全部制定机关现行有效的文件。"
        )
        self.kind_note.setVisible(CleanupKind.REGULAR not in allowed)

    def _preview_failed(self, exc: BaseException) -> None:
        self._previewing = False
        if isinstance(exc, UserError):
            self.show_error(exc.message)
        else:
            crash.show_error(self, exc)

    def prepare(self) -> Work:
        kind, title, codes = self.kind.currentData(), self.title_edit.text(), self.codes()
        reason, actor = self.reason.toPlainText(), self.ctx.actor()
        return lambda s, _p: cleanup.create_batch(s, actor, kind, title, codes, reason).id
