"""The shared A4 page: title block, header with the office name, footer with the print date and
第 X 页 共 Y 页, tables that repeat their header row. Every printed thing builds on this.

A page sets its title in the TITLE role's font (小标宋) and its tables and running text in the
TABLE role's (宋体), from the `fonts` each report passes (fonts.role_fonts(s)). A page for
publishing (`running=False`) has no header and no print date, only "— 1 —" at the foot."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal
from xml.sax import saxutils

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.atomic_files import replacing
from app.errors import UserError
from app.reports.fonts import FontRole, RoleFonts, register_fonts, role_fonts, wrap
from app.services.fields import printable

MARGIN = 15 * mm
FRAME_PADDING = 6  # ReportLab's default Frame padding
BODY_SIZE = 9
Progress = Callable[[int, int], bool]
Align = Literal[
    0, 1, 2, 4
]  # a paragraph's: reportlab.lib.enums TA_LEFT, TA_CENTER, TA_RIGHT, TA_JUSTIFY
# a TableStyle command: ("GRID", (first column, row), (last column, row), *arguments)
TableCommand = tuple[str, tuple[int, int], tuple[int, int], *tuple[Any, ...]]


def escape(text: str) -> str:
    """`text` for a Paragraph: markup characters escaped, and without the control characters a
    value stored before the input checks may hold (they would print as boxes)."""
    return saxutils.escape(printable(text))


class Cancelled(UserError):
    def __init__(self) -> None:
        super().__init__("已取消打印。")


@dataclass
class Page:
    """What every page of one printed thing carries."""

    title: str
    office: str
    printed: date
    landscape: bool = False
    subtitle: str = ""
    story: list[Flowable] = field(default_factory=list)
    fonts: RoleFonts = field(default_factory=role_fonts)
    running: bool = True  # the office and title above, the print date and 第 X 页 共 Y 页 below

    @property
    def title_font(self) -> str:
        return self.fonts[FontRole.TITLE].pdf_name

    @property
    def table_font(self) -> str:
        return self.fonts[FontRole.TABLE].pdf_name

    @property
    def size(self) -> tuple[float, float]:
        return landscape(A4) if self.landscape else A4

    @property
    def body_width(self) -> float:
        return self.size[0] - 2 * MARGIN


def style(
    size: float = BODY_SIZE,
    leading: float | None = None,
    align: Align = 0,
    indent: bool = False,
    font: str = "",
) -> ParagraphStyle:
    """A paragraph style in `font` (a registered name; the bundled face when not given)."""
    font = font or register_fonts()
    return ParagraphStyle(
        f"s{size}{align}{indent}{font}",
        fontName=font,
        fontSize=size,
        leading=leading or size * 1.4,
        alignment=align,
        wordWrap="CJK",
        firstLineIndent=2 * size if indent else 0,
    )


def chinese_date(day: date | None) -> str:
    """2026年9月25日, as official documents write dates."""
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def measure(flowables: Sequence[Flowable], page: Page) -> float:
    """The height these flowables take at the top of a page."""
    return sum(
        f.wrap(page.body_width, page.size[1])[1] + f.getSpaceBefore() + f.getSpaceAfter()
        for f in flowables
    )


def title_block(page: Page) -> list[Flowable]:
    block: list[Flowable] = [Paragraph(page.title, style(18, 26, align=1, font=page.title_font))]
    if page.subtitle:
        block.append(Paragraph(page.subtitle, style(10, 16, align=1, font=page.table_font)))
    block.append(Spacer(1, 4 * mm))
    return block


def notes(lines: Sequence[str], font: str = "") -> list[Flowable]:
    """Footnotes under a table."""
    if not lines:
        return []
    return [Spacer(1, 3 * mm)] + [
        Paragraph(escape(line), style(BODY_SIZE, font=font)) for line in lines
    ]


class _NumberedCanvas(Canvas):
    """Holds pages back until the end, so each footer can say how many pages there are."""

    page_info: Page

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._saved: list[dict] = []

    def showPage(self) -> None:  # noqa: N802 (ReportLab API)
        self._saved.append(dict(self.__dict__))
        # ReportLab's own reset for a new page (the NumberedCanvas recipe); private, not in its stubs
        self._startPage()  # type: ignore[attr-defined]

    def save(self) -> None:
        total = len(self._saved)
        for state in self._saved:
            self.__dict__.update(state)
            self._draw_frame(total)
            super().showPage()
        super().save()

    def _draw_frame(self, total: int) -> None:
        page = self.page_info
        width, height = page.size
        if not page.running:
            self.setFont(page.table_font, 14)  # 4号, as a published document numbers its pages
            self.drawCentredString(width / 2, MARGIN - 9 * mm, f"— {self.getPageNumber()} —")
            return
        self.setFont(page.table_font, 8)
        self.setStrokeColor(colors.grey)
        self.line(MARGIN, height - MARGIN + 3 * mm, width - MARGIN, height - MARGIN + 3 * mm)
        self.drawString(MARGIN, height - MARGIN + 5 * mm, page.office)
        self.drawRightString(width - MARGIN, height - MARGIN + 5 * mm, page.title)
        self.line(MARGIN, MARGIN - 3 * mm, width - MARGIN, MARGIN - 3 * mm)
        self.drawString(MARGIN, MARGIN - 7 * mm, f"打印日期：{chinese_date(page.printed)}")
        self.drawRightString(
            width - MARGIN, MARGIN - 7 * mm, f"第 {self.getPageNumber()} 页 共 {total} 页"
        )


def build(page: Page, target: Path) -> int:
    """Write the PDF, whole or not at all; returns the number of pages."""
    with replacing(target) as part:
        return _build(page, part)


def _build(page: Page, target: Path) -> int:
    register_fonts()
    width, height = page.size
    doc = BaseDocTemplate(
        str(target),
        pagesize=page.size,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=page.title,
        author=page.office,
        creator="NormDesk",
        initialFontName=page.table_font,
    )
    frame = Frame(MARGIN, MARGIN, width - 2 * MARGIN, height - 2 * MARGIN, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])

    class Canvas_(_NumberedCanvas):
        page_info = page

    doc.build(page.story, canvasmaker=Canvas_)
    return doc.page


@dataclass(frozen=True)
class Column:
    header: str
    width: float  # share of the body width
    align: str = "LEFT"


PADDING = 2
LINE = 1.3  # a table line's height, in font sizes


def form_table(
    data: Sequence[list[Paragraph]],
    label_width: float,
    width: float,
    size: float,
    font: str,
    padding: float = 0,
) -> Table:
    """Label-and-value rows ruled all round, the labels on grey, as a form or a record card sets
    them out, in `font` (the page's table font); `padding` above and below each cell instead of
    ReportLab's default when given."""
    commands: list[TableCommand] = [
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("BACKGROUND", (0, 0), (0, -1), colors.Color(0.93, 0.93, 0.93)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("FONT", (0, 0), (-1, -1), font, size),
    ]
    if padding:
        commands += [
            ("TOPPADDING", (0, 0), (-1, -1), padding),
            ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
        ]
    table = Table(data, colWidths=[label_width, width - label_width])
    table.setStyle(TableStyle(commands))
    return table


def _style_commands(columns: Sequence[Column], font: str, size: float) -> TableStyle:
    commands: list[TableCommand] = [
        ("FONT", (0, 0), (-1, -1), font, size, size * LINE),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.88, 0.88, 0.88)),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), PADDING),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PADDING),
    ]
    commands += [
        ("ALIGN", (i, 1), (i, -1), c.align) for i, c in enumerate(columns) if c.align != "LEFT"
    ]
    return TableStyle(commands)


def _wrapped(
    values: Sequence[str], widths: Sequence[float], font: str, size: float
) -> tuple[list[str], float]:
    # printable: a control character stored earlier would print as a box
    cells = [wrap(printable(v), size, w - 6, font) for v, w in zip(values, widths, strict=True)]
    lines = max(c.count("\n") + 1 for c in cells)
    return cells, lines * size * LINE + 2 * PADDING + 1


def table(
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    page: Page,
    first_page_used: float,
    progress: Progress | None = None,
    size: float = BODY_SIZE,
) -> list[Flowable]:
    """A bordered table broken into pages by us (rows are pre-wrapped, so their heights are known):
    the header row repeats on every page and ReportLab never has to split a long table, which is
    what makes 10,000 rows fast."""
    total = sum(c.width for c in columns)
    widths = [page.body_width * c.width / total for c in columns]
    font = page.table_font
    header, header_height = _wrapped([c.header for c in columns], widths, font, size)
    style_ = _style_commands(columns, font, size)
    room = page.size[1] - 2 * MARGIN - 2 * FRAME_PADDING - 2
    flowables: list[Flowable] = []
    chunk: list[list[str]] = [header]
    heights = [header_height]
    available = room - first_page_used
    for n, row in enumerate(rows, 1):
        cells, height = _wrapped(row, widths, font, size)
        if sum(heights) + height > available and len(chunk) > 1:
            flowables += [
                Table(chunk, colWidths=widths, rowHeights=heights, style=style_),
                PageBreak(),
            ]
            chunk, heights, available = [header], [header_height], room
        chunk.append(cells)
        heights.append(height)
        if progress and n % 500 == 0 and not progress(n, len(rows)):
            raise Cancelled()
    flowables.append(Table(chunk, colWidths=widths, rowHeights=heights, style=style_))
    return flowables
