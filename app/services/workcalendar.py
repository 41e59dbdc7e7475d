"""The working-day calendar: national holidays and make-up working days (调休) from
chinesecalendar, corrected and extended by the office's own entries; for a year neither knows, a
provisional calendar from the law (statutory_holidays). Periods are counted as domain.md
'Counting periods' says (the day of the event itself is not counted)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import chinese_calendar
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app import clock
from app.errors import UserError
from app.models import CalendarDay, CalendarYear
from app.services import audit, people, settings, statutory_holidays
from app.services.permissions import Actor, Permission, require
from app.services.vocabulary import AuditAction

MAX_WORKDAYS = 2500  # about ten years of working days: no period in the rules is longer
_BUNDLED = chinese_calendar.constants
BUNDLED_YEARS = range(
    min(d.year for d in _BUNDLED.holidays), max(d.year for d in _BUNDLED.holidays) + 1
)
MAX_SCAN_DAYS = 3660
HOLIDAY_NOTE, MAKEUP_NOTE = "法定节假日", "调休上班"  # the notes enter_year writes
KIND_LABELS = {"workday": "工作日", "rest": "休息日", "holiday": "节假日", "makeup": "调休上班"}
PROVISIONAL_MARK = "（暂定）"


@dataclass(frozen=True)
class Period:
    """A period's last day, and whether computing it consulted a year without a notice (so the
    day may move once that year's notice is entered)."""

    end: date
    provisional: bool = False


@dataclass
class WorkCalendar:
    """One consistent view of the calendar for a computation; remembers if it had to guess."""

    overrides: dict[date, bool] = field(default_factory=dict)
    office_years: frozenset[int] = frozenset()
    provisional_years: set[int] = field(default_factory=set)  # consulted, no notice known
    office_holidays: frozenset[date] = frozenset()  # days off entered from a notice
    # The office's holiday-extension setting (filing.extend_holiday): one rule for every
    # calendar-day period, whichever service counts it (domain.md, Counting periods).
    extend_holidays: bool = True
    _memo: dict[date, bool] = field(default_factory=dict, repr=False)

    def knows(self, year: int) -> bool:
        """Whether `year` follows a 国务院办公厅 notice (bundled or entered by the office)."""
        return year in BUNDLED_YEARS or year in self.office_years

    def is_provisional(self, day: date) -> bool:
        """Whether `day`'s year has no notice yet; notes the year for warnings()."""
        if self.knows(day.year):
            return False
        self.provisional_years.add(day.year)
        return True

    def any_provisional(self, *days: date | None) -> bool:
        """Whether a date computed up to the last of `days` went through a provisional year."""
        known = [d for d in days if d is not None]
        if not known:
            return False
        first, last = min(known), max(known)
        return any(self.is_provisional(date(y, 1, 1)) for y in range(first.year, last.year + 1))

    def is_workday(self, day: date) -> bool:
        known = self._memo.get(day)
        if known is None:
            known = self._memo[day] = self._is_workday(day)
        return known

    def _is_workday(self, day: date) -> bool:
        if day in self.overrides:
            return self.overrides[day]
        if day.year in BUNDLED_YEARS:
            return chinese_calendar.is_workday(day)
        if self.is_provisional(day) and day in statutory_holidays.holidays(day.year):
            return False
        return day.weekday() < 5

    def kind(self, day: date) -> str:
        """'workday', 'makeup' (a weekend day worked), 'holiday' (a statutory holiday, or a
        weekday off) or 'rest' (an ordinary weekend day)."""
        weekend = day.weekday() >= 5
        if self.is_workday(day):
            return "makeup" if weekend else "workday"
        law_holiday = day in self.office_holidays or (
            day not in self.overrides
            and (
                day in _BUNDLED.holidays
                or (not self.knows(day.year) and day in statutory_holidays.holidays(day.year))
            )
        )
        return "holiday" if law_holiday or not weekend else "rest"

    def next_workday(self, day: date) -> date:
        """`day` itself if it is a working day, else the first working day after it."""
        for _ in range(MAX_SCAN_DAYS):
            if self.is_workday(day):
                return day
            day += timedelta(days=1)
        raise UserError(f"工作日历：{day} 之后十年内没有工作日，请检查日历设置。", field="工作日历")

    def add_workdays(self, start: date, n: int) -> date:
        """The day that is `n` working days after `start` (start itself not counted)."""
        if n < 0:
            raise UserError("工作日数：不能为负数。", field="工作日数")
        if n > MAX_WORKDAYS:
            raise UserError(f"工作日数：不能超过 {MAX_WORKDAYS}（约十年）。", field="工作日数")
        day = start
        try:
            for _ in range(n):
                day = self.next_workday(day + timedelta(days=1))
        except OverflowError:
            raise UserError(
                "日期：计算结果超出公元 9999 年，请检查起算日期。", field="日期"
            ) from None
        return day

    def workdays_between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end` (negative if end is earlier)."""
        if end < start:
            return -self.workdays_between(end, start)
        return sum(
            self.is_workday(start + timedelta(days=k)) for k in range(1, (end - start).days + 1)
        )

    def period_end(self, start: date, days: int, working_days: bool = False) -> date:
        """Last day of a period of `days` counted from the day after `start`; in calendar days a
        last day off work moves to the next working day when the office extends periods."""
        return self.period(start, days, working_days).end

    def period(self, start: date, days: int, working_days: bool = False) -> Period:
        """As period_end, marked provisional when a day it consulted lies in a year without a
        notice: for working days every day after `start` up to the end; for calendar days only
        the last day and the days it was moved over (none without the extension)."""
        if working_days:
            end = self.add_workdays(start, days)
            return Period(end, days > 0 and self.any_provisional(start + timedelta(days=1), end))
        try:
            last = start + timedelta(days=days)
        except OverflowError:
            raise UserError(
                "日期：计算结果超出公元 9999 年，请检查起算日期。", field="日期"
            ) from None
        if not self.extend_holidays:
            return Period(last)
        end = self.next_workday(last)
        return Period(end, self.any_provisional(last, end))

    def counting(self, days: int, working_days: bool = False) -> str:
        """How a period of `days` is counted, as a deadline's rule says it."""
        if working_days:
            return f"{days} 个工作日"
        tail = "，末日为节假日的顺延至其后第一个工作日" if self.extend_holidays else ""
        return f"{days} 日{tail}"

    def unknown_years(self, day: date) -> list[int]:
        """The years after the bundled ones, up to `day`'s, that have no notice: the ones a
        provisional date up to `day` was computed from."""
        return [y for y in range(BUNDLED_YEARS.stop, day.year + 1) if not self.knows(y)]

    def provisional_tip(self, day: date) -> str:
        """The tooltip of a date marked provisional, naming the years it depends on."""
        years = "、".join(str(y) for y in self.unknown_years(day)) or str(day.year)
        return f"{years} 年放假通知尚未录入，按法定节假日暂定；录入后自动重新计算。"

    def provisional_footnotes(self, days: Iterable[date]) -> list[str]:
        """The footnote of a printed list whose provisional dates are `days` (none if empty)."""
        years = sorted({y for day in days for y in self.unknown_years(day)})
        if not years:
            return []
        names = "、".join(f"{y} 年" for y in years)
        return [
            f"注：{names}国务院办公厅放假通知尚未录入，标“{PROVISIONAL_MARK}”的日期暂按"
            f"《全国年节及纪念日放假办法》规定的法定节假日和周末计算，不含调休；"
            f"通知录入后以重新计算的日期为准。"
        ]

    def warnings(self) -> list[str]:
        return [provisional_note(year) for year in sorted(self.provisional_years)]


def marked(day: date | None, provisional: bool) -> str:
    """A date as shown and printed: ISO, with the provisional mark when it is one."""
    if day is None:
        return ""
    return day.isoformat() + (PROVISIONAL_MARK if provisional else "")


def provisional_note(year: int) -> str:
    return (
        f"{year} 年国务院办公厅放假通知尚未录入，暂按《全国年节及纪念日放假办法》"
        f"（{statutory_holidays.version(year)}）的法定节假日和周末计算，不含调休，"
        f"相关日期为暂定。请在“设置—工作日历”中录入通知。"
    )


def load(s: Session) -> WorkCalendar:
    overrides = {row.day: row.is_workday for row in s.scalars(select(CalendarDay))}
    years = frozenset(s.scalars(select(CalendarYear.year)))
    holidays = frozenset(
        s.scalars(
            select(CalendarDay.day).where(
                CalendarDay.is_workday.is_(False), CalendarDay.note.startswith(HOLIDAY_NOTE)
            )
        )
    )
    extend = settings.get(s, "filing.extend_holiday")
    return WorkCalendar(overrides, years, office_holidays=holidays, extend_holidays=extend)


def corrections(s: Session, year: int) -> list[CalendarDay]:
    """The office's own entries for the days of `year`, in date order."""
    return list(
        s.scalars(
            select(CalendarDay)
            .where(CalendarDay.day.between(date(year, 1, 1), date(year, 12, 31)))
            .order_by(CalendarDay.day)
        )
    )


@dataclass(frozen=True)
class DayEntry:
    """One of the office's own entries, as the calendar page shows it."""

    day: date
    is_workday: bool
    note: str
    updated_by: str
    updated_at: datetime
    updated_by_name: str = ""  # the person's name (`updated_by` is the username recorded)


@dataclass(frozen=True)
class YearEntered:
    """Who entered a year's schedule (a notice or 录入年度安排), when, and from what."""

    entered_by: str
    entered_at: datetime
    source: str
    entered_by_name: str = ""


def entries(s: Session, year: int) -> list[DayEntry]:
    who = people.names(s)
    return [
        DayEntry(r.day, r.is_workday, r.note, r.updated_by, r.updated_at, who(r.updated_by))
        for r in corrections(s, year)
    ]


def entered(s: Session, year: int) -> YearEntered | None:
    row = s.get(CalendarYear, year)
    if row is None:
        return None
    return YearEntered(row.entered_by, row.entered_at, row.source, people.names(s)(row.entered_by))


CALENDAR_DAYS = audit.Subject("calendar_day")  # the office's own days: the day is in old/new
_CALENDAR_LOCK = 7_230_002  # PostgreSQL advisory lock serialising writers of the calendar


def lock_for_writing(s: Session) -> None:
    """Wait for any other clerk's change to the calendar to commit, so that what this transaction
    reads next is current and two clerks never insert the same day (SQLite: the write transaction
    began IMMEDIATE and already holds the database)."""
    if s.get_bind().dialect.name == "postgresql":
        s.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _CALENDAR_LOCK})


def set_day(s: Session, actor: Actor, day: date, is_workday: bool, note: str = "") -> None:
    """Correct one day (a holiday or a make-up working day); audited."""
    require(actor, Permission.SETTINGS)
    lock_for_writing(s)
    row = s.get(CalendarDay, day)
    old = None if row is None else {"is_workday": row.is_workday, "note": row.note}
    if row is None:
        row = CalendarDay(day=day)
        s.add(row)
    row.is_workday, row.note, row.updated_by, row.updated_at = (
        is_workday,
        note.strip(),
        actor.name,
        clock.now(),
    )
    kind = "工作日" if is_workday else "休息日"
    audit.record(
        s,
        actor,
        AuditAction.CALENDAR,
        CALENDAR_DAYS,
        summary=f"将 {day} 设为{kind}",
        old=old,
        new={"day": day, "is_workday": is_workday, "note": note},
    )


def clear_day(s: Session, actor: Actor, day: date) -> None:
    require(actor, Permission.SETTINGS)
    lock_for_writing(s)
    row = s.get(CalendarDay, day)
    if row is None:
        raise UserError(f"工作日历：{day} 没有单位自定义设置。", field="工作日历")
    s.delete(row)
    audit.record(
        s,
        actor,
        AuditAction.CALENDAR,
        CALENDAR_DAYS,
        summary=f"恢复 {day} 的默认安排",
        old={"day": day, "is_workday": row.is_workday},
        new=None,
    )


def enter_year(
    s: Session,
    actor: Actor,
    year: int,
    holidays: list[date],
    makeup_workdays: list[date],
    source: str = "",
) -> None:
    """Record a year's published schedule: its holidays (every day of each range off, weekend
    days included so that they show as holidays) and make-up working days (weekend days on).
    Weekends and weekdays not listed follow the usual rule."""
    require(actor, Permission.SETTINGS)
    lock_for_writing(s)
    if not 2000 <= year <= 2100:
        raise UserError(f"年份：{year} 不正确。", field="年份")
    stray = [d for d in holidays + makeup_workdays if d.year != year]
    if stray:
        raise UserError(f"日期 {stray[0]} 不属于 {year} 年。")
    both = set(holidays) & set(makeup_workdays)
    if both:
        raise UserError(f"日期 {min(both)} 不能既是节假日又是调休工作日。")
    for day in holidays:
        set_day(s, actor, day, False, HOLIDAY_NOTE)
    for day in makeup_workdays:
        set_day(s, actor, day, True, MAKEUP_NOTE)
    row = s.get(CalendarYear, year) or CalendarYear(year=year)
    row.source, row.entered_by, row.entered_at = source.strip(), actor.name, clock.now()
    s.add(row)
    audit.record(
        s,
        actor,
        AuditAction.CALENDAR_YEAR,
        audit.Subject("calendar_year", year),
        summary=f"录入 {year} 年节假日安排",
        new={"holidays": len(holidays), "makeup": len(makeup_workdays), "source": source},
    )
