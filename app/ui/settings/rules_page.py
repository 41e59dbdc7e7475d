"""设置—规则: one row per office setting (settings.RULES), each saved or reset on its own."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.services import settings
from app.services.settings import Rule
from app.ui.changes import Change
from app.ui.context import AppContext
from app.ui.crash import show_error
from app.ui.widgets.style import ERROR_STYLE, HELP_STYLE

SPIN_MAXIMUM = 9999
SPIN_WIDTH, TEXT_WIDTH = 110, 220
DEFAULT_WIDTH = 260  # a long default (the materials lists) wraps instead of pushing the buttons off
ROW_GAP = 12


def _shown(value: Any, rule: Rule | None = None) -> str:
    if rule is not None and rule.choices is not None:
        return rule.choices.get(value, str(value))
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value) if value != "" else "（空）"


Editor = QCheckBox | QSpinBox | QLineEdit | QComboBox


def rule_editor(rule: Rule, changed: Callable[[], None] | None = None) -> Editor:
    """The editor of one setting, as this page and the first-run wizard show it: a list for a
    setting with choices, a box for yes/no, a number, or a line of text."""
    editor: Editor
    if rule.choices is not None:
        editor = combo = QComboBox()
        for value, label in rule.choices.items():
            combo.addItem(label, value)
        signal = combo.currentIndexChanged
    elif isinstance(rule.default, bool):
        editor = QCheckBox("是")
        signal = editor.toggled
    elif isinstance(rule.default, int):
        editor = QSpinBox()
        editor.setRange(rule.minimum or 0, SPIN_MAXIMUM)
        editor.setFixedWidth(SPIN_WIDTH)
        signal = editor.valueChanged
    else:
        editor = QLineEdit()
        editor.setMinimumWidth(TEXT_WIDTH)
        signal = editor.textChanged
    if changed is not None:
        signal.connect(changed)
    return editor


def editor_value(editor: Editor) -> Any:
    if isinstance(editor, QComboBox):
        return editor.currentData()
    if isinstance(editor, QCheckBox):
        return editor.isChecked()
    return editor.value() if isinstance(editor, QSpinBox) else editor.text().strip()


def set_editor_value(editor: Editor, value: Any) -> None:
    if isinstance(editor, QComboBox):
        editor.setCurrentIndex(max(0, editor.findData(value)))
    elif isinstance(editor, QCheckBox):
        editor.setChecked(value)
    elif isinstance(editor, QSpinBox):
        editor.setValue(value)
    else:
        editor.setText(value)
        editor.setCursorPosition(0)  # a long list shows its beginning


class RuleRow:
    """The widgets of one rule in the page's grid: label, editor, default, help, buttons, error."""

    def __init__(self, rule: Rule) -> None:
        self.rule = rule
        self.stored: Any = rule.default
        self.label = QLabel(f"{rule.label}：")
        self.editor = rule_editor(rule, self._update_buttons)
        self.default = QLabel(f"默认：{_shown(rule.default, rule)}")
        self.default.setWordWrap(True)
        self.default.setMaximumWidth(DEFAULT_WIDTH)
        self.help = QLabel(rule.help)
        self.help.setStyleSheet(HELP_STYLE)
        self.help.setWordWrap(True)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.save = QPushButton("保存")
        keep_space = self.save.sizePolicy()
        keep_space.setRetainSizeWhenHidden(True)
        self.save.setSizePolicy(keep_space)
        self.reset = QPushButton("恢复默认")

    def value(self) -> Any:
        return editor_value(self.editor)

    def set_value(self, value: Any) -> None:
        set_editor_value(self.editor, value)

    def dirty(self) -> bool:
        return self.value() != self.stored

    def show_stored(self, value: Any, keep_edits: bool) -> None:
        """The saved value arrived; the editor follows it unless the user is changing it."""
        edited = keep_edits and self.dirty()
        self.stored = value
        if not edited:
            self.set_value(value)
        self._update_buttons()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def _update_buttons(self) -> None:
        self.save.setVisible(self.dirty())
        self.reset.setEnabled(self.stored != self.rule.default or self.dirty())


class RulesPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.database = ctx.database
        self.runner = ctx.runner
        self.rows: dict[str, RuleRow] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setColumnStretch(4, 1)
        grid.setVerticalSpacing(2)
        for index, rule in enumerate(settings.RULES.values()):
            self.rows[rule.key] = self._add_row(grid, 3 * index, RuleRow(rule))
        intro = QLabel(
            "以下数值为本单位的期限和默认规则。修改后立即用于新的计算；已保存的记录不变。"
        )
        intro.setWordWrap(True)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addLayout(grid)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.runner.data_changed.connect(self.on_data_changed)
        self.refresh(keep_edits=False)

    def _add_row(self, grid: QGridLayout, top: int, row: RuleRow) -> RuleRow:
        row.save.clicked.connect(lambda: self.save(row.rule.key, row.value()))
        row.reset.clicked.connect(lambda: self.reset(row.rule.key))
        grid.addWidget(row.label, top, 0, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(row.editor, top, 1, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(row.default, top, 2)
        grid.addWidget(row.save, top, 3)
        grid.addWidget(row.reset, top, 4, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(row.help, top + 1, 1, 1, 4)
        grid.addWidget(row.error, top + 2, 1, 1, 4)
        grid.setRowMinimumHeight(top + 2, ROW_GAP)
        return row

    def refresh(self, keep_edits: bool = True) -> None:
        with self.database.reading() as s:
            stored = {key: settings.get(s, key) for key in self.rows}
        for key, row in self.rows.items():
            row.show_stored(stored[key], keep_edits)

    def on_data_changed(self, kinds: set[str]) -> None:
        if Change.SETTINGS in kinds:
            self.refresh()

    def save(self, key: str, value: Any) -> None:
        actor = self.ctx.actor()
        self._run(key, value, lambda s, _progress: settings.put(s, actor, key, value))

    def reset(self, key: str) -> None:
        actor = self.ctx.actor()
        self._run(
            key, self.rows[key].rule.default, lambda s, _progress: settings.reset(s, actor, key)
        )

    def _run(self, key: str, value: Any, work) -> None:
        row = self.rows[key]
        row.show_error("")
        self.runner.run(
            work,
            write=True,
            changes={Change.SETTINGS},
            on_done=lambda _result: self._saved(row, value),
            on_error=lambda exc: self._failed(row, exc),
            parent=self,
        )

    def _saved(self, row: RuleRow, value: Any) -> None:
        row.show_stored(value, keep_edits=False)

    def _failed(self, row: RuleRow, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            row.show_error(exc.message)
            row.editor.setFocus()
        else:
            show_error(self, exc)
