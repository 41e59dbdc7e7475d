"""设置—单位与编号: 更名…, 合并到…, 停用…/启用… driven as a clerk would."""

from datetime import date

import pytest
from PySide6.QtCore import QDate

from app import clock
from app.services import issuer_names, issuers
from app.services.permissions import Actor, Role
from app.ui.register.document_dialog import DocumentDialog
from app.ui.settings.issuer_reform import (
    ActivateDialog,
    DeactivateDialog,
    MergeDialog,
    RenameDialog,
)
from app.ui.settings.issuers_page import IssuersPage
from tests.factories import add_finance_bureau, add_issuer, register
from tests.ui_context import context
from tests.widgets import shown


@pytest.fixture
def office(database):
    clock.fix_today(date(2026, 11, 27))
    with database.transaction() as s:
        add_issuer(s)
        add_finance_bureau(s)
        register(s, published=date(2026, 1, 5))
    return database


def _page(qtbot, database) -> IssuersPage:
    return shown(qtbot, IssuersPage(context(database)))


def _select(page: IssuersPage, code: str) -> None:
    index = next(n for n, row in enumerate(page.rows) if row.code == code)
    page.table.setCurrentItem(page.table.topLevelItem(index))


def _submit(dialog) -> None:
    dialog.submit()
    assert dialog.ctx.runner.wait()


def test_rename_from_the_page_keeps_the_code_and_shows_the_former_name(qtbot, office):
    page = _page(qtbot, office)
    _select(page, "MZ")
    assert page.rename_button.isEnabled() and page.state_button.text() == "停用…"
    page.rename_button.click()
    dialog = page.dialog
    assert isinstance(dialog, RenameDialog) and dialog.abbr.text() == "河民发"
    dialog.name.setText("河清市民政和社会保障局")
    dialog.abbr.setText("河民社发")
    dialog.day.setDate(QDate(2026, 3, 1))
    dialog.reason.setPlainText("机构改革方案")
    _submit(dialog)
    assert not dialog.isVisible()
    with office.reading() as s:
        body = issuers.by_code(s, "MZ")
        assert (body.name, body.abbr) == ("河清市民政和社会保障局", "河民社发")
        assert issuer_names.name_on(s, body, date(2026, 1, 5)).name == "河清市民政局"
    _select(page, "MZ")
    item = page.table.currentItem()
    assert item.text(1) == "河清市民政和社会保障局"
    assert item.toolTip(1) == "曾用名：河清市民政局（河民发，至 2026-02-28）"
    assert page.history.text() == "曾用名：河清市民政局（河民发，至 2026-02-28）"


def test_a_refused_rename_names_the_field_and_keeps_the_dialog_open(qtbot, office):
    page = _page(qtbot, office)
    _select(page, "MZ")
    page.rename_button.click()
    dialog = page.dialog
    dialog.name.setText("河清市财政局")
    dialog.reason.setPlainText("机构改革")
    _submit(dialog)
    assert dialog.isVisible()
    assert dialog.error.text() == "新名称：“河清市财政局”是制定机关“CZ”现用的名称。"
    assert dialog.name.hasFocus()
    dialog.name.setText("河清市民政和社会保障局")
    dialog.day.setDate(QDate(2026, 11, 28))
    _submit(dialog)
    assert dialog.error.text() == "生效日期：不能晚于今天（2026-11-27）。"
    assert dialog.day.hasFocus()


def test_merge_greys_the_body_marks_its_successor_and_disables_its_actions(qtbot, office):
    page = _page(qtbot, office)
    _select(page, "MZ")
    page.merge_button.click()
    dialog = page.dialog
    assert isinstance(dialog, MergeDialog)
    assert [dialog.into.itemData(n) for n in range(dialog.into.count())] == ["CZ"]
    dialog.reason.setPlainText("职责划入财政局")
    _submit(dialog)
    assert not dialog.isVisible()
    _select(page, "MZ")
    item = page.table.currentItem()
    assert item.text(1) == "河清市民政局（已并入 河清市财政局）"
    assert item.foreground(1).color() == page.table.palette().placeholderText().color()
    assert not any(
        b.isEnabled()
        for b in (page.rename_button, page.merge_button, page.state_button, page.template_button)
    )
    assert page.history.text() == "河清市民政局（已并入 河清市财政局）"


def test_deactivate_then_enable_again_from_the_page(qtbot, office):
    page = _page(qtbot, office)
    _select(page, "CZ")
    page.state_button.click()
    dialog = page.dialog
    assert isinstance(dialog, DeactivateDialog)
    _submit(dialog)
    assert dialog.error.text() == "原因：不能为空。" and dialog.reason.hasFocus()
    dialog.reason.setPlainText("暂停制发")
    _submit(dialog)
    _select(page, "CZ")
    assert page.table.currentItem().text(1) == "河清市财政局（已停用）"
    assert page.state_button.text() == "启用…" and page.merge_button.isEnabled()
    assert not page.rename_button.isEnabled()
    page.state_button.click()
    assert isinstance(page.dialog, ActivateDialog)
    page.dialog.reason.setPlainText("恢复制发")
    _submit(page.dialog)
    _select(page, "CZ")
    assert page.table.currentItem().text(1) == "河清市财政局"
    assert page.state_button.text() == "停用…"


def test_a_new_documents_issuer_chooser_lists_only_active_bodies(qtbot, office):
    with office.transaction() as s:
        issuers.deactivate(s, context(office).actor(), "CZ", "暂停制发")
    dialog = shown(qtbot, DocumentDialog(context(office)))
    codes = [dialog.issuer.itemData(n) for n in range(dialog.issuer.count())]
    assert codes == ["MZ"]
    page = _page(qtbot, office)
    assert [row.code for row in page.rows] == ["CZ", "MZ"]


def test_a_reader_sees_the_actions_but_may_not_use_them(qtbot, office):
    context(office, Actor("reader", Role.READ_ONLY))
    page = _page(qtbot, office)
    _select(page, "MZ")
    assert not page.rename_button.isEnabled()
    assert not page.merge_button.isEnabled()
    assert not page.state_button.isEnabled()
