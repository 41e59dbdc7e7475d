"""设置—备份与恢复: the backups kept, a backup now, restoring one, and the retention in force."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.db import Database, sqlite_path
from app.services import backup, settings
from app.services.backup import BackupFile
from app.ui.changes import Change
from app.ui.context import AppContext
from app.ui.crash import show_error
from app.ui.widgets.list_model import file_size

COLUMNS = ("时间", "类型", "大小", "文件")


def retention_text(database: Database) -> str:
    with database.reading() as s:
        daily, weekly, monthly = (settings.get(s, key) for key in backup.KEEP_KEYS)
    return (
        f"程序每天启动后自动备份一次。自动备份保留最近 {daily} 天的每日备份、{weekly} 周的每周备份和"
        f" {monthly} 个月的每月备份；手动备份和恢复前备份一直保留。"
        '<a href="rules">在“规则”页修改保留份数</a>'
    )


class BackupPage(QWidget):
    """Asks for the 规则 tab through `rules_requested`."""

    rules_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.database = ctx.database
        self.db_path = sqlite_path(ctx.database.url)
        self.runner = ctx.runner
        self.folder = backup.backup_dir(self.db_path) if self.db_path is not None else None
        self.retention = QLabel()
        self.retention.setWordWrap(True)
        self.retention.linkActivated.connect(lambda _link: self.rules_requested.emit())
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels(list(COLUMNS))
        for column, width in enumerate((150, 70, 90)):
            self.table.setColumnWidth(column, width)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.backup_button = QPushButton("立即备份")
        self.backup_button.clicked.connect(self.back_up)
        self.restore_button = QPushButton("恢复所选备份…")
        self.restore_button.clicked.connect(self.restore_selected)
        folder_button = QPushButton("打开备份文件夹")
        folder_button.clicked.connect(self.open_folder)
        folder_button.setEnabled(self.folder is not None)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(folder_button)
        where = QLabel(
            f"本数据库的备份文件夹：{self.folder}"
            if self.folder is not None
            else "服务器上的数据库由维护人员在服务器上备份（pg_dump），这里没有备份文件。"
        )
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # a long path is cut at the page's edge rather than widening the window; all of it in the
        # tooltip and behind 打开备份文件夹
        where.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        where.setToolTip(str(self.folder or ""))
        layout = QVBoxLayout(self)
        layout.addWidget(self.retention)
        layout.addWidget(where)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.runner.data_changed.connect(self.on_data_changed)
        self.refresh()
        self.backup_button.setEnabled(self.db_path is not None)

    def refresh(self) -> None:
        self.retention.setText(retention_text(self.database))
        self.table.clear()
        for b in backup.list_backups(self.folder) if self.folder is not None else []:
            item = QTreeWidgetItem(
                [f"{b.created:%Y-%m-%d %H:%M:%S}", b.kind_label, file_size(b.size), b.path.name]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, str(b.path))
            self.table.addTopLevelItem(item)
        self._update_buttons()

    def on_data_changed(self, kinds: set[str]) -> None:
        if Change.SETTINGS in kinds or Change.BACKUPS in kinds:
            self.refresh()

    def selected(self) -> Path | None:
        item = self.table.currentItem()
        return Path(item.data(0, Qt.ItemDataRole.UserRole)) if item is not None else None

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.db_path is not None and self.selected() is not None)

    # --- actions --------------------------------------------------------------------------
    def back_up(self) -> None:
        actor, db_path, folder = self.ctx.actor(), self.db_path, self.folder
        if db_path is None or folder is None:
            return  # the button is enabled only for a database file

        def work(_s, progress) -> BackupFile:
            progress(0, 0, "正在备份数据库和附件…")
            return backup.make_backup(db_path, folder, actor=actor)

        self.runner.run(
            work, use_session=False, on_done=self._backed_up, parent=self, progress="正在备份…"
        )

    def _backed_up(self, made: BackupFile) -> None:
        self.refresh()
        QMessageBox.information(self, "立即备份", f"已备份到：\n{made.path}")

    def restore_selected(self) -> None:
        chosen = self.selected()
        if chosen is None or self.db_path is None:
            return
        answer = QMessageBox.question(
            self,
            "恢复备份",
            f"确定用备份“{chosen.name}”替换当前数据吗？\n\n"
            "当前数据会先另行备份（“恢复前”备份）。恢复后程序将退出，请重新启动。",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        actor, db_path = self.ctx.actor(), self.db_path
        if not self.runner.wait():  # nothing else may hold the database while it is replaced
            QMessageBox.warning(self, "恢复备份", "还有操作正在进行，请稍后再试。")
            return
        self.database.close()

        def work(_s, _progress) -> None:
            backup.restore(chosen, db_path, actor)

        self.runner.run(
            work,
            use_session=False,
            on_done=self._restored,
            on_error=self._not_restored,
            parent=self,
            progress="正在恢复…",
        )

    def _not_restored(self, exc: BaseException) -> None:
        self.database.hold_again()  # the program goes on with the database it had
        show_error(self, exc)

    def _restored(self, _result: None) -> None:
        QMessageBox.information(self, "恢复备份", "已恢复，请重新启动程序。")
        QApplication.quit()

    def open_folder(self) -> None:
        if self.folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))
