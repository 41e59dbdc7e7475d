"""The texts and legal bases in the GUI: a text attached in the 正文与依据 tab, its bases suggested
and confirmed, found by the register's 标题和正文 search with the hit shown; an upper-law change
recorded on the 上位法 page, its special cleanup opened in one step, decided and applied, and the
dashboard's 上位法变化待处理 line gone after."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox

from app import clock
from app.services import cleanup, legal_bases, texts
from app.services.permissions import SYSTEM
from app.services.vocabulary import LawChangeKind, TextKind
from app.ui.home.view import HomeView
from app.ui.register.texts_tab import SuggestionsDialog
from app.ui.register.view import RegisterView
from app.ui.validity.view import ValidityView
from tests.factories import bureaus_in_force, status
from tests.test_texts_and_bases import AMENDED, BODY
from tests.ui_context import context
from tests.widgets import shown

TODAY = date(2026, 11, 27)


@pytest.fixture
def office(database):
    clock.fix_today(TODAY)
    with database.transaction() as s:
        ids = bureaus_in_force(s)
    return database, ids


@pytest.fixture(autouse=True)
def answers(monkeypatch):
    told: list[str] = []
    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, lambda _p, _t, text, *a, **k: told.append(text))
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    return told


def wait(database):
    assert context(database).runner.wait()
    QCoreApplication.processEvents()
    assert context(database).runner.wait()


def test_a_text_file_attached_gives_suggestions_confirmed_and_a_text_search_hit(
    qtbot, office, tmp_path: Path, monkeypatch
):
    database, ids = office
    source = tmp_path / "低保办法.txt"
    source.write_text(BODY, encoding="gb18030")
    view = shown(qtbot, RegisterView(context(database)), (1366, 700))
    wait(database)
    view.select_document(ids[0])
    tab = view.detail.texts
    assert tab.attach_button.isEnabled() and not tab.suggest_button.isEnabled()
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getOpenFileName", lambda *a, **k: (str(source), "")
    )
    tab.choose_text_file(current=False)
    wait(database)
    assert "第三条 低保标准由市民政局会同市财政局拟定。" in tab.text.toPlainText()
    assert tab.versions.count() == 1 and "低保办法.txt" in tab.versions.itemText(0)
    assert view.detail.tabs.tabText(4) == "正文与依据（1）"

    offered: list[SuggestionsDialog] = []
    monkeypatch.setattr(SuggestionsDialog, "exec", lambda d: offered.append(d) or 0)
    tab.suggest()
    wait(database)
    [dialog] = offered
    names = [dialog.list.topLevelItem(n).text(0) for n in range(dialog.list.topLevelItemCount())]
    assert names == [
        "《社会救助暂行办法》",
        "《中华人民共和国行政许可法》",
        "《广东省社会救助条例》",
    ]
    dialog.list.topLevelItem(2).setCheckState(0, Qt.CheckState.Unchecked)
    with qtbot.waitSignal(dialog.accepted):
        dialog.submit()
    wait(database)
    tab.show_document(ids[0])
    assert [tab.bases.topLevelItem(n).text(0) for n in range(tab.bases.topLevelItemCount())] == [
        "《社会救助暂行办法》",
        "《中华人民共和国行政许可法》",
    ]
    assert tab.bases.topLevelItem(1).text(1) == "第十二条"

    view.scope.setCurrentIndex(1)  # 标题和正文
    view.search.setText("低保标准")
    view.apply_filters()
    wait(database)
    assert view.model.rowCount() == 1
    view.select_document(ids[0])
    assert view.hit.isVisible()
    assert "<b" in view.hit.text() and "低保标准" in view.hit.text()
    view.scope.setCurrentIndex(0)  # 仅标题: the title holds no such words
    wait(database)
    assert view.model.rowCount() == 0


def test_versions_compare_side_by_side_with_the_differences_marked(qtbot, office):
    from app.ui.register.texts_tab import CompareDialog

    database, ids = office
    with database.transaction() as s:
        texts.add_typed(s, SYSTEM, ids[0], BODY, TextKind.ORIGINAL)
        texts.add_typed(s, SYSTEM, ids[0], AMENDED, TextKind.CONSOLIDATED, date(2026, 10, 1))
    ctx = context(database)
    with database.reading() as s:
        versions = texts.versions(s, ids[0])
    dialog = shown(qtbot, CompareDialog(ctx, versions, None))
    wait(database)
    html = dialog.view.toHtml()
    assert "和特困供养" in dialog.view.toPlainText()
    assert "#c8ecc8" in html and "共 6 段，其中 3 段不同" in dialog.summary.text()


def test_an_upper_law_change_walks_from_recording_to_an_applied_cleanup(qtbot, office, answers):
    database, ids = office
    with database.transaction() as s:
        for doc_id in ids[:2]:
            legal_bases.add_basis(s, SYSTEM, doc_id, "社会救助暂行办法", "第十条")
        legal_bases.add_basis(s, SYSTEM, ids[4], "中华人民共和国预算法")
    ctx = context(database)
    home = shown(qtbot, HomeView(ctx), (1366, 700))
    home.refresh()
    wait(database)
    assert not home.laws.isVisible()

    page = shown(qtbot, ValidityView(ctx), (1366, 700))
    page.show_laws()
    wait(database)
    laws = page.laws
    assert [r.name for r in laws.laws.rows] == ["中华人民共和国预算法", "社会救助暂行办法"]
    opened: list = []
    monkeypatch_exec = pytest.MonkeyPatch()
    from app.ui.validity.laws_page import RecordChangeDialog

    def fill(dialog: RecordChangeDialog) -> int:
        opened.append(dialog)
        dialog.law.setCurrentText("《社会救助暂行办法》")
        dialog.kind.setCurrentIndex(dialog.kind.findData(LawChangeKind.REPEALED))
        dialog.what.setPlainText("由《社会救助法》取代")
        dialog.cleanup.setChecked(False)  # recorded first, the cleanup opened from the list
        with qtbot.waitSignal(dialog.accepted):
            dialog.submit()
        return dialog.result()

    monkeypatch_exec.setattr(RecordChangeDialog, "exec", fill)
    try:
        laws.record_change()
    finally:
        monkeypatch_exec.undo()
    wait(database)
    assert "以下 2 件现行有效文件以其为制定依据" in answers[-1]
    assert "《民政文件0》" in answers[-1]
    assert laws.banner.isVisible() and "2 件现行文件待清理" in laws.banner.text()
    home.refresh()
    wait(database)
    assert home.laws.isVisible() and "社会救助暂行办法" in home.laws.text()

    laws.select_change(laws.changes.rows[0].id)
    assert laws.cleanup_button.isEnabled()
    laws.open_cleanup()
    wait(database)
    batch = page.batch
    assert batch is not None
    with database.reading() as s:
        [open_batch] = [b for b in cleanup.list_batches(s) if b.status == "open"]
        assert [i.document_id for i in open_batch.items] == ids[:2]
        batch_id = open_batch.id
    batch.close()
    with database.transaction() as s:
        for doc_id in ids[:2]:
            cleanup.decide(s, SYSTEM, batch_id, doc_id, "repeal", "上位法已废止")
        cleanup.apply(s, SYSTEM, batch_id, TODAY)
    ctx.runner.data_changed.emit({"cleanup"})
    wait(database)
    assert not laws.banner.isVisible()
    assert laws.changes.rows[0].batch_applied
    home.refresh()
    wait(database)
    assert not home.laws.isVisible()
    with database.reading() as s:
        assert [status(s, i) for i in ids[:2]] == ["repealed", "repealed"]
