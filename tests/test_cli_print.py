import json

from openpyxl import load_workbook
from pypdf import PdfReader

from tests.test_cli import normdesk


def test_print_and_export_from_the_command_line(tmp_path, db_url):
    db = db_url
    assert normdesk("--db", db, "demo", "--docs", "120").returncode == 0
    pdf = tmp_path / "register.pdf"
    result = normdesk("--db", db, "print", "register", "-o", str(pdf), "--json")
    assert result.returncode == 0, result.stderr
    pages = json.loads(result.stdout)["pages"]
    assert len(PdfReader(pdf).pages) == pages > 1

    card = tmp_path / "card.pdf"
    assert normdesk("--db", db, "print", "card", "--doc", "1", "-o", str(card)).returncode == 0
    assert "规范性文件登记表" in PdfReader(card).pages[0].extract_text()

    xlsx = tmp_path / "current.xlsx"
    result = normdesk("--db", db, "export", str(xlsx), "--kind", "current", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)["rows"]
    assert load_workbook(xlsx).active.max_row == rows + 2


def test_print_user_errors(tmp_path, db_url):
    db = db_url
    assert normdesk("--db", db, "init").returncode == 0
    cases = [
        (["print", "annual", "-o", str(tmp_path / "a.pdf")], "必须指定年份"),
        (["print", "card", "-o", str(tmp_path / "c.pdf")], "--doc"),
        (["print", "register", "-o", str(tmp_path / "r.txt")], ".pdf"),
        (["print", "register", "-o", str(tmp_path / "nope" / "r.pdf")], "不存在"),
        (["export", str(tmp_path / "x.xlsx"), "--issuer", "NOPE"], "制定机关"),
    ]
    for args, message in cases:
        result = normdesk("--db", db, *args)
        assert result.returncode == 1, args
        assert message in result.stderr and "Traceback" not in result.stderr


def test_import_dry_run_then_import_with_report(tmp_path, db_url):
    from tests.ledgers import messy_ledger

    db = db_url
    ledger = str(messy_ledger(tmp_path / "ledger.xlsx"))
    normdesk(
        "--db", db, "issuer", "add", "--code", "MZ", "--name", "河清市民政局", "--abbr", "河民发"
    )
    dry = json.loads(normdesk("--db", db, "import", ledger, "--dry-run", "--json").stdout)
    assert (dry["accepted"], dry["imported"]) == (4, 0)
    assert json.loads(normdesk("--db", db, "doc", "list", "--json").stdout) == []
    result = normdesk("--db", db, "import", ledger, "--report", str(tmp_path / "r.xlsx"))
    assert result.returncode == 0 and "已导入 4 行" in result.stdout
    assert load_workbook(tmp_path / "r.xlsx").active.cell(1, 11).value == "检查结果"
    assert len(json.loads(normdesk("--db", db, "doc", "list", "--json").stdout)) == 4
    bad = normdesk("--db", db, "import", str(tmp_path / "missing.xlsx"))
    assert bad.returncode == 1 and "找不到" in bad.stderr
