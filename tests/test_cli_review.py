import json

from tests.test_cli import normdesk


def test_calendar_commands(tmp_path, db_url):
    db = db_url
    assert normdesk("--db", db, "calendar", "is-workday", "2024-02-04").stdout.strip() == "true"
    assert normdesk("--db", db, "calendar", "is-workday", "2024-10-07").stdout.strip() == "false"
    assert (
        normdesk("--db", db, "calendar", "workdays", "2024-02-08", "2").stdout.strip()
        == "2024-02-18"
    )
    unknown = normdesk("--db", db, "calendar", "workdays", "2027-02-08", "2")
    assert unknown.stdout.strip() == "2027-02-10"
    assert "2027 年国务院办公厅放假通知尚未录入" in unknown.stderr and "暂定" in unknown.stderr
    bad = normdesk("--db", db, "calendar", "workdays", "2024-02-08", "-1")
    assert bad.returncode == 1 and "不能为负数" in bad.stderr


def test_review_list_json(tmp_path, db_url):
    db = db_url
    result = normdesk("--db", db, "review", "list", "--json")
    assert result.returncode == 0 and json.loads(result.stdout) == []


def test_deadlines_and_filing_list(tmp_path, db_url):
    db = db_url
    normdesk(
        "--db", db, "issuer", "add", "--code", "MZ", "--name", "河清市民政局", "--abbr", "河民发"
    )
    doc = json.loads(normdesk("--db", db, "doc", "add", "--issuer", "MZ", "--title", "国庆前公布的文件",
                              "--published", "2024-09-20", "--json").stdout)  # fmt: skip
    assert doc["filing_due"] == "2024-10-08"
    deadlines = json.loads(normdesk("--db", db, "deadlines", "--json").stdout)
    filing = [d for d in deadlines if d["kind"] == "filing"]
    assert filing == [dict(filing[0], object_id=doc["id"], due="2024-10-08", state="overdue")]
    listed = json.loads(normdesk("--db", db, "filing", "list", "--open", "--json").stdout)
    assert [(r["document_id"], r["recipient"], r["overdue"]) for r in listed] == [
        (doc["id"], "本级人民政府", True)
    ]


def test_cleanup_list_json(tmp_path, db_url):
    db = db_url
    result = normdesk("--db", db, "cleanup", "list", "--json")
    assert result.returncode == 0 and json.loads(result.stdout) == []
