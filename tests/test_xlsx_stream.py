"""The register's workbook is written as its rows are read (issue 27): every row, in order, the
same cells as openpyxl's own writer gives them, with lxml installed or without it."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook, load_workbook

from app import clock
from app.reports import catalog_output
from app.reports.workbook import (
    DATE_FORMAT,
    HEADER_ROW,
    Field,
    cell,
    fitted_widths,
    start_sheet,
    wrapped,
    write_sheet,
)
from app.services import catalogs
from app.services.catalogs import CatalogFilter

ROOT = Path(__file__).resolve().parent.parent


def looks(path: Path) -> list[list[tuple]]:
    """What a clerk sees of every cell of the first sheet, row by row (trailing empties cut)."""
    rows = []
    for row in load_workbook(path).active.iter_rows():
        seen = [
            (
                c.value,
                c.data_type,
                c.number_format,
                c.font.b,
                c.font.sz,
                c.alignment.horizontal,
                c.alignment.vertical,
                c.alignment.wrap_text,
                c.fill.fill_type,
            )
            for c in row
        ]
        while seen and seen[-1][0] is None and seen[-1][2] == "General" and not seen[-1][7]:
            seen.pop()
        rows.append(seen)
    return rows


def test_register_workbook_holds_every_row_in_order_across_chunks(demo, tmp_path, monkeypatch):
    monkeypatch.setattr(catalogs, "CHUNK", 7)  # many chunks from the 300-document demo
    target = tmp_path / "register.xlsx"
    with demo.reading() as s:
        expected = catalogs.catalog(s, "register", CatalogFilter(), clock.today()).rows
        written = catalog_output.write_xlsx(s, "register", CatalogFilter(), target)
    ws = load_workbook(target).active
    rows = list(ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True))
    assert written == len(expected) == len(rows) > 7 * 10
    for n, (row, want) in enumerate(zip(rows, expected, strict=True), 1):
        assert row[:4] == (n, want.reg_number, want.doc_number, want.title)
        published = row[6].date() if row[6] is not None else None
        assert published == want.published
        assert (row[9] or "") == want.filing
        assert (row[10] or "") == want.status_label
    assert any("予以备案" in (r[9] or "") for r in rows)


def test_streamed_rows_read_back_as_openpyxls_own_cells(tmp_path):
    """Every kind of value, in a plain and in a wrapped column, as workbook.cell / wrapped
    write it through openpyxl."""
    values = [
        "text",
        "a & b < c > d",
        "  leading and trailing  ",
        "line one\nline two",
        "=1+1",
        "-3",
        "#N/A",
        "bell\x07and\x1fmore",
        "\x01",
        "x" * 40000,
        "",
        None,
        7,
        2.5,
        Decimal("1.25"),
        True,
        date(2024, 5, 6),
        datetime(2024, 5, 6, 7, 8, 9),
        "中文的文件名称（第1号）",
    ]
    short = [v if not isinstance(v, str) or len(v) < 20 else "short" for v in values]
    rows = [[a, v, n] for n, (a, v) in enumerate(zip(short, values, strict=True))]
    fields = [Field("普通", 10, lambda r: r[0]), Field("换行", 60, lambda r: r[1])]
    fields.append(Field("序号", 6, lambda r: r[2]))
    ours = tmp_path / "ours.xlsx"
    assert write_sheet(ours, "表", fields, rows, len(rows), notes=["注：", "=不是公式"]) == 19
    reference = tmp_path / "reference.xlsx"
    _openpyxl_sheet(reference, fields, rows, ["注：", "=不是公式"])
    assert looks(ours) == looks(reference)
    ws = load_workbook(ours).active
    assert ws.cell(HEADER_ROW + 5, 1).data_type == "s"  # "=1+1" stays text
    assert ws.cell(HEADER_ROW + 17, 2).number_format == DATE_FORMAT
    assert ws.cell(HEADER_ROW + 1, 2).alignment.wrap_text
    assert not ws.cell(HEADER_ROW + 1, 1).alignment.wrap_text


def _openpyxl_sheet(target: Path, fields: list[Field], rows: list, notes: list[str]) -> None:
    """The sheet as write_sheet wrote it before issue 27: a cell object per value."""
    headers = [f.header for f in fields]
    widths = fitted_widths(headers, [[f.value(r) for f in fields] for r in rows])
    wraps = {i for i, w in enumerate(widths) if w >= 50}
    wb = Workbook(write_only=True)
    ws = start_sheet(wb, "表", widths, headers)
    for row in rows:
        made = [f.value(row) for f in fields]
        ws.append([wrapped(ws, v) if i in wraps else cell(ws, v) for i, v in enumerate(made)])
    ws.append([])
    for note in notes:
        ws.append([cell(ws, note)])
    wb.save(target)


NO_LXML = """
import sys
sys.modules["lxml"] = None
import openpyxl.xml
assert not openpyxl.xml.LXML, "openpyxl still found lxml"
from pathlib import Path
from app import clock
from app.db import open_database
from app.reports import catalog_output
from app.services.catalogs import CatalogFilter
from datetime import date
clock.fix_today(date(2026, 11, 27))
database = open_database(sys.argv[1])
with database.reading() as s:
    print(catalog_output.write_xlsx(s, "register", CatalogFilter(), Path(sys.argv[2])))
database.close()
"""


def test_without_lxml_the_register_workbook_reads_back_the_same(demo, db_url, tmp_path):
    clock.fix_today(date(2026, 11, 27))
    with_lxml = tmp_path / "lxml.xlsx"
    with demo.reading() as s:
        rows = catalog_output.write_xlsx(s, "register", CatalogFilter(), with_lxml)
    without = tmp_path / "without.xlsx"
    done = subprocess.run(
        [sys.executable, "-c", NO_LXML, db_url, str(without)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.split()[-1]) == rows > 0
    assert looks(without) == looks(with_lxml)
