"""The 正文与依据 tab of the document pane: the document's texts (公布文本, 现行文本 of each date)
with the current one shown and any two compared side by side, and its legal bases (制定依据),
suggested from the text and confirmed by the clerk."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.permissions import Permission, allowed
from app.ui.changes import Change
from app.ui.context import AppContext
from app.ui.widgets.fields import date_edit, line_edit, pydate
from app.ui.widgets.form_dialog import FormDialog

if TYPE_CHECKING:
    from app.services.basis_suggest import SuggestedBasis
    from app.services.legal_bases import BasisView
    from app.services.texts import TextVersion

TEXT_FILES = "正文文件 (*.docx *.pdf *.ofd *.txt);;所有文件 (*)"
MARK_OLD = "#f8d0d0"  # what the older text had and the newer no longer has
MARK_NEW = "#c8ecc8"  # what the newer text has that the older had not
HIT_MARK = "#ffe08a"  # a search term in the register's 标题和正文 hit


@dataclass(frozen=True)
class TextsView:
    versions: list[TextVersion]
    bases: list[BasisView]
    shown: str  # the current text, or what stands for it
    law_names: list[str]  # the office's list of laws, for the name field's completion


def read_texts(database, doc_id: int) -> TextsView:
    from app.services import legal_bases, text_extract, texts

    with database.reading() as s:
        versions = texts.versions(s, doc_id)
        current = texts.in_force_text(s, doc_id)
        if current is None:
            shown = "尚未录入正文。点“附上正文…”选择文件的 Word、PDF、OFD 或文本文件，程序提取其中的文字。"
        elif current.scanned:
            shown = text_extract.scan_note(current.fmt)
        else:
            shown = current.body
        return TextsView(
            versions, legal_bases.bases(s, doc_id), shown, [v.name for v in legal_bases.laws(s)]
        )


class TextsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.doc_id: int | None = None
        self.view: TextsView | None = None

        # a chooser, not a list: on a small screen the pane is a few lines high, and they go
        # to the text
        self.versions = QComboBox()
        self.versions.setToolTip("选择要查看的文本版本")
        self.versions.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.versions.setMinimumContentsLength(12)
        self.versions.activated.connect(lambda _index: self.show_selected())
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.attach_button = QPushButton("附上正文…")
        self.attach_button.setToolTip("选择公布的正文文件（Word、PDF、OFD 或文本），提取其中的文字")
        self.attach_button.clicked.connect(lambda: self.choose_text_file(current=False))
        self.current_button = QPushButton("录入现行文本…")
        self.current_button.setToolTip("文件经修改后，录入某日的现行文本（修改后的完整文本）")
        self.current_button.clicked.connect(lambda: self.choose_text_file(current=True))
        self.compare_button = QPushButton("对照…")
        self.compare_button.setToolTip("左右对照两个文本，标出不同之处")
        self.compare_button.clicked.connect(self.compare)
        text_buttons = QHBoxLayout()
        text_buttons.addWidget(self.versions, 1)
        for button in (self.attach_button, self.current_button, self.compare_button):
            text_buttons.addWidget(button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(2)
        left_layout.addLayout(text_buttons)
        left_layout.addWidget(self.text, 1)

        self.bases = QTreeWidget()
        self.bases.setRootIsDecorated(False)
        self.bases.setHeaderLabels(["制定依据", "条款", "效力层级", "上位法状态"])
        header = self.bases.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the name takes the room
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.bases.itemSelectionChanged.connect(self._update_buttons)
        self.suggest_button = QPushButton("从正文提取…")
        self.suggest_button.setToolTip(
            "找出正文中“根据《……》”等处引用的法律法规，确认后列为制定依据"
        )
        self.suggest_button.clicked.connect(self.suggest)
        self.add_button = QPushButton("添加…")
        self.add_button.clicked.connect(self.add_basis)
        self.remove_button = QPushButton("删除")
        self.remove_button.clicked.connect(self.remove_basis)
        basis_buttons = QHBoxLayout()
        for button in (self.suggest_button, self.add_button, self.remove_button):
            basis_buttons.addWidget(button)
        basis_buttons.addStretch(1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(2)
        right_layout.addLayout(basis_buttons)
        right_layout.addWidget(self.bases, 1)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self.clear()

    # --- showing --------------------------------------------------------------------------
    def clear(self) -> None:
        self.doc_id, self.view = None, None
        self.versions.clear()
        self.text.clear()
        self.bases.clear()
        self._update_buttons()

    def count(self) -> int:
        return len(self.view.versions) + len(self.view.bases) if self.view else 0

    def show_document(self, doc_id: int | None) -> None:
        if doc_id is None:
            self.clear()
            return
        self.show_view(doc_id, read_texts(self.ctx.database, doc_id))

    def show_view(self, doc_id: int, view: TextsView) -> None:
        self.doc_id, self.view = doc_id, view
        self.versions.clear()
        for v in view.versions:
            size = "扫描件，无文字" if v.scanned else f"{v.chars:,} 字"
            source = f"，{v.file_name}" if v.file_name else "，手工录入"
            self.versions.addItem(f"{v.label}（{size}{source}）", v.id)
            tip = f"{v.added_by} 录入于 {v.added_at:%Y-%m-%d %H:%M}"
            self.versions.setItemData(self.versions.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        if not view.versions:
            self.versions.addItem("尚未录入正文", None)
        else:
            self.versions.setCurrentIndex(self._shown_index(view))
        self.versions.setEnabled(bool(view.versions))
        self.text.setPlainText(view.shown)
        self.bases.clear()
        for b in view.bases:
            row = QTreeWidgetItem([f"《{b.name}》", b.articles, b.level.label, b.law_status.label])
            row.setData(0, Qt.ItemDataRole.UserRole, b.id)
            row.setToolTip(0, f"《{b.name}》（{b.source.label}）")
            self.bases.addTopLevelItem(row)
        self._update_buttons()

    @staticmethod
    def _shown_index(view: TextsView) -> int:
        """The version `shown` is: the newest 现行文本, else the newest 公布文本."""
        from app.services.vocabulary import TextKind

        for kind in (TextKind.CONSOLIDATED, TextKind.ORIGINAL):
            found = [n for n, v in enumerate(view.versions) if v.kind is kind]
            if found:
                return found[-1]
        return 0

    def _update_buttons(self) -> None:
        has_doc = self.doc_id is not None
        writes = has_doc and allowed(self.ctx.user, Permission.REGISTER)
        for button in (self.attach_button, self.current_button, self.add_button):
            button.setEnabled(writes)
        has_text = bool(self.view and any(not v.scanned for v in self.view.versions))
        self.suggest_button.setEnabled(writes and has_text)
        self.remove_button.setEnabled(writes and self.bases.currentItem() is not None)
        self.compare_button.setEnabled(bool(self.view and len(self.view.versions) >= 2))

    def _reload(self, _result: object = None) -> None:
        if self.doc_id is not None:
            self.show_document(self.doc_id)

    # --- texts ----------------------------------------------------------------------------
    def choose_text_file(self, current: bool) -> None:
        if self.doc_id is None:
            return
        title = "录入现行文本" if current else "附上正文"
        name, _ = QFileDialog.getOpenFileName(self, title, "", TEXT_FILES)
        if not name:
            return
        if current:
            dialog = CurrentTextDialog(self.ctx, self.doc_id, Path(name), self)
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self._reload()
            return
        self.add_text_file(Path(name))

    def add_text_file(self, path: Path) -> None:
        from app.services import texts

        doc_id, actor = self.doc_id, self.ctx.actor()
        assert doc_id is not None
        self.ctx.runner.run(
            lambda s, _p: texts.add_file(s, actor, doc_id, path),
            write=True,
            changes={Change.TEXTS, Change.ATTACHMENTS, Change.DOCUMENTS},
            on_done=self._text_added,
            parent=self,
            progress="提取正文",
        )

    def _text_added(self, row: object) -> None:
        from app.services import text_extract

        if getattr(row, "scanned", False):
            QMessageBox.warning(self, "附上正文", text_extract.scan_note(row.fmt))  # type: ignore[attr-defined]
        self._reload()

    def show_selected(self) -> None:
        from app.services import texts

        text_id = self.versions.currentData()
        if text_id is None:
            return
        self.ctx.runner.run(
            lambda s, _p: texts.body(s, text_id),
            on_done=lambda body: self.text.setPlainText(str(body) or "（该版本没有文字）"),
            parent=self,
        )

    def compare(self) -> None:
        if self.view is None or len(self.view.versions) < 2:
            return
        CompareDialog(self.ctx, self.view.versions, self).exec()

    # --- legal bases ----------------------------------------------------------------------
    def suggest(self) -> None:
        from app.services import legal_bases

        doc_id = self.doc_id
        if doc_id is None:
            return
        self.ctx.runner.run(
            lambda s, _p: legal_bases.suggestions(s, doc_id),
            on_done=self._offer_suggestions,
            parent=self,
        )

    def _offer_suggestions(self, found: object) -> None:
        assert isinstance(found, list) and self.doc_id is not None
        if not found:
            QMessageBox.information(self, "从正文提取", "正文中没有找到尚未列出的制定依据。")
            return
        if SuggestionsDialog(self.ctx, self.doc_id, found, self).exec():
            self._reload()

    def add_basis(self) -> None:
        if self.doc_id is None or self.view is None:
            return
        if BasisDialog(self.ctx, self.doc_id, self.view.law_names, self).exec():
            self._reload()

    def remove_basis(self) -> None:
        from app.services import legal_bases

        item = self.bases.currentItem()
        if item is None:
            return
        basis_id = item.data(0, Qt.ItemDataRole.UserRole)
        answer = QMessageBox.question(
            self, "删除制定依据", f"从该文件的制定依据中删除{item.text(0)}？"
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        actor = self.ctx.actor()
        self.ctx.runner.run(
            lambda s, _p: legal_bases.remove_basis(s, actor, basis_id),
            write=True,
            changes={Change.TEXTS, Change.LAWS},
            on_done=self._reload,
            parent=self,
        )


class CurrentTextDialog(FormDialog):
    """The date a 现行文本 speaks for, asked before its file is read."""

    announces = frozenset({Change.TEXTS, Change.ATTACHMENTS, Change.DOCUMENTS})

    def __init__(self, ctx: AppContext, doc_id: int, path: Path, parent: QWidget | None) -> None:
        super().__init__(ctx, "录入现行文本", parent)
        self.doc_id, self.path = doc_id, path
        self.add_heading(f"文件：{path.name}")
        self.as_of = self.add_field("现行文本日期", date_edit(), "现行文本日期")
        self.as_of.setToolTip("该文本反映的是截至哪一天的修改（通常为最近一次修改的施行日期）")

    def prepare(self):
        from app.services import texts
        from app.services.vocabulary import TextKind

        actor, doc_id, path, day = (
            self.ctx.actor(),
            self.doc_id,
            self.path,
            pydate(self.as_of.date()),
        )
        return lambda s, _p: texts.add_file(s, actor, doc_id, path, TextKind.CONSOLIDATED, day).id


class BasisDialog(FormDialog):
    announces = frozenset({Change.TEXTS, Change.LAWS})

    def __init__(
        self, ctx: AppContext, doc_id: int, law_names: list[str], parent: QWidget | None
    ) -> None:
        from PySide6.QtWidgets import QCompleter

        from app.services.basis_suggest import LawLevel

        super().__init__(ctx, "添加制定依据", parent)
        self.doc_id = doc_id
        self.name = self.add_field("名称", line_edit("如：中华人民共和国行政许可法"), "上位法名称")
        completer = QCompleter(law_names, self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.name.setCompleter(completer)
        self.name.setMinimumWidth(360)
        self.articles = self.add_field(
            "条款", line_edit("如：第十二条、第十四条（可不填）"), "条款"
        )
        self.level = self.add_field("效力层级", QComboBox(), "效力层级")
        self.level.addItem("按名称判断", None)
        for level in LawLevel:
            self.level.addItem(level.label, level)

    def prepare(self):
        from app.services import legal_bases

        actor, doc_id = self.ctx.actor(), self.doc_id
        from app.services.basis_suggest import LawLevel

        name, articles, code = self.name.text(), self.articles.text(), self.level.currentData()
        level = LawLevel(code) if code else None  # Qt hands the enum back as its str
        return lambda s, _p: legal_bases.add_basis(s, actor, doc_id, name, articles, level).id


class SuggestionsDialog(FormDialog):
    """What the text names as its bases, each ticked; the ticked ones are added at once."""

    announces = frozenset({Change.TEXTS, Change.LAWS})

    def __init__(
        self,
        ctx: AppContext,
        doc_id: int,
        found: list[SuggestedBasis],
        parent: QWidget | None,
    ) -> None:
        super().__init__(ctx, "从正文提取制定依据", parent)
        self.doc_id, self.found = doc_id, found
        self.add_heading("正文中引用了以下法律法规和文件，请确认哪些是本文件的制定依据：")
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels(["名称", "条款", "效力层级", "出处"])
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        for f in found:
            item = QTreeWidgetItem([f"《{f.name}》", f.articles, f.level.label, f.evidence])
            item.setCheckState(0, Qt.CheckState.Checked)
            item.setToolTip(3, f.evidence)
            self.list.addTopLevelItem(item)
        self.list.setColumnWidth(0, 260)
        self.list.setColumnWidth(1, 120)
        self.list.setColumnWidth(2, 100)
        self.list.setMinimumSize(760, 200)
        self.form.addRow(self.list)

    def chosen(self) -> list[SuggestedBasis]:
        return [
            f
            for n, f in enumerate(self.found)
            if (item := self.list.topLevelItem(n)) is not None
            and item.checkState(0) == Qt.CheckState.Checked
        ]

    def prepare(self):
        from app.errors import UserError
        from app.services import legal_bases

        chosen = self.chosen()
        if not chosen:
            raise UserError("请至少勾选一项，或点“取消”。")
        actor, doc_id = self.ctx.actor(), self.doc_id
        return lambda s, _p: len(legal_bases.add_suggested(s, actor, doc_id, chosen))


class CompareDialog(QDialog):
    """Two of the document's texts side by side, paragraph by paragraph, differences marked."""

    def __init__(
        self, ctx: AppContext, versions: list[TextVersion], parent: QWidget | None
    ) -> None:
        from PySide6.QtWidgets import QTextBrowser

        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("文本对照")
        self.older, self.newer = QComboBox(), QComboBox()
        for v in versions:
            for combo in (self.older, self.newer):
                combo.addItem(f"{v.label}  {v.added_at:%Y-%m-%d}", v.id)
        self.older.setCurrentIndex(len(versions) - 2)
        self.newer.setCurrentIndex(len(versions) - 1)
        self.older.currentIndexChanged.connect(self.refresh)
        self.newer.currentIndexChanged.connect(self.refresh)
        choose = QHBoxLayout()
        choose.addWidget(QLabel("左："))
        choose.addWidget(self.older, 1)
        choose.addWidget(QLabel("右："))
        choose.addWidget(self.newer, 1)
        self.summary = QLabel()
        self.view = QTextBrowser()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        screen = self.screen().availableGeometry() if self.screen() else None
        width = min(1200, int(screen.width() * 0.9)) if screen else 1000
        height = min(800, int(screen.height() * 0.85)) if screen else 640
        self.resize(width, height)
        self.refresh()

    def refresh(self) -> None:
        from app.services import texts

        left_id, right_id = self.older.currentData(), self.newer.currentData()
        self.ctx.runner.run(
            lambda s, _p: texts.compare(texts.body(s, left_id), texts.body(s, right_id)),
            on_done=self._show,
            parent=self,
        )

    def _show(self, rows: object) -> None:
        from app.services.texts import Change as TextChange

        assert isinstance(rows, list)
        changed = sum(r.change is not TextChange.SAME for r in rows)
        self.summary.setText(
            f"共 {len(rows)} 段，其中 {changed} 段不同（红底为左侧有而右侧没有的文字，绿底为右侧新增的文字）"
            if changed
            else "两个文本相同。"
        )
        self.rows = rows
        self.view.setHtml(compare_html(rows))


def marked_html(
    text: str | None, marks: tuple[tuple[int, int], ...], color: str, tag: str = "span"
) -> str:
    """`text` as HTML with each marked range in a `tag` on a `color` background."""
    from html import escape

    if text is None:
        return ""
    out, at = [], 0
    for start, end in marks:
        out.append(escape(text[at:start]))
        out.append(f'<{tag} style="background:{color}">{escape(text[start:end])}</{tag}>')
        at = end
    out.append(escape(text[at:]))
    return "".join(out)


def compare_html(rows: list) -> str:
    """The rows as a two-column HTML table (QTextBrowser's subset of HTML)."""
    from app.services.texts import Change as TextChange

    shade = {
        TextChange.SAME: "",
        TextChange.CHANGED: "#fffbe6",
        TextChange.ADDED: "#f0fbf0",
        TextChange.REMOVED: "#fdf0f0",
    }
    lines = ['<table width="100%" cellspacing="0" cellpadding="4" border="0">']
    for r in rows:
        bg = f' bgcolor="{shade[r.change]}"' if shade[r.change] else ""
        lines.append(
            f'<tr{bg}><td width="50%" valign="top">{marked_html(r.left, r.left_marks, MARK_OLD)}</td>'
            f'<td width="50%" valign="top">{marked_html(r.right, r.right_marks, MARK_NEW)}</td></tr>'
        )
    lines.append("</table>")
    return "".join(lines)
