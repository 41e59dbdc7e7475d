"""Every list reads newest first by its own date, the later registered first on a tie, and the
GUI and the command line show the service's order (issue 23). Schedules of deadlines (the
pending filings, the dashboard, `deadlines`, the expiry list) stay soonest first."""

import json
from datetime import date

import pytest

from app import clock
from app.cli import run
from app.db import Database
from app.services import (
    cleanup,
    filing,
    issuers,
    numbering,
    registration,
    reviews,
    search,
    workcalendar,
)
from app.services.demo import make_demo
from app.services.documents import DocumentInput
from app.services.permissions import SYSTEM
from app.ui.cleanup.page import read_cleanup
from app.ui.filing.table_model import read_page
from app.ui.register.table_model import DocumentTableModel
from app.ui.review.view import read_queue
from tests.ui_context import context

TODAY = date(2026, 6, 20)


@pytest.fixture
def office(database: Database, monkeypatch) -> Database:
    clock.fix_today(TODAY)
    monkeypatch.setenv("NORMDESK_TODAY", TODAY.isoformat())
    with database.transaction() as s:
        make_demo(s, 80)
        code = issuers.list_issuers(s)[0].code
        for published in (date(2024, 5, 6), date(2025, 3, 3), date(2025, 9, 1)):  # never filed
            doc = registration.register_published(
                s, SYSTEM, DocumentInput(code, f"{published}印发的办法", published=published)
            )
            if published != date(2025, 3, 3):
                numbering.void(s, SYSTEM, doc.reg_number, "录错")
    return database


@pytest.fixture
def cli(db_url, capsys):
    def listed(*args: str) -> list[dict]:
        capsys.readouterr()
        assert run(["--db", db_url, *args, "--json"]) == 0
        return json.loads(capsys.readouterr().out)

    return listed


def newest_first(keys: list[tuple]) -> bool:
    return len(keys) > 1 and keys == sorted(keys, reverse=True)


def test_the_register_lists_the_latest_publication_first_in_the_window_and_on_the_command_line(
    qtbot, office, cli
):
    model = DocumentTableModel(context(office))
    model.refresh()
    shown = [model.doc_id(r) for r in range(model.rowCount())]
    with office.reading() as s:
        rows = search.search_rows(s, search.DocumentQuery(), limit=None)
    assert shown == [r.id for r in rows] == [d["id"] for d in cli("doc", "list")]
    published = [(r.published is not None, r.published or date.min, r.id) for r in rows]
    assert newest_first(published)


def test_review_cases_list_the_latest_received_first_in_the_window_and_on_the_command_line(
    office, cli
):
    shown = [row.case_id for row in read_queue(office, False, None).rows]
    with office.reading() as s:
        cases = reviews.list_cases(s)
    assert shown == [c.id for c in cases] == [c["id"] for c in cli("review", "list")]
    assert newest_first([(c.received, c.id) for c in cases])


def filing_keys(rows) -> list[tuple[int, str]]:
    return [(r.document_id, r.recipient) for r in rows]


def test_filings_list_the_latest_publication_first_and_pending_ones_soonest_due_first(office, cli):
    year = TODAY.year - 1
    with office.reading() as s:
        cal = workcalendar.load(s)
        every = filing.listing(s, cal, TODAY, year)
        pending = filing.listing(s, cal, TODAY, year, pending_only=True)
        shown = {flag: filing_keys(line.row for line in read_page(s, year, flag).lines)
                 for flag in (False, True)}  # fmt: skip
    listed = cli("filing", "list", "--year", str(year))
    listed_open = cli("filing", "list", "--year", str(year), "--open")
    assert (
        shown[False] == filing_keys(every) == [(r["document_id"], r["recipient"]) for r in listed]
    )
    assert shown[True] == filing_keys(pending)
    assert shown[True] == [(r["document_id"], r["recipient"]) for r in listed_open]
    assert newest_first(list(dict.fromkeys((r.published, r.document_id) for r in every)))
    assert pending and [r.due for r in pending] == sorted(r.due for r in pending)


def test_cleanup_batches_list_the_latest_begun_first_in_the_window_and_on_the_command_line(
    office, cli
):
    with office.reading() as s:
        shown = [line.id for line in read_cleanup(s).lines]
        batches = cleanup.list_batches(s)
    assert shown == [b.id for b in batches] == [b["id"] for b in cli("cleanup", "list")]
    assert newest_first([(b.created_on, b.id) for b in batches])


def test_voided_and_skipped_numbers_list_the_latest_first(office, cli):
    with office.reading() as s:
        found = numbering.gaps(s)
    assert [g.number for g in found] == [g["number"] for g in cli("number", "gaps")]
    assert [g.year for g in found] == [2025, 2024]
