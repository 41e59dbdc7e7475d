import hashlib
import sqlite3
from pathlib import Path

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, select, text

from app.db import head_revision, make_engine, migrations_dir, open_database, upgrade
from app.errors import NewerSchemaError, UserError
from app.models import Setting
from tests.conftest import on_postgresql


def _revision(path: Path) -> str:
    with sqlite3.connect(path) as con:
        return con.execute("SELECT version_num FROM alembic_version").fetchone()[0]


ISSUER_MZ = (
    "INSERT INTO issuer (id, code, name, abbr, level, reg_template, sequence_key, yearly_reset, active) "
    "VALUES (1, 'MZ', '河清市民政局', '河民发', 'department', '{code}-{year}-{seq:03d}', 'MZ', 1, 1)"
)
# The same with boolean literals PostgreSQL also takes (yearly_reset and active as true).
ISSUER_MZ_BOOL = ISSUER_MZ.replace("'MZ', 1, 1)", "'MZ', true, true)")


def at_revision(db_url: str, revision: str, *statements: str) -> None:
    """A database at an older revision holding the rows the statements insert. It must start
    empty (`empty_db_url`): upgrading one already at head to an older revision does nothing, and
    the test would then check nothing."""
    engine = make_engine(db_url)
    with engine.connect() as conn:
        assert not inspect(conn).get_table_names(), "at_revision needs an empty database"
    upgrade(engine, revision)
    with engine.begin() as conn:
        for statement in statements:
            conn.execute(text(statement))
    engine.dispose()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_head_revision_read_from_files_matches_alembic():
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    assert head_revision() == ScriptDirectory.from_config(cfg).get_current_head()


@pytest.mark.sqlite_only
def test_open_creates_database_at_head(db_path, db_url):
    database = open_database(db_url)
    database.close()
    assert db_path.exists()
    assert _revision(db_path) == head_revision()


@pytest.mark.sqlite_only
def test_older_database_with_rows_upgrades_keeps_them_and_is_backed_up_first(db_path, empty_db_url):
    at_revision(
        empty_db_url,
        "0001",
        "INSERT INTO setting (key, value) VALUES ('office.name', '\"某某市民政局\"')",
        "INSERT INTO setting (key, value) VALUES ('filing.days', '15')",
    )

    database = open_database(empty_db_url)
    with database.reading() as s:
        rows = {row.key: row.value for row in s.scalars(select(Setting))}
    database.close()

    assert rows == {"office.name": '"某某市民政局"', "filing.days": "15"}
    assert _revision(db_path) == head_revision()
    backups = list((db_path.parent / "backups").glob("office-*-before-upgrade-from-0001.db"))
    assert len(backups) == 1
    assert _revision(backups[0]) == "0001"
    with sqlite3.connect(backups[0]) as con:
        assert con.execute("SELECT count(*) FROM setting").fetchone()[0] == 2


@pytest.mark.sqlite_only
def test_database_from_newer_version_is_refused_and_left_untouched(db_path, db_url):
    open_database(db_url).close()
    with sqlite3.connect(db_path) as con:
        con.execute("UPDATE alembic_version SET version_num = '9999_future'")
    before = _digest(db_path)

    with pytest.raises(NewerSchemaError, match="更新版本"):
        open_database(db_url)

    assert _digest(db_path) == before
    assert not (db_path.parent / "backups").exists()
    assert _revision(db_path) == "9999_future"


def test_file_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("这不是数据库" * 200, encoding="utf-8")
    with pytest.raises(UserError, match="不是有效的数据库"):
        open_database(f"sqlite:///{path}")
    assert path.read_text(encoding="utf-8") == "这不是数据库" * 200


@pytest.mark.sqlite_only
def test_sqlite_connections_use_wal_and_foreign_keys(database):
    with database.reading() as s:
        assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert s.execute(text("PRAGMA busy_timeout")).scalar() >= 5000


@pytest.mark.sqlite_only
def test_sqlite_commits_are_synced_fully_so_power_loss_keeps_them(database):
    with database.reading() as s:
        assert s.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
    with database.transaction() as s:
        assert s.execute(text("PRAGMA synchronous")).scalar() == 2


def test_transaction_commits_everything_or_nothing(database):
    with pytest.raises(RuntimeError), database.transaction() as s:
        s.add(Setting(key="a", value="1"))
        s.flush()
        raise RuntimeError("boom")
    with database.transaction() as s:
        s.add(Setting(key="b", value="2"))
    with database.reading() as s:
        assert s.scalars(select(Setting.key)).all() == ["b"]


@pytest.mark.sqlite_only
def test_upgrade_from_0002_keeps_audit_trail_and_adds_register_tables(db_path, empty_db_url):
    from app.services import audit
    from app.services.vocabulary import AuditAction

    engine = make_engine(empty_db_url)
    upgrade(engine, "0002")
    from sqlalchemy.orm import Session

    with Session(engine) as s, s.begin():
        audit.record(
            s,
            "张三",
            AuditAction.SETTING,
            audit.SETTINGS,
            summary="修改设置",
            old={"a": 1},
            new={"a": 2},
        )
        s.execute(text("INSERT INTO setting (key, value) VALUES ('validity.default_years', '3')"))
    engine.dispose()

    database = open_database(empty_db_url)
    with database.reading() as s:
        assert audit.first_broken(s) is None
        actions = s.execute(text("SELECT action FROM audit_log ORDER BY id")).scalars().all()
        assert actions == ["setting", "seal"]  # sealed on the upgrade, which anchors it
        assert s.get(Setting, "validity.default_years").value == "3"
        assert s.execute(text("SELECT count(*) FROM document_fts")).scalar() == 0
        assert s.execute(text("SELECT count(*) FROM document")).scalar() == 0
    database.close()


@pytest.mark.sqlite_only
def test_upgrade_from_0003_keeps_documents_and_steps(db_path, empty_db_url):
    at_revision(
        empty_db_url,
        "0003",
        ISSUER_MZ,
        "INSERT INTO document (id, issuer_id, title, doc_number, reg_number, status, drafting_unit, keywords, summary, remarks, important, public_facing, business_related, market_related, published, created_at, updated_at, version) VALUES (1, 1, '河清市临时救助办法', '河民发〔2025〕3号', 'MZ-2025-001', 'in_force', '', '', '', '', 0, 0, 0, 0, '2025-03-03', '2025-03-03 09:00:00', '2025-03-03 09:00:00', 1)",
        "INSERT INTO procedure_step (document_id, step, done_on, actor, outcome, note) VALUES (1, 'legality_review', '2025-02-01', '李', '合法', '')",
    )

    database = open_database(empty_db_url)
    with database.reading() as s:
        row = s.execute(
            text(
                "SELECT d.title, p.outcome, p.confirmed_on FROM document d JOIN procedure_step p ON p.document_id = d.id"
            )
        ).one()
        assert tuple(row) == ("河清市临时救助办法", "合法", None)
        assert s.execute(text("SELECT count(*) FROM review_case")).scalar() == 0
    database.close()


@pytest.mark.sqlite_only
def test_upgrade_from_0004_keeps_review_cases_and_calendar(db_path, empty_db_url):
    at_revision(
        empty_db_url,
        "0004",
        "INSERT INTO calendar_day (day, is_workday, note, updated_by, updated_at) VALUES ('2027-10-01', 0, '国庆节', '张三', '2026-11-01 09:00:00')",
        "INSERT INTO review_case (subject_type, title, submitting_unit, received, reviewer, status, materials, return_note, drafter_opinion, min_days, max_days, extension_days, extension_reason, outcome, required_changes, opinion, created_at, version) VALUES ('contract', '委托运营合同', '民政局', '2026-11-02', '王', 'in_review', '[]', '', '', 5, 15, 0, '', '', '', '', '2026-11-02 09:00:00', 1)",
    )

    database = open_database(empty_db_url)
    with database.reading() as s:
        assert s.execute(text("SELECT title FROM review_case")).scalar() == "委托运营合同"
        assert s.execute(text("SELECT note FROM calendar_day")).scalar() == "国庆节"
        assert s.execute(text("SELECT count(*) FROM filing")).scalar() == 0
    database.close()


@pytest.mark.sqlite_only
def test_upgrade_from_0005_keeps_filings_and_objections(db_path, empty_db_url):
    at_revision(
        empty_db_url,
        "0005",
        ISSUER_MZ,
        "INSERT INTO document (id, issuer_id, title, status, drafting_unit, keywords, summary, remarks, important, public_facing, business_related, market_related, published, created_at, updated_at, version) VALUES (1, 1, '河清市临时救助办法', 'in_force', '', '', '', '', 0, 0, 0, 0, '2025-03-03', '2025-03-03 09:00:00', '2025-03-03 09:00:00', 1)",
        "INSERT INTO filing (document_id, recipient, package, filed_on, result, needed_correction, follow_up, created_at, version) VALUES (1, '本级人民政府', '[]', '2025-03-10', '予以备案', 0, '', '2025-03-10 09:00:00', 1)",
        "INSERT INTO objection (document_id, received, requester, grounds, reply_days, handler, reply, outcome, created_at, version) VALUES (1, '2026-11-01', '张三', '第五条违法', 30, '', '', '', '2026-11-01 09:00:00', 1)",
    )

    database = open_database(empty_db_url)
    with database.reading() as s:
        assert s.execute(text("SELECT result FROM filing")).scalar() == "予以备案"
        assert s.execute(text("SELECT requester FROM objection")).scalar() == "张三"
        assert s.execute(text("SELECT count(*) FROM cleanup_batch")).scalar() == 0
    database.close()


@pytest.mark.sqlite_only
def test_upgrade_from_0006_keeps_cleanup_batches(db_path, empty_db_url):
    at_revision(
        empty_db_url,
        "0006",
        "INSERT INTO cleanup_batch (kind, title, reason, scope_issuers, created_on, created_by, status, applied_by, version) VALUES ('regular', '2026年定期清理', '', '[]', '2026-11-01', '张三', 'open', '', 1)",
    )

    database = open_database(empty_db_url)
    with database.reading() as s:
        assert s.execute(text("SELECT title FROM cleanup_batch")).scalar() == "2026年定期清理"
        assert s.execute(text("SELECT count(*) FROM app_user")).scalar() == 0
    database.close()


@pytest.mark.sqlite_only
def test_upgrade_from_0007_builds_the_short_term_index_for_existing_documents(
    db_path, empty_db_url
):
    from app.services import search

    at_revision(
        empty_db_url,
        "0007",
        ISSUER_MZ,
        "INSERT INTO document (id, issuer_id, title, status, drafting_unit, keywords, summary, remarks, important, public_facing, business_related, market_related, published, created_at, updated_at, version) VALUES (7, 1, '河清市城乡低保管理办法', 'in_force', '', '', '', '', 0, 0, 0, 0, '2025-03-03', '2025-03-03 09:00:00', '2025-03-03 09:00:00', 1)",
        "INSERT INTO document_fts (rowid, title, doc_number, reg_number, issuer, keywords, summary) VALUES (7, '河清市城乡低保管理办法', '', '', '河清市民政局', '', '')",
    )

    database = open_database(empty_db_url)
    with database.reading() as s:
        assert search.find_ids(s, search.DocumentQuery(text="低保")) == [7]
        assert search.find_ids(s, search.DocumentQuery(text="民政")) == [7]
        assert search.find_ids(s, search.DocumentQuery(text="救助")) == []
    database.close()


def test_upgrade_from_empty_and_from_the_previous_revision_keeps_rows_and_search(empty_db_url):
    """The same revisions on SQLite and PostgreSQL: up to 0008, rows written, then to head."""
    from datetime import date, datetime

    from sqlalchemy import insert

    from app.models import Document, Issuer
    from app.services import search, search_index

    engine = make_engine(empty_db_url)
    upgrade(engine, "0008")
    now = datetime(2025, 3, 3, 9)
    with engine.begin() as conn:
        conn.execute(insert(Issuer.__table__).values(id=1, code="MZ", name="河清市民政局",
            abbr="河民发", level="department", reg_template="{code}-{year}-{seq:03d}",
            sequence_key="MZ", yearly_reset=True, active=True))  # fmt: skip
        conn.execute(insert(Document.__table__).values(id=7, issuer_id=1, title="河清市城乡低保管理办法",
            status="in_force", drafting_unit="", keywords="", summary="", remarks="", important=False,
            public_facing=False, business_related=False, market_related=False,
            published=date(2025, 3, 3), created_at=now, updated_at=now, version=1))  # fmt: skip
    engine.dispose()

    database = open_database(empty_db_url)
    try:
        with database.transaction() as s:
            if search_index.has_fts(s):
                search_index.reindex(s, s.get(Document, 7))
        with database.reading() as s:
            assert s.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
                head_revision()
            )
            for term in ("低保", "城乡低保", "民政局"):
                assert search.find_ids(s, search.DocumentQuery(text=term)) == [7]
            assert search.find_ids(s, search.DocumentQuery(text="救助")) == []
    finally:
        database.close()


@pytest.mark.sqlite_only
def test_upgrade_from_0009_keeps_filings_and_indexes_the_deadline_scan(empty_db_url):
    from datetime import date

    from sqlalchemy import inspect

    from app import clock
    from app.services.deadlines import open_deadlines

    clock.fix_today(date(2026, 11, 27))
    document = "INSERT INTO document (id, issuer_id, title, status, drafting_unit, keywords, summary, remarks, important, public_facing, business_related, market_related, published, valid_until, created_at, updated_at, version) VALUES ({id}, 1, '{title}', 'in_force', '', '', '', '', false, false, false, false, '2026-11-02', '{until}', '2026-11-02 09:00:00', '2026-11-02 09:00:00', 1)"
    at_revision(
        empty_db_url,
        "0009",
        ISSUER_MZ,
        document.format(id=1, title="已报备案的办法", until="2031-11-02"),
        document.format(id=2, title="尚未报备案的办法", until="2027-01-31"),
        "INSERT INTO filing (document_id, recipient, package, filed_on, result, needed_correction, follow_up, created_at, version) VALUES (1, '本级人民政府', '[]', '2026-11-10', '予以备案', false, '', '2026-11-10 09:00:00', 1)",
    )

    database = open_database(empty_db_url)
    try:
        with database.reading() as s:
            indexes = {
                table: {i["name"] for i in inspect(s.connection()).get_indexes(table)}
                for table in ("filing", "document")
            }
            assert s.execute(text("SELECT result FROM filing")).scalar() == "予以备案"
            found = {(d.kind, d.object_id) for d in open_deadlines(s) if d.kind != "cleanup"}
    finally:
        database.close()
    assert "ix_filing_recipient_filed" in indexes["filing"]
    assert "ix_document_status_valid_until" in indexes["document"]
    assert found == {("filing", 2), ("validity", 2)}


def test_upgrade_from_0010_keys_registration_numbers_and_keeps_older_look_alikes(empty_db_url):
    from datetime import date

    from app import clock
    from app.models import NumberAllocation
    from app.services import registration
    from app.services.documents import DocumentInput
    from app.services.permissions import SYSTEM

    clock.fix_today(date(2026, 11, 27))
    allocation = "INSERT INTO number_allocation (sequence_key, year, serial, number, voided, void_reason, voided_by, allocated_at) VALUES ('{key}', 2026, {serial}, '{number}', false, '', '', '2026-03-03 09:00:00')"
    at_revision(
        empty_db_url,
        "0010",
        ISSUER_MZ_BOOL,
        allocation.format(key="MZ", serial=1, number="MZ-2026-001"),
        allocation.format(key="~MZ", serial=-1, number="ＭＺ－２０２６－００１"),
        allocation.format(key="MZ", serial=2, number="MZ-2026-002"),
    )

    database = open_database(empty_db_url)
    try:
        with database.reading() as s:
            keys = dict(s.execute(select(NumberAllocation.id, NumberAllocation.number_key)).all())
        with database.transaction() as s:
            added = registration.register_published(
                s, SYSTEM, DocumentInput("MZ", "新办法", published=date(2026, 5, 1))
            )
        with pytest.raises(UserError, match="已被使用"), database.transaction() as s:
            registration.register_published(
                s, SYSTEM,
                DocumentInput("MZ", "重复", published=date(2026, 5, 1), reg_number="mz—2026—002"),
            )  # fmt: skip
    finally:
        database.close()
    assert keys == {1: "mz-2026-001", 2: None, 3: "mz-2026-002"}
    assert added.reg_number == "MZ-2026-003"


def test_upgrade_from_0011_leaves_lapses_by_term_to_the_dates(empty_db_url):
    from datetime import date

    from app import clock
    from app.services import documents, search

    clock.fix_today(date(2026, 11, 27))
    document = "INSERT INTO document (id, issuer_id, title, status, drafting_unit, keywords, summary, remarks, important, public_facing, business_related, market_related, published, effective, valid_until, status_changed, created_at, updated_at, version) VALUES ({id}, 1, '{title}', '{status}', '', '', '', '', false, false, false, false, '2020-03-01', '2020-03-01', '{until}', '{changed}', '2020-03-01 09:00:00', '2020-03-01 09:00:00', 1)"
    at_revision(
        empty_db_url,
        "0011",
        ISSUER_MZ_BOOL,
        # lapsed by an older version at start-up, and by an import typed in long after
        document.format(
            id=1, title="甲", status="expired", until="2025-02-28", changed="2025-03-01"
        ),
        document.format(
            id=2, title="乙", status="expired", until="2023-02-28", changed="2026-10-08"
        ),
        # declared 失效 before its term ended: a decision, kept
        document.format(
            id=3, title="丙", status="expired", until="2027-02-28", changed="2024-06-30"
        ),
        document.format(
            id=4, title="丁", status="repealed", until="2027-02-28", changed="2025-06-30"
        ),
        document.format(
            id=5, title="戊", status="in_force", until="2028-02-29", changed="2020-03-01"
        ),
    )
    database = open_database(empty_db_url)
    try:
        with database.reading() as s:
            stored = {d.id: d.status for d in map(lambda i: documents.get(s, i), range(1, 6))}
            shown = {
                r.id: (r.status, str(documents.as_dict(documents.get(s, r.id), None, clock.today())["ended_on"]))
                for r in search.search_rows(s, search.DocumentQuery())
            }  # fmt: skip
    finally:
        database.close()
    assert stored == {1: "published", 2: "published", 3: "expired", 4: "repealed", 5: "in_force"}
    assert shown == {
        1: ("expired", "2025-03-01"),
        2: ("expired", "2023-03-01"),  # the legal date, not the day it was typed in
        3: ("expired", "2024-06-30"),
        4: ("repealed", "2025-06-30"),
        5: ("in_force", "None"),
    }


def test_upgrade_from_0011_keeps_correction_dues_as_set_and_adds_their_period(empty_db_url):
    from datetime import date

    from app import clock
    from app.models import Filing
    from app.services.deadlines import open_deadlines

    clock.fix_today(date(2026, 12, 20))
    at_revision(
        empty_db_url,
        "0011",
        ISSUER_MZ_BOOL,
        "INSERT INTO document (id, issuer_id, title, status, drafting_unit, keywords, summary, remarks, important, public_facing, business_related, market_related, published, valid_until, created_at, updated_at, version) VALUES (1, 1, '需补正的办法', 'in_force', '', '', '', '', false, false, false, false, '2026-11-25', '2031-11-24', '2026-11-25 09:00:00', '2026-11-25 09:00:00', 1)",
        "INSERT INTO filing (document_id, recipient, package, filed_on, result, result_on, needed_correction, correction_due, follow_up, created_at, version) VALUES (1, '本级人民政府', '[]', '2026-12-01', '暂缓登记', '2026-12-05', true, '2027-01-04', '缺少制定依据', '2026-12-01 09:00:00', 1)",
    )

    database = open_database(empty_db_url)
    try:
        with database.reading() as s:
            f = s.scalars(select(Filing)).one()
            stored = (f.correction_due, f.correction_days)
            found = [(d.due, d.provisional) for d in open_deadlines(s) if d.kind == "correction"]
    finally:
        database.close()
    assert stored == (date(2027, 1, 4), None)
    assert found == [
        (date(2027, 1, 4), False)
    ]  # a date of unknown origin is kept as the recipient's


@pytest.mark.sqlite_only  # the PostgreSQL test database starts at the newest revision
def test_upgrade_from_0016_copies_each_filing_result_as_its_first_and_seals_it(empty_db_url):
    """A database of the previous version with filings, with and without a result, gains the
    result history: each current result becomes the filing's first row, sealed by the upgrade
    (`check` names none of them), and the figures read it."""
    from datetime import date

    from app import clock
    from app.models import FilingResult
    from app.services import seals, statistics

    clock.fix_today(date(2026, 3, 1))
    doc = (
        "INSERT INTO document (id, issuer_id, title, status, drafting_unit, keywords, summary, remarks, important, public_facing, business_related, market_related, published, valid_until, created_at, updated_at, version) "
        "VALUES ({i}, 1, '办法{i}', 'in_force', '', '', '', '', false, false, false, false, '2026-01-0{i}', '2031-01-0{i}', '2026-01-05 09:00:00', '2026-01-05 09:00:00', 1)"
    )
    filed = (
        "INSERT INTO filing (document_id, recipient, package, filed_on, result, result_on, needed_correction, follow_up, created_at, version) "
        "VALUES ({i}, '本级人民政府', '[]', '2026-01-12', '{r}', {on}, {n}, '{f}', '2026-01-12 09:00:00', 1)"
    )
    at_revision(
        empty_db_url,
        "0016",
        ISSUER_MZ_BOOL,
        *(doc.format(i=i) for i in (5, 6, 7)),
        filed.format(i=5, r="暂缓登记", on="'2026-01-15'", n="true", f="缺少起草说明"),
        filed.format(i=6, r="纠正", on="'2026-01-20'", n="false", f="第二条应予纠正"),
        filed.format(i=7, r="", on="NULL", n="false", f=""),
    )
    database = open_database(empty_db_url)
    try:
        with database.reading() as s:
            copied = [(r.filing.document.title, r.result, r.result_on, r.follow_up)
                      for r in s.scalars(select(FilingResult).order_by(FilingResult.id))]  # fmt: skip
            figures = statistics.filing_figures(s, date(2026, 1, 1), date(2026, 12, 31))
            problems = seals.problems(s)  # the raw rows above were never sealed; the copies are
    finally:
        database.close()
    assert copied == [
        ("办法5", "暂缓登记", date(2026, 1, 15), "缺少起草说明"),
        ("办法6", "纠正", date(2026, 1, 20), "第二条应予纠正"),
    ]
    assert problems and not [p for p in problems if "filing_result" in p]
    counted = {f.name: (f.numerator, f.denominator) for f in figures}
    assert (counted["规范率"], counted["纠错率"]) == ((2, 3), (0, 1))


@pytest.mark.skipif(not on_postgresql(), reason="0023 changes nothing on SQLite")
def test_upgrade_to_0023_serves_the_number_prefix_from_an_index(empty_db_url):
    from datetime import date

    from app import clock
    from app.services import registration
    from app.services.documents import DocumentInput
    from app.services.numbering import _keys_like
    from app.services.permissions import SYSTEM

    clock.fix_today(date(2026, 11, 27))
    allocation = "INSERT INTO number_allocation (sequence_key, year, serial, number, number_key, voided, void_reason, voided_by, allocated_at) VALUES ('MZ', 2026, {serial}, '{number}', '{key}', false, '', '', '2026-03-03 09:00:00')"  # noqa: E501
    at_revision(
        empty_db_url,
        "0022",
        ISSUER_MZ_BOOL,
        allocation.format(serial=1, number="MZ-2026-001", key="mz-2026-001"),
        allocation.format(serial=2, number="MZ-2026-002", key="mz-2026-002"),
    )
    database = open_database(empty_db_url)
    try:
        with database.transaction() as s:
            added = registration.register_published(
                s, SYSTEM, DocumentInput("MZ", "新办法", published=date(2026, 5, 1))
            )
        with database.reading() as s:
            assert _keys_like(s, "{code}-{year}-{seq:03d}", "MZ", 2026) == {
                "mz-2026-001",
                "mz-2026-002",
                "mz-2026-003",
            }
            s.execute(text("SET LOCAL enable_seqscan = off"))
            plan = "\n".join(
                s.scalars(
                    text(
                        "EXPLAIN SELECT number_key FROM number_allocation "
                        "WHERE number_key LIKE 'mz-2026-%'"
                    )
                )
            )
    finally:
        database.close()
    assert added.reg_number == "MZ-2026-003"
    assert "ix_number_allocation_number_key_prefix" in plan
