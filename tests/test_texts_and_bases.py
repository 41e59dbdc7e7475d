"""A document's texts, its legal bases and the changes of the laws they cite (app/services/
texts.py, legal_bases.py), on a real database: search over titles and texts with snippets,
versions compared side by side, bases suggested and confirmed, an upper-law change walked to an
applied special cleanup."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from app import clock
from app.errors import UserError
from app.models import AuditEntry, CleanupBatch
from app.services import cleanup, legal_bases, seals, search, texts
from app.services.basis_suggest import LawLevel
from app.services.permissions import SYSTEM, Actor, Role
from app.services.search import DocumentQuery
from app.services.texts import Change
from app.services.vocabulary import (
    AuditAction,
    BasisSource,
    CleanupStatus,
    LawChangeKind,
    LawStatus,
    TextKind,
)
from tests.factories import bureaus_in_force, register
from tests.test_text_extract import pdf_font  # noqa: F401 (a fixture)

BODY = """河清市城乡居民最低生活保障管理办法

第一条 为了规范城乡居民最低生活保障工作，根据《社会救助暂行办法》《中华人民共和国行政许可法》第十二条和《广东省社会救助条例》，结合本市实际，制定本办法。
第二条 本办法适用于本市行政区域内的低保工作。
第三条 低保标准由市民政局会同市财政局拟定。"""

AMENDED = """河清市城乡居民最低生活保障管理办法

第一条 为了规范城乡居民最低生活保障工作，根据《社会救助暂行办法》《中华人民共和国行政许可法》第十二条和《广东省社会救助条例》，结合本市实际，制定本办法。
第二条 本办法适用于本市行政区域内的低保和特困供养工作。
第三条 低保标准由市民政局会同市财政局拟定，报市人民政府批准后公布。
第四条 本办法自公布之日起施行。"""


@pytest.fixture
def office(database):
    clock.fix_today(date(2026, 11, 27))
    with database.transaction() as s:
        ids = bureaus_in_force(s)
    return database, ids


def test_texts_are_searched_beside_titles_with_a_marked_snippet(office):
    database, ids = office
    with database.transaction() as s:
        texts.add_typed(s, SYSTEM, ids[0], BODY, TextKind.ORIGINAL)
    with database.reading() as s:
        titles_only = search.find_ids(s, DocumentQuery(text="特困 拟定"))
        for query in ("低保标准", "低保", "拟定", "财政局 拟定", "行政许可法"):
            assert search.find_ids(s, DocumentQuery(text=query, in_texts=True)) == [ids[0]], query
        assert search.count_ids(s, DocumentQuery(text="拟定", in_texts=True)) == 1
        assert search.find_ids(s, DocumentQuery(text="特困", in_texts=True)) == []
        hit = texts.snippets(s, [ids[0]], "低保标准")[ids[0]]
    assert titles_only == []
    assert "【低保标准】由市民政局" in hit.marked()
    assert hit.kind is TextKind.ORIGINAL and "\n" not in hit.text


def test_the_current_text_is_what_search_finds_and_versions_compare_side_by_side(office):
    database, ids = office
    with database.transaction() as s:
        texts.add_typed(s, SYSTEM, ids[0], BODY, TextKind.ORIGINAL)
        texts.add_typed(s, SYSTEM, ids[0], AMENDED, TextKind.CONSOLIDATED, date(2026, 10, 1))
    with database.reading() as s:
        assert search.find_ids(s, DocumentQuery(text="特困供养", in_texts=True)) == [ids[0]]
        versions = texts.versions(s, ids[0])
        rows = texts.compare(texts.body(s, versions[0].id), texts.body(s, versions[1].id))
        snippet = texts.snippets(s, [ids[0]], "批准")[ids[0]]
    assert [v.label for v in versions] == ["公布文本", "现行文本（2026-10-01）"]
    assert snippet.kind is TextKind.CONSOLIDATED
    changed = [r for r in rows if r.change is Change.CHANGED]
    assert [r.left[:3] for r in changed] == ["第二条", "第三条"]
    second = changed[0]
    start, end = second.right_marks[0]
    assert second.right[start:end] == "和特困供养"
    assert [r.right for r in rows if r.change is Change.ADDED] == [
        "第四条 本办法自公布之日起施行。"
    ]
    assert sum(r.change is Change.SAME for r in rows) == 3


def test_a_text_replaced_by_a_newer_one_of_its_kind_is_no_longer_found(office):
    database, ids = office
    with database.transaction() as s:
        texts.add_typed(s, SYSTEM, ids[0], BODY, TextKind.ORIGINAL)
        texts.add_typed(s, SYSTEM, ids[0], AMENDED, TextKind.CONSOLIDATED, date(2026, 10, 1))
        texts.add_typed(s, SYSTEM, ids[1], "第一条 低保标准由区民政局拟定。", TextKind.ORIGINAL)
    with database.transaction() as s:  # the 公布文本 extracted again, shorter
        texts.add_typed(s, SYSTEM, ids[1], "第一条 救助标准另行公布。", TextKind.ORIGINAL)
    expected = {
        "拟定": [ids[0]],
        "低保标准": [ids[0]],
        "另行公布": [ids[1]],
        "特困供养": [ids[0]],
        "批准 低保": [ids[0]],  # one term in the 现行文本, the other in both texts
        "区民政局": [],  # only in the replaced text
        "区民": [],
    }
    with database.reading() as s:
        found = {q: search.find_ids(s, DocumentQuery(text=q, in_texts=True)) for q in expected}
    assert found == expected


def test_a_snippet_ignores_the_case_of_latin_letters(office):
    database, ids = office
    with database.transaction() as s:
        texts.add_typed(
            s, SYSTEM, ids[0], BODY + "\n第四条 救助资金按上年度GDP的1%安排。", TextKind.ORIGINAL
        )
    with database.reading() as s:
        found = texts.snippets(s, [ids[0]], "gdp 救助资金")[ids[0]]
        assert search.find_ids(s, DocumentQuery(text="gdp", in_texts=True)) == [ids[0]]
    assert found.marked().endswith("第四条 【救助资金】按上年度【GDP】的1%安排。")


def test_the_first_page_of_a_text_search_is_the_head_of_all_its_matches(office):
    database, ids = office
    with database.transaction() as s:
        for doc_id in ids[:3]:
            texts.add_typed(s, SYSTEM, doc_id, BODY, TextKind.ORIGINAL)
    with database.reading() as s:
        for order, descending in (("published", True), ("published", False), ("title", True)):
            q = DocumentQuery(text="拟定", in_texts=True, order_by=order, descending=descending)
            everything = search.find_ids(s, q)
            assert search.find_ids(s, q, limit=2) == everything[:2], (order, descending)
            assert sorted(everything) == sorted(ids[:3])


def test_a_consolidated_text_needs_its_date_on_or_after_publication(office):
    database, ids = office
    with database.transaction() as s, pytest.raises(UserError) as missing:
        texts.add_typed(s, SYSTEM, ids[0], AMENDED, TextKind.CONSOLIDATED)
    with database.transaction() as s, pytest.raises(UserError) as early:
        texts.add_typed(s, SYSTEM, ids[0], AMENDED, TextKind.CONSOLIDATED, date(2024, 1, 1))
    with database.transaction() as s, pytest.raises(UserError) as empty:
        texts.add_typed(s, SYSTEM, ids[0], " \n ", TextKind.ORIGINAL)
    assert missing.value.field == "现行文本日期"
    assert "不能早于公布日期 2025-03-01" in early.value.message
    assert empty.value.message == "公布文本：不能为空。"
    with database.reading() as s:
        assert texts.versions(s, ids[0]) == []


def test_a_reader_may_not_add_texts_or_bases(office):
    database, ids = office
    reader = Actor("zhao", Role.READ_ONLY)
    with database.transaction() as s, pytest.raises(UserError):
        texts.add_typed(s, reader, ids[0], BODY, TextKind.ORIGINAL)
    with database.transaction() as s, pytest.raises(UserError):
        legal_bases.add_basis(s, reader, ids[0], "社会救助暂行办法")


def test_bases_are_suggested_from_the_text_confirmed_and_listed_once(office):
    database, ids = office
    with database.transaction() as s:
        texts.add_typed(s, SYSTEM, ids[0], BODY, TextKind.ORIGINAL)
        found = legal_bases.suggestions(s, ids[0])
        assert [(f.name, f.articles) for f in found] == [
            ("社会救助暂行办法", ""),
            ("中华人民共和国行政许可法", "第十二条"),
            ("广东省社会救助条例", ""),
        ]
        legal_bases.add_suggested(s, SYSTEM, ids[0], found[:2])
        legal_bases.add_basis(s, SYSTEM, ids[1], "《行政许可法》", "第十四条")  # the same law
    with database.reading() as s:
        listed = legal_bases.bases(s, ids[0])
        left = legal_bases.suggestions(s, ids[0])
        laws = legal_bases.laws(s)
    assert [(b.name, b.level, b.source) for b in listed] == [
        (
            "社会救助暂行办法",
            LawLevel(legal_bases.basis_suggest.guess_level("社会救助暂行办法")),
            BasisSource.SUGGESTED,
        ),
        ("中华人民共和国行政许可法", LawLevel.LAW, BasisSource.SUGGESTED),
    ]
    assert [f.name for f in left] == ["广东省社会救助条例"]
    assert {v.name: v.citing for v in laws} == {
        "社会救助暂行办法": 1,
        "中华人民共和国行政许可法": 2,
    }
    with database.transaction() as s, pytest.raises(UserError) as twice:
        legal_bases.add_basis(s, SYSTEM, ids[1], "中华人民共和国行政许可法（2019年修正）")
    assert twice.value.message == "制定依据：《民政文件1》已列有《中华人民共和国行政许可法》。"


def test_an_upper_law_change_lists_the_documents_opens_a_cleanup_and_stays_pending_until_applied(
    office,
):
    database, ids = office
    with database.transaction() as s:
        for doc_id in ids[:3]:
            legal_bases.add_basis(s, SYSTEM, doc_id, "社会救助暂行办法", "第十条")
        legal_bases.add_basis(s, SYSTEM, ids[4], "中华人民共和国预算法")
        done = legal_bases.record_change(
            s, SYSTEM, "《社会救助暂行办法》", LawChangeKind.REPEALED, date(2026, 11, 1),
            "由《社会救助法》取代",
        )  # fmt: skip
        change_id = done.change.id
    assert done.affected == ids[:3] and done.batch is None
    with database.reading() as s:
        [pending] = legal_bases.pending(s)
        assert (pending.law_name, pending.affected, pending.batch_id) == (
            "社会救助暂行办法",
            3,
            None,
        )
        assert {v.name: v.status for v in legal_bases.laws(s)}["社会救助暂行办法"] is (
            LawStatus.REPEALED
        )
    with database.transaction() as s:
        batch = legal_bases.open_cleanup_for(s, SYSTEM, change_id)
        batch_id = batch.id
        assert [i.document_id for i in batch.items] == ids[:3]
        assert batch.kind == "special" and "社会救助暂行办法" in batch.reason
    with database.transaction() as s, pytest.raises(UserError, match="已开启清理批次"):
        legal_bases.open_cleanup_for(s, SYSTEM, change_id)
    with database.reading() as s:
        assert [c.batch_id for c in legal_bases.pending(s)] == [batch_id]  # open: still pending
    with database.transaction() as s:
        for doc_id in ids[:3]:
            cleanup.decide(s, SYSTEM, batch_id, doc_id, "repeal", "上位法已废止")
        cleanup.apply(s, SYSTEM, batch_id, date(2026, 11, 27))
    with database.reading() as s:
        assert legal_bases.pending(s) == []
        assert s.get(CleanupBatch, batch_id).status == CleanupStatus.APPLIED
        actions = s.scalars(
            select(AuditEntry.action).where(AuditEntry.action == AuditAction.LAW_CHANGE)
        ).all()
        assert [d.told() for d in seals.differences(s)] == []
    assert actions == [AuditAction.LAW_CHANGE]
    with database.transaction() as s, pytest.raises(UserError, match="已记录为废止"):
        legal_bases.record_change(
            s, SYSTEM, "社会救助暂行办法", LawChangeKind.AMENDED, date(2026, 11, 2)
        )


def test_a_change_with_open_cleanup_is_refused_whole_while_another_batch_is_open(office):
    database, ids = office
    with database.transaction() as s:
        legal_bases.add_basis(s, SYSTEM, ids[0], "中华人民共和国行政处罚法")
        cleanup.create_batch(s, SYSTEM, "special", "另一专项清理", ["CZ"], "预算法修改")
    with pytest.raises(UserError, match="尚未完成的清理批次"), database.transaction() as s:
        legal_bases.record_change(
            s, SYSTEM, "行政处罚法", LawChangeKind.AMENDED, date(2026, 11, 1), open_cleanup=True
        )
    with database.reading() as s:
        assert legal_bases.changes(s) == []  # nothing half-written
        assert {v.name: v.status for v in legal_bases.laws(s)} == {
            "中华人民共和国行政处罚法": LawStatus.IN_FORCE
        }


def test_an_unknown_law_or_a_future_date_is_refused_naming_the_field(office):
    database, ids = office
    with database.transaction() as s, pytest.raises(UserError) as unknown:
        legal_bases.record_change(
            s, SYSTEM, "不存在的条例", LawChangeKind.AMENDED, date(2026, 1, 1)
        )
    with database.transaction() as s:
        legal_bases.add_basis(s, SYSTEM, ids[0], "中华人民共和国行政处罚法")
    with database.transaction() as s, pytest.raises(UserError) as future:
        legal_bases.record_change(s, SYSTEM, "行政处罚法", LawChangeKind.AMENDED, date(2027, 1, 1))
    assert unknown.value.message == "上位法名称：上位法目录中没有《不存在的条例》。"
    assert future.value.field == "变化日期"


def test_cli_lists_bases_records_a_change_and_prints_the_affected_documents(office, db_url, capsys):
    from app.cli import run

    database, ids = office
    with database.transaction() as s:
        texts.add_typed(s, SYSTEM, ids[0], BODY, TextKind.ORIGINAL)
    capsys.readouterr()
    assert run(["--db", db_url, "basis", "suggest", str(ids[0])]) == 0
    assert "《中华人民共和国行政许可法》第十二条\t法律" in capsys.readouterr().out
    assert run(["--db", db_url, "basis", "add", str(ids[0]), "社会救助暂行办法", "--articles", "第十条"]) == 0  # fmt: skip
    capsys.readouterr()
    assert run(["--db", db_url, "basis", "list", str(ids[0]), "--json"]) == 0
    [listed] = json.loads(capsys.readouterr().out)
    assert (listed["name"], listed["articles"], listed["source"]) == (
        "社会救助暂行办法",
        "第十条",
        "手工录入",
    )
    assert run(["--db", db_url, "law", "changed", "社会救助暂行办法", "--date", "2026-11-01", "--kind", "修改", "--cleanup", "--json"]) == 0  # fmt: skip
    shown = json.loads(capsys.readouterr().out)
    assert [d["id"] for d in shown["documents"]] == [ids[0]] and shown["cleanup_batch"]
    assert run(["--db", db_url, "law", "pending"]) == 0
    assert "《社会救助暂行办法》2026-11-01 修改：1 件待清理" in capsys.readouterr().out
    assert (
        run(["--db", db_url, "law", "changed", "无此法", "--date", "2026-11-01", "--kind", "废止"])
        == 1
    )
    assert "上位法目录中没有《无此法》" in capsys.readouterr().err


def test_upgrade_to_0021_keeps_documents_and_links_sealed_and_texts_work(empty_db_url):
    from app.db import open_database
    from app.models import Document, DocumentLink
    from tests.test_db import ISSUER_MZ_BOOL, at_revision

    clock.fix_today(date(2026, 11, 27))
    row = (
        "INSERT INTO document (id, issuer_id, title, status, drafting_unit, keywords, summary, "
        "remarks, important, public_facing, business_related, market_related, published, "
        "effective, valid_until, status_changed, created_at, updated_at, version) VALUES "
        "({id}, 1, '{title}', '{status}', '', '', '', '', false, false, false, false, "
        "'2026-01-05', '2026-01-05', '2031-01-04', '2026-01-05', '2026-01-05 09:00:00', "
        "'2026-01-05 09:00:00', 1)"
    )
    at_revision(
        empty_db_url,
        "0020",
        ISSUER_MZ_BOOL,
        row.format(id=1, title="河清市低保办法", status="amended"),
        row.format(id=2, title="关于修改河清市低保办法的决定", status="published"),
        "INSERT INTO document_link (id, source_id, target_id, kind, created_on) "
        "VALUES (1, 2, 1, 'amends', '2026-06-01')",
    )
    database = open_database(empty_db_url)
    try:
        with database.reading() as s:
            doc = s.get(Document, 1)
            link = s.get(DocumentLink, 1)
            assert (doc.title, doc.withheld, link.articles) == ("河清市低保办法", None, None)
            assert texts.versions(s, 1) == [] and legal_bases.laws(s) == []
        with database.transaction() as s:
            texts.add_typed(s, SYSTEM, 1, BODY, TextKind.ORIGINAL)
            legal_bases.add_basis(s, SYSTEM, 1, "社会救助暂行办法")
        with database.reading() as s:
            assert search.find_ids(s, DocumentQuery(text="低保标准", in_texts=True)) == [1]
            # the rows inserted around the program at 0020 are reported as such; what the
            # program wrote after the upgrade is sealed
            told = [d.told() for d in seals.differences(s)]
            assert len(told) == 4 and all("在程序之外被添加" in t for t in told)
            assert not any(w in t for t in told for w in ("正文", "制定依据", "上位法"))
    finally:
        database.close()


def test_the_demo_office_has_texts_with_confirmed_bases_to_search_and_clean_up(database):
    from app.services.demo import make_demo
    from app.services.demo_texts import TEXTS

    clock.fix_today(date(2026, 11, 27))
    with database.transaction() as s:
        make_demo(s, 120)
    with database.reading() as s:
        found = search.find_ids(s, DocumentQuery(text="组织实施", in_texts=True))
        in_titles = search.find_ids(s, DocumentQuery(text="组织实施"))
        laws = legal_bases.laws(s)
        bases = [legal_bases.bases(s, doc_id) for doc_id in found]
    assert len(found) == TEXTS and in_titles == []
    assert all(len(listed) == 3 for listed in bases)  # 根据《》《》 and 依照《》
    assert sum(v.citing for v in laws) == 3 * TEXTS


def test_deleting_the_cleanup_opened_for_a_change_makes_the_change_pending_again(office):
    database, ids = office
    with database.transaction() as s:
        legal_bases.add_basis(s, SYSTEM, ids[0], "中华人民共和国行政处罚法")
        done = legal_bases.record_change(
            s, SYSTEM, "行政处罚法", LawChangeKind.AMENDED, date(2026, 11, 1), open_cleanup=True
        )
        batch_id = done.batch.id
    with database.transaction() as s:
        cleanup.delete_batch(s, SYSTEM, batch_id)
    with database.reading() as s:
        [pending] = legal_bases.pending(s)
        assert (pending.batch_id, pending.affected) == (None, 1)
        assert [d.told() for d in seals.differences(s)] == []
    with database.transaction() as s:
        again = legal_bases.open_cleanup_for(s, SYSTEM, pending.id)
        assert [i.document_id for i in again.items] == [ids[0]]


def test_an_amendment_records_the_articles_it_changes_and_both_documents_show_them(office):
    from app.services import documents

    database, ids = office
    with database.transaction() as s:
        amending = register(s, "关于修改民政文件0的决定", published=date(2026, 10, 1)).id
        documents.retire(
            s, SYSTEM, ids[0], "amended", date(2026, 10, 1), "", amending, "第三条、第五条第二款"
        )
    with pytest.raises(UserError) as refused, database.transaction() as s:
        documents.retire(s, SYSTEM, ids[1], "repealed", date(2026, 10, 1), "废止", None, "第三条")
    with database.reading() as s:
        [older] = documents.links(s, ids[0])
        [newer] = documents.links(s, amending)
        assert [d.told() for d in seals.differences(s)] == []
    assert (older.kind_label, older.articles) == ("被修改", "第三条、第五条第二款")
    assert (newer.kind_label, newer.articles) == ("修改了", "第三条、第五条第二款")
    assert refused.value.field == "修改的条款"


def test_the_retire_dialog_takes_the_articles_only_for_an_amendment(qtbot, office):
    from app.services import documents
    from app.ui.register.retire_dialog import RetireDialog
    from tests.ui_context import context

    database, ids = office
    with database.transaction() as s:
        amending = register(s, "关于修改民政文件0的决定", published=date(2026, 10, 1)).id
    dialog = RetireDialog(context(database), ids[0])
    qtbot.addWidget(dialog)
    dialog.set_status("repealed")
    assert not dialog.articles.isEnabled()
    dialog.set_status("amended")
    assert dialog.articles.isEnabled()
    dialog.articles.setText("第三条")
    dialog.source.text.setText("关于修改民政文件0")
    dialog.source.look_up()
    context(database).runner.wait()
    with qtbot.waitSignal(dialog.accepted):
        dialog.submit()
    context(database).runner.wait()
    with database.reading() as s:
        assert [(v.other_id, v.articles) for v in documents.links(s, ids[0])] == [
            (amending, "第三条")
        ]


def test_statistics_count_the_upper_law_changes_and_their_cleanups(office, tmp_path):
    from openpyxl import load_workbook

    from app.reports import annual_statistics_xlsx
    from app.services import statistics
    from app.services.statistics import Period

    database, ids = office
    with database.transaction() as s:
        for doc_id in ids[:2]:
            legal_bases.add_basis(s, SYSTEM, doc_id, "社会救助暂行办法")
        legal_bases.add_basis(s, SYSTEM, ids[4], "中华人民共和国预算法")
        first = legal_bases.record_change(
            s,
            SYSTEM,
            "社会救助暂行办法",
            LawChangeKind.AMENDED,
            date(2026, 6, 1),
            open_cleanup=True,
        )
        for doc_id in ids[:2]:
            cleanup.decide(s, SYSTEM, first.batch.id, doc_id, "continue")
        cleanup.apply(s, SYSTEM, first.batch.id, date(2026, 11, 27))
        legal_bases.record_change(s, SYSTEM, "预算法", LawChangeKind.AMENDED, date(2026, 9, 1))
        legal_bases.add_basis(s, SYSTEM, ids[3], "优化营商环境条例")  # cited, never changed
    with database.reading() as s:
        whole = statistics.annual(s, Period.of_year(2026))
        finance = statistics.annual(s, Period.of_year(2026), "CZ")
        earlier = statistics.annual(s, Period.of_year(2025))
        annual_statistics_xlsx.xlsx(s, tmp_path / "stats.xlsx", Period.of_year(2026))
    counts = whole.upper_laws
    assert (counts.changes, counts.documents, counts.cleaned, counts.pending) == (2, 3, 1, 1)
    assert (
        counts.text
        == "记录上位法修改、废止 2 次，涉及现行有效文件 3 件；已完成专项清理 1 次，待处理 1 次。"
    )
    assert [c.upper_law for c in whole.cleanups] == ["社会救助暂行办法"]
    assert (finance.upper_laws.changes, finance.upper_laws.pending) == (1, 1)  # 预算法: 财政局's
    assert earlier.upper_laws.text == "统计期间没有记录上位法变化。"
    sheet = load_workbook(tmp_path / "stats.xlsx")["上位法变化"]
    assert [c.value for c in next(sheet.iter_rows(min_row=3, max_row=3))][:4] == [2, 3, 1, 1]


def test_texts_from_real_docx_pdf_and_ofd_files_give_their_bases_and_search_hits(
    office, tmp_path, request
):
    """Files made by python-docx, ReportLab and by hand from the OFD spec (tests/test_text_
    extract.py's makers), attached through the service, searched and mined for bases."""
    from app.models import Attachment
    from tests.test_text_extract import make_docx, make_pdf, two_page_ofd

    database, ids = office
    font = request.getfixturevalue("pdf_font")
    sources = {
        ids[0]: make_docx(tmp_path / "办法.docx"),
        ids[1]: two_page_ofd(tmp_path / "办法.ofd"),
        ids[2]: make_pdf(
            tmp_path / "办法.pdf",
            font,
            [["第一条 依据《优化营商环境条例》第六十四条，制定本办法。"]],
        ),
    }
    with database.transaction() as s:
        for doc_id, path in sources.items():
            texts.add_file(s, SYSTEM, doc_id, path)
    with database.reading() as s:
        found = {doc_id: legal_bases.suggestions(s, doc_id) for doc_id in sources}
        hits = search.find_ids(s, DocumentQuery(text="行政许可法", in_texts=True))
        kept = {a.original_name for a in s.scalars(select(Attachment))}
        versions = {doc_id: texts.versions(s, doc_id)[0] for doc_id in sources}
    assert "中华人民共和国行政许可法" in [f.name for f in found[ids[0]]]
    assert "中华人民共和国行政许可法" in [f.name for f in found[ids[1]]]
    assert sorted(hits) == sorted([ids[0], ids[1]])
    assert {"办法.docx", "办法.ofd"} <= kept
    assert (versions[ids[1]].fmt, versions[ids[1]].pages) == ("ofd", 2)
    assert [(f.name, f.articles) for f in found[ids[2]]] == [("优化营商环境条例", "第六十四条")]


def test_pdf_extraction_waits_while_another_thread_is_inside_pdfium(tmp_path, request):
    """PDFium is not thread-safe: extraction (an operation's thread) and the preview (the GUI
    thread) take turns through app.pdfium.LOCK."""
    import threading

    from app import pdfium
    from app.services import text_extract
    from tests.test_text_extract import make_pdf

    pdf = make_pdf(tmp_path / "a.pdf", request.getfixturevalue("pdf_font"), [["第一条 规定。"]])
    done = threading.Event()
    worker = threading.Thread(target=lambda: (text_extract.extract(pdf), done.set()))
    with pdfium.LOCK:  # as the preview holds it while it renders a page
        worker.start()
        assert not done.wait(0.5)
    worker.join(10)
    assert done.is_set()
