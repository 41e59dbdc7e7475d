"""The longest validity term (domain.md, Validity): 5 years, 2 for 暂行/试行 titles, the office's
term for 通告 when it sets one; longer only with a recorded reason, which the register shows.
The term starts from the effective date or the publication date, as the office sets it."""

import json
from datetime import date

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app.db import open_database
from app.errors import UserError
from app.models import Document
from app.services import catalogs, documents, settings
from app.services.catalogs import CatalogFilter
from app.services.permissions import SYSTEM
from tests.factories import register
from tests.test_cli import normdesk
from tests.test_db import ISSUER_MZ_BOOL, at_revision

PUBLISHED, EFFECTIVE = date(2026, 3, 3), date(2026, 4, 1)
REASON = "配套的五年规划至2032年底"


def test_a_term_beyond_five_years_is_refused_naming_the_reason_field(office):
    with office.transaction() as s, pytest.raises(UserError) as refused:
        register(s, published=PUBLISHED, valid_until=date(2031, 3, 3))
    assert refused.value.message == (
        "有效期超期理由：有效期至 2031-03-03 超过本单位规定的最长有效期 5 年（至 2031-03-02），"
        "须写明理由。"
    )
    with office.transaction() as s:
        within = register(s, published=PUBLISHED, valid_until=date(2031, 3, 2), term_reason="多余")
        longer = register(s, "河清市养老服务办法", published=PUBLISHED,
                          valid_until=date(2031, 3, 3), term_reason=f"  {REASON} ")  # fmt: skip
        assert (within.term_reason, longer.term_reason) == (None, REASON)
        assert longer.valid_until == date(2031, 3, 3)


@pytest.mark.parametrize(
    "title, notice_years, last_day, rule",
    [
        ("河清市临时救助暂行办法", 0, date(2028, 3, 2), "暂行、试行文件最长有效期 2 年"),
        ("河清市养老机构管理试行办法", 0, date(2028, 3, 2), "暂行、试行文件最长有效期 2 年"),
        ("河清市关于冬季供暖的通告", 1, date(2027, 3, 2), "通告最长有效期 1 年"),
        ("河清市关于冬季供暖的通告", 0, date(2031, 3, 2), "本单位规定的最长有效期 5 年"),
    ],
)
def test_shorter_terms_for_provisional_titles_and_for_notices_when_the_office_sets_one(
    office, title, notice_years, last_day, rule
):
    with office.transaction() as s:
        settings.put(s, SYSTEM, "validity.notice_years", notice_years)
        default = register(s, title, published=PUBLISHED)
        assert default.valid_until == last_day  # the default term is the longest one
        with pytest.raises(UserError, match=f"有效期超期理由：有效期至 .* 超过{rule}"):
            register(s, title + "（二）", published=PUBLISHED, valid_until=date(2031, 3, 3))


def test_the_term_starts_from_the_date_the_setting_names(office):
    with office.transaction() as s:
        from_effect = register(s, "甲办法", published=PUBLISHED, effective=EFFECTIVE)
        settings.put(s, SYSTEM, "validity.start", "published")
        from_publication = register(s, "乙办法", published=PUBLISHED, effective=EFFECTIVE)
        with pytest.raises(UserError, match="最长有效期 5 年（至 2031-03-02）"):
            register(s, "丙办法", published=PUBLISHED, effective=EFFECTIVE,
                     valid_until=date(2031, 3, 31))  # fmt: skip
        with pytest.raises(UserError, match="有效期起算日：应为“施行日期”“公布日期”之一"):
            settings.put(s, SYSTEM, "validity.start", "signed")
    assert from_effect.valid_until == date(2031, 3, 31)
    assert from_publication.valid_until == date(2031, 3, 2)


def test_editing_a_term_beyond_the_longest_needs_the_reason_and_a_shorter_term_drops_it(office):
    with office.transaction() as s:
        doc = register(s, published=PUBLISHED)
    data = documents.input_from(doc)
    data.valid_until = date(2032, 12, 31)
    with office.transaction() as s, pytest.raises(UserError, match="有效期超期理由"):
        documents.update_document(s, SYSTEM, doc.id, data, doc.version)
    data.term_reason = REASON
    with office.transaction() as s:
        edited = documents.update_document(s, SYSTEM, doc.id, data, doc.version)
        assert (edited.valid_until, edited.term_reason) == (date(2032, 12, 31), REASON)
        data.valid_until, version = date(2030, 12, 31), edited.version
    with office.transaction() as s:
        assert documents.update_document(s, SYSTEM, doc.id, data, version).term_reason is None


def test_the_reason_shows_in_the_register_remarks(office, tmp_path):
    with office.transaction() as s:
        register(s, published=PUBLISHED, valid_until=date(2032, 12, 31), term_reason=REASON,
                 remarks="经市政府常务会议审议")  # fmt: skip
    with office.reading() as s:
        (row,) = catalogs.catalog(s, "register", CatalogFilter(), date(2026, 11, 27)).rows
    assert row.remarks == f"经市政府常务会议审议\n有效期超期理由：{REASON}"


def _add(db, *extra):
    return normdesk("--db", db, "doc", "add", "--issuer", "MZ", "--title", "河清市殡葬管理办法",
                    "--published", "2026-03-03", *extra, "--json")  # fmt: skip


def test_cli_doc_add_and_edit_take_the_reason_and_the_exported_register_shows_it(tmp_path, db_url):
    assert normdesk("--db", db_url, "issuer", "add", "--code", "MZ", "--name", "河清市民政局",
                    "--abbr", "河民发").returncode == 0  # fmt: skip
    refused = _add(db_url, "--valid-until", "2032-12-31")
    assert refused.returncode == 1
    assert "有效期超期理由：有效期至 2032-12-31 超过本单位规定的最长有效期 5 年" in refused.stderr
    added = _add(db_url, "--valid-until", "2032-12-31", "--term-reason", REASON)
    assert added.returncode == 0, added.stderr
    doc = json.loads(added.stdout)
    assert (doc["valid_until"], doc["term_reason"]) == ("2032-12-31", REASON)

    edit = ["--db", db_url, "doc", "edit", str(doc["id"]), "--json"]
    retitled = normdesk(*edit, "--title", "河清市殡葬管理暂行办法")  # 2 years now: reason kept
    assert retitled.returncode == 0, retitled.stderr
    edited = normdesk(*edit, "--valid-until", "2033-06-30", "--term-reason", "与上位法同步修订")
    assert edited.returncode == 0, edited.stderr
    assert json.loads(edited.stdout)["term_reason"] == "与上位法同步修订"
    cleared = normdesk(*edit, "--valid-until", "2027-12-31")
    assert json.loads(cleared.stdout)["term_reason"] is None
    assert (
        normdesk(
            *edit, "--valid-until", "2033-06-30", "--term-reason", "与上位法同步修订"
        ).returncode
        == 0
    )

    xlsx = tmp_path / "register.xlsx"
    result = normdesk("--db", db_url, "export", str(xlsx), "--kind", "register")
    assert result.returncode == 0, result.stderr
    ws = load_workbook(xlsx).active
    headers = [c.value for c in ws[2]]
    assert ws.cell(3, headers.index("备注") + 1).value == "有效期超期理由：与上位法同步修订"


def test_upgrade_to_0016_keeps_documents_and_leaves_the_new_fields_empty(empty_db_url):
    at_revision(
        empty_db_url,
        "0014",
        ISSUER_MZ_BOOL,
        "INSERT INTO document (id, issuer_id, title, status, drafting_unit, keywords, summary, remarks, important, public_facing, business_related, market_related, published, effective, valid_until, created_at, updated_at, version) VALUES (1, 1, '河清市长期规划实施办法', 'published', '', '', '', '旧备注', false, false, false, false, '2020-03-03', '2020-03-03', '2035-03-02', '2020-03-03 09:00:00', '2020-03-03 09:00:00', 1)",
    )
    database = open_database(empty_db_url)
    try:
        with database.reading() as s:
            doc = s.scalars(select(Document)).one()
            assert (doc.title, doc.valid_until, doc.remarks) == (
                "河清市长期规划实施办法",
                date(2035, 3, 2),
                "旧备注",
            )
            assert (doc.issued, doc.signed, doc.term_reason) == (None, None, None)
            (row,) = catalogs.catalog(s, "register", CatalogFilter(), date(2026, 11, 27)).rows
            assert row.remarks == "旧备注"
        data = documents.input_from(doc)
        with database.transaction() as s, pytest.raises(UserError, match="有效期超期理由"):
            documents.update_document(s, SYSTEM, 1, data, 1)  # an old long term: now explained
        data.term_reason = "原规划期至2035年"
        with database.transaction() as s:
            documents.update_document(s, SYSTEM, 1, data, 1)
        with database.reading() as s:
            assert s.get(Document, 1).term_reason == "原规划期至2035年"
    finally:
        database.close()


def test_a_ledger_row_with_a_longer_term_needs_its_reason_column(office, tmp_path):
    from openpyxl import Workbook

    from app.services import importing

    wb = Workbook()
    wb.active.append(["文件名称", "制定机关", "公布日期", "有效期至", "超期理由"])
    wb.active.append(["河清市长期规划实施办法", "河清市民政局", "2020-03-03", "2035-03-02", REASON])
    wb.active.append(["河清市殡葬管理办法", "河清市民政局", "2020-03-03", "2035-03-02", None])
    wb.save(tmp_path / "ledger.xlsx")
    sheet = importing.read_sheet(tmp_path / "ledger.xlsx")
    with office.transaction() as s:
        report = importing.run_import(s, SYSTEM, sheet, importing.guess_mapping(sheet))
    assert report.imported == 1
    ((row, column, message),) = [(p.row, p.column, p.message) for p in report.problems]
    assert (row, column) == (3, "有效期超期理由")
    assert "超过本单位规定的最长有效期 5 年（至 2025-03-02）" in message
    with office.reading() as s:
        (doc,) = s.scalars(select(Document)).all()
    assert (doc.title, doc.term_reason) == ("河清市长期规划实施办法", REASON)


def test_the_detail_pane_shows_the_reason_and_the_issue_and_signing_dates(office):
    from app.ui.register.detail import read_document

    with office.transaction() as s:
        doc = register(s, published=PUBLISHED, valid_until=date(2032, 12, 31), term_reason=REASON,
                       issued=date(2026, 3, 1), signed=date(2026, 2, 27))  # fmt: skip
    shown = read_document(office, doc.id).fields
    assert shown["remarks"] == f"有效期超期理由：{REASON}"
    assert shown["published"] == "2026-03-03（印发 2026-03-01，签署 2026-02-27）"
