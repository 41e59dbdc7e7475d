"""The fonts installed on this PC: their family names and outline kind, read from the sfnt headers.

Only the table directory, the name table and the OS/2 table of each file are read (a 20 MB .ttc
costs a few kilobytes), so a Windows font folder of ~500 files is scanned in well under a second;
the answer is kept for the process (`rescan()` reads the folders again). Damaged or unreadable
files are skipped. No font library is needed: the formats are simple, and struct reads them.
"""

from __future__ import annotations

import logging
import os
import struct
import sys
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

log = logging.getLogger(__name__)

DIRS_ENV = "NORMDESK_FONT_DIRS"
FONT_SUFFIXES = frozenset({".ttf", ".ttc", ".otf", ".otc"})
MAX_SUBFONTS = 64  # a .ttc claiming more is damaged (real ones hold 2 to 8)
MAX_TABLES = 512
MAX_NAME_TABLE = 1 << 20

# Places where Kylin, UOS and WPS Office put the office fonts, beside the usual ones.
_LINUX_EXTRA = (
    "/opt/kingsoft/wps-office/office6/fonts",
    "/opt/apps/cn.wps.wps-office-pro/files/kingsoft/wps-office/office6/fonts",
    "/opt/apps/cn.wps.wps-office/files/kingsoft/wps-office/office6/fonts",
)

NAME_FAMILY, NAME_TYPOGRAPHIC_FAMILY = 1, 16
PLATFORM_MAC, PLATFORM_WINDOWS = 1, 3
LANG_ZH_CN, LANG_EN_US = 0x0804, 0x0409
WIN_PRC_ENCODING = 3  # names stored as GB2312/GBK double bytes in 16-bit units (old Chinese fonts)
MAC_CHINESE_SIMPLIFIED = 25
# OS/2 ulUnicodeRange bit 59 (CJK Unified Ideographs) and ulCodePageRange1 bits 18 (GB2312,
# PRC) and 20 (Big5).
_CJK_UNICODE_BIT = 59 - 32
_CJK_CODEPAGE_BITS = (1 << 18) | (1 << 20)


class Outline(Enum):
    """How a font draws its glyphs: ReportLab embeds TrueType (glyf) outlines only."""

    TRUETYPE = "truetype"
    CFF = "cff"


@dataclass(frozen=True)
class FontFace:
    """One font in a file (a .ttc holds several, told apart by `index`)."""

    path: Path
    index: int
    families: tuple[str, ...]  # every family name (IDs 16 and 1), every language, no repeats
    outline: Outline
    cjk: bool  # OS/2 says it covers Chinese characters

    @property
    def name(self) -> str:
        """The name offices see in Word's list: the Chinese one where the font has one."""
        return self.families[0]

    def has_family(self, family: str) -> bool:
        key = family_key(family)
        return any(family_key(f) == key for f in self.families)


def family_key(family: str) -> str:
    """Family names compare without case or spaces ("SimHei" = "simhei", "AR PL UMing CN")."""
    return "".join(family.split()).casefold()


def font_dirs() -> list[Path]:
    """The folders searched: NORMDESK_FONT_DIRS (os.pathsep-separated) replaces the list."""
    override = os.environ.get(DIRS_ENV)
    if override is not None:
        return [Path(p) for p in override.split(os.pathsep) if p.strip()]
    if sys.platform == "win32":
        windir = os.environ.get("WINDIR") or os.environ.get("SYSTEMROOT") or r"C:\Windows"
        dirs = [Path(windir) / "Fonts"]
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
        return [d for d in dirs if d.is_dir()]
    home = Path.home()
    dirs = [
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        home / ".local" / "share" / "fonts",
        home / ".fonts",
        *map(Path, _LINUX_EXTRA),
    ]
    return [d for d in dirs if d.is_dir()]


def installed_faces() -> tuple[FontFace, ...]:
    """Every readable font face in the font folders (kept for the process; see `rescan`)."""
    return _installed().faces


def find(family: str) -> list[FontFace]:
    """The installed faces with this family name (any language), in folder order."""
    return list(_installed().by_family.get(family_key(family), ()))


def rescan() -> None:
    """Forget what was found: the next question reads the folders again."""
    with _lock:
        _found.clear()


@dataclass(frozen=True)
class _Found:
    faces: tuple[FontFace, ...]
    by_family: dict[str, tuple[FontFace, ...]]


_lock = threading.Lock()
_found: dict[tuple[str, ...], _Found] = {}


def _installed() -> _Found:
    dirs = tuple(str(d) for d in font_dirs())
    with _lock:  # the GUI and a print in the background never scan twice
        if dirs not in _found:
            _found[dirs] = _scan(dirs)
        return _found[dirs]


def _scan(dirs: tuple[str, ...]) -> _Found:
    faces: list[FontFace] = []
    seen: set[str] = set()
    for path in _font_files(Path(d) for d in dirs):
        real = os.path.realpath(path)
        if real not in seen:
            seen.add(real)
            faces.extend(read_faces(path))
    by_family: dict[str, list[FontFace]] = {}
    for face in faces:
        for key in dict.fromkeys(family_key(f) for f in face.families):
            by_family.setdefault(key, []).append(face)
    return _Found(tuple(faces), {k: tuple(v) for k, v in by_family.items()})


def _font_files(dirs: Iterable[Path]) -> Iterator[Path]:
    for folder in dirs:
        for root, subdirs, files in os.walk(folder, onerror=lambda _e: None):
            subdirs.sort()
            for name in sorted(files):
                if os.path.splitext(name)[1].lower() in FONT_SUFFIXES:
                    yield Path(root, name)


def read_faces(path: Path) -> list[FontFace]:
    """The faces in one font file; [] when it is no font, damaged or unreadable."""
    try:
        with open(path, "rb") as f:
            return _faces(path, f)
    except (OSError, struct.error, ValueError, UnicodeDecodeError) as exc:
        log.info("font file skipped: %s (%s)", path, exc)
        return []


def _faces(path: Path, f) -> list[FontFace]:
    head = f.read(12)
    if head[:4] == b"ttcf":
        (count,) = struct.unpack(">I", head[8:12])
        if not 0 < count <= MAX_SUBFONTS:
            raise ValueError(f"{count} fonts in a collection")
        offsets = struct.unpack(f">{count}I", _read(f, 12, 4 * count))
    else:
        offsets = (0,)
    faces = []
    for index, offset in enumerate(offsets):
        face = _face(path, f, index, offset)
        if face is not None:
            faces.append(face)
    return faces


def _read(f, offset: int, length: int) -> bytes:
    f.seek(offset)
    data = f.read(length)
    if len(data) != length:
        raise ValueError("file ends early")
    return data


def _face(path: Path, f, index: int, offset: int) -> FontFace | None:
    version, count = struct.unpack(">4sH", _read(f, offset, 6))
    if version not in (b"\x00\x01\x00\x00", b"true", b"OTTO") or not 0 < count <= MAX_TABLES:
        return None
    directory = _read(f, offset + 12, 16 * count)
    tables: dict[bytes, tuple[int, int]] = {}
    for i in range(count):
        tag, _checksum, start, length = struct.unpack_from(">4sIII", directory, 16 * i)
        tables[tag] = (start, length)
    if b"glyf" in tables:
        outline = Outline.TRUETYPE
    elif b"CFF " in tables or b"CFF2" in tables:
        outline = Outline.CFF
    else:
        return None  # bitmap-only or damaged: nothing to draw with
    if b"name" not in tables:
        return None
    start, length = tables[b"name"]
    if length > MAX_NAME_TABLE:
        raise ValueError("name table too large")
    families = _families(_read(f, start, length))
    if not families:
        return None
    cjk = b"OS/2" in tables and _covers_cjk(f, *tables[b"OS/2"])
    return FontFace(path, index, families, outline, cjk)


def _families(table: bytes) -> tuple[str, ...]:
    """Family names, Chinese first, then English, then the rest; typographic (16) before legacy
    (1) within a language, as Word lists them."""
    _format, count, strings = struct.unpack_from(">HHH", table, 0)
    found: list[tuple[int, str]] = []
    for i in range(count):
        platform, encoding, language, name_id, length, offset = struct.unpack_from(
            ">HHHHHH", table, 6 + 12 * i
        )
        if name_id not in (NAME_FAMILY, NAME_TYPOGRAPHIC_FAMILY):
            continue
        raw = table[strings + offset : strings + offset + length]
        text = _decode(platform, encoding, raw)
        if not text:
            continue
        found.append((_rank(platform, language, name_id), text))
    names: list[str] = []
    for _, text in sorted(found, key=lambda item: item[0]):
        if text not in names:
            names.append(text)
    return tuple(names)


def _rank(platform: int, language: int, name_id: int) -> int:
    if platform == PLATFORM_WINDOWS and language == LANG_ZH_CN:
        lang = 0
    elif platform == PLATFORM_WINDOWS and language == LANG_EN_US:
        lang = 2
    elif platform == PLATFORM_WINDOWS:
        lang = 1
    else:
        lang = 3
    return lang * 2 + (0 if name_id == NAME_TYPOGRAPHIC_FAMILY else 1)


def _decode(platform: int, encoding: int, raw: bytes) -> str:
    try:
        if platform == PLATFORM_WINDOWS and encoding == WIN_PRC_ENCODING:
            text = raw.replace(b"\x00", b"").decode("gbk")
        elif platform == PLATFORM_WINDOWS:
            text = raw.decode("utf-16-be")
        elif platform == PLATFORM_MAC and encoding == 0:
            text = raw.decode("mac_roman")
        elif platform == PLATFORM_MAC and encoding == MAC_CHINESE_SIMPLIFIED:
            text = raw.decode("gbk")
        else:
            return ""
    except UnicodeDecodeError:
        return ""
    return "".join(ch for ch in text if ch.isprintable()).strip()


def _covers_cjk(f, start: int, length: int) -> bool:
    """OS/2 says the font is for Chinese: the GB2312 or Big5 code page (version 1 on), else the
    CJK ideographs Unicode range (fonts of other scripts sometimes claim that range)."""
    table = _read(f, start, min(length, 86))
    version = struct.unpack_from(">H", table, 0)[0] if len(table) >= 2 else 0
    if version >= 1 and len(table) >= 82:
        (codepages1,) = struct.unpack_from(">I", table, 78)
        return bool(codepages1 & _CJK_CODEPAGE_BITS)
    if len(table) >= 50:
        (unicode2,) = struct.unpack_from(">I", table, 46)  # ulUnicodeRange2
        return bool(unicode2 & (1 << _CJK_UNICODE_BIT))
    return False
