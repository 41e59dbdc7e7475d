"""The statutory holidays of a year as the law itself sets them (全国年节及纪念日放假办法), from the
lunar calendar: what a year's calendar is, provisionally, until its 国务院办公厅 notice is entered.

Each version of the law applies from the year it took effect; the notice later adds bridging days
off and make-up working days (调休), which no rule can foresee."""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

NEW_YEAR, SPRING, QINGMING, LABOUR, DRAGON_BOAT, MID_AUTUMN, NATIONAL = (
    "元旦",
    "春节",
    "清明节",
    "劳动节",
    "端午节",
    "中秋节",
    "国庆节",
)

# (first year, version, 春节 days counted from 正月初一 (-1 is 除夕), 劳动节 days, 国庆节 days,
#  whether 清明/端午/中秋 are holidays)
_VERSIONS = (
    (2025, "2024年修订", (-1, 0, 1, 2), (1, 2), (1, 2, 3), True),
    (2014, "2013年修订", (0, 1, 2), (1,), (1, 2, 3), True),
    (2008, "2007年修订", (-1, 0, 1), (1,), (1, 2, 3), True),
    (2000, "1999年修订", (0, 1, 2), (1, 2, 3), (1, 2, 3), False),
    (1950, "1949年", (0, 1, 2), (1,), (1, 2), False),
)
# Up to 2200: a period counted from the last day a register holds (2100-12-31, clock.LAST_DAY)
# may run ten years on (workcalendar.MAX_WORKDAYS); the lunar library's tables cover far wider.
FIRST_YEAR, LAST_YEAR = 1950, 2200


def version(year: int) -> str:
    """Which version of the law sets `year`'s holidays, e.g. "2024年修订"."""
    return _version(year)[1]


def _version(year: int) -> tuple:
    for row in _VERSIONS:
        if year >= row[0]:
            return row
    return _VERSIONS[-1]


def _lunar(year: int, month: int, day: int) -> date:
    from lunar_python import Lunar  # loaded when a year without a holiday notice is first asked

    solar = Lunar.fromYmd(year, month, day).getSolar()
    return date(solar.getYear(), solar.getMonth(), solar.getDay())


@cache
def holidays(year: int) -> dict[date, str]:
    """The statutory days off of Gregorian `year`, each with its festival's name."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return {}
    _first, _name, spring, labour, national, traditional = _version(year)
    days: dict[date, str] = {date(year, 1, 1): NEW_YEAR}
    # 春节 of this lunar year and, for a 除夕 that falls late in December, of the next one
    for lunar_year in (year - 1, year, year + 1):
        first = _lunar(lunar_year, 1, 1)
        for offset in spring:
            day = first + timedelta(days=offset)
            if day.year == year:
                days[day] = SPRING
    for d in labour:
        days[date(year, 5, d)] = LABOUR
    for d in national:
        days[date(year, 10, d)] = NATIONAL
    if traditional:
        from lunar_python import Solar

        qingming = Solar.fromYmd(year, 4, 1).getLunar().getJieQiTable()["清明"]
        days[date(qingming.getYear(), qingming.getMonth(), qingming.getDay())] = QINGMING
        days[_lunar(year, 5, 5)] = DRAGON_BOAT
        days[_lunar(year, 8, 15)] = MID_AUTUMN
    return dict(sorted(days.items()))
