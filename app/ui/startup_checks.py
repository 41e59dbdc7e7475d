"""What happens between opening the database and working: a damaged file offered a restore, the
quick integrity check, the first-run setup of an empty office, the login, and the daily automatic
backup while the program runs."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QDialog, QMainWindow, QMessageBox, QWidget

from app import clock
from app.db import friendly_db_message, sqlite_path
from app.errors import DamagedDatabaseError, UserError
from app.services import settings, users
from app.services.permissions import pc_administrator
from app.ui.changes import Change
from app.ui.context import AppContext

if TYPE_CHECKING:  # backups and the integrity check are imported after the window shows
    from app.services.backup import BackupFile
    from app.services.integrity import QuickCheck
    from app.ui.connect_dialog import Connected


log = logging.getLogger(__name__)
BACKUP_CHANGES = frozenset({Change.BACKUPS})
CHECK_MS = 60 * 60 * 1000  # the backup is daily; an hourly look notices the day turning soon enough
CHECK_DELAY_MS = 1000  # the integrity check waits for the first page to be loaded and painted
RESTORE, QUIT = "从最近的备份恢复", "退出"


# --- a damaged database --------------------------------------------------------------------
def ask_restore(message: str, newest: Path) -> bool:
    box = QMessageBox(QMessageBox.Icon.Critical, "数据库已损坏", message)
    box.setInformativeText(
        f"可以从最近的可用备份“{newest.name}”恢复。该备份之后录入的内容需要重新录入。"
        "损坏的数据库文件会改名保留，不会被覆盖。"
    )
    restore = box.addButton(RESTORE, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QUIT, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.exec()
    return box.clickedButton() is restore


def restore_damaged(url: str, exc: DamagedDatabaseError) -> bool:
    """Offer the newest good backup in place of a damaged database; True once it is restored."""
    path = sqlite_path(url)
    from app.services import backup, integrity

    newest = integrity.newest_good_backup(path) if path else None
    if path is None or newest is None:
        QMessageBox.critical(
            None,
            "无法打开数据库",
            f"{exc.message}\n\n没有找到可用的备份。请联系维护人员，不要删除该文件。",
        )
        return False
    if not ask_restore(exc.message, newest):
        return False
    try:
        # nobody can sign in to a damaged file: the person at this PC restores it, as the
        # command line's `restore` does
        backup.restore(newest, path, pc_administrator())
    except UserError as error:
        QMessageBox.critical(None, "恢复失败", error.message)
        return False
    except OSError as error:
        QMessageBox.critical(None, "恢复失败", f"无法写入“{path}”：{error.strerror or error}")
        return False
    QMessageBox.information(
        None, "已从备份恢复", f"已从备份“{newest.name}”恢复。损坏的文件已改名保留在原文件夹中。"
    )
    return True


# --- after opening ---------------------------------------------------------------------------
def warn_problems(parent: QWidget | None, problems: list[str]) -> None:
    """The quick check's findings; the clerk may carry on."""
    QMessageBox.warning(
        parent,
        "启动检查",
        "启动检查发现以下问题：\n\n" + "\n".join(problems) + "\n\n可以继续使用；"
        "建议在“设置—备份与恢复”中从备份恢复，或请维护人员检查。",
    )


def sign_in(ctx: AppContext) -> bool | Connected:
    """Who works from now on, in `ctx.user`: on an empty office (no issuers, no users) the
    first-run wizard comes first, and the administrator it creates works at once; an office with
    logins asks for one; an office without (no users yet, or single-user mode) is worked by the
    person at this PC as 管理员 (users.session_actor). False when the clerk cancels the login.
    The office's server the wizard connected to instead, when the clerk chose 连接单位服务器."""
    with ctx.database.reading() as s:
        empty = users.office_is_empty(s)
        ctx.user = users.session_actor(s)
    if empty:
        from app.ui.setup.wizard import SetupWizard

        wizard = SetupWizard(ctx, offer_server=True)
        wizard.exec()  # cancelled: the office starts empty; the wizard shows again next time
        if wizard.connected is not None:
            return wizard.connected
        if wizard.admin is not None:
            ctx.user = wizard.admin
            return True
        with ctx.database.reading() as s:
            ctx.user = users.session_actor(s)
    if ctx.user is not None:
        return True
    from app.ui.login_dialog import LoginDialog

    dialog = LoginDialog(ctx)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    ctx.user = dialog.actor
    return True


# --- the daily backup ------------------------------------------------------------------------
def auto_backup(db_path: Path, keep: list[int]) -> BackupFile:
    from app.services import backup

    made = backup.make_backup(db_path, kind="auto")
    backup.prune(backup.backup_dir(db_path), *keep)
    return made


class AfterStart(QObject):
    """Once the window shows: the quick integrity check in the background (about 0.3 s on 100,000
    documents), then, if the file is sound, the automatic backup once a day while the program
    runs. A damaged file is not backed up: its copy would push a good backup out of the rotation."""

    def __init__(self, ctx: AppContext, window: QMainWindow) -> None:
        super().__init__(window)
        self.database, self.runner, self.window = ctx.database, ctx.runner, window
        self.db_path = sqlite_path(ctx.database.url)
        self.tried_on: date | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)
        # Owned, not a bare singleShot: it dies with this object and a direct call cancels it, so
        # it never fires later on behalf of a window (or a test) that has gone.
        self.first_check = QTimer(self)
        self.first_check.setSingleShot(True)
        self.first_check.timeout.connect(self.quick_check)
        self.first_check.start(CHECK_DELAY_MS)

    def quick_check(self) -> None:
        from app.services import integrity

        self.first_check.stop()

        self.runner.run(
            lambda s, _progress: integrity.quick_check(s),
            on_done=self._checked,
            on_error=lambda exc: self._checked(
                integrity.QuickCheck(None, [friendly_db_message(exc) or "数据库快速检查未能完成。"])
            ),
        )

    def _checked(self, found: QuickCheck) -> None:
        if found.damage:
            self.database.stop_writing(found.damage)
        if found.problems:
            warn_problems(self.window, found.problems)
            self.window.statusBar().showMessage("数据库检查发现问题，暂停自动备份。")
        elif self.db_path is not None:
            self.timer.start()
            self.check()

    def check(self) -> None:
        from app.services import backup

        today, db_path = clock.today(), self.db_path
        if db_path is None:
            return  # checked only for a database file
        if self.tried_on == today or not backup.auto_backup_due(db_path, today):
            return
        self.tried_on = today  # a failure is reported once, not every hour

        def work(s, _progress) -> BackupFile:
            return auto_backup(db_path, [settings.get(s, key) for key in backup.KEEP_KEYS])

        self.runner.run(work, on_done=self._done, on_error=self._failed)

    def _done(self, made: BackupFile) -> None:
        self.runner.data_changed.emit(BACKUP_CHANGES)
        self.window.statusBar().showMessage(f"已自动备份：{made.path.name}", 10_000)

    def _failed(self, exc: BaseException) -> None:
        log.warning("automatic backup failed", exc_info=(type(exc), exc, exc.__traceback__))
        reason = exc.message if isinstance(exc, UserError) else friendly_db_message(exc) or exc
        self.window.statusBar().showMessage(f"自动备份失败：{reason}")
