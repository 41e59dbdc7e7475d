"""The GUI's colours and the style sheets of its small texts, defined once."""

from __future__ import annotations

from PySide6.QtGui import QColor

from app.services.vocabulary import DeadlineState, ReviewStatus

STATE_COLORS = {  # row backgrounds; concluded and running cases keep the normal colours
    DeadlineState.OVERDUE: QColor(255, 205, 200),
    DeadlineState.DUE_SOON: QColor(255, 231, 170),
    ReviewStatus.PAUSED: QColor(226, 226, 226),
    ReviewStatus.RETURNED: QColor(226, 226, 226),
}
ROW_TEXT = QColor(30, 30, 30)  # dark text stays readable on the light state colours

ERROR_STYLE = "color: #b00020;"  # a refusal, above a form's buttons
OK_STYLE = "color: #1b5e20;"  # a check passed (a connection tested, the data found sound)
CAUTION_STYLE = "color: #8a5a00;"  # a warning the clerk may go past
HELP_STYLE = "color: #666666;"  # what a field means
MUTED_STYLE = "color: #555555;"  # where a figure comes from
BANNER_STYLE = "background: #fff1c7; color: #6b4500; border: 1px solid #e0b552; padding: 4px 8px;"
