"""A damaged database file is never written into: a mutating command, or a schema upgrade at
open, runs SQLite's quick check first."""

import hashlib
import sqlite3
from pathlib import Path

import pytest

from app.db import open_database
from app.services.demo import make_demo
from tests.test_cli import normdesk
from tests.test_db import at_revision

pytestmark = pytest.mark.sqlite_only  # damages the SQLite file itself


def _damage_a_middle_page(path: Path, table: str, start: int) -> None:
    """Overwrite one leaf page in the middle of `table` from byte `start` on: the file header and
    the schema stay readable, and a new row (appended on the right-most page) still goes in
    without an error if nothing checks first."""
    with sqlite3.connect(path) as con:
        pages = [
            r[0]
            for r in con.execute(
                "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno",
                (table,),
            )
        ]
        page_size = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    assert len(pages) > 4
    with path.open("r+b") as f:
        f.seek((pages[len(pages) // 2] - 1) * page_size + start)
        f.write(b"\xa5" * (page_size - start))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("start", [0, 2048], ids=["whole-page", "cells-only"])
def test_doc_add_on_a_damaged_file_is_refused_and_leaves_it_byte_identical(db_path, db_url, start):
    database = open_database(db_url)
    with database.transaction() as s:
        make_demo(s, 300)
    database.close()
    _damage_a_middle_page(db_path, "document", start)
    before = _digest(db_path)
    result = normdesk(
        "--db", str(db_path), "doc", "add", "--issuer", "MZ", "--title", "损坏后登记的文件",
        "--published", "2026-01-05",
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert "数据库文件已损坏，本命令未写入任何内容" in result.stderr
    assert "Traceback" not in result.stderr
    assert _digest(db_path) == before
    assert not Path(f"{db_path}-wal").exists() or Path(f"{db_path}-wal").stat().st_size == 0


AUDIT_ROWS = (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 600) "
    "INSERT INTO audit_log (at, actor, action, object_type, object_id, summary, prev_hash, hash) "
    "SELECT '2026-01-05 09:00:00', '系统', 'update', 'document', i, printf('%.400c', 'x'), "
    "printf('%064d', i - 1), printf('%064d', i) FROM n"
)


def test_an_older_damaged_file_is_not_upgraded_even_by_a_reading_command(db_path, empty_db_url):
    at_revision(empty_db_url, "0009", AUDIT_ROWS)
    _damage_a_middle_page(db_path, "audit_log", 2048)
    before = _digest(db_path)
    result = normdesk("--db", str(db_path), "doc", "list")
    assert result.returncode == 1, result.stderr
    assert "数据库文件已损坏，未升级也未作任何修改" in result.stderr
    assert "Traceback" not in result.stderr
    assert _digest(db_path) == before
    assert not list(db_path.parent.glob("backups/*"))
