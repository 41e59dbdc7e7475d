"""设置—数据安全: the voided and skipped registration numbers as one list, newest first, each
with the person who voided it by name (numbering.gaps finds them; `normdesk number gaps`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from app.services import numbering
from app.services.numbering import GAP_KIND_LABELS, Gap, GapKind


@dataclass(frozen=True)
class GapRow:
    number: str
    kind: GapKind
    year: int
    serial: int
    day: date | None  # the day it was voided; a skipped serial has none
    by: str  # the person's name (the stored user name when no user has it)
    reason: str

    @property
    def kind_label(self) -> str:
        return GAP_KIND_LABELS[self.kind]


def listed(s: Session) -> list[GapRow]:
    """Every gap of every sequence, newest first: by year, then serial (numbers are given in
    order, so a higher serial is a later one; a sequence that runs on across years counts the
    year its number was voided in)."""
    rows = [_row(gap) for gap in numbering.gaps(s)]
    return sorted(rows, key=_newest, reverse=True)


def _row(gap: Gap) -> GapRow:
    return GapRow(
        gap.number, gap.kind, gap.year, gap.serial, gap.voided_on, gap.voided_by_name, gap.reason
    )


def _newest(row: GapRow) -> tuple[int, int, date]:
    year = row.year or (row.day.year if row.day else 0)
    return year, row.serial, row.day or date.min
