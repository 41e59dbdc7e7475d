"""Hostile and odd ledgers: every one is a clear Chinese message (exit 1) or a row error, never a
traceback, never unbounded memory. The files come from tests/ledgers.py."""

import json
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from sqlalchemy import select

from app.cli import run
from app.errors import UserError
from app.models import Document
from app.services import importing
from app.services.ledger_workbook import MAX_ROWS
from app.services.permissions import SYSTEM
from tests import ledgers

ROOT = Path(__file__).resolve().parents[1]
PEAK_RSS_LIMIT_MB = 250


def documents(database) -> dict[str, Document]:
    with database.reading() as s:
        return {d.title: d for d in s.scalars(select(Document))}


@pytest.mark.parametrize(
    "build, name, words", ledgers.HOSTILE_FILES, ids=[n for _, n, _ in ledgers.HOSTILE_FILES]
)
def test_a_file_that_is_no_readable_workbook_is_named_and_refused(tmp_path, build, name, words):
    path = build(tmp_path / name)
    with pytest.raises(UserError) as refused:
        importing.read_sheet(path)
    assert words in refused.value.message and name in refused.value.message
    with pytest.raises(UserError, match=words):
        importing.sheet_names(path)  # what the wizard's first page asks


@pytest.mark.parametrize(
    "build, name, words", ledgers.HOSTILE_FILES, ids=[n for _, n, _ in ledgers.HOSTILE_FILES]
)
def test_cli_refuses_a_file_that_is_no_workbook_with_exit_1(
    office, db_url, tmp_path, capsys, build, name, words
):
    path = build(tmp_path / name)
    assert run(["--db", db_url, "import", str(path)]) == 1
    err = capsys.readouterr().err
    assert words in err and name in err and "Traceback" not in err
    assert documents(office) == {}


def test_each_odd_row_is_a_row_error_naming_its_column(office, tmp_path):
    sheet = importing.read_sheet(ledgers.odd_rows_ledger(tmp_path / "odd.xlsx"))
    with office.transaction() as s:
        report = importing.run_import(
            s, SYSTEM, sheet, importing.guess_mapping(sheet), default_issuer="MZ"
        )
    problems = {p.row: (p.column, p.message) for p in report.problems}
    assert problems == {
        3: ("文件名称", "单元格是错误值“#REF!”，请在 Excel 中改正"),
        4: ("公布日期", "单元格是日期格式，但数值 99999999999 超出了日期的范围"),
        5: ("公布日期", "单元格是逻辑值 TRUE，不是文字、日期或数字"),
        6: ("备注", "内容过长（10000 个字符，最多 2000 个）"),
        7: ("文件名称", "含有控制字符 U+0007，请在 Excel 中删除后再导入"),
        8: ("文件名称", "含有控制字符 U+000D，请在 Excel 中删除后再导入"),
        9: ("公布日期", "单元格是公式且没有计算结果，请在 Excel 中重新计算并保存"),
        10: ("文件名称", "单元格引用的文字不存在（文件可能已损坏）"),
        11: ("公布日期", "单元格是错误值“#DIV/0!”，请在 Excel 中改正"),
        12: ("备注", "单元格是逻辑值 FALSE，不是文字、日期或数字"),
    }
    assert report.imported == 2 and set(documents(office)) == {"正常的第一行", "正常的最后一行"}
    shown = next(p.value for p in report.problems if p.row == 7)
    assert shown == "标题含控制字符\u2407响铃"  # the bell as its picture, never raw on a terminal


def test_odd_rows_go_into_the_report_without_breaking_it(office, tmp_path):
    sheet = importing.read_sheet(ledgers.odd_rows_ledger(tmp_path / "odd.xlsx"))
    mapping = importing.guess_mapping(sheet)
    with office.reading() as s:
        report = importing.validate(s, sheet, mapping, default_issuer="MZ")
    importing.write_report(sheet, mapping, report, tmp_path / "检查结果.xlsx")
    ws = load_workbook(tmp_path / "检查结果.xlsx").active
    by_row = {r[0]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    assert by_row[7][1] == "标题含控制字符\u2407响铃" and "U+0007" in by_row[7][-1]
    assert by_row[3][1] == "#REF!" and ws.cell(3, 2).data_type == "s"  # text, not an error cell
    assert by_row[2][-1] == "通过"


def test_formula_text_is_imported_as_text_and_never_a_formula_in_the_report(office, tmp_path):
    sheet = importing.read_sheet(ledgers.formula_ledger(tmp_path / "formulas.xlsx"))
    mapping = importing.guess_mapping(sheet)
    with office.transaction() as s:
        report = importing.run_import(s, SYSTEM, sheet, mapping)
    titles = set(documents(office))
    assert titles == {
        "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)",
        '=HYPERLINK("http://evil.example/","点我")', "公式算出的标题",
    }  # fmt: skip
    assert report.imported == 6
    target = tmp_path / "检查结果.xlsx"
    importing.write_report(sheet, mapping, report, target)
    with zipfile.ZipFile(target) as zf:
        xml = zf.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml  # nothing Excel would evaluate
    ws = load_workbook(target).active
    header = [c.value for c in ws[1]]
    assert header[4:6] == [
        '=HYPERLINK("http://evil.example/","备注")',
        "@SUM(1+1)*cmd|' /C calc'!A0",
    ]
    assert all(
        c.data_type == "s" for row in ws.iter_rows() for c in row if isinstance(c.value, str)
    )
    assert ws.cell(2, 2).quotePrefix  # stays text even when the cell is edited in Excel


def import_in_subprocess(
    db_url: str, path: Path, *extra: str
) -> tuple[int, dict | str, float, float]:
    """`python -m app import` in a process of its own: exit code, JSON (or stderr), peak RSS in
    MB and seconds taken. The address space is capped so a regression fails instead of
    swapping the build machine."""
    code = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (3 * 2**30, 3 * 2**30))\n"
        "from app.cli import run\n"
        "rc = run(sys.argv[1:])\n"
        # VmHWM, not ru_maxrss: Linux carries the parent's peak across fork and exec into
        # ru_maxrss, so a grown pytest process would be measured instead of the import
        "status = open('/proc/self/status').read()\n"
        "peak = status.split('VmHWM:', 1)[1].split()[0]\n"
        "sys.stderr.write(f'\\nPEAK_RSS_KB={peak}\\n')\n"
        "sys.exit(rc)\n"
    )
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code, "--db", db_url, "import", str(path), "--json", *extra],
        capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=300,
        env={**os.environ, "NORMDESK_TODAY": "2026-11-27"},
    )  # fmt: skip
    seconds = time.perf_counter() - started
    peak = int(done.stderr.rsplit("PEAK_RSS_KB=", 1)[1]) / 1024
    output = json.loads(done.stdout) if done.returncode == 0 else done.stderr
    return done.returncode, output, peak, seconds


def test_merged_range_over_the_whole_sheet_is_read_in_bounded_memory(office, db_url, tmp_path):
    path = ledgers.merged_bomb_ledger(tmp_path / "merged.xlsx")
    code, result, peak_mb, seconds = import_in_subprocess(db_url, path)
    print(f"merged-range bomb: {peak_mb:.0f} MB peak, {seconds:.1f} s")
    assert code == 0, result
    assert peak_mb < PEAK_RSS_LIMIT_MB
    # Excel shows the whole sheet as one cell holding A1: the data row's empty 发文字号 takes
    # A1's text like any merged cell, and that row is a row error, not an aborted import
    assert (result["rows"], result["rejected"]) == (1, 1)
    assert result["problems"][0]["column"] == "发文字号"


def test_200000_rows_are_refused_with_a_message_in_bounded_memory(office, db_url, tmp_path):
    path = ledgers.many_rows_ledger(tmp_path / "big.xlsx", rows=200_000)
    code, stderr, peak_mb, seconds = import_in_subprocess(db_url, path)
    print(f"200,000 rows: {peak_mb:.0f} MB peak, {seconds:.1f} s")
    assert code == 1 and f"超过 {MAX_ROWS} 行" in stderr and "Traceback" not in stderr
    assert peak_mb < PEAK_RSS_LIMIT_MB and documents(office) == {}


@pytest.mark.parametrize(
    "build, words", ledgers.REFUSED_SHEETS, ids=[b.__name__ for b, _ in ledgers.REFUSED_SHEETS]
)
def test_a_sheet_built_to_exhaust_memory_or_time_is_refused_with_a_message(tmp_path, build, words):
    path = build(tmp_path / "恶意.xlsx")
    started = time.perf_counter()
    with pytest.raises(UserError, match=words) as refused:
        importing.read_sheet(path)
    assert "“恶意.xlsx”" in refused.value.message and time.perf_counter() - started < 10


TOKENS = [b"<", b">", b"&", b'"', b"_x0001_", b'<c r="A1"/>', b'<row r="0">', b"99999999", b"\xff"]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_a_damaged_ledger_gives_its_rows_or_a_message_never_an_internal_error(tmp_path, data):
    source = ledgers.odd_rows_ledger(tmp_path / "odd.xlsx")
    with zipfile.ZipFile(source) as zf:
        parts = {n: bytearray(zf.read(n)) for n in zf.namelist()}
    part = parts[data.draw(st.sampled_from(sorted(parts)))]
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(part)))
        if data.draw(st.booleans()):
            del part[at : at + data.draw(st.integers(1, 20))]
        else:
            part[at:at] = data.draw(st.sampled_from(TOKENS))
    damaged = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(damaged, "w") as zf:
        for name, content in parts.items():
            zf.writestr(name, bytes(content))
    try:
        sheet = importing.read_sheet(damaged)
        importing.guess_mapping(sheet)
    except UserError as refused:
        assert "damaged.xlsx" in refused.message or "工作表" in refused.message
