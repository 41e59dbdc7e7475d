from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderPage(QWidget):
    """A section whose view has not been built yet: says so plainly."""

    def __init__(self, title: str, description: str) -> None:
        super().__init__()
        heading = QLabel(f"<h2>{title}</h2>")
        body = QLabel(description)
        body.setWordWrap(True)
        body.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(body, 1)


def statistics_page(_database) -> PlaceholderPage:
    return PlaceholderPage("统计", "年度法治政府建设报告所需的统计数据。")
