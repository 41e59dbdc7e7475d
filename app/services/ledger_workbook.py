"""Reading a ledger workbook (.xlsx), whatever the file turns out to be: its cells, in bounded
memory and time, or a clear Chinese message naming the file.

openpyxl reads the workbook's small parts (sheet names, shared strings, styles, in read-only
mode); the sheet itself is streamed here with expat. openpyxl's own sheet readers build a cell
object for every cell of a merged range (A1:XFD1048576 is 17 billion), pad every row to the
width the file claims, keep an entry per row with a height, and stop at the first malformed cell.
Here a sheet is read up to MAX_ROWS non-empty rows, MAX_COLUMNS columns and MAX_CELLS cells, a
cell's text up to Excel's own limit, and a malformed cell becomes a problem of that cell only."""

from __future__ import annotations

import mmap
import re
import stat
import warnings
import zipfile
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Protocol, runtime_checkable
from xml.parsers import expat

from openpyxl.utils.datetime import from_excel, from_ISO8601

from app.errors import UserError

if TYPE_CHECKING:
    from openpyxl import Workbook

MAX_ROWS = 50_000  # data rows of one sheet; a larger ledger is imported in parts
HEAD_ROWS = 20  # room for the title and header lines above the data
MAX_COLUMNS = 200
MAX_CELLS = 1_000_000  # 50,000 rows of 20 columns
MAX_MERGES = 10_000
MAX_MERGE_FILL = 4_000_000  # cells a sheet's merged ranges may fill in all
CELL_CHARS = 32_767  # Excel's own limit for one cell
MAX_PART_BYTES = 48 * 2**20  # any part read whole: shared strings, styles, the workbook
MAX_SHEETS_BYTES = 256 * 2**20  # all worksheets together, uncompressed (streamed)
MAX_MEMBERS = 5_000
OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
FORMULA_NO_VALUE = "单元格是公式且没有计算结果，请在 Excel 中重新计算并保存"

_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d{1,7})$")


@dataclass
class SheetCells:
    """One worksheet's non-empty rows as Excel numbers them, each a list of values from column
    A (merged cells filled from their top-left cell), and the cells that could not be read."""

    name: str
    rows: list[tuple[int, list[Any]]]
    problems: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, column), 1-based


class _ReadOnlyBook(Protocol):
    _date_formats: Collection[int]
    _timedelta_formats: Collection[int]
    epoch: datetime


@runtime_checkable
class _ReadOnlySheet(Protocol):
    """A data sheet of a read-only workbook. openpyxl (3.1) keeps what its cells need in private
    attributes of the sheet and its workbook: the shared strings, the date styles, the sheet's
    XML part."""

    _shared_strings: Sequence[str]
    parent: _ReadOnlyBook

    def _get_source(self) -> AbstractContextManager[BinaryIO]: ...


def sheet_names(path: Path) -> list[str]:
    wb = _open(path)
    try:
        return list(wb.sheetnames)
    finally:
        wb.close()


def read_cells(path: Path, sheet: str | None = None) -> SheetCells:
    wb = _open(path)
    try:
        name = sheet or wb.sheetnames[0]
        if name not in wb.sheetnames:
            raise UserError(
                f"工作表：“{name}”不存在，可选：{'、'.join(wb.sheetnames)}。", field="工作表"
            )
        ws = wb[name]
        if not isinstance(ws, _ReadOnlySheet):
            raise UserError(f"工作表：“{name}”不是数据工作表（可能是图表）。", field="工作表")
        stream = _SheetStream(
            f"导入文件“{path.name}”的工作表“{name}”",
            name,
            ws._shared_strings,
            set(ws.parent._date_formats),
            set(ws.parent._timedelta_formats),
            ws.parent.epoch,
        )
        try:
            with ws._get_source() as xml:
                stream.feed(xml)
        except (zipfile.BadZipFile, EOFError, OSError) as exc:
            raise _damaged(path, exc) from None
        except expat.ExpatError as exc:
            raise UserError(
                f"导入文件“{path.name}”中的工作表“{name}”已损坏（{expat.ErrorString(exc.code)}，"
                f"XML 第 {exc.lineno} 行）。请在 Excel 中打开并另存为 .xlsx 后再导入。"
            ) from None
        return stream.result()
    finally:
        wb.close()


def _open(path: Path) -> Workbook:
    path = Path(path)
    _check_file(path)
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged or odd workbook
        raise _damaged(path, exc) from None
    if not wb.sheetnames:
        wb.close()
        raise UserError(f"导入文件“{path.name}”中没有工作表。")
    return wb


def _damaged(path: Path, exc: BaseException) -> UserError:
    return UserError(
        f"导入文件“{path.name}”已损坏或不是完整的 Excel 工作簿（{type(exc).__name__}），"
        "请在 Excel 中打开并另存为 .xlsx 后再导入。"
    )


def _check_file(path: Path) -> None:
    name = path.name
    try:
        info = path.stat()
    except FileNotFoundError:
        raise UserError(f"导入文件：找不到“{path}”。", field="导入文件") from None
    except OSError as exc:
        raise UserError(f"导入文件“{name}”无法读取：{exc.strerror or exc}。") from None
    if stat.S_ISDIR(info.st_mode):
        raise UserError(
            f"导入文件：“{name}”是文件夹，请选择 Excel 工作簿（.xlsx）文件。", field="导入文件"
        )
    if not stat.S_ISREG(info.st_mode):
        raise UserError(
            f"导入文件：“{name}”不是普通文件，请选择 Excel 工作簿（.xlsx）文件。", field="导入文件"
        )
    if info.st_size == 0:
        raise UserError(f"导入文件“{name}”是空文件（0 字节），不是 Excel 工作簿。")
    try:
        with path.open("rb") as f:
            head = f.read(512)
    except OSError as exc:
        raise UserError(f"导入文件“{name}”无法读取：{exc.strerror or exc}。") from None
    if head.startswith(OLE_MAGIC):
        raise UserError(_ole_message(path))
    if not head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        kind = (
            "内容是文本（可能是改了扩展名的 CSV 文件）"
            if _looks_like_text(head)
            else "格式无法识别"
        )
        raise UserError(
            f"导入文件“{name}”不是 Excel 工作簿（.xlsx）：{kind}。"
            "请在 Excel 中打开后另存为“Excel 工作簿（*.xlsx）”再导入。"
        )
    try:
        with zipfile.ZipFile(path) as zf:
            members = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise UserError(
            f"导入文件“{name}”已损坏或不完整（无法作为 .xlsx 压缩包打开），"
            "请重新复制或在 Excel 中重新保存后再导入。"
        ) from None
    _check_members(name, members)


def _ole_message(path: Path) -> str:
    """Excel's encrypted workbooks and its old .xls files are both OLE compound files."""
    with path.open("rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as data:
        encrypted = data.find("EncryptedPackage".encode("utf-16-le")) != -1
        old = data.find("Workbook".encode("utf-16-le")) != -1
    if encrypted:
        return f"导入文件“{path.name}”是加密的 Excel 文件，请在 Excel 中去除密码后另存再导入。"
    if old or path.suffix.lower() == ".xls":
        return (
            f"导入文件“{path.name}”是旧版 Excel 97-2003 工作簿（.xls），"
            "请在 Excel 中另存为“Excel 工作簿（*.xlsx）”后再导入。"
        )
    return (
        f"导入文件“{path.name}”是加密的 Excel 文件或旧版 Excel 97-2003 工作簿，"
        "请在 Excel 中去除密码并另存为 .xlsx 后再导入。"
    )


def _looks_like_text(head: bytes) -> bool:
    return not any(b < 0x20 and b not in (0x09, 0x0A, 0x0D) for b in head)


def _check_members(name: str, members: list[zipfile.ZipInfo]) -> None:
    if len(members) > MAX_MEMBERS:
        raise UserError(f"导入文件“{name}”包含 {len(members)} 个部件，不像台账工作簿，已拒绝。")
    names = {m.filename for m in members}
    if "[Content_Types].xml" not in names or not any(
        n.lower().endswith("workbook.xml") for n in names
    ):
        raise UserError(
            f"导入文件“{name}”不是 Excel 工作簿：它是压缩包，但其中没有工作簿内容"
            "（可能是其他压缩文件或 Word 文档）。"
        )
    sheets = 0
    for m in members:
        if m.filename.startswith("xl/worksheets/"):
            sheets += m.file_size
        elif m.file_size > MAX_PART_BYTES:
            raise UserError(
                f"导入文件“{name}”中的“{m.filename}”解压后有 {m.file_size // 2**20} MB，"
                f"超过导入上限 {MAX_PART_BYTES // 2**20} MB，已拒绝。"
            )
    if sheets > MAX_SHEETS_BYTES:
        raise UserError(
            f"导入文件“{name}”的工作表解压后共 {sheets // 2**20} MB，超过导入上限 "
            f"{MAX_SHEETS_BYTES // 2**20} MB。请只保留台账所在的工作表，或分成几个文件导入。"
        )


def _unescape(text: str) -> str:
    """OOXML writes characters XML cannot hold (control characters) as _xHHHH_."""

    def char(match: re.Match[str]) -> str:
        code = int(match[1], 16)
        return "\ufffd" if 0xD800 <= code <= 0xDFFF or code >= 0xFFFE else chr(code)

    return _ESCAPE.sub(char, text) if "_x" in text else text


def _column(letters: str) -> int:
    number = 0
    for ch in letters.upper():
        number = number * 26 + ord(ch) - 64
    return number


def _range(ref: str | None) -> tuple[int, int, int, int] | None:
    """ "B2:D5" -> (min_row, min_col, max_row, max_col); None if it is not a range."""
    first, _, last = (ref or "").partition(":")
    a, b = _REF.match(first), _REF.match(last or first)
    if not a or not b:
        return None
    rows = sorted((int(a[2]), int(b[2])))
    cols = sorted((_column(a[1]), _column(b[1])))
    return rows[0], cols[0], rows[1], cols[1]


class _SheetStream:
    """An expat pass over one worksheet's XML keeping only the values of non-empty rows."""

    def __init__(
        self,
        where: str,
        name: str,
        shared: Sequence[str],
        date_styles: set[int],
        timedelta_styles: set[int],
        epoch: datetime,
    ) -> None:
        self.where, self.name, self.shared, self.epoch = where, name, shared, epoch
        self.date_styles, self.timedelta_styles = date_styles, timedelta_styles
        self.rows: list[tuple[int, dict[int, Any]]] = []
        self.problems: dict[tuple[int, int], str] = {}
        self.merges: list[tuple[int, int, int, int]] = []
        self.stack: list[str] = []
        self.cell_count = 0
        self.row_number = 0
        self.row: dict[int, Any] | None = None
        self.in_cell = self.collecting = self.formula = False
        self.column, self.kind, self.style = 0, "n", 0
        self.text: list[str] = []
        self.text_length = 0

    def feed(self, xml: BinaryIO) -> None:
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.buffer_text = True
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._chars
        parser.ParseFile(xml)

    def _refuse(self, text: str) -> UserError:
        return UserError(f"{self.where}{text}")

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        tag = name.rpartition(" ")[2]
        parent = self.stack[-1] if self.stack else ""
        self.stack.append(tag)
        if self.in_cell:
            if tag == "f":
                self.formula = True
            elif (tag == "v" and parent == "c") or (
                tag == "t" and (parent == "is" or (parent == "r" and self.stack[-3] == "is"))
            ):
                self.collecting = True
        elif tag == "c" and parent == "row" and self.row is not None:
            self._begin_cell(attrs)
        elif tag == "row" and parent == "sheetData":
            self._begin_row(attrs)
        elif tag == "mergeCell" and parent == "mergeCells":
            merge = _range(attrs.get("ref"))
            if merge is not None:
                if len(self.merges) >= MAX_MERGES:
                    raise self._refuse(f"的合并单元格超过 {MAX_MERGES} 处，不像台账，已拒绝。")
                self.merges.append(merge)

    def _end(self, name: str) -> None:
        tag = self.stack.pop()
        if tag in ("v", "t"):
            self.collecting = False
        elif tag == "c" and self.in_cell and self.stack[-1] == "row":
            self._end_cell()
        elif tag == "row" and self.row is not None and self.stack[-1] == "sheetData":
            self._end_row()

    def _chars(self, data: str) -> None:
        if self.collecting:
            if self.text_length <= CELL_CHARS:
                self.text.append(data)
            self.text_length += len(data)

    def _begin_row(self, attrs: dict[str, str]) -> None:
        number = self.row_number + 1
        if "r" in attrs:
            try:
                number = int(attrs["r"])
            except ValueError:
                number = 0
        if not self.row_number < number <= 1_048_576:
            raise self._refuse(f"的行号“{attrs.get('r')}”无效或顺序错乱，文件可能已损坏。")
        self.row_number, self.row, self.column = number, {}, 0

    def _end_row(self) -> None:
        if self.row:
            if len(self.rows) >= MAX_ROWS + HEAD_ROWS:
                raise self._refuse(
                    f"超过 {MAX_ROWS} 行（不含空行），请把台账分成几个文件分别导入。"
                )
            self.rows.append((self.row_number, self.row))
        self.row = None

    def _begin_cell(self, attrs: dict[str, str]) -> None:
        ref = attrs.get("r")
        match = _REF.match(ref) if ref else None
        if ref and not match:
            raise self._refuse(f"第 {self.row_number} 行的单元格地址“{ref}”无效，文件可能已损坏。")
        self.column = _column(match[1]) if match else self.column + 1
        self.kind = attrs.get("t", "n")
        style = attrs.get("s", "0")
        self.style = int(style) if style.isdigit() else 0
        self.in_cell, self.formula, self.text, self.text_length = True, False, [], 0

    def _end_cell(self) -> None:
        self.in_cell = self.collecting = False
        value, problem = self._value("".join(self.text) if self.text else None)
        if self.text_length > CELL_CHARS and problem is None:
            problem = f"内容超过 {CELL_CHARS} 个字符（Excel 单元格的上限）"
        if self.formula and value is None and problem is None:
            problem = FORMULA_NO_VALUE
        if (value is None or value == "") and problem is None:
            return
        if self.column > MAX_COLUMNS:
            raise self._refuse(
                f"第 {self.row_number} 行第 {self.column} 列有内容：最多读取前 {MAX_COLUMNS} 列，"
                "请删除多余的列后另存再导入。"
            )
        self.cell_count += 1
        if self.cell_count > MAX_CELLS:
            raise self._refuse(f"的单元格超过 {MAX_CELLS} 个，请把台账分成几个文件分别导入。")
        assert self.row is not None  # a cell is begun only inside a row
        self.row[self.column] = value
        if problem:
            self.problems[self.row_number, self.column] = problem

    def _value(self, text: str | None) -> tuple[Any, str | None]:
        """The cell's value as openpyxl would give it, or a problem with the cell."""
        kind = self.kind
        if text is None:
            return None, None
        if kind == "s":
            try:
                return _unescape(self.shared[int(text)]), None
            except (ValueError, IndexError):
                return None, "单元格引用的文字不存在（文件可能已损坏）"
        if kind in ("inlineStr", "str"):
            return _unescape(text), None
        if kind == "b":
            flag = {"1": True, "true": True, "0": False, "false": False}.get(text.strip())
            return (flag, None) if flag is not None else (text, "逻辑值无效（文件可能已损坏）")
        if kind == "e":
            return text, f"单元格是错误值“{text}”，请在 Excel 中改正"
        if kind == "d":
            try:
                return from_ISO8601(text), None
            except (ValueError, TypeError):
                return text, "日期无效（文件可能已损坏）"
        try:
            number = float(text) if any(ch in text for ch in ".eE") else int(text)
        except ValueError:
            return text, "数字无效（文件可能已损坏）"
        if (
            isinstance(number, float)
            and number != number
            or number in (float("inf"), -float("inf"))
        ):
            return text, "数字无效（文件可能已损坏）"
        if self.style in self.date_styles:
            try:
                return from_excel(number, self.epoch, self.style in self.timedelta_styles), None
            except (OverflowError, ValueError):
                return number, f"单元格是日期格式，但数值 {text} 超出了日期的范围"
        return number, None

    def result(self) -> SheetCells:
        self._fill_merges()
        width = max((max(cells) for _, cells in self.rows), default=0)
        rows = [
            (number, [cells.get(c) for c in range(1, width + 1)]) for number, cells in self.rows
        ]
        return SheetCells(self.name, rows, self.problems)

    def _fill_merges(self) -> None:
        """Empty cells of a merged range take its top-left value (merged header cells, an
        issuer merged down a block of rows), within the columns the sheet uses."""
        if not self.merges or not self.rows:
            return
        numbers = [number for number, _ in self.rows]
        width = max(max(cells) for _, cells in self.rows)
        budget = MAX_MERGE_FILL
        for min_row, min_col, max_row, max_col in self.merges:
            first = bisect_left(numbers, min_row)
            if first == len(numbers) or numbers[first] != min_row or min_col > width:
                continue  # the top-left cell's row is empty
            top_left = self.rows[first][1].get(min_col)
            if top_left is None:
                continue
            last = bisect_right(numbers, max_row)
            budget -= (last - first) * (min(max_col, width) - min_col + 1)
            if budget < 0:
                raise self._refuse("的合并单元格相互重叠或范围过大，不像台账，已拒绝。")
            for _, cells in self.rows[first:last]:
                for column in range(min_col, min(max_col, width) + 1):
                    if cells.get(column) is None:
                        cells[column] = top_left
