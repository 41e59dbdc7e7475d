"""A ledger row the register refuses is reported with the value of the column it names: a
publication date ahead of today shows that date, not the row's title."""

from datetime import date

from openpyxl import Workbook

from app import clock
from app.services import importing
from app.services.permissions import SYSTEM


def test_a_refused_row_shows_the_cell_its_problem_names(office, tmp_path):
    clock.fix_today(date(2026, 11, 30))
    wb = Workbook()
    wb.active.append(["文件名称", "发文字号", "公布日期", "制定机关"])
    wb.active.append(["明年公布的办法", "河民发〔2026〕9号", "2026-12-15", "MZ"])
    wb.save(tmp_path / "ledger.xlsx")
    sheet = importing.read_sheet(tmp_path / "ledger.xlsx")
    with office.transaction() as s:
        report = importing.run_import(s, SYSTEM, sheet, importing.guess_mapping(sheet))
    [problem] = report.problems
    assert (problem.row, problem.column, problem.value) == (2, "公布日期", "2026-12-15")
    assert "晚于今天" in problem.message
