"""操作手册 as PDF: docs/manual.md (headings, paragraphs, lists, images) on the shared A4 page."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, KeepTogether, ListFlowable, Paragraph, Spacer

from app import APP_TITLE
from app.config import bundle_root
from app.errors import UserError
from app.reports.page import Page, build, style

TITLE = "操作手册"
_IMAGE = re.compile(r"^!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)\)$")
_HEADING = re.compile(r"^(?P<marks>#{1,3})\s+(?P<text>.+)$")
_BULLET = re.compile(r"^(?P<mark>[-*]|\d+\.)\s+(?P<text>.+)$")
_HEADING_SIZES = {1: 20, 2: 15, 3: 12}
BODY = 10.5
HEADING_COLOUR = colors.Color(0.1, 0.2, 0.45)


def manual_source() -> Path:
    return bundle_root() / "docs" / "manual.md"


def inline(text: str) -> str:
    """Markdown emphasis and code as ReportLab markup; everything else escaped."""
    text = escape(text)
    text = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text)
    return re.sub(r"`(.+?)`", r'<font color="#8b0000">\1</font>', text)


def heading(level: int, text: str) -> Paragraph:
    size = _HEADING_SIZES[level]
    para_style = style(size, size * 1.5, align=1 if level == 1 else 0)
    para_style.textColor = HEADING_COLOUR
    para_style.spaceBefore = 0 if level == 1 else size * 0.8
    para_style.spaceAfter = size * 0.5
    return Paragraph(inline(text), para_style)


def image(path: Path, alt: str, width: float) -> list[Flowable]:
    if not path.is_file():
        return [Paragraph(inline(f"［图：{alt}（缺少图片 {path.name}）］"), style(BODY))]
    picture = Image(str(path))
    scale = min(1.0, width / picture.imageWidth)
    picture.drawWidth, picture.drawHeight = picture.imageWidth * scale, picture.imageHeight * scale
    caption = Paragraph(inline(alt), style(9, align=1))
    return [
        KeepTogether([Spacer(1, 2 * mm), picture, Spacer(1, 1 * mm), caption, Spacer(1, 3 * mm)])
    ]


def _list(items: list[str], ordered: bool) -> ListFlowable:
    body = style(BODY, BODY * 1.6)
    body.spaceAfter = 2
    return ListFlowable(
        [Paragraph(inline(item), body) for item in items],
        start=None if ordered else "•",
        leftIndent=14,
        bulletFontName=body.fontName,
        bulletFontSize=BODY,
        spaceAfter=5,
        bulletType="1" if ordered else "bullet",
        bulletFormat="%s." if ordered else None,
    )


def flowables(markdown: str, folder: Path, width: float) -> list[Flowable]:
    """The subset of Markdown the manual uses; one blank line ends a paragraph or a list."""
    story: list[Flowable] = []
    paragraph: list[str] = []
    items: list[str] = []
    ordered = False
    body = style(BODY, BODY * 1.7)
    body.spaceAfter = 5

    def flush() -> None:
        if paragraph:
            story.append(Paragraph(inline("".join(paragraph)), body))
            paragraph.clear()
        if items:
            story.append(_list(list(items), ordered))
            items.clear()

    for raw in markdown.splitlines():
        line = raw.strip()
        if not line:
            flush()
        elif match := _HEADING.match(line):
            flush()
            story.append(heading(len(match["marks"]), match["text"]))
        elif match := _IMAGE.match(line):
            flush()
            story += image(folder / match["src"], match["alt"], width)
        elif match := _BULLET.match(line):
            if paragraph:
                flush()
            ordered = match["mark"][0].isdigit()
            items.append(match["text"])
        elif items and raw.startswith((" ", "\t")):
            items[-1] += line  # a list item continued on the next line
        else:
            paragraph.append(line)
    flush()
    return story


def pdf(target: Path, printed: date, source: Path | None = None) -> int:
    source = source or manual_source()
    try:
        markdown = source.read_text(encoding="utf-8")
    except OSError as exc:
        raise UserError(f"操作手册：无法读取“{source}”：{exc.strerror or exc}") from exc
    page = Page(title=TITLE, office=APP_TITLE, printed=printed)
    page.story = flowables(markdown, source.parent, page.body_width - 12)
    return build(page, target)
