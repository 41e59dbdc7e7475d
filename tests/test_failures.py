"""Failures of the disk, the files and the office's server are told in Chinese, the same way in
the command line and the GUI; a frozen or vanished PostgreSQL client is told why (PostgreSQL
tests run when NORMDESK_TEST_PG is set)."""

from __future__ import annotations

import errno
import os
import sqlite3
import time

import psycopg
import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError

from app import failures, pg_session
from app.cli import run
from app.db import open_database
from app.ui.operations import OperationRunner
from tests.conftest import on_postgresql
from tests.factories import add_issuer, register

on_pg = pytest.mark.skipif(not on_postgresql(), reason="needs NORMDESK_TEST_PG")


@pytest.mark.parametrize(
    "exc, message",
    [
        (OSError(errno.ENOSPC, "No space left", "/a/登记簿.pdf"), "磁盘空间不足，无法写入“/a/登记簿.pdf”"),
        (OSError(errno.EFBIG, "File too large"), "磁盘空间不足，无法写入文件"),
        (PermissionError(errno.EACCES, "Permission denied", "/a"), "没有权限读写“/a”"),
        (OSError(errno.EROFS, "Read-only file system", "/a"), "没有写入权限：“/a”所在的磁盘是只读的"),
        (sqlite3.OperationalError("database or disk is full"), "磁盘空间已满"),
        (OSError(errno.ENAMETOOLONG, "File name too long", "/a/" + "x" * 300), "文件名或路径过长：“/a/xxx"),
        (NotADirectoryError(errno.ENOTDIR, "Not a directory", "/a/b"), "路径“/a/b”中有一段不是文件夹"),
        (IsADirectoryError(errno.EISDIR, "Is a directory", "/a"), "“/a”是文件夹，不是文件"),
    ],
)  # fmt: skip
def test_a_failure_of_the_disk_or_the_files_reads_in_chinese(exc, message):
    assert failures.explain(exc).startswith(message)


def test_a_bug_is_not_mistaken_for_a_failure_of_the_environment():
    assert failures.explain(ValueError("bug")) is None
    assert failures.explain(OSError(errno.ENOENT, "No such file")) is None


def test_a_failed_rollback_after_a_full_disk_is_told_as_the_full_disk():
    try:
        try:
            raise sqlite3.OperationalError("database or disk is full")
        except sqlite3.OperationalError:
            raise sqlite3.OperationalError("no such savepoint: sa_savepoint_1")  # noqa: B904
    except sqlite3.OperationalError as exc:
        assert failures.explain(exc) == failures.DISK_FULL


def test_the_gui_tells_a_full_disk_instead_of_apologising(
    qtbot, database, no_modal_boxes, monkeypatch
):
    apologies: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: apologies.append(box.text()))

    def write_on_a_full_disk(_session, _progress):
        raise OSError(errno.ENOSPC, "No space left on device", "/u/登记簿.xlsx")

    runner = OperationRunner(database)
    runner.run(write_on_a_full_disk, write=True)
    assert runner.wait()
    assert apologies == []
    assert no_modal_boxes == ["磁盘空间不足，无法写入“/u/登记簿.xlsx”。请清理磁盘后重试。"]


def test_connections_to_a_server_are_given_timeouts_the_url_can_override():
    args = pg_session.connect_args(
        "postgresql+psycopg://u@h/d?connect_timeout=3&options=-c%20a%3Db"
    )
    assert "connect_timeout" not in args and args["keepalives"] == 1
    assert args["options"].startswith("-c lock_timeout=15000ms")
    assert "-c idle_in_transaction_session_timeout=300000ms" in args["options"]
    assert args["options"].endswith("-c a=b")


@pytest.fixture
def umask_kept():
    """run() in this process sets the program's umask; the test session keeps its own."""
    old = os.umask(0o022)
    os.umask(old)
    yield
    os.umask(old)


def test_an_unreachable_server_is_said_plainly(capsys, umask_kept):
    assert run(["--db", "postgresql+psycopg://normdesk@127.0.0.1:1/normdesk", "init"]) == 1
    assert capsys.readouterr().err == f"错误：{failures.UNREACHABLE}\n"


_SERVER_SAYS = 'connection failed: connection to server at "10.0.0.5", port 5432 failed: '


@pytest.mark.parametrize(
    "said",
    [
        _SERVER_SAYS + 'FATAL:  database "法规库" does not exist',
        _SERVER_SAYS + '致命错误:  数据库 "法规库" 不存在',
    ],
)
def test_a_database_the_server_does_not_have_is_named_not_called_unreachable(said):
    libpq = psycopg.OperationalError(said)
    wrapped = OperationalError("SELECT 1", {}, libpq)  # as SQLAlchemy raises it
    for exc in (libpq, wrapped):
        assert failures.missing_database(exc) == "法规库"
        assert failures.explain(exc) == failures.no_database("法规库")
    assert failures.explain(exc).startswith("服务器上没有名为“法规库”的数据库")
    assert not failures.may_retry(wrapped)
    assert failures.missing_database(psycopg.OperationalError(_SERVER_SAYS + "timeout")) is None


@on_pg
def test_a_real_server_without_the_database_is_said_so(db_url):
    missing = make_url(db_url).set(database="nd_no_such_db").render_as_string(False)
    with pytest.raises(OperationalError) as raised:
        open_database(missing)
    assert failures.explain(raised.value) == failures.no_database("nd_no_such_db")


@pytest.fixture
def admin(db_url):
    engine = create_engine(db_url, isolation_level="AUTOCOMMIT")
    yield engine
    engine.dispose()


@pytest.fixture
def quick_timeouts(monkeypatch):
    monkeypatch.setattr(pg_session, "LOCK_TIMEOUT", 0.3)
    monkeypatch.setattr(pg_session, "IDLE_IN_TRANSACTION_TIMEOUT", 0.3)


@on_pg
def test_a_writer_kept_waiting_by_anothers_lock_is_told_so(
    db_url, admin, quick_timeouts, capsys, umask_kept
):
    with open_database(db_url).transaction() as s:
        add_issuer(s)
    other = create_engine(db_url)
    with other.connect() as holder, holder.begin():
        holder.execute(text("LOCK TABLE document IN EXCLUSIVE MODE"))  # a frozen clerk's save
        started = time.monotonic()
        code = run(["--db", db_url, "doc", "add", "--issuer", "MZ", "--title", "河清市新办法",
                    "--published", "2026-03-04"])  # fmt: skip
        waited = time.monotonic() - started
    other.dispose()
    assert code == 1 and waited < 5
    err = capsys.readouterr().err
    assert err == f"错误：{failures._SQLSTATE['55P03']}\n" and "锁等待超时" in err


@on_pg
def test_a_client_frozen_inside_a_transaction_loses_it_and_is_told_why(db_url, quick_timeouts):
    database = open_database(db_url)
    with pytest.raises(DBAPIError) as ended, database.transaction() as s:
        add_issuer(s)
        s.flush()
        time.sleep(0.6)  # the program frozen mid-save
        register(s)
    assert "空闲事务超时" in failures.explain(ended.value)
    with database.reading() as s:  # its half-save was never committed
        assert s.scalar(text("SELECT count(*) FROM issuer")) == 0
    database.close()


@on_pg
def test_a_lost_server_connection_reads_as_such_in_the_gui(
    qtbot, db_url, admin, no_modal_boxes, monkeypatch
):
    monkeypatch.setattr(QMessageBox, "exec", lambda box: no_modal_boxes.append(box.text()))
    database = open_database(db_url)

    def save_while_the_server_drops_us(s, _progress):
        add_issuer(s)
        with admin.connect() as conn:
            conn.execute(text("SELECT pg_terminate_backend(:pid)"),
                         {"pid": s.scalar(text("SELECT pg_backend_pid()"))})  # fmt: skip
        register(s)

    runner = OperationRunner(database)
    runner.run(save_while_the_server_drops_us, write=True)
    assert runner.wait()
    assert no_modal_boxes == ["与单位服务器的连接已中断，请检查网络后重试。"]
    with database.reading() as s:  # the next operation reconnects; the lost save is not there
        assert s.scalar(text("SELECT count(*) FROM issuer")) == 0
    database.close()


@on_pg
def test_a_command_that_loses_the_server_exits_1_saying_so(
    db_url, admin, monkeypatch, capsys, umask_kept
):
    from app.services import registration

    with open_database(db_url).transaction() as s:
        add_issuer(s)
    real = registration.register_published

    def dropped_midway(s, *args, **kwargs):
        pid = s.scalar(text("SELECT pg_backend_pid()"))
        with admin.connect() as conn:
            conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        return real(s, *args, **kwargs)

    monkeypatch.setattr(registration, "register_published", dropped_midway)
    code = run(["--db", db_url, "doc", "add", "--issuer", "MZ", "--title", "河清市新办法",
                "--published", "2026-03-04"])  # fmt: skip
    assert (code, capsys.readouterr().err) == (1, f"错误：{failures.LOST}\n")


def _answer_retry(monkeypatch, asked: list[str], click: str = "重试") -> None:
    def answer(box):
        asked.append(box.text())
        chosen = [b for b in box.buttons() if b.text() == click]
        assert chosen, f"no {click} button on “{box.text()}”"
        chosen[0].click()

    monkeypatch.setattr(QMessageBox, "exec", answer)


def test_a_passing_failure_offers_retry_and_retrying_saves(qtbot, database, monkeypatch):
    """A lock held by another program (the same for a lost server or a lock timeout): the clerk
    is told, offered 重试, and the operation runs again from the start."""
    asked: list[str] = []
    _answer_retry(monkeypatch, asked)
    attempts = []

    def save(s, _progress):
        attempts.append(1)
        add_issuer(s)
        if len(attempts) == 1:
            raise DBAPIError("COMMIT", {}, sqlite3.OperationalError("database is locked"))

    runner = OperationRunner(database)
    changed = []
    runner.data_changed.connect(changed.append)
    runner.run(save, write=True, changes={"issuers"})
    qtbot.waitUntil(lambda: len(attempts) == 2 and not runner.busy())

    assert asked == [failures.BUSY]
    assert changed == [{"issuers"}]
    with database.reading() as s:  # the first attempt rolled back, the second saved once
        assert s.scalar(text("SELECT count(*) FROM issuer")) == 1


def test_closing_the_retry_offer_saves_nothing(qtbot, database, monkeypatch):
    asked: list[str] = []
    _answer_retry(monkeypatch, asked, click="关闭")

    def save(s, _progress):
        add_issuer(s)
        raise DBAPIError("COMMIT", {}, sqlite3.OperationalError("database is locked"))

    runner = OperationRunner(database)
    runner.run(save, write=True)
    assert runner.wait()
    assert asked == [failures.BUSY]
    with database.reading() as s:
        assert s.scalar(text("SELECT count(*) FROM issuer")) == 0


def test_only_failures_that_pass_are_offered_again():
    locked = DBAPIError("x", {}, sqlite3.OperationalError("database is locked"))
    full = DBAPIError("x", {}, sqlite3.OperationalError("database or disk is full"))
    assert failures.may_retry(locked)
    assert not failures.may_retry(full) and not failures.may_retry(RuntimeError("bug"))


@on_pg
def test_a_lost_server_connection_is_offered_again_and_the_retry_saves(
    qtbot, db_url, admin, monkeypatch
):
    asked: list[str] = []
    _answer_retry(monkeypatch, asked)
    database = open_database(db_url)
    attempts = []

    def save_while_the_server_drops_us_once(s, _progress):
        attempts.append(1)
        add_issuer(s)
        if len(attempts) == 1:
            pid = s.scalar(text("SELECT pg_backend_pid()"))
            with admin.connect() as conn:
                conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        register(s)

    runner = OperationRunner(database)
    runner.run(save_while_the_server_drops_us_once, write=True)
    qtbot.waitUntil(lambda: len(attempts) == 2 and not runner.busy(), timeout=20000)
    assert asked == [failures.LOST]
    with database.reading() as s:
        assert s.scalar(text("SELECT count(*) FROM issuer")) == 1
        assert s.scalar(text("SELECT count(*) FROM document")) == 1
    database.close()
