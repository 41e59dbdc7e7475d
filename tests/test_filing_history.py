"""Each recipient's history of filing results (issue 21): every answer in order with its date,
note, deadline and recorder, through the service, `filing show`/`filing list --json` and the
备案 page; a result kept from before the history began says that earlier ones were not kept."""

import json
import re
from datetime import date, datetime

import pytest
from sqlalchemy import select

from app import clock
from app.db import open_database
from app.models import Filing
from app.services import filing, workcalendar
from app.services.permissions import SYSTEM
from app.ui.filing.table_model import HISTORY_COLUMNS
from app.ui.filing.view import FilingView
from tests.factories import add_issuer, draft, register
from tests.test_cli import normdesk
from tests.test_db import ISSUER_MZ_BOOL, at_revision
from tests.ui_context import context
from tests.widgets import shown

TODAY = date(2026, 5, 20)
GOV = "本级人民政府"


def _result(s, filing_id, result, day, note="", due=None):
    cal = workcalendar.load(s)
    filing.record_result(s, SYSTEM, filing_id, result, day, note, correction_due=due, cal=cal)


@pytest.fixture
def office(database):
    """甲: 暂缓登记 (correct by 10 Apr), corrected 2 Apr, 予以备案 8 Apr. 乙: filed, no result.
    丙: not filed."""
    clock.fix_today(TODAY)
    with database.transaction() as s:
        add_issuer(s)
        held = register(s, "河清市殡葬管理若干规定", published=date(2026, 3, 3))
        waiting = register(s, "河清市养老服务补贴管理办法", published=date(2026, 3, 4))
        register(s, "河清市婚姻登记工作规范", published=date(2026, 3, 5))
        f = filing.record_filed(s, SYSTEM, held.id, GOV, date(2026, 3, 10), list(filing.PACKAGE))
        filing.record_filed(s, SYSTEM, waiting.id, GOV, date(2026, 3, 11), list(filing.PACKAGE))
        _result(s, f.id, "暂缓登记", date(2026, 3, 12), "缺少起草说明", due=date(2026, 4, 10))
        filing.record_corrected(s, SYSTEM, f.id, date(2026, 4, 2), "已补送起草说明")
        _result(s, f.id, "予以备案", date(2026, 4, 8))
        ids = {"held": held.id, "waiting": waiting.id, "filing": f.id}
    return database, ids


def test_history_lists_every_result_in_order_with_its_deadline_and_recorder(office):
    database, ids = office
    with database.reading() as s:
        history = filing.result_history(s, ids["filing"], workcalendar.load(s))
    assert [(e.result, e.result_on, e.note, e.recorded_by) for e in history] == [
        ("暂缓登记", date(2026, 3, 12), "缺少起草说明", SYSTEM.name),
        ("予以备案", date(2026, 4, 8), "", SYSTEM.name),
    ]
    held, accepted = history
    assert (held.correction_due, held.corrected_on) == (date(2026, 4, 10), date(2026, 4, 2))
    assert held.deadline_text() == "补正期限 2026-04-10，2026-04-02 已补正/纠正"
    assert (accepted.correction_due, accepted.deadline_text()) == (None, "")
    assert all(isinstance(e.recorded_at, datetime) and not e.before_history for e in history)


def test_register_rows_carry_the_history_and_the_latest_result(office):
    database, ids = office
    with database.reading() as s:
        rows = {r.document_id: r for r in filing.register_rows(s, workcalendar.load(s), 2026)}
    assert rows[ids["held"]].result == "予以备案"
    assert [e.result for e in rows[ids["held"]].history] == ["暂缓登记", "予以备案"]
    assert rows[ids["waiting"]].history == ()


def test_filing_show_gives_the_history_as_json_and_text(office, db_url):
    database, ids = office
    database.close()
    env = {"NORMDESK_TODAY": TODAY.isoformat()}
    shown = normdesk("--db", db_url, "filing", "show", str(ids["held"]), "--json", env=env)
    assert shown.returncode == 0, shown.stderr
    [row] = json.loads(shown.stdout)
    assert (row["filing_id"], row["recipient"], row["result"]) == (ids["filing"], GOV, "予以备案")
    assert [(r["result"], r["result_on"], r["note"], r["recorded_by"], r["correction_due"],
             r["corrected_on"], r["before_history"]) for r in row["results"]] == [
        ("暂缓登记", "2026-03-12", "缺少起草说明", SYSTEM.name, "2026-04-10", "2026-04-02", None),
        ("予以备案", "2026-04-08", "", SYSTEM.name, None, None, None),
    ]  # fmt: skip
    assert all(r["recorded_at"] for r in row["results"])
    text = normdesk("--db", db_url, "filing", "show", str(ids["held"]), env=env)
    assert text.returncode == 0, text.stderr
    lines = text.stdout.splitlines()
    assert lines[0].startswith(f"《河清市殡葬管理若干规定》 向{GOV}备案：")
    assert lines[1].split("\t") == [
        "  2026-03-12", "暂缓登记", "缺少起草说明；补正期限 2026-04-10；2026-04-02 已补正/纠正", SYSTEM.name
    ]  # fmt: skip
    assert lines[2].split("\t") == ["  2026-04-08", "予以备案", "", SYSTEM.name]
    waiting = normdesk("--db", db_url, "filing", "show", str(ids["waiting"]), env=env)
    assert waiting.stdout.splitlines()[1] == "  尚未登记备案结果。"
    # filing list --json carries the same history
    listed = normdesk("--db", db_url, "filing", "list", "--year", "2026", "--json", env=env)
    [held] = [r for r in json.loads(listed.stdout) if r["document_id"] == ids["held"]]
    assert held["results"] == row["results"]


def test_filing_show_refuses_a_draft_and_an_unknown_document(database, db_url):
    clock.fix_today(TODAY)
    with database.transaction() as s:
        add_issuer(s)
        doc_id = draft(s).id
    database.close()
    refused = normdesk("--db", db_url, "filing", "show", str(doc_id))
    assert refused.returncode == 1
    assert "尚未公布，没有备案记录" in refused.stderr
    unknown = normdesk("--db", db_url, "filing", "show", "999")
    assert unknown.returncode == 1 and "999" in unknown.stderr


def _wait(database):
    assert context(database).runner.wait()


def _history_cells(view) -> list[list[str]]:
    model = view.history_model
    return [[model.data(model.index(r, c)) for c in range(len(HISTORY_COLUMNS))]
            for r in range(model.rowCount())]  # fmt: skip


def test_filing_page_shows_the_selected_filings_history(qtbot, office):
    database, ids = office
    view = shown(qtbot, FilingView(context(database)))
    _wait(database)
    view.year.setCurrentIndex(view.year.findData(2026))
    _wait(database)
    assert view.history_model.rowCount() == 0
    assert "请在上表选择" in view.history_heading.text()
    view.table.selectRow(view.model.row_of(ids["held"]))
    cells = _history_cells(view)
    assert [row[:6] for row in cells] == [
        ["2026-03-12", "暂缓登记", "缺少起草说明", "2026-04-10", "2026-04-02", SYSTEM.name],
        ["2026-04-08", "予以备案", "", "", "", SYSTEM.name],
    ]  # fmt: skip
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", row[6]) for row in cells)
    assert view.history_heading.text() == (
        f"备案结果记录：《河清市殡葬管理若干规定》报送{GOV}，共 2 次结果"
    )
    view.table.selectRow(view.model.row_of(ids["waiting"]))
    assert view.history_model.rowCount() == 0
    assert view.history_heading.text().endswith("2026-03-11 报送，尚未登记备案结果。")


@pytest.mark.sqlite_only  # the PostgreSQL test database starts at the newest revision
def test_a_result_stored_before_the_history_is_shown_alone_and_says_so(empty_db_url):
    """A filing accepted after a 暂缓登记 in a database of the version before the history: only
    the 予以备案 was kept. It is shown as the one result, unrecorded recorder, with the note that
    earlier results were not kept and that a send-back is on record; a new result follows it."""
    clock.fix_today(TODAY)
    at_revision(
        empty_db_url,
        "0016",
        ISSUER_MZ_BOOL,
        "INSERT INTO document (id, issuer_id, title, status, drafting_unit, keywords, summary, remarks, important, public_facing, business_related, market_related, published, valid_until, created_at, updated_at, version) "
        "VALUES (1, 1, '旧办法', 'in_force', '', '', '', '', false, false, false, false, '2026-01-05', '2031-01-04', '2026-01-05 09:00:00', '2026-01-05 09:00:00', 1)",
        "INSERT INTO filing (document_id, recipient, package, filed_on, result, result_on, needed_correction, follow_up, created_at, version) "
        "VALUES (1, '本级人民政府', '[]', '2026-01-12', '予以备案', '2026-02-01', true, '已补正', '2026-01-12 09:00:00', 1)",
    )  # fmt: skip
    database = open_database(empty_db_url)
    try:
        with database.reading() as s:
            filing_id = s.scalar(select(Filing.id))
            [old] = filing.result_history(s, filing_id, workcalendar.load(s))
        with database.transaction() as s:
            _result(s, filing_id, "纠正", date(2026, 5, 6), "第二条应予纠正", due=date(2026, 6, 5))
        with database.reading() as s:
            after = filing.result_history(s, filing_id, workcalendar.load(s))
    finally:
        database.close()
    assert (old.result, old.result_on, old.note, old.recorded_by, old.recorded_at) == (
        "予以备案", date(2026, 2, 1), "已补正", "", None
    )  # fmt: skip
    assert old.recorded_by_label == "（未记录）"
    assert old.before_history == f"{filing.BEFORE_HISTORY}；{filing.EARLIER_SENT_BACK}"
    assert [(e.result, bool(e.before_history), e.correction_due) for e in after] == [
        ("予以备案", True, None),
        ("纠正", False, date(2026, 6, 5)),
    ]
