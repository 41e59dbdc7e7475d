from datetime import date

import pytest
from PySide6.QtCore import QDate
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from app import clock
from app.services import recipients, settings, workcalendar
from app.services.permissions import SYSTEM
from app.ui.settings.calendar_page import CORRECTED_ROLE, KIND_ROLE, KINDS, CalendarPage
from app.ui.settings.view import SettingsView
from tests.ui_context import context
from tests.widgets import shown


@pytest.fixture
def view(qtbot, database):
    clock.fix_today(date(2024, 6, 1))
    return shown(qtbot, SettingsView(context(database)), size=(1100, 760))


def stored(database, key):
    with database.reading() as s:
        return settings.get(s, key)


def wait(database) -> None:
    assert context(database).runner.wait()


@pytest.fixture
def page(view) -> CalendarPage:
    view.setCurrentWidget(view.calendar)
    return view.calendar


def save_dialog(page: CalendarPage, database) -> None:
    page.dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    wait(database)


# --- 规则 ---------------------------------------------------------------------------------
def test_rules_tab_shows_every_rule_with_its_default(view):
    rows = view.rules.rows
    assert list(rows) == [r.key for r in settings.form_rules()]
    for key in rows:
        rule = settings.RULES[key]
        assert rows[key].label.text() == f"{rule.label}："
        assert rows[key].help.text() == rule.help
        shown = "" if key in recipients.RECIPIENT_KEYS else rule.default  # no placeholder
        assert rows[key].value() == shown
    assert rows["validity.default_years"].default.text() == "默认：5"


def test_a_recipient_at_its_placeholder_is_asked_for_its_real_name(view, database):
    row = view.rules.rows["filing.department.recipient"]
    assert row.editor.placeholderText() == "例如：河清市人民政府"
    assert not row.unnamed.isHidden() and "备案报告不能打印" in row.unnamed.text()
    assert row.reset.isHidden() and not view.rules.save_button.isEnabled()
    row.editor.setText("河清市人民政府")
    view.rules.save_button.click()
    wait(database)
    assert stored(database, "filing.department.recipient") == "河清市人民政府"
    assert row.unnamed.isHidden() and row.editor.text() == "河清市人民政府"


def test_saved_value_persists(view, database):
    row = view.rules.rows["review.max_workdays"]
    row.editor.setValue(20)
    assert view.rules.save_button.isEnabled()
    view.rules.save_button.click()
    wait(database)
    assert stored(database, "review.max_workdays") == 20
    assert not view.rules.save_button.isEnabled()


def test_a_setting_chosen_from_a_list_shows_its_labels_and_saves_its_value(view, database):
    row = view.rules.rows["filing.start_event"]
    assert [row.editor.itemText(i) for i in range(row.editor.count())] == [
        "公布日期",
        "印发日期",
        "签署日期",
    ]
    assert row.default.text() == "默认：公布日期"
    row.editor.setCurrentIndex(row.editor.findData("issued"))
    view.rules.save_button.click()
    wait(database)
    assert stored(database, "filing.start_event") == "issued"
    assert not view.rules.save_button.isEnabled()


def test_refused_value_shows_the_message_and_keeps_the_input(view, database):
    row = view.rules.rows["validity.default_years"]
    row.editor.setMinimum(0)  # a value the editor would not normally let through
    row.editor.setValue(0)
    view.rules.save_button.click()
    wait(database)
    assert row.error.isVisible()
    assert row.error.text() == "有效期（年）：必须是不小于 1 的整数。"
    assert row.value() == 0
    assert stored(database, "validity.default_years") == 5


def test_reset_restores_the_default(view, database):
    row = view.rules.rows["review.opinion_template"]
    row.editor.setText("审〔{year}〕{seq}号")
    view.rules.save_button.click()
    wait(database)
    assert stored(database, "review.opinion_template") == "审〔{year}〕{seq}号"
    row.reset.click()  # fills the form; 保存 makes it so
    assert row.value() == "法审〔{year}〕{seq}号"
    assert stored(database, "review.opinion_template") == "审〔{year}〕{seq}号"
    view.rules.save_button.click()
    wait(database)
    assert stored(database, "review.opinion_template") == "法审〔{year}〕{seq}号"


def test_one_save_keeps_every_change_or_none(view, database):
    """Two changes, one refused: nothing is saved, the refusal sits under its rule."""
    years, days = view.rules.rows["validity.default_years"], view.rules.rows["review.max_workdays"]
    days.editor.setValue(20)
    years.editor.setMinimum(0)
    years.editor.setValue(0)
    assert view.rules.pending.text() == "有 2 项修改尚未保存。"
    view.rules.save_button.click()
    wait(database)
    assert (
        years.error.text() == "有效期（年）：必须是不小于 1 的整数。" and not days.error.isVisible()
    )
    assert (
        stored(database, "review.max_workdays"),
        stored(database, "validity.default_years"),
    ) == (15, 5)
    years.editor.setValue(3)
    view.rules.save_button.click()
    wait(database)
    assert (
        stored(database, "review.max_workdays"),
        stored(database, "validity.default_years"),
    ) == (20, 3)


def test_leaving_the_rules_with_changes_asks_first(view, database, monkeypatch):
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    asked = []

    def answer(box):
        asked.append(box.text())
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "exec", answer)
    view.rules.rows["review.max_workdays"].editor.setValue(20)
    view.setCurrentWidget(view.calendar)
    assert view.currentWidget() is view.rules  # 留在此页
    assert asked == ["“规则”中有 1 项修改尚未保存。"]
    view.setCurrentWidget(view.calendar)
    assert view.currentWidget() is view.calendar  # 放弃修改
    assert view.rules.rows["review.max_workdays"].value() == 15
    assert stored(database, "review.max_workdays") == 15


# --- 工作日历 -----------------------------------------------------------------------------
def test_calendar_colours_national_day_and_make_up_sunday(page):
    assert page.year.value() == 2024
    holiday, makeup = page.day_item(date(2024, 10, 1)), page.day_item(date(2024, 9, 29))
    assert holiday.data(KIND_ROLE) == "holiday"
    assert holiday.background().color() == QColor(KINDS["holiday"][1])
    assert makeup.data(KIND_ROLE) == "makeup"
    assert makeup.background().color() == QColor(KINDS["makeup"][1])
    assert page.day_item(date(2024, 10, 19)).data(KIND_ROLE) == "rest"
    assert page.day_item(date(2024, 10, 8)).data(KIND_ROLE) == "workday"
    assert page.banner.isHidden()


def test_unknown_year_is_flagged_until_its_schedule_is_entered(page, database):
    page.year.setValue(2027)
    assert page.banner.isVisible()
    assert page.banner.text().startswith("2027 年的节假日安排尚未录入")
    assert page.day_item(date(2027, 10, 1)).data(KIND_ROLE) == "holiday"  # by the law
    assert page.day_item(date(2027, 10, 4)).data(KIND_ROLE) == "workday"  # no notice yet

    page.enter_year()
    dialog = page.dialog
    dialog.holidays.start.setDate(QDate(2027, 10, 1))
    dialog.holidays.end.setDate(QDate(2027, 10, 7))
    dialog.holidays.add.click()
    dialog.makeup.start.setDate(QDate(2027, 9, 26))
    dialog.makeup.end.setDate(QDate(2027, 9, 26))
    dialog.makeup.add.click()
    dialog.source.setText("国务院办公厅关于2027年部分节假日安排的通知")
    assert len(dialog.holidays.dates()) == 7
    save_dialog(page, database)

    assert page.dialog is None
    assert page.banner.isHidden()
    assert page.day_item(date(2027, 10, 1)).data(KIND_ROLE) == "holiday"
    assert page.day_item(date(2027, 9, 26)).data(KIND_ROLE) == "makeup"
    assert page.day_item(date(2027, 10, 4)).data(KIND_ROLE) == "holiday"
    assert "国务院办公厅关于2027年部分节假日安排的通知" in page.source.text()


def test_entering_a_date_of_another_year_is_refused_in_the_dialog(page, database):
    page.enter_year()
    page.dialog.year.setValue(2027)
    page.dialog.holidays.start.setDate(QDate(2026, 10, 1))
    page.dialog.holidays.end.setDate(QDate(2026, 10, 1))
    page.dialog.holidays.add.click()
    save_dialog(page, database)
    assert page.dialog.error.text() == "日期 2026-10-01 不属于 2027 年。"
    assert page.dialog.holidays.dates() == [date(2026, 10, 1)]


def test_toggling_a_day_lists_the_correction(page, database):
    page.open_day(date(2024, 6, 3))
    page.dialog.rest.setChecked(True)
    page.dialog.note.setText("本地防汛放假")
    save_dialog(page, database)

    item = page.day_item(date(2024, 6, 3))
    assert item.data(KIND_ROLE) == "holiday"
    assert item.data(CORRECTED_ROLE) is True
    assert page.table.rowCount() == 1
    texts = [page.table.item(0, c).text() for c in range(3)]
    assert texts == ["2024年6月3日 星期一", "休息日", "本地防汛放假"]
    with database.reading() as s:
        assert workcalendar.load(s).is_workday(date(2024, 6, 3)) is False


def test_restoring_the_default_removes_the_correction(page, database):
    with database.transaction() as s:
        workcalendar.set_day(s, SYSTEM, date(2024, 6, 3), False, "本地防汛放假")
    page.refresh()
    page.open_day(date(2024, 6, 3))
    page.dialog.default.setChecked(True)
    save_dialog(page, database)
    assert page.table.rowCount() == 0
    assert page.day_item(date(2024, 6, 3)).data(KIND_ROLE) == "workday"
