"""What a listing is made of; kept free of ReportLab and openpyxl so views can declare their
columns without loading either at start-up."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
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
