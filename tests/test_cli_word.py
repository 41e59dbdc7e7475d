"""`print KIND -o FILE.docx`: letters come as editable Word documents from the command line too;
other kinds are refused in Chinese (exit 1)."""

import json
from datetime import date

from docx import Document as WordDocument

from app import clock
from app.cli import run
from app.services import filing, settings
from app.services.permissions import SYSTEM
from tests.factories import register


def filed(database) -> int:
    clock.fix_today(date(2026, 11, 27))
    with database.transaction() as s:
        settings.put(s, SYSTEM, "filing.department.recipient", "河清市人民政府")
        doc = register(s, published=date(2026, 3, 3))
        return filing.record_filed(
            s, SYSTEM, doc.id, "河清市人民政府", date(2026, 3, 10), list(filing.PACKAGE)
        ).id


def test_the_filing_report_prints_as_a_word_document(office, db_url, tmp_path, capsys):
    filing_id = filed(office)
    target = tmp_path / "报告.docx"
    args = ["--db", db_url, "print", "filing-report", "--filing", str(filing_id)]
    assert run([*args, "-o", str(target), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"file": str(target), "format": "docx"}
    text = "".join(p.text for p in WordDocument(str(target)).paragraphs).replace("\n", "")
    assert "关于报送《河清市城乡居民最低生活保障管理办法》备案的报告" in text


def test_a_kind_without_a_word_copy_is_refused(office, db_url, tmp_path, capsys):
    target = tmp_path / "登记簿.docx"
    assert run(["--db", db_url, "print", "register", "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert "“register”没有 Word 版本，只能输出为 .pdf" in err and "Traceback" not in err
    assert not target.exists()


def test_a_letter_to_a_placeholder_is_refused_from_the_command_line(
    office, db_url, tmp_path, capsys
):
    with office.transaction() as s:
        doc = register(s, published=date(2026, 3, 3))
        f = filing.record_filed(
            s, SYSTEM, doc.id, "本级人民政府", date(2026, 3, 10), list(filing.PACKAGE)
        )
    target = tmp_path / "报告.docx"
    args = ["--db", db_url, "print", "filing-report", "--filing", str(f.id), "-o", str(target)]
    assert run(args) == 1
    assert "请在 设置 → 规则 中填写其全称" in capsys.readouterr().err
    assert not target.exists()
