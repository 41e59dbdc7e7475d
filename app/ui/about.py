from PySide6.QtWidgets import QMessageBox, QWidget

from app import APP_TITLE, __version__
from app.config import data_dir
from app.logs import log_path


def show_about(parent: QWidget, database: str) -> None:
    QMessageBox.about(
        parent,
        "关于 NormDesk",
        f"<h3>{APP_TITLE}（NormDesk）</h3>"
        f"<p>版本 {__version__}</p>"
        "<p>行政规范性文件统一登记、统一编号、统一发布，合法性审核、备案、有效期与清理管理。</p>"
        f"<p>数据库：{database}<br>数据目录：{data_dir()}<br>日志：{log_path()}</p>",
    )
