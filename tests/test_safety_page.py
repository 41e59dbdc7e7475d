"""设置—数据安全: the voided and skipped registration numbers, and the full integrity check with
its report, as `normdesk number gaps` and `normdesk check` give them."""

from datetime import date

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import text

from app import clock
from app.services import integrity, numbering, users
from app.services.permissions import SYSTEM, Actor, Role
from app.ui.settings.safety_page import SafetyPage
from app.ui.settings.view import SettingsView
from tests.factories import add_issuer, register
from tests.outside_edits import outside_edit
from tests.ui_context import context
from tests.widgets import shown


@pytest.fixture
def office(database):
    """民政局 with four numbers: MZGS-2026-002 voided by 张三 on 11-20, MZGS-2026-004 voided by
    the system on 11-25, MZGS-2026-006 and -007 skipped when -008 was given by hand."""
    clock.fix_today(date(2026, 11, 27))
    with database.transaction() as s:
        add_issuer(s)
        users.add_user(s, SYSTEM, "zhangsan", "张三", "管理员", "Zhang-2026-pass")
    zhang = Actor("zhangsan", Role.ADMIN)
    with database.transaction() as s:
        for n in range(1, 6):
            register(s, f"民政文件{n}", published=date(2026, 3, n))
    with database.transaction() as s:
        numbering.void(s, zhang, "MZGS-2026-002", "登记时录错文件", day=date(2026, 11, 20))
    with database.transaction() as s:
        numbering.void(s, SYSTEM, "MZGS-2026-004", "重复登记", day=date(2026, 11, 25))
    with database.transaction() as s:
        register(s, "手动编号的文件", reg_number="MZGS-2026-008", allow_gap=True)
    return database


@pytest.fixture
def page(qtbot, office):
    page = shown(qtbot, SafetyPage(context(office)), size=(1000, 640))
    assert page.runner.wait()
    return page


def shown_rows(page: SafetyPage) -> list[tuple[str, ...]]:
    model = page.gaps
    return [
        tuple(model.index(r, c).data() for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]


def test_voided_and_skipped_numbers_are_listed_newest_first_with_the_persons_name(page):
    assert shown_rows(page) == [
        ("MZGS-2026-007", "跳号", "", "", "跳号（手动登记 MZGS-2026-008 时跳过）"),
        ("MZGS-2026-006", "跳号", "", "", "跳号（手动登记 MZGS-2026-008 时跳过）"),
        ("MZGS-2026-004", "作废", "2026-11-25", "系统", "重复登记"),
        ("MZGS-2026-002", "作废", "2026-11-20", "张三", "登记时录错文件"),
    ]
    assert page.gap_count.text() == "作废 2 个，跳号 2 个。"


def test_a_number_voided_elsewhere_shows_up_without_reopening_the_page(page, office):
    with office.transaction() as s:
        numbering.void(s, SYSTEM, "MZGS-2026-005", "作废测试")
    page.runner.data_changed.emit({"documents"})
    assert page.runner.wait()
    assert shown_rows(page)[2][:2] == ("MZGS-2026-005", "作废")


def test_the_list_exports_to_a_workbook_read_back(page, tmp_path, monkeypatch, no_modal_boxes):
    target = tmp_path / "空号.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page.export_button.click()
    assert page.runner.wait()
    sheet = load_workbook(target).active
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert rows[0] == ["登记编号", "类型", "作废日期", "作废人", "原因"]
    assert rows[4][:2] == ["MZGS-2026-002", "作废"] and rows[4][3:] == ["张三", "登记时录错文件"]
    assert rows[4][2].date() == date(2026, 11, 20)
    assert no_modal_boxes[-1] == "已导出 4 行。"


def test_a_sound_register_checks_clean_and_says_so(page):
    page.check_button.click()
    assert page.runner.wait()
    assert page.verdict.text() == f"✔ {integrity.OK_VERDICT}"
    report = page.report.toPlainText()
    assert "结论：检查通过" in report and "1. 数据库文件：完好" in report
    assert "4. 附件：完好" in report and "审计记录" in report
    assert page.save_button.isEnabled()


@pytest.mark.tampered
def test_a_row_changed_outside_the_program_is_reported_and_the_report_saved(
    page, office, tmp_path, monkeypatch
):
    with outside_edit(office.engine) as con:
        con.execute(text("UPDATE document SET title = '被改过的标题' WHERE id = 1"))
    steps: list[str] = []
    page.runner.run(lambda s, p: integrity.full_report(s, None, lambda n, t, w: steps.append(w)))
    page.check_button.click()
    assert page.runner.wait()
    assert steps[0] == "正在检查数据库文件…" and steps[-1] == "检查完毕"
    assert page.verdict.text().startswith("✘ 发现 1 个问题")
    report = page.report.toPlainText()
    assert "3. 记录封存：发现 1 个问题" in report and "被改过的标题" in report
    target = tmp_path / "报告.txt"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page.save_button.click()
    saved = target.read_text("utf-8-sig")
    assert saved.replace("\r\n", "\n").strip() == report.strip()


def test_settings_has_the_data_safety_tab(qtbot, office):
    view = shown(qtbot, SettingsView(context(office)))
    titles = [view.tabText(i) for i in range(view.count())]
    assert "数据安全" in titles and view.widget(titles.index("数据安全")) is view.safety
    assert context(office).runner.wait()
