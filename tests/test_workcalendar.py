from datetime import date

import chinese_calendar
import pytest

from app.errors import UserError
from app.services import statutory_holidays, workcalendar
from app.services.permissions import SYSTEM, Actor, Role
from app.services.workcalendar import WorkCalendar


@pytest.fixture
def cal() -> WorkCalendar:
    return WorkCalendar()


@pytest.mark.parametrize(
    "day, working",
    [
        (date(2024, 2, 4), True),  # Sunday made a working day for the Spring Festival
        (date(2024, 2, 12), False),  # Spring Festival Monday
        (date(2024, 2, 18), True),  # make-up Sunday after the festival
        (date(2024, 9, 29), True),  # make-up Sunday before National Day
        (date(2024, 10, 7), False),  # National Day Monday
        (date(2026, 2, 14), True),  # make-up Saturday
        (date(2026, 2, 23), False),
        (date(2024, 3, 9), False),  # an ordinary Saturday
    ],
)
def test_holidays_and_make_up_days(cal, day, working):
    assert cal.is_workday(day) is working


def test_working_days_skip_the_spring_festival_and_count_the_make_up_sunday(cal):
    # Received Friday 2 Feb 2024: the 4th (a make-up Sunday) counts, the festival does not.
    assert cal.add_workdays(date(2024, 2, 2), 1) == date(2024, 2, 4)
    assert cal.add_workdays(date(2024, 2, 8), 2) == date(2024, 2, 18)


def test_day_of_receipt_is_not_counted(cal):
    assert cal.add_workdays(date(2024, 3, 4), 1) == date(2024, 3, 5)
    assert cal.add_workdays(date(2024, 3, 4), 0) == date(2024, 3, 4)


def test_calendar_day_period_ending_on_national_day_moves_to_next_working_day(cal):
    assert cal.period_end(date(2024, 9, 20), 15) == date(2024, 10, 8)
    assert cal.period_end(date(2024, 3, 3), 15) == date(2024, 3, 18)
    assert WorkCalendar(extend_holidays=False).period_end(date(2024, 9, 20), 15) == date(
        2024, 10, 5
    )


def test_year_without_notice_follows_the_law_and_says_so(cal):
    assert cal.is_workday(date(2027, 1, 1)) is False  # 元旦, a Friday, no notice known
    assert cal.is_workday(date(2027, 10, 1)) is False  # 国庆节, a Friday
    assert cal.is_workday(date(2027, 2, 5)) is False  # 除夕 (2024 amendment)
    assert cal.is_workday(date(2027, 10, 8)) is True  # no bridging days are guessed
    assert cal.kind(date(2027, 4, 5)) == "holiday"  # 清明, the solar term's day
    assert cal.is_provisional(date(2027, 3, 1)) and not cal.is_provisional(date(2026, 3, 1))
    assert any("2027" in w and "暂定" in w and "2024年修订" in w for w in cal.warnings())


@pytest.mark.parametrize("year", range(2020, 2027))
def test_statutory_holidays_from_the_law_match_the_bundled_notices(year):
    computed = statutory_holidays.holidays(year)
    assert len(computed) >= 10
    # every day the law names is a day off in that year's notice
    assert [d for d in computed if d not in chinese_calendar.constants.holidays] == []


def test_statutory_holidays_of_2027_from_the_lunar_calendar():
    days = statutory_holidays.holidays(2027)
    assert [d for d, n in days.items() if n == "春节"] == [date(2027, 2, d) for d in (5, 6, 7, 8)]
    assert days[date(2027, 4, 5)] == "清明节"
    assert days[date(2027, 6, 9)] == "端午节"
    assert days[date(2027, 9, 15)] == "中秋节"
    assert [d for d, n in days.items() if n == "劳动节"] == [date(2027, 5, 1), date(2027, 5, 2)]
    assert len(days) == 13
    # 除夕 of the lunar year 2028 is 2028-01-25, in the same Gregorian year
    assert statutory_holidays.holidays(2028)[date(2028, 1, 25)] == "春节"


def test_office_entered_year_is_used_without_warning(database):
    with database.transaction() as s:
        workcalendar.enter_year(
            s,
            SYSTEM,
            2027,
            [date(2027, 10, d) for d in (1, 4, 5, 6, 7)],
            [date(2027, 9, 26)],
            "国办发明电〔2026〕x号",
        )
    with database.reading() as s:
        cal = workcalendar.load(s)
    assert cal.is_workday(date(2027, 10, 1)) is False
    assert cal.is_workday(date(2027, 9, 26)) is True  # a Sunday worked
    assert cal.add_workdays(date(2027, 9, 30), 1) == date(2027, 10, 8)
    assert cal.warnings() == []


def test_office_correction_overrides_bundled_data(database):
    with database.transaction() as s:
        workcalendar.set_day(s, SYSTEM, date(2026, 2, 24), False, "本地延长假期")
    with database.reading() as s:
        assert workcalendar.load(s).is_workday(date(2026, 2, 24)) is False


def test_calendar_changes_need_settings_permission(database):
    with database.transaction() as s, pytest.raises(UserError, match="无权"):
        workcalendar.set_day(s, Actor("登记员甲", Role.CLERK), date(2026, 2, 24), False)


def test_entered_year_rejects_dates_of_other_years(database):
    with database.transaction() as s, pytest.raises(UserError, match="不属于 2027 年"):
        workcalendar.enter_year(s, SYSTEM, 2027, [date(2026, 10, 1)], [])


def test_day_kinds_for_display(cal):
    assert cal.kind(date(2026, 10, 3)) == "holiday"  # a Saturday inside the National Day holiday
    assert cal.kind(date(2026, 10, 10)) == "makeup"
    assert cal.kind(date(2026, 10, 17)) == "rest"
    assert cal.kind(date(2026, 10, 8)) == "workday"
