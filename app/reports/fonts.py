"""The embedded CJK font. WenQuanYi Micro Hei has TrueType outlines, so ReportLab subsets and
embeds it (CFF fonts such as Noto CJK fail; STSong-Light is never embedded)."""

from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import registerFontFamily
from reportlab.pdfbase.ttfonts import TTFont

from app.config import resource_path

FONT = "WQYMicroHei"


@cache
def register_fonts() -> str:
    pdfmetrics.registerFont(
        TTFont(FONT, str(resource_path("fonts", "wqy-microhei.ttc")), subfontIndex=0)
    )
    # One face serves as bold and italic too, so <b> in a Paragraph never falls back to Helvetica.
    registerFontFamily(FONT, normal=FONT, bold=FONT, italic=FONT, boldItalic=FONT)
    return FONT


@cache
def char_width(char: str, size: float) -> float:
    return pdfmetrics.stringWidth(char, FONT, size)


def wrap(text: str, size: float, width: float) -> str:
    """Break `text` into lines no wider than `width` (Chinese has no spaces to break at, so
    break at any character); far faster than a Paragraph per cell."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, used = "", 0.0
        for char in paragraph:
            w = char_width(char, size)
            if line and used + w > width:
                lines.append(line)
                line, used = "", 0.0
            line += char
            used += w
        lines.append(line)
    return "\n".join(lines)
