"""The one source of "today", so tests and the day-turn check can fix it."""

from datetime import date, datetime

_fixed: date | None = None


def today() -> date:
    return _fixed or date.today()


def now() -> datetime:
    return datetime.now()


def fix_today(day: date | None) -> None:
    """Pin today() to `day` (None releases it). For tests and demos."""
    global _fixed
    _fixed = day
