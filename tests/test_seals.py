"""Each record's content sealed into the audit chain (app/services/seals.py). Every test using
the `database` fixture also ends with all records matching their seals (tests/conftest.py);
these tests pin what that net cannot: what is sealed when, and an upgrade's first seal."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import func, select, text

from app.db import open_database
from app.models import AuditEntry, Document, Issuer
from app.services import audit, audit_query, documents, integrity, seals, settings
from app.services.audit_query import AuditFilter
from app.services.permissions import SYSTEM
from tests.factories import add_issuer, register
from tests.outside_edits import outside_edit
from tests.test_db import at_revision


def _seals(database) -> list[dict]:
    with database.reading() as s:
        query = select(AuditEntry.new_values).where(AuditEntry.action == seals.ACTION)
        return [json.loads(v) for v in s.scalars(query.order_by(AuditEntry.id))]


def _differences(database) -> list[str]:
    with database.reading() as s:
        return [d.told() for d in seals.differences(s)]


def test_a_save_seals_exactly_the_records_it_wrote(office):
    with office.transaction() as s:
        doc = register(s, "河清市临时救助实施办法")
    newest = _seals(office)[-1]
    assert set(newest) == {"document", "number_allocation", "procedure_step"}
    assert list(newest["document"]) == [str(doc.id)]
    with office.reading() as s:
        row = s.execute(select(Document.__table__).where(Document.id == doc.id)).one()
        assert newest["document"][str(doc.id)] == seals.digest(dict(row._mapping))


def test_an_edit_seals_the_new_content_and_the_old_no_longer_matches(office):
    with office.transaction() as s:
        doc = register(s)
    before = _seals(office)[-1]["document"][str(doc.id)]
    with office.transaction() as s:
        edited = documents.DocumentInput(
            "MZ", doc.title, reg_number=doc.reg_number, published=doc.published, remarks="已核对"
        )
        documents.update_document(s, SYSTEM, doc.id, edited, doc.version)
    after = _seals(office)[-1]["document"][str(doc.id)]
    assert after != before and _differences(office) == []


def test_nothing_changed_or_everything_undone_writes_no_seal(office):
    with office.transaction() as s:
        register(s)
    count = len(_seals(office))
    with office.transaction() as s:  # read, touch and put back: nothing to seal
        issuer = s.get(Issuer, 1)
        name = issuer.name
        issuer.name = "临时"
        s.flush()
        issuer.name = name
    with office.transaction() as s:  # a savepoint rolled back, as a dry run does
        attempt = s.begin_nested()
        register(s, "试导入的文件")
        s.get(Issuer, 1).abbr = "试改"
        s.flush()
        attempt.rollback()
    assert len(_seals(office)) == count and _differences(office) == []


def test_a_deletion_is_sealed_as_gone(office):
    with office.transaction() as s:
        settings.put(s, SYSTEM, "validity.default_years", 3)
    with office.transaction() as s:
        settings.reset(s, SYSTEM, "validity.default_years")
    assert _seals(office)[-1] == {"setting": {"validity.default_years": None}}
    assert _differences(office) == []


def test_a_seal_is_written_by_whoever_made_the_change_and_hidden_from_the_audit_list(office):
    with office.transaction() as s:
        register(s)
    with office.reading() as s:
        newest = s.scalar(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1))
        listed = audit_query.page(s, AuditFilter(), 0, 100)
        asked = audit_query.page(s, AuditFilter(action=seals.ACTION), 0, 100)
        by_object = audit_query.page(s, AuditFilter(object_type=seals.OBJECT), 0, 100)
    assert [e.id for e in by_object] == [e.id for e in asked]
    assert (newest.action, newest.actor) == (seals.ACTION, SYSTEM.name)
    assert seals.ACTION not in {e.action for e in listed} and "登记" in {e.action for e in listed}
    assert asked and asked[0].action == "封存记录内容"
    assert "文件：1 条" in asked[0].new and len(asked[0].new) < 200


@pytest.mark.tampered
def test_a_seal_edited_in_place_breaks_the_chain(office):
    with office.transaction() as s:
        register(s)
    with outside_edit(office.engine) as con:
        con.execute(text("UPDATE audit_log SET new_values = '{}' WHERE action = 'seal'"))
    with office.reading() as s:
        assert audit.first_broken(s) is not None


def test_a_bulk_core_update_of_a_sealed_table_is_a_bug_not_a_silent_gap(office):
    from sqlalchemy import update

    with (
        pytest.raises(RuntimeError, match="bypasses the record seals"),
        office.transaction() as s,
    ):
        s.execute(update(Document).values(remarks="x"))


def test_upgrade_from_0013_seals_every_record_once_and_check_passes(empty_db_url):
    at_revision(
        empty_db_url,
        "0013",
        "INSERT INTO issuer (code, name, abbr, level, reg_template, sequence_key, yearly_reset, active) "
        "VALUES ('MZ', '河清市民政局', '河民发', 'department', '{code}GS-{year}-{seq:03d}', 'MZ', true, true)",
        "INSERT INTO setting (key, value) VALUES ('validity.default_years', '3')",
        "INSERT INTO audit_log (at, actor, action, object_type, object_id, summary, prev_hash, hash) "
        "VALUES ('2026-11-01 09:00:00', 'root', 'create', 'issuer', 1, '添加制定机关', 'GENESIS', 'x')",
    )
    database = open_database(empty_db_url)
    try:
        with database.reading() as s:
            entries = s.scalars(select(AuditEntry).where(AuditEntry.action == seals.ACTION)).all()
            problems = [
                p for p in integrity.full_check(s, empty_db_url) if "审计日志第 1 条" not in p
            ]
        assert len(entries) == 1 and "首次封存" in entries[0].summary
        assert json.loads(entries[0].new_values).keys() == {"issuer", "setting"}
        assert problems == []
        with database.engine.begin() as con:  # an edit after the upgrade is found
            con.execute(text("UPDATE issuer SET name = '改名' WHERE code = 'MZ'"))
        with database.reading() as s:
            assert any("制定机关（issuer 第 1 条" in p for p in integrity.full_check(s))
    finally:
        database.close()
    again = open_database(empty_db_url)  # opened again: sealed once, not again
    try:
        with again.reading() as s:
            count = s.scalar(select(func.count()).where(AuditEntry.action == seals.ACTION))
        assert count == 1
    finally:
        again.close()


def test_the_digest_does_not_depend_on_column_order_or_none_columns():
    a = {
        "id": 1,
        "title": "文件",
        "valid_until": None,
        "published": date(2026, 1, 2),
        "important": True,
    }
    b = {"important": True, "published": date(2026, 1, 2), "title": "文件", "id": 1}
    assert seals.digest(a) == seals.digest(b)
    assert seals.digest(a) != seals.digest({**b, "important": False})
    assert seals.digest(a) != seals.digest({**b, "title": "文件 "})


@pytest.mark.tampered
def test_differences_name_changed_added_and_deleted_records(office):
    with office.transaction() as s:
        first = register(s, "甲文件")
        add_issuer(s, "CZ", "河清市财政局")
    with office.engine.begin() as con:
        con.execute(text("UPDATE document SET remarks = '改' WHERE id = :i"), {"i": first.id})
        con.execute(text("DELETE FROM issuer WHERE code = 'CZ'"))
        con.execute(text("INSERT INTO setting (key, value) VALUES ('x.y', '1')"))
    found = _differences(office)
    assert any("文件（document 第" in f and "“甲文件”" in f and "被修改" in f for f in found)
    assert any(f.startswith("制定机关（issuer 第 2 条）") and "被删除" in f for f in found)
    assert any(f.startswith("设置（setting 第 x.y 条）") and "被添加" in f for f in found)
    with office.engine.begin() as con:  # put back as it was: nothing left to report
        con.execute(text("UPDATE document SET remarks = '' WHERE id = :i"), {"i": first.id})
        con.execute(text("DELETE FROM setting WHERE key = 'x.y'"))
    assert all("issuer" in f for f in _differences(office))
