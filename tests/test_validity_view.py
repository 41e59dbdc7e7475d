from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, QItemSelectionModel
from PySide6.QtWidgets import QMessageBox

from app import clock
from app.services import cleanup, deadlines
from app.services.permissions import SYSTEM
from app.ui.cleanup.batch_dialog import DECISION_COLUMN
from app.ui.main_window import MainWindow
from app.ui.validity.view import ValidityView
from tests.factories import bureaus_in_force, register, status
from tests.ui_context import context
from tests.widgets import previewed_text, shown

TODAY = date(2026, 11, 27)


@pytest.fixture
def office(database):
    """Four documents in force of 民政局 (published 2025-03-01..04), one of 财政局."""
    clock.fix_today(TODAY)
    with database.transaction() as s:
        ids = bureaus_in_force(s)[:-1]
    return database, ids


@pytest.fixture(autouse=True)
def no_modal_boxes(monkeypatch):
    shown: list[str] = []
    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, lambda _p, _t, text, *a, **k: shown.append(text))
    monkeypatch.setattr(
        QMessageBox, "question", lambda _p, _t, text, *a, **k: QMessageBox.StandardButton.Yes
    )
    return shown


def wait(database):
    # twice: a finished job's refresh may queue the next job just after the first wait returns
    assert context(database).runner.wait()
    QCoreApplication.processEvents()
    assert context(database).runner.wait()


def open_decision(qtbot, batch, row: int):
    """Select a row once the batch has finished (re)loading, then open its decision dialog."""
    qtbot.waitUntil(lambda: not batch.reload.loading and batch.model.rowCount() > row)
    # through the selection model: selectRow() honours keyboard modifiers another test may leave set
    flags = (
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    batch.table.selectionModel().select(batch.model.index(row, 0), flags)
    batch.decide_selected()
    qtbot.waitUntil(lambda: batch.dialog.isVisible())
    return batch.dialog


def make_page(qtbot, database) -> ValidityView:
    page = shown(qtbot, ValidityView(context(database)))
    wait(database)
    return page


def cell(model, row, header):
    column = next(i for i, c in enumerate(model.columns) if c.header == header)
    return model.data(model.index(row, column))


def new_batch(database, codes=("MZ",), decisions=()):
    with database.transaction() as s:
        kind, reason = ("special", "民政条例修订") if codes else ("regular", "")
        batch = cleanup.create_batch(s, SYSTEM, kind, "2026年规范性文件清理", list(codes), reason)
        for doc_id, decision, reason in decisions:
            cleanup.decide(s, SYSTEM, batch.id, doc_id, decision, reason)
        return batch.id


def test_expiry_tab_lists_next_quarter_by_unit_and_records_a_lapse(qtbot, office):
    database, _ids = office
    with database.transaction() as s:
        register(s, "明年一月到期的办法", published=date(2022, 1, 15), drafting_unit="社会救助科")
        register(s, "明年四月到期的办法", published=date(2022, 4, 2))
    page = make_page(qtbot, database)
    view = page.expiry
    assert view.period.currentText() == "下季度"
    assert [(x.row.unit, x.row.title) for x in view.model.rows] == [
        ("社会救助科", "明年一月到期的办法")
    ]
    assert cell(view.model, 0, "实施单位") == "社会救助科"
    assert cell(view.model, 0, "评估情况") == "未评估"
    assert "届满未重新公布的文件将自动失效" in view.lapse.text()
    view.table.selectRow(0)
    view.evaluate()
    dialog = view.dialog
    dialog.decision.setCurrentIndex(dialog.decision.findData("lapse"))
    dialog.reason.setPlainText("调整事项已完成，届满后不再施行")
    with qtbot.waitSignal(dialog.accepted):
        dialog.submit()
    wait(database)
    assert cell(view.model, 0, "评估情况") == "届满失效"


def test_new_batch_previews_the_exact_scope_of_one_issuer_and_creates_it(qtbot, office):
    database, _ids = office
    page = make_page(qtbot, database)
    page.cleanup.new_batch()
    dialog = page.cleanup.dialog
    wait(database)
    assert "全部制定机关现行有效的文件共 <b>5</b> 件" in dialog.count.text()
    assert dialog.kind.currentData() == "regular" and not dialog.kind_note.isVisibleTo(dialog)
    dialog.issuers["MZ"].setChecked(True)
    wait(database)
    assert "河清市民政局现行有效的文件共 <b>4</b> 件" in dialog.count.text()
    assert dialog.first.count() == 4
    # one body of two is a special cleanup for it: the service says so, the dialog follows
    assert dialog.kind.currentData() == "special" and dialog.kind_note.isVisibleTo(dialog)
    assert not dialog.kind.model().item(dialog.kind.findData("regular")).isEnabled()
    dialog.reason.setPlainText("民政条例修订")
    with qtbot.waitSignal(dialog.accepted):
        dialog.submit()
    wait(database)
    line = page.cleanup.model.rows[0]
    assert (line.title, line.total, line.undecided) == ("2026年规范性文件专项清理", 4, 4)
    assert page.batch is not None and len(page.batch.model.rows) == 4


def test_special_batch_without_reason_shows_the_service_message(qtbot, office):
    database, _ids = office
    page = make_page(qtbot, database)
    page.cleanup.new_batch()
    dialog = page.cleanup.dialog
    dialog.kind.setCurrentIndex(dialog.kind.findData("special"))
    dialog.submit()
    wait(database)
    assert dialog.isVisible()
    assert "专项清理必须写明原因" in dialog.error.text()
    assert page.cleanup.model.rows == []


def test_decisions_are_kept_when_the_batch_is_reopened_and_apply_changes_statuses(qtbot, office):
    database, ids = office
    new_batch(database)
    with database.transaction() as s:
        amending = register(s, "关于修改民政文件2的决定", published=date(2026, 11, 1)).id
    page = make_page(qtbot, database)
    page.cleanup.open_batch()
    batch = page.batch
    wait(database)
    model = batch.model
    model.setData(model.index(0, DECISION_COLUMN), "continue")  # inline, no reason needed
    wait(database)
    model.setData(model.index(0, DECISION_COLUMN), "repeal")  # refused: the dialog asks why
    wait(database)
    assert "必须写明理由" in batch.dialog.error.text()
    batch.dialog.reason.setPlainText("调整对象已消失")
    with qtbot.waitSignal(batch.dialog.accepted):
        batch.dialog.submit()
    wait(database)
    dialog = open_decision(qtbot, batch, 0)
    dialog.decision.setCurrentIndex(dialog.decision.findData("amend"))
    dialog.reason.setPlainText("与新修订的条例不一致")
    dialog.amending.text.setText("关于修改民政文件2")
    dialog.amending.look_up()
    wait(database)
    assert dialog.amending.value() == amending
    with qtbot.waitSignal(dialog.accepted):
        dialog.submit()
    wait(database)
    assert [line.document_id for line in model.rows] == [ids[3]]
    batch.close()

    page.cleanup.open_batch()
    again = page.batch
    wait(database)
    again.filter.setCurrentIndex(1)
    wait(database)
    assert [cell(again.model, n, "清理结论") for n in range(4)] == [
        "继续有效",
        "废止",
        "修改",
        "未定",
    ]
    assert not again.apply_button.isEnabled()
    open_decision(qtbot, again, 2)
    assert again.dialog.amending.value() == amending  # the link is kept when edited again
    again.dialog.reject()
    open_decision(qtbot, again, 3)
    with qtbot.waitSignal(again.dialog.accepted):
        again.dialog.submit()  # 继续有效, the first choice
    wait(database)
    assert again.apply_button.isEnabled()
    again.apply()
    wait(database)
    with database.reading() as s:
        statuses = [status(s, i) for i in ids]
    assert statuses == ["in_force", "repealed", "amended", "in_force"]
    assert "已于 2026-11-27 实施" in again.heading.text()
    assert page.cleanup.model.rows[0].status == "已实施（2026-11-27）"


def test_printing_the_retired_catalog_lists_the_repealed_document(qtbot, office):
    database, ids = office
    new_batch(database, decisions=[(ids[1], "repeal", "调整对象已消失")])
    page = make_page(qtbot, database)
    page.cleanup.print_catalog("retired")
    wait(database)
    text = previewed_text(qtbot, page.cleanup)
    assert "民政文件1" in text and "民政文件0" not in text


def test_a_validity_deadline_on_the_dashboard_selects_the_document(qtbot, office):
    database, _ids = office
    with database.transaction() as s:
        doc_id = register(s, "明年一月到期的办法", published=date(2022, 1, 15)).id
        deadline = next(d for d in deadlines.open_deadlines(s) if d.kind == "validity")
    window = MainWindow(context(database))
    qtbot.addWidget(window)
    wait(database)
    window.open_deadline(deadline)
    wait(database)
    view = window.page("validity").expiry
    assert window.current_section() == "validity"
    assert view.current_row().document_id == doc_id
