from datetime import date

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from app import clock
from app.services import reviews, settings, workcalendar
from app.services.permissions import SYSTEM
from app.services.reviews import CHECK_ITEMS, MATERIALS, ReviewIntake
from app.ui.review.case_dialog import CaseDialog
from app.ui.review.view import COLUMNS, STATE_COLORS, ReviewView
from tests.factories import draft
from tests.ui_context import context
from tests.widgets import previewed_text, shown

TODAY = date(2026, 11, 27)


def column(header: str) -> int:
    return [c.header for c in COLUMNS].index(header)


def add_case(database, title="河清市临时救助实施办法", received=date(2026, 11, 20), present=None):
    with database.transaction() as s:
        doc = draft(s, title)
        materials = list(MATERIALS["normative"]) if present is None else present
        data = ReviewIntake("normative", title, received, "李审核", materials,
                            submitting_unit="社会救助科", document_id=doc.id)  # fmt: skip
        return reviews.intake(s, SYSTEM, data).id


def conclude(database, case_id, outcome="合法"):
    with database.transaction() as s:
        for item in CHECK_ITEMS:
            reviews.record_check(s, SYSTEM, case_id, item, True)
        return reviews.conclude(s, SYSTEM, case_id, outcome, TODAY, "经审核，合法。").opinion_number


def due_of(database, case_id):
    with database.reading() as s:
        return reviews.due(reviews.get(s, case_id), workcalendar.load(s), clock.today())


@pytest.fixture
def view(qtbot, office):
    return shown(qtbot, ReviewView(context(office)))


def cell(view, row, header, role=Qt.ItemDataRole.DisplayRole):
    return view.model.data(view.model.index(row, column(header)), role)


def wait(database):
    assert context(database).runner.wait()


def open_form(qtbot, view, case_id) -> CaseDialog:
    view.refresh()
    view.select_case(case_id)
    view.open_case()
    qtbot.addWidget(view.dialog)
    return view.dialog


def test_queue_shows_due_date_and_days_left_as_the_service_computes_them(view, office):
    case_id = add_case(office)
    view.refresh()
    due = due_of(office, case_id)
    assert cell(view, 0, "办理期限") == due.due.isoformat()
    assert cell(view, 0, "剩余工作日") == str(due.days_left)
    assert cell(view, 0, "状态") == "审核中"
    assert due.explanation in cell(view, 0, "办理期限", Qt.ItemDataRole.ToolTipRole)


def test_overdue_case_is_coloured(view, office):
    add_case(office, received=date(2026, 10, 12))
    view.refresh()
    assert cell(view, 0, "状态") == "已超期"
    brush = cell(view, 0, "事项名称", Qt.ItemDataRole.BackgroundRole)
    assert brush.color() == STATE_COLORS["overdue"]


def test_intake_with_missing_material_creates_a_returned_case_with_the_note(qtbot, view, office):
    with office.transaction() as s:
        draft(s, "河清市养老服务补贴办法")
    view.new_case()
    dialog = view.dialog
    assert dialog.title.text() == "河清市养老服务补贴办法"  # the linked document's title
    for item in MATERIALS["normative"]:
        dialog.materials[item].setChecked(True)
    height = dialog.sizeHint().height()
    assert not dialog.return_note.isEnabled() and "材料齐全" in dialog.hint.text()
    dialog.materials[MATERIALS["normative"][-1]].setChecked(False)
    assert dialog.return_note.isEnabled() and "材料不全" in dialog.hint.text()
    assert dialog.sizeHint().height() == height  # the form did not jump
    dialog.reviewer.setText("李审核")
    dialog.return_note.setPlainText("请补充起草单位合法性审查意见。")
    dialog.submit()
    wait(office)
    assert not dialog.isVisible()
    with office.reading() as s:
        case = reviews.get(s, dialog.returned)
        assert (case.status, case.return_note) == ("returned", "请补充起草单位合法性审查意见。")
    assert cell(view, view.model.row_of(dialog.returned), "状态") == "退回补充"


def test_intake_refusal_is_shown_in_the_dialog_with_the_input_kept(view, office):
    with office.transaction() as s:
        draft(s)
    view.new_case()
    dialog = view.dialog
    dialog.submit()  # no reviewer
    wait(office)
    assert dialog.isVisible()
    assert "承办审核人：不能为空" in dialog.error.text()
    assert dialog.title.text() == "河清市临时救助实施办法"


def test_case_form_records_every_check_and_concludes(qtbot, view, office):
    case_id = add_case(office)
    form = open_form(qtbot, view, case_id)
    for item in CHECK_ITEMS:
        form.findings[item].setCurrentIndex(form.findings[item].findData("pass"))
    form.save_checks()
    wait(office)
    assert form.pending_checks() == []
    form.conclude()
    dialog = form.dialog
    dialog.opinion.setPlainText("经审核，该文件合法。")
    dialog.submit()
    wait(office)
    assert not dialog.isVisible()
    assert form.values["意见书编号"].text() == "法审〔2026〕1号"
    view.scope.setCurrentIndex(view.scope.findData(False))
    assert cell(view, view.model.row_of(case_id), "意见书编号") == "法审〔2026〕1号"


def test_unsaved_checks_stop_conclusion_with_a_message(qtbot, view, office):
    form = open_form(qtbot, view, add_case(office))
    form.findings[CHECK_ITEMS[0]].setCurrentIndex(1)
    form.conclude()
    assert "尚未保存" in form.error.text()


def test_changes_required_without_the_changes_keeps_the_dialog_open(qtbot, view, office):
    case_id = add_case(office)
    with office.transaction() as s:
        for item in CHECK_ITEMS:
            reviews.record_check(s, SYSTEM, case_id, item, True)
    form = open_form(qtbot, view, case_id)
    form.conclude()
    dialog = form.dialog
    dialog.outcome.setCurrentText("修改后合法")
    dialog.opinion.setPlainText("基本合法。")
    dialog.submit()
    wait(office)
    assert dialog.isVisible()
    assert "必须写明需要修改的内容" in dialog.error.text()
    assert dialog.opinion.toPlainText() == "基本合法。"
    assert dialog.changes.hasFocus() or dialog.focusWidget() is dialog.changes


def test_printing_the_opinion_generates_the_letter(qtbot, view, office):
    with office.transaction() as s:
        settings.put(s, SYSTEM, "office.name", "河清市司法局")
    case_id = add_case(office)
    conclude(office, case_id)
    view.scope.setCurrentIndex(view.scope.findData(False))
    view.select_case(case_id)
    assert view.print_button.isEnabled()
    view.print_opinion()
    wait(office)
    text = previewed_text(qtbot, view).replace("\n", "")
    assert "合法性审核意见书" in text and "河清市司法局" in text


def test_ledger_exports_excel(qtbot, view, office, tmp_path, monkeypatch, no_modal_boxes):
    add_case(office)
    target = tmp_path / "台账.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    view.open_ledger()
    view.dialog.export()
    wait(office)
    assert no_modal_boxes == ["已导出 1 行。"]
    rows = list(load_workbook(target).active.values)
    assert any("河清市临时救助实施办法" in row for row in rows)


def test_calendar_warning_shows_when_a_period_runs_into_an_unknown_year(view, office):
    clock.fix_today(date(2026, 12, 21))
    add_case(office, received=date(2026, 12, 20))
    view.refresh()
    assert view.banner.isVisible()
    assert "2027 年国务院办公厅放假通知尚未录入" in view.banner.text()


def test_each_check_offers_the_answers_its_question_takes(qtbot, view, office):
    form = open_form(qtbot, view, add_case(office))
    power = form.findings["是否超越法定职权"]
    assert [power.itemText(i) for i in range(power.count())] == ["未审查", "否", "是", "不适用"]
    assert power.itemData(1) == "pass"
    subject = form.findings["制定主体是否合法"]
    assert [subject.itemText(i) for i in range(1, 3)] == ["是", "否"]
