"""The audit chain's head anchored outside the database: a deleted tail and a recomputed chain,
which the chain alone cannot reveal, are named by `check`; restores and copies are not."""

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.db import open_database
from app.models import AuditEntry
from app.reports import catalog_output
from app.services import anchor, audit, backup, database_copy, integrity
from app.services.catalogs import CatalogFilter
from app.services.permissions import SYSTEM
from tests.factories import add_issuer, register
from tests.outside_edits import outside_edit


@pytest.fixture
def filled(office):
    for n in range(3):
        with office.transaction() as s:
            register(s, f"河清市第{n}号管理办法")
    return office


def _check(database) -> list[str]:
    with database.reading() as s:
        return integrity.full_check(s, database.url)


def _head(database) -> anchor.Head:
    with database.reading() as s:
        return anchor.chain_head(s)


def test_every_write_moves_the_anchor_to_the_chain_head(filled):
    written = anchor.read(anchor.path_for(filled.url))
    assert written is not None and written.head == _head(filled)
    assert _check(filled) == []


@pytest.mark.tampered
def test_deleting_the_newest_audit_records_is_named(filled):
    head = _head(filled)
    with outside_edit(filled.engine) as con:
        con.execute(text("DELETE FROM audit_log WHERE id > :n"), {"n": head.id - 2})
    with filled.reading() as s:
        assert audit.first_broken(s) is None  # the chain alone cannot tell
    problems = _check(filled)
    assert any("审计日志最新的记录被删除" in p and f"第 {head.id} 条" in p for p in problems)


@pytest.mark.tampered
def test_a_tail_deleted_then_written_over_by_the_program_is_still_named(filled):
    head = _head(filled)
    with outside_edit(filled.engine) as con:
        con.execute(text("DELETE FROM audit_log WHERE id > :n"), {"n": head.id - 2})
    for n in range(3):  # new records reuse the deleted ids on SQLite
        with filled.transaction() as s:
            register(s, f"删除之后登记的第{n}个文件")
    assert anchor.read(anchor.path_for(filled.url)).head == head  # kept as evidence
    assert any("审计链被重新计算或改写" in p or "被删除" in p for p in _check(filled))


def _recompute_from(database, first: int) -> None:
    with outside_edit(database.engine) as con, Session(con) as s:
        prev = s.get(AuditEntry, first - 1).hash if first > 1 else audit.GENESIS
        for entry in s.query(AuditEntry).filter(AuditEntry.id >= first).order_by(AuditEntry.id):
            entry.prev_hash = prev
            entry.hash = prev = audit.entry_hash(entry)
        s.flush()


def test_a_chain_recomputed_after_an_edit_is_named(filled):
    with outside_edit(filled.engine) as con:
        con.execute(text("UPDATE audit_log SET summary = '改过的摘要' WHERE id = 2"))
    _recompute_from(filled, 2)
    with filled.reading() as s:
        assert audit.first_broken(s) is None  # the chain alone cannot tell
    assert any("审计链被重新计算或改写" in p for p in _check(filled))


@pytest.mark.tampered
def test_a_middle_record_deleted_and_the_chain_recomputed_is_named(filled):
    with outside_edit(filled.engine) as con:
        con.execute(text("DELETE FROM audit_log WHERE id = 2"))
    # relink the record after the gap, then recompute onwards
    with outside_edit(filled.engine) as con, Session(con) as s:
        prev = s.get(AuditEntry, 1).hash
        for entry in s.query(AuditEntry).filter(AuditEntry.id >= 3).order_by(AuditEntry.id):
            entry.prev_hash = prev
            entry.hash = prev = audit.entry_hash(entry)
        s.flush()
    assert any("审计" in p and "锚文件" in p for p in _check(filled))


def test_a_deleted_or_garbled_anchor_is_named(filled):
    path = anchor.path_for(filled.url)
    path.unlink()
    assert any("审计链锚文件" in p and "缺失" in p for p in _check(filled))
    path.write_text("{not json", "utf-8")
    assert any("审计链锚文件" in p and "无法读取" in p for p in _check(filled))


def test_an_anchor_that_cannot_be_written_never_fails_a_save_and_is_named(filled):
    path = anchor.path_for(filled.url)
    path.unlink()
    path.mkdir()  # os.replace onto a folder fails
    with filled.transaction() as s:
        doc = register(s, "锚文件写不进时登记的文件")
    with filled.reading() as s:
        assert s.get(type(doc), doc.id) is not None
    assert any("审计链锚文件" in p for p in _check(filled))


def test_an_empty_database_needs_no_anchor(database):
    assert _check(database) == []


WRITER = """
import sys
from app.db import open_database
from app.services import audit
from app.services.vocabulary import AuditAction
db = open_database(sys.argv[1])
for n in range(int(sys.argv[2])):
    with db.transaction() as s:
        audit.record(s, "测试", AuditAction.UPDATE, audit.Subject("test", n), summary=f"第 {n} 次")
db.close()
"""


def test_two_programs_writing_at_once_leave_the_anchor_at_the_newest_head(filled):
    runs = [
        subprocess.Popen([sys.executable, "-c", WRITER, filled.url, "25"], cwd=Path.cwd())
        for _ in range(2)
    ]
    assert [r.wait(timeout=120) for r in runs] == [0, 0]
    assert anchor.read(anchor.path_for(filled.url)).head == _head(filled)
    assert _check(filled) == []


def test_a_printed_register_carries_the_chain_head(filled, tmp_path):
    target = tmp_path / "登记簿.pdf"
    with filled.reading() as s:
        catalog_output.write_pdf(s, "register", CatalogFilter(), target)
    head = _head(filled)
    last = PdfReader(target).pages[-1].extract_text().replace(" ", "")
    assert f"审计链：第{head.id}条，共{head.count}条，摘要{head.hash[:12]}" in last


def test_migrated_copy_is_anchored_and_checks_clean(filled, tmp_path):
    target = f"sqlite:///{tmp_path / 'copy.db'}"
    filled.close()
    database_copy.copy_database(filled.url, target)
    copy = open_database(target)
    try:
        assert _check(copy) == []
        assert anchor.read(anchor.path_for(target)).head == _head(copy)
    finally:
        copy.close()


@pytest.mark.sqlite_only  # backups copy the SQLite file
def test_backup_carries_the_head_and_a_restore_is_no_false_alarm(filled, db_path):
    made = backup.make_backup(db_path, kind="manual")
    head = _head(filled)
    assert backup.manifest_of(made.path)["audit_head"] == {
        "id": head.id,
        "hash": head.hash,
        "count": head.count,
    }
    with filled.transaction() as s:
        register(s, "备份之后登记的文件")
    filled.close()
    time.sleep(0.01)
    backup.restore(made.path, db_path, SYSTEM)  # older than the anchor and the safety backup
    restored = open_database(f"sqlite:///{db_path}")
    try:
        assert _check(restored) == []
        with restored.reading() as s:
            newest = s.get(AuditEntry, _head(restored).id)
        assert newest.action == "anchor_reset" and made.path.name in newest.summary
        assert newest.prev_hash == head.hash  # the restored chain, continued
        with restored.transaction() as s:
            add_issuer(s, "XQ", "河清市西区人民政府", "西政发")
        assert _check(restored) == []
    finally:
        restored.close()


@pytest.mark.tampered
@pytest.mark.sqlite_only
def test_the_newest_backup_names_a_tail_deleted_with_the_anchor_replaced(filled, db_path):
    backup.make_backup(db_path, kind="manual")
    head = _head(filled)
    with outside_edit(filled.engine) as con:
        con.execute(text("DELETE FROM audit_log WHERE id > :n"), {"n": head.id - 2})
    path = anchor.path_for(filled.url)
    data = json.loads(path.read_text("utf-8"))  # a careful tamperer rewrites the anchor too
    data["head"] = {"id": head.id - 2, "hash": _head(filled).hash, "count": head.count - 2}
    path.write_text(json.dumps(data), "utf-8")
    problems = _check(filled)
    assert any("最新备份" in p and "最新的记录被删除" in p for p in problems)


@pytest.mark.tampered
@pytest.mark.sqlite_only
def test_a_newer_backup_of_another_office_does_not_hide_the_deleted_tail(
    filled, db_path, tmp_path, sqlite_template
):
    backup.make_backup(db_path, kind="manual")
    other = tmp_path / "other.db"
    shutil.copyfile(sqlite_template, other)
    backup.make_backup(other, kind="manual")  # newer, same data folder
    head = _head(filled)
    with outside_edit(filled.engine) as con:
        con.execute(text("DELETE FROM audit_log WHERE id > :n"), {"n": head.id - 2})
    path = anchor.path_for(filled.url)
    data = json.loads(path.read_text("utf-8"))
    data["head"] = {"id": head.id - 2, "hash": _head(filled).hash, "count": head.count - 2}
    path.write_text(json.dumps(data), "utf-8")
    assert any("最新备份" in p and "最新的记录被删除" in p for p in _check(filled))


@pytest.mark.tampered
def test_check_command_names_a_deleted_audit_tail_and_exits_1(filled):
    from tests.test_cli import normdesk

    assert normdesk("--db", filled.url, "check").returncode == 0
    head = _head(filled)
    with outside_edit(filled.engine) as con:
        con.execute(text("DELETE FROM audit_log WHERE id = :n"), {"n": head.id})
    filled.close()
    result = normdesk("--db", filled.url, "check")
    assert result.returncode == 1
    assert f"审计日志最新的记录被删除：锚文件记到第 {head.id} 条" in result.stdout + result.stderr


def test_a_database_upgraded_from_a_version_without_anchors_passes_check(empty_db_url):
    from app.db import open_database
    from app.services import integrity
    from tests.test_db import at_revision

    at_revision(
        empty_db_url,
        "0011",
        "INSERT INTO audit_log (at, actor, action, object_type, object_id, summary, prev_hash, hash) "
        "VALUES ('2026-11-01 09:00:00', 'root', 'create', 'issuer', 1, '添加制定机关', 'GENESIS', 'x')",
    )
    database = open_database(empty_db_url)
    try:
        with database.reading() as s:
            found = [p for p in integrity.full_check(s, empty_db_url) if "锚" in p]
            last = s.scalar(select(AuditEntry.summary).order_by(AuditEntry.id.desc()).limit(1))
    finally:
        database.close()
    assert found == []
    assert "首次建立" in last
