from datetime import date

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from sqlalchemy import select

from app import clock
from app.models import DocumentLink
from app.services import documents
from app.ui.register.retire_dialog import RetireDialog
from tests.factories import add_issuer, register
from tests.ui_context import context

TODAY = date(2026, 6, 15)
DAY = QDate(2026, 6, 10)  # the day the change took effect, as the clerk enters it


@pytest.fixture
def office(database):
    """The document to retire (id 1) and a later one that can amend or repeal it (id 2)."""
    clock.fix_today(TODAY)
    with database.transaction() as s:
        add_issuer(s)
        register(s, "河清市城乡居民最低生活保障管理办法", doc_number="河民发〔2026〕3号")
        register(s, "关于修改《河清市城乡居民最低生活保障管理办法》的决定",
                 doc_number="河民发〔2026〕9号", published=date(2026, 6, 1))  # fmt: skip
    return database


def open_dialog(qtbot, database, doc_id: int = 1) -> RetireDialog:
    dialog = RetireDialog(context(database), doc_id)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):  # so the field a refusal names can take the focus
        dialog.show()
    return dialog


def press_ok(dialog: RetireDialog, database) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert context(database).runner.wait()


def choose_source(dialog: RetireDialog, database, text: str) -> None:
    dialog.source.text.setText(text)
    dialog.source.look_up()
    assert context(database).runner.wait()


UNCHANGED = ("published", date(2026, 3, 3), "", [])  # as registered: 已公布 on its day


def state(database, doc_id: int = 1):
    with database.reading() as s:
        doc = documents.get(s, doc_id)
        links = [(k.source_id, k.target_id, k.kind) for k in s.scalars(select(DocumentLink))]
        return doc.status, doc.status_changed, doc.remarks, links


def test_heading_shows_the_title_and_current_status(qtbot, office):
    dialog = open_dialog(qtbot, office)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert "《河清市城乡居民最低生活保障管理办法》" in texts
    assert "有效" in texts and "MZGS-2026-001" in texts
    assert dialog.status() is None


def test_repeal_by_a_document_found_by_its_number_links_it_and_notes_the_reason(qtbot, office):
    dialog = open_dialog(qtbot, office)
    dialog.set_status("repealed")
    choose_source(dialog, office, "MZGS-2026-002")
    assert dialog.source.choice.currentText() == (
        "MZGS-2026-002 《关于修改《河清市城乡居民最低生活保障管理办法》的决定》"
        "河民发〔2026〕9号（2026-06-01）"
    )
    dialog.day.setDate(DAY)
    dialog.reason.setPlainText("已被新办法取代")
    with qtbot.waitSignal(context(office).runner.data_changed) as changed:
        press_ok(dialog, office)
    assert changed.args == [{"documents"}]
    assert not dialog.isVisible() and dialog.returned == 1
    assert state(office) == (
        "repealed",
        date(2026, 6, 10),
        "2026-06-10 废止：已被新办法取代",
        [(2, 1, "repeals")],
    )


def test_amendment_links_the_amending_document_found_by_title(qtbot, office):
    dialog = open_dialog(qtbot, office)
    dialog.set_status("amended")
    choose_source(dialog, office, "关于修改")
    dialog.day.setDate(DAY)
    press_ok(dialog, office)
    assert not dialog.isVisible()
    status, changed, _remarks, links = state(office)
    assert (status, changed, links) == ("amended", date(2026, 6, 10), [(2, 1, "amends")])


def test_amended_without_the_amending_document_is_refused_and_nothing_changes(qtbot, office):
    dialog = open_dialog(qtbot, office)
    dialog.set_status("amended")
    assert dialog.source_hint.text() == "必填：选择修改该文件的新文件。"
    dialog.reason.setPlainText("部分条款调整")
    press_ok(dialog, office)
    assert dialog.isVisible() and dialog.buttons.isEnabled()
    assert dialog.error.text() == "修改文件：必须指明修改该文件的新文件。"
    assert dialog.reason.toPlainText() == "部分条款调整"
    assert state(office) == UNCHANGED


def test_declared_invalid_without_a_reason_is_refused_and_nothing_changes(qtbot, office):
    dialog = open_dialog(qtbot, office)
    dialog.set_status("declared_invalid")
    press_ok(dialog, office)
    assert dialog.isVisible()
    assert dialog.error.text() == "宣布失效原因：必须填写。"
    assert dialog.reason.hasFocus()
    assert state(office) == UNCHANGED


def test_no_status_chosen_is_refused_before_asking_the_service(qtbot, office):
    dialog = open_dialog(qtbot, office)
    dialog.reason.setPlainText("上位法已废止")
    press_ok(dialog, office)
    assert dialog.error.text() == "状态：请选择已修改、废止、宣布失效或失效。"
    assert state(office) == UNCHANGED


def test_expiry_needs_no_linked_document_and_disables_the_picker(qtbot, office):
    dialog = open_dialog(qtbot, office)
    dialog.set_status("repealed")
    choose_source(dialog, office, "关于修改")
    assert dialog.source.isEnabled()
    assert dialog.source_hint.text() == "选填：选择废止该文件的新文件。"
    dialog.set_status("expired")
    assert not dialog.source.isEnabled()
    assert dialog.source_hint.text() == "失效不关联其他文件。"
    press_ok(dialog, office)
    assert not dialog.isVisible()
    assert state(office) == ("expired", TODAY, "", [])  # the disabled choice is not linked


def test_a_day_before_publication_is_refused_with_the_date_field_named(qtbot, office):
    dialog = open_dialog(qtbot, office)
    dialog.set_status("expired")
    dialog.day.setDate(dialog.day.date().addYears(-1))
    press_ok(dialog, office)
    assert dialog.error.text() == "失效日期：不能早于公布日期 2026-03-03。"
    assert dialog.day.hasFocus()
    assert state(office) == UNCHANGED


def test_a_document_already_retired_is_refused(qtbot, office):
    first = open_dialog(qtbot, office)
    first.set_status("expired")
    press_ok(first, office)
    dialog = open_dialog(qtbot, office)
    dialog.set_status("repealed")
    dialog.reason.setPlainText("重复操作")
    press_ok(dialog, office)
    assert dialog.isVisible()
    assert "当前为“失效”，只有现行有效的文件才能废止" in dialog.error.text()
