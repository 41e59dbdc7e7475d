from collections import defaultdict
from datetime import date

import pytest
from sqlalchemy import func, select

from app import clock
from app.db import Database
from app.errors import UserError
from app.models import AuditEntry, Document, Filing, Issuer, NumberAllocation
from app.services import lifecycle, search_index, validity
from app.services.demo import make_demo
from app.services.lifecycle import DRAFTING, RETIRED
from app.services.search import DocumentQuery, find_ids

TODAY = date(2026, 3, 15)


@pytest.fixture
def demo(database: Database) -> Database:
    clock.fix_today(TODAY)
    with database.transaction() as s:
        summary = make_demo(s, 500)
    assert (summary.issuers, summary.documents) == (12, 500)
    return database


def _counts(s) -> tuple[int, int, int, int, int]:
    def count(model) -> int:
        return s.scalar(select(func.count()).select_from(model))

    fts = (
        s.connection().exec_driver_sql("SELECT count(*) FROM document_fts").scalar()
        if search_index.has_fts(s)
        else count(Document)  # PostgreSQL searches the table itself
    )
    registration = s.scalar(
        select(func.count())
        .select_from(NumberAllocation)
        .where(NumberAllocation.document_id.is_not(None))
    )
    audited = s.scalar(select(func.count()).where(AuditEntry.action != "seal"))
    return count(Issuer), count(Document), registration, fts, audited


def test_demo_files_most_documents_on_time_with_numbered_reports(demo):
    from app.services import statistics

    with demo.reading() as s:
        figures = {
            f.name: f for f in statistics.filing_figures(s, date(2015, 1, 1), date(2026, 10, 31))
        }
        reports = s.scalars(select(Filing.report_number)).all()
    assert figures["报备率"].rate > 0.98
    assert 0.9 < figures["报备及时率"].rate < 1
    assert len(set(reports)) == len(reports) > 450


def test_demo_filings_keep_their_result_history(demo):
    with demo.reading() as s:
        filings = s.scalars(select(Filing)).all()
        histories = {f.id: [r.result for r in f.results] for f in filings}
        last = {f.id: f.result for f in filings}
        held = [f.id for f in filings if f.needed_correction]
    assert all(histories[i][-1] == last[i] for i in last)
    sent_back = [["暂缓登记", "予以备案"], ["不予备案"]]
    assert held and all(histories[i] in sent_back for i in held)
    assert {tuple(histories[i]) for i in held} == {tuple(h) for h in sent_back}


def test_demo_counts_and_creates_no_document_of_its_own(demo):
    from app.services.demo import real_documents

    with demo.reading() as s:
        issuers, documents, allocations, fts, _ = _counts(s)
        published = s.scalar(select(func.count()).where(Document.reg_number.is_not(None)))
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "demo"))
        real = real_documents(s)
    assert (issuers, documents, fts) == (12, 500, 500)
    assert allocations == published > 450
    assert (entry.actor, entry.summary) == ("系统", "生成演示数据 500 件")
    assert real == 0  # the casework's audit records make none of its documents "real"


def _sequences(s) -> dict[tuple[str, int], list[int]]:
    serials: dict[tuple[str, int], list[int]] = defaultdict(list)
    for key, year, serial in s.execute(
        select(NumberAllocation.sequence_key, NumberAllocation.year, NumberAllocation.serial)
    ):
        serials[key, year].append(serial)
    return serials


def test_registration_numbers_are_consecutive_and_allocated(demo):
    with demo.reading() as s:
        for serials in _sequences(s).values():
            assert sorted(serials) == list(range(1, len(serials) + 1))
        pairs = s.execute(
            select(Document.reg_number, NumberAllocation.number, NumberAllocation.document_id)
            .join(NumberAllocation, NumberAllocation.document_id == Document.id)
            .where(Document.reg_number.is_not(None))
        ).all()
        published = s.scalar(select(func.count()).where(Document.published.is_not(None)))
        mz = s.scalar(select(Document.reg_number).where(Document.reg_number.like("MZGS-%")))
    assert len(pairs) == published
    assert all(reg == number for reg, number, _ in pairs)
    assert mz is not None and mz.split("-")[1].isdigit() and len(mz.split("-")[2]) >= 3


def test_doc_numbers_are_unique_per_issuer_and_carry_the_year(demo):
    with demo.reading() as s:
        rows = s.execute(
            select(Document.issuer_id, Document.doc_number, Document.published).where(
                Document.doc_number.is_not(None)
            )
        ).all()
    assert len({(issuer, number) for issuer, number, _ in rows}) == len(rows)
    assert all(f"〔{published.year}〕" in number for _, number, published in rows)


def test_generated_title_is_found_by_full_text_search(demo):
    with demo.reading() as s:
        title = s.scalar(select(Document.title).where(Document.title.like("%《%》%")))
        fragment = title[title.index("《") + 1 : title.index("》")]
        ids = find_ids(s, DocumentQuery(text=fragment))
        titles = s.scalars(select(Document.title).where(Document.id.in_(ids))).all()
    assert title in titles
    assert all(fragment in t for t in titles)


def test_statuses_agree_with_dates(demo):
    with demo.reading() as s:
        docs = s.scalars(select(Document)).all()
    for doc in docs:
        if doc.status in DRAFTING:
            assert doc.published is doc.doc_number is doc.reg_number is None
            continue
        assert doc.published <= doc.effective <= doc.valid_until
        if doc.status in RETIRED:  # a recorded retirement falls within the term, by today
            assert doc.effective < doc.status_changed <= min(TODAY, doc.valid_until)
        else:  # 已公布: the dates alone say 有效, 失效 or not yet in effect
            assert doc.status == "published" and doc.status_changed == doc.published
        assert doc.published <= TODAY
        if "暂行" in doc.title or "试行" in doc.title:
            assert doc.valid_until == validity.term_end(doc.effective, 2)
    statuses = {lifecycle.status_of(doc, TODAY) for doc in docs}
    assert {"in_force", "expired", "repealed"} <= statuses
    in_force = sum(lifecycle.status_of(doc, TODAY) == "in_force" for doc in docs)
    assert in_force > len(docs) * 0.4


def test_second_run_adds_without_collisions(demo):
    with demo.transaction() as s:
        summary = make_demo(s, 300, seed=8)
    assert (summary.issuers, summary.documents) == (12, 300)
    with demo.reading() as s:
        issuers, documents, allocations, fts, _ = _counts(s)
        for serials in _sequences(s).values():
            assert sorted(serials) == list(range(1, len(serials) + 1))
        numbered = s.scalar(select(func.count(func.distinct(Document.reg_number))))
    assert (issuers, documents, fts) == (12, 800, 800)
    assert numbered == allocations


def test_same_seed_gives_same_documents(database, tmp_path):
    from app.db import open_database

    other = open_database(f"sqlite:///{tmp_path / 'other.db'}")
    try:
        titles = []
        for db in (database, other):
            with db.transaction() as s:
                make_demo(s, 50, seed=3)
            with db.reading() as s:
                titles.append(
                    s.execute(
                        select(Document.title, Document.reg_number).order_by(Document.id)
                    ).all()
                )
    finally:
        other.close()
    assert titles[0] == titles[1]


def test_cancel_leaves_database_unchanged(demo):
    with demo.reading() as s:
        before = _counts(s)
    calls = []

    def cancel_after_first_chunk(done: int, total: int) -> bool:
        calls.append((done, total))
        return done == 0

    with pytest.raises(UserError, match="已取消生成演示数据"), demo.transaction() as s:
        make_demo(s, 6000, progress=cancel_after_first_chunk)
    with demo.reading() as s:
        assert _counts(s) == before
    assert calls == [(0, 6000), (5000, 6000)]


def test_demo_drafts_carry_the_steps_their_status_implies(database):
    from app.models import Document
    from app.services import documents
    from app.services.lifecycle import DRAFTING, STEP_ORDER

    with database.transaction() as s:
        make_demo(s, 2000, seed=3)
    with database.reading() as s:
        drafts = s.scalars(select(Document).where(Document.status.in_(DRAFTING))).all()
        assert drafts
        for doc in drafts:
            entries = documents.timeline(s, doc.id)
            done = [e.step for e in entries if e.done_on]
            assert doc.status in done
            reached = STEP_ORDER.index(doc.status)
            missing = [
                e.step for e in entries if e.done_on is None and STEP_ORDER.index(e.step) < reached
            ]
            assert not missing, (doc.status, missing)
            if doc.status == "deliberation":
                assert "legality_review" in done


def test_demo_refuses_a_register_holding_real_documents(database):
    from tests.factories import add_issuer, register

    with database.transaction() as s:
        add_issuer(s)
        register(s)
    with pytest.raises(UserError, match="已有 1 件正式登记"), database.transaction() as s:
        make_demo(s, 20)
    with database.reading() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 1
