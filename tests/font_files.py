"""Tiny real font files named as offices' fonts are, built with fontTools' FontBuilder."""

from __future__ import annotations

from pathlib import Path

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont

TEXT = "的一是0123456789"
GB2312_CODEPAGE = 1 << 18


def _glyph_names() -> dict[int, str]:
    return {ord(ch): f"uni{ord(ch):04X}" for ch in TEXT}


def _box(pen) -> None:
    pen.moveTo((100, 0))
    pen.lineTo((100, 700))
    pen.lineTo((800, 700))
    pen.lineTo((800, 0))
    pen.closePath()


def _names(family: str, english: str | None, ps_name: str) -> dict:
    names: dict = {"familyName": {"en": english or family}, "styleName": "Regular"}
    if english:
        names["familyName"]["zh"] = family  # Windows language 0x0804
    names["psName"] = ps_name
    return names


def _builder(family: str, english: str | None, ps_name: str, truetype: bool) -> FontBuilder:
    fb = FontBuilder(1000, isTTF=truetype)
    cmap = _glyph_names()
    order = [".notdef", *cmap.values()]
    fb.setupGlyphOrder(order)
    fb.setupCharacterMap(cmap)
    if truetype:
        glyphs = {}
        for name in order:
            pen = TTGlyphPen(None)
            _box(pen)
            glyphs[name] = pen.glyph()
        fb.setupGlyf(glyphs)
    else:
        charstrings = {}
        for name in order:
            pen = T2CharStringPen(1000, None)
            _box(pen)
            charstrings[name] = pen.getCharString()
        fb.setupCFF(ps_name, {"FullName": ps_name}, charstrings, {})
    fb.setupHorizontalMetrics({name: (1000, 100) for name in order})
    fb.setupHorizontalHeader(ascent=880, descent=-120)
    fb.setupNameTable(_names(family, english, ps_name), mac=False)
    fb.setupOS2(
        sTypoAscender=880, usWinAscent=880, usWinDescent=120, fsType=0,
        ulCodePageRange1=GB2312_CODEPAGE,
    )  # fmt: skip
    fb.setupPost()
    return fb


def truetype(
    folder: Path,
    file: str,
    family: str,
    english: str | None = None,
    ps_name: str = "TestFont",
) -> Path:
    """A TrueType font whose family is `family` (in Chinese, with `english` beside it)."""
    path = folder / file
    _builder(family, english, ps_name, truetype=True).save(str(path))
    return path


def cff(folder: Path, file: str, family: str, english: str | None = None) -> Path:
    """An OpenType font with CFF outlines, which ReportLab cannot embed."""
    path = folder / file
    _builder(family, english, "TestCFF", truetype=False).save(str(path))
    return path


def collection(folder: Path, file: str, *fonts: Path) -> Path:
    """A .ttc holding the given font files, in order."""
    path = folder / file
    ttc = TTCollection()
    ttc.fonts = [TTFont(str(f)) for f in fonts]
    ttc.save(str(path))
    return path


def break_head(path: Path) -> None:
    """Spoil the head table's magic number: the names still read, ReportLab refuses the file."""
    offset = TTFont(str(path)).reader.tables["head"].offset
    data = bytearray(path.read_bytes())
    data[offset + 12 : offset + 16] = b"\x00\x00\x00\x00"
    path.write_bytes(bytes(data))
