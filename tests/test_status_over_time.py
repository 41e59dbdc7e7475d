"""Issue 19: a document's status is right on any day, on every path, with nothing run in between."""

import json
from datetime import date, timedelta
from itertools import product

import pytest
from openpyxl import Workbook, load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from app import clock
from app.errors import UserError
from app.models import Document, Issuer
from app.services import catalogs, deadlines, documents, lifecycle, search, statistics
from app.services.catalogs import CatalogFilter
from app.services.lifecycle import STATUS_LABELS
from app.services.permissions import SYSTEM
from app.services.statistics import Period
from tests.factories import add_finance_bureau, register, status
from tests.test_cli import normdesk


def _listed(s, code: str, day: date) -> set[int]:
    q = search.DocumentQuery(statuses=(code,), on=day)
    return set(search.find_ids(s, q)) & {r.id for r in search.search_rows(s, q)}


def test_a_later_effective_date_makes_it_in_force_on_that_day(office):
    with office.transaction() as s:
        doc = register(s, published=date(2026, 11, 20), effective=date(2027, 1, 1))
    with office.reading() as s:
        assert status(s, doc.id, date(2026, 12, 31)) == "published"
        assert status(s, doc.id, date(2027, 1, 1)) == "in_force"
        assert _listed(s, "published", date(2026, 12, 31)) == {doc.id}
        assert _listed(s, "in_force", date(2027, 1, 1)) == {doc.id}
        assert _listed(s, "in_force", date(2026, 12, 31)) == set()


def test_a_repeal_dated_ahead_keeps_the_document_in_force_until_that_day(office):
    with office.transaction() as s:
        doc = register(s, published=date(2025, 3, 3))
        documents.retire(s, SYSTEM, doc.id, "repealed", date(2027, 1, 1), "上位法废止")
    with office.reading() as s:
        row = search.load_rows(s, [doc.id])[0]
        assert (row.status, row.status_cell) == ("in_force", "有效（将废止）")
        assert row.scheduled.note == "定于2027年1月1日废止"
        shown = documents.as_dict(documents.get(s, doc.id), None, clock.today())
        assert (shown["scheduled_status"], shown["scheduled_on"]) == ("repealed", "2027-01-01")
        assert status(s, doc.id, date(2027, 1, 1)) == "repealed"
        current = catalogs.catalog(s, "current", CatalogFilter(), clock.today())
        assert [r.status_label for r in current.rows] == ["有效（定于2027年1月1日废止）"]
        later = catalogs.catalog(s, "repealed", CatalogFilter(year=2027), date(2027, 1, 2))
        assert [(r.id, r.ended_on) for r in later.rows] == [(doc.id, date(2027, 1, 1))]
    with office.transaction() as s, pytest.raises(UserError, match="已定于2027年1月1日废止"):
        documents.retire(s, SYSTEM, doc.id, "declared_invalid", date(2026, 12, 1), "重复")


def test_a_retirement_after_the_term_has_run_out_is_refused(office):
    with office.transaction() as s:
        doc = register(s, published=date(2024, 1, 5), valid_until=date(2026, 12, 31))
    with office.transaction() as s, pytest.raises(UserError, match="2027-02-01 时为“失效”"):
        documents.retire(s, SYSTEM, doc.id, "repealed", date(2027, 2, 1), "已无必要")


def test_a_lapse_counts_from_the_day_after_the_term_everywhere(office):
    with office.transaction() as s:
        doc = register(s, published=date(2021, 6, 1), valid_until=date(2026, 5, 31))
    with office.reading() as s:
        assert status(s, doc.id, date(2026, 5, 31)) == "in_force"
        retired = catalogs.catalog(s, "repealed", CatalogFilter(year=2026), clock.today())
        assert [(r.id, r.ended_on, r.status_label) for r in retired.rows] == [
            (doc.id, date(2026, 6, 1), "失效")
        ]
        assert catalogs.catalog(s, "current", CatalogFilter(), clock.today()).rows == []
        stats = statistics.annual(s, Period.of_year(2021))  # as it stood at the end of 2021
        assert {c.label: c.n for c in stats.statuses}["有效"] == 1
        lines = statistics.document_lines(s, [doc.id])
        assert lines[0].status == "失效"
        assert not [d for d in deadlines.open_deadlines(s) if d.kind == "validity"]


def test_the_years_statistics_count_todays_statuses_not_the_years_end(office):
    with office.transaction() as s:
        register(s, published=date(2026, 1, 5), valid_until=date(2026, 12, 15))
    with office.reading() as s:
        running = statistics.annual(s, Period.of_year(2026), today=date(2026, 11, 27))
        closed = statistics.annual(s, Period.of_year(2026), today=date(2027, 1, 10))
    assert {c.label: c.n for c in running.statuses}["有效"] == 1
    assert {c.label: c.n for c in closed.statuses}["失效"] == 1


def test_validity_deadline_is_open_until_the_last_day_then_gone(office):
    with office.transaction() as s:
        doc = register(s, published=date(2022, 1, 10), valid_until=date(2027, 1, 9))
    with office.reading() as s:
        due = [d for d in deadlines.open_deadlines(s, date(2027, 1, 9)) if d.kind == "validity"]
        assert [(d.object_id, d.due) for d in due] == [(doc.id, date(2027, 1, 9))]
        assert not [
            d for d in deadlines.open_deadlines(s, date(2027, 1, 10)) if d.kind == "validity"
        ]


def _ledger(path):
    book = Workbook()
    sheet = book.active
    sheet.append(["文件名称", "发文字号", "制定机关", "公布日期", "有效期至", "状态"])
    sheet.append(["河清市养犬管理暂行办法", "河民发〔2019〕2号", "河清市民政局", "2019-03-01",
                  "2021-02-28", "失效"])  # fmt: skip
    sheet.append(["河清市殡葬管理办法", "河民发〔2020〕5号", "河清市民政局", "2020-05-01",
                  "2025-04-30", "有效"])  # fmt: skip
    sheet.append(["河清市婚姻登记办法", "河民发〔2024〕1号", "河清市民政局", "2024-02-01",
                  "2029-01-31", "有效"])  # fmt: skip
    book.save(path)
    return path


def test_cli_reads_each_day_without_init_and_prints_the_legal_lapse_date(tmp_path, db_url):
    db = db_url
    normdesk(
        "--db", db, "issuer", "add", "--code", "MZ", "--name", "河清市民政局", "--abbr", "河民发"
    )
    imported = normdesk("--db", db, "import", str(_ledger(tmp_path / "ledger.xlsx")))
    assert imported.returncode == 0, imported.stderr
    today = {"NORMDESK_TODAY": "2026-12-20"}
    rows = json.loads(normdesk("--db", db, "doc", "list", "--json", env=today).stdout)
    by_title = {r["title"]: r for r in rows}
    assert by_title["河清市养犬管理暂行办法"]["status"] == "expired"  # typed in 2026: lapsed 2021
    assert by_title["河清市殡葬管理办法"]["status"] == "expired"  # the ledger's 有效 is stale
    assert by_title["河清市婚姻登记办法"]["status"] == "in_force"
    dog = by_title["河清市养犬管理暂行办法"]["id"]
    shown = json.loads(normdesk("--db", db, "doc", "show", str(dog), "--json", env=today).stdout)
    assert shown["ended_on"] == "2021-03-01"
    found = json.loads(normdesk("--db", db, "search", "殡葬", "--json", env=today).stdout)
    assert [r["status"] for r in found] == ["expired"]
    in_2024 = {"NORMDESK_TODAY": "2024-06-01"}
    found = json.loads(normdesk("--db", db, "search", "殡葬", "--json", env=in_2024).stdout)
    assert [r["status"] for r in found] == ["in_force"]

    pdf = tmp_path / "repealed.pdf"
    printed = normdesk("--db", db, "print", "repealed", "-o", str(pdf), env=today)
    assert printed.returncode == 0, printed.stderr
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "2021-03-01" in text and "2025-05-01" in text and "婚姻登记" not in text
    xlsx = tmp_path / "current.xlsx"
    exported = normdesk("--db", db, "export", str(xlsx), "--kind", "current", env=today)
    assert exported.returncode == 0, exported.stderr
    cells = " ".join(
        str(c) for row in load_workbook(xlsx).active.iter_rows(values_only=True) for c in row
    )
    assert "婚姻登记" in cells and "殡葬" not in cells


def test_registering_a_lapsed_document_keeps_the_legal_date(office):
    with office.transaction() as s:
        add_finance_bureau(s)
        doc = register(s, issuer="CZ", published=date(2015, 3, 1), valid_until=date(2020, 2, 29))
    with office.reading() as s:
        shown = documents.as_dict(documents.get(s, doc.id), None, clock.today())
    assert (shown["status"], shown["ended_on"]) == ("expired", "2020-03-01")


def test_the_sql_clauses_say_what_status_on_says_at_every_boundary(office):
    """Every recorded status with every date just before, on and after the day (and none)."""
    day = date(2026, 6, 15)
    near = (None, day - timedelta(days=1), day, day + timedelta(days=1))
    with office.transaction() as s:
        issuer = s.scalar(select(Issuer))
        combos = product(STATUS_LABELS, near, near, near)
        for n, (recorded, changed, effective, until) in enumerate(combos):
            s.add(Document(issuer=issuer, title=f"文件{n}", status=recorded, status_changed=changed,
                           effective=effective, valid_until=until, created_at=clock.now(),
                           updated_at=clock.now()))  # fmt: skip
    with office.reading() as s:
        docs = s.scalars(select(Document)).all()
        expected = {d.id: lifecycle.status_of(d, day) for d in docs}
        column = dict(s.execute(select(Document.id, lifecycle.status_column(day))).all())
        assert column == expected
        for codes in [(c,) for c in STATUS_LABELS] + [lifecycle.IN_FORCE, lifecycle.RETIRED]:
            found = set(s.scalars(select(Document.id).where(lifecycle.status_clause(codes, day))))
            assert found == {i for i, code in expected.items() if code in codes}, codes
        in_force = set(s.scalars(select(Document.id).where(lifecycle.in_force_clause(day))))
        assert in_force == {i for i, code in expected.items() if code in lifecycle.IN_FORCE}
    assert len(docs) == len(STATUS_LABELS) * 4**3
