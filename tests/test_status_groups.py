"""The register's status groups (现行有效, 起草中, 已失效…) mean the same in the window's filter, in
`doc list --status` and in the printed and exported register, on the day they are read."""

import json

from openpyxl import load_workbook
from pypdf import PdfReader

from app.services import lifecycle
from tests.test_cli import normdesk

DAY = {"NORMDESK_TODAY": "2026-12-31"}


def cli(db, *args):
    result = normdesk("--db", db, *args, env=DAY)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_groups_filter_the_register_on_every_path(db_url, tmp_path):
    cli(db_url, "issuer", "add", "--code", "MZ", "--name", "河清市民政局", "--abbr", "河民发")
    ahead = json.loads(cli(db_url, "doc", "add", "--issuer", "MZ", "--title", "明年施行的办法", "--published",
                           "2026-12-01", "--effective", "2027-01-01", "--json"))  # fmt: skip
    now = json.loads(cli(db_url, "doc", "add", "--issuer", "MZ", "--title", "今年施行的办法", "--published",
                         "2026-03-01", "--json"))  # fmt: skip
    cli(db_url, "doc", "add", "--issuer", "MZ", "--title", "今天届满后失效的办法", "--published",
        "2021-12-31", "--valid-until", "2026-12-30")  # fmt: skip
    listed = json.loads(cli(db_url, "doc", "list", "--status", "现行有效", "--json"))
    assert {d["id"] for d in listed} == {ahead["id"], now["id"]}
    assert {d["status"] for d in listed} == {"published", "in_force"}
    retired = json.loads(
        cli(db_url, "doc", "list", "--status", "已失效（修改/废止/失效）", "--json")
    )
    assert [d["title"] for d in retired] == ["今天届满后失效的办法"]
    cli(db_url, "print", "register", "--status", "现行有效", "-o", str(tmp_path / "r.pdf"))
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "r.pdf").pages)
    assert "状态：现行有效" in text and "明年施行的办法" in text and "今天届满后失效" not in text
    cli(db_url, "export", str(tmp_path / "r.xlsx"), "--status", "现行有效")
    rows = list(load_workbook(tmp_path / "r.xlsx").active.values)
    titles = {cell for row in rows for cell in row if isinstance(cell, str)}
    assert {"明年施行的办法", "今天届满后失效的办法"} & titles == {"明年施行的办法"}


def test_a_filter_value_names_a_group_a_label_or_a_code():
    assert lifecycle.status_codes("现行有效") == lifecycle.IN_FORCE
    assert lifecycle.status_codes("废止") == lifecycle.status_codes("repealed") == ("repealed",)
    assert lifecycle.status_codes("已废") is None
