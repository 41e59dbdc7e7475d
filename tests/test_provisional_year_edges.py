"""Provisional calendars at the edges of the range a register holds (clock.FIRST_DAY to LAST_DAY):
periods counted from its last days reach into 2101, whose 春节 begins in January."""

from datetime import date

from app.services import statutory_holidays
from tests.test_cli import normdesk


def test_the_law_gives_holidays_for_years_a_period_from_2100_reaches():
    days = statutory_holidays.holidays(2101)
    assert [d for d, name in days.items() if name == "春节"] == [
        date(2101, 1, 28), date(2101, 1, 29), date(2101, 1, 30), date(2101, 1, 31),
    ]  # fmt: skip


def test_working_days_from_late_2100_skip_the_spring_festival_of_2101(db_url):
    result = normdesk("--db", db_url, "calendar", "workdays", "2100-12-20", "30")
    assert result.returncode == 0, result.stderr
    # Dec 21-31: 9 working days; then 3-7, 10-14, 17-21, 24-27 Jan (19); 除夕 28 and 31 Jan off
    assert result.stdout == "2101-02-02\n"
    assert "2101 年国务院办公厅放假通知尚未录入" in result.stderr
