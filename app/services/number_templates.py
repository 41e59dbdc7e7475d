"""A registration-number template as a clerk edits it: pieces of fixed text, each followed by one
field (机关代码, 年份 or 序号 with its digits), then closing text; to and from the template text
the numbering service keeps (`{code}-{year}-{seq:03d}`)."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from enum import StrEnum

from app.services.numbering import MAX_WIDTH


class TemplateField(StrEnum):
    CODE = "code"
    YEAR = "year"
    SEQ = "seq"

    @property
    def label(self) -> str:
        return {"code": "机关代码", "year": "年份", "seq": "序号"}[self.value]


@dataclass(frozen=True)
class Piece:
    """Fixed text, then a field; `digits` pads 序号 with zeros to that many digits (0: none)."""

    text: str
    field: TemplateField
    digits: int = 0


@dataclass(frozen=True)
class TemplateParts:
    pieces: tuple[Piece, ...]
    tail: str = ""

    def template(self) -> str:
        out = ""
        for piece in self.pieces:
            out += _escaped(piece.text)
            digits = min(max(piece.digits, 0), MAX_WIDTH)
            spec = f":0{digits}d" if piece.field is TemplateField.SEQ and digits > 1 else ""
            out += "{" + piece.field.value + spec + "}"
        return out + _escaped(self.tail)


_PADDED = re.compile(r"0([1-9][0-9]?)d")


def parts_of(template: str) -> TemplateParts | None:
    """The pieces of `template`, or None when it says more than the pieces can (an unknown field,
    a field used twice, a format other than zero-padding the serial): then it is edited as text."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError:
        return None
    pieces: list[Piece] = []
    text = ""  # an escaped brace splits the text into several entries
    for literal, name, spec, conversion in parsed:
        text += literal
        if name is None:
            continue
        if conversion or name not in TemplateField._value2member_map_:
            return None
        field = TemplateField(name)
        if any(p.field is field for p in pieces):
            return None
        digits = 0
        if spec:
            padded = _PADDED.fullmatch(spec)
            if field is not TemplateField.SEQ or padded is None:
                return None
            digits = int(padded[1])
        pieces.append(Piece(text, field, digits))
        text = ""
    return TemplateParts(tuple(pieces), text)


def _escaped(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")


def described(template: str) -> str:
    """The template as a list shows it: 机关代码、年份、序号 named, fixed text as it is, e.g.
    ［机关代码］GS-［年份］-［序号，3 位］; a template the pieces cannot say, as its text."""
    parts = parts_of(template)
    if parts is None:
        return template
    out = ""
    for piece in parts.pieces:
        digits = (
            f"，{piece.digits} 位" if piece.field is TemplateField.SEQ and piece.digits > 1 else ""
        )
        out += f"{piece.text}［{piece.field.label}{digits}］"
    return out + parts.tail
