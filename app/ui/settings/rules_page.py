"""设置—规则: a form of the office settings (settings.form_rules()), saved together with one 保存."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.services import recipients, settings
from app.services.settings import Rule
from app.ui.changes import Change
from app.ui.context import AppContext
from app.ui.crash import show_error
from app.ui.widgets import unsaved
from app.ui.widgets.style import CAUTION_STYLE, ERROR_STYLE, HELP_STYLE

SPIN_MAXIMUM = 9999
SPIN_WIDTH, TEXT_WIDTH = 110, 220
ROW_GAP = 12
SETTINGS_CHANGES = frozenset({Change.SETTINGS})


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
        if rule.key in recipients.RECIPIENT_KEYS:
            editor.setPlaceholderText(f"例如：{recipients.example(rule.key)}")
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


def shown_value(rule: Rule, value: Any) -> Any:
    """What the editor shows for a stored value: a recipient still at its placeholder
    (本级人民政府 …) shows empty, its example as the hint, so nobody keeps it as a name."""
    if rule.key in recipients.RECIPIENT_KEYS and recipients.is_placeholder(value):
        return ""
    return value


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
    """The widgets of one rule, each on its own line: label; value, default and 恢复默认; help;
    the refusal, if any."""

    def __init__(self, rule: Rule, changed: Callable[[], None]) -> None:
        self.rule = rule
        self.stored: Any = rule.default
        self.label = QLabel(f"{rule.label}：")
        self.label.setStyleSheet("font-weight: bold;")
        self.editor = rule_editor(rule, changed)
        self.names_body = rule.key in recipients.RECIPIENT_KEYS
        self.default = QLabel(
            f"示例：{recipients.example(rule.key)}"
            if self.names_body
            else f"默认：{_shown(rule.default, rule)}"
        )
        self.default.setWordWrap(True)
        self.unnamed = QLabel()  # a recipient still at its placeholder
        self.unnamed.setStyleSheet(CAUTION_STYLE)
        self.unnamed.setWordWrap(True)
        self.unnamed.hide()
        self.help = QLabel(rule.help)
        self.help.setStyleSheet(HELP_STYLE)
        self.help.setWordWrap(True)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.reset = QPushButton("恢复默认")
        self.reset.setToolTip("在编辑框中填入默认值；点击“保存”后生效")
        self.reset.clicked.connect(lambda: self.set_value(rule.default))
        if self.names_body:
            self.reset.hide()  # a placeholder is no name to go back to

    def lay_out(self, into: QVBoxLayout) -> None:
        value = QHBoxLayout()
        value.addWidget(self.editor)
        value.addWidget(self.reset)
        value.addStretch(1)
        into.addWidget(self.label)
        into.addLayout(value)
        into.addWidget(self.unnamed)
        into.addWidget(self.default)
        into.addWidget(self.help)
        into.addWidget(self.error)
        into.addSpacing(ROW_GAP)

    def value(self) -> Any:
        return editor_value(self.editor)

    def set_value(self, value: Any) -> None:
        set_editor_value(self.editor, value)

    def shown_stored(self) -> Any:
        return shown_value(self.rule, self.stored)

    def dirty(self) -> bool:
        return self.value() != self.shown_stored()

    def show_stored(self, value: Any, keep_edits: bool) -> None:
        """The saved value arrived; the editor follows it unless the user is changing it."""
        edited = keep_edits and self.dirty()
        self.stored = value
        if not edited:
            self.set_value(self.shown_stored())
        placeholder = self.names_body and recipients.is_placeholder(value)
        self.unnamed.setText(
            f"尚未填写全称（现为“{value}”）：备案报告不能打印。" if placeholder else ""
        )
        self.unnamed.setVisible(placeholder)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))


class RulesPage(QWidget):
    """A form of every rule; one 保存 under it, always in view, saves every change at once."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.database = ctx.database
        self.runner = ctx.runner
        intro = QLabel(
            "以下数值为本单位的期限和默认规则。修改后点击“保存”，立即用于新的计算；已保存的记录不变。"
        )
        intro.setWordWrap(True)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(intro)
        layout.addSpacing(8)
        self.rows: dict[str, RuleRow] = {}
        for rule in settings.form_rules():
            row = self.rows[rule.key] = RuleRow(rule, self._update_buttons)
            row.lay_out(layout)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        self.pending = QLabel()
        self.save_button = QPushButton("保存")
        self.save_button.clicked.connect(self.save)
        self.discard_button = QPushButton("放弃修改")
        self.discard_button.clicked.connect(self.discard)
        bar = QHBoxLayout()
        bar.addWidget(self.pending, 1)
        bar.addWidget(self.discard_button)
        bar.addWidget(self.save_button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll, 1)
        outer.addLayout(bar)
        self.runner.data_changed.connect(self.on_data_changed)
        self.refresh(keep_edits=False)

    def changed_rows(self) -> list[RuleRow]:
        return [row for row in self.rows.values() if row.dirty()]

    def _update_buttons(self) -> None:
        changed = self.changed_rows()
        self.save_button.setEnabled(bool(changed))
        self.discard_button.setEnabled(bool(changed))
        self.pending.setText(f"有 {len(changed)} 项修改尚未保存。" if changed else "")
        for row in self.rows.values():
            row.reset.setEnabled(row.value() != row.rule.default)

    def refresh(self, keep_edits: bool = True) -> None:
        with self.database.reading() as s:
            stored = {key: settings.get(s, key) for key in self.rows}
        for key, row in self.rows.items():
            row.show_stored(stored[key], keep_edits)
        self._update_buttons()

    def on_data_changed(self, kinds: set[str]) -> None:
        if Change.SETTINGS in kinds:
            self.refresh()

    def discard(self) -> None:
        for row in self.rows.values():
            row.show_error("")
            row.set_value(row.shown_stored())
        self._update_buttons()

    def save(self) -> None:
        """Every changed rule in one transaction: all are saved, or none (the refusal is shown
        under the rule it concerns)."""
        try:
            actor = self.ctx.actor()
        except UserError as exc:
            self.pending.setText(exc.message)
            return
        changes = {row.rule.key: row.value() for row in self.changed_rows()}
        for row in self.rows.values():
            row.show_error("")

        def work(s, _progress) -> None:
            for key, value in changes.items():
                try:
                    settings.put(s, actor, key, value)
                except UserError as exc:
                    raise UserError(exc.message, field=key) from exc

        self.save_button.setEnabled(False)
        self.runner.run(
            work,
            write=True,
            changes=SETTINGS_CHANGES,
            on_done=lambda _result: self._saved(changes),
            on_error=self._failed,
            parent=self,
        )

    def _saved(self, changes: dict[str, Any]) -> None:
        for key, value in changes.items():
            self.rows[key].show_stored(value, keep_edits=False)
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        self._update_buttons()
        row = self.rows.get(exc.field or "") if isinstance(exc, UserError) else None
        if row is not None and isinstance(exc, UserError):
            row.show_error(exc.message)
            row.editor.setFocus()
        elif isinstance(exc, UserError):
            self.pending.setText(exc.message)
        else:
            show_error(self, exc)

    def may_leave(self) -> bool:
        """Before the clerk goes to another tab or section: unsaved changes are saved, dropped,
        or the clerk stays."""
        return unsaved.may_leave(self, "规则", len(self.changed_rows()), self.save, self.discard)
