"""NORMDESK_TODAY pins "today" for the whole program, CLI and GUI alike."""

import json
from datetime import date, datetime

import pytest

from app import clock
from app.errors import UserError
from tests.test_cli import normdesk


def test_normdesk_today_pins_today_and_leaves_the_time_of_day_real(monkeypatch):
    monkeypatch.setenv("NORMDESK_TODAY", "2027-01-04")
    assert clock.today() == date(2027, 1, 4)
    assert clock.pinned() == date(2027, 1, 4)
    assert abs((clock.now() - datetime.now()).total_seconds()) < 5
    monkeypatch.delenv("NORMDESK_TODAY")
    assert clock.today() == date.today() and clock.pinned() is None


@pytest.mark.parametrize("value", ["2027-13-01", "tomorrow", "1899-12-31", "2027/01/04"])
def test_a_malformed_normdesk_today_is_a_user_error_naming_it(monkeypatch, value):
    monkeypatch.setenv("NORMDESK_TODAY", value)
    with pytest.raises(UserError, match="NORMDESK_TODAY"):
        clock.today()


@pytest.mark.sqlite_only  # the commands open the test's SQLite file
def test_cli_works_on_the_pinned_day_and_the_audit_notes_it(db_path):
    db = str(db_path)
    normdesk("--db", db, "issuer", "add", "--code", "MZ", "--name", "河清市民政局", "--abbr", "河民发",
             "--template", "{code}GS-{year}-{seq:03d}")  # fmt: skip
    added = normdesk(
        "--db", db, "doc", "add", "--issuer", "MZ", "--title", "河清市临时救助办法",
        "--published", "2024-01-05", "--valid-until", "2026-12-31", "--json",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    doc = json.loads(added.stdout)
    pinned = {"NORMDESK_TODAY": "2027-01-05"}
    shown = json.loads(
        normdesk("--db", db, "doc", "show", str(doc["id"]), "--json", env=pinned).stdout
    )
    assert (shown["status"], shown["ended_on"]) == ("expired", "2027-01-01")  # no init ran
    last_day = {"NORMDESK_TODAY": "2026-12-31"}
    listed = normdesk("--db", db, "doc", "list", "--status", "有效", "--json", env=last_day)
    assert [r["id"] for r in json.loads(listed.stdout)] == [doc["id"]]
    added = normdesk("--db", db, "issuer", "add", "--code", "CZ", "--name", "河清市财政局",
                     "--abbr", "河财发", env=pinned)  # fmt: skip
    assert added.returncode == 0, added.stderr
    import sqlite3

    with sqlite3.connect(db_path) as con:
        summary, at = con.execute(
            "SELECT summary, at FROM audit_log ORDER BY id DESC LIMIT 1"
        ).fetchone()
    con.close()
    assert "NORMDESK_TODAY 设定日期 2027-01-05" in summary
    assert at.startswith(date.today().isoformat())
    listed = normdesk("--db", db, "doc", "list", env=pinned)
    assert listed.returncode == 0 and "None" not in listed.stdout  # no 发文字号: an empty column
    bad = normdesk("--db", db, "doc", "list", env={"NORMDESK_TODAY": "2027-02-30"})
    assert bad.returncode == 1 and "NORMDESK_TODAY" in bad.stderr and "Traceback" not in bad.stderr
