"""上位法: the office's list of the upper-level laws its documents cite (上位法目录), the changes
recorded to them, and for each change the documents in force that cite the law, cleared up by a
special cleanup (专项清理) opened in one step."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.services import legal_bases
from app.services.legal_bases import ChangeView, LawView
from app.services.permissions import Permission, allowed
from app.services.vocabulary import LawChangeKind
from app.ui.changes import Change
from app.ui.context import AppContext
from app.ui.operations import Reload
from app.ui.widgets.fields import date_edit, pydate, text_edit
from app.ui.widgets.form_dialog import FormDialog
from app.ui.widgets.list_model import Column, RowsModel, group_box, rows_table, selected_rows
from app.ui.widgets.style import BANNER_STYLE

_PENDING = QColor(255, 241, 199)  # a change whose documents still await their cleanup
REFRESH_KINDS = frozenset({Change.LAWS, Change.TEXTS, Change.CLEANUP, Change.DOCUMENTS})


@dataclass(frozen=True)
class LawsState:
    laws: list[LawView]
    changes: list[ChangeView]

    @property
    def pending(self) -> list[ChangeView]:
        return [c for c in self.changes if c.pending]


def read_laws(s: Session) -> LawsState:
    return LawsState(legal_bases.laws(s), legal_bases.changes(s))


def pending_text(pending: list[ChangeView]) -> str:
    """The 上位法变化待处理 reminder (this page's banner, the dashboard's line)."""
    parts = [
        f"《{escape(c.law_name)}》{c.changed_on} {c.kind.label}，{c.affected} 件现行文件"
        + ("待清理" if c.batch_id is None else "的专项清理尚未实施")
        for c in pending
    ]
    return "上位法变化待处理：" + "；".join(parts) + "。"


def _change_state(c: ChangeView) -> str:
    if c.affected == 0:
        return "无受影响文件"
    if c.batch_id is None:
        return "待开启清理"
    return f"清理已实施（批次 {c.batch_id}）" if c.batch_applied else f"清理中（批次 {c.batch_id}）"


LAW_COLUMNS = (
    Column("名称", lambda x: f"《{x.name}》"),
    Column("效力层级", lambda x: x.level.label, 110, centered=True),
    Column("状态", lambda x: x.status.label, 80, centered=True),
    Column("引用的现行文件", lambda x: x.citing, 110, centered=True),
    Column("最近变化", lambda x: x.last_change or "", 96, centered=True),
)
CHANGE_COLUMNS = (
    Column("日期", lambda x: x.changed_on, 96, centered=True),
    Column("上位法", lambda x: f"《{x.law_name}》"),
    Column("变化", lambda x: x.kind.label, 60, centered=True),
    Column("受影响文件", lambda x: x.affected, 90, centered=True),
    Column("处理", _change_state, 150, centered=True, tip=lambda x: x.what or _change_state(x)),
)


class LawsPage(QWidget):
    """Asks for a cleanup batch's window with `open_batch(batch_id)`: the section opens it."""

    open_batch = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.state: LawsState | None = None
        self.dialog: QDialog | None = None  # the dialog last opened (tests drive it)
        self.reload = Reload(self, ctx.runner, lambda: lambda s, _p: read_laws(s), self._loaded)
        self.banner = QLabel()
        self.banner.setObjectName("lawsPending")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.hide()
        self.record_button = QPushButton("记录上位法变化…")
        self.record_button.setToolTip("上位法修改或废止后，找出以其为制定依据的现行有效文件")
        self.record_button.clicked.connect(self.record_change)
        self.cleanup_button = QPushButton("开启专项清理")
        self.cleanup_button.setToolTip("对所选变化所涉的现行有效文件开启专项清理")
        self.cleanup_button.clicked.connect(self.open_cleanup)
        self.batch_button = QPushButton("查看清理批次…")
        self.batch_button.clicked.connect(self.show_batch)
        buttons = QHBoxLayout()
        for button in (self.record_button, self.cleanup_button, self.batch_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.laws = RowsModel(LAW_COLUMNS, parent=self)
        self.law_table = rows_table(self.laws)
        self.changes = RowsModel(
            CHANGE_COLUMNS,
            colour=lambda c: _PENDING if c.pending else None,
            parent=self,
        )
        self.change_table = rows_table(self.changes)
        self.change_table.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self.empty = QLabel(
            "上位法目录为空。在文件登记簿的“正文与依据”中为文件列出制定依据后，"
            "所引用的法律、法规、规章和上级文件即列入目录。"
        )
        self.empty.setWordWrap(True)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(group_box("上位法目录", self.law_table))
        splitter.addWidget(group_box("上位法变化记录", self.change_table))
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(buttons)
        layout.addWidget(self.empty)
        layout.addWidget(splitter, 1)
        ctx.runner.data_changed.connect(self.on_data_changed)
        self.reload()

    def on_data_changed(self, kinds: set[str]) -> None:
        if kinds & REFRESH_KINDS:
            self.reload()

    def _loaded(self, state: LawsState) -> None:
        self.state = state
        self.laws.set_rows(state.laws)
        self.changes.set_rows(state.changes)
        pending = state.pending
        self.banner.setText(pending_text(pending))
        self.banner.setVisible(bool(pending))
        self.empty.setVisible(not state.laws)
        self._update()

    def _selected_change(self) -> ChangeView | None:
        rows = selected_rows(self.change_table)
        return rows[0] if rows else None

    def _update(self) -> None:
        writes = allowed(self.ctx.user, Permission.REGISTER)
        has_laws = bool(self.state and self.state.laws)
        self.record_button.setEnabled(writes and has_laws)
        change = self._selected_change()
        self.cleanup_button.setEnabled(
            writes and change is not None and change.affected > 0 and change.batch_id is None
        )
        self.batch_button.setEnabled(change is not None and change.batch_id is not None)

    def select_change(self, change_id: int) -> None:
        for row, change in enumerate(self.changes.rows):
            if change.id == change_id:
                self.change_table.selectRow(row)

    # --- actions --------------------------------------------------------------------------
    def record_change(self) -> None:
        if self.state is None:
            return
        dialog = RecordChangeDialog(self.ctx, [v.name for v in self.state.laws], self)
        self.dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        done = dialog.returned
        assert isinstance(done, tuple)
        change_id, titles, batch_id = done
        self.reload()
        listing = "\n".join(f"· {t}" for t in titles[:15])
        more = f"\n……共 {len(titles)} 件" if len(titles) > 15 else ""
        if not titles:
            message = "已记录。现行有效的文件中没有以其为制定依据的。"
        elif batch_id is not None:
            message = f"已记录，并已对以下 {len(titles)} 件文件开启专项清理：\n{listing}{more}"
        else:
            message = (
                f"已记录。以下 {len(titles)} 件现行有效文件以其为制定依据，"
                f"可选中该变化后点“开启专项清理”：\n{listing}{more}"
            )
        QMessageBox.information(self, "记录上位法变化", message)
        if batch_id is not None:
            self.open_batch.emit(batch_id)

    def open_cleanup(self) -> None:
        change = self._selected_change()
        if change is None:
            return
        actor = self.ctx.actor()
        self.ctx.runner.run(
            lambda s, _p: legal_bases.open_cleanup_for(s, actor, change.id).id,
            write=True,
            changes={Change.LAWS, Change.CLEANUP},
            on_done=lambda batch_id: self.open_batch.emit(batch_id),
            parent=self,
        )

    def show_batch(self) -> None:
        change = self._selected_change()
        if change is not None and change.batch_id is not None:
            self.open_batch.emit(change.batch_id)


class RecordChangeDialog(FormDialog):
    announces = frozenset({Change.LAWS, Change.CLEANUP})

    def __init__(self, ctx: AppContext, law_names: list[str], parent: QWidget | None) -> None:
        super().__init__(ctx, "记录上位法变化", parent)
        self.add_heading("记录上位法的修改或废止，程序列出以其为制定依据的现行有效文件。")
        self.law = self.add_field("上位法", QComboBox(), "上位法名称")
        self.law.setEditable(True)
        self.law.addItems(law_names)
        self.law.setCurrentIndex(-1)
        self.law.setMinimumWidth(380)
        editor = self.law.lineEdit()
        if editor is not None:
            editor.setPlaceholderText("从目录中选择或输入名称")
        self.kind = self.add_field("变化", QComboBox(), "变化类型")
        for kind in LawChangeKind:
            self.kind.addItem(kind.label, kind)
        self.day = self.add_field("日期", date_edit(), "变化日期")
        self.what = self.add_field(
            "变化内容", text_edit(64, "如：第十二条修改，删去第二十条（可不填）"), "变化内容"
        )
        self.cleanup = QCheckBox("同时对受影响的现行有效文件开启专项清理")
        self.cleanup.setChecked(True)
        self.form.addRow("", self.cleanup)

    def prepare(self):
        from app.services import documents

        actor = self.ctx.actor()
        name, kind = self.law.currentText(), LawChangeKind(self.kind.currentData())
        day, what, cleanup = (
            pydate(self.day.date()),
            self.what.toPlainText(),
            self.cleanup.isChecked(),
        )

        def work(s, _p):
            done = legal_bases.record_change(s, actor, name, kind, day, what, cleanup)
            titles = [f"《{documents.get(s, i).title}》" for i in done.affected]
            return done.change.id, titles, done.batch.id if done.batch else None

        return work
