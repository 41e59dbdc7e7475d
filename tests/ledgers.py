"""Messy ledgers as offices keep them, made by the tests."""

import zipfile
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

from openpyxl import Workbook

HEADER_TOP = ["序号", "文件名称", "发文字号", "日期", None, "有效期", "状态", "制定机关", "备注"]
HEADER_SUB = [None, None, None, "公布日期", "施行日期", None, None, None, None]


def messy_ledger(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "2015-2025台账"
    ws.append(["河清市民政局行政规范性文件台账"])
    ws.merge_cells("A1:I1")
    ws.append(HEADER_TOP)
    ws.append(HEADER_SUB)
    for col in "ABCFGHI":
        ws.merge_cells(f"{col}2:{col}3")
    ws.merge_cells("D2:E2")
    rows = [
        [
            1,
            "河清市城乡居民最低生活保障管理办法",
            "河民发[2022]7号",
            "2022/4/11",
            "2022年5月1日",
            "5年",
            "有效",
            "河清市民政局",
            "",
        ],
        [
            2,
            "河清市临时救助实施办法",
            "河民发（2021）3号",
            datetime(2021, 3, 2),
            44287,
            "2026-03-31",
            "现行有效",
            "民政局",
            "",
        ],
        None,
        [
            3,
            "河清市养老服务补贴暂行办法",
            "河民发〔2019〕12号",
            "2019.6.1",
            None,
            None,
            "已废止",
            "MZ",
            "被2023年办法取代",
        ],
        [
            4,
            "公式日期的文件",
            "河民发〔2020〕1号",
            "=DATE(2020,1,1)",
            None,
            None,
            "有效",
            "河清市民政局",
            "",
        ],
        [5, "超" * 301, "河民发〔2020〕2号", "2020-02-02", None, None, "有效", "河清市民政局", ""],
        [
            6,
            "重复文号的文件",
            "河民发[2022]7号",
            "2022-08-01",
            None,
            None,
            "有效",
            "河清市民政局",
            "",
        ],
        [
            7,
            "未知机关的文件",
            "某发〔2020〕9号",
            "2020-03-03",
            None,
            None,
            "有效",
            "不存在的局",
            "",
        ],
        [
            8,
            "日期写错的文件",
            "河民发〔2020〕5号",
            "2020年13月1日",
            None,
            None,
            "有效",
            "河清市民政局",
            "",
        ],
        None,
        [9, "-关于调整城乡低保标准的通知", "", "20200606", None, None, "失效", "河清市民政局", ""],
        [10, '=HYPERLINK("x")', "", "2020-07-07", None, None, "有效", "河清市民政局", ""],
    ]
    for row in rows:
        ws.append(row or [])
    wb.save(path)
    return path


# --- Hostile and odd files: each builder writes one to `path` and returns it. ---

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PARTS = {
    "[Content_Types].xml": (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_REL_NS}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    ),
    "xl/workbook.xml": (
        f'<workbook xmlns="{MAIN_NS}" xmlns:r="{_REL_NS}">'
        '<sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{_REL_NS}/styles" Target="styles.xml"/>'
        "</Relationships>"
    ),
    "xl/styles.xml": (  # style 1 is a date (numFmtId 14)
        f'<styleSheet xmlns="{MAIN_NS}"><fonts count="1"><font><sz val="11"/></font></fonts>'
        '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
        '<borders count="1"><border/></borders>'
        '<cellStyleXfs count="1"><xf/></cellStyleXfs>'
        '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        "</styleSheet>"
    ),
}


def text_cell(ref: str, text: str) -> str:
    """An inline string cell; `text` is put into the XML as it is (escape it yourself)."""
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def write_xlsx(path: Path, rows: Iterable[str], tail: str = "", dimension: str = "") -> Path:
    """A workbook written as raw XML, one `<row>` string at a time (fast, any content):
    what openpyxl would refuse to write or would take minutes for."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for name, xml in _PARTS.items():
            zf.writestr(name, f'<?xml version="1.0" encoding="UTF-8"?>\n{xml}')
        with zf.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(
                f'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="{MAIN_NS}">'.encode()
            )
            if dimension:
                sheet.write(f'<dimension ref="{dimension}"/>'.encode())
            sheet.write(b"<sheetData>")
            chunk: list[str] = []
            for row in rows:
                chunk.append(row)
                if len(chunk) == 5000:
                    sheet.write("".join(chunk).encode())
                    chunk.clear()
            sheet.write("".join(chunk).encode())
            sheet.write(f"</sheetData>{tail}</worksheet>".encode())
    return path


LEDGER_HEADER = ("文件名称", "发文字号", "公布日期", "制定机关")


def _header_row() -> str:
    cells = "".join(text_cell(f"{c}1", h) for c, h in zip("ABCD", LEDGER_HEADER, strict=True))
    return f'<row r="1">{cells}</row>'


def many_rows_ledger(path: Path, rows: int = 200_000) -> Path:
    """`rows` valid data rows (dates as serial numbers in a date style)."""

    def data():
        yield _header_row()
        for n in range(2, rows + 2):
            yield (
                f'<row r="{n}">{text_cell(f"A{n}", f"文件{n}")}'
                f'<c r="C{n}" s="1"><v>{44000 + n % 900}</v></c>{text_cell(f"D{n}", "MZ")}</row>'
            )

    return write_xlsx(path, data(), dimension=f"A1:D{rows + 1}")


def merged_bomb_ledger(path: Path) -> Path:
    """A small ledger whose sheet claims a merge over every cell of the sheet (A1:XFD1048576)
    and a dimension to match: openpyxl's normal mode builds a cell object per merged cell."""
    rows = [
        _header_row(),
        f'<row r="2">{text_cell("A2", "合并炸弹台账里的文件")}{text_cell("C2", "2024-01-02")}{text_cell("D2", "MZ")}</row>',
    ]
    tail = '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'
    return write_xlsx(path, rows, tail=tail, dimension="A1:XFD1048576")


def formula_ledger(path: Path) -> Path:
    """Formula-like text in the header and the data, and real formulas with cached values
    (a HYPERLINK and a DDE call): what Excel showed is imported, as text, never evaluated."""
    header = [
        text_cell("A1", "文件名称"),
        text_cell("B1", "公布日期"),
        text_cell("C1", "制定机关"),
        text_cell("D1", "=HYPERLINK(&quot;http://evil.example/&quot;,&quot;备注&quot;)"),
        text_cell("E1", "@SUM(1+1)*cmd|' /C calc'!A0"),
    ]
    texts = [
        "=cmd|' /C calc'!A0",
        "+1+1",
        "-2+3",
        "@SUM(A1)",
        '=HYPERLINK("http://evil.example/","点我")',
    ]
    rows = [f'<row r="1">{"".join(header)}</row>']
    for n, title in enumerate(texts, 2):
        rows.append(
            f'<row r="{n}">{text_cell(f"A{n}", escape(title))}{text_cell(f"B{n}", "2024-01-02")}'
            f"{text_cell(f'C{n}', 'MZ')}{text_cell(f'D{n}', escape(title))}</row>"
        )
    n = len(texts) + 2
    rows.append(  # real formulas whose cached results Excel saved
        f'<row r="{n}"><c r="A{n}" t="str"><f>HYPERLINK("http://evil.example/","公式算出的标题")</f>'
        f"<v>公式算出的标题</v></c>{text_cell(f'B{n}', '2024-01-03')}{text_cell(f'C{n}', 'MZ')}"
        f"<c r=\"D{n}\"><f>cmd|' /C calc'!A0</f><v>0</v></c></row>"
    )
    return write_xlsx(path, rows)


def odd_rows_ledger(path: Path) -> Path:
    """One odd cell per row between two good rows; each odd row must be a row error naming
    the column, never an aborted import."""
    odd = {
        3: f'<c r="A3" t="e"><v>#REF!</v></c>{text_cell("B3", "2024-01-03")}',
        4: f'{text_cell("A4", "日期是超大数字")}<c r="B4" s="1"><v>99999999999</v></c>',
        5: f'{text_cell("A5", "日期是逻辑值")}<c r="B5" t="b"><v>1</v></c>',
        6: f"{text_cell('A6', '备注一万字')}{text_cell('B6', '2024-01-06')}{text_cell('D6', '长' * 10_000)}",
        7: f"{text_cell('A7', '标题含控制字符_x0007_响铃')}{text_cell('B7', '2024-01-07')}",
        8: f"{text_cell('A8', '标题含回车&#13;')}{text_cell('B8', '2024-01-08')}",
        9: f'{text_cell("A9", "公式没有计算结果")}<c r="B9"><f>TODAY()</f></c>',
        10: f'<c r="A10" t="s"><v>999</v></c>{text_cell("B10", "2024-01-10")}',  # no such shared string
        11: f'{text_cell("A11", "日期是错误值")}<c r="B11" t="e"><v>#DIV/0!</v></c>',
        12: f'{text_cell("A12", "逻辑值标题")}{text_cell("B12", "2024-01-12")}<c r="D12" t="b"><v>0</v></c>',
    }
    header = "".join(
        text_cell(f"{c}1", h)
        for c, h in zip("ABCD", ("文件名称", "公布日期", "制定机关", "备注"), strict=True)
    )
    rows = [f'<row r="1">{header}</row>']
    rows.append(
        f'<row r="2">{text_cell("A2", "正常的第一行")}{text_cell("B2", "2024-01-02")}</row>'
    )
    rows += [f'<row r="{n}">{cells}</row>' for n, cells in odd.items()]
    rows.append(
        f'<row r="13">{text_cell("A13", "正常的最后一行")}{text_cell("B13", "2024-01-13")}</row>'
    )
    return write_xlsx(path, rows)


def _small_xlsx_bytes(tmp: Path) -> bytes:
    wb = Workbook()
    wb.active.append(list(LEDGER_HEADER))
    wb.active.append(["文件", "", "2024-01-02", "MZ"])
    wb.save(tmp)
    data = tmp.read_bytes()
    tmp.unlink()
    return data


def encrypted_xlsx(path: Path) -> Path:
    """What Excel writes for a password-protected workbook: an OLE compound file holding the
    streams EncryptionInfo and EncryptedPackage."""
    junk = bytes(range(256)) * 8
    names = (
        "EncryptionInfo".encode("utf-16-le") + b"\0" * 8 + "EncryptedPackage".encode("utf-16-le")
    )
    path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + junk + names + junk)
    return path


def old_xls(path: Path) -> Path:
    """An Excel 97-2003 workbook: an OLE compound file with a Workbook stream."""
    path.write_bytes(
        bytes.fromhex("D0CF11E0A1B11AE1")
        + b"\0" * 504
        + "Workbook".encode("utf-16-le")
        + b"\0" * 1024
    )
    return path


def csv_renamed(path: Path) -> Path:
    path.write_text(
        "文件名称,公布日期,制定机关\n关于某事的通知,2024-01-02,MZ\n", encoding="utf-8-sig"
    )
    return path


def zero_bytes(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def truncated_xlsx(path: Path) -> Path:
    data = _small_xlsx_bytes(path)
    path.write_bytes(data[: len(data) // 2])
    return path


def zip_not_xlsx(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("说明.txt", "这不是工作簿")
    return path


def a_directory(path: Path) -> Path:
    path.mkdir()
    return path


def missing_file(path: Path) -> Path:
    return path


def _one_row(extra_cells: str = "") -> list[str]:
    cells = f"{text_cell('A2', '文件')}{text_cell('C2', '2024-01-02')}{text_cell('D2', 'MZ')}"
    return [_header_row(), f'<row r="2">{cells}{extra_cells}</row>']


def far_column_ledger(path: Path) -> Path:
    return write_xlsx(path, _one_row(text_cell("XFD2", "远处的内容")))


def many_merges_ledger(path: Path) -> Path:
    merges = "".join(f'<mergeCell ref="A{n}:B{n}"/>' for n in range(3, 20_010))
    return write_xlsx(path, _one_row(), tail=f"<mergeCells>{merges}</mergeCells>")


def overlapping_merges_ledger(path: Path) -> Path:
    """Thousands of merges each over the whole sheet: every one would fill every cell."""
    rows = _one_row() + [
        f'<row r="{n}">{text_cell(f"A{n}", "x")}{text_cell(f"D{n}", "y")}</row>'
        for n in range(3, 3000)
    ]
    merges = '<mergeCell ref="A1:D1048576"/>' * 2000
    return write_xlsx(path, rows, tail=f"<mergeCells>{merges}</mergeCells>")


def entity_bomb_ledger(path: Path) -> Path:
    """The "billion laughs": nested entities that expand to gigabytes."""
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {b} "{("&" + a + ";") * 10}">'
        for a, b in zip("abcdefgh", "bcdefghi", strict=True)
    )
    write_xlsx(path, _one_row())
    sheet = (
        f'<?xml version="1.0"?><!DOCTYPE worksheet [{entities}]><worksheet xmlns="{MAIN_NS}">'
        f'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&i;</t></is></c></row></sheetData></worksheet>'
    )
    return _replace_sheet(path, sheet)


def broken_xml_ledger(path: Path) -> Path:
    return _replace_sheet(
        write_xlsx(path, _one_row()), f'<worksheet xmlns="{MAIN_NS}"><sheetData><row r="1">'
    )


def shared_strings_bomb(path: Path) -> Path:
    """A shared-string part that unpacks to 64 MB from a few kilobytes."""
    write_xlsx(path, _one_row())
    with (
        zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as zf,
        zf.open("xl/sharedStrings.xml", "w") as part,
    ):
        for _ in range(64):
            part.write(b" " * 2**20)
    return path


def _replace_sheet(path: Path, sheet_xml: str, part: str = "xl/worksheets/sheet1.xml") -> Path:
    with zipfile.ZipFile(path) as zf:
        parts = {n: zf.read(n) for n in zf.namelist() if n != part}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
        zf.writestr(part, sheet_xml)
    return path


def no_sheets(path: Path) -> Path:
    workbook = f'<workbook xmlns="{MAIN_NS}" xmlns:r="{_REL_NS}"><sheets/></workbook>'
    return _replace_sheet(write_xlsx(path, _one_row()), workbook, "xl/workbook.xml")


# workbooks refused as a whole: builder, words the message must hold
REFUSED_SHEETS = [
    (far_column_ledger, "第 2 行第 16384 列有内容"),
    (many_merges_ledger, "合并单元格超过"),
    (overlapping_merges_ledger, "合并单元格相互重叠或范围过大"),
    (entity_bomb_ledger, "已损坏"),
    (broken_xml_ledger, "已损坏"),
    (shared_strings_bomb, "超过导入上限"),
]


# builder, file name, words the message must hold
HOSTILE_FILES = [
    (encrypted_xlsx, "带密码.xlsx", "是加密的 Excel 文件"),
    (old_xls, "旧台账.xls", "97-2003"),
    (csv_renamed, "导出.xlsx", "文本"),
    (zero_bytes, "空.xlsx", "空文件"),
    (truncated_xlsx, "半截.xlsx", "损坏"),
    (zip_not_xlsx, "压缩包.xlsx", "不是 Excel 工作簿"),
    (a_directory, "台账目录.xlsx", "是文件夹"),
    (missing_file, "不存在.xlsx", "找不到"),
    (no_sheets, "无表.xlsx", "没有工作表"),
]
