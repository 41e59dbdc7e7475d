"""bench/pg_bench.py's parts that do not measure: the duplicate-number count and a simulated
clerk's actions, on the test database (SQLite, or PostgreSQL with NORMDESK_TEST_PG)."""

import random
import sys
from pathlib import Path

import pytest
from sqlalchemy import select, text

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

import figure  # noqa: E402  (bench/figure.py, as pg_bench.py imports it)
import pg_bench  # noqa: E402

from app.models import Document  # noqa: E402
from app.services.permissions import Actor, Role  # noqa: E402


def counted(database) -> dict[str, int]:
    with database.reading() as s:
        return pg_bench.duplicates(s.connection())


@pytest.mark.tampered
def test_duplicates_finds_a_doc_number_given_to_two_issuers(demo):
    assert set(counted(demo).values()) == {0}
    with demo.reading() as s:
        first = s.execute(
            select(Document.id, Document.issuer_id, Document.doc_number)
            .where(Document.doc_number.is_not(None))
            .order_by(Document.id)
        ).first()
        other = s.scalar(
            select(Document.id)
            .where(Document.doc_number.is_not(None), Document.issuer_id != first.issuer_id)
            .order_by(Document.id)
        )
    with demo.transaction() as s:  # around the program: no service lets this happen
        s.execute(
            text("UPDATE document SET doc_number = :n WHERE id = :id"),
            {"n": first.doc_number, "id": other},
        )
    found = counted(demo)
    assert found.pop("document.doc_number") == 1
    assert set(found.values()) == {0}


def test_a_clerk_registers_edits_searches_opens_and_lists_deadlines(demo):
    clerk = pg_bench.Clerk(demo, Actor("系统", Role.ADMIN), 3, random.Random(1))
    clerk.warm_up()  # one of each action, then a fresh log
    assert clerk.log.samples == {} and clerk.log.errors == []
    for action in ("register", "edit", "search", "open", "deadlines", "register"):
        clerk.act(action)
    assert clerk.log.errors == []
    assert sorted(clerk.log.samples) == sorted(pg_bench.MIX)
    assert len(clerk.log.samples["register"]) == 2
    mine = clerk.mine[-2:]
    with demo.reading() as s:
        saved = s.scalars(select(Document).where(Document.id.in_(mine))).all()
        assert sorted(d.reg_number for d in saved) == sorted(clerk.log.registered)
        assert {d.doc_number.split("〕")[1] for d in saved} == {"12002号", "12003号"}
    assert set(counted(demo).values()) == {0}


def test_a_machine_without_server_binaries_prints_skipped_lines(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(pg_bench, "server_binaries", lambda: None)
    monkeypatch.setattr(
        pg_bench,
        "save",
        lambda section, header: figure.save(section, header, tmp_path / "last.json"),
    )
    monkeypatch.setattr(sys, "argv", ["pg_bench.py"])
    figure._figures.clear()
    pg_bench.main()
    lines = [line for line in capsys.readouterr().out.splitlines() if not line.startswith("#")]
    assert lines == [f"{name} skipped {unit} {target}" for name, unit, target in pg_bench.FIGURES]
    assert all(f["met"] is None and f["skipped"] for f in figure._figures)
