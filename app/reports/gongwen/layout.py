"""The GB/T 9704-2012 page both renderers share: A4, the 156 × 225 mm text block 37 mm from the
top and 28 mm from the left, 22 lines of 28 characters in 3号 (16 pt), and the sizes of the other
elements. Lengths in PDF points unless a name says otherwise."""

from __future__ import annotations

import math

from reportlab.lib.units import mm

PAGE_WIDTH = 210 * mm
PAGE_HEIGHT = 297 * mm
TOP = 37 * mm
LEFT = 28 * mm
BLOCK_WIDTH = 156 * mm
BLOCK_HEIGHT = 225 * mm
BOTTOM = PAGE_HEIGHT - TOP - BLOCK_HEIGHT  # 35 mm
RIGHT = PAGE_WIDTH - LEFT - BLOCK_WIDTH  # 26 mm

LINES = 22  # a page
CHARS = 28  # a line
LINE_PITCH = BLOCK_HEIGHT / LINES
CHAR_PITCH = BLOCK_WIDTH / CHARS

TITLE_SIZE = 22.0  # 2号
BODY_SIZE = 16.0  # 3号
TABLE_SIZE = 12.0  # 小4号
FOLIO_SIZE = 14.0  # 4号: page numbers
RECORD_SIZE = 14.0  # 4号: 版记

BODY_CHAR_SPACE = CHAR_PITCH - BODY_SIZE  # added after every character so CJK cells hit the grid

SEAL_DIAMETER = 42 * mm
FOLIO_GAP = 7 * mm  # from the text block's lower edge down to the page number's dashes
THICK_RULE = 0.35 * mm  # 版记: first and last rule
THIN_RULE = 0.25 * mm  # 版记: rules between

# Where a glyph box sits on its grid line: CJK faces draw from about -0.12 em to 0.88 em, so a
# baseline 0.38 em below the line's middle centres the characters in it.
_CENTRE_ABOVE_BASELINE = 0.38


def line_top(line: int) -> float:
    """The upper edge (y, from the page's foot) of grid line `line` (0 = first)."""
    return PAGE_HEIGHT - TOP - line * LINE_PITCH


def baseline(line: int, size: float = BODY_SIZE) -> float:
    """The baseline of text in `size` centred on grid line `line`."""
    return line_top(line) - LINE_PITCH / 2 - _CENTRE_ABOVE_BASELINE * size


def folio_baseline() -> float:
    """Page numbers: their dashes (at the face's middle) 7 mm below the text block."""
    return BOTTOM - FOLIO_GAP - _CENTRE_ABOVE_BASELINE * FOLIO_SIZE * 0.9


def folio(number: int) -> str:
    """A page number as the standard writes it: "— 1 —"."""
    return f"\u2014 {number} \u2014"


def twips(points: float) -> int:
    return round(points * 20)


# Word and LibreOffice fit floor(block height / pitch) lines on a page: 579 twips (28.95 pt)
# gives 22 lines where the rounded 580 would give 21.
LINE_PITCH_TWIPS = int(LINE_PITCH * 20)
# LibreOffice draws a character wider than the grid's cell over two cells (Word compresses it),
# so body text does not snap to the character grid: it is tightened by whole twentieths of a
# point instead, 28 characters in 441 of the line's 442.2 pt, justified to the full width.
BODY_TRACKING_TWIPS = math.floor((CHAR_PITCH - BODY_SIZE) * 20)
