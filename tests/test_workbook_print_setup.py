"""Excel exports print as a register should from Excel or WPS: A4, landscape when wide, one page
wide, a title row, the header row under it repeated on every page, the page number below; and
their columns are wide enough for the Chinese text they hold (issue 24)."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook

from app.cli import run
from app.reports import audit_export, number_gaps
from app.reports.workbook import WIDEST, text_width
from app.services.audit_query import AuditFilter

KINDS = [
    ("register", [], "规范性文件登记簿"),
    ("annual", ["--year", "2025"], "2025年度规范性文件目录"),
    ("current", [], "现行有效规范性文件目录"),
    ("repealed", [], "废止和失效规范性文件目录"),
    ("reviews", [], None),
    ("filings", [], "规范性文件备案台账"),
    ("deadlines", [], "期限一览表"),
    ("statistics", ["--year", "2026"], None),
]


def assert_printable(ws) -> None:
    setup = ws.page_setup
    assert str(setup.paperSize) == ws.PAPERSIZE_A4, ws.title  # 9: A4
    assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$2:$2"  # the header row, under the title row
    assert ws.freeze_panes == "A3"
    title = ws.cell(1, 1)
    assert title.value and title.font.b and title.font.sz >= 14, ws.title
    assert title.alignment.horizontal == "centerContinuous"
    assert ws.oddFooter.center.text == "第 &P 页 共 &N 页"
    widths = {letter: d.width for letter, d in ws.column_dimensions.items() if d.width}
    assert setup.orientation == ("landscape" if sum(widths.values()) > 95 else "portrait")
    assert_widths_fit(ws, widths)


def assert_widths_fit(ws, widths: dict[str, float]) -> None:
    """Every column holds its header and values (a Chinese character counts two), or is held at
    the widest allowed and wraps its text (a footnote under the table, alone on its row, runs
    on across the empty cells beside it)."""
    rows = [r for r in ws.iter_rows(min_row=2, max_row=min(ws.max_row, 200)) if _cells(r) > 1]
    for column in zip(*rows, strict=True):
        letter = column[0].column_letter
        width = widths[letter]
        assert width <= WIDEST + 0.01, (ws.title, letter, width)
        for c in column:
            if not isinstance(c.value, str):
                continue
            if text_width(c.value) > width:
                assert width >= WIDEST and c.alignment.wrap_text, (ws.title, letter, c.value)


def _cells(row) -> int:
    return sum(c.value is not None for c in row)


@pytest.mark.parametrize(("kind", "extra", "title"), KINDS)
def test_an_export_carries_its_print_setup(demo, db_url, tmp_path, kind, extra, title):
    target = tmp_path / f"{kind}.xlsx"
    assert run(["--db", db_url, "export", str(target), "--kind", kind, *extra]) == 0
    book = load_workbook(target)
    for ws in book.worksheets:
        assert_printable(ws)
    first = book.worksheets[0]
    if title:
        assert first.cell(1, 1).value == title
    if kind == "register":
        assert first.page_setup.orientation == "landscape"
        headers = [c.value for c in first[2]]
        # 文件名称 holds long Chinese titles: as wide as allowed, wrapping
        assert first.column_dimensions["D"].width == WIDEST and headers[3] == "文件名称"
        # a date column is as wide as a date, not as a share of the page
        assert 11 <= first.column_dimensions["G"].width <= 14 and headers[6] == "公布日期"


def test_audit_and_number_gap_workbooks_carry_print_setup(demo, tmp_path):
    with demo.reading() as s:
        audit_export.xlsx(s, tmp_path / "audit.xlsx", AuditFilter())
        number_gaps.xlsx(s, tmp_path / "gaps.xlsx")
    for name, title in (("audit.xlsx", "审计日志"), ("gaps.xlsx", "作废和跳过的登记编号")):
        ws = load_workbook(tmp_path / name).active
        assert_printable(ws)
        assert ws.cell(1, 1).value == title


def test_text_width_counts_a_chinese_character_as_two():
    assert text_width("河清市民政局") == 12
    assert text_width("ZRGS-2017-001") == 13
    assert text_width("河民发〔2026〕1号") == 2 * 6 + 5
    assert text_width("第一行\n更长的第二行") == 12
    assert text_width(date(2026, 1, 2)) == 10
