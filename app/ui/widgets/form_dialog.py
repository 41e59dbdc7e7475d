"""The form dialogs whose one action is a service call: run through the operation runner, a
refusal shown inline (the field it names gets the focus), the dialog kept open with the input."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from app.errors import UserError
from app.ui.context import AppContext
from app.ui.crash import show_error
from app.ui.operations import Work
from app.ui.widgets.style import ERROR_STYLE

W = TypeVar("W", bound=QWidget)


class ServiceDialog(QDialog):
    announces: frozenset[str] = frozenset()  # the kinds of change data_changed reports

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None,
        ok: QDialogButtonBox.StandardButton = QDialogButtonBox.StandardButton.Save,
        ok_text: str = "保存",
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.database = ctx.database
        self.runner = ctx.runner
        self.returned: object = None  # what the service returned
        self.fields: dict[str, QWidget] = {}  # by the UserError.field the services name
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.buttons = QDialogButtonBox(ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(ok).setText(ok_text)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

    def show_error(self, message: str, field: str | None = None) -> None:
        """Say what is wrong above the buttons, and put the cursor in the field it concerns."""
        self.error.setText(message)
        self.error.setVisible(bool(message))
        widget = self.fields.get(field) if field else None
        if widget is not None:
            widget.setFocus()

    def submit(self) -> None:
        try:
            work = self.prepare()
        except UserError as exc:
            self.show_error(exc.message, exc.field)
            return
        self.show_error("")
        self.buttons.setEnabled(False)
        self.runner.run(
            work,
            write=True,
            changes=self.announces,
            on_done=self._done,
            on_error=self._failed,
            parent=self,
        )

    def prepare(self) -> Work:
        """Read the form; return the work `fn(session, progress)` that asks the service."""
        raise NotImplementedError

    def _done(self, returned: object) -> None:
        self.buttons.setEnabled(True)
        self.returned = returned
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, UserError):
            self.show_error(exc.message, exc.field)
        else:
            show_error(self, exc)


class FormDialog(ServiceDialog):
    """A service call as a small form of labelled fields, with an optional heading."""

    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None) -> None:
        super().__init__(ctx, parent, QDialogButtonBox.StandardButton.Ok, "确定")
        self.setWindowTitle(title)
        self.form = QFormLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def add_field(self, label: str, widget: W, key: str = "") -> W:
        """A form row; `key` is the field name the services give in UserError.field."""
        self.form.addRow(f"{label}：", widget)
        self.fields[key or label] = widget
        return widget

    def add_heading(self, text: str) -> None:
        heading = QLabel(text)
        heading.setWordWrap(True)
        heading.setStyleSheet("font-weight: bold;")
        self.form.insertRow(0, heading)
