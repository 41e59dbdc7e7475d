"""Registers, catalogs and ledgers are set in the office's fonts: the title in the TITLE role
(小标宋), the table, page header and footer in the TABLE role (宋体) (issue 24)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app import clock
from app.config import resource_path
from app.reports import catalog_output, fonts
from app.reports.fonts import FontRole, RoleFonts
from app.services.catalogs import CatalogFilter
from tests.factories import add_issuer, register

TITLE_FACE = "WQYTitleStandIn"  # the bundled file's second face, registered under its own name


def title_stand_in() -> RoleFonts:
    """Role fonts whose TITLE face differs from the TABLE face, so a PDF shows which is which."""
    path = resource_path("fonts", "wqy-microhei.ttc")
    pdfmetrics.registerFont(TTFont(TITLE_FACE, str(path), subfontIndex=1))
    base = fonts.role_fonts()
    return RoleFonts(
        {**base.fonts, FontRole.TITLE: replace(base[FontRole.TITLE], pdf_name=TITLE_FACE)}
    )


@pytest.fixture
def distinct_fonts(monkeypatch) -> RoleFonts:
    """The catalogs ask role_fonts(s) for their fonts: they get title_stand_in()."""
    chosen = title_stand_in()
    monkeypatch.setattr(catalog_output, "role_fonts", lambda s=None: chosen)
    return chosen


def face_name(registered: str) -> str:
    """The name a registered font's face goes by in a PDF (BaseFont after the subset tag)."""
    return pdfmetrics.getFont(registered).face.name.decode()


def texts_by_font(path: Path, page: int = 0) -> list[tuple[str, str]]:
    """(text, base font name) of every text run drawn on a page."""
    found: list[tuple[str, str]] = []

    def visit(text, _cm, _tm, font, _size):
        if text.strip() and font is not None:
            found.append((text.strip(), str(font["/BaseFont"])))

    PdfReader(path).pages[page].extract_text(visitor_text=visit)
    return found


def test_register_title_is_in_the_title_font_and_its_table_in_the_table_font(
    database, distinct_fonts, tmp_path
):
    clock.fix_today(date(2026, 11, 27))
    with database.transaction() as s:
        add_issuer(s)
        register(s, "河清市城乡居民最低生活保障管理办法", published=date(2026, 3, 3))
    target = tmp_path / "登记簿.pdf"
    with database.reading() as s:
        catalog_output.write_pdf(s, "register", CatalogFilter(), target)
    runs = texts_by_font(target)
    title = [font for text, font in runs if text == "规范性文件登记簿"]
    # the title block's title, and the running header's copy of it in the table face
    assert any("WenQuanYiMicroHeiMono" in font for font in title)
    table_face = face_name(distinct_fonts[FontRole.TABLE].pdf_name)
    assert table_face != "WenQuanYiMicroHeiMono"
    others = {font for text, font in runs if text in ("登记编号", "备案情况", "河清市民政局")}
    assert others and all(f.endswith(f"+{table_face}-0") for f in others), others


def test_wrapped_cells_keep_closing_punctuation_off_a_lines_start():
    fonts.register_fonts()
    for width in range(20, 90, 3):
        lines = fonts.wrap("河民发〔2026〕12号，关于印发《河清市办法》的通知。", 9, width).split(
            "\n"
        )
        assert not any(line[0] in fonts.CLOSING for line in lines[1:]), (width, lines)
        assert not any(line[-1] in fonts.OPENING for line in lines[:-1]), (width, lines)
