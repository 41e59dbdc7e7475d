"""The fonts printed things use.

Tables of the older kind use one embedded CJK face, `FONT` (WenQuanYi Micro Hei: TrueType outlines,
so ReportLab subsets and embeds it; CFF fonts such as Noto CJK fail, STSong-Light is never
embedded). Letters and the newer forms use fonts by role (`FontRole`): the office's own fonts
where this PC has them, else bundled open TrueType fonts; `role_fonts` says which file serves each
role and registers them with ReportLab.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import registerFontFamily
from reportlab.pdfbase.ttfonts import TTFont

from app.config import resource_path
from app.reports import office_fonts
from app.reports.gongwen.breaking import CLOSING, OPENING  # one rule for tables and letters

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

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
    return RoleFonts({role: choice.font for role, choice in font_choices(s).items()})


class FontSource(Enum):
    """Why a file serves a role."""

    CHOSEN = "chosen"  # the office picked this family in 设置 → 打印
    OFFICE = "office"  # the first of the role's usual office fonts found on this PC
    BUNDLED = "bundled"  # none found: an open font shipped with the program stands in

    @property
    def label(self) -> str:
        return _SOURCE_LABELS[self]


_SOURCE_LABELS = {
    FontSource.CHOSEN: "本单位选定",
    FontSource.OFFICE: "本机字体",
    FontSource.BUNDLED: "程序自带，代用",
}


@dataclass(frozen=True)
class RoleChoice:
    """The font serving a role, why, and what was passed over on the way (in Chinese)."""

    font: RoleFont
    source: FontSource
    notes: tuple[str, ...]
    face: str  # the family of the file used (a bundled stand-in's own name, not the office's)


# The usual office fonts per role, in order of preference; Chinese and English family names.
CANDIDATES: dict[FontRole, tuple[str, ...]] = {
    FontRole.TITLE: (
        "方正小标宋简体",
        "方正小标宋_GBK",
        "方正小标宋_GB2312",
        "FZXiaoBiaoSong-B05S",
        "FZXiaoBiaoSong-B05",
        "华文中宋",
        "STZhongsong",
        "CESI小标宋-GB2312",
        "CESI小标宋-GB13000",
        "CESI小标宋-GB18030",
    ),
    FontRole.BODY: (
        "仿宋_GB2312",
        "FangSong_GB2312",
        "仿宋",
        "FangSong",
        "CESI仿宋-GB2312",
        "CESI仿宋-GB13000",
        "CESI仿宋-GB18030",
        "方正仿宋_GBK",
        "方正仿宋简体",
        "FZFangSong-Z02",
        "华文仿宋",
        "STFangsong",
    ),
    FontRole.HEADING1: (
        "黑体",
        "SimHei",
        "CESI黑体-GB2312",
        "CESI黑体-GB13000",
        "CESI黑体-GB18030",
        "方正黑体_GBK",
        "方正黑体简体",
        "FZHei-B01",
        "华文黑体",
        "STHeiti",
    ),
    FontRole.HEADING2: (
        "楷体_GB2312",
        "KaiTi_GB2312",
        "楷体",
        "KaiTi",
        "CESI楷体-GB2312",
        "CESI楷体-GB13000",
        "CESI楷体-GB18030",
        "方正楷体_GBK",
        "方正楷体简体",
        "FZKai-Z03",
        "华文楷体",
        "STKaiti",
    ),
    FontRole.TABLE: (
        "宋体",
        "SimSun",
        "CESI宋体-GB2312",
        "CESI宋体-GB13000",
        "CESI宋体-GB18030",
        "方正书宋_GBK",
        "方正书宋简体",
        "FZShuSong-Z01",
        "华文宋体",
        "STSong",
    ),
}


@dataclass(frozen=True)
class BundledFont:
    file: str  # in resources/fonts
    index: int
    note: str  # what stands in for what, in the words of 设置 → 打印


BUNDLED: dict[FontRole, BundledFont] = {
    FontRole.TITLE: BundledFont(
        "uming.ttc", 0, "本机未安装小标宋字体，以程序自带的 AR PL UMing（宋体）代替。"
    ),
    FontRole.BODY: BundledFont(
        "uming.ttc",
        0,
        "本机未安装仿宋字体，以程序自带的 AR PL UMing（宋体）代替"
        "（没有可随程序分发的开放授权 TrueType 仿宋字体）。",
    ),
    FontRole.HEADING1: BundledFont(
        "wqy-microhei.ttc", 0, "本机未安装黑体字体，使用程序自带的文泉驿微米黑（黑体）。"
    ),
    FontRole.HEADING2: BundledFont(
        "ukai.ttc", 0, "本机未安装楷体字体，使用程序自带的 AR PL UKai（楷体）。"
    ),
    FontRole.TABLE: BundledFont(
        "uming.ttc", 0, "本机未安装宋体字体，使用程序自带的 AR PL UMing（宋体）。"
    ),
}


def setting_key(role: FontRole) -> str:
    """The office setting holding the family chosen for `role` ("" = 自动)."""
    return f"print.font.{role.value}"


def font_choices(
    s: Session | None = None, chosen: Mapping[FontRole, str] | None = None
) -> dict[FontRole, RoleChoice]:
    """Which file serves each role and why: the office's choice where this PC has it as a
    TrueType font, else the first usual office font found, else the bundled stand-in. Files
    ReportLab cannot embed (CFF outlines, refused files) are passed over with a note. `chosen`
    (a family per role, "" = 自动) stands for the settings, as 设置 → 打印 shows them unsaved."""
    if chosen is None:
        chosen = {role: _chosen(s, role) for role in FontRole}
    return {role: _choose(role, chosen.get(role, "").strip()) for role in FontRole}


def _chosen(s: Session | None, role: FontRole) -> str:
    if s is None:
        return ""
    from app.services import settings

    return str(settings.get(s, setting_key(role))).strip()


def _choose(role: FontRole, chosen: str) -> RoleChoice:
    passed = _PassedOver()
    if chosen:
        font = _installed(role, chosen, passed)
        if font is not None:
            return RoleChoice(font, FontSource.CHOSEN, tuple(passed.notes), font.family)
        if not office_fonts.find(chosen):
            passed.notes.append(f"本单位选定的“{chosen}”本机未安装，已自动选择。")
    for family in CANDIDATES[role]:
        font = _installed(role, family, passed)
        if font is not None:
            return RoleChoice(font, FontSource.OFFICE, tuple(passed.notes), font.family)
    bundled = BUNDLED[role]
    path = resource_path("fonts", bundled.file)
    name = _register(path, bundled.index)
    if name is None:  # the program's own file is damaged: the face every table uses serves
        path, name = resource_path("fonts", "wqy-microhei.ttc"), register_fonts()
    passed.notes.append(bundled.note)
    font = RoleFont(role, name, role.office_name, path, True)
    faces = office_fonts.read_faces(path)
    face = faces[bundled.index].name if len(faces) > bundled.index else path.name
    return RoleChoice(font, FontSource.BUNDLED, tuple(passed.notes), face)


class _PassedOver:
    """Faces found but not usable, each noted once (a face is found under each of its names)."""

    def __init__(self) -> None:
        self.notes: list[str] = []
        self.faces: set[tuple[Path, int]] = set()

    def add(self, face: office_fonts.FontFace, family: str, why: str) -> None:
        if (face.path, face.index) not in self.faces:
            self.faces.add((face.path, face.index))
            self.notes.append(f"{family}（{face.path.name}）{why}，已跳过。")


def _installed(role: FontRole, family: str, passed: _PassedOver) -> RoleFont | None:
    """The first face of `family` on this PC that ReportLab embeds; the others are noted."""
    for face in office_fonts.find(family):
        if face.outline is office_fonts.Outline.CFF:
            passed.add(face, family, "为 CFF 轮廓字体，无法嵌入 PDF")
            continue
        name = _register(face.path, face.index)
        if name is None:
            passed.add(face, family, "无法嵌入 PDF（文件损坏或字体禁止嵌入）")
            continue
        return RoleFont(role, name, family, face.path, False)
    return None


def usable_families(role: FontRole) -> list[str]:
    """Families this PC has that could serve `role` in a PDF: its usual office fonts first (under
    the name the list of candidates gives them), then every other Chinese TrueType font."""
    faces = [
        f for f in office_fonts.installed_faces() if f.outline is office_fonts.Outline.TRUETYPE
    ]
    names: list[str] = []
    taken: set[tuple[Path, int]] = set()
    for family in CANDIDATES[role]:
        for face in faces:
            if (face.path, face.index) not in taken and face.has_family(family):
                taken.add((face.path, face.index))
                names.append(family)
    others = {f.name for f in faces if f.cjk and (f.path, f.index) not in taken}
    return names + sorted(others - set(names))


_registered: dict[tuple[str, int], str | None] = {}
_register_lock = threading.Lock()


def _register(path: Path, index: int) -> str | None:
    """Register a font file's face with ReportLab under a name stable for the file; None when
    ReportLab refuses it (kept, so a refused file is not read again)."""
    key = (str(path), index)
    with _register_lock:
        if key not in _registered:
            _registered[key] = _load(path, index)
        return _registered[key]


def _load(path: Path, index: int) -> str | None:
    digest = hashlib.sha1(f"{path}|{index}".encode()).hexdigest()[:10]
    name = f"ND-{digest}"
    try:
        pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=index))
    except Exception as exc:  # noqa: BLE001 - any refusal of a foreign file means "not this one"
        log.warning("font not embeddable, skipped: %s #%d (%s)", path, index, exc)
        return None
    registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)
    return name


# --- characters the office font lacks -----------------------------------------------------
# 仿宋_GB2312 and its kin hold only the GB2312 characters: a name with 堃 or 喆 would print as an
# empty box. Such a character is drawn in a bundled face that has it (Word does the same).

_STAND_IN_FILES = (("uming.ttc", 0), ("ukai.ttc", 0), ("wqy-microhei.ttc", 0))


@cache
def _glyphs(pdf_name: str) -> dict[int, int]:
    font = pdfmetrics.getFont(pdf_name)
    assert isinstance(font, TTFont)  # every face we register is TrueType
    return font.face.charToGlyph


@cache
def _stand_ins(role: FontRole) -> tuple[str, ...]:
    """Registered bundled faces to borrow a glyph from: the role's own stand-in first."""
    files = [(BUNDLED[role].file, BUNDLED[role].index), *_STAND_IN_FILES]
    names = (_register(resource_path("fonts", file), index) for file, index in files)
    return tuple(dict.fromkeys(name for name in names if name))


def face_for(font: RoleFont, char: str) -> str:
    """The registered face that draws `char` for `font`: its own, else a bundled one that has
    the glyph, else its own (which then prints its empty glyph)."""
    if ord(char) in _glyphs(font.pdf_name) or char.isspace():
        return font.pdf_name
    for name in _stand_ins(font.role):
        if ord(char) in _glyphs(name):
            return name
    return font.pdf_name


def pieces(font: RoleFont, text: str) -> list[tuple[str, str]]:
    """`text` cut where the drawing face changes: (text, registered face name) pairs."""
    out: list[tuple[str, str]] = []
    for char in text:
        name = face_for(font, char)
        if out and out[-1][1] == name:
            out[-1] = (out[-1][0] + char, name)
        else:
            out.append((char, name))
    return out


def text_width(font: RoleFont, text: str, size: float) -> float:
    """The width `text` takes in `font`, borrowed glyphs at their own width."""
    return sum(pdfmetrics.stringWidth(part, name, size) for part, name in pieces(font, text))


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
