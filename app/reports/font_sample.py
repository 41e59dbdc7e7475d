"""打印字体样张: one A4 page showing, per role, the font that serves it on this PC, its file and why,
and a sample sentence in that font at its 公文 size (GB/T 9704: 标题 2号, 正文 and headings 3号;
tables 小四)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy.orm import Session

from app.atomic_files import replacing
from app.reports.fonts import FONT, FontRole, RoleChoice, font_choices, register_fonts

TITLE = "打印字体样张"
SAMPLE = "关于印发《河清市行政规范性文件管理办法》的通知 1234567890"
SIZES = {
    FontRole.TITLE: 22.0,
    FontRole.BODY: 16.0,
    FontRole.HEADING1: 16.0,
    FontRole.HEADING2: 16.0,
    FontRole.TABLE: 12.0,
}
TOP, LEFT, WIDTH = 37 * mm, 28 * mm, 156 * mm  # the 公文 text block
INFO_SIZE = 9.0
ROLE_GAP = 7 * mm


def pdf(s: Session | None, target: Path, chosen: Mapping[FontRole, str] | None = None) -> int:
    """Write the sample page (whole or not at all) with the office's fonts, or with `chosen` (a
    family per role, as 设置 → 打印 has them before saving); returns the number of pages (1)."""
    choices = font_choices(s, chosen)
    with replacing(target) as part:
        _draw(choices, part)
    return 1


def _draw(choices: dict[FontRole, RoleChoice], target: Path) -> None:
    register_fonts()
    # initialFontName keeps Helvetica out of the file (types-reportlab has it as a float)
    c = Canvas(str(target), pagesize=A4, initialFontName=FONT, pageCompression=1)  # type: ignore[arg-type]
    c.setTitle(TITLE)
    c.setCreator("NormDesk")
    _, height = A4
    y = height - TOP
    c.setFont(FONT, 16)
    c.drawCentredString(LEFT + WIDTH / 2, y, TITLE)
    y -= 12 * mm
    for role, choice in choices.items():
        y = _role(c, role, choice, y)
    c.showPage()
    c.save()


def _role(c: Canvas, role: FontRole, choice: RoleChoice, y: float) -> float:
    font = choice.font
    c.setFillColor(colors.black)
    c.setFont(FONT, 11)
    c.drawString(LEFT, y, f"{role.label}　{choice.source.label}")
    y -= 5.5 * mm
    c.setFillColor(colors.dimgrey)
    info = [f"字体：{choice.face}　文件：{font.path}", *choice.notes]
    if font.bundled:
        info.append(f"另存为 Word 时写作“{font.family}”，在装有该字体的电脑上按该字体显示。")
    for line in info:
        for part in _lines(line, FONT, INFO_SIZE):
            c.setFont(FONT, INFO_SIZE)
            c.drawString(LEFT, y, part)
            y -= INFO_SIZE * 1.4
    c.setFillColor(colors.black)
    size = SIZES[role]
    y -= size * 0.6
    for part in _sample_lines(font.pdf_name, size):
        c.setFont(font.pdf_name, size)
        c.drawString(LEFT, y - size * 0.4, part)
        y -= size * 1.5
    c.setStrokeColor(colors.lightgrey)
    c.line(LEFT, y, LEFT + WIDTH, y)
    return y - ROLE_GAP


def _sample_lines(font: str, size: float) -> list[str]:
    """The sample on one line, else broken at its space first (the digits stay together)."""
    if stringWidth(SAMPLE, font, size) <= WIDTH:
        return [SAMPLE]
    return [line for word in SAMPLE.split(" ") for line in _lines(word, font, size)]


def _lines(text: str, font: str, size: float) -> list[str]:
    """`text` broken at any character to fit the text block (a path has no spaces to break at)."""
    lines, line = [], ""
    for char in text:
        if line and stringWidth(line + char, font, size) > WIDTH:
            lines.append(line)
            line = ""
        line += char
    return [*lines, line]
