"""The global exception hook: log the traceback, show a short apology with the log path."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from app.db import friendly_db_message
from app.errors import UserError
from app.logs import log_location

log = logging.getLogger("normdesk.crash")


def show_error(parent, exc: BaseException) -> None:
    """Show any exception to the user as they should see it: their problem, one of the disk, the
    files or the server (app/failures.py), or our bug."""
    if isinstance(exc, UserError):
        QMessageBox.warning(parent, "无法完成操作", exc.message)
        return
    friendly = friendly_db_message(exc)
    if friendly:
        QMessageBox.warning(parent, "无法完成操作", friendly)
        return
    log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("程序错误")
    box.setText("很抱歉，程序遇到了意外错误。您的数据已保存到最近一次操作为止。")
    box.setInformativeText(
        f"详细信息已记录到日志文件：\n{log_location()}\n请将该文件提供给维护人员。"
    )
    box.setDetailedText("".join(traceback.format_exception(exc)))
    box.exec()


def ask_retry(parent, exc: BaseException) -> bool:
    """A failure that passes (app/failures.py): say what happened and offer to try again."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("无法完成操作")
    box.setText(friendly_db_message(exc) or "操作未完成。")
    retry = box.addButton("重试", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("关闭", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(retry)
    box.exec()
    return box.clickedButton() is retry


def _hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    exc.__traceback__ = tb
    show_error(QApplication.activeWindow(), exc)


def install_excepthook() -> None:
    sys.excepthook = _hook
