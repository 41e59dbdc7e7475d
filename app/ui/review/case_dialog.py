"""The case form of one legality review: facts, deadline, materials, the eight checks, the outcome
and the actions (pause/resume, extend, conclude, confirm changes, print the opinion letter)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.db import Database
from app.errors import UserError
from app.services import reviews, workcalendar
from app.services.reviews import CHECK_ITEMS, ReviewDue
from app.services.vocabulary import CheckFinding
from app.ui.context import AppContext
from app.ui.crash import show_error
from app.ui.operations import Work
from app.ui.review.dialogs import (
    REFRESH_KINDS,
    REVIEW_CHANGES,
    ConcludeDialog,
    DateDialog,
    ExtendDialog,
    PauseDialog,
    date_edit,
    preview_opinion,
)
from app.ui.widgets import state
from app.ui.widgets.fields import pydate
from app.ui.widgets.style import CAUTION_STYLE, ERROR_STYLE

PASSED = {CheckFinding.PASS: True, CheckFinding.FAIL: False, CheckFinding.NOT_APPLICABLE: None}
FACTS = ("审核对象", "关联文件", "送审单位", "承办审核人", "收到日期", "材料齐全", "起草单位意见")
DEADLINE = ("办理情况", "最早办结日", "办理期限", "剩余工作日", "计算依据", "中止计时", "延长期限")
CONCLUSION = ("审核结论", "意见书编号", "办结日期", "审核意见", "修改意见", "修改确认")
NOTE_HINT = "说明（存在问题时必须写明问题）"
UNCHECKED = "未审查"


def _day(value: date | None) -> str:
    return value.isoformat() if value else "—"


@dataclass(frozen=True)
class CaseView:
    """What the form shows, read in one session."""

    id: int
    title: str
    status: str
    outcome: str
    actions: frozenset[reviews.ReviewAction]  # what the case allows next (reviews.next_actions)
    values: dict[str, str]  # label -> text, for FACTS, DEADLINE and CONCLUSION
    warnings: list[str]
    materials: list[tuple[str, bool]]
    return_note: str
    checks: dict[str, tuple[str, str]]  # item -> (finding key, note)
    tips: dict[str, str] = field(default_factory=dict)  # label -> why a date there is provisional


def _deadline(case, d: ReviewDue) -> dict[str, str]:
    pauses = [f"{p.paused_on} 至 {_day(p.resumed_on)}：{p.note}" for p in case.pauses]
    extension = f"{case.extension_days} 个工作日：{case.extension_reason}"
    return {
        "办理情况": reviews.STATE_LABELS[d.state],
        "最早办结日": workcalendar.marked(d.earliest, d.earliest_provisional),
        "办理期限": workcalendar.marked(d.due, d.due_provisional),
        "剩余工作日": "—" if d.days_left is None else str(d.days_left),
        "计算依据": d.explanation,
        "中止计时": "\n".join(pauses) or "无",
        "延长期限": extension if case.extension_days else "无",
    }


def read_case(database: Database, case_id: int) -> CaseView:
    with database.reading() as s:
        case = reviews.get(s, case_id)
        cal = workcalendar.load(s)
        d = reviews.due(case, cal, clock.today())
        tips = {
            label: cal.provisional_tip(day)
            for label, day, provisional in (
                ("最早办结日", d.earliest, d.earliest_provisional),
                ("办理期限", d.due, d.due_provisional),
            )
            if day and provisional
        }
        values = {
            "审核对象": reviews.SUBJECT_TYPES[case.subject_type],
            "关联文件": f"《{case.document.title}》" if case.document else "无",
            "送审单位": case.submitting_unit,
            "承办审核人": case.reviewer,
            "收到日期": _day(case.received),
            "材料齐全": _day(case.complete_on),
            "起草单位意见": case.drafter_opinion or "无",
            **_deadline(case, d),
            "审核结论": case.outcome or "未办结",
            "意见书编号": case.opinion_number or "—",
            "办结日期": _day(case.concluded_on),
            "审核意见": case.opinion,
            "修改意见": case.required_changes,
            "修改确认": _day(case.changes_confirmed_on),
        }
        return CaseView(
            case.id,
            case.title,
            case.status,
            case.outcome,
            reviews.next_actions(case),
            values,
            d.warnings,
            [(m["item"], m["present"]) for m in reviews.materials(case)],
            case.return_note,
            {c.item: (CheckFinding.of(c.passed), c.note) for c in case.checks},
            tips,
        )


def _value_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class CaseDialog(QDialog):
    def __init__(self, ctx: AppContext, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.database, self.case_id = ctx.database, case_id
        self.runner = ctx.runner
        self.view: CaseView | None = None
        self.dialog: QDialog | None = None  # the action dialog last opened (tests drive it)
        self.values: dict[str, QLabel] = {}
        self.setWindowTitle("合法性审核案件")

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(CAUTION_STYLE)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()

        body = QWidget()
        grid = QGridLayout(body)
        grid.addWidget(self._facts_box("案件信息", FACTS), 0, 0)
        grid.addWidget(self._facts_box("办理期限", DEADLINE), 0, 1)
        self.conclusion_box = self._facts_box("审核结论", CONCLUSION)
        grid.addWidget(self.conclusion_box, 1, 0, 1, 2)
        grid.addWidget(self._materials_box(), 2, 0, 1, 2)
        grid.addWidget(self._checks_box(), 3, 0, 1, 2)
        grid.setRowStretch(4, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.warning)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addLayout(self._action_bar())
        state.resize_within_screen(self, 960, 760)
        self.runner.data_changed.connect(self._data_changed)
        self.reload()

    # --- building -------------------------------------------------------------------------
    def _facts_box(self, title: str, labels: tuple[str, ...]) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        for label in labels:
            self.values[label] = _value_label()
            form.addRow(f"{label}：", self.values[label])
        return box

    def _materials_box(self) -> QGroupBox:
        box = QGroupBox("送审材料")
        layout = QVBoxLayout(box)
        self.materials_grid = QGridLayout()
        self.materials: dict[str, QCheckBox] = {}
        self.return_note = _value_label()
        self.return_note.setStyleSheet(CAUTION_STYLE)
        self.resubmit_day = date_edit()
        self.resubmit_button = QPushButton("补充材料")
        self.resubmit_button.setToolTip("登记补充后的材料；材料齐全的，自补充日期起算审核期限")
        self.resubmit_button.clicked.connect(self.resubmit)
        self.resubmit_row = QWidget()
        row = QHBoxLayout(self.resubmit_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel("补充日期："))
        row.addWidget(self.resubmit_day)
        row.addWidget(self.resubmit_button)
        row.addStretch(1)
        layout.addLayout(self.materials_grid)
        layout.addWidget(self.return_note)
        layout.addWidget(self.resubmit_row)
        return box

    def _checks_box(self) -> QGroupBox:
        box = QGroupBox("审查事项")
        grid = QGridLayout(box)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
        self.findings: dict[str, QComboBox] = {}
        self.notes: dict[str, QLineEdit] = {}
        for n, item in enumerate(CHECK_ITEMS):
            finding, note = QComboBox(), QLineEdit()
            finding.addItem(UNCHECKED, "")
            for label, key in reviews.finding_choices(item):
                finding.addItem(label, key.value)
            caption = QLabel(f"{n + 1}. {item}")
            caption.setWordWrap(True)
            grid.addWidget(caption, n, 0, 1, 2)
            grid.addWidget(finding, n, 2)
            grid.addWidget(note, n, 3)
            self.findings[item], self.notes[item] = finding, note
        self.save_checks_button = QPushButton("保存审查意见")
        self.save_checks_button.clicked.connect(self.save_checks)
        grid.addWidget(self.save_checks_button, len(CHECK_ITEMS), 3, Qt.AlignmentFlag.AlignRight)
        return box

    def _action_bar(self) -> QHBoxLayout:
        self.action_buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for key, text, slot in (
            ("pause", "中止计时…", self.pause),
            ("resume", "恢复计时…", self.resume),
            ("extend", "延长期限…", self.extend),
            ("conclude", "办结…", self.conclude),
            ("confirm", "确认已修改…", self.confirm),
            ("print", "打印意见书…", lambda: preview_opinion(self.ctx, self.case_id, self)),
        ):
            button = QPushButton(text)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            bar.addWidget(button)
            self.action_buttons[key] = button
        bar.addStretch(1)
        close = QPushButton("关闭")
        close.clicked.connect(self.reject)
        bar.addWidget(close)
        return bar

    # --- showing --------------------------------------------------------------------------
    def _data_changed(self, kinds: set[str]) -> None:
        if kinds & REFRESH_KINDS:
            self.reload()

    def reload(self) -> None:
        self.show_view(read_case(self.database, self.case_id))

    def show_view(self, v: CaseView) -> None:
        self.view = v
        self.heading.setText(v.title)
        self.warning.setText("工作日历提示：" + "；".join(v.warnings))
        self.warning.setVisible(bool(v.warnings))
        for label, widget in self.values.items():
            widget.setText(v.values.get(label, ""))
            widget.setToolTip(v.tips.get(label, ""))
        available = {action.value: action in v.actions for action in reviews.ReviewAction}
        self._show_materials(v, available["resubmit"])
        for item in CHECK_ITEMS:
            key, note = v.checks.get(item, ("", ""))
            self.findings[item].setCurrentIndex(self.findings[item].findData(key))
            self.notes[item].setText(note)
            self.findings[item].setEnabled(available["checks"])
            self.notes[item].setEnabled(available["checks"])
            self.notes[item].setPlaceholderText(NOTE_HINT if available["checks"] else "")
        self.save_checks_button.setVisible(available["checks"])
        self.conclusion_box.setVisible(bool(v.outcome))
        for key, button in self.action_buttons.items():
            button.setEnabled(available[key])

    def _show_materials(self, v: CaseView, editable: bool) -> None:
        for box in self.materials.values():
            box.deleteLater()
        self.materials = {}
        for n, (item, present) in enumerate(v.materials):
            box = QCheckBox(item)
            box.setChecked(present)
            box.setEnabled(editable)
            self.materials_grid.addWidget(box, n // 3, n % 3)
            self.materials[item] = box
        self.return_note.setText(f"退回说明：{v.return_note}" if v.return_note else "")
        self.return_note.setVisible(bool(v.return_note) and editable)
        self.resubmit_row.setVisible(editable)

    # --- actions --------------------------------------------------------------------------
    def pending_checks(self) -> list[tuple[str, bool | None, str]]:
        """The findings changed in the form and not yet saved."""
        saved = self.view.checks if self.view else {}
        changed = []
        for item in CHECK_ITEMS:
            key, note = self.findings[item].currentData(), self.notes[item].text().strip()
            if key and (key, note) != saved.get(item):
                changed.append((item, PASSED[key], note))
        return changed

    def save_checks(self) -> None:
        case_id, actor, pending = self.case_id, self.ctx.actor(), self.pending_checks()

        def work(s, _progress) -> None:
            for item, passed, note in pending:
                reviews.record_check(s, actor, case_id, item, passed, note)

        if pending:
            self._run(work)

    def resubmit(self) -> None:
        case_id, actor, day = self.case_id, self.ctx.actor(), pydate(self.resubmit_day.date())
        present = [item for item, box in self.materials.items() if box.isChecked()]
        self._run(lambda s, _p: reviews.resubmit(s, actor, case_id, day, present))

    def _run(self, work: Work) -> None:
        self.show_error("")
        self.runner.run(
            work, write=True, changes=REVIEW_CHANGES, on_error=self._failed, parent=self
        )

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            self.show_error(exc.message)
        else:
            show_error(self, exc)

    def pause(self) -> None:
        self._open(PauseDialog(self.ctx, self.case_id, self))

    def resume(self) -> None:
        self._open(DateDialog(self.ctx, self.case_id, "恢复计时", "恢复日期", reviews.resume, self))

    def extend(self) -> None:
        self._open(ExtendDialog(self.ctx, self.case_id, self))

    def conclude(self) -> None:
        if self.pending_checks():
            self.show_error("审查意见有改动尚未保存，请先点击“保存审查意见”。")
            return
        self._open(ConcludeDialog(self.ctx, self.case_id, self))

    def confirm(self) -> None:
        self._open(
            DateDialog(
                self.ctx,
                self.case_id,
                "确认已按意见修改",
                "确认日期",
                reviews.confirm_changes,
                self,
            )
        )

    def _open(self, dialog: QDialog) -> None:
        self.show_error("")
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
