from datetime import date

import pytest
from sqlalchemy import select

from app import clock
from app.db import Database
from app.errors import UserError
from app.models import Document, Issuer
from app.services import search_index
from app.services.lifecycle import STATUS_LABELS
from app.services.search import (
    SORT_COLUMNS,
    DocumentQuery,
    find_ids,
    load_rows,
    search_rows,
)
from tests.conftest import on_postgresql

LOW_INCOME = "关于进一步加强城乡低保管理的通知"
SUBSISTENCE = "关于印发《河清市城乡居民最低生活保障管理办法》的通知"
TENDER = "关于规范建设工程招标投标活动的通知"
HOMESTEAD = "河清市农村宅基地管理暂行办法"


def _issuer(s, code: str, name: str, abbr: str) -> Issuer:
    issuer = Issuer(code=code, name=name, abbr=abbr, sequence_key=code)
    s.add(issuer)
    s.flush()
    return issuer


def _doc(s, issuer: Issuer, title: str, n: int, **fields) -> Document:
    published = fields.pop("published", date(2020 + n % 5, 1 + n % 12, 1 + n))
    doc = Document(
        issuer=issuer,
        title=title,
        doc_number=f"{issuer.abbr}〔{published.year}〕{n}号",
        reg_number=f"{issuer.code}GS-{published.year}-{n:03d}",
        status=fields.pop("status", "in_force"),
        drafting_unit=fields.pop("drafting_unit", f"科室{n}"),
        published=published,
        effective=fields.pop("effective", published),
        valid_until=fields.pop("valid_until", date(published.year + 10, 1, 1 + n)),
        created_at=clock.now(),
        updated_at=clock.now(),
        **fields,
    )
    s.add(doc)
    search_index.reindex(s, doc)
    return doc


@pytest.fixture
def register(database: Database) -> dict[str, int]:
    """Four documents of two issuers; returns their ids by a short name."""
    with database.transaction() as s:
        civil = _issuer(s, "MZ", "河清市民政局", "河民发")
        housing = _issuer(s, "ZJ", "河清市住房和城乡建设局", "河建发")
        docs = {
            "low_income": _doc(s, civil, LOW_INCOME, 1, important=True, keywords="低保；社会救助"),
            "subsistence": _doc(s, civil, SUBSISTENCE, 2, status="repealed", public_facing=True),
            "tender": _doc(s, housing, TENDER, 3, market_related=True, business_related=True),
            "homestead": _doc(
                s, housing, HOMESTEAD, 4, status="expired", summary="规范农村宅基地审批。"
            ),
        }
        s.flush()
        return {name: doc.id for name, doc in docs.items()}


def _titles(database: Database, **query) -> set[str]:
    with database.reading() as s:
        return {row.title for row in search_rows(s, DocumentQuery(**query))}


def test_chinese_substring_is_found_through_the_full_text_index(database, register):
    assert _titles(database, text="最低生活保障") == {SUBSISTENCE}
    assert _titles(database, text="建设工程招标") == {TENDER}


def test_two_character_term_falls_back_to_like(database, register):
    assert _titles(database, text="低保") == {LOW_INCOME}
    assert _titles(database, text="招标") == {TENDER}


def test_like_fallback_searches_summary_keywords_and_issuer_name(database, register):
    assert _titles(database, text="审批") == {HOMESTEAD}
    assert _titles(database, text="救助") == {LOW_INCOME}
    assert _titles(database, text="住房") == {TENDER, HOMESTEAD}


def test_every_term_must_match(database, register):
    # 城乡 is also in the housing bureau's name.
    assert _titles(database, text="城乡 通知") == {LOW_INCOME, SUBSISTENCE, TENDER}
    assert _titles(database, text="城乡 通知 最低生活") == {SUBSISTENCE}
    assert _titles(database, text="河清市 暂行办法") == {HOMESTEAD}
    assert _titles(database, text="低保 招标") == set()


def test_numbers_are_searchable_with_their_brackets_and_dashes(database, register):
    assert _titles(database, text="河民发〔2022〕2号") == {SUBSISTENCE}
    assert _titles(database, text="ZJGS-2023") == {TENDER}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"', set()),
        ('低保"', set()),
        ("*", set()),
        ("最低生活*", set()),
        ("〔2022〕", {SUBSISTENCE}),
        ("-", {LOW_INCOME, SUBSISTENCE, TENDER, HOMESTEAD}),
        ("MZGS-2021", {LOW_INCOME}),
        ("NOT 低保", set()),
        ("AND OR", set()),
        ("(城乡", set()),
        ("title:通知", set()),
        ("_", set()),
    ],
)
def test_query_syntax_characters_are_plain_text(database, register, text, expected):
    assert _titles(database, text=text) == expected


def test_like_wildcards_in_a_short_term_match_literally(database, register):
    with database.transaction() as s:
        issuer = s.scalar(select(Issuer).where(Issuer.code == "MZ"))
        _doc(s, issuer, "关于调整救助标准（含100%补助）的通知", 9)
    assert _titles(database, text="%") == {"关于调整救助标准（含100%补助）的通知"}


def test_status_issuer_year_and_flag_filters(database, register):
    with database.reading() as s:
        civil = s.scalar(select(Issuer.id).where(Issuer.code == "MZ"))
    assert _titles(database, statuses=("repealed", "expired")) == {SUBSISTENCE, HOMESTEAD}
    assert _titles(database, issuer_ids=(civil,)) == {LOW_INCOME, SUBSISTENCE}
    assert _titles(database, year=2023) == {TENDER}
    assert _titles(database, important=True) == {LOW_INCOME}
    assert _titles(database, public_facing=True) == {SUBSISTENCE}
    assert _titles(database, market_related=True) == {TENDER}
    assert _titles(database, business_related=False) == {LOW_INCOME, SUBSISTENCE, HOMESTEAD}
    assert _titles(database, text="通知", issuer_ids=(civil,), statuses=("in_force",)) == {
        LOW_INCOME
    }


def _expected_order(rows, key: str, descending: bool) -> list[int]:
    """Python's view of the register's order; ties by newest id."""
    by_id = sorted(rows, key=lambda r: r.id, reverse=True)
    value = {"issuer": lambda r: r.issuer_name}.get(key, lambda r: getattr(r, key))
    return [r.id for r in sorted(by_id, key=value, reverse=descending)]


@pytest.mark.parametrize("descending", [True, False])
@pytest.mark.parametrize("key", [k for k in SORT_COLUMNS if k != "status"])
def test_sorts_by_each_column_in_both_directions(database, register, key, descending):
    query = DocumentQuery(order_by=key, descending=descending)
    with database.reading() as s:
        rows = load_rows(s, find_ids(s, query))
    assert [r.id for r in rows] == _expected_order(rows, key, descending)


@pytest.mark.parametrize("descending", [True, False])
def test_status_sorts_in_the_order_of_a_documents_life(database, register, descending):
    with database.reading() as s:
        rows = search_rows(s, DocumentQuery(order_by="status", descending=descending))
    life = list(STATUS_LABELS)
    statuses = [r.status for r in rows]
    assert statuses == sorted(statuses, key=life.index, reverse=descending)
    assert statuses[-1 if descending else 0] == "in_force"


def test_ties_are_broken_by_newest_id(database, register):
    with database.transaction() as s:
        issuer = s.scalar(select(Issuer).where(Issuer.code == "MZ"))
        same_day = [_doc(s, issuer, f"同日文件{n}", n, published=date(2019, 5, 5)) for n in (7, 8)]
        s.flush()
        newest_first = [same_day[1].id, same_day[0].id]
    with database.reading() as s:
        for descending in (True, False):
            ids = find_ids(s, DocumentQuery(year=2019, descending=descending))
            assert ids == newest_first


def test_unknown_sort_key_is_a_user_error(database, register):
    with database.reading() as s, pytest.raises(UserError, match="无法按"):
        find_ids(s, DocumentQuery(order_by="remarks"))


def test_load_rows_keeps_the_given_order_and_skips_missing_ids(database, register):
    wanted = [register["tender"], 999_999, register["low_income"], register["homestead"]]
    with database.reading() as s:
        rows = load_rows(s, wanted)
    assert [r.id for r in rows] == [wanted[0], wanted[2], wanted[3]]
    tender = rows[0]
    assert (tender.issuer_code, tender.issuer_name) == ("ZJ", "河清市住房和城乡建设局")
    assert (tender.doc_number, tender.reg_number) == ("河建发〔2023〕3号", "ZJGS-2023-003")
    assert (tender.status, tender.status_label) == ("in_force", "有效")


def test_search_rows_pages_in_query_order(database, register):
    query = DocumentQuery(order_by="title", descending=False)
    with database.reading() as s:
        everything = find_ids(s, query)
        page = search_rows(s, query, limit=2, offset=1)
    assert [r.id for r in page] == everything[1:3]


def test_draft_without_numbers_loads_with_empty_numbers(database, register):
    with database.transaction() as s:
        issuer = s.scalar(select(Issuer).where(Issuer.code == "MZ"))
        draft = Document(
            issuer=issuer,
            title="关于殡葬管理的通知（草案）",
            created_at=clock.now(),
            updated_at=clock.now(),
        )
        s.add(draft)
        search_index.reindex(s, draft)
    with database.reading() as s:
        (row,) = search_rows(s, DocumentQuery(text="殡葬管理"))
    assert (row.doc_number, row.reg_number, row.published, row.status_label) == (
        "",
        "",
        None,
        "起草",
    )


def test_reindex_after_title_change_finds_new_title_only(database, register):
    with database.transaction() as s:
        doc = s.get(Document, register["tender"])
        doc.title = "关于规范政府采购活动的通知"
        search_index.reindex(s, doc)
    assert _titles(database, text="政府采购") == {"关于规范政府采购活动的通知"}
    assert _titles(database, text="建设工程招标") == set()


def test_short_terms_follow_edits_through_the_pair_index(database):
    from datetime import date

    from app.services import documents, search
    from app.services.permissions import SYSTEM
    from tests.factories import add_issuer, register

    with database.transaction() as s:
        add_issuer(s, "XQ", "西区民政局", "西民发")
        doc = register(s, "关于低保标准的通知", issuer="XQ", published=date(2026, 1, 5))
        data = documents.input_from(doc)
        data.title = "关于救助标准的通知"
        documents.update_document(s, SYSTEM, doc.id, data, doc.version)
    with database.reading() as s:
        assert search.find_ids(s, search.DocumentQuery(text="救助")) == [doc.id]
        assert search.find_ids(s, search.DocumentQuery(text="低保")) == []
        assert search.find_ids(s, search.DocumentQuery(text="救")) == [doc.id]
        assert search.find_ids(s, search.DocumentQuery(text="xq")) == [
            doc.id
        ]  # case folded, from the number


def _plan(database: Database, term: str) -> str:
    """PostgreSQL's plan for a search of `term`, with whole-table scans forbidden: a test's few
    rows would be scanned, where a large register uses the indexes."""
    from sqlalchemy import text

    from app.services.search import _ordered

    with database.reading() as s:
        s.execute(text("SET LOCAL enable_seqscan = off"))
        s.execute(text("SET LOCAL enable_indexscan = off"))
        stmt = _ordered(s, select(Document.id), DocumentQuery(text=term))
        compiled = stmt.compile(s.get_bind(), compile_kwargs={"literal_binds": True})
        return "\n".join(s.scalars(text(f"EXPLAIN {compiled}")))


@pytest.mark.skipif(not on_postgresql(), reason="PostgreSQL's expression indexes (migration 0022)")
def test_postgresql_search_uses_the_expression_indexes(database, register):
    from sqlalchemy import text

    with database.reading() as s:
        names = set(
            s.scalars(text("SELECT indexname FROM pg_indexes WHERE tablename = 'document'"))
        )
    assert {"ix_document_search_trgm", "ix_document_search_grams"} <= names
    assert not {n for n in names if n.endswith("_trgm") and n != "ix_document_search_trgm"}
    assert "ix_document_search_trgm" in _plan(database, "城乡低保")
    assert "ix_document_search_trgm" in _plan(database, "Abc")  # ILIKE: the index folds case
    assert "ix_document_search_grams" in _plan(database, "低保")
    assert "ix_document_search_grams" in _plan(database, "低")
    assert "Seq Scan on document" not in _plan(database, "低保 城乡低保")
    assert _titles(database, text="城乡低保") == {LOW_INCOME}
    assert _titles(database, text="低保") == {LOW_INCOME}


def test_terms_match_within_one_field_literally_and_ignoring_letter_case(database):
    """The same answers on SQLite (FTS5 tables) and PostgreSQL (migration 0022's expressions):
    no match across two fields, `%` and `_` are characters, Latin letters in any case."""
    from app.services import search
    from tests.factories import add_issuer, register

    with database.transaction() as s:
        add_issuer(s, "XQ", "西区民政局", "西民发")
        percent = register(
            s,
            "关于收费上浮10%_以内的通知",
            issuer="XQ",
            published=date(2026, 1, 5),
            doc_number="西民发〔2026〕1号",
        )
        latin = register(
            s,
            "关于推行OFD版式文件的通知",
            issuer="XQ",
            published=date(2026, 1, 6),
            doc_number="西民发〔2026〕2号",
        )

    def found(term: str) -> set[int]:
        with database.reading() as s:
            return set(search.find_ids(s, search.DocumentQuery(text=term)))

    assert found("10%_以内") == {percent.id}
    assert found("%_") == {percent.id}
    assert found("10%以内") == set()  # % is not a wildcard
    assert found("上浮10_") == set()  # nor is _
    assert found("ofd版式") == found("OfD") == found("ofd") == {latin.id}
    assert found("d版") == {latin.id}
    assert found("通知西民") == found("知西") == set()  # the title's end and the number's start
    assert found("西民发") == {percent.id, latin.id}
    assert found("西民 发〔") == {percent.id, latin.id}


@pytest.mark.skipif(not on_postgresql(), reason="0022 changes nothing on SQLite")
def test_upgrade_to_0022_finds_documents_written_at_0021(empty_db_url):
    from app.db import open_database
    from app.services import search
    from tests.test_db import ISSUER_MZ_BOOL, at_revision

    clock.fix_today(date(2026, 11, 27))
    row = (
        "INSERT INTO document (id, issuer_id, title, doc_number, reg_number, status, "
        "drafting_unit, keywords, summary, remarks, important, public_facing, business_related, "
        "market_related, published, effective, valid_until, status_changed, created_at, "
        "updated_at, version) VALUES ({id}, 1, '{title}', '{number}', NULL, 'published', '', "
        "'{keywords}', '', '', false, false, false, false, '2026-01-05', '2026-01-05', "
        "'2031-01-04', '2026-01-05', '2026-01-05 09:00:00', '2026-01-05 09:00:00', 1)"
    )
    at_revision(
        empty_db_url,
        "0021",
        ISSUER_MZ_BOOL,
        row.format(id=1, title="河清市低保办法", number="河民发〔2026〕1号", keywords="救助"),
        row.format(id=2, title="河清市殡葬管理办法", number="河民发〔2026〕2号", keywords="殡葬"),
    )
    database = open_database(empty_db_url)
    try:
        with database.reading() as s:

            def found(term: str) -> list[int]:
                return sorted(search.find_ids(s, search.DocumentQuery(text=term)))

            assert found("河清市低保") == [1]
            assert found("低保") == found("保") == found("救助") == [1]
            assert found("殡葬") == [2]
            assert found("河民发〔2026〕") == found("河清") == [1, 2]
            assert found("〔2026〕2号") == [2]
            assert found("低保 殡葬") == []
    finally:
        database.close()


@pytest.mark.skipif(not on_postgresql(), reason="the planner statistics of PostgreSQL")
def test_the_demo_leaves_the_planner_statistics_of_what_it_wrote(database):
    """Right after a bulk write the planner believed the tables empty until autovacuum came by
    (a search on 100k demo documents took 413 ms instead of 30)."""
    from sqlalchemy import text

    from app.services.demo import make_demo

    with database.transaction() as s:
        s.execute(text("ALTER TABLE document SET (autovacuum_enabled = false)"))
        make_demo(s, 150)
    with database.reading() as s:
        counted = s.execute(text("SELECT count(*) FROM document")).scalar()
        estimated = s.execute(
            text("SELECT reltuples FROM pg_class WHERE relname = 'document'")
        ).scalar()
    assert counted >= 150 and estimated == counted
