"""The geometry of a letter's table, shared by both renderers: column widths, which columns are
centred, each cell's lines and each row's height. Rows are whole half grid lines high and a
table (or the part of it on a page) whole grid lines, so the text after it stays on the grid."""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth

from app.reports.gongwen import layout as g
from app.reports.gongwen.breaking import break_lines
from app.reports.gongwen.model import TableBlock

PAD_X = 5.4  # Word's default cell margin, 108 twips
PAD_Y = 3.0
LEADING = g.TABLE_SIZE * 1.3
HALF_LINE = g.LINE_PITCH / 2
RULE = 0.75


@dataclass(frozen=True)
class Row:
    cells: tuple[tuple[str, ...], ...]  # each cell's lines
    height: float  # a whole number of half grid lines
    header: bool = False


def column_widths(table: TableBlock) -> list[float]:
    """The table's columns across the text block by their shares (an equal share where one is
    missing)."""
    count = len(table.header)
    shares = [*table.shares[:count], *([1.0 / count] * (count - len(table.shares)))]
    total = sum(shares) or 1.0
    return [g.BLOCK_WIDTH * share / total for share in shares]


def centred_columns(table: TableBlock) -> set[int]:
    """Columns of short values (序号, 件数) are centred; the others start at the left."""
    return {
        c
        for c in range(len(table.header))
        if table.rows and all(len(row[c]) <= 4 for row in table.rows if c < len(row))
    }


def rows(table: TableBlock, font_name: str) -> list[Row]:
    """The header row and the body rows, their cells broken into lines."""
    widths = column_widths(table)

    def row(values: tuple[str, ...], header: bool) -> Row:
        padded = [*values[: len(widths)], *[""] * (len(widths) - len(values))]
        cells = []
        for text, width in zip(padded, widths, strict=True):
            advances = [stringWidth(c, font_name, g.TABLE_SIZE) for c in text]
            room = width - 2 * PAD_X
            cells.append(tuple(break_lines(text, advances, room, room)))
        lines = max(len(cell) for cell in cells) if cells else 1
        return Row(tuple(cells), row_height(lines), header)

    return [row(table.header, True), *(row(values, False) for values in table.rows)]


def whole_lines(heights: list[float]) -> int:
    """Grid lines a run of rows fills (an odd half line is added to the last row)."""
    return math.ceil(sum(heights) / g.LINE_PITCH - 1e-6)


def row_height(lines: int) -> float:
    return math.ceil((lines * LEADING + 2 * PAD_Y) / HALF_LINE - 1e-9) * HALF_LINE


def split(row: Row, room: float) -> tuple[Row, Row]:
    """A row too tall for any page in two: as many lines as fit in `room`, and the rest."""
    lines = max(1, int((room - 2 * PAD_Y) // LEADING))
    while lines > 1 and row_height(lines) > room + 1e-6:
        lines -= 1
    head = tuple(cell[:lines] for cell in row.cells)
    tail = tuple(cell[lines:] for cell in row.cells)
    rest = max(len(cell) for cell in tail)
    return Row(head, row_height(lines), row.header), Row(tail, row_height(rest), row.header)
