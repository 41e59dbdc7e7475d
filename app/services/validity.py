"""Validity terms (有效期): default 5 years, 2 for 暂行/试行 titles; months end as the Civil Code says."""

from __future__ import annotations

import calendar
from datetime import date

from sqlalchemy.orm import Session

from app.services import settings

PROVISIONAL_MARKERS = ("暂行", "试行")


def add_years(start: date, years: int) -> date:
    """Same month and day `years` later; 29 February falls back to the month's last day."""
    year = start.year + years
    day = min(start.day, calendar.monthrange(year, start.month)[1])
    return date(year, start.month, day)


def add_months(start: date, months: int) -> date:
    """Same day `months` later, or the month's last day if it has no such day."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def term_years(s: Session, title: str) -> int:
    if any(marker in title for marker in PROVISIONAL_MARKERS):
        return settings.get(s, "validity.provisional_years")
    return settings.get(s, "validity.default_years")


def default_valid_until(s: Session, title: str, start: date) -> date:
    """Last day in force: the same date `years` after `start` (publication or effect), as
    domain.md 'Counting periods' says for terms in years."""
    return add_years(start, term_years(s, title))
