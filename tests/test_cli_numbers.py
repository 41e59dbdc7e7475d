"""`doc add` and `number gaps` with registration numbers given by hand in any issuer's pattern."""

import json

import pytest

from app.db import open_database
from app.services import settings
from app.services.permissions import SYSTEM
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


def test_doc_add_with_another_abbreviation_needs_allow_abbr(db):
    refused = add_doc(db, "MZ", "民政文件", "--doc-number", "河财发〔2026〕7号")
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "机关代字“河财发”与制定机关“河清市民政局”的发文机关代字“河民发”不一致" in refused.stderr
    assert "--allow-abbr" in refused.stderr
    added = add_doc(db, "MZ", "民政文件", "--doc-number", "河财发〔2026〕7号", "--allow-abbr")
    assert added.returncode == 0, added.stderr
    assert json.loads(added.stdout)["doc_number"] == "河财发〔2026〕7号"


def test_doc_add_with_a_doc_number_of_another_issuer_exits_1(db):
    add_issuer(db, "CZ", "河清市财政局", "河财发")
    assert add_doc(db, "MZ", "民政文件", "--doc-number", "河民发〔2026〕7号").returncode == 0
    refused = add_doc(db, "CZ", "财政文件", "--doc-number", "河民发[2026]7号", "--allow-abbr")
    assert refused.returncode == 1
    assert refused.stderr == (
        "错误：发文字号“河民发〔2026〕7号”已被制定机关“河清市民政局”的文件《民政文件》使用，"
        "不同机关的文件不能使用同一个发文字号。\n"
    )
    listed = json.loads(normdesk("--db", db, "doc", "list", "--json").stdout)
    assert [d["title"] for d in listed] == ["民政文件"]


def test_serials_run_on_across_years_on_the_command_line_once_the_office_says_so(db_url):
    refused = normdesk("--db", db_url, "issuer", "add", "--code", "MZ", "--name", "河清市民政局",
                       "--abbr", "河民发", "--template", "{code}GS-{seq:04d}")  # fmt: skip
    assert refused.returncode == 1 and "必须包含年份字段" in refused.stderr
    database = open_database(db_url)
    try:
        with database.transaction() as s:
            settings.put(s, SYSTEM, "numbering.yearly_reset", False)
    finally:
        database.close()
    added = normdesk("--db", db_url, "issuer", "add", "--code", "MZ", "--name", "河清市民政局",
                     "--abbr", "河民发", "--template", TEMPLATE)  # fmt: skip
    assert added.returncode == 0, added.stderr
    numbers = [
        reg_number(normdesk("--db", db_url, "doc", "add", "--issuer", "MZ", "--title", f"文件{day}",
                            "--published", day, "--json"))
        for day in ("2025-12-30", "2026-01-04")
    ]  # fmt: skip
    assert numbers == ["MZGS-2025-001", "MZGS-2026-002"]
    no_year = normdesk("--db", db_url, "issuer", "add", "--code", "CZ", "--name", "河清市财政局",
                       "--abbr", "河财发", "--template", "{code}GS-{seq:04d}")  # fmt: skip
    assert no_year.returncode == 0, no_year.stderr
