"""The fonts printed things use.

Tables of the older kind use one embedded CJK face, `FONT` (WenQuanYi Micro Hei: TrueType outlines,
so ReportLab subsets and embeds it; CFF fonts such as Noto CJK fail, STSong-Light is never
embedded). Letters and the newer forms use fonts by role (`FontRole`): the office's own fonts
where this PC has them, else bundled open TrueType fonts; `role_fonts` says which file serves each
role and registers them with ReportLab.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import registerFontFamily
from reportlab.pdfbase.ttfonts import TTFont

from app.config import resource_path

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

FONT = "WQYMicroHei"


class FontRole(Enum):
    """What a font does on a printed page (GB/T 9704: 标题 小标宋, 正文 仿宋, 一级标题 黑体,
    二级标题 楷体; tables in 宋体)."""

    TITLE = "title"
    BODY = "body"
    HEADING1 = "heading1"
    HEADING2 = "heading2"
    TABLE = "table"

    @property
    def label(self) -> str:
        return _ROLE_LABELS[self]

    @property
    def office_name(self) -> str:
        """The family name offices' Word and WPS use for this role, written into a .docx when
        this PC has no office font for it."""
        return _OFFICE_NAMES[self]


_ROLE_LABELS = {
    FontRole.TITLE: "标题（小标宋）",
    FontRole.BODY: "正文（仿宋）",
    FontRole.HEADING1: "一级标题（黑体）",
    FontRole.HEADING2: "二级标题（楷体）",
    FontRole.TABLE: "表格（宋体）",
}
_OFFICE_NAMES = {
    FontRole.TITLE: "方正小标宋简体",
    FontRole.BODY: "仿宋_GB2312",
    FontRole.HEADING1: "黑体",
    FontRole.HEADING2: "楷体_GB2312",
    FontRole.TABLE: "宋体",
}


@dataclass(frozen=True)
class RoleFont:
    """The font serving one role on this PC."""

    role: FontRole
    pdf_name: str  # the name registered with ReportLab
    family: str  # the family name a .docx names for this role
    path: Path  # the file embedded in PDFs
    bundled: bool  # True when this PC has no office font for the role and a bundled one stands in


@dataclass(frozen=True)
class RoleFonts:
    """A font for every role."""

    fonts: dict[FontRole, RoleFont]

    def __getitem__(self, role: FontRole) -> RoleFont:
        return self.fonts[role]


def role_fonts(s: Session | None = None) -> RoleFonts:
    """The fonts for each role, registered with ReportLab. With a session, the office's choice per
    role (设置 → 打印) is honoured where this PC has that font."""
    font = register_fonts()
    path = resource_path("fonts", "wqy-microhei.ttc")
    return RoleFonts(
        {role: RoleFont(role, font, role.office_name, path, True) for role in FontRole}
    )


@cache
def register_fonts() -> str:
    pdfmetrics.registerFont(
        TTFont(FONT, str(resource_path("fonts", "wqy-microhei.ttc")), subfontIndex=0)
    )
    # One face serves as bold and italic too, so <b> in a Paragraph never falls back to Helvetica.
    registerFontFamily(FONT, normal=FONT, bold=FONT, italic=FONT, boldItalic=FONT)
    return FONT


@cache
def _unit_widths(font: str) -> dict[str, float]:
    """Each character's width at 1 pt in `font`, filled as characters are met: one dictionary
    look-up per character is what keeps wrapping 10,000 rows fast."""
    return {}


def char_width(char: str, size: float, font: str = FONT) -> float:
    widths = _unit_widths(font)
    width = widths.get(char)
    if width is None:
        width = widths[char] = pdfmetrics.stringWidth(char, font, 1.0)
    return width * size


CLOSING = frozenset("》，。、：；！？）」』〕】”’,.;:!?)]")  # never starts a line
OPENING = frozenset("《（「『〔【“‘([")  # never ends a line


def wrap(text: str, size: float, width: float, font: str = FONT) -> str:
    """Break `text` into lines no wider than `width` in `font` (Chinese has no spaces to break
    at, so break at any character, but keep closing punctuation off a line's start and opening
    punctuation off its end by carrying one character over); far faster than a Paragraph per
    cell."""
    widths = _unit_widths(font)
    room = width / size
    lines: list[str] = []
    for paragraph in text.split("\n"):
        start, used = 0, 0.0
        for i, char in enumerate(paragraph):
            w = widths.get(char)
            if w is None:
                w = widths[char] = pdfmetrics.stringWidth(char, font, 1.0)
            if i > start and used + w > room:
                cut = i
                if i - 1 > start and (char in CLOSING or paragraph[i - 1] in OPENING):
                    cut = i - 1
                lines.append(paragraph[start:cut])
                start, used = cut, sum(widths[c] for c in paragraph[cut:i])
            used += w
        lines.append(paragraph[start:])
    return "\n".join(lines)
