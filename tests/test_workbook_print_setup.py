"""Excel exports print as a register should from Excel or WPS: A4, landscape when wide, one page
wide, the header row repeated on every page, the title above and the page number below."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from app.cli import run


@pytest.mark.parametrize(("kind", "orientation"), [("register", "landscape"), ("statistics", None)])
def test_an_export_carries_its_print_setup(demo, db_url, tmp_path, kind, orientation):
    target = tmp_path / f"{kind}.xlsx"
    extra = ["--year", "2026"] if kind == "statistics" else []
    assert run(["--db", db_url, "export", str(target), "--kind", kind, *extra]) == 0
    book = load_workbook(target)
    for ws in book.worksheets:
        setup = ws.page_setup
        assert str(setup.paperSize) == ws.PAPERSIZE_A4, ws.title  # 9: A4
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows == "$1:$1"
        assert ws.oddHeader.center.text  # the title on every printed page
        assert ws.oddFooter.center.text == "第 &P 页 共 &N 页"
        wide = sum(d.width or 0 for d in ws.column_dimensions.values()) > 95
        assert setup.orientation == ("landscape" if wide else "portrait")
    if orientation:
        assert book.worksheets[0].page_setup.orientation == orientation
        assert book.worksheets[0].oddHeader.center.text == "规范性文件登记簿"
