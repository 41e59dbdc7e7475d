"""A chooser of one document in force, found in the register by part of its title or number."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QVBoxLayout, QWidget

from app.services import search
from app.services.lifecycle import IN_FORCE
from app.ui.context import AppContext
from app.ui.widgets.fields import line_edit
from app.ui.widgets.list_model import cell_text

CHOOSER_LIMIT = 50  # matches offered at once; typing more narrows them
CHOOSER_CHARS = 30  # the closed chooser's width, in characters


def _describe(row: search.RegisterRow) -> str:
    # The registration number first: a long title would push it out of the closed combo.
    number = f"{row.reg_number} " if row.reg_number else ""
    return f"{number}《{row.title}》{row.doc_number}（{cell_text(row.published)}）"


class DocumentChooser(QWidget):
    """One document in force, found in the register by part of its title or number."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = ctx.runner
        self.text = line_edit("输入文件名称、发文字号或登记编号的一部分查找")
        self.choice = QComboBox()
        # Long titles would widen the dialog past its labels; the popup shows them whole.
        self.choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.choice.setMinimumContentsLength(CHOOSER_CHARS)
        self.choice.addItem("（不关联）", None)
        self.timer = QTimer(self, singleShot=True, interval=300)
        self.timer.timeout.connect(self.find)
        self.text.textChanged.connect(self.timer.start)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.text)
        column.addWidget(self.choice)
        self.setFocusProxy(self.text)

    def find(self) -> None:
        self.timer.stop()
        q = search.DocumentQuery(text=self.text.text().strip(), statuses=IN_FORCE)
        if q.text:
            self.runner.run(
                lambda s, _p: search.search_rows(s, q, CHOOSER_LIMIT),
                on_done=self._found,
                parent=self,
            )

    def _found(self, rows: list[search.RegisterRow]) -> None:
        self.choice.clear()
        self.choice.addItem("（不关联）", None)
        for r in rows:
            self.choice.addItem(_describe(r), r.id)
        view = self.choice.view()
        view.setMinimumWidth(
            view.sizeHintForColumn(0) + view.verticalScrollBar().sizeHint().width()
        )
        self.choice.setCurrentIndex(1 if rows else 0)

    def value(self) -> int | None:
        return self.choice.currentData()

    def set_value(self, doc_id: int, title: str) -> None:
        self.choice.addItem(f"《{title}》", doc_id)
        self.choice.setCurrentIndex(self.choice.count() - 1)
