"""The registration-number template edited with fields (text, then 机关代码 / 年份 / 序号 with its
digits, in the clerk's order) and a live preview of the next number; the template text itself
stays at hand for the rare form the fields cannot say."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.errors import UserError
from app.services import numbering
from app.services.issuers import DEFAULT_TEMPLATE
from app.services.number_templates import Piece, TemplateField, TemplateParts, parts_of
from app.ui.widgets.style import ERROR_STYLE, HELP_STYLE

ROWS = len(TemplateField)
TEXT_ONLY = "这个模板的写法无法用上面的字段表示，请直接修改模板文本。"
FIELDS_HELP = "依次选择编号的各部分，每部分前可加固定文字。序号必选。"


def next_number(template: str, code: str, serial: int = 1, yearly: bool = True) -> tuple[str, bool]:
    """The number `template` would give next, or the numbering service's refusal."""
    template = template.strip()
    try:
        numbering.validate_template(template, yearly=yearly)
    except UserError as exc:
        return exc.message, False
    return numbering.format_number(
        template, code.strip() or "代码", clock.today().year, serial
    ), True


class PieceRow:
    """One row of the editor: fixed text, a field, and the serial's digits."""

    def __init__(self) -> None:
        self.text = QLineEdit()
        self.text.setPlaceholderText("（无）")
        self.field = QComboBox()
        self.field.addItem("（不用）", None)
        for field in TemplateField:
            self.field.addItem(field.label, field.value)  # Qt hands a StrEnum back as str
        self.digits = QSpinBox()
        self.digits.setRange(0, numbering.MAX_WIDTH)
        self.digits.setSpecialValueText("不补零")
        self.digits.setSuffix(" 位")
        self.digits.setToolTip("序号不足这么多位时在前面补 0，例如 3 位：001。")
        self.field.currentIndexChanged.connect(self.show_enabled)
        self.show_enabled()

    def chosen(self) -> TemplateField | None:
        data = self.field.currentData()
        return TemplateField(data) if data else None

    def show_enabled(self) -> None:
        self.text.setEnabled(self.chosen() is not None)
        self.digits.setEnabled(self.chosen() is TemplateField.SEQ)

    def show(self, piece: Piece | None) -> None:
        self.text.setText(piece.text if piece else "")
        self.field.setCurrentIndex(self.field.findData(piece.field.value) if piece else 0)
        self.digits.setValue(piece.digits if piece else 0)

    def widgets(self) -> tuple[QWidget, ...]:
        return self.text, self.field, self.digits


class TemplateEdit(QWidget):
    """A number template with the next number it gives shown live below it. `line` holds the
    template text the service is given (fields write it; it is shown for direct editing)."""

    def __init__(
        self, template: str = DEFAULT_TEMPLATE, serial: int = 1, yearly: bool = True
    ) -> None:
        super().__init__()
        self.code, self.serial, self.yearly = "", serial, yearly
        self._syncing = False
        self.rows = [PieceRow() for _ in range(ROWS)]
        self.tail = QLineEdit()
        self.tail.setPlaceholderText("（无）")
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        for column, title in enumerate(("固定文字", "字段", "序号位数")):
            grid.addWidget(_muted(title), 0, column)
        for number, row in enumerate(self.rows, start=1):
            for column, widget in enumerate(row.widgets()):
                grid.addWidget(widget, number, column)
            row.text.textChanged.connect(self._from_fields)
            row.field.currentIndexChanged.connect(self._from_fields)
            row.digits.valueChanged.connect(self._from_fields)
        grid.addWidget(_muted("结尾文字"), ROWS + 1, 0)
        grid.addWidget(self.tail, ROWS + 2, 0)
        grid.setColumnStretch(0, 1)
        self.tail.textChanged.connect(self._from_fields)

        self.line = QLineEdit(template)
        self.line.setMinimumWidth(260)
        self.line.setToolTip(
            "{code} 机关代码，{year} 年份，{seq} 序号；{seq:03d} 表示序号补足 3 位。"
        )
        self.line.textChanged.connect(self._from_line)
        self.text_button = QPushButton("模板文本…")
        self.text_button.setToolTip("直接查看或修改模板文本")
        self.text_button.setCheckable(True)
        self.text_button.toggled.connect(self._show_text)
        self.text_only = QLabel(TEXT_ONLY)
        self.text_only.setWordWrap(True)
        self.text_only.setStyleSheet(HELP_STYLE)
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        help_ = QLabel(FIELDS_HELP)
        help_.setWordWrap(True)
        help_.setStyleSheet(HELP_STYLE)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addWidget(self.preview)
        layout.addWidget(help_)
        layout.addWidget(self.text_only)
        text_row = QHBoxLayout()
        text_row.addWidget(self.text_button)
        text_row.addWidget(self.line, 1)
        text_row.addStretch(0)
        layout.addLayout(text_row)
        self._show_text(False)
        self._from_line()

    def set_code(self, code: str) -> None:
        self.code = code
        self.update_preview()

    def text(self) -> str:
        return self.line.text().strip()

    def _show_text(self, shown: bool) -> None:
        self.line.setVisible(shown)
        # a refused template puts the cursor here (the form focuses the editor)
        self.setFocusProxy(self.line if shown else self.rows[0].field)

    def parts(self) -> TemplateParts:
        """The pieces the fields show (a row without a field adds nothing)."""
        pieces = [
            Piece(row.text.text(), field, row.digits.value())
            for row in self.rows
            if (field := row.chosen()) is not None
        ]
        return TemplateParts(tuple(pieces), self.tail.text())

    def _from_fields(self) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            self.line.setText(self.parts().template())  # _from_line then updates the preview
        finally:
            self._syncing = False

    def _from_line(self) -> None:
        if not self._syncing:
            parts = parts_of(self.line.text().strip())
            self._syncing = True
            try:
                self._show_parts(parts)
            finally:
                self._syncing = False
        self.update_preview()

    def _show_parts(self, parts: TemplateParts | None) -> None:
        editable = parts is not None
        for row in self.rows:
            for widget in row.widgets():
                widget.setEnabled(editable)
        self.tail.setEnabled(editable)
        self.text_only.setVisible(not editable)
        if parts is None:
            self.text_button.setChecked(True)
            return
        for index, row in enumerate(self.rows):
            row.show(parts.pieces[index] if index < len(parts.pieces) else None)
            row.show_enabled()
        self.tail.setText(parts.tail)

    def update_preview(self) -> None:
        text, valid = next_number(self.line.text(), self.code, self.serial, self.yearly)
        self.preview.setText(f"下一个编号：{text}" if valid else text)
        self.preview.setStyleSheet("" if valid else ERROR_STYLE)


def _muted(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(HELP_STYLE)
    return label
