"""Letters as PDFs, read back: the GB/T 9704-2012 page, grid, fonts and page numbers."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from app.reports.fonts import role_fonts
from app.reports.gongwen import pdf
from tests.gongwen_samples import report


@pytest.fixture(scope="module")
def fonts():
    return role_fonts()


def test_a_letter_is_a4_and_numbers_its_pages(tmp_path: Path, fonts) -> None:
    target = tmp_path / "letter.pdf"
    pages = pdf.render([report()], fonts, target)
    reader = PdfReader(target)
    assert pages == len(reader.pages) == 2
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    assert reader.metadata is not None and reader.metadata.title == report().title
