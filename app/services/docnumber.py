"""发文字号 (document numbers): `桂民发〔2022〕7号`, with the hexagonal brackets of GB/T 9704."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from app.errors import UserError

# Brackets clerks type instead of 〔〕: [] 【】 () （） ［］ 〖〗 ｛｝ {}
_OPEN = "[【(（［〖{｛〔"
_CLOSE = "]】)）］〗}｝〕"
_PATTERN = re.compile(
    rf"^(?P<abbr>[^\s{re.escape(_OPEN)}]+?)\s*[{re.escape(_OPEN)}]\s*(?P<year>\d{{4}})\s*"
    rf"[{re.escape(_CLOSE)}]\s*(?P<serial>\d+)\s*号$"
)


@dataclass(frozen=True)
class DocNumber:
    abbr: str
    year: int
    serial: int

    def __str__(self) -> str:
        return f"{self.abbr}〔{self.year}〕{self.serial}号"


def parse(text: str, field: str = "发文字号") -> DocNumber:
    """Parse and normalise a 发文字号; mis-typed brackets are accepted, 〔〕 is what is stored."""
    cleaned = text.strip().replace(" ", "").replace("\u3000", "")
    match = _PATTERN.match(cleaned)
    if not match:
        raise UserError(
            f"{field}“{text}”格式不正确：应为“机关代字〔年份〕序号号”，例如“桂民发〔2022〕7号”。"
        )
    year = int(match["year"])
    if not 1949 <= year <= 2100:
        raise UserError(f"{field}“{text}”中的年份 {year} 不正确。")
    serial = int(match["serial"])
    if serial <= 0:
        raise UserError(f"{field}“{text}”中的序号必须大于 0。")
    return DocNumber(match["abbr"], year, serial)


def example(abbr: str, year: int) -> str:
    """The hint in an empty 发文字号 field: written with the issuer's own abbreviation."""
    return f"例如：{DocNumber(abbr.strip() or '××发', year, 1)}"


def normalize(text: str) -> str:
    return str(parse(text))


class AbbrNotConfirmed(UserError):
    """A 发文字号 whose agency abbreviation is not its issuer's (a typo, or another body's number);
    saved only once the clerk confirms."""

    def __init__(self, number: str, abbr: str, issuer_name: str, issuer_abbr: str) -> None:
        super().__init__(
            f"发文字号：“{number}”的机关代字“{abbr}”与制定机关“{issuer_name}”的发文机关代字"
            f"“{issuer_abbr}”不一致，请核对。"
        )
        self.number = number


def check_abbr(number: str, issuer_name: str, issuer_abbr: str) -> None:
    """AbbrNotConfirmed unless `number` is written with the issuer's abbreviation."""
    abbr = parse(number).abbr
    if _plain(abbr) != _plain(issuer_abbr):
        raise AbbrNotConfirmed(number, abbr, issuer_name, issuer_abbr)


def _plain(abbr: str) -> str:
    return "".join(unicodedata.normalize("NFKC", abbr).split())
