"""设置—打印: the font for each role of a printed letter (标题, 正文, headings, tables), which file
serves it on this PC and why, and a sample page."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.reports import font_sample, office_fonts
from app.reports.fonts import FontRole, RoleChoice, font_choices, setting_key, usable_families
from app.services import settings
from app.ui.changes import Change
from app.ui.context import AppContext
from app.ui.crash import show_error
from app.ui.widgets import unsaved
from app.ui.widgets.pdf_preview import preview_generated
from app.ui.widgets.style import CAUTION_STYLE, HELP_STYLE

AUTO = "自动"
COMBO_WIDTH = 260
ROLE_GAP = 10
SETTINGS_CHANGES = frozenset({Change.SETTINGS})


class RoleRow:
    """One role: its label, the family chosen (自动 or a font of this PC), the file in use and
    the notes on what was passed over."""

    def __init__(self, role: FontRole, changed: Callable[[], None]) -> None:
        self.role = role
        self.stored = ""
        self.label = QLabel(f"{role.label}：")
        self.label.setStyleSheet("font-weight: bold;")
        self.combo = QComboBox()
        self.combo.setMinimumWidth(COMBO_WIDTH)
        self.combo.currentIndexChanged.connect(changed)
        self.in_use = QLabel()
        self.in_use.setWordWrap(True)
        self.in_use.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes = QLabel()
        self.notes.setWordWrap(True)

    def lay_out(self, grid: QGridLayout, row: int) -> None:
        grid.addWidget(self.label, row, 0)
        grid.addWidget(self.combo, row, 1)
        grid.addWidget(self.in_use, row + 1, 1, 1, 2)
        grid.addWidget(self.notes, row + 2, 1, 1, 2)

    def value(self) -> str:
        return str(self.combo.currentData() or "")

    def dirty(self) -> bool:
        return self.value() != self.stored

    def fill(self, families: list[str], stored: str, keep_edits: bool) -> None:
        """The families this PC offers; the stored choice selected unless the clerk changed it."""
        shown = self.value() if keep_edits and self.dirty() else stored
        self.stored = stored
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(AUTO, "")
        for family in families:
            self.combo.addItem(family, family)
        for missing in {stored, shown} - set(families) - {""}:
            self.combo.addItem(f"{missing}（本机未安装）", missing)
        self.combo.setCurrentIndex(max(0, self.combo.findData(shown)))
        self.combo.blockSignals(False)

    def show_choice(self, choice: RoleChoice) -> None:
        font = choice.font
        self.in_use.setText(f"在用：{choice.face}（{choice.source.label}）　文件：{font.path}")
        self.notes.setText("\n".join(choice.notes))
        self.notes.setStyleSheet(CAUTION_STYLE if font.bundled or choice.notes else HELP_STYLE)
        self.notes.setVisible(bool(choice.notes))


class PrintPage(QWidget):
    """The font per role: 自动 takes the office's usual font where this PC has one, else the font
    bundled with the program; 保存 stores every choice at once."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.loaded = False
        intro = QLabel(
            "打印公文时各用途使用的字体。选“自动”时先找本机安装的常用公文字体，找不到则用程序自带的"
            "开放授权字体代替。PDF 只能嵌入 TrueType 字体，CFF（PostScript 轮廓）字体会被跳过。"
        )
        intro.setWordWrap(True)
        content = QWidget()
        grid = QGridLayout(content)
        grid.setColumnStretch(2, 1)
        grid.setVerticalSpacing(6)
        self.rows = {role: RoleRow(role, self._update_buttons) for role in FontRole}
        for i, row in enumerate(self.rows.values()):
            row.lay_out(grid, 4 * i)
            grid.setRowMinimumHeight(4 * i + 3, ROLE_GAP)
        grid.setRowStretch(4 * len(self.rows), 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        self.pending = QLabel()
        self.pending.setWordWrap(True)
        self.rescan_button = QPushButton("重新查找字体")
        self.rescan_button.setToolTip("安装了新字体后，重新查找本机的字体")
        self.rescan_button.clicked.connect(self.rescan)
        self.sample_button = QPushButton("打印样张…")
        self.sample_button.setToolTip("按当前选择生成一页字体样张")
        self.sample_button.clicked.connect(self.sample)
        self.save_button = QPushButton("保存")
        self.save_button.clicked.connect(self.save)
        bar = QHBoxLayout()
        bar.addWidget(self.pending, 1)
        bar.addWidget(self.rescan_button)
        bar.addWidget(self.sample_button)
        bar.addWidget(self.save_button)
        outer = QVBoxLayout(self)
        outer.addWidget(intro)
        outer.addWidget(scroll, 1)
        outer.addLayout(bar)
        self.ctx.runner.data_changed.connect(self.on_data_changed)
        self._update_buttons()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        # The font folders are read when the tab is first shown, not when 设置 opens.
        if not self.loaded:
            self.refresh(keep_edits=False)
        super().showEvent(event)

    def chosen(self) -> dict[FontRole, str]:
        return {role: row.value() for role, row in self.rows.items()}

    def changed_rows(self) -> list[RoleRow]:
        return [row for row in self.rows.values() if row.dirty()]

    def _update_buttons(self) -> None:
        changed = self.changed_rows()
        self.save_button.setEnabled(bool(changed))
        self.pending.setText(f"有 {len(changed)} 项修改尚未保存。" if changed else "")

    def refresh(self, keep_edits: bool = True) -> None:
        self.loaded = True
        with self.ctx.database.reading() as s:
            stored = {role: str(settings.get(s, setting_key(role))) for role in FontRole}
            choices = font_choices(s)
        for role, row in self.rows.items():
            row.fill(usable_families(role), stored[role], keep_edits)
            row.show_choice(choices[role])
        self._update_buttons()

    def rescan(self) -> None:
        office_fonts.rescan()
        self.refresh()

    def on_data_changed(self, kinds: set[str]) -> None:
        if Change.SETTINGS in kinds and self.loaded:
            self.refresh()

    def sample(self) -> None:
        chosen = self.chosen()
        preview_generated(
            self.ctx,
            font_sample.TITLE,
            lambda s, target, _progress: font_sample.pdf(s, target, chosen),
            self,
        )

    def save(self) -> None:
        try:
            actor = self.ctx.actor()
        except UserError as exc:
            self.pending.setText(exc.message)
            return
        changes = {setting_key(row.role): row.value() for row in self.changed_rows()}

        def work(s, _progress) -> None:
            for key, value in changes.items():
                settings.put(s, actor, key, value)

        self.save_button.setEnabled(False)
        self.ctx.runner.run(
            work,
            write=True,
            changes=SETTINGS_CHANGES,
            on_done=lambda _result: self.refresh(keep_edits=False),
            on_error=self._failed,
            parent=self,
        )

    def _failed(self, exc: BaseException) -> None:
        self._update_buttons()
        if isinstance(exc, UserError):
            self.pending.setText(exc.message)
        else:
            show_error(self, exc)

    def may_leave(self) -> bool:
        """Unsaved choices are saved, dropped, or the clerk stays."""
        return unsaved.may_leave(
            self,
            "打印",
            len(self.changed_rows()),
            self.save,
            lambda: self.refresh(keep_edits=False),
        )
