"""受理: register what was submitted for legality review; complete materials start the clock,
incomplete ones are returned with a note (the service decides which)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from app.db import Database
from app.services import reviews, search
from app.services.reviews import ReviewIntake
from app.services.search import DocumentQuery
from app.ui.context import AppContext
from app.ui.operations import Work
from app.ui.review.dialogs import ReviewDialog
from app.ui.widgets.fields import date_edit, pydate, text_edit
from app.ui.widgets.style import CAUTION_STYLE, HELP_STYLE

NORMATIVE = "normative"

MISSING_HINT = "材料不全：受理后退回补充，审核期限暂不起算。"
COMPLETE_HINT = "材料齐全：受理后即开始计算审核期限。"


@dataclass(frozen=True)
class DraftChoice:
    id: int
    title: str
    drafting_unit: str
    status_label: str


def read_drafts(database: Database) -> list[DraftChoice]:
    query = DocumentQuery(statuses=reviews.REVIEWABLE_STATUSES, order_by="title", descending=False)
    with database.reading() as s:
        rows = search.load_rows(s, search.find_ids(s, query))
    return [DraftChoice(r.id, r.title, r.drafting_unit, r.status_label) for r in rows]


class IntakeDialog(ReviewDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "受理合法性审核", parent)
        self.drafts = {d.id: d for d in read_drafts(ctx.database)}
        self.materials: dict[str, QCheckBox] = {}
        self._auto_title = ""

        self.subject = QComboBox()
        for code, label in reviews.SUBJECT_TYPES.items():
            self.subject.addItem(label, code)
        self.document = QComboBox()
        self.document.setMinimumContentsLength(28)
        for d in self.drafts.values():
            self.document.addItem(f"{d.title}（{d.status_label}）", d.id)
        if not self.drafts:
            self.document.addItem("（登记簿中没有起草中的文件）", None)
        self.title = QLineEdit()
        self.unit = QLineEdit()
        self.received = date_edit()
        self.reviewer = QLineEdit()
        self.materials_box = QWidget()
        self.materials_grid = QGridLayout(self.materials_box)
        self.materials_grid.setContentsMargins(0, 0, 0, 0)
        self.hint = QLabel(MISSING_HINT)
        self.hint.setStyleSheet(CAUTION_STYLE)
        self.drafter_opinion = text_edit(64, "起草（承办）单位对本事项的合法性审查意见")
        self.return_note = text_edit(56, "留空则写明缺少的材料")

        self.add_field("审核对象", self.subject, "审核对象类型")
        self.add_field("关联文件", self.document)
        self.add_field("审核事项名称", self.title)
        self.add_field("送审单位", self.unit)
        self.add_field("收到日期", self.received)
        self.add_field("承办审核人", self.reviewer)
        self.add_field("送审材料", self.materials_box)
        self.form.addRow("", self.hint)
        self.add_field("起草单位意见", self.drafter_opinion)
        self.add_field("退回说明", self.return_note)
        self.setMinimumWidth(600)

        self.subject.currentIndexChanged.connect(self._subject_changed)
        self.document.currentIndexChanged.connect(self._document_changed)
        self._subject_changed()

    # --- linked fields --------------------------------------------------------------------
    def subject_type(self) -> str:
        return self.subject.currentData()

    def document_id(self) -> int | None:
        return self.document.currentData() if self.subject_type() == NORMATIVE else None

    def _subject_changed(self) -> None:
        self.form.setRowVisible(self.document, self.subject_type() == NORMATIVE)
        self._document_changed()

    def _document_changed(self) -> None:
        doc_id = self.document_id()
        draft = self.drafts.get(doc_id) if doc_id is not None else None
        title = draft.title if draft else ""
        if self.title.text().strip() in ("", self._auto_title):
            self.title.setText(title)
        self._auto_title = title
        if draft and not self.unit.text().strip():
            self.unit.setText(draft.drafting_unit)
        self._rebuild_materials()

    def _rebuild_materials(self) -> None:
        checked = {item for item, box in self.materials.items() if box.isChecked()}
        with self.database.reading() as s:
            items = reviews.required_materials(s, self.subject_type(), self.document_id())
        for box in self.materials.values():
            box.deleteLater()
        self.materials = {}
        for n, item in enumerate(items):
            box = QCheckBox(item)
            box.setChecked(item in checked)
            box.toggled.connect(self._update_return)
            self.materials_grid.addWidget(box, n // 2, n % 2)
            self.materials[item] = box
        self._update_return()

    def _update_return(self) -> None:
        """Both rows stay where they are (ticking a box must not make the form jump): the hint
        says which way the case goes, and the return note is for an incomplete submission only."""
        missing = not all(box.isChecked() for box in self.materials.values())
        self.hint.setText(MISSING_HINT if missing else COMPLETE_HINT)
        self.hint.setStyleSheet(CAUTION_STYLE if missing else HELP_STYLE)
        self.return_note.setEnabled(missing)

    # --- saving ---------------------------------------------------------------------------
    def intake_data(self) -> ReviewIntake:
        return ReviewIntake(
            subject_type=self.subject_type(),
            title=self.title.text().strip(),
            received=pydate(self.received.date()),
            reviewer=self.reviewer.text().strip(),
            materials_present=[item for item, box in self.materials.items() if box.isChecked()],
            submitting_unit=self.unit.text().strip(),
            document_id=self.document_id(),
            drafter_opinion=self.drafter_opinion.toPlainText().strip(),
            return_note=self.return_note.toPlainText().strip(),
        )

    def prepare(self) -> Work:
        data, actor = self.intake_data(), self.ctx.actor()
        return lambda s, _p: reviews.intake(s, actor, data).id
