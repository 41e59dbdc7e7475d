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
