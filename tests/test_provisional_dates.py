"""Due dates computed through a year without a holiday notice are marked provisional, and are
computed again once the office enters that year (domain.md, Counting periods)."""

from datetime import date

import pytest

from app import clock
from app.services import deadlines, filing, objections, reviews, settings, workcalendar
from app.services.permissions import SYSTEM
from app.services.reviews import MATERIALS, ReviewIntake
from app.services.workcalendar import Period, WorkCalendar
from tests.factories import add_issuer, draft, register

ALL = list(filing.PACKAGE)
RULE = filing.FilingRule("本级人民政府", 15)


def enter_2027(s):
    """An official 2027 notice that, unlike the law alone, also gives Monday 4 January off."""
    workcalendar.enter_year(s, SYSTEM, 2027, [date(2027, 1, 1), date(2027, 1, 4)], [], "测试通知")


@pytest.fixture
def s(database):
    clock.fix_today(date(2026, 12, 20))
    with database.transaction() as session:
        add_issuer(session)
        yield session


def test_calendar_day_period_is_provisional_only_when_its_last_day_is_in_an_unknown_year():
    cal = WorkCalendar()
    assert cal.period(date(2026, 12, 20), 15) == Period(date(2027, 1, 4), True)
    assert cal.period(date(2026, 12, 1), 15) == Period(date(2026, 12, 16), False)
    # without the holiday extension no calendar is consulted at all
    cal.extend_holidays = False
    assert cal.period(date(2026, 12, 20), 15) == Period(date(2027, 1, 4), False)


def test_working_day_period_is_provisional_when_any_day_counted_is_in_an_unknown_year():
    cal = WorkCalendar()
    assert cal.period(date(2026, 12, 1), 15, working_days=True) == Period(date(2026, 12, 22))
    crossing = cal.period(date(2026, 12, 20), 15, working_days=True)
    assert crossing.provisional and crossing.end == date(2027, 1, 11)  # 1 January off
    assert cal.period(date(2026, 12, 31), 0, working_days=True) == Period(date(2026, 12, 31))


def test_filing_due_into_2027_is_provisional_and_exact_once_the_year_is_entered(s):
    late = register(s, "年末公布的办法", published=date(2026, 12, 20))
    early = register(s, "月初公布的办法", published=date(2026, 12, 1))
    cal = workcalendar.load(s)
    assert filing.earliest_period(s, late, cal) == Period(date(2027, 1, 4), True)
    assert filing.earliest_period(s, early, cal) == Period(date(2026, 12, 16), False)
    row = filing.rows_for(s, late, cal)[0]
    assert (row.due, row.due_provisional) == (date(2027, 1, 4), True)
    assert workcalendar.provisional_note(2027) in cal.warnings()

    enter_2027(s)
    cal = workcalendar.load(s)
    assert filing.earliest_period(s, late, cal) == Period(date(2027, 1, 5), False)
    assert filing.rows_for(s, late, cal)[0].due_provisional is False
    assert cal.warnings() == []


def test_filing_due_without_holiday_extension_is_never_provisional(s):
    settings.put(s, SYSTEM, "filing.extend_holiday", False)
    doc = register(s, "年末公布的办法", published=date(2026, 12, 20))
    assert filing.earliest_period(s, doc, workcalendar.load(s)) == Period(date(2027, 1, 4), False)


def test_working_day_filing_rule_is_provisional_across_the_year_end(s):
    settings.put(s, SYSTEM, "filing.department.working_days", True)
    late = register(s, "年末公布的办法", published=date(2026, 12, 20))
    early = register(s, "月初公布的办法", published=date(2026, 12, 1))
    cal = workcalendar.load(s)
    assert filing.earliest_period(s, late, cal).provisional
    assert filing.earliest_period(s, early, cal) == Period(date(2026, 12, 22), False)


def _postponed_filing(s, correction_due=None):
    """Filed in time in 2026; the recipient answered 暂缓登记 on 5 December (30 days: 4 Jan 2027)."""
    doc = register(s, "需补正的办法", published=date(2026, 11, 25))
    f = filing.record_filed(s, SYSTEM, doc.id, "本级人民政府", date(2026, 12, 1), ALL)
    cal = workcalendar.load(s)
    return filing.record_result(s, SYSTEM, f.id, "暂缓登记", date(2026, 12, 5), "缺少制定依据",
                                correction_due, cal)  # fmt: skip


def _deadline(s, kind):
    return next(d for d in deadlines.open_deadlines(s) if d.kind == kind)


def test_computed_correction_due_is_provisional_and_recomputed_when_the_year_is_entered(s):
    f = _postponed_filing(s)
    assert (f.correction_due, f.correction_days) == (date(2027, 1, 4), 30)
    row = filing.rows_for(s, f.document, workcalendar.load(s))[0]
    assert (row.due, row.due_provisional) == (date(2026, 12, 10), False)
    assert (row.correction_due, row.correction_due_provisional) == (date(2027, 1, 4), True)
    found = _deadline(s, "correction")
    assert (found.due, found.provisional, found.due_text) == (
        date(2027, 1, 4), True, "2027-01-04（暂定）"
    )  # fmt: skip

    enter_2027(s)
    row = filing.rows_for(s, f.document, workcalendar.load(s))[0]
    assert (row.correction_due, row.correction_due_provisional) == (date(2027, 1, 5), False)
    found = _deadline(s, "correction")
    assert (found.due, found.provisional, found.due_text) == (date(2027, 1, 5), False, "2027-01-05")


def test_correction_due_set_by_the_recipient_is_kept_and_not_provisional(s):
    f = _postponed_filing(s, correction_due=date(2027, 1, 4))
    assert f.correction_days is None
    found = _deadline(s, "correction")
    assert (found.due, found.provisional) == (date(2027, 1, 4), False)
    enter_2027(s)
    assert _deadline(s, "correction").due == date(2027, 1, 4)


def test_objection_reply_due_into_2027_is_provisional_until_the_year_is_entered(s):
    doc = register(s, "被提出审查建议的办法", published=date(2026, 3, 3))
    objection = objections.register(s, SYSTEM, doc.id, date(2026, 12, 5), "张三", "收费无依据")
    assert objections.reply_period(objection, workcalendar.load(s)) == Period(
        date(2027, 1, 4), True
    )
    assert _deadline(s, "objection").provisional
    enter_2027(s)
    assert objections.reply_period(objection, workcalendar.load(s)) == Period(date(2027, 1, 5))
    assert not _deadline(s, "objection").provisional


def test_review_due_counted_into_2027_is_provisional_its_2026_earliest_day_is_not(s):
    doc = draft(s)
    case = reviews.intake(s, SYSTEM, ReviewIntake("normative", doc.title, date(2026, 12, 18), "李审核",
                                                  list(MATERIALS["normative"]), document_id=doc.id))  # fmt: skip
    due = reviews.due(case, workcalendar.load(s), clock.today())
    # Friday 18 Dec: 21-25 and 28-31 Dec (9), 1 Jan off by law, 4-8 Jan (14), 11 Jan (15)
    assert (due.due, due.due_provisional) == (date(2027, 1, 11), True)
    assert (due.earliest, due.earliest_provisional) == (date(2026, 12, 25), False)
    assert _deadline(s, "review").provisional
    ledger_row = reviews.ledger(s, workcalendar.load(s), clock.today()).rows[0]
    assert ledger_row.due_provisional

    enter_2027(s)
    due = reviews.due(case, workcalendar.load(s), clock.today())
    assert (due.due, due.due_provisional) == (date(2027, 1, 12), False)
    assert not _deadline(s, "review").provisional


def test_deadline_warnings_name_only_the_years_provisional_dates_came_from(s):
    register(s, "年末公布的办法", published=date(2026, 12, 20))
    found = deadlines.open_deadlines(s)
    assert [d.provisional for d in found if d.kind == "filing"] == [True]
    assert deadlines.calendar_warnings(s, found) == [workcalendar.provisional_note(2027)]
    enter_2027(s)
    found = deadlines.open_deadlines(s)
    assert [d.provisional for d in found] == [False] * len(found)
    assert deadlines.calendar_warnings(s, found) == []


def test_provisional_tip_names_the_unknown_years_up_to_the_date():
    cal = WorkCalendar(office_years=frozenset({2027}))
    assert cal.provisional_tip(date(2028, 3, 1)).startswith("2028 年放假通知尚未录入")
    assert WorkCalendar().provisional_tip(date(2028, 3, 1)).startswith("2027、2028 年")
    assert workcalendar.marked(date(2027, 1, 4), True) == "2027-01-04（暂定）"
    assert workcalendar.marked(None, True) == ""
