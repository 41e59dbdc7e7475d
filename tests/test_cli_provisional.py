"""The CLI marks every due date computed through a year without a holiday notice: a
`<name>_provisional` key beside it in JSON, a note naming the year on stderr."""

import json
from datetime import date

from app import clock
from app.db import open_database
from app.services import filing, reviews, workcalendar
from app.services.permissions import SYSTEM
from app.services.reviews import MATERIALS, ReviewIntake
from tests.test_cli import normdesk

LATE_DECEMBER = {"NORMDESK_TODAY": "2026-12-20"}
NOTE_2027 = "2027 年国务院办公厅放假通知尚未录入"


def cli(db, *args):
    result = normdesk("--db", db, *args, env=LATE_DECEMBER)
    assert result.returncode == 0, result.stderr
    return result


def cli_json(db, *args):
    return json.loads(cli(db, *args, "--json").stdout)


def _office(db):
    """Two documents, a 暂缓登记 with a computed correction period and a review case."""
    cli(db, "issuer", "add", "--code", "MZ", "--name", "河清市民政局", "--abbr", "河民发")
    late = cli_json(
        db, "doc", "add", "--issuer", "MZ", "--title", "年末公布的办法", "--published", "2026-12-20"
    )
    early = cli_json(db, "doc", "add", "--issuer", "MZ", "--title", "月初公布的办法", "--published", "2026-12-01")  # fmt: skip
    clock.fix_today(date(2026, 12, 20))
    database = open_database(db)
    try:
        with database.transaction() as s:
            f = filing.record_filed(
                s, SYSTEM, early["id"], "本级人民政府", date(2026, 12, 1), list(filing.PACKAGE)
            )
            filing.record_result(s, SYSTEM, f.id, "暂缓登记", date(2026, 12, 5), "缺少制定依据",
                                 cal=workcalendar.load(s))  # fmt: skip
            reviews.intake(s, SYSTEM, ReviewIntake("contract", "年末送审的合同", date(2026, 12, 18), "李审核",
                                                   list(MATERIALS["contract"])))  # fmt: skip
    finally:
        database.close()
    return late, early


def _enter_2027(db):
    database = open_database(db)
    try:
        with database.transaction() as s:
            workcalendar.enter_year(s, SYSTEM, 2027, [date(2027, 1, 1), date(2027, 1, 4)], [])
    finally:
        database.close()


def _dues(db):
    """(kind, due, due_provisional) of every deadline, and the deadlines command's stderr."""
    result = cli(db, "deadlines", "--json")
    rows = json.loads(result.stdout)
    return {(r["kind"], r["due"], r["due_provisional"]) for r in rows}, result.stderr


def test_due_dates_into_2027_are_marked_provisional_until_the_year_is_entered(tmp_path, db_url):
    late, early = _office(db_url)
    assert (late["filing_due"], late["filing_due_provisional"]) == ("2027-01-04", True)
    assert (early["filing_due"], early["filing_due_provisional"]) == ("2026-12-16", False)
    shown = cli_json(db_url, "doc", "show", str(late["id"]))
    assert (shown["filing_due"], shown["filing_due_provisional"]) == ("2027-01-04", True)

    dues, stderr = _dues(db_url)
    assert {
        ("filing", "2027-01-04", True),
        ("correction", "2027-01-04", True),
        ("review", "2027-01-11", True),
    } <= dues
    assert NOTE_2027 in stderr
    listed = {r["document_id"]: r for r in cli_json(db_url, "filing", "list")}
    assert listed[late["id"]]["due_provisional"] is True
    assert listed[early["id"]]["due_provisional"] is False
    assert listed[early["id"]]["correction_due_provisional"] is True
    review = cli_json(db_url, "review", "list")[0]
    assert (review["due"], review["due_provisional"]) == ("2027-01-11", True)
    assert (review["earliest"], review["earliest_provisional"]) == ("2026-12-25", False)

    _enter_2027(db_url)
    shown = cli_json(db_url, "doc", "show", str(late["id"]))
    assert (shown["filing_due"], shown["filing_due_provisional"]) == ("2027-01-05", False)
    dues, stderr = _dues(db_url)
    assert {
        ("filing", "2027-01-05", False),
        ("correction", "2027-01-05", False),
        ("review", "2027-01-12", False),
    } <= dues
    assert all(not provisional for _kind, _due, provisional in dues)
    assert NOTE_2027 not in stderr
    review = cli_json(db_url, "review", "list")[0]
    assert (review["due"], review["due_provisional"]) == ("2027-01-12", False)


def test_calendar_answers_for_a_provisional_year_and_says_so_on_stderr(tmp_path, db_url):
    new_year = cli(db_url, "calendar", "is-workday", "2027-01-01")
    assert new_year.stdout == "false\n"
    assert NOTE_2027 in new_year.stderr and "暂定" in new_year.stderr
    known = cli(db_url, "calendar", "is-workday", "2026-12-31")
    assert (known.stdout, known.stderr) == ("true\n", "")
    across = cli(db_url, "calendar", "workdays", "2026-12-31", "1")
    assert across.stdout == "2027-01-04\n" and NOTE_2027 in across.stderr
    within = cli(db_url, "calendar", "workdays", "2026-12-28", "3")
    assert (within.stdout, within.stderr) == ("2026-12-31\n", "")
