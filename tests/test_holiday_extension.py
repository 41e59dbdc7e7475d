"""The holiday-extension setting (期限末日遇节假日顺延) is one rule for every calendar-day period:
filing, corrections after 暂缓登记/纠正 and replies to objections (domain.md, Counting periods).
2024-09-05 + 30 days = Saturday 2024-10-05, inside the National Day holiday (1-7 October);
the next working day is Tuesday 2024-10-08."""

import json
from datetime import date

import pytest

from app import clock
from app.services import deadlines, documents, filing, objections, settings, workcalendar
from app.services.permissions import SYSTEM
from tests.factories import add_issuer, register
from tests.test_cli import normdesk

RECEIVED = date(2024, 9, 5)
HOLIDAY, NEXT_WORKDAY = date(2024, 10, 5), date(2024, 10, 8)


def _office(s, extend: bool) -> tuple[int, int, int]:
    """A document filed, put on hold (暂缓登记) and objected to on RECEIVED; ids of the three."""
    add_issuer(s)
    settings.put(s, SYSTEM, "filing.extend_holiday", extend)
    settings.put(s, SYSTEM, "filing.department.days", 30)
    doc = register(s, published=RECEIVED)
    f = filing.record_filed(s, SYSTEM, doc.id, "本级人民政府", RECEIVED, list(filing.PACKAGE))
    filing.record_result(s, SYSTEM, f.id, "暂缓登记", RECEIVED, cal=workcalendar.load(s))
    objection = objections.register(s, SYSTEM, doc.id, RECEIVED, "张三", "收费无依据")
    return doc.id, f.id, objection.id


@pytest.mark.parametrize("extend, due", [(True, NEXT_WORKDAY), (False, HOLIDAY)])
def test_every_calendar_day_period_follows_the_holiday_extension_setting(database, extend, due):
    clock.fix_today(date(2024, 9, 6))
    with database.transaction() as s:
        doc_id, filing_id, objection_id = _office(s, extend)
    with database.reading() as s:
        cal = workcalendar.load(s)
        doc = documents.get(s, doc_id)
        f = filing.get(s, filing_id)
        found = {d.kind: d.due for d in deadlines.open_deadlines(s)}
        assert filing.earliest_due(s, doc, cal) == due
        assert f.correction_due == due
        assert filing.correction_period(f, cal).end == due
        assert objections.reply_due(objections.get(s, objection_id), cal) == due
    assert {k: found[k] for k in ("correction", "objection")} == {
        "correction": due,
        "objection": due,
    }


def test_deadline_rules_say_whether_a_last_day_off_moves(database):
    clock.fix_today(date(2024, 9, 6))
    with database.transaction() as s:
        _office(s, False)
    with database.reading() as s:
        rules = {d.kind: d.rule for d in deadlines.open_deadlines(s)}
    assert rules["objection"] == "答复期限：自收到次日起 30 日"
    assert rules["correction"] == "暂缓登记：自结果日期次日起 30 日"
    with database.transaction() as s:
        settings.put(s, SYSTEM, "filing.extend_holiday", True)
    with database.reading() as s:
        rules = {d.kind: d.rule for d in deadlines.open_deadlines(s)}
    assert rules["objection"].endswith("30 日，末日为节假日的顺延至其后第一个工作日")


def test_cli_deadlines_follow_the_setting_for_objections_and_corrections(database, db_url):
    clock.fix_today(date(2024, 9, 6))
    with database.transaction() as s:
        _office(s, False)
    result = normdesk("--db", db_url, "deadlines", "--json", env={"NORMDESK_TODAY": "2024-09-06"})
    assert result.returncode == 0, result.stderr
    dues = {d["kind"]: d["due"] for d in json.loads(result.stdout) if d["kind"] != "cleanup"}
    assert dues == {"correction": HOLIDAY.isoformat(), "objection": HOLIDAY.isoformat()}
