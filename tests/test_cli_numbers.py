"""`doc add` and `number gaps` with registration numbers given by hand in any issuer's pattern."""

import json

import pytest

from tests.test_cli import normdesk

TEMPLATE = "{code}GS-{year}-{seq:03d}"


def add_issuer(db, code, name, abbr):
    result = normdesk("--db", db, "issuer", "add", "--code", code, "--name", name, "--abbr", abbr,
                      "--template", TEMPLATE)  # fmt: skip
    assert result.returncode == 0, result.stderr


@pytest.fixture
def db(db_url):
    add_issuer(db_url, "MZ", "河清市民政局", "河民发")
    return db_url


def add_doc(db, issuer, title, *extra):
    return normdesk("--db", db, "doc", "add", "--issuer", issuer, "--title", title,
                    "--published", "2026-03-03", *extra, "--json")  # fmt: skip


def reg_number(result) -> str:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["reg_number"]


def test_a_number_in_another_issuers_pattern_never_blocks_its_allocations(db):
    add_issuer(db, "CZ", "河清市财政局", "河财发")
    asked = add_doc(db, "MZ", "民政文件", "--reg-number", "CZGS-2026-002")
    assert asked.returncode == 1
    assert "跳过了 1 个编号（CZGS-2026-001）" in asked.stderr and "--allow-gap" in asked.stderr
    assert reg_number(add_doc(db, "MZ", "民政文件", "--reg-number", "CZGS-2026-002",
                              "--allow-gap")) == "CZGS-2026-002"  # fmt: skip
    assert [reg_number(add_doc(db, "CZ", f"财政文件{i}")) for i in range(2)] == [
        "CZGS-2026-003",
        "CZGS-2026-004",
    ]
    gaps = json.loads(normdesk("--db", db, "number", "gaps", "--issuer", "CZ", "--json").stdout)
    assert [(g["number"], g["kind"]) for g in gaps] == [("CZGS-2026-001", "skipped")]
    printed = normdesk("--db", db, "number", "gaps", "--year", "2026")
    assert printed.stdout.startswith("CZGS-2026-001\t跳号\t")


def test_an_issuer_added_after_its_number_was_given_by_hand_allocates_past_it(db):
    assert reg_number(add_doc(db, "MZ", "民政文件", "--reg-number", "CZGS-2026-001")) == (
        "CZGS-2026-001"
    )
    add_issuer(db, "CZ", "河清市财政局", "河财发")
    numbers = [add_doc(db, "CZ", f"财政文件{i}") for i in range(2)]
    assert [r.returncode for r in numbers] == [0, 0], numbers[0].stderr
    assert [reg_number(r) for r in numbers] == ["CZGS-2026-002", "CZGS-2026-003"]
    printed = normdesk("--db", db, "number", "gaps", "--issuer", "CZ")
    assert (printed.returncode, printed.stdout) == (0, "没有空号。\n")
