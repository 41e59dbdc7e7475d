"""表头与列对应: the header row, a preview of the sheet, and which field each column holds.

The header row and the columns are first guessed by app.services.importing; 下一步 runs the
service's dry run, whose report the next page shows (a missing required column is its refusal).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.services import importing, issuers
from app.services.importing import FIELDS, Mapping, Report, Sheet
from app.services.ledger_values import text_of
from app.ui.context import AppContext
from app.ui.importing.pages import ImportPage, ImportState, settled
from app.ui.widgets.pdf_preview import documents_folder


def get_column_letter(index: int) -> str:
    """A, B, … Z, AA: Excel's column names (openpyxl's helper would load openpyxl at start-up)."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


PREVIEW_ROWS = 20
COMBOS_PER_LINE = 3
HEADER_BACKGROUND = QColor("#fff2cc")
ABOVE_HEADER = QColor("#8a8a8a")  # title rows above the header: not imported


class MappingPage(ImportPage):
    def __init__(self, ctx: AppContext, state: ImportState) -> None:
        super().__init__(ctx, state, "表头与列对应")
        self.setSubTitle("确认表头所在的行，并为每一列选择对应的字段；不需要的列选“不导入”。")
        self.headers: list[str] = []
        self.combos: list[QComboBox] = []
        self.header_row = QSpinBox()
        self.header_row.setMinimum(1)
        self.header_row.valueChanged.connect(self.apply_header_row)
        self.preview = QTableWidget()
        self.preview.setTabKeyNavigation(False)  # Tab leaves the list; arrows move in it
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.preview.setWordWrap(False)
        self.preview.horizontalHeader().setMaximumSectionSize(220)
        self.preview.verticalHeader().setDefaultSectionSize(22)
        self.preview.cellDoubleClicked.connect(self._row_chosen)
        self.columns = QScrollArea()
        self.columns.setWidgetResizable(True)
        self.columns.setMinimumHeight(110)
        self.columns.setMaximumHeight(180)  # five lines of combos; the preview takes the rest
        self.issuer = QComboBox()
        self.issuer.setMinimumContentsLength(14)
        self.issuer.setToolTip("台账没有“制定机关”列，或该列单元格为空时使用")
        self.save_button = QPushButton("保存对应关系…")
        self.save_button.setToolTip("保存为列对应文件（JSON），命令行导入可用 --mapping 读取")
        self.save_button.clicked.connect(self.save_mapping)
        self._lay_out()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel("表头行：第"))
        top.addWidget(self.header_row)
        top.addWidget(QLabel("行（双击预览中的行也可设为表头行；其下每一行是一件文件）"))
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel("默认制定机关："))
        bottom.addWidget(self.issuer)
        bottom.addWidget(QLabel("（无“制定机关”列或单元格为空时使用）"))
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.preview, 1)
        layout.addWidget(QLabel("各列对应的字段："))
        layout.addWidget(self.columns)
        layout.addLayout(bottom)
        layout.addWidget(self.error)

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        sheet = self._sheet()
        self._load_issuers()
        self._fill_preview()
        self.show_error("")
        try:
            row = sheet.guess_header_row()
        except UserError as exc:
            row = sheet.rows[0][0] if sheet.rows else 1
            self.show_error(exc.message)
        self.header_row.blockSignals(True)
        self.header_row.setMaximum(max(sheet.rows[-1][0] if sheet.rows else 1, 1))
        self.header_row.setValue(row)
        self.header_row.blockSignals(False)
        self.apply_header_row(row)

    def _sheet(self) -> Sheet:
        return settled(self.state.sheet, "a sheet")

    def _load_issuers(self) -> None:
        current = self.issuer.currentData() or self.state.default_issuer
        with self.database.reading() as s:
            found = [(i.code, issuers.shown_name(s, i)) for i in issuers.list_issuers(s)]
        self.issuer.clear()
        self.issuer.addItem("（不指定）", None)
        for code, name in found:
            self.issuer.addItem(name, code)
        self.issuer.setCurrentIndex(max(self.issuer.findData(current), 0))

    def _fill_preview(self) -> None:
        rows = self._sheet().rows[:PREVIEW_ROWS]
        width = max((len(values) for _n, values in rows), default=0)
        self.preview.clear()
        self.preview.setRowCount(len(rows))
        self.preview.setColumnCount(width)
        self.preview.setHorizontalHeaderLabels([get_column_letter(c + 1) for c in range(width)])
        self.preview.setVerticalHeaderLabels([str(number) for number, _values in rows])
        for r, (_number, values) in enumerate(rows):
            for c, value in enumerate(values):
                text = text_of(value)
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.preview.setItem(r, c, item)
        self.preview.resizeColumnsToContents()

    def _row_chosen(self, row: int, _column: int) -> None:
        self.header_row.setValue(self._sheet().rows[row][0])

    def apply_header_row(self, row: int) -> None:
        self._highlight(row)
        try:
            self.headers = self._sheet().header(row)
            columns = importing.guess_mapping(self._sheet(), row).columns
        except UserError as exc:
            self.headers, columns = [], {}
            self.show_error(exc.message)
        else:
            self.show_error("")
        self._fill_combos(columns)

    def _highlight(self, header_row: int) -> None:
        bold = QFont()
        bold.setBold(True)
        for r, (number, values) in enumerate(self._sheet().rows[:PREVIEW_ROWS]):
            for c in range(len(values)):
                item = self.preview.item(r, c)
                if item is None:
                    continue  # never: _fill_preview made every cell
                item.setBackground(HEADER_BACKGROUND if number == header_row else QBrush())
                item.setFont(bold if number == header_row else QFont())
                item.setForeground(ABOVE_HEADER if number < header_row else QBrush())

    def _fill_combos(self, columns: dict[int, str]) -> None:
        box = QWidget()
        grid = QGridLayout(box)
        self.combos = []
        for i, header in enumerate(self.headers):
            combo = QComboBox()
            combo.addItem("不导入", None)
            for key, label in FIELDS.items():
                combo.addItem(label, key)
            combo.setCurrentIndex(combo.findData(columns.get(i)))
            combo.currentIndexChanged.connect(lambda _index, c=combo: self._field_chosen(c))
            line, place = divmod(i, COMBOS_PER_LINE)
            caption = QLabel(f"{get_column_letter(i + 1)} 列 {header or '（无表头）'}：")
            grid.addWidget(caption, line, place * 2)
            grid.addWidget(combo, line, place * 2 + 1)
            self.combos.append(combo)
        grid.setColumnStretch(COMBOS_PER_LINE * 2, 1)
        grid.setRowStretch(len(self.headers) // COMBOS_PER_LINE + 1, 1)
        self.columns.setWidget(box)

    def _field_chosen(self, chosen: QComboBox) -> None:
        """A field comes from one column: choosing it elsewhere clears it here."""
        key = chosen.currentData()
        for combo in self.combos:
            if combo is not chosen and key is not None and combo.currentData() == key:
                combo.blockSignals(True)
                combo.setCurrentIndex(0)
                combo.blockSignals(False)

    def mapping(self) -> Mapping:
        columns = {i: c.currentData() for i, c in enumerate(self.combos) if c.currentData()}
        return Mapping(self._sheet().name, self.header_row.value(), columns)

    def save_mapping(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "保存对应关系", str(documents_folder() / "列对应.json"), "列对应文件 (*.json)"
        )
        if not path:
            return
        target = Path(path) if path.lower().endswith(".json") else Path(f"{path}.json")
        try:
            target.write_text(self.mapping().to_json(self.headers), encoding="utf-8")
        except OSError as exc:
            self.show_error(f"无法写入“{target}”：{exc.strerror or exc}")

    def begin(self) -> bool:
        sheet, mapping, issuer = self._sheet(), self.mapping(), self.issuer.currentData()
        actor = self.ctx.actor()

        def work(s, progress) -> Report:
            return importing.run_import(s, actor, sheet, mapping, True, issuer, progress)

        self.launch(
            work,
            lambda report: self._checked(mapping, issuer, report),
            write=True,  # the dry run registers inside a savepoint it rolls back
            progress="正在检查台账…",
        )
        return False

    def _checked(self, mapping: Mapping, issuer: str | None, report: Report) -> None:
        self.state.mapping, self.state.default_issuer, self.state.report = mapping, issuer, report
        self.advance()
