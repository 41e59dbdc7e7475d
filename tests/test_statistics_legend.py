"""The 年度统计表's chart legend lies inside the page: its labels were clipped at the right edge
(issue 24)."""

from __future__ import annotations

from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

from app.reports import annual_statistics
from app.reports.fonts import FONT
from app.reports.page import MARGIN
from app.services.statistics import FILING_STATES, Period


def test_every_legend_label_is_drawn_inside_the_page(demo, tmp_path):
    target = tmp_path / "统计表.pdf"
    with demo.reading() as s:
        annual_statistics.pdf(s, target, Period.of_year(2026))
    labels = set(FILING_STATES.values())
    seen: list[tuple[str, float, float]] = []  # label, left and right edge in page space
    right_edge = 0.0

    def visit(text, cm, tm, _font, size):
        label = text.strip()
        if label in labels and size * cm[0] * tm[0] < 9:  # the legend's 8 pt, not the table's
            left = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            scale = cm[0] * tm[0]
            seen.append((label, left, left + pdfmetrics.stringWidth(label, FONT, size) * scale))

    for page in PdfReader(target).pages:
        right_edge = float(page.mediabox.width) - MARGIN
        page.extract_text(visitor_text=visit)
    assert {label for label, _l, _r in seen} == labels
    for label, left, right in seen:
        assert left >= MARGIN and right <= right_edge, (label, left, right, right_edge)
