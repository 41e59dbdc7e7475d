"""The filing clock starts from the event the office sets: 公布 (default), 印发 or 签署 (domain.md,
Filing). A document without that date recorded is counted from its publication."""

import json
from datetime import date

import pytest

from app.errors import UserError
from app.services import deadlines, filing, settings, statistics, workcalendar
from app.services.permissions import SYSTEM
from tests.factories import register
from tests.test_cli import normdesk

SIGNED, ISSUED, PUBLISHED = date(2026, 3, 1), date(2026, 3, 3), date(2026, 3, 10)


@pytest.mark.parametrize(
    "event, due",
    [
        ("published", date(2026, 3, 25)),
        ("issued", date(2026, 3, 18)),
        ("signed", date(2026, 3, 16)),  # 1 March + 15 = Monday 16 March
    ],
)
def test_the_filing_deadline_counts_from_the_event_the_setting_names(office, event, due):
    with office.transaction() as s:
        settings.put(s, SYSTEM, "filing.start_event", event)
        doc = register(s, published=PUBLISHED, issued=ISSUED, signed=SIGNED)
        bare = register(s, "河清市殡葬管理办法", published=PUBLISHED)
    with office.reading() as s:
        cal = workcalendar.load(s)
        assert filing.earliest_due(s, doc, cal) == due
        assert filing.earliest_due(s, bare, cal) == date(2026, 3, 25)  # no date: from publication
        found = {d.object_id: d.due for d in deadlines.open_deadlines(s) if d.kind == "filing"}
        assert found == {doc.id: due, bare.id: date(2026, 3, 25)}
        assert [r.due for r in filing.register_rows(s, cal, 2026)] == [due, date(2026, 3, 25)]


def test_the_rule_names_the_event_and_what_happens_without_its_date(office):
    with office.transaction() as s:
        settings.put(s, SYSTEM, "filing.start_event", "issued")
        register(s, published=PUBLISHED)
        with pytest.raises(
            UserError, match="备案期限起算事件：应为“公布日期”“印发日期”“签署日期”之一"
        ):
            settings.put(s, SYSTEM, "filing.start_event", "effective")
    with office.reading() as s:
        (found,) = [d for d in deadlines.open_deadlines(s) if d.kind == "filing"]
    assert found.rule == (
        "向本级人民政府备案：自印发次日起（未录入印发日期的自公布次日起） 15 日，"
        "末日为节假日的顺延至其后第一个工作日"
    )


def test_timeliness_figures_count_from_the_set_event(office):
    with office.transaction() as s:
        settings.put(s, SYSTEM, "filing.start_event", "issued")
        doc = register(s, published=PUBLISHED, issued=ISSUED)
        filing.record_filed(
            s, SYSTEM, doc.id, "本级人民政府", date(2026, 3, 20), list(filing.PACKAGE)
        )
    with office.reading() as s:
        (row,) = filing.register_rows(s, workcalendar.load(s), 2026)
        figures = statistics.filing_figures(s, date(2026, 1, 1), date(2026, 12, 31))
    assert filing.timeliness(row, date(2026, 11, 27)) == "逾期报送"  # due 18 March
    timely = {f.name: f for f in figures}
    assert (timely["报备率"].numerator, timely["报备率"].denominator) == (1, 1)
    assert (timely["报备及时率"].numerator, timely["报备及时率"].denominator) == (0, 1)


def test_cli_doc_add_takes_the_issue_and_signing_dates_and_dates_the_filing_from_them(db_url):
    assert normdesk("--db", db_url, "issuer", "add", "--code", "MZ", "--name", "河清市民政局",
                    "--abbr", "河民发").returncode == 0  # fmt: skip
    from app.db import open_database

    database = open_database(db_url)
    try:
        with database.transaction() as s:
            settings.put(s, SYSTEM, "filing.start_event", "signed")
    finally:
        database.close()
    result = normdesk("--db", db_url, "doc", "add", "--issuer", "MZ", "--title", "河清市殡葬管理办法",
                      "--published", "2026-03-10", "--issued", "2026-03-03", "--signed", "2026-03-01",
                      "--json")  # fmt: skip
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert (doc["issued"], doc["signed"], doc["filing_due"]) == (
        "2026-03-03",
        "2026-03-01",
        "2026-03-16",
    )
    shown = normdesk("--db", db_url, "doc", "show", str(doc["id"]))
    assert "印发日期：2026-03-03    签署日期：2026-03-01" in shown.stdout
    late = normdesk("--db", db_url, "doc", "edit", str(doc["id"]), "--signed", "2099-01-01")
    assert late.returncode == 1 and "签署日期：2099-01-01 晚于今天" in late.stderr
