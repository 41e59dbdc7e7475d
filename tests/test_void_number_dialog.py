from datetime import date

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from sqlalchemy import select

from app import clock
from app.models import NumberAllocation
from app.services import documents, issuers, numbering
from app.services.permissions import Actor, Role
from app.ui.register.void_number_dialog import NO_HOLDER, WARNING, VoidNumberDialog
from tests.factories import add_issuer, register
from tests.ui_context import context

TODAY = date(2026, 6, 15)


@pytest.fixture
def office(database):
    """MZGS-2026-001 held by document 1; MZGS-2026-002 allocated to no document."""
    clock.fix_today(TODAY)
    with database.transaction() as s:
        add_issuer(s)
        register(s, "河清市城乡居民最低生活保障管理办法")
        numbering.allocate(s, issuers.by_code(s, "MZ"), 2026, None)
    return database


def open_dialog(qtbot, database, number: str = "") -> VoidNumberDialog:
    dialog = VoidNumberDialog(context(database), number)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):  # so the field a refusal names can take the focus
        dialog.show()
    assert context(database).runner.wait()  # the holder's title is looked up
    return dialog


def press_ok(dialog: VoidNumberDialog, database) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert context(database).runner.wait()


def allocation(database, number: str):
    with database.reading() as s:
        a = s.scalar(select(NumberAllocation).where(NumberAllocation.number == number))
        return a.voided, a.void_reason, a.voided_on


def reg_number(database) -> str | None:
    with database.reading() as s:
        return documents.get(s, 1).reg_number


def test_shows_the_number_its_document_and_the_warning(qtbot, office):
    dialog = open_dialog(qtbot, office, "MZGS-2026-001")
    assert dialog.number.text() == "MZGS-2026-001"
    assert dialog.holder.text() == "《河清市城乡居民最低生活保障管理办法》"
    assert WARNING in [label.text() for label in dialog.findChildren(QLabel)]
    assert "永不再使用" in WARNING and "没有登记编号" in WARNING


def test_voiding_the_documents_number_records_the_reason_and_leaves_it_without_one(qtbot, office):
    dialog = open_dialog(qtbot, office, "MZGS-2026-001")
    dialog.day.setDate(QDate(2026, 6, 10))
    dialog.reason.setPlainText("登记时编号分配错误")
    with qtbot.waitSignal(context(office).runner.data_changed) as changed:
        press_ok(dialog, office)
    assert changed.args == [{"documents"}]
    assert not dialog.isVisible()
    assert allocation(office, "MZGS-2026-001") == (True, "登记时编号分配错误", date(2026, 6, 10))
    assert reg_number(office) is None


def test_a_typed_number_that_no_document_holds_can_be_voided(qtbot, office):
    dialog = open_dialog(qtbot, office, "MZGS-2026-001")
    dialog.number.setText("MZGS-2026-002")
    dialog.find_holder()
    assert context(office).runner.wait()
    assert dialog.holder.text() == NO_HOLDER
    dialog.reason.setPlainText("预留编号未使用")
    press_ok(dialog, office)
    assert not dialog.isVisible()
    assert allocation(office, "MZGS-2026-002") == (True, "预留编号未使用", TODAY)
    assert reg_number(office) == "MZGS-2026-001"


def test_a_missing_reason_is_refused_and_nothing_changes(qtbot, office):
    dialog = open_dialog(qtbot, office, "MZGS-2026-001")
    press_ok(dialog, office)
    assert dialog.isVisible() and dialog.buttons.isEnabled()
    assert dialog.error.text() == "作废原因：必须填写。"
    assert dialog.reason.hasFocus()
    assert allocation(office, "MZGS-2026-001") == (False, "", None)
    assert reg_number(office) == "MZGS-2026-001"


def test_a_number_that_does_not_exist_is_refused(qtbot, office):
    dialog = open_dialog(qtbot, office, "MZGS-2026-009")
    assert dialog.holder.text() == NO_HOLDER
    dialog.reason.setPlainText("编号错误")
    press_ok(dialog, office)
    assert dialog.isVisible()
    assert dialog.error.text() == "登记编号“MZGS-2026-009”不存在。"
    assert dialog.reason.toPlainText() == "编号错误"
    assert allocation(office, "MZGS-2026-001") == (False, "", None)


def test_an_empty_number_is_refused_before_asking_the_service(qtbot, office):
    dialog = open_dialog(qtbot, office)
    dialog.reason.setPlainText("编号错误")
    press_ok(dialog, office)
    assert dialog.error.text() == "登记编号：请填写要作废的编号。"
    assert dialog.number.hasFocus()


def test_a_number_voided_already_is_refused(qtbot, office):
    first = open_dialog(qtbot, office, "MZGS-2026-002")
    first.reason.setPlainText("预留编号未使用")
    press_ok(first, office)
    dialog = open_dialog(qtbot, office, "MZGS-2026-002")
    dialog.reason.setPlainText("再次作废")
    press_ok(dialog, office)
    assert dialog.error.text() == "登记编号“MZGS-2026-002”已于 2026-06-15 作废。"
    assert allocation(office, "MZGS-2026-002") == (True, "预留编号未使用", TODAY)


def test_a_clerk_is_refused_by_the_permission_rule(qtbot, office):
    context(office, Actor("李文", Role.CLERK))
    dialog = open_dialog(qtbot, office, "MZGS-2026-001")
    dialog.reason.setPlainText("编号错误")
    press_ok(dialog, office)
    assert dialog.error.text() == "用户“李文”（登记员）无权执行：作废登记编号。"
    assert reg_number(office) == "MZGS-2026-001"
