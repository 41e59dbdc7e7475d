"""报备率 and 报备及时率 leave out the documents whose filing was never entered (备案情况未录入,
imported from a historical ledger without filing columns) and say how many, in the service,
`normdesk stats`, the printed 年度统计表 and the GUI; once the clerk records a document's filing
with every recipient, it counts again. Every numerator and denominator below is counted by hand."""

import json
import re
from datetime import date

import pypdfium2
import pytest
from openpyxl import Workbook, load_workbook

from app import clock
from app.db import open_database
from app.services import filing, importing, statistics
from app.services.permissions import SYSTEM
from app.services.statistics import Period
from app.ui.filing.view import FilingView
from app.ui.statistics.view import StatisticsView
from tests.factories import add_city_government, add_issuer, register
from tests.test_cli import normdesk
from tests.ui_context import context
from tests.widgets import shown

TODAY = date(2026, 2, 10)
GOV, UPPER, CONGRESS = "本级人民政府", "上一级人民政府", "本级人大常委会"
LEDGER = [
    ["文件名称", "制定机关", "公布日期"],
    ["河清市旧办法甲", "河清市民政局", "2025-04-01"],
    ["河清市旧办法乙", "河清市民政局", "2025-08-01"],
    ["河清市政府旧规定", "河清市人民政府", "2025-06-02"],
]


def build(database, tmp_path) -> dict[str, int]:
    """2025. MZ (department; 本级人民政府 within 15 days):
    A published 3 Mar, filed 10 Mar (due 18 Mar): on time, 予以备案.
    B published 6 May, filed 30 May (due 21 May): late.
    C published 9 Oct, not filed.
    Imported from a ledger without filing columns (备案情况未录入): U1 (MZ, 1 Apr), U2 (MZ, 1 Aug),
    G (ZF, a government: 上一级人民政府 within 15 days and 本级人大常委会 within 30, 2 Jun)."""
    with database.transaction() as s:
        add_issuer(s)
        add_city_government(s)
        a = register(s, "河清市养老服务补贴管理办法", published=date(2025, 3, 3))
        b = register(s, "河清市社会组织登记管理办法", published=date(2025, 5, 6))
        c = register(s, "河清市婚姻登记工作规范", published=date(2025, 10, 9))
        fa = filing.record_filed(s, SYSTEM, a.id, GOV, date(2025, 3, 10), list(filing.PACKAGE))
        filing.record_result(s, SYSTEM, fa.id, "予以备案", date(2025, 3, 20))
        filing.record_filed(s, SYSTEM, b.id, GOV, date(2025, 5, 30), list(filing.PACKAGE))
    wb = Workbook()
    for row in LEDGER:
        wb.active.append(row)
    wb.save(tmp_path / "ledger.xlsx")
    sheet = importing.read_sheet(tmp_path / "ledger.xlsx")
    with database.transaction() as s:
        importing.run_import(s, SYSTEM, sheet, importing.guess_mapping(sheet))
    with database.reading() as s:
        from app.models import Document

        imported = {d.title: d for d in s.query(Document).filter(Document.filing_unrecorded)}
        ids = {"U1": imported["河清市旧办法甲"].id, "U2": imported["河清市旧办法乙"].id,
               "G": imported["河清市政府旧规定"].id}  # fmt: skip
    return {"A": a.id, "B": b.id, "C": c.id, **ids}


# (numerator, denominator, left out), counted by hand from build's docstring
BEFORE = {
    "报备率": (2, 3, 3),  # A B / A B C; U1 U2 G left out (before: 2 / 6)
    "报备及时率": (1, 3, 3),  # A (B late) / A B C; U1 U2 G left out (before: 1 / 6)
    "规范率": (2, 2, 0),  # A B (none sent back) / A B filed: an unrecorded one is never filed
    "纠错率": (0, 0, 0),
}
NOTE = "另有 3 件备案情况未录入，未计入"


@pytest.fixture
def office(database, tmp_path):
    clock.fix_today(TODAY)
    return database, build(database, tmp_path)


def _counted(figures):
    return {f.name: (f.numerator, f.denominator, f.left_out) for f in figures}


def test_unrecorded_documents_are_left_out_of_both_filing_rates_and_counted(office):
    database, ids = office
    with database.reading() as s:
        stats = statistics.annual(s, Period.of_year(2025))
        strip = statistics.filing_figures(s, date(2025, 1, 1), date(2025, 12, 31))
    assert {k: v for k, v in _counted(stats.figures).items() if k in BEFORE} == BEFORE
    assert _counted(strip) == BEFORE
    rate, timely = stats.figure("报备率"), stats.figure("报备及时率")
    assert rate.left_out_ids == timely.left_out_ids == [ids["U1"], ids["G"], ids["U2"]]
    assert (rate.shown(), timely.shown()) == ("66.7%", "33.3%")
    assert rate.note == timely.note == NOTE
    assert stats.figure("规范率").note == ""
    assert statistics.notes(stats.figures) == [f"报备率、报备及时率：{NOTE}"]
    # the quarterly chart counts them apart too, not as 未报送
    assert [q.counts for q in stats.quarters] == [
        {"on_time": 1, "late": 0, "not_filed": 0, "unrecorded": 0},  # A
        {"on_time": 0, "late": 1, "not_filed": 0, "unrecorded": 2},  # B; U1 G
        {"on_time": 0, "late": 0, "not_filed": 0, "unrecorded": 1},  # U2
        {"on_time": 0, "late": 0, "not_filed": 1, "unrecorded": 0},  # C
    ]


def _stats(db_url) -> dict:
    shown = normdesk("--db", db_url, "stats", "--year", "2025", "--json",
                     env={"NORMDESK_TODAY": TODAY.isoformat()})  # fmt: skip
    assert shown.returncode == 0, shown.stderr
    return json.loads(shown.stdout)


def _figures(result: dict) -> dict:
    return {f["name"]: (f["numerator"], f["denominator"], f["left_out"]) for f in result["figures"]
            if f["name"] in BEFORE}  # fmt: skip


def test_recording_the_filing_makes_a_document_count_again_through_the_cli(office, db_url):
    database, ids = office
    database.close()
    env = {"NORMDESK_TODAY": TODAY.isoformat()}
    before = _stats(db_url)
    assert _figures(before) == BEFORE
    assert [(f["note"], f["rate"]) for f in before["figures"][1:3]] == [
        (NOTE, 0.6667),
        (NOTE, 0.3333),
    ]
    assert before["notes"] == [f"报备率、报备及时率：{NOTE}"]
    text = normdesk("--db", db_url, "stats", "--year", "2025", env=env)
    assert text.returncode == 0, text.stderr
    assert f"报备率\t2/3\t66.7%\t{NOTE}" in text.stdout.splitlines()
    assert "规范率\t2/2\t100.0%" in text.stdout.splitlines()
    # U1 in bulk, on time (due 16 Apr); G with one of its two recipients only
    for recipient, day, doc in ((GOV, "2025-04-10", "U1"), (UPPER, "2025-06-10", "G")):
        bulk = normdesk("--db", db_url, "filing", "bulk", "--recipient", recipient, "--filed", day,
                        "--doc", str(ids[doc]), "--result", "予以备案", env=env)  # fmt: skip
        assert bulk.returncode == 0, bulk.stderr
    # U2 one by one, late (due 16 Aug, a Saturday: 18 Aug)
    reopened = open_database(db_url)
    try:
        with reopened.transaction() as s:
            filing.record_filed(s, SYSTEM, ids["U2"], GOV, date(2025, 9, 1), list(filing.PACKAGE))
    finally:
        reopened.close()
    assert _figures(_stats(db_url)) == {
        "报备率": (4, 5, 1),  # A B U1 U2 / A B C U1 U2; G (one recipient still unknown) left out
        "报备及时率": (2, 5, 1),  # A U1 / the 5
        "规范率": (4, 4, 0),  # A B U1 U2 / the 4 filed
        "纠错率": (0, 0, 0),
    }
    # G's second recipient in time (30 days: due 2 Jul): G counts, nothing is left out
    bulk = normdesk("--db", db_url, "filing", "bulk", "--recipient", CONGRESS, "--filed", "2025-06-20",
                    "--doc", str(ids["G"]), env=env)  # fmt: skip
    assert bulk.returncode == 0, bulk.stderr
    after = _stats(db_url)
    assert _figures(after) == {
        "报备率": (5, 6, 0),  # all but C
        "报备及时率": (3, 6, 0),  # A U1 G
        "规范率": (5, 5, 0),
        "纠错率": (0, 0, 0),
    }
    assert after["notes"] == [] and all(f["note"] is None for f in after["figures"])
    text = normdesk("--db", db_url, "stats", "--year", "2025", env=env)
    assert "未录入" not in text.stdout


def _pdf_text(path) -> str:
    pdf = pypdfium2.PdfDocument(path)
    try:
        return "".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


def test_printed_and_exported_statistics_say_what_is_left_out(office, db_url, tmp_path):
    database, ids = office
    database.close()
    env = {"NORMDESK_TODAY": TODAY.isoformat()}
    target = tmp_path / "stats.pdf"
    printed = normdesk("--db", db_url, "print", "statistics", "--year", "2025", "-o", str(target), env=env)  # fmt: skip
    assert printed.returncode == 0, printed.stderr
    text = re.sub(r"\s+", "", _pdf_text(target))
    assert text.count(NOTE.replace(" ", "")) == 2  # beside 报备率 and 报备及时率
    assert "已报备文件数/应报备文件数（另有3件" in text
    assert "备案情况未录入" in text  # the quarterly table's column
    xlsx = tmp_path / "stats.xlsx"
    exported = normdesk("--db", db_url, "export", str(xlsx), "--kind", "statistics", "--year", "2025", env=env)  # fmt: skip
    assert exported.returncode == 0, exported.stderr
    wb = load_workbook(xlsx)
    rows = {r[0]: (r[1], r[2], r[5]) for r in wb["主要指标"].iter_rows(min_row=3, max_row=12, values_only=True)}  # fmt: skip
    assert (rows["报备率"], rows["报备及时率"], rows["规范率"]) == (
        (2, 3, NOTE),
        (1, 3, NOTE),
        (2, 2, None),
    )
    left = sorted(r[8] for r in wb["指标明细"].iter_rows(min_row=3, values_only=True)
                  if r[0] == "报备率" and r[1] == "未计入（备案情况未录入）")  # fmt: skip
    assert left == sorted([ids["U1"], ids["U2"], ids["G"]])


def _wait(database):
    assert context(database).runner.wait()


def test_statistics_and_filing_pages_show_the_note_beside_the_figures(qtbot, office):
    database, ids = office
    view = shown(qtbot, StatisticsView(context(database)))
    _wait(database)
    view.year.setCurrentIndex(view.year.findData(2025))
    _wait(database)
    names = [view.figures.item(r, 0).text() for r in range(view.figures.rowCount())]
    assert "报备率 ※" in names and "报备及时率 ※" in names and "规范率" in names
    assert view.figure_notes.isVisible()
    assert view.figure_notes.text() == f"※报备率、报备及时率：{NOTE}（录入其备案情况后计入）"
    view.drill_figure(names.index("报备率 ※"))
    dialog = view.dialog
    assert dialog.choice.itemText(3) == "备案情况未录入、未计入的文件（3 件）"
    dialog.choice.setCurrentIndex(3)
    _wait(database)
    assert sorted(line.id for line in dialog.lines) == sorted([ids["U1"], ids["U2"], ids["G"]])
    dialog.close()

    page = shown(qtbot, FilingView(context(database)))
    _wait(database)
    page.year.setCurrentIndex(page.year.findData(2025))
    _wait(database)
    assert page.figures.labels["报备率"].text() == "报备率※ <b>2/3 = 66.7%</b>"
    assert page.figures.labels["规范率"].text() == "规范率 <b>2/2 = 100.0%</b>"
    assert page.figures.note.text() == f"※报备率、报备及时率：{NOTE}"
