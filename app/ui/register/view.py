"""文件登记簿: search, filters, the register table and the selected document's details."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.services import documents, issuers, lifecycle, search
from app.services.documents import NumberAction
from app.services.search import DocumentQuery, RegisterRow
from app.services.vocabulary import DocFlag
from app.ui.changes import Change
from app.ui.context import AppContext
from app.ui.register.detail import DocumentDetail
from app.ui.register.table_model import COLUMNS, TITLE_COLUMN, DocumentTableModel
from app.ui.widgets import state
from app.ui.widgets.fields import line_edit
from app.ui.widgets.list_model import FillColumn
from app.ui.widgets.opening import on_open

if TYPE_CHECKING:  # the dialogs and printing are imported when first used, not at start-up
    from app.ui.widgets.form_dialog import ServiceDialog

HEADER_KEY = "register"
DETAIL_KEY = "register/detail_shown"
# the detail pane: the title, the tabs and four lines of fields (logical pixels; 1366×768 at
# 125 % then still shows twelve rows of the register above it)
DETAIL_HEIGHT = 132
TITLE_WIDTH = 262  # the least the title column gets
VOID_LABEL, ASSIGN_LABEL = "作废编号…", "分配编号…"
SEARCH_DELAY_MS = 150
FIRST_YEAR = 1990
# (label, statuses) for the status filter; groups first, then every single status
STATUS_CHOICES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("全部", ()),
    *lifecycle.STATUS_GROUPS.items(),
    *((label, (code,)) for code, label in lifecycle.STATUS_LABELS.items()),
)
FLAG_CHOICES = tuple(
    (flag.value, flag.short)
    for flag in (DocFlag.IMPORTANT, DocFlag.PUBLIC_FACING, DocFlag.MARKET_RELATED)
)


EMPTY_REGISTER = (
    "登记簿中还没有文件。\n\n"
    "点击“新建…”（Ctrl+N）登记一件文件，\n"
    "或从菜单“文件 → 导入台账…”导入已有的 Excel 台账。"
)
NOTHING_FOUND = "没有符合条件的文件。\n请修改搜索内容或筛选条件（状态选“全部”可看到所有文件）。"


class RegisterView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.database = ctx.database
        self._selected_id: int | None = None
        self._columns_shown = False  # shown once: the clerk may have changed the columns
        self.runner = ctx.runner
        self.dialog: ServiceDialog | None = None
        self.model = DocumentTableModel(ctx, parent=self)

        self.search = line_edit("搜索标题、发文字号、登记编号、制定机关、关键词（Ctrl+F）")
        self.search.setClearButtonEnabled(True)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self.search_timer.start)

        self.new_button = QPushButton("新建…")
        self.new_button.setToolTip("新建草稿或登记已公布的文件（Ctrl+N）")
        self.new_button.clicked.connect(self.new_document)
        self.edit_button = QPushButton("编辑…")
        self.edit_button.clicked.connect(self.edit_document)
        self.step_button = QPushButton("记录环节…")
        self.step_button.clicked.connect(self.record_step)
        self.card_button = QPushButton("打印登记表…")
        self.card_button.clicked.connect(self.print_record_card)
        self.retire_button = QPushButton("变更状态…")
        self.retire_button.setToolTip("将现行有效的文件登记为已修改、废止、宣布失效或失效")
        self.retire_button.clicked.connect(self.retire_document)
        self.number_button = QPushButton(VOID_LABEL)
        self.number_button.clicked.connect(self.number_action)
        self.scope = QComboBox()
        self.scope.addItem("仅标题", False)
        self.scope.addItem("标题和正文", True)
        self.scope.setToolTip("“标题和正文”：也在已录入的文件正文中查找，命中处显示在列表下方")
        self.scope.currentIndexChanged.connect(self.apply_filters)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.scope)
        top.addWidget(self.new_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.step_button)
        top.addWidget(self.card_button)
        top.addWidget(self.retire_button)
        top.addWidget(self.number_button)

        self.status = QComboBox()
        for label, codes in STATUS_CHOICES:
            self.status.addItem(label, codes)
        self.issuer = QComboBox()
        self.issuer.setMinimumContentsLength(10)
        self.year = QComboBox()
        self.year.addItem("全部年度", None)
        for year in range(clock.today().year, FIRST_YEAR - 1, -1):
            self.year.addItem(f"{year} 年", year)
        self.flags: dict[str, QCheckBox] = {}
        self.count = QLabel()
        self.count.setObjectName("registerCount")
        filters = QHBoxLayout()
        filters.addWidget(QLabel("状态："))
        filters.addWidget(self.status)
        filters.addWidget(QLabel("制定机关："))
        filters.addWidget(self.issuer)
        filters.addWidget(QLabel("公布年度："))
        filters.addWidget(self.year)
        for key, label in FLAG_CHOICES:
            box = QCheckBox(label)
            box.toggled.connect(self.apply_filters)
            self.flags[key] = box
            filters.addWidget(box)
        filters.addStretch(1)
        filters.addWidget(self.count)
        self._load_issuers()
        for combo in (self.status, self.issuer, self.year):
            combo.currentIndexChanged.connect(self.apply_filters)

        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the list; arrows move in it
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        # the text's height and a little air: 24 px rows left too few of them at 125 %
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 4)
        on_open(self.table, lambda _index: self.edit_document())
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        for column, width in enumerate(self._column_widths()):
            header.resizeSection(column, width)
        header.setSortIndicator(self.model.sort_column(), Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self.show_column_menu)
        state.restore_header(header, HEADER_KEY)
        self.title_fit = FillColumn(self.table, TITLE_COLUMN, TITLE_WIDTH)
        self.save_timer = QTimer(self)
        self.save_timer.setSingleShot(True)
        self.save_timer.setInterval(400)
        self.save_timer.timeout.connect(self.save_columns)
        header.sectionResized.connect(lambda *_: self.save_timer.start())
        header.sectionMoved.connect(lambda *_: self.save_timer.start())
        header.sortIndicatorChanged.connect(lambda *_: self.save_timer.start())
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.placeholder = self._placeholder()
        self.model.modelReset.connect(self._after_reset)

        self.detail = DocumentDetail(ctx)
        self.detail.open_document.connect(self.select_document)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)  # a taller window gives the register more rows
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([1000, DETAIL_HEIGHT])
        self.detail_button = QToolButton()
        self.detail_button.setCheckable(True)
        self.detail_button.setToolTip("隐藏下方的文件详情，让登记簿显示更多行")
        self._lay_out_detail(state.ui_settings().value(DETAIL_KEY, "true") == "true")
        self.detail_button.toggled.connect(self.show_detail)
        filters.addWidget(self.detail_button)

        self.hit = QLabel()
        self.hit.setObjectName("textHit")
        self.hit.setTextFormat(Qt.TextFormat.RichText)
        self.hit.setWordWrap(True)
        self.hit.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.hit)
        layout.addWidget(self.splitter, 1)

        QShortcut(QKeySequence.StandardKey.Find, self).activated.connect(self.focus_search)
        QShortcut(QKeySequence.StandardKey.New, self).activated.connect(self.new_document)
        self.runner.data_changed.connect(self.on_data_changed)
        self.apply_filters()

    def _placeholder(self) -> QLabel:
        """Over the empty table: how to begin, or that the filters left nothing."""
        label = QLabel()
        label.setObjectName("registerPlaceholder")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        label.setStyleSheet("color: #5f6b7a; font-size: 14px;")
        label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        over = QVBoxLayout(self.table.viewport())
        over.addWidget(label)
        label.hide()
        return label

    def _show_placeholder(self) -> None:
        if self.model.rowCount():
            self.placeholder.hide()
            return
        with self.database.reading() as s:
            empty = search.register_is_empty(s)
        self.placeholder.setText(EMPTY_REGISTER if empty else NOTHING_FOUND)
        self.placeholder.show()

    # --- query ----------------------------------------------------------------------------
    def _load_issuers(self) -> None:
        current = self.issuer.currentData()
        with self.database.reading() as s:
            found = [(i.id, issuers.shown_name(s, i)) for i in issuers.list_issuers(s)]
        self.issuer.blockSignals(True)
        self.issuer.clear()
        self.issuer.addItem("全部", None)
        for issuer_id, name in found:
            self.issuer.addItem(name, issuer_id)
        self.issuer.setCurrentIndex(max(self.issuer.findData(current), 0))
        self.issuer.blockSignals(False)

    def current_query(self) -> DocumentQuery:
        issuer_id = self.issuer.currentData()

        def wanted(flag: DocFlag) -> bool | None:
            return True if self.flags[flag.value].isChecked() else None

        return DocumentQuery(
            text=self.search.text().strip(),
            statuses=tuple(self.status.currentData() or ()),
            issuer_ids=(issuer_id,) if issuer_id is not None else (),
            year=self.year.currentData(),
            order_by=self.model.query.order_by,
            descending=self.model.query.descending,
            important=wanted(DocFlag.IMPORTANT),
            public_facing=wanted(DocFlag.PUBLIC_FACING),
            market_related=wanted(DocFlag.MARKET_RELATED),
            in_texts=bool(self.scope.currentData()),
        )

    def apply_filters(self) -> None:
        self.search_timer.stop()
        self.model.set_query(self.current_query())

    def _after_reset(self) -> None:
        QTimer.singleShot(0, self, self._show_hit)  # once the selection is put back; never after
        # the view is gone (a database switch replaces the window)
        self.count.setText(f"共 {self.model.rowCount()} 件")
        self._show_placeholder()
        row = self.model.row_of(self._selected_id) if self._selected_id is not None else -1
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
            self.detail.show_document(self._selected_id)
        else:
            self.detail.clear()
        self._update_buttons()

    def on_data_changed(self, kinds: set[str]) -> None:
        if Change.ISSUERS in kinds:
            self._load_issuers()
        if kinds & {Change.DOCUMENTS, Change.ISSUERS, Change.ATTACHMENTS, Change.TEXTS}:
            self._reload_in_place()

    def _reload_in_place(self) -> None:
        """Refresh after a change without moving the clerk: the rows repaint where they are, or,
        when documents came or went, the scroll position is put back after the reset."""
        bars = (self.table.verticalScrollBar(), self.table.horizontalScrollBar())
        place = [bar.value() for bar in bars]
        if self.model.reload():
            if self._selected_id is not None:
                self.detail.show_document(self._selected_id)  # its steps, files, history
            self._update_buttons()
        else:
            self.table.doItemsLayout()  # the scroll ranges of the new rows, before the values
            for bar, value in zip(bars, place, strict=True):
                bar.setValue(value)
            row = self.model.row_of(self._selected_id) if self._selected_id is not None else -1
            if row >= 0:
                self.table.scrollTo(self.model.index(row, max(self.table.columnAt(0), 0)))

    def refresh(self) -> None:
        self._load_issuers()
        self.model.refresh()

    # --- selection ------------------------------------------------------------------------
    def _current_changed(self, current, _previous) -> None:
        self._selected_id = self.model.doc_id(current.row()) if current.isValid() else None
        self.detail.show_document(self._selected_id)
        self._show_hit()
        self._update_buttons()

    def _show_hit(self) -> None:
        """标题和正文: where the selected document's text holds the search terms."""
        from app.ui.register.texts_tab import HIT_MARK, marked_html

        hit = self.model.snippet(self._selected_id) if self._selected_id is not None else None
        if hit is None:
            self.hit.hide()
            return
        shown = marked_html(hit.text, hit.marks, HIT_MARK, "b")  # bold too: a hit reads at a glance
        self.hit.setText(f"{hit.kind.label}命中：{shown}")
        self.hit.show()

    def _update_buttons(self) -> None:
        selected = self.selected_id() is not None
        self.edit_button.setEnabled(selected)
        self.step_button.setEnabled(selected)
        self.card_button.setEnabled(selected)
        row = self._selected_row()
        self.retire_button.setEnabled(
            row is not None and lifecycle.retirable(row.status, row.scheduled)
        )
        self._update_number_button(row)

    def _update_number_button(self, row: RegisterRow | None) -> None:
        """作废编号 for a numbered document; 分配编号 for a published one whose number was voided."""
        actor = self.ctx.user
        status, published, number = (
            (row.status, row.published, row.reg_number) if row else ("", None, None)
        )
        if documents.number_action(status, published, number) is NumberAction.ASSIGN:
            self.number_button.setText(ASSIGN_LABEL)
            self.number_button.setToolTip("为编号已作废的文件分配本机关序列的下一个登记编号")
        else:
            self.number_button.setText(VOID_LABEL)
            self.number_button.setToolTip("作废所选文件的登记编号；作废的编号永不再使用")
        self.number_button.setEnabled(
            row is not None and documents.may_change_number(actor, status, published, number)
        )

    def selected_id(self) -> int | None:
        """The document shown in the detail pane (the current row), if any."""
        return self._selected_id if self.detail.view is not None else None

    def _selected_row(self) -> RegisterRow | None:
        doc_id = self.selected_id()
        return None if doc_id is None else self.model.row_data(self.model.row_of(doc_id))

    def select_document(self, doc_id: int) -> None:
        """Select `doc_id`; if the filters hide it, clear them first."""
        self._selected_id = doc_id
        if self.model.row_of(doc_id) < 0:
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            for combo in (self.status, self.issuer, self.year):
                combo.blockSignals(True)
                combo.setCurrentIndex(0)
                combo.blockSignals(False)
            for box in self.flags.values():
                box.blockSignals(True)
                box.setChecked(False)
                box.blockSignals(False)
            self.apply_filters()
        else:
            self._after_reset()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # --- actions --------------------------------------------------------------------------
    def new_document(self) -> None:
        from app.ui.register.document_dialog import DocumentDialog

        self._open_dialog(DocumentDialog(self.ctx, parent=self))

    def edit_document(self) -> None:
        from app.ui.register.document_dialog import DocumentDialog

        doc_id = self.selected_id()
        if doc_id is not None:
            self._open_dialog(DocumentDialog(self.ctx, doc_id, parent=self))

    def record_step(self) -> None:
        from app.ui.register.document_dialog import StepDialog

        doc_id = self.selected_id()
        if doc_id is not None:
            self._open_dialog(StepDialog(self.ctx, doc_id, parent=self))

    def retire_document(self) -> None:
        from app.ui.register.retire_dialog import RetireDialog

        doc_id = self.selected_id()
        if doc_id is not None:
            self._open_dialog(RetireDialog(self.ctx, doc_id, parent=self))

    def number_action(self) -> None:
        from app.services import documents
        from app.ui.register.void_number_dialog import VoidNumberDialog

        row = self._selected_row()
        if row is None:
            return
        if row.reg_number:
            self._open_dialog(VoidNumberDialog(self.ctx, row.reg_number, parent=self))
            return
        asked = QMessageBox.question(
            self, "分配登记编号", f"为《{row.title}》分配一个新的登记编号？"
        )
        if asked == QMessageBox.StandardButton.Yes:
            actor, doc_id = self.ctx.actor(), row.id
            self.runner.run(
                lambda s, _p: documents.assign_number(s, actor, doc_id).id,
                write=True,
                changes={Change.DOCUMENTS},
                parent=self,
                on_done=self.select_document,
            )

    def print_record_card(self) -> None:
        from app.ui.register.print_dialog import preview_record_card

        doc_id = self.selected_id()
        if doc_id is not None:  # the button is enabled only then
            preview_record_card(self.ctx, doc_id, self)

    def _open_dialog(self, dialog: ServiceDialog) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._dialog_saved(dialog))
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_saved(self, dialog: ServiceDialog) -> None:
        if isinstance(dialog.returned, int):  # the id of the document saved
            self.select_document(dialog.returned)

    def _dialog_closed(self, dialog: ServiceDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    # --- columns --------------------------------------------------------------------------
    def show_column_menu(self, pos: QPoint) -> None:
        menu = self.column_menu()
        menu.exec(self.table.horizontalHeader().mapToGlobal(pos))

    def column_menu(self) -> QMenu:
        header = self.table.horizontalHeader()
        menu = QMenu("显示的列", self)
        visible = [c for c in range(len(COLUMNS)) if not header.isSectionHidden(c)]
        for column, (_attr, _key, label) in enumerate(COLUMNS):
            action = QAction(label, menu)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.setEnabled(not (len(visible) == 1 and column in visible))  # keep one
            action.toggled.connect(lambda on, c=column: self.set_column_visible(c, on))
            menu.addAction(action)
        return menu

    def set_column_visible(self, column: int, visible: bool) -> None:
        self.table.horizontalHeader().setSectionHidden(column, not visible)
        self.save_columns()

    def _column_widths(self) -> tuple[int, ...]:
        """登记编号 and 发文字号 wide enough for long ones whole; the title stretches."""
        metrics = self.table.fontMetrics()
        pad = 2 * metrics.averageCharWidth() + 8
        number = metrics.horizontalAdvance("HQSZFBGS-2026-001") + pad
        doc_number = metrics.horizontalAdvance("河自然资规发〔2026〕12号") + pad
        day = metrics.horizontalAdvance("2026-12-28") + pad
        return (number, doc_number, TITLE_WIDTH, 128, 96, day, day, day, 64)

    def show_detail(self, shown: bool) -> None:
        """The detail pane under the register, or the register alone (remembered)."""
        self._lay_out_detail(shown)
        settings = state.ui_settings()
        settings.setValue(DETAIL_KEY, "true" if shown else "false")
        settings.sync()

    def _lay_out_detail(self, shown: bool) -> None:
        self.detail.setVisible(shown)
        self.detail_button.setChecked(shown)
        self.detail_button.setText("收起详情" if shown else "显示详情")

    def save_columns(self) -> None:
        state.save_header(self.table.horizontalHeader(), HEADER_KEY)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self._columns_shown = True
        super().showEvent(event)

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt override)
        # Qt hides the page as the main window's stack takes it in, before it ever showed: the
        # layout restored from ui.ini is not written back then (a sync of the file at start-up)
        if self._columns_shown:
            self.save_columns()
        super().hideEvent(event)
