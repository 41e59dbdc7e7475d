import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def normdesk(*args: str, env: dict | None = None, stdin: str = "") -> subprocess.CompletedProcess:
    """`python -m app ARGS`; `stdin` is its standard input (a pipe, never the terminal: the
    passwords of `--user` and `user add` are read from it one line each)."""
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, **(env or {})},
        input=stdin,
        timeout=120,
    )


def test_init_creates_database_and_reports_json(tmp_path: Path):
    db = tmp_path / "x.db"
    result = normdesk("--db", str(db), "init", "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["database"] == str(db)
    assert db.exists()


def test_init_uses_normdesk_db_environment_variable(tmp_path: Path):
    db = tmp_path / "env.db"
    result = normdesk("init", env={"NORMDESK_DB": str(db)})
    assert result.returncode == 0, result.stderr
    assert "数据库已就绪" in result.stdout
    assert db.exists()


@pytest.mark.parametrize(
    "args, message",
    [
        (["frobnicate"], "参数错误"),
        (["init", "--bogus"], "无法识别的参数"),
    ],
)
def test_usage_errors_exit_1_in_chinese_without_traceback(args, message):
    result = normdesk(*args)
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_not_a_database_exits_1_with_message(tmp_path: Path):
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"garbage" * 1000)
    result = normdesk("--db", str(bogus), "init")
    assert result.returncode == 1
    assert result.stderr.startswith("错误：")
    assert "Traceback" not in result.stderr


def test_newer_schema_exits_1(tmp_path: Path):
    import sqlite3

    db = tmp_path / "new.db"
    assert normdesk("--db", str(db), "init").returncode == 0
    with sqlite3.connect(db) as con:
        con.execute("UPDATE alembic_version SET version_num='zzzz'")
    result = normdesk("--db", str(db), "init")
    assert result.returncode == 1
    assert "更新版本" in result.stderr


@pytest.mark.parametrize(
    "argv, db",
    [([], None), (["--db", "a.db"], "a.db"), (["--db=b.db"], "b.db"), (["--help"], ...),
     (["--db", "a.db", "doc", "list"], ...), (["init"], ...)],
)  # fmt: skip
def test_only_a_bare_start_goes_to_the_gui_without_the_full_parser(argv, db):
    from app.cli import _gui_start

    found = _gui_start(argv)
    assert (found is None) if db is ... else (found.db == db)
