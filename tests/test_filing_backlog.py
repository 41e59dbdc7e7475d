"""Historical ledgers with and without their filings (issue 21): the filing columns create the
filings through the filing service; rows without them are 备案情况未录入, counted by one reminder
instead of one overdue alarm each, and recorded in bulk."""

import json
from datetime import date

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from app import clock
from app.cli import run
from app.errors import UserError
from app.models import Document, Filing
from app.services import deadlines, filing, filing_backlog, importing, workcalendar
from app.services.permissions import SYSTEM
from tests.factories import register

TODAY = date(2026, 11, 27)
HEADER = ["文件名称", "制定机关", "公布日期", "报送日期", "备案机关", "备案结果"]


def _ledger(path, *rows):
    wb = Workbook()
    wb.active.append(HEADER)
    for row in rows:
        wb.active.append(list(row))
    wb.save(path)
    return path


def _import(city_office, path):
    sheet = importing.read_sheet(path)
    with city_office.transaction() as s:
        return importing.run_import(s, SYSTEM, sheet, importing.guess_mapping(sheet))


def _filings(s, title):
    doc = s.scalars(select(Document).where(Document.title == title)).one()
    found = s.scalars(select(Filing).where(Filing.document_id == doc.id).order_by(Filing.recipient))
    return doc, [(f.recipient, f.filed_on, f.result, f.report_number) for f in found]


def test_filing_columns_create_each_recipients_filing_and_empty_rows_are_marked(
    city_office, tmp_path
):
    ledger = _ledger(
        tmp_path / "ledger.xlsx",
        ["河清市救助办法", "河清市民政局", "2024-03-01", "2024-03-10", "本级人民政府", "予以备案"],
        ["河清市政府规定", "河清市人民政府", "2024-05-06", "2024-05-10；2024-05-20",
         "上一级人民政府；本级人大常委会", "予以备案；未报送"],
        ["河清市老办法", "河清市民政局", "2019-01-02", None, None, None],
        ["河清市旧规定", "河清市人民政府", "2018-06-01", None, None, None],
    )  # fmt: skip
    report = _import(city_office, ledger)
    assert (report.imported, report.problems) == (4, [])
    with city_office.reading() as s:
        doc, found = _filings(s, "河清市救助办法")
        assert found == [("本级人民政府", date(2024, 3, 10), "予以备案", None)]
        assert doc.filing_unrecorded is None
        doc, found = _filings(s, "河清市政府规定")
        # 未报送 to the congress committee: no filing, so its deadline is overdue as it should be
        assert found == [("上一级人民政府", date(2024, 5, 10), "予以备案", None)]
        assert doc.filing_unrecorded is None
        marked = {
            d.title for d in s.scalars(select(Document).where(Document.filing_unrecorded.is_(True)))
        }
        assert marked == {"河清市老办法", "河清市旧规定"}
        overdue = {(d.title, d.state) for d in deadlines.open_deadlines(s) if d.kind == "filing"}
        assert overdue == {("河清市政府规定（报本级人大常委会）", "overdue")}
        assert filing_backlog.unrecorded_count(s) == 2
        assert filing_backlog.reminder(s).startswith("备案情况未录入：2 件")


@pytest.mark.parametrize(
    "row, column, message",
    [
        (["2024-03-10", "市委办公室", ""], "备案机关", "不是该文件应报送的机关"),
        (["", "本级人民政府", "予以备案"], "报送日期", "报送日期为空"),
        (["2024-02-01", "", ""], "报送日期", "早于公布日期"),
        (["2024-03-10", "", "已备案了"], "备案结果", "无法识别的备案结果"),
        (["2027-01-05", "", ""], "报送日期", "晚于今天"),
    ],
)
def test_unreadable_filing_cells_reject_the_row_naming_the_column(
    city_office, tmp_path, row, column, message
):
    ledger = _ledger(
        tmp_path / "ledger.xlsx", ["河清市救助办法", "河清市民政局", "2024-03-01", *row]
    )
    report = _import(city_office, ledger)
    assert report.imported == 0
    ((problem,),) = [report.problems]
    assert (problem.row, problem.column) == (2, column) and message in problem.message


def test_a_government_document_needs_its_recipient_named(city_office, tmp_path):
    ledger = _ledger(
        tmp_path / "l.xlsx",
        ["河清市政府规定", "河清市人民政府", "2024-05-06", "2024-05-10", "", ""],
    )
    (problem,) = _import(city_office, ledger).problems
    assert problem.column == "备案机关" and "上一级人民政府、本级人大常委会" in problem.message


def test_bulk_recording_files_the_marked_documents_and_clears_the_reminder(city_office, tmp_path):
    ledger = _ledger(
        tmp_path / "ledger.xlsx",
        ["河清市老办法", "河清市民政局", "2019-01-02", None, None, None],
        ["河清市旧办法", "河清市民政局", "2019-02-03", None, None, None],
        ["河清市旧规定", "河清市人民政府", "2018-06-01", None, None, None],
    )
    _import(city_office, ledger)
    with city_office.transaction() as s:
        other = register(s, "河清市新办法", published=date(2026, 11, 2)).id
    with (
        pytest.raises(UserError, match="不是“备案情况未录入”的文件"),
        city_office.transaction() as s,
    ):
        filing_backlog.record_bulk(s, SYSTEM, "本级人民政府", date(2019, 3, 1), [other])
    with city_office.transaction() as s:
        outcome = filing_backlog.record_bulk(
            s, SYSTEM, "本级人民政府", date(2019, 3, 1), None, "予以备案", workcalendar.load(s)
        )
    assert len(outcome.recorded) == 2 and outcome.still_unrecorded == 1
    with city_office.reading() as s:
        assert _filings(s, "河清市老办法")[1] == [
            ("本级人民政府", date(2019, 3, 1), "予以备案", None)
        ]
        # the government's document still waits for both of its recipients
        assert [
            d.title for d in map(lambda i: s.get(Document, i), filing_backlog.unrecorded_ids(s))
        ] == ["河清市旧规定"]
    with city_office.transaction() as s:
        filing_backlog.record_bulk(s, SYSTEM, "上一级人民政府", date(2018, 6, 20))
    with city_office.reading() as s:
        assert (
            filing_backlog.unrecorded_count(s) == 1
        )  # the congress committee's is not on record yet
    with city_office.transaction() as s:
        filing_backlog.record_bulk(s, SYSTEM, "本级人大常委会", date(2018, 6, 25))
    with city_office.reading() as s:
        assert filing_backlog.unrecorded_count(s) == 0 and filing_backlog.reminder(s) is None


def test_bulk_recording_is_all_or_nothing(city_office, tmp_path):
    _import(city_office, _ledger(
        tmp_path / "ledger.xlsx",
        ["河清市老办法", "河清市民政局", "2019-01-02", None, None, None],
        ["河清市旧办法", "河清市民政局", "2019-05-03", None, None, None],
    ))  # fmt: skip
    with city_office.reading() as s:
        ids = filing_backlog.unrecorded_ids(s)
    with pytest.raises(UserError, match="不能早于公布日期"), city_office.transaction() as s:
        filing_backlog.record_bulk(s, SYSTEM, "本级人民政府", date(2019, 3, 1), ids)
    with city_office.reading() as s:
        assert s.scalars(select(Filing)).all() == [] and filing_backlog.unrecorded_count(s) == 2


def test_cli_imports_the_filing_columns_lists_the_unrecorded_and_records_them_in_bulk(
    city_office, db_url, tmp_path, capsys
):
    ledger = _ledger(
        tmp_path / "ledger.xlsx",
        ["河清市救助办法", "河清市民政局", "2024-03-01", "2024-03-10", "", "予以备案"],
        ["河清市老办法", "河清市民政局", "2019-01-02", None, None, None],
    )
    capsys.readouterr()
    assert run(["--db", db_url, "import", str(ledger), "--json"]) == 0
    imported = json.loads(capsys.readouterr().out)
    assert (imported["imported"], imported["filing_unrecorded"]) == (2, 1)
    assert run(["--db", db_url, "deadlines"]) == 0
    out, err = capsys.readouterr()
    assert "河清市老办法" not in out and "备案情况未录入：1 件" in err
    assert run(["--db", db_url, "filing", "unrecorded", "--json"]) == 0

    (row,) = json.loads(capsys.readouterr().out)
    assert row["title"] == "河清市老办法"

    assert (
        run(
            [
                "--db",
                db_url,
                "filing",
                "bulk",
                "--recipient",
                "上一级人民政府",
                "--filed",
                "2019-01-10",
                "--all",
            ]
        )
        == 1
    )
    assert "没有需要向上一级人民政府补录" in capsys.readouterr().err
    code = run(["--db", db_url, "filing", "bulk", "--recipient", "本级人民政府", "--filed", "2019-01-10",
                "--doc", str(row["document_id"]), "--json"])  # fmt: skip
    assert code == 0
    assert json.loads(capsys.readouterr().out) == {
        "recorded": [row["document_id"]],
        "still_unrecorded": 0,
    }
    with city_office.reading() as s:
        assert _filings(s, "河清市救助办法")[1] == [
            ("本级人民政府", date(2024, 3, 10), "予以备案", None)
        ]
        assert _filings(s, "河清市老办法")[1] == [("本级人民政府", date(2019, 1, 10), "", None)]


def test_upgrade_to_0019_keeps_documents_unmarked_and_their_filing_alarms(empty_db_url):
    from app.db import open_database
    from tests.test_db import ISSUER_MZ_BOOL, at_revision

    clock.fix_today(date(2026, 11, 27))
    at_revision(
        empty_db_url,
        "0016",
        ISSUER_MZ_BOOL,
        "INSERT INTO document (id, issuer_id, title, status, drafting_unit, keywords, summary, remarks, important, public_facing, business_related, market_related, published, effective, valid_until, status_changed, created_at, updated_at, version) VALUES (1, 1, '河清市未报备的办法', 'published', '', '', '', '', false, false, false, false, '2026-03-03', '2026-03-03', '2031-03-02', '2026-03-03', '2026-03-03 09:00:00', '2026-03-03 09:00:00', 1)",
    )
    database = open_database(empty_db_url)
    try:
        with database.reading() as s:
            doc = s.get(Document, 1)
            assert (doc.title, doc.filing_unrecorded) == ("河清市未报备的办法", None)
            alarms = [
                (d.document_id, d.state) for d in deadlines.open_deadlines(s) if d.kind == "filing"
            ]
            assert alarms == [(1, "overdue")] and filing_backlog.unrecorded_count(s) == 0
    finally:
        database.close()


def test_the_filing_register_says_unrecorded_not_overdue(city_office, db_url, tmp_path, capsys):

    _import(
        city_office,
        _ledger(
            tmp_path / "l.xlsx", ["河清市老办法", "河清市民政局", "2019-01-02", None, None, None]
        ),
    )
    with city_office.reading() as s:
        (row,) = filing.register_rows(s, workcalendar.load(s), 2019)
        assert (row.unrecorded, filing.timeliness(row, TODAY)) == (True, "备案情况未录入")
    capsys.readouterr()
    assert run(["--db", db_url, "filing", "list", "--year", "2019", "--json"]) == 0
    (shown,) = json.loads(capsys.readouterr().out)
    assert (shown["overdue"], shown["unrecorded"]) == (False, True)


def test_an_import_cancelled_while_its_filings_are_recorded_writes_nothing(city_office, tmp_path):
    rows = [
        [f"河清市办法{n}", "河清市民政局", "2024-03-01", "2024-03-10", "", ""] for n in range(60)
    ]
    sheet = importing.read_sheet(_ledger(tmp_path / "ledger.xlsx", *rows))
    calls = []

    def progress(done, total):
        calls.append((done, total))
        return done == total  # the registration's one call goes on; the filings' first stops

    with pytest.raises(UserError, match="已取消导入"), city_office.transaction() as s:
        importing.run_import(s, SYSTEM, sheet, importing.guess_mapping(sheet), progress=progress)
    assert calls == [(60, 60), (50, 60)]
    with city_office.reading() as s:
        assert s.scalars(select(Document)).all() == [] and s.scalars(select(Filing)).all() == []
