"""Two clerks entering the same year's notice at once (PostgreSQL: two connections): the second
waits for the first and then finds its days entered, never a duplicate-key error."""

import threading
import time
from pathlib import Path

from sqlalchemy import func, select

from app.models import CalendarDay
from app.services import holiday_notice, workcalendar
from app.services.permissions import SYSTEM

TEXT = (Path(__file__).parent / "data" / "notice_2027_example.txt").read_text(encoding="utf-8")


def test_a_notice_entered_twice_at_once_is_entered_once(database):
    notice = holiday_notice.parse(TEXT)
    failures: list[BaseException] = []

    def second_clerk() -> None:
        try:
            with database.transaction() as s:
                holiday_notice.save(s, SYSTEM, notice)
        except BaseException as exc:  # reported by the assertion below
            failures.append(exc)

    with database.transaction() as s:
        holiday_notice.save(s, SYSTEM, notice)
        other = threading.Thread(target=second_clerk)
        other.start()
        time.sleep(0.3)  # the second clerk's save is under way meanwhile
    other.join(timeout=30)
    assert failures == []
    with database.reading() as s:
        assert s.scalar(select(func.count()).select_from(CalendarDay)) == 35
        assert not workcalendar.load(s).is_workday(holiday_notice.parse(TEXT).days_off[-1])
