import json

import pytest

from tests.test_cli import normdesk


@pytest.fixture
def db(db_url):
    path = db_url
    result = normdesk("--db", path, "issuer", "add", "--code", "MZ", "--name", "河清市民政局", "--abbr", "河民发",
                      "--template", "{code}GS-{year}-{seq:03d}")  # fmt: skip
    assert result.returncode == 0, result.stderr
    return path


def add_doc(db, title, published="2026-03-03", *extra):
    return normdesk(
        "--db",
        db,
        "doc",
        "add",
        "--issuer",
        "MZ",
        "--title",
        title,
        "--published",
        published,
        *extra,
        "--json",
    )


def test_doc_add_prints_contract_fields_and_allocates_number(db):
    result = add_doc(
        db, "河清市城乡居民最低生活保障管理办法", "2026-03-03", "--doc-number", "河民发[2026]7号"
    )
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    for key in (
        "id",
        "issuer",
        "title",
        "doc_number",
        "reg_number",
        "published",
        "valid_until",
        "status",
        "filing_due",
    ):
        assert key in doc
    assert doc["reg_number"] == "MZGS-2026-001"
    assert doc["doc_number"] == "河民发〔2026〕7号"
    assert doc["valid_until"] == "2031-03-02"
    assert doc["status"] == "in_force"


def test_doc_show_and_list_and_search(db):
    first = json.loads(add_doc(db, "河清市城乡居民最低生活保障管理办法").stdout)
    add_doc(db, "河清市临时救助暂行办法", "2025-06-01")
    shown = json.loads(normdesk("--db", db, "doc", "show", str(first["id"]), "--json").stdout)
    assert shown["title"] == "河清市城乡居民最低生活保障管理办法"
    listed = json.loads(
        normdesk("--db", db, "doc", "list", "--status", "有效", "--year", "2025", "--json").stdout
    )
    assert [d["title"] for d in listed] == ["河清市临时救助暂行办法"]
    found = json.loads(normdesk("--db", db, "search", "最低生活", "--json").stdout)
    assert [d["id"] for d in found] == [first["id"]]
    short = json.loads(normdesk("--db", db, "search", "救助", "--json").stdout)
    assert [d["title"] for d in short] == ["河清市临时救助暂行办法"]


def test_number_void_and_gaps(db):
    doc = json.loads(add_doc(db, "文件甲").stdout)
    assert (
        normdesk("--db", db, "number", "void", doc["reg_number"], "--reason", "重复登记").returncode
        == 0
    )
    gaps = json.loads(normdesk("--db", db, "number", "gaps", "--json").stdout)
    assert [(g["number"], g["reason"]) for g in gaps] == [("MZGS-2026-001", "重复登记")]
    again = json.loads(add_doc(db, "文件乙").stdout)
    assert again["reg_number"] == "MZGS-2026-002"
    assigned = normdesk("--db", db, "number", "assign", str(doc["id"]))
    assert assigned.returncode == 0 and "MZGS-2026-003" in assigned.stdout


@pytest.mark.parametrize(
    "args, message",
    [
        (["doc", "add", "--issuer", "MZ", "--title", "x", "--published", "2026-13-01"], "公布日期"),
        (["doc", "add", "--issuer", "ZZ", "--title", "x", "--published", "2026-01-01"], "制定机关"),
        (
            [
                "doc",
                "add",
                "--issuer",
                "MZ",
                "--title",
                "x",
                "--published",
                "2026-01-01",
                "--doc-number",
                "乱写",
            ],
            "发文字号",
        ),
        (["doc", "show", "999"], "不存在"),
        (["doc", "list", "--status", "不存在的状态"], "状态"),
        (["number", "void", "NOPE-1", "--reason", "x"], "不存在"),
        (["search", "  "], "检索词"),
    ],
)
def test_user_errors_exit_1_with_chinese_message(db, args, message):
    result = normdesk("--db", db, *args)
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_demo_fills_database(db):
    result = normdesk("--db", db, "demo", "--docs", "150", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["documents"] == 150
    listed = json.loads(normdesk("--db", db, "doc", "list", "--json").stdout)
    assert len(listed) == 150


def test_demo_refuses_a_database_with_real_documents(db):
    added = add_doc(db, "正式文件", "2026-01-05")
    assert added.returncode == 0, added.stderr
    result = normdesk("--db", db, "demo", "--docs", "20")
    assert result.returncode == 1
    assert "不能在其中生成演示数据" in result.stderr
    listed = json.loads(normdesk("--db", db, "doc", "list", "--json").stdout)
    assert [d["title"] for d in listed] == ["正式文件"]


def test_doc_add_with_a_number_skipping_serials_needs_allow_gap_and_lists_the_gap(db):
    for title in ("文件一", "文件二", "文件三"):
        assert add_doc(db, title).returncode == 0
    refused = add_doc(db, "文件十", "2026-03-03", "--reg-number", "MZGS-2026-010")
    assert refused.returncode == 1
    assert "跳过了 6 个编号（MZGS-2026-004 至 MZGS-2026-009）" in refused.stderr
    assert "--allow-gap" in refused.stderr and "Traceback" not in refused.stderr
    added = add_doc(db, "文件十", "2026-03-03", "--reg-number", "MZGS-2026-010", "--allow-gap")
    assert added.returncode == 0, added.stderr
    gaps = json.loads(normdesk("--db", db, "number", "gaps", "--json").stdout)
    assert [(g["number"], g["kind"]) for g in gaps] == [
        (f"MZGS-2026-{n:03d}", "skipped") for n in range(9, 3, -1)
    ]  # newest first
    assert gaps[0]["reason"] == "跳号（手动登记 MZGS-2026-010 时跳过）"


def test_doc_add_with_a_look_alike_number_or_a_control_character_exits_1(db):
    assert add_doc(db, "文件一").returncode == 0
    look_alike = add_doc(db, "文件二", "2026-03-03", "--reg-number", "ＭＺＧＳ－２０２６－００１")
    assert look_alike.returncode == 1 and "已被使用" in look_alike.stderr
    control = add_doc(db, "文件\x1b二")
    assert control.returncode == 1
    assert "文件名称：第 3 个字符是不可见的控制字符（U+001B）" in control.stderr
