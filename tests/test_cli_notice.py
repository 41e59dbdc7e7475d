"""`normdesk calendar load-notice FILE.txt [--dry-run] [--json]`, through real processes."""

import json
from pathlib import Path

import pytest

from tests.test_cli import normdesk

DATA = Path(__file__).parent / "data"
EXAMPLE_2027 = str(DATA / "notice_2027_example.txt")


def is_workday(db: str, day: str) -> str:
    return normdesk("--db", db, "calendar", "is-workday", day).stdout.strip()


def test_dry_run_lists_the_changes_and_saves_nothing(db_url):
    result = normdesk("--db", db_url, "calendar", "load-notice", EXAMPLE_2027, "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "与暂定安排不同的日期（22 天）：" in result.stdout
    assert "  * 2027-02-09 周二\t工作日 → 节假日" in result.stdout
    assert result.stdout.rstrip().endswith("试运行：未保存。")
    assert is_workday(db_url, "2027-02-09") == "true"


def test_loading_a_notice_saves_the_year_and_answers_from_it(db_url):
    result = normdesk("--db", db_url, "calendar", "load-notice", EXAMPLE_2027, "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["saved"] is True and payload["year"] == 2027 and payload["provisional"] is True
    assert payload["makeup_workdays"][0] == "2027-01-31"
    assert {"day": "2027-01-31", "before": "rest", "before_label": "休息日", "after": "makeup",
            "after_label": "调休上班", "workday_changed": True} in payload["changes"]  # fmt: skip
    assert payload["festivals"][1] == {
        "name": "春节",
        "line": 7,
        "days_off": [f"2027-02-{d:02d}" for d in range(5, 14)],
        "makeup_workdays": ["2027-01-31", "2027-02-20"],
    }
    after = normdesk("--db", db_url, "calendar", "workdays", "2027-09-30", "1")
    assert after.stdout.strip() == "2027-10-08"
    assert "2027" not in after.stderr  # no longer provisional
    again = normdesk("--db", db_url, "calendar", "load-notice", EXAMPLE_2027, "--json")
    assert json.loads(again.stdout)["changes"] == []


def _gbk(path: Path) -> None:
    path.write_bytes((DATA / "notice_2026.txt").read_text(encoding="utf-8").encode("gb18030"))


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "不存在或不是文件"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10, "不是文本文件"),
        (b"\xff\xfe\xfd\x81\x30" * 10, "文字编码无法识别"),
        (b"a" * 70_000, "超过 64 KB"),
        ("国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：1月1日（周五）至3日放假，共4天。\n",
         "放假通知第 2 行无法识别：“一、元旦：1月1日（周五）至3日放假，共4天。”。写明共 4 天"),
        ("一、元旦：1月1日放假。", "没有找到标题"),
    ],
)  # fmt: skip
def test_a_bad_file_exits_1_in_chinese_and_saves_nothing(db_url, tmp_path, content, message):
    path = tmp_path / "通知.txt"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    result = normdesk("--db", db_url, "calendar", "load-notice", str(path), "--json")
    assert result.returncode == 1
    assert result.stderr.startswith("错误：") and message in result.stderr
    assert result.stdout == "" and "Traceback" not in result.stderr
    assert is_workday(db_url, "2027-01-04") == "true"


def test_a_gb18030_file_loads(db_url, tmp_path):
    path = tmp_path / "2026.txt"
    _gbk(path)
    result = normdesk("--db", db_url, "calendar", "load-notice", str(path))
    assert result.returncode == 0, result.stderr
    assert "与现行安排相同。" in result.stdout and "已保存。" in result.stdout


def test_loading_the_notice_moves_a_provisional_filing_due_to_the_official_one(db_url):
    today = {"NORMDESK_TODAY": "2027-01-26"}
    normdesk("--db", db_url, "issuer", "add", "--code", "MZ", "--name", "河清市民政局",
             "--abbr", "河民发", env=today)  # fmt: skip
    added = normdesk("--db", db_url, "doc", "add", "--issuer", "MZ", "--title", "河清市测试办法",
                     "--published", "2027-01-25", "--json", env=today)  # fmt: skip
    doc = json.loads(added.stdout)
    # 15 days end on Tuesday 9 February: a working day by the law alone
    assert (doc["filing_due"], doc["filing_due_provisional"]) == ("2027-02-09", True)
    loaded = normdesk("--db", db_url, "calendar", "load-notice", EXAMPLE_2027, env=today)
    assert loaded.returncode == 0, loaded.stderr
    shown = json.loads(normdesk("--db", db_url, "doc", "show", str(doc["id"]), "--json").stdout)
    # the notice makes 9-13 February the Spring Festival break: the next working day is Monday
    assert (shown["filing_due"], shown["filing_due_provisional"]) == ("2027-02-15", False)
