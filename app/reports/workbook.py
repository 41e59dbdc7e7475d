"""The shared workbook layer: write-only sheets with Chinese headers, widths, a frozen header row,
real dates, and text that can never turn into a formula nor hold a character a sheet cannot."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from app.atomic_files import replacing
from app.reports.page import Cancelled
from app.services.fields import printable

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

FORMULA_STARTS = ("=", "+", "-", "@")
DATE_FORMAT = "yyyy-mm-dd"
PORTRAIT_CHARS = 95  # about what an A4 page's width holds upright at Excel's default font


def print_setup(ws: WriteOnlyWorksheet, title: str, widths: Sequence[float]) -> None:
    """Printed from Excel or WPS as a register should be: A4, landscape when the columns are
    wide, one page wide, the header row on every page, the title above and 第 N 页 below."""
    sheet = cast(Worksheet, ws)  # a write-only sheet passes these on to the sheet it writes
    setup = sheet.page_setup
    setup.paperSize = Worksheet.PAPERSIZE_A4
    setup.orientation = "landscape" if sum(widths) > PORTRAIT_CHARS else "portrait"
    setup.fitToWidth = 1
    setup.fitToHeight = 0  # as many pages down as the rows need
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = "1:1"
    header, footer = sheet.oddHeader, sheet.oddFooter
    if header is not None and footer is not None:
        header.center.text = title.replace("&", "&&")  # & starts a header code
        header.center.size = 14
        footer.center.text = "第 &P 页 共 &N 页"


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
    wb: Workbook, title: str, widths: Sequence[float], headers: Sequence[str]
) -> WriteOnlyWorksheet:
    """A new write-only sheet with its print setup, column widths and a bold, shaded, frozen
    header row."""
    ws = wb.create_sheet(title[:31])
    ws.freeze_panes = "A2"
    print_setup(ws, title, widths)
    for i, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDDDDD")
    row = []
    for text in headers:
        c = WriteOnlyCell(ws, value=text)
        c.font, c.fill, c.alignment = bold, fill, Alignment(horizontal="center")
        row.append(c)
    ws.append(row)
    return ws


def write_sheet(
    target: Path,
    sheet: str,
    fields: Sequence[Field],
    rows: Iterable[Any],
    total: int,
    progress: Callable[[int, int], bool] | None = None,
    notes: Sequence[str] = (),
) -> int:
    """Write one sheet, `notes` in the first column under the rows after an empty one; returns
    the number of data rows."""
    wb = Workbook(write_only=True)
    ws = start_sheet(wb, sheet, [f.width for f in fields], [f.header for f in fields])
    count = 0
    for count, row in enumerate(rows, 1):
        ws.append([cell(ws, f.value(row)) for f in fields])
        if progress and count % 2000 == 0 and not progress(count, total):
            raise Cancelled()
    if notes:
        ws.append([])
    for note in notes:
        ws.append([cell(ws, note)])
    with replacing(target) as part:
        wb.save(part)
    return count
