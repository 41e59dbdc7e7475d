import threading
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import func, select

from app import clock
from app.errors import UserError
from app.models import Document
from app.services import documents, lifecycle, numbering, search, texts
from app.services.documents import DocumentInput
from app.services.lifecycle import IN_FORCE
from app.services.permissions import SYSTEM
from app.services.vocabulary import TextKind
from app.ui.main_window import MainWindow
from app.ui.register.document_dialog import DocumentDialog
from app.ui.register.table_model import COLUMNS, DocumentTableModel
from app.ui.register.view import RegisterView
from app.ui.widgets import state
from tests.conftest import DEMO_DOCS
from tests.ui_context import context
from tests.widgets import shown


@pytest.fixture
def view(qtbot, demo):
    widget = shown(qtbot, RegisterView(context(demo)), size=(1200, 760))
    qtbot.waitExposed(widget)
    return widget


def titles(view: RegisterView) -> list[str]:
    return [view.model.row_data(r).title for r in range(view.model.rowCount())]


def searchable_text(database, doc_id: int) -> str:
    with database.reading() as s:
        d = documents.get(s, doc_id)
        return " ".join(
            [d.title, d.doc_number or "", d.reg_number or "", d.issuer.name, d.keywords, d.summary]
        )


def type_search(qtbot, view: RegisterView, text: str) -> None:
    """Type like an input method does: one key event per character (QTest is ASCII only)."""
    view.search.clear()
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(view.search, event)
    assert view.search.text() == text
    assert view.model.query.text != text  # nothing queried until the pause
    qtbot.waitUntil(lambda: view.model.query.text == text, timeout=2000)


def test_register_fills_from_demo_data_and_shows_the_count(view, demo):
    with demo.reading() as s:
        total = s.scalar(select(func.count(Document.id)))
    assert view.model.rowCount() == total == DEMO_DOCS
    assert view.count.text() == f"共 {DEMO_DOCS} 件"
    headers = [view.model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(COLUMNS))]
    assert headers[:3] == ["登记编号", "发文字号", "文件名称"] and headers[-1] == "状态"


def test_typing_a_chinese_phrase_filters_the_rows_after_a_short_pause(qtbot, view, demo):
    target = view.model.row_data(7)
    phrase = target.title[3:7]
    type_search(qtbot, view, phrase)
    assert 0 < view.model.rowCount() < DEMO_DOCS
    assert view.model.row_of(target.id) >= 0
    for row in range(view.model.rowCount()):
        assert phrase in searchable_text(demo, view.model.doc_id(row))
    assert view.count.text() == f"共 {view.model.rowCount()} 件"


def test_a_two_character_query_finds_documents(qtbot, view, demo):
    target = view.model.row_data(3)
    phrase = target.title[-2:]
    type_search(qtbot, view, phrase)
    assert view.model.row_of(target.id) >= 0
    for row in range(view.model.rowCount()):
        assert phrase in searchable_text(demo, view.model.doc_id(row))


def test_status_filter_current_valid_shows_only_documents_in_force(view):
    view.status.setCurrentIndex(view.status.findText("现行有效"))
    assert 0 < view.model.rowCount() < DEMO_DOCS
    statuses = {view.model.row_data(r).status for r in range(view.model.rowCount())}
    assert statuses <= set(IN_FORCE)


def test_issuer_filter_shows_only_that_issuer(view):
    view.issuer.setCurrentIndex(view.issuer.findText("河清市民政局"))
    assert 0 < view.model.rowCount() < DEMO_DOCS
    names = {view.model.row_data(r).issuer_name for r in range(view.model.rowCount())}
    assert names == {"河清市民政局"}


def test_year_and_flag_filters_combine(view):
    view.year.setCurrentIndex(view.year.findData(2021))
    per_year = view.model.rowCount()
    assert all(view.model.row_data(r).published.year == 2021 for r in range(per_year))
    view.flags["important"].setChecked(True)
    assert view.model.rowCount() <= per_year
    assert view.model.query.important is True and view.model.query.year == 2021


def click_header(qtbot, view: RegisterView, column: int) -> None:
    header = view.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def test_header_click_sorts_in_sql_and_a_second_click_reverses(qtbot, view):
    all_titles = titles(view)
    click_header(qtbot, view, 2)
    assert view.model.query.order_by == "title"
    first = view.model.row_data(0).title
    assert first == (max(all_titles) if view.model.query.descending else min(all_titles))
    click_header(qtbot, view, 2)
    second = view.model.row_data(0).title
    assert second == (max(all_titles) if view.model.query.descending else min(all_titles))
    assert first != second


def test_model_loads_only_the_pages_asked_for(demo):
    model = DocumentTableModel(context(demo), page_size=20, max_pages=3)
    model.refresh()
    assert model.rowCount() == DEMO_DOCS and model.fetch_count == 0
    model.index(0, 2).data()
    model.index(19, 2).data()
    assert model.fetch_count == 1
    model.index(250, 0).data()
    assert model.fetch_count == 2
    for row in (40, 60, 80):  # three more pages: the oldest cached page is dropped
        model.index(row, 0).data()
    assert len(model._pages) == 3
    model.index(0, 0).data()
    assert model.fetch_count == 6


def test_model_reads_the_first_page_of_ids_first_and_the_rest_in_order_when_needed(qtbot, demo):
    model = DocumentTableModel(context(demo), page_size=20)
    model.refresh()
    with demo.reading() as s:
        expected = search.find_ids(s, model.query)
    assert model.rowCount() == DEMO_DOCS and len(model._ids) == 20
    assert [model.doc_id(r) for r in range(DEMO_DOCS)] == expected
    with demo.transaction() as s:
        documents.create_draft(s, SYSTEM, DocumentInput("MZ", "河清市殡葬管理暂行办法"))
    model.refresh()
    model.index(0, 0).data()  # the first page shown; the other ids follow on the next turn
    qtbot.waitUntil(lambda: len(model._ids) == DEMO_DOCS + 1)
    assert model.row_of(expected[-1]) == DEMO_DOCS


def test_model_refreshes_when_documents_change_before_the_ids_are_complete(qtbot, demo):
    model = DocumentTableModel(context(demo), page_size=20)
    model.refresh()
    with demo.transaction() as s:
        new_id = documents.create_draft(s, SYSTEM, DocumentInput("MZ", "河清市殡葬管理暂行办法")).id
    model.row_data(DEMO_DOCS - 1)
    qtbot.waitUntil(lambda: model.rowCount() == DEMO_DOCS + 1)
    assert model.row_data(model.row_of(new_id)).title == "河清市殡葬管理暂行办法"


def test_the_view_fetches_only_the_visible_page(view):
    assert view.model.rowCount() == DEMO_DOCS > view.model.page_size
    assert view.model.fetch_count == 1


def test_model_data_formats_dates_and_gives_title_tooltips(view):
    row = next(r for r in range(50) if view.model.row_data(r).published is not None)
    published = view.model.row_data(row).published
    assert view.model.index(row, 5).data() == published.isoformat()
    assert view.model.index(row, 2).data(Qt.ItemDataRole.ToolTipRole) == titles(view)[row]
    assert view.model.index(row, 0).data(Qt.ItemDataRole.DecorationRole) is None


def test_column_chooser_hides_a_column_and_a_new_view_restores_it(qtbot, view, demo):
    menu = view.column_menu()
    action = next(a for a in menu.actions() if a.text() == "起草单位")
    assert action.isChecked()
    action.trigger()
    assert view.table.horizontalHeader().isSectionHidden(4)
    again = RegisterView(context(demo))
    qtbot.addWidget(again)
    assert again.table.horizontalHeader().isSectionHidden(4)
    assert not again.table.horizontalHeader().isSectionHidden(2)


def test_a_column_width_set_on_the_shown_register_is_kept_when_it_hides(qtbot, view, demo):
    view.table.horizontalHeader().resizeSection(0, 211)
    view.hide()  # before the save timer: the hiding saves it
    assert Path(state.ui_settings().fileName()).is_file()
    again = RegisterView(context(demo))
    qtbot.addWidget(again)
    assert again.table.horizontalHeader().sectionSize(0) == 211


def test_a_search_in_the_texts_shows_the_selected_documents_hit(qtbot, view, demo):
    doc_id = view.model.doc_id(0)
    with demo.transaction() as s:
        body = "第一条 为保障青龙乡校车安全，制定本办法。"
        texts.add_typed(s, SYSTEM, doc_id, body, TextKind.ORIGINAL)
    view.scope.setCurrentIndex(view.scope.findData(True))  # 标题和正文
    view.search.setText("青龙乡校车")
    qtbot.waitUntil(lambda: view.model.query.text == "青龙乡校车", timeout=3000)
    assert view.model.rowCount() == 1
    view.table.selectRow(0)
    qtbot.waitUntil(view.hit.isVisible, timeout=3000)
    assert "青龙乡校车" in view.model.snippet(doc_id).text
    assert view.hit.text().startswith(f"{TextKind.ORIGINAL.label}命中")


def test_ctrl_n_opens_the_new_document_dialog(qtbot, view):
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow, timeout=2000)
    qtbot.keyClick(view.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(view.dialog, DocumentDialog)
    assert view.dialog.isVisible()
    view.dialog.reject()


def test_ctrl_f_focuses_the_search_box(qtbot, view):
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow, timeout=2000)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(view.search.hasFocus, timeout=2000)


def test_creating_a_document_through_the_dialog_adds_and_selects_its_row(qtbot, view, demo):
    view.new_document()
    dialog = view.dialog
    dialog.issuer.setCurrentIndex(dialog.issuer.findText("河清市民政局"))
    dialog.title.setText("河清市养老服务补贴发放管理办法")
    dialog.doc_number.setText("河民发[2024]901号")
    dialog.published.set_value(date(2024, 5, 6))
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert context(demo).runner.wait()
    qtbot.waitUntil(lambda: view.model.rowCount() == DEMO_DOCS + 1, timeout=3000)
    assert not dialog.isVisible()
    assert view.count.text() == f"共 {DEMO_DOCS + 1} 件"
    selected = view.model.row_data(view.table.currentIndex().row())
    assert selected.title == "河清市养老服务补贴发放管理办法"
    assert selected.doc_number == "河民发〔2024〕901号"
    assert selected.reg_number  # allocated
    assert view.detail.title.text() == "河清市养老服务补贴发放管理办法"


def test_detail_pane_names_the_missing_required_steps(qtbot, view, demo):
    with demo.transaction() as s:
        doc = documents.create_draft(
            s, SYSTEM, DocumentInput("MZ", "河清市社区养老设施配建办法", important=True)
        )
        doc_id = doc.id
    context(demo).runner.data_changed.emit({"documents"})
    view.select_document(doc_id)
    assert view.selected_id() == doc_id
    assert view.detail.title.text() == "河清市社区养老设施配建办法"
    assert "评估论证" in view.detail.missing_steps()
    shown = [view.detail.steps.topLevelItem(i).text(0) for i in range(4)]
    assert "评估论证　未办理：重要文件应当评估论证" in shown
    done = view.detail.steps.topLevelItem(0)
    assert (done.text(0), done.text(1)) == ("起草", date.today().isoformat())


def test_a_change_elsewhere_refreshes_the_register(view, demo):
    with demo.transaction() as s:
        documents.create_draft(s, SYSTEM, DocumentInput("MZ", "河清市殡葬管理暂行办法"))
    assert view.model.rowCount() == DEMO_DOCS
    context(demo).runner.data_changed.emit({"documents"})
    assert view.model.rowCount() == DEMO_DOCS + 1


def test_main_window_has_the_register_filled(qtbot, demo):
    window = MainWindow(context(demo))
    qtbot.addWidget(window)
    register = window.page("register")
    assert isinstance(register, RegisterView)
    assert register.count.text() == f"共 {DEMO_DOCS} 件"


# --- the operation runner ---------------------------------------------------------------------


def test_runner_delivers_results_on_the_gui_thread(qtbot, demo):
    runner = context(demo).runner
    got = []
    runner.run(lambda s, _p: len(search.find_ids(s, search.DocumentQuery())), on_done=got.append)
    assert runner.wait()
    assert got == [DEMO_DOCS]


def test_reload_asked_during_a_load_runs_once_more_and_shows_only_the_newest(qtbot, demo):
    from PySide6.QtWidgets import QWidget

    from app.ui.operations import Reload

    view, built, shown = QWidget(), [], []
    qtbot.addWidget(view)

    def work():
        built.append(len(built) + 1)
        number = built[-1]
        return lambda _s, _p: number

    reload = Reload(view, context(demo).runner, work, shown.append)
    for _ in range(3):  # the second and third ask arrive while the first load runs
        reload()
    qtbot.waitUntil(lambda: not reload.loading and context(demo).runner.wait())
    assert built == [1, 2] and shown == [2]


def test_runner_routes_user_errors_and_rolls_back(qtbot, demo, no_modal_boxes):
    runner = context(demo).runner
    changed = []
    runner.data_changed.connect(changed.append)

    def fails(s, _p):
        documents.create_draft(s, SYSTEM, DocumentInput("MZ", "不会保存的草稿"))
        raise UserError("演示：操作被拒绝。")

    runner.run(fails, write=True, changes={"documents"})
    assert runner.wait()
    assert no_modal_boxes == ["演示：操作被拒绝。"]
    assert changed == []
    with demo.reading() as s:
        assert s.scalar(select(func.count(Document.id))) == DEMO_DOCS


def test_runner_cancel_rolls_back_a_write(qtbot, demo):
    runner = context(demo).runner
    started, go, done = threading.Event(), threading.Event(), []

    def work(s, progress):
        documents.create_draft(s, SYSTEM, DocumentInput("MZ", "取消后不应保存"))
        started.set()
        go.wait(5)
        return progress(1, 1)

    job = runner.run(work, write=True, changes={"documents"}, on_done=done.append)
    assert started.wait(5)
    job.request_cancel()  # what the progress dialog's 取消 button does
    go.set()
    assert runner.wait()
    assert done == []
    with demo.reading() as s:
        assert s.scalar(select(func.count(Document.id))) == DEMO_DOCS


def test_an_attachment_added_in_the_detail_pane_is_listed_and_opens(
    qtbot, view, demo, tmp_path, monkeypatch
):
    opened = []
    monkeypatch.setattr(
        "app.ui.register.detail.QDesktopServices.openUrl", lambda url: opened.append(url)
    )
    source = tmp_path / "起草说明.txt"
    source.write_text("起草说明", encoding="utf-8")
    view.table.selectRow(0)
    doc_id = view.selected_id()
    view.detail.attach_files(doc_id, [source])
    assert context(demo).runner.wait()
    assert view.selected_id() == doc_id  # the refresh kept the selection
    assert view.detail.attachments.count() == 1
    assert view.detail.attachments.item(0).text().startswith("起草说明.txt")
    view.detail.attachments.setCurrentRow(0)
    view.detail.open_selected_attachment()
    assert context(demo).runner.wait()
    assert len(opened) == 1 and opened[0].toLocalFile()


def test_retire_and_number_buttons_follow_the_selected_document_and_the_role(
    qtbot, view, demo, monkeypatch, no_modal_boxes
):
    from app.services.permissions import Actor, Role
    from app.ui.register.retire_dialog import RetireDialog
    from app.ui.register.void_number_dialog import VoidNumberDialog

    with demo.reading() as s:
        in_force = s.scalar(
            select(Document.id)
            .where(
                lifecycle.in_force_clause(clock.today()), Document.status.in_(lifecycle.IN_FORCE)
            )
            .limit(1)
        )
        draft_id = s.scalar(select(Document.id).where(Document.status == "draft").limit(1))
    view.select_document(in_force)
    assert view.retire_button.isEnabled() and view.number_button.isEnabled()
    view.retire_button.click()
    assert isinstance(view.dialog, RetireDialog)
    view.dialog.reject()
    view.number_button.click()
    assert isinstance(view.dialog, VoidNumberDialog)
    view.dialog.reject()
    view.select_document(draft_id)
    assert not view.retire_button.isEnabled() and not view.number_button.isEnabled()
    with demo.transaction() as s:
        numbering.void(s, SYSTEM, s.get(Document, in_force).reg_number, "登记时录错文件")
    context(demo).runner.data_changed.emit({"documents"})
    view.select_document(in_force)
    assert view.number_button.text() == "分配编号…" and view.number_button.isEnabled()
    no_modal_boxes.clear()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    view.number_button.click()
    context(demo).runner.wait()
    with demo.reading() as s:
        assert s.get(Document, in_force).reg_number is not None
    assert view.number_button.text() == "作废编号…"
    view.ctx.user = Actor("李四", Role.CLERK)
    view.select_document(in_force)
    assert view.retire_button.isEnabled() and not view.number_button.isEnabled()


def _place(view: RegisterView) -> tuple[int, int, int | None]:
    return (
        view.table.verticalScrollBar().value(),
        view.table.horizontalScrollBar().value(),
        view.selected_id(),
    )


def _scroll_to_the_middle_and_select(qtbot, view: RegisterView) -> int:
    view.table.verticalScrollBar().setValue(view.table.verticalScrollBar().maximum() // 2)
    view.table.horizontalScrollBar().setValue(view.table.horizontalScrollBar().maximum())
    row = view.table.rowAt(view.table.viewport().height() // 2)
    view.table.selectRow(row)
    qtbot.waitUntil(lambda: view.selected_id() is not None)
    return view.model.doc_id(row)


def test_a_saved_change_repaints_the_row_and_keeps_the_clerks_place(qtbot, view, demo):
    view.resize(700, 500)  # a scroll bar both ways
    chosen = _scroll_to_the_middle_and_select(qtbot, view)
    before = _place(view)
    assert before[0] > 0 and before[1] > 0
    row = view.model.row_of(chosen)

    def retitle(s, _progress):
        doc = documents.get(s, chosen)
        doc.remarks = "已复核"
        doc.title = doc.title + "（修订）"

    with qtbot.waitSignal(view.runner.finished, timeout=10000):
        view.runner.run(retitle, write=True, changes={"documents"})

    assert view.model.row_data(row).title.endswith("（修订）")
    assert _place(view) == before


def test_a_document_added_elsewhere_keeps_the_clerks_place(qtbot, view, demo):
    view.resize(700, 500)
    chosen = _scroll_to_the_middle_and_select(qtbot, view)
    before = _place(view)
    with demo.transaction() as s:
        documents.create_draft(s, SYSTEM, DocumentInput("MZ", "河清市殡葬管理暂行办法"))

    view.runner.data_changed.emit({"documents"})

    assert view.model.rowCount() == DEMO_DOCS + 1
    assert view.selected_id() == chosen
    after = _place(view)
    assert after[1:] == before[1:] and abs(after[0] - before[0]) <= view.table.rowHeight(0)


def test_the_title_takes_the_room_left_and_numbers_show_whole(qtbot, view):
    from app.ui.register.table_model import TITLE_COLUMN
    from app.ui.register.view import TITLE_WIDTH

    header = view.table.horizontalHeader()
    metrics = view.table.fontMetrics()
    assert header.sectionSize(0) > metrics.horizontalAdvance("HQSZFBGS-2026-001")
    assert header.sectionSize(1) > metrics.horizontalAdvance("河自然资规发〔2026〕12号")
    view.resize(1800, 760)
    qtbot.waitUntil(lambda: header.length() == view.table.viewport().width())
    assert header.sectionSize(TITLE_COLUMN) > TITLE_WIDTH  # wide screen: the titles get it
    view.resize(900, 760)
    qtbot.waitUntil(lambda: header.sectionSize(TITLE_COLUMN) == TITLE_WIDTH)
    assert view.table.horizontalScrollBar().maximum() > 0  # narrow: it scrolls, no squeezing


def test_the_detail_pane_can_be_put_away_and_stays_so(qtbot, view, demo):
    assert view.detail.isVisible() and view.detail_button.text() == "收起详情"
    rows_before = view.table.viewport().height()
    view.detail_button.click()
    assert not view.detail.isVisible() and view.detail_button.text() == "显示详情"
    qtbot.waitUntil(lambda: view.table.viewport().height() > rows_before)
    again = shown(qtbot, RegisterView(context(demo)))
    assert not again.detail.isVisible()  # remembered for the next start
    again.detail_button.click()
    assert again.detail.isVisible()


def test_an_empty_register_says_how_to_begin_and_filters_that_find_nothing_say_so(qtbot, database):
    from tests.factories import add_issuer, register

    view = shown(qtbot, RegisterView(context(database)))
    assert view.placeholder.isVisible()
    assert "新建…" in view.placeholder.text() and "导入台账" in view.placeholder.text()
    with database.transaction() as s:
        add_issuer(s)
        register(s, "河清市临时救助实施办法", published=date(2026, 3, 3))
    context(database).runner.data_changed.emit({"documents", "issuers"})
    assert view.model.rowCount() == 1 and not view.placeholder.isVisible()
    type_search(qtbot, view, "不存在的标题")
    view.apply_filters()
    assert view.placeholder.isVisible() and "没有符合条件的文件" in view.placeholder.text()
    assert "新建…" not in view.placeholder.text()


def test_enter_on_a_row_opens_it_as_a_double_click_does(qtbot, view):
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow, timeout=2000)
    view.table.setFocus()
    view.table.selectRow(2)
    chosen = view.selected_id()
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert isinstance(view.dialog, DocumentDialog)
    assert view.dialog.doc_id == chosen
    view.dialog.reject()


def test_a_view_deleted_before_its_hit_is_shown_raises_nothing(qtbot, demo):
    """The hit is shown on the event loop's next turn after a reset; a view closed meanwhile (a
    database switch replaces the window) must not be reached by it."""
    import shiboken6
    from PySide6.QtWidgets import QApplication

    doomed = RegisterView(context(demo))
    doomed.model.set_query(doomed.current_query())  # a reset: the hit is posted
    shiboken6.delete(doomed)
    QApplication.processEvents()
    assert not shiboken6.isValid(doomed)
