"""What a listing is made of; kept free of ReportLab and openpyxl so views can declare their
columns without loading either at start-up."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Any, Protocol


class Listing(Protocol):
    """Read-only, so a frozen dataclass with a list of its own rows is one."""

    @property
    def title(self) -> str: ...
    @property
    def subtitle(self) -> str: ...
    @property
    def header(self) -> str: ...  # the body named at the top of every page
    @property
    def rows(self) -> Sequence[Any]: ...


@dataclass(frozen=True)
class NotedListing:
    """A Listing with the footnotes printed under it (provisional dates, say)."""

    title: str
    subtitle: str
    header: str
    rows: Sequence[Any]
    notes: list[str]


@dataclass(frozen=True)
class ListColumn:
    header: str
    width: float  # share of the printed width; also the Excel width
    value: Callable[[Any], Any]
    align: str = "LEFT"


# the header and alignment of each document field as every catalog and ledger prints it
_DOCUMENT_FIELDS = {
    "reg_number": ("登记编号", "LEFT"),
    "doc_number": ("发文字号", "LEFT"),
    "title": ("文件名称", "LEFT"),
    "issuer_name": ("制定机关", "LEFT"),
    "published": ("公布日期", "CENTER"),
    "effective": ("施行日期", "CENTER"),
    "valid_until": ("有效期至", "CENTER"),
    "status_label": ("状态", "CENTER"),
}


def document_columns(**widths: float) -> tuple[ListColumn, ...]:
    """The named fields of a row about a document, in the order given, each with its width:
    `document_columns(title=34, doc_number=15)`."""
    return tuple(
        ListColumn(_DOCUMENT_FIELDS[field][0], width, attrgetter(field), _DOCUMENT_FIELDS[field][1])
        for field, width in widths.items()
    )
