"""A document's text as a PDF, for the publication folder when the office has no PDF of the
document itself: the title in the TITLE role's font (小标宋, 2号) centred, the paragraphs in the
BODY role's (仿宋, 3号) indented two characters, A4 upright, "— 1 —" at the foot, no program
header and no print date. A character the office's font lacks is drawn from a bundled face."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from app import clock
from app.reports import page as pages
from app.reports.fonts import FontRole, RoleFont, RoleFonts, pieces

TITLE_SIZE = 22  # 2号
BODY_SIZE = 16  # 3号


def write(title: str, body: str, fonts: RoleFonts, target: Path) -> int:
    """Returns the page count."""
    page = pages.Page(title, "", clock.today(), fonts=fonts, running=False)
    title_font, body_font = fonts[FontRole.TITLE], fonts[FontRole.BODY]
    story: list[Flowable] = [
        Paragraph(
            _marked(title_font, title),
            pages.style(TITLE_SIZE, TITLE_SIZE * 1.45, align=1, font=title_font.pdf_name),
        ),
        Spacer(1, 8 * mm),
    ]
    paragraph = pages.style(BODY_SIZE, BODY_SIZE * 1.75, indent=True, font=body_font.pdf_name)
    for line in body.split("\n"):
        line = line.strip()  # the text's own indent (full-width spaces) gives way to the style's
        if line:
            story.append(Paragraph(_marked(body_font, line), paragraph))
    page.story = story
    return pages.build(page, target)


def _marked(font: RoleFont, text: str) -> str:
    """Paragraph markup for `text`, escaped, each run the font lacks in a face that has it."""
    marked = []
    for part, name in pieces(font, text):
        escaped = pages.escape(part)
        marked.append(escaped if name == font.pdf_name else f'<font name="{name}">{escaped}</font>')
    return "".join(marked)
