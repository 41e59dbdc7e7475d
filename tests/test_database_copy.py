import json
import os
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.db import open_database
from app.errors import UserError
from app.models import AuditEntry, Base, Document
from app.services import attachments, audit, database_copy, demo, search, texts
from app.services.permissions import SYSTEM
from app.services.vocabulary import TextKind
from tests.factories import add_issuer, register
from tests.test_cli import normdesk


@pytest.fixture
def office_file(tmp_path: Path, isolated_data_dir: Path) -> str:
    """A one-clerk office's SQLite register: demo data, one document of our own, an attachment."""
    url = f"sqlite:///{tmp_path / 'office.sqlite'}"
    database = open_database(url)
    scan = tmp_path / "扫描件.pdf"
    scan.write_bytes(b"%PDF-1.4 scanned")
    with database.transaction() as s:
        demo.make_demo(s, 60)
        add_issuer(s, "XQ", "西区民政局", "西民发")
        doc = register(s, "关于调整城乡低保标准的通知", issuer="XQ", published=date(2026, 1, 5))
        attachments.add_attachment(s, SYSTEM, doc.id, scan)
    database.close()
    return url


def _counts(url: str) -> dict[str, int]:
    database = open_database(url)
    try:
        with database.reading() as s:
            return {
                t.name: s.connection().execute(select(func.count()).select_from(t)).scalar()
                for t in Base.metadata.sorted_tables
            }
    finally:
        database.close()


def test_register_moves_to_the_server_and_back_with_search_audit_and_numbers(
    office_file, db_url, tmp_path
):
    there = database_copy.copy_database(office_file, db_url)
    back_url = f"sqlite:///{tmp_path / 'back.sqlite'}"
    back = database_copy.copy_database(db_url, back_url)
    assert there.rows == back.rows == _counts(office_file) == _counts(back_url)
    assert there.rows["document"] == 61 and there.rows["attachment"] == 1
    for url in (db_url, back_url):
        database = open_database(url)
        try:
            with database.reading() as s:
                assert audit.first_broken(s) is None
                found = search.find_ids(s, search.DocumentQuery(text="低保 西区"))
                assert [s.get(Document, i).title for i in found] == ["关于调整城乡低保标准的通知"]
                assert search.find_ids(s, search.DocumentQuery(text="调整城乡"))
            with database.transaction() as s:  # new rows continue after the copied ids
                doc = register(s, "关于临时救助的通知", issuer="XQ", published=date(2026, 2, 1))
            assert doc.id == 62 and doc.reg_number == "XQGS-2026-002"
            with database.reading() as s:
                assert audit.first_broken(s) is None
                assert (
                    s.scalar(select(func.count(AuditEntry.id))) == there.rows["audit_log"] + 2
                )  # registered and sealed
        finally:
            database.close()


def test_texts_stay_searchable_after_a_move_to_the_server_and_back(office_file, db_url, tmp_path):
    database = open_database(office_file)
    with database.transaction() as s:
        doc = register(s, "关于临时救助的通知", issuer="XQ", published=date(2026, 2, 1))
        texts.add_typed(
            s, SYSTEM, doc.id, "第一条 急难救助由乡镇人民政府先行审批。", TextKind.ORIGINAL
        )
    database.close()
    database_copy.copy_database(office_file, db_url)
    back_url = f"sqlite:///{tmp_path / 'back.sqlite'}"
    database_copy.copy_database(db_url, back_url)
    for url in (db_url, back_url):
        database = open_database(url)
        try:
            with database.reading() as s:
                for query in ("先行审批", "审批"):
                    found = search.find_ids(s, search.DocumentQuery(text=query, in_texts=True))
                    assert found == [doc.id], (url, query)
        finally:
            database.close()


def test_copy_into_a_database_with_data_is_refused_untouched(office_file, db_url):
    database = open_database(db_url)
    with database.transaction() as s:
        add_issuer(s)
    database.close()
    with pytest.raises(UserError, match="目标数据库.*已有数据"):
        database_copy.copy_database(office_file, db_url)
    assert _counts(db_url)["issuer"] == 1 and _counts(db_url)["document"] == 0


def test_migrate_db_command_copies_attachments_into_the_shared_folder(
    office_file, db_url, tmp_path
):
    shared = tmp_path / "共享" / "normdesk"
    result = normdesk(
        "--db", office_file, "migrate-db", "--to", db_url, "--attachments-dir", str(shared),
        "--json",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["rows"]["document"] == 61 and report["attachments_copied"] == 1
    stored = list((shared / "attachments").rglob("*"))
    files = [p for p in stored if p.is_file()]
    assert len(files) == 1 and attachments.file_sha256(files[0]) == files[0].name
    again = normdesk("--db", office_file, "migrate-db", "--to", db_url)
    assert again.returncode == 1 and "已有数据" in again.stderr


KILLED_AT_ATTACHMENTS = """
import os, shutil, signal, sys
from app.cli import run

def killed(*_args, **_kwargs):
    os.kill(os.getpid(), signal.SIGKILL)  # the rows are committed, no attachment copied yet

shutil.copyfile = killed
sys.exit(run(sys.argv[1:]))
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_migrate_db_killed_between_rows_and_attachments_is_completed_by_a_rerun(
    office_file, db_url, tmp_path
):
    shared = tmp_path / "共享" / "normdesk"
    args = ["--db", office_file, "migrate-db", "--to", db_url, "--attachments-dir", str(shared)]
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_AT_ATTACHMENTS, *args],
        capture_output=True,
        env={**os.environ, "PYTHONPATH": os.getcwd()},
        timeout=120,
    )
    assert killed.returncode == -signal.SIGKILL
    assert _counts(db_url) == _counts(office_file)  # the rows got there, the attachment did not
    assert not [p for p in (shared / "attachments").rglob("*") if p.is_file()]
    rerun = normdesk(*args, "--json")
    assert rerun.returncode == 0, rerun.stderr
    report = json.loads(rerun.stdout)
    assert report["resumed"] and report["attachments_copied"] == 1
    assert report["rows"] == _counts(office_file)
    files = [p for p in (shared / "attachments").rglob("*") if p.is_file()]
    assert len(files) == 1 and attachments.file_sha256(files[0]) == files[0].name
    finished = normdesk(*args)
    assert finished.returncode == 1 and "已有数据" in finished.stderr


def test_a_stopped_migration_is_not_resumed_once_the_source_has_changed(
    office_file, db_url, tmp_path, monkeypatch
):
    def stopped(*_args):
        raise KeyboardInterrupt

    monkeypatch.setattr(database_copy, "_copy_attachments", stopped)
    with pytest.raises(KeyboardInterrupt):
        database_copy.copy_database(office_file, db_url, tmp_path / "shared")
    monkeypatch.undo()
    source = open_database(office_file)
    with source.transaction() as s:
        register(s, "迁移中断后登记的文件", issuer="XQ", published=date(2026, 3, 1))
    source.close()
    with pytest.raises(UserError, match="已有数据"):
        database_copy.copy_database(office_file, db_url, tmp_path / "shared")
    assert _counts(db_url)["document"] == 61


@pytest.mark.sqlite_only
def test_migrate_db_is_refused_while_another_program_has_the_source_open(office_file, db_url):
    other = open_database(office_file)
    try:
        with pytest.raises(UserError, match="另有 NormDesk 程序正在使用该数据库.*再迁移"):
            database_copy.copy_database(office_file, db_url)
    finally:
        other.close()
    assert _counts(db_url)["document"] == 0
    assert database_copy.copy_database(office_file, db_url).rows["document"] == 61


def test_migrate_db_is_refused_while_another_program_uses_the_target(office_file, db_url):
    other = open_database(db_url)  # a clerk's window already on the server, or on the file
    try:
        with other.reading() as s:
            s.execute(select(1))
        with pytest.raises(UserError, match="正在使用.*再迁移"):
            database_copy.copy_database(office_file, db_url)
    finally:
        other.close()
    assert _counts(db_url)["document"] == 0
    assert database_copy.copy_database(office_file, db_url).rows["document"] == 61


def test_an_unusable_attachments_folder_is_refused_before_anything_is_copied(
    office_file, db_url, tmp_path
):
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("x")
    with pytest.raises(UserError, match="无法写入目标数据文件夹"):
        database_copy.copy_database(office_file, db_url, not_a_folder / "normdesk")
    assert _counts(db_url)["document"] == 0


def test_an_attachment_hash_crafted_in_the_database_never_becomes_a_path(
    office_file, db_url, tmp_path
):
    """`../secret.txt` from the database would have been read from, and copied to, beside the
    data folder (through a .part file written there) before the hash check refused it."""
    import sqlite3

    from app.db import sqlite_path

    secret = tmp_path / "secret.txt"
    secret.write_text("not an attachment")
    with sqlite3.connect(sqlite_path(office_file)) as con:
        con.execute("UPDATE attachment SET sha256 = '../secret.txt'")
    con.close()
    result = database_copy.copy_database(office_file, db_url, tmp_path / "共享")
    assert result.attachments_missing == ["../secret.txt"]
    assert result.attachments_copied == 0
    assert secret.read_text() == "not an attachment"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("secret")) == [
        "secret.txt"
    ]
