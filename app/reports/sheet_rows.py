"""The data rows of a long sheet, written as the sheet's XML text straight into the saved workbook.

openpyxl builds, styles and serialises a cell object for every value (about 30 µs a cell on the
office PC, minutes for a 100,000-row register), with lxml or without it. Here openpyxl still
writes the workbook around the rows (styles, widths, print setup, the title and header rows);
the rows themselves are streamed into its sheet as the same XML openpyxl writes for them
(inline strings, real dates, a handful of shared styles), so memory stays flat and nothing a
clerk sees changes."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from io import BytesIO
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any
from xml.etree.ElementTree import tostring
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell._writer import etree_write_cell
from openpyxl.compat import safe_string
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel

from app.services.fields import printable, refused_character

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

# what openpyxl stores as an error value rather than text (openpyxl.cell.cell.ERROR_CODES)
ERROR_CODES = frozenset(("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"))
LONGEST = 32767  # characters a cell holds; openpyxl cuts longer text there
FLUSHED = 500  # rows joined and compressed at a time


class RowWriter:
    """Renders rows for one sheet of `wb`: `wraps` are the column indexes whose text wraps
    (`wrap` alignment, also on their empty cells, as workbook.wrapped gives them); dates show as
    `date_format`. Made before the workbook is saved, so its few styles are in styles.xml."""

    def __init__(
        self,
        ws: WriteOnlyWorksheet,
        columns: int,
        wraps: set[int],
        wrap: Alignment,
        date_format: str,
    ) -> None:
        plain = _style_id(ws, None, None)
        wrapped = _style_id(ws, wrap, None)
        dated = _style_id(ws, None, date_format)
        wrapped_date = _style_id(ws, wrap, date_format)
        self.ws = ws
        self.letters = [get_column_letter(i) for i in range(1, columns + 1)]
        self.styles = [wrapped if i in wraps else plain for i in range(columns)]
        self.date_styles = [wrapped_date if i in wraps else dated for i in range(columns)]
        self.wraps = wraps
        self.wrap, self.date_format = wrap, date_format
        self._days: dict[date, str] = {}

    def row(self, number: int, values: Sequence[Any]) -> str:
        """The row's XML. Texts are checked for characters a sheet cannot hold once a row; a row
        with one (stored before the checks existed) is written again without them."""
        xml = self._xml(number, values, _text)
        if refused_character(xml) is not None:
            xml = self._xml(number, values, _printable_text)
        return xml

    def _xml(self, number: int, values: Sequence[Any], text: Callable[[str, str, str], str]) -> str:
        parts = [f'<row r="{number}">']
        add = parts.append
        cells = zip(self.letters, self.styles, self.date_styles, values, strict=False)
        for i, (letter, style, date_style, value) in enumerate(cells):
            kind = type(value)
            if kind is str:
                add(text(f"{letter}{number}", style, value))
            elif value is None:
                if style:
                    add(f'<c r="{letter}{number}"{style} t="n"/>')
            elif kind is date or kind is datetime:
                add(f'<c r="{letter}{number}"{date_style} t="n"><v>{self._day(value)}</v></c>')
            elif kind is int or kind is float or kind is Decimal:
                add(f'<c r="{letter}{number}"{style} t="n"><v>{_number(value)}</v></c>')
            else:
                add(self._other(number, i, value))
        add("</row>")
        return "".join(parts)

    def _day(self, value: date) -> str:
        shown = self._days.get(value)
        if shown is None:
            shown = self._days[value] = _number(to_excel(value))
        return shown

    def _other(self, number: int, i: int, value: Any) -> str:
        """Any other value (a bool, a subclass of str or date, a time) as openpyxl writes it."""
        c = WriteOnlyCell(self.ws)
        c.value = printable(value) if isinstance(value, str) else value
        if isinstance(value, date):
            c.number_format = self.date_format
        if i in self.wraps:
            c.alignment = self.wrap
        if isinstance(value, str) and c.data_type == "f":
            c.data_type = "s"  # text is never a formula
        c.row, c.column = number, i + 1
        found: list[Any] = []
        etree_write_cell(_Collector(found), self.ws, c, c.has_style)
        return tostring(found[0], encoding="unicode")


class _Collector:
    def __init__(self, found: list[Any]) -> None:
        self.write = found.append


def _style_id(
    ws: WriteOnlyWorksheet, alignment: Alignment | None, number_format: str | None
) -> str:
    """The ` s="N"` attribute of a cell styled so, registered in the workbook; "" unstyled."""
    if alignment is None and number_format is None:
        return ""
    c = WriteOnlyCell(ws)
    if number_format is not None:
        c.number_format = number_format
    if alignment is not None:
        c.alignment = alignment
    return f' s="{c.style_id}"'


def _number(value: Any) -> str:
    return safe_string(value)  # as openpyxl writes it: 16 significant digits, "" for nan


def _printable_text(ref: str, style: str, value: str) -> str:
    return _text(ref, style, printable(value))


def _text(ref: str, style: str, value: str) -> str:
    if len(value) > LONGEST:
        value = value[:LONGEST]
    if not value:
        return f'<c r="{ref}"{style} t="inlineStr"/>'
    if value in ERROR_CODES:
        return f'<c r="{ref}"{style} t="e"><v>{value}</v></c>'
    if "&" in value or "<" in value or ">" in value:
        value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    space = ' xml:space="preserve"' if value[0].isspace() or value[-1].isspace() else ""
    return f'<c r="{ref}"{style} t="inlineStr"><is><t{space}>{value}</t></is></c>'


def save_with_rows(
    wb: Workbook,
    ws: WriteOnlyWorksheet,
    target: Path,
    first: int,
    rows: Iterable[Sequence[Any]],
    writer: RowWriter,
) -> None:
    """Save `wb` to `target` with `rows` (lists of values) in `ws` from row `first` on, after
    the rows openpyxl wrote."""
    shell = BytesIO()
    wb.save(shell)
    sheet = ws.path.lstrip("/")
    with ZipFile(shell) as source, ZipFile(target, "w", ZIP_DEFLATED, allowZip64=True) as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename != sheet:
                out.writestr(info, data)
                continue
            entry = ZipInfo(info.filename, info.date_time)
            entry.compress_type = ZIP_DEFLATED
            with out.open(entry, "w", force_zip64=True) as part:
                _write_sheet(part, data, first, rows, writer)


def _write_sheet(
    part: IO[bytes],
    xml: bytes,
    first: int,
    rows: Iterable[Sequence[Any]],
    writer: RowWriter,
) -> None:
    if b"</sheetData>" in xml:
        head, tail = xml.split(b"</sheetData>", 1)
    else:  # a sheet openpyxl wrote no row in
        head, tail = xml.split(b"<sheetData/>", 1)
        head += b"<sheetData>"
    part.write(head)
    pending: list[str] = []
    for number, values in enumerate(rows, first):
        pending.append(writer.row(number, values))
        if len(pending) == FLUSHED:
            part.write("".join(pending).encode())
            pending.clear()
    part.write("".join(pending).encode())
    part.write(b"</sheetData>" + tail)
