"""期限一览表: the dashboard's open deadlines on paper, overdue first."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from app import clock
from app.reports import listing
from app.reports.listing import ListColumn
from app.services import deadlines
from app.services.catalogs import office_name

COLUMNS = (
    ListColumn("期限类型", 11, lambda d: d.kind_label),
    ListColumn("事项", 38, lambda d: d.title),
    ListColumn("期限", 9, lambda d: d.due, align="CENTER"),
    ListColumn("剩余天数", 7, lambda d: d.days_left, align="CENTER"),
    ListColumn("状态", 7, lambda d: d.state_label, align="CENTER"),
    ListColumn("依据", 26, lambda d: d.rule),
)


@dataclass(frozen=True)
class _Overview:
    title: str
    subtitle: str
    header: str
    rows: list[deadlines.Deadline]


def _overview(s: Session) -> _Overview:
    today = clock.today()
    rows = deadlines.open_deadlines(s, today)
    return _Overview(
        "期限一览表", f"截至{today.year}年{today.month}月{today.day}日", office_name(s), rows
    )


def pdf(s: Session, target: Path) -> int:
    return listing.pdf(_overview(s), COLUMNS, target, clock.today(), True)


def xlsx(s: Session, target: Path) -> int:
    return listing.xlsx(_overview(s), COLUMNS, target)
