"""The shared workbook layer: write-only sheets with a title row, Chinese headers, column widths
that fit Chinese text, a frozen header row repeated on every printed page, real dates, and text
that can never turn into a formula nor hold a character a sheet cannot."""

from __future__ import annotations

import errno
import os
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from app.atomic_files import replacing
from app.reports.page import Cancelled
from app.reports.sheet_rows import RowWriter, save_with_rows
from app.services.fields import printable

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

FORMULA_STARTS = ("=", "+", "-", "@")
DATE_FORMAT = "yyyy-mm-dd"
PORTRAIT_CHARS = 95  # about what an A4 page's width holds upright at Excel's default font
WIDEST = 50  # a column is never wider (about 25 Chinese characters); longer text wraps
NARROWEST = 6
SAMPLED = 500  # rows read ahead to fit the widths (a write-only sheet sets them before rows)
TITLE_ROW, HEADER_ROW = 1, 2


def print_setup(
    ws: WriteOnlyWorksheet,
    title: str,
    widths: Sequence[float],
    header_row: int = HEADER_ROW,
    landscape: bool | None = None,
) -> None:
    """Printed from Excel or WPS as a register should be: A4, landscape when the columns are
    wide (or as `landscape` says), one page wide, the header row on every page, 第 N 页 below.
    `title` is the sheet's title row, so it is not repeated in the page header."""
    sheet = cast(Worksheet, ws)  # a write-only sheet passes these on to the sheet it writes
    setup = sheet.page_setup
    setup.paperSize = Worksheet.PAPERSIZE_A4
    if landscape is None:
        landscape = sum(widths) > PORTRAIT_CHARS
    setup.orientation = "landscape" if landscape else "portrait"
    setup.fitToWidth = 1
    setup.fitToHeight = 0  # as many pages down as the rows need
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.print_options.horizontalCentered = True
    footer = sheet.oddFooter
    if footer is not None:
        footer.center.text = "第 &P 页 共 &N 页"


def text_width(value: object) -> float:
    """How wide `value` shows in a cell, in Excel's character units: a Chinese (wide) character
    takes about two, a Latin one one; the longest line of a multi-line text counts."""
    if value is None:
        return 0
    if isinstance(value, datetime):
        return 19
    if isinstance(value, date):
        return 10
    text = printable(str(value)) if isinstance(value, str) else str(value)
    return max(
        sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
        for line in text.split("\n")
    )


def fitted_widths(
    headers: Sequence[str], rows: Sequence[Sequence[object]], widest: float = WIDEST
) -> list[float]:
    """Column widths that hold each header and the sampled rows' values, capped at `widest`
    (such a column wraps its text)."""
    widths = []
    for i, header in enumerate(headers):
        longest = max((text_width(row[i]) for row in rows if i < len(row)), default=0)
        bold = text_width(header) * 1.1  # the header row is bold
        widths.append(round(min(widest, max(NARROWEST, bold, longest) + 2), 1))
    return widths


@contextmanager
def sheet_writes() -> Iterator[None]:
    """A write-only sheet streams its rows to a scratch file as they are appended; lxml reports a
    failed write there (a full disk) as its own SerialisationError. Raised as the OSError it is,
    the failure is explained to the clerk as a full disk, not as a bug."""
    try:
        yield
    except Exception as exc:
        if type(exc).__name__ != "SerialisationError":  # lxml.etree's, without importing lxml
            raise
        code = next((c for c in (errno.ENOSPC, errno.EFBIG) if errno.errorcode[c] in str(exc)), 0)
        raise OSError(code or errno.EIO, os.strerror(code or errno.EIO)) from exc


@dataclass(frozen=True)
class Field:
    header: str
    width: float  # in Excel character units
    value: Callable[[Any], Any]


def cell(ws: WriteOnlyWorksheet, value: object) -> object:
    """What a write-only sheet's row holds for `value`: the value, or a cell formatting it."""
    if isinstance(value, str):
        value = printable(value)  # a control character stored earlier would abort the save
    if isinstance(value, date):
        c = WriteOnlyCell(ws)
        c.value = value  # typeshed's WriteOnlyCell(value=…) leaves out dates, Cell.value has them
        c.number_format = DATE_FORMAT
        return c
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        c = WriteOnlyCell(ws, value=value)
        c.data_type = "s"  # stays text: never evaluated as a formula
        return c
    return value


def start_sheet(
    wb: Workbook,
    title: str,
    widths: Sequence[float],
    headers: Sequence[str],
    landscape: bool | None = None,
    heading: str = "",
) -> WriteOnlyWorksheet:
    """A new write-only sheet named `title` with its print setup, column widths, the title row
    (`heading`, else `title`, centred over the columns) and a bold, shaded, frozen header row
    under it."""
    ws = wb.create_sheet(title[:31])
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    print_setup(ws, title, widths, landscape=landscape)
    for i, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.row_dimensions[TITLE_ROW].height = 30
    centred = Alignment(horizontal="centerContinuous", vertical="center")
    caption = []
    for i in range(max(1, len(headers))):
        c = WriteOnlyCell(ws, value=printable(heading or title) if i == 0 else None)
        c.alignment = centred  # centred across the empty cells beside it, without a merge
        if i == 0:
            c.font = Font(bold=True, size=16)
        caption.append(c)
    ws.append(caption)
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDDDDD")
    row = []
    for text in headers:
        c = WriteOnlyCell(ws, value=text)
        c.font, c.fill = bold, fill
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        row.append(c)
    ws.append(row)
    return ws


def wrapped(ws: WriteOnlyWorksheet, value: object) -> object:
    """`cell(ws, value)` whose text wraps within its column."""
    made = cell(ws, value)
    c = made if isinstance(made, Cell) else WriteOnlyCell(ws, value=cast(Any, made))
    c.alignment = WRAP
    return c


WRAP = Alignment(wrap_text=True, vertical="top")


def write_sheet(
    target: Path,
    sheet: str,
    fields: Sequence[Field],
    rows: Iterable[Any],
    total: int,
    progress: Callable[[int, int], bool] | None = None,
    notes: Sequence[str] = (),
    landscape: bool | None = None,
    widest: float = WIDEST,
    heading: str = "",
) -> int:
    """Write one sheet named `sheet` (its title row `heading`, else the name), `notes` in the
    first column under the rows after an empty one; returns the number of data rows. Column widths fit the headers and the first
    rows' values (at least each field's width when there are no rows); a column held at
    `widest` wraps its text."""
    wb = Workbook(write_only=True)
    remaining = iter(rows)
    ahead = list(islice(remaining, SAMPLED))
    headers = [f.header for f in fields]
    if ahead:
        widths = fitted_widths(headers, [[f.value(r) for f in fields] for r in ahead], widest)
    else:
        widths = [max(f.width, w) for f, w in zip(fields, fitted_widths(headers, []), strict=True)]
    wraps = {i for i, w in enumerate(widths) if w >= widest}
    ws = start_sheet(wb, sheet, widths, headers, landscape, heading)
    writer = RowWriter(ws, len(fields), wraps, WRAP, DATE_FORMAT)
    values = [f.value for f in fields]
    count = 0

    def body() -> Iterator[list[Any]]:
        nonlocal count
        for count, row in enumerate(chain(ahead, remaining), 1):
            yield [value(row) for value in values]
            if progress and count % 2000 == 0 and not progress(count, total):
                raise Cancelled()
        if notes:
            yield []
        for note in notes:
            yield [note]

    with replacing(target) as part:
        save_with_rows(wb, ws, part, HEADER_ROW + 1, body(), writer)
    return count
