import errno
import json
import stat
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from app.cli import run
from app.errors import UserError
from app.models import AuditEntry, Document
from app.services import importing
from app.services.ledger_values import ValueProblem, parse_date, parse_status, parse_term
from app.services.permissions import SYSTEM
from tests.factories import register
from tests.ledgers import messy_ledger


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2022-04-11", date(2022, 4, 11)),
        ("2022/4/11", date(2022, 4, 11)),
        ("2022年4月11日", date(2022, 4, 11)),
        ("2022.4.11", date(2022, 4, 11)),
        ("20220411", date(2022, 4, 11)),
        (44662, date(2022, 4, 11)),
        (None, None),
        ("  ", None),
    ],
)
def test_dates_in_the_forms_offices_use(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["2022年13月1日", "明年", "2022-02-30", -5])
def test_unreadable_dates_are_problems(value):
    with pytest.raises(ValueProblem):
        parse_date(value)


def test_statuses_and_terms_in_chinese_words():
    assert [parse_status(w) for w in ("有效", "已废止", "宣布失效", "失效", "已修改")] == [
        "in_force", "repealed", "declared_invalid", "expired", "amended",
    ]  # fmt: skip
    assert (
        parse_term("5年") == 5 and parse_term("有效期2年") == 2 and parse_term("2026-01-01") is None
    )


def test_messy_ledger_header_found_and_columns_guessed(tmp_path):
    sheet = importing.read_sheet(messy_ledger(tmp_path / "ledger.xlsx"))
    mapping = importing.guess_mapping(sheet)
    assert mapping.header_row == 3
    assert set(mapping.columns.values()) == {
        "title",
        "doc_number",
        "published",
        "effective",
        "valid_until",
        "status",
        "issuer",
        "remarks",
    }


def test_validation_reports_each_problem_by_row_and_column(office, tmp_path):
    sheet = importing.read_sheet(messy_ledger(tmp_path / "ledger.xlsx"))
    with office.reading() as s:
        report = importing.validate(s, sheet, importing.guess_mapping(sheet))
    problems = {(p.row, p.column): p.message for p in report.problems}
    assert report.total == 10
    assert [c.row for c in report.accepted] == [4, 5, 7, 14]
    assert "公式" in problems[8, "公布日期"]
    assert "超过 300 个字" in problems[9, "文件名称"]
    assert "与第 4 行重复" in problems[10, "发文字号"]
    assert "不存在" in problems[11, "制定机关"]
    assert "日期不存在" in problems[12, "公布日期"]
    assert "公式" in problems[15, "文件名称"]


def test_import_commits_accepted_rows_keeps_numbers_and_statuses(office, tmp_path):
    sheet = importing.read_sheet(messy_ledger(tmp_path / "ledger.xlsx"))
    mapping = importing.guess_mapping(sheet)
    with office.transaction() as s:
        report = importing.run_import(s, SYSTEM, sheet, mapping)
    with office.reading() as s:
        docs = {d.title: d for d in s.scalars(select(Document))}
    assert report.imported == 4
    first = docs["河清市城乡居民最低生活保障管理办法"]
    assert (first.doc_number, first.published, first.effective, first.valid_until) == (
        "河民发〔2022〕7号", date(2022, 4, 11), date(2022, 5, 1), date(2027, 4, 30),
    )  # fmt: skip
    assert docs["河清市临时救助实施办法"].effective == date(2021, 4, 1)
    assert docs["河清市养老服务补贴暂行办法"].status == "repealed"
    assert docs["-关于调整城乡低保标准的通知"].published == date(2020, 6, 6)


def test_dry_run_writes_nothing_but_reports_the_same(office, tmp_path):
    sheet = importing.read_sheet(messy_ledger(tmp_path / "ledger.xlsx"))
    mapping = importing.guess_mapping(sheet)
    with office.transaction() as s:
        report = importing.run_import(s, SYSTEM, sheet, mapping, dry_run=True)
    with office.reading() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 0
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == 2  # the issuer, sealed
    assert len(report.accepted) == 4 and report.imported == 0


def test_existing_registration_numbers_are_reserved(office, tmp_path):
    path = tmp_path / "numbers.xlsx"
    wb = Workbook()
    wb.active.append(["文件名称", "登记编号", "公布日期", "制定机关"])
    wb.active.append(["旧文件", "MZGS-2026-005", "2026-01-05", "MZ"])
    wb.save(path)
    sheet = importing.read_sheet(path)
    with office.transaction() as s:
        importing.run_import(s, SYSTEM, sheet, importing.guess_mapping(sheet))
        new = register(s, "新文件", published=date(2026, 2, 1))
    assert new.reg_number == "MZGS-2026-006"


def test_a_row_whose_doc_number_is_registered_is_skipped_not_an_error(office, tmp_path):
    with office.transaction() as s:
        doc = register(
            s, "已登记的文件", doc_number="河民发〔2022〕7号", published=date(2022, 4, 11)
        )
    sheet = importing.read_sheet(messy_ledger(tmp_path / "ledger.xlsx"))  # row 4: 河民发[2022]7号
    with office.reading() as s:
        report = importing.validate(s, sheet, importing.guess_mapping(sheet))
    skipped = f"已在登记簿中（登记编号 {doc.reg_number}），跳过"
    assert [(p.row, p.message) for p in report.skipped] == [(4, skipped), (10, skipped)]
    assert not {4, 10} & report.rejected_rows and 4 not in [c.row for c in report.accepted]


def test_error_report_workbook_has_an_error_column(office, tmp_path):
    sheet = importing.read_sheet(messy_ledger(tmp_path / "ledger.xlsx"))
    mapping = importing.guess_mapping(sheet)
    with office.reading() as s:
        report = importing.validate(s, sheet, mapping)
    importing.write_report(sheet, mapping, report, tmp_path / "report.xlsx")
    ws = load_workbook(tmp_path / "report.xlsx").active
    rows = {ws.cell(r, 1).value: ws.cell(r, ws.max_column).value for r in range(2, ws.max_row + 1)}
    assert ws.cell(1, ws.max_column).value == "检查结果"
    assert rows[4] == "通过" and "超过 300 个字" in rows[9]
    assert (
        ws.cell(list(rows).index(14) + 2, 3).data_type == "s"
    )  # the formula-looking title stays text


def test_cancel_leaves_the_database_unchanged(office, tmp_path):
    path = tmp_path / "many.xlsx"
    wb = Workbook()
    wb.active.append(["文件名称", "公布日期", "制定机关"])
    for n in range(250):
        wb.active.append([f"文件{n}", "2024-01-02", "MZ"])
    wb.save(path)
    sheet = importing.read_sheet(path)
    with pytest.raises(UserError, match="已取消导入"), office.transaction() as s:
        importing.run_import(
            s,
            SYSTEM,
            sheet,
            importing.guess_mapping(sheet),
            progress=lambda done, total: done < 200,
        )
    with office.reading() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 0


def test_not_a_workbook_is_a_clear_error(tmp_path):
    bogus = tmp_path / "ledger.xlsx"
    bogus.write_text("not excel")
    with pytest.raises(UserError, match="“ledger.xlsx”不是 Excel 工作簿"):
        importing.read_sheet(bogus)


# U+FFFE/U+FFFF are not XML characters: openpyxl writes them anyway and the sheet is then refused
# as damaged (importing.read_sheet), which Excel itself never produces.
cell_values = st.one_of(
    st.none(), st.text(st.characters(exclude_categories=("Cc", "Cs"), exclude_characters="\ufffe\uffff"), max_size=40), st.integers(-10, 100000), st.floats(allow_nan=False, allow_infinity=False),
    st.dates(date(1900, 1, 1), date(2100, 1, 1)), st.sampled_from(["=1+1", "有效", "5年", "河民发[2022]1号", "MZ", "2022/2/30"]),
)  # fmt: skip


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=st.lists(st.lists(cell_values, min_size=4, max_size=4), max_size=8))
def test_random_cells_never_crash_and_never_half_write(office, tmp_path, rows):
    path = tmp_path / "random.xlsx"
    wb = Workbook()
    wb.active.append(["文件名称", "发文字号", "公布日期", "制定机关"])
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    with office.reading() as s:
        before = s.scalar(select(func.count()).select_from(Document))
    sheet = importing.read_sheet(path)
    try:
        with office.transaction() as s:
            report = importing.run_import(s, SYSTEM, sheet, importing.guess_mapping(sheet, 1))
            raise_after = (
                len(report.accepted) % 2 == 1
            )  # half the time fail after the work: all must roll back
            if raise_after:
                raise UserError("中途失败")
    except UserError:
        with office.reading() as s:
            assert s.scalar(select(func.count()).select_from(Document)) == before
        return
    with office.reading() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == before + report.imported


def import_cli(db_url: str, ledger, *extra: str) -> int:
    return run(["--db", db_url, "import", str(ledger), *extra])


@pytest.mark.parametrize(
    "report, words",
    [
        ("没有的文件夹/检查结果.xlsx", "不存在"),
        (".", "是文件夹"),
        ("检查结果.csv", "必须是 .xlsx 文件"),
        ("ledger.xlsx/检查结果.xlsx", "不存在"),  # the "folder" is a file
        ("ledger.xlsx", "不能覆盖要导入的台账"),
    ],
)
def test_a_report_path_that_cannot_be_written_imports_nothing(
    office, db_url, tmp_path, capsys, report, words
):
    ledger = messy_ledger(tmp_path / "ledger.xlsx")
    assert import_cli(db_url, ledger, "--report", str(tmp_path / report)) == 1
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err
    with office.reading() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 0


def test_a_report_that_fails_while_written_imports_nothing_and_leaves_no_file(
    office, db_url, tmp_path, capsys, monkeypatch
):
    ledger = messy_ledger(tmp_path / "ledger.xlsx")

    def disk_full(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(importing, "_write_report", disk_full)
    assert import_cli(db_url, ledger, "--report", str(tmp_path / "检查结果.xlsx")) == 1
    assert "没有导入任何数据" in capsys.readouterr().err
    assert not [p for p in tmp_path.iterdir() if "检查结果" in p.name]
    with office.reading() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 0


def test_the_report_is_put_in_place_whole_and_private(office, db_url, tmp_path):
    ledger = messy_ledger(tmp_path / "ledger.xlsx")
    target = tmp_path / "检查结果.xlsx"
    assert import_cli(db_url, ledger, "--report", str(target)) == 0
    assert [p.name for p in tmp_path.iterdir() if "检查结果" in p.name] == ["检查结果.xlsx"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert load_workbook(target).active.cell(1, 11).value == "检查结果"


def test_importing_the_same_ledger_twice_registers_nothing_twice(office, db_url, tmp_path, capsys):
    ledger = messy_ledger(tmp_path / "ledger.xlsx")
    assert import_cli(db_url, ledger, "--json") == 0
    first = json.loads(capsys.readouterr().out)
    assert import_cli(db_url, ledger, "--json") == 0
    second = json.loads(capsys.readouterr().out)
    assert first["imported"] == 4 and (second["imported"], second["skipped"]) == (0, 5)
    skips = {p["row"]: (p["column"], p["problem"]) for p in second["skips"]}
    assert sorted(skips) == [4, 5, 7, 10, 14]  # 10 repeats 4's 发文字号
    assert skips[14][0] == "文件名称"  # no 发文字号: found by issuer, title and date
    assert all(p.startswith("已在登记簿中（登记编号 MZGS-") for _, p in skips.values())
    assert not {4, 5, 7, 10, 14} & {p["row"] for p in second["problems"]}
    with office.reading() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 4


def test_a_row_matching_a_registered_title_issuer_and_date_is_skipped(office, tmp_path):
    with office.transaction() as s:
        doc = register(s, "关于调整城乡低保标准的通知", published=date(2020, 6, 6))
    path = tmp_path / "again.xlsx"
    wb = Workbook()
    wb.active.append(["文件名称", "公布日期", "制定机关"])
    wb.active.append(["关于调整城乡低保标准的通知", "2020-06-06", "河清市民政局"])
    wb.active.append(["关于调整城乡低保标准的通知", "2021-06-06", "河清市民政局"])  # another year
    wb.save(path)
    sheet = importing.read_sheet(path)
    with office.transaction() as s:
        report = importing.run_import(s, SYSTEM, sheet, importing.guess_mapping(sheet))
    assert [(p.row, p.message) for p in report.skipped] == [
        (2, f"已在登记簿中（登记编号 {doc.reg_number}），跳过")
    ]
    assert report.imported == 1


def three_row_ledger(path):
    wb = Workbook()
    wb.active.append(["文件名称", "公布日期", "制定机关", "状态", "关键词"])
    wb.active.append(["第一件", "2024-01-02", "MZ", "有效", ""])
    wb.active.append(["被服务拒绝的一件", "2024-01-03", "MZ", "起草", "低保"])
    wb.active.append(["第三件", "2024-01-04", "MZ", "有效", ""])
    wb.save(path)
    return importing.read_sheet(path)


def test_a_row_the_registration_service_refuses_is_a_row_error_naming_its_column(office, tmp_path):
    sheet = three_row_ledger(tmp_path / "ledger.xlsx")
    with office.transaction() as s:
        report = importing.run_import(s, SYSTEM, sheet, importing.guess_mapping(sheet))
    assert [(p.row, p.column) for p in report.problems] == [(3, "状态")]
    assert "不能登记为“起草”" in report.problems[0].message and report.imported == 2


def test_any_refusal_while_checking_a_row_stays_that_rows_problem(office, tmp_path, monkeypatch):
    """Length and character limits in the document services raise UserError: whichever check
    raises it, the row is refused, the others go on."""
    real = importing.DocumentInput

    def strict(*args, **kwargs):
        if kwargs.get("keywords"):
            raise UserError("关键词：含有不允许的字符。")
        return real(*args, **kwargs)

    monkeypatch.setattr(importing, "DocumentInput", strict)
    sheet = three_row_ledger(tmp_path / "ledger.xlsx")
    with office.transaction() as s:
        report = importing.run_import(s, SYSTEM, sheet, importing.guess_mapping(sheet))
    assert [(p.row, p.column, p.message) for p in report.problems] == [
        (3, "关键词", "关键词：含有不允许的字符。")
    ]
    assert report.imported == 2


def test_a_ledgers_bases_column_becomes_the_documents_imported_legal_bases(office, tmp_path):
    from app.services import legal_bases
    from app.services.vocabulary import BasisSource

    path = tmp_path / "bases.xlsx"
    wb = Workbook()
    wb.active.append(["文件名称", "公布日期", "制定机关", "制定依据"])
    wb.active.append(["河清市低保办法", "2024-01-02", "MZ", "《中华人民共和国行政许可法》第十二条、第十四条；《社会救助暂行办法》"])  # fmt: skip
    wb.active.append(
        ["河清市临时救助办法", "2024-02-03", "MZ", "社会救助暂行办法\n行政许可法第三条"]
    )
    wb.active.append(["河清市无依据文件", "2024-03-04", "MZ", None])
    wb.save(path)
    sheet = importing.read_sheet(path)
    mapping = importing.guess_mapping(sheet)
    assert "bases" in mapping.columns.values()
    with office.transaction() as s:
        report = importing.run_import(s, SYSTEM, sheet, mapping)
    assert report.imported == 3 and report.problems == []
    with office.reading() as s:
        ids = {d.title: d.id for d in s.scalars(select(Document))}
        first = legal_bases.bases(s, ids["河清市低保办法"])
        second = legal_bases.bases(s, ids["河清市临时救助办法"])
        laws = {v.name: v.citing for v in legal_bases.laws(s)}
        assert legal_bases.bases(s, ids["河清市无依据文件"]) == []
    assert [(b.name, b.articles, b.source) for b in first] == [
        ("中华人民共和国行政许可法", "第十二条、第十四条", BasisSource.IMPORTED),
        ("社会救助暂行办法", "", BasisSource.IMPORTED),
    ]
    assert [(b.name, b.articles) for b in second] == [("社会救助暂行办法", ""), ("中华人民共和国行政许可法", "第三条")]  # fmt: skip
    assert laws == {"中华人民共和国行政许可法": 2, "社会救助暂行办法": 2}
