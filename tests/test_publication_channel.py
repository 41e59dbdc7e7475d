"""公布载体 (where a document was published) for documents entered afterwards: `doc add`/`doc edit`
and an imported ledger's column record it on the publication step, checked by the one rule the
publish step uses, and 公开发布率 counts them (issue 21)."""

import json

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from app.errors import UserError
from app.models import AuditEntry, Document
from app.services import documents, importing, statistics
from app.services.permissions import SYSTEM
from app.services.statistics import Period
from tests.factories import draft, register
from tests.test_cli import normdesk

GAZETTE = "河清市人民政府公报"
TOO_LONG = "河清市人民政府门户网站" * 3  # 33 characters; the step's outcome holds 30


def _assert_one_of_two_in_the_gazette(s):
    """The two documents registered by the tests: the first published in the gazette."""
    by_title = {d.title: documents.channel_of(d) for d in s.scalars(select(Document))}
    assert by_title == {"河清市城乡居民最低生活保障管理办法": GAZETTE, "河清市临时救助实施办法": ""}
    assert _figure(s) == (1, 2)


def _figure(s, name="公开发布率"):
    stats = statistics.annual(s, Period.of_year(2026))
    (figure,) = [f for f in stats.figures if f.name == name]
    return figure.numerator, figure.denominator


def test_a_registered_document_keeps_its_channel_and_counts_as_published_openly(office):
    with office.transaction() as s:
        register(s, channel=GAZETTE)
        register(s, "河清市临时救助实施办法")
    with office.reading() as s:
        _assert_one_of_two_in_the_gazette(s)


@pytest.mark.parametrize(
    "text, message",
    [(TOO_LONG, "公布载体：不能超过 30 个字"), ("公报\x07", "公布载体：")],
)
def test_a_bad_channel_is_refused_as_the_publish_step_refuses_it(office, text, message):
    with office.transaction() as s:
        with pytest.raises(UserError, match=message) as registering:
            register(s, channel=text)
        with pytest.raises(UserError) as checking:
            documents.publication_channel(text)
        assert registering.value.message == checking.value.message
    with office.reading() as s:
        assert s.scalars(select(Document)).all() == []


def test_an_edit_sets_changes_and_clears_the_channel_and_audits_it(office):
    with office.transaction() as s:
        doc = register(s)
        doc_id, version = doc.id, doc.version
    with office.transaction() as s:
        data = documents.input_from(documents.get(s, doc_id))
        assert data.channel is None  # an edit that says nothing keeps what is recorded
        data.channel = f" {GAZETTE} "
        version = documents.update_document(s, SYSTEM, doc_id, data, version).version
    with office.reading() as s:
        assert documents.channel_of(documents.get(s, doc_id)) == GAZETTE
        assert _figure(s) == (1, 1)
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "update")).one()
        assert (
            json.loads(entry.old_values)["channel"],
            json.loads(entry.new_values)["channel"],
        ) == ("", GAZETTE)
    with office.transaction() as s:
        data = documents.input_from(documents.get(s, doc_id))
        data.title = "河清市城乡居民最低生活保障办法"
        version = documents.update_document(s, SYSTEM, doc_id, data, version).version
        assert documents.channel_of(documents.get(s, doc_id)) == GAZETTE
        data = documents.input_from(documents.get(s, doc_id))
        data.channel = ""
        documents.update_document(s, SYSTEM, doc_id, data, version)
    with office.reading() as s:
        assert documents.channel_of(documents.get(s, doc_id)) == ""
        assert _figure(s) == (0, 1)


def test_a_draft_has_no_channel_to_edit(office):
    with office.transaction() as s:
        doc = draft(s)
        data = documents.input_from(doc)
        data.channel = GAZETTE
        with pytest.raises(UserError, match="公布载体：《河清市临时救助实施办法》尚未公布"):
            documents.update_document(s, SYSTEM, doc.id, data, doc.version)


@pytest.fixture
def cli_db(office, db_url):
    return db_url


def _cli(db, *args):
    return normdesk("--db", db, "doc", *args)


def test_cli_doc_add_and_edit_record_the_channel(cli_db):
    added = _cli(cli_db, "add", "--issuer", "MZ", "--title", "河清市临时救助实施办法",
                 "--published", "2026-03-03", "--channel", GAZETTE, "--json")  # fmt: skip
    assert added.returncode == 0, added.stderr
    doc = json.loads(added.stdout)
    assert doc["channel"] == GAZETTE
    edited = _cli(cli_db, "edit", str(doc["id"]), "--channel", "本级人民政府门户网站", "--json")
    assert edited.returncode == 0, edited.stderr
    assert json.loads(edited.stdout)["channel"] == "本级人民政府门户网站"
    shown = _cli(cli_db, "show", str(doc["id"]))
    assert "公布载体：本级人民政府门户网站" in shown.stdout
    cleared = _cli(cli_db, "edit", str(doc["id"]), "--channel", "", "--json")
    assert json.loads(cleared.stdout)["channel"] is None


def test_cli_refuses_a_bad_channel_naming_the_field(cli_db):
    added = _cli(cli_db, "add", "--issuer", "MZ", "--title", "河清市临时救助实施办法",
                 "--published", "2026-03-03", "--channel", TOO_LONG)  # fmt: skip
    assert (added.returncode, added.stdout) == (1, "")
    assert "公布载体：不能超过 30 个字" in added.stderr
    assert "Traceback" not in added.stderr
    listed = _cli(cli_db, "list", "--json")
    assert json.loads(listed.stdout) == []


def _ledger(path, header, rows):
    wb = Workbook()
    ws = wb.active
    ws.append(["文件名称", "制定机关", "公布日期", header])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


@pytest.mark.parametrize("header", ["公布载体", "发布载体", " 公开载体：", "公布渠道"])
def test_a_ledger_channel_column_is_found_by_the_headers_offices_write(header):
    assert importing.guess_field(header) == "channel"


def test_an_imported_ledger_records_each_rows_channel_and_refuses_a_bad_one(office, tmp_path):
    path = _ledger(tmp_path / "台账.xlsx", "发布载体", [
        ["河清市城乡居民最低生活保障管理办法", "河清市民政局", "2026-03-03", GAZETTE],
        ["河清市临时救助实施办法", "河清市民政局", "2026-04-01", None],
        ["河清市养老服务补贴办法", "河清市民政局", "2026-05-06", TOO_LONG],
    ])  # fmt: skip
    sheet = importing.read_sheet(path)
    mapping = importing.guess_mapping(sheet)
    assert mapping.columns[3] == "channel"
    with office.transaction() as s:
        report = importing.run_import(s, SYSTEM, sheet, mapping)
    (problem,) = report.problems
    assert (problem.row, problem.column, problem.message) == (
        4,
        "公布载体",
        "不能超过 30 个字符（现有 33 个）。",
    )
    assert report.imported == 2
    with office.reading() as s:
        _assert_one_of_two_in_the_gazette(s)
        register_entry = s.scalars(
            select(AuditEntry).where(AuditEntry.action == "register").order_by(AuditEntry.id)
        ).first()
        assert json.loads(register_entry.new_values)["channel"] == GAZETTE


def test_cli_import_reads_the_channel_back(office, db_url, tmp_path):
    path = _ledger(tmp_path / "台账.xlsx", "公布载体",
                   [["河清市临时救助实施办法", "河清市民政局", "2026-04-01", "本地报纸"]])  # fmt: skip
    imported = normdesk("--db", db_url, "import", str(path), "--json")
    assert imported.returncode == 0, imported.stderr
    listed = json.loads(_cli(db_url, "list", "--json").stdout)
    shown = json.loads(_cli(db_url, "show", str(listed[0]["id"]), "--json").stdout)
    assert shown["channel"] == "本地报纸"
