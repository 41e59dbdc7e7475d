"""The one source of "today", so tests and the day-turn check can fix it.

`NORMDESK_TODAY=YYYY-MM-DD` in the environment pins today for the whole program (training, checks
of what the register says on a given day); the real time of day still stamps the audit trail."""

import os
from datetime import date, datetime

from app.errors import UserError

TODAY_ENV = "NORMDESK_TODAY"
# Dates a register can hold (arguments, ledgers, the pinned day); later ones would overflow when
# periods are added to them.
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(2100, 12, 31)

_fixed: date | None = None
_parsed: tuple[str, date] | None = None  # the environment's value and its date, read once


def pinned() -> date | None:
    """The day NORMDESK_TODAY pins, or None when it is not set."""
    global _parsed
    raw = os.environ.get(TODAY_ENV, "").strip()
    if not raw:
        return None
    if _parsed is None or _parsed[0] != raw:
        try:
            day = date.fromisoformat(raw)
        except ValueError:
            raise UserError(
                f"环境变量 {TODAY_ENV}：日期“{raw[:40]}”格式不正确，应为 YYYY-MM-DD。",
                field=f"环境变量 {TODAY_ENV}",
            ) from None
        if not FIRST_DAY <= day <= LAST_DAY:
            raise UserError(
                f"环境变量 {TODAY_ENV}：日期应在 {FIRST_DAY} 到 {LAST_DAY} 之间。",
                field=f"环境变量 {TODAY_ENV}",
            )
        _parsed = (raw, day)
    return _parsed[1]


def today() -> date:
    return _fixed or pinned() or date.today()


def now() -> datetime:
    return datetime.now()


def fix_today(day: date | None) -> None:
    """Pin today() to `day` (None releases it). For tests and demos."""
    global _fixed
    _fixed = day
