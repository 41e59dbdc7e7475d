"""The detail pane of the register: one document's fields, step timeline, change history, links
and attachments."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QBrush, QColor, QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.db import Database
from app.services.lifecycle import status_text
from app.services.vocabulary import DocFlag
from app.ui.changes import Change
from app.ui.context import AppContext
from app.ui.register.texts_tab import TextsTab
from app.ui.widgets.list_model import file_size, group_box

if TYPE_CHECKING:  # the services below are imported when a document is first shown, not at start
    from app.services.audit_query import AuditRow
    from app.services.documents import LinkView, TimelineEntry

MISSING_COLOR = QColor(150, 150, 150)
FIELDS = (  # shown in three columns: five, four, four
    ("reg_number", "登记编号"),
    ("doc_number", "发文字号"),
    ("issuer", "制定机关"),
    ("drafting_unit", "起草单位"),
    ("status", "状态"),
    ("flags", "文件属性"),
    ("published", "公布日期"),
    ("effective", "施行日期"),
    ("valid_until", "有效期至"),
    ("filing_due", "备案期限"),
    ("keywords", "关键词"),
    ("summary", "摘要"),
    ("remarks", "备注"),
)


@dataclass(frozen=True)
class AttachmentView:
    id: int
    name: str
    size: int
    added_at: datetime


@dataclass(frozen=True)
class DocumentView:
    """What the pane shows, read in one session so nothing lazy-loads later."""

    id: int
    title: str
    version: int
    fields: dict[str, str]
    warnings: list[str]
    timeline: list[TimelineEntry]
    links: list[LinkView]
    attachments: list[AttachmentView]
    history: list[AuditRow]
    tips: dict[str, str] = field(default_factory=dict)  # field key -> tooltip


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def _other_dates(issued: date | None, signed: date | None) -> str:
    """The 印发 and 签署 dates beside the publication date, when recorded."""
    found = [f"{label} {day}" for label, day in (("印发", issued), ("签署", signed)) if day]
    return f"（{'，'.join(found)}）" if found else ""


def _issuer_text(on_document: str, present: str) -> str:
    return on_document if on_document == present else f"{on_document}（现名 {present}）"


def read_document(database: Database, doc_id: int) -> DocumentView:
    from app.services import audit_query, catalogs, documents, filing, issuer_names, workcalendar

    with database.reading() as s:
        doc = documents.get(s, doc_id)
        cal = workcalendar.load(s)
        due = filing.earliest_period(s, doc, cal)
        flags = [
            flag.label
            for flag in (
                DocFlag.IMPORTANT,
                DocFlag.PUBLIC_FACING,
                DocFlag.MARKET_RELATED,
                DocFlag.BUSINESS_RELATED,
            )
            if getattr(doc, flag.value)
        ]
        fields = {
            "reg_number": doc.reg_number or "（未分配）",
            "doc_number": doc.doc_number or "",
            "issuer": _issuer_text(issuer_names.of_document(s, doc).name, doc.issuer.name),
            "drafting_unit": doc.drafting_unit,
            "status": status_text(doc, clock.today()),
            "published": _day(doc.published) + _other_dates(doc.issued, doc.signed),
            "effective": _day(doc.effective),
            "valid_until": _day(doc.valid_until),
            "filing_due": workcalendar.marked(due.end, due.provisional) if due else "",
            "flags": "、".join(flags) or "无",
            "keywords": doc.keywords,
            "summary": doc.summary,
            "remarks": catalogs.remarks(doc.remarks, doc.term_reason),
        }
        return DocumentView(
            id=doc.id,
            title=doc.title,
            version=doc.version,
            fields=fields,
            warnings=documents.warnings(doc),
            timeline=documents.timeline(s, doc_id),
            links=documents.links(s, doc_id),
            attachments=[
                AttachmentView(a.id, a.original_name, a.size, a.added_at) for a in doc.attachments
            ],
            history=audit_query.document_history(s, doc_id),
            tips={"filing_due": cal.provisional_tip(due.end)} if due and due.provisional else {},
        )


class DocumentDetail(QWidget):
    """Shows the selected document; asks to open a linked document via `open_document`."""

    open_document = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.database = ctx.database
        self.runner = ctx.runner
        self.view: DocumentView | None = None

        self.title = QLabel("未选择文件")
        self.title.setObjectName("detailTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #a05a00;")
        self.warning.hide()

        self.values: dict[str, QLabel] = {}
        columns = QHBoxLayout()
        for part in (FIELDS[:5], FIELDS[5:9], FIELDS[9:]):
            form = QFormLayout()
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
            form.setVerticalSpacing(2)
            for key, label in part:
                value = QLabel()
                value.setWordWrap(True)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                value.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
                self.values[key] = value
                form.addRow(f"{label}：", value)
            columns.addLayout(form, 1)
        fields_box = QWidget()
        fields_box.setLayout(columns)
        fields_scroll = QScrollArea()
        fields_scroll.setWidgetResizable(True)
        fields_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        fields_scroll.setWidget(fields_box)

        self.steps = QTreeWidget()
        self.steps.setRootIsDecorated(False)
        self.steps.setHeaderLabels(["环节", "日期", "办理人", "结果", "说明"])
        for column, width in enumerate((120, 90, 80, 90)):
            self.steps.setColumnWidth(column, width)
        self.history = QTreeWidget()
        self.history.setRootIsDecorated(False)
        self.history.setHeaderLabels(["时间", "操作人", "摘要"])
        for column, width in enumerate((130, 80)):
            self.history.setColumnWidth(column, width)

        self.links = QListWidget()
        self.links.itemActivated.connect(self._open_link)
        self.attachments = QListWidget()
        self.attachments.itemActivated.connect(lambda _item: self.open_selected_attachment())
        self.attachments.itemSelectionChanged.connect(self._update_buttons)
        self.add_button = QPushButton("添加附件…")
        self.add_button.clicked.connect(self.add_attachments)
        self.open_button = QPushButton("打开")
        self.open_button.clicked.connect(self.open_selected_attachment)
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        files = QWidget()
        files_layout = QHBoxLayout(files)
        files_layout.addWidget(group_box("关联文件", self.links), 1)
        files_layout.addWidget(group_box("附件", self.attachments), 1)
        files_layout.addLayout(buttons)

        # one part at a time, so the register above keeps its rows on a small screen
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(fields_scroll, "基本信息")
        self.tabs.addTab(self.steps, "办理环节")
        self.tabs.addTab(self.history, "变更记录")
        self.tabs.addTab(files, "关联文件与附件")
        self.texts = TextsTab(ctx)
        self.tabs.addTab(self.texts, "正文与依据")
        self.tabs.setMinimumHeight(90)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 0)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.warning)
        layout.addWidget(self.tabs, 1)
        self.clear()

    # --- showing --------------------------------------------------------------------------
    def clear(self) -> None:
        self.view = None
        self.title.setText("未选择文件")
        self.warning.hide()
        for value in self.values.values():
            value.clear()
        self.steps.clear()
        self.history.clear()
        self.links.clear()
        self.attachments.clear()
        self.texts.clear()
        self._count_tabs(None)
        self._update_buttons()

    def show_document(self, doc_id: int | None) -> None:
        if doc_id is None:
            self.clear()
            return
        self.show_view(read_document(self.database, doc_id))
        self.texts.show_document(doc_id)
        self._count_tabs(self.view)

    def reload(self) -> None:
        if self.view is not None:
            self.show_document(self.view.id)

    def show_view(self, view: DocumentView) -> None:
        self.view = view
        self.title.setText(view.title)
        self.warning.setText("提示：" + "；".join(view.warnings))
        self.warning.setVisible(bool(view.warnings))
        for key, value in self.values.items():
            value.setText(view.fields.get(key, ""))
            value.setToolTip(view.tips.get(key, ""))
        self._fill_steps(view.timeline)
        self._fill_history(view.history)
        self.links.clear()
        for link in view.links:
            number = f"〔{link.other_reg_number}〕" if link.other_reg_number else ""
            changed = f"（{link.articles}）" if link.articles else ""
            item = QListWidgetItem(f"{link.kind_label}：《{link.other_title}》{number}{changed}")
            item.setData(Qt.ItemDataRole.UserRole, link.other_id)
            item.setToolTip("双击查看该文件")
            self.links.addItem(item)
        if not view.links:
            self.links.addItem(_muted_item("无关联文件"))
        self.attachments.clear()
        for a in view.attachments:
            item = QListWidgetItem(f"{a.name}（{file_size(a.size)}）")
            item.setData(Qt.ItemDataRole.UserRole, a.id)
            item.setToolTip(f"添加于 {a.added_at:%Y-%m-%d %H:%M}")
            self.attachments.addItem(item)
        self._count_tabs(view)
        self._update_buttons()

    def _count_tabs(self, view: DocumentView | None) -> None:
        """Each tab says how much it holds, so nothing hides behind a tab unnoticed."""
        steps = sum(e.done_on is not None for e in view.timeline) if view else 0
        counts = (
            ("办理环节", steps),
            ("变更记录", len(view.history) if view else 0),
            ("关联文件与附件", len(view.links) + len(view.attachments) if view else 0),
            ("正文与依据", self.texts.count() if view else 0),
        )
        for index, (label, count) in enumerate(counts, start=1):
            self.tabs.setTabText(index, f"{label}（{count}）" if view else label)

    def _fill_steps(self, entries: list[TimelineEntry]) -> None:
        self.steps.clear()
        if not entries:
            self._add_muted_row("未记录办理环节（登记时未录入起草过程）", "")
        for e in entries:
            if e.done_on is None:
                self._add_muted_row(f"{e.label}　未办理：{e.reason}", f"必经环节：{e.reason}")
                continue
            item = QTreeWidgetItem([e.label, _day(e.done_on), e.actor_name, e.outcome, e.note])
            item.setToolTip(4, e.note)
            self.steps.addTopLevelItem(item)

    def _fill_history(self, rows: list[AuditRow]) -> None:
        self.history.clear()
        for row in rows:
            item = QTreeWidgetItem([f"{row.at:%Y-%m-%d %H:%M}", row.actor_name, row.summary])
            item.setToolTip(2, "\n".join(filter(None, (row.summary, row.new))))
            self.history.addTopLevelItem(item)

    def _add_muted_row(self, text: str, tip: str) -> None:
        # One line across all columns, so the reason is read in full rather than cut off.
        item = QTreeWidgetItem([text])
        item.setForeground(0, QBrush(MISSING_COLOR))
        item.setToolTip(0, tip or text)
        self.steps.addTopLevelItem(item)
        item.setFirstColumnSpanned(True)

    def missing_steps(self) -> list[str]:
        """Labels of the required steps not done yet, as shown."""
        if self.view is None:
            return []
        return [e.label for e in self.view.timeline if e.done_on is None]

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(self.view is not None)
        self.open_button.setEnabled(self._selected_attachment() is not None)

    def _selected_attachment(self) -> int | None:
        item = self.attachments.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _open_link(self, item: QListWidgetItem) -> None:
        doc_id = item.data(Qt.ItemDataRole.UserRole)
        if doc_id is not None:
            self.open_document.emit(doc_id)

    # --- attachments ----------------------------------------------------------------------
    def add_attachments(self) -> None:
        if self.view is None:
            return
        names, _ = QFileDialog.getOpenFileNames(self, "添加附件")
        if names:
            self.attach_files(self.view.id, [Path(n) for n in names])

    def attach_files(self, doc_id: int, paths: list[Path]) -> None:
        from app.services import attachments

        actor = self.ctx.actor()

        def work(s, progress):
            for i, path in enumerate(paths):
                if not progress(i, len(paths), f"正在添加 {path.name}"):
                    return
                attachments.add_attachment(s, actor, doc_id, path)

        self.runner.run(
            work,
            write=True,
            changes={Change.DOCUMENTS, Change.ATTACHMENTS},
            parent=self,
            progress="添加附件",
        )

    def open_selected_attachment(self) -> None:
        from app.services import attachments

        attachment_id = self._selected_attachment()
        if attachment_id is None:
            return
        self.runner.run(
            lambda s, _progress: attachments.open_attachment(s, attachment_id),
            on_done=lambda path: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))),
            parent=self,
        )


def _muted_item(text: str) -> QListWidgetItem:
    item = QListWidgetItem(text)
    item.setForeground(QBrush(MISSING_COLOR))
    item.setFlags(Qt.ItemFlag.NoItemFlags)
    return item
