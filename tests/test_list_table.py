"""A list's title-like column takes the room the others leave, and never goes below a readable
width (a Stretch column shrank the filing list's 文件名称 to a few characters at 125 %)."""

from __future__ import annotations

import pytest

from app.ui.widgets.list_model import FILL_MIN_CHARS, Column, RowsModel, rows_table
from tests.widgets import shown

COLUMNS = [
    Column("日期", lambda r: r, 100),
    Column("文件名称", lambda r: r),
    Column("结果", str, 300),
]


@pytest.mark.parametrize("width", [380, 1200])
def test_the_filling_column_takes_the_room_left_but_stays_readable(qtbot, width):
    model = RowsModel(COLUMNS)
    table = shown(qtbot, rows_table(model), size=(width, 300))
    qtbot.wait(10)
    header = table.horizontalHeader()
    least = table.fontMetrics().horizontalAdvance("国") * FILL_MIN_CHARS
    room = table.viewport().width() - 100 - 300
    assert header.sectionSize(1) == max(least, room)
    if width == 380:
        assert table.horizontalScrollBar().maximum() > 0  # the table scrolls instead
    else:
        assert header.sectionSize(1) == room > least
    header.resizeSection(2, 200)  # the clerk narrows another column: the title takes it
    if width == 1200:
        assert header.sectionSize(1) == room + 100
