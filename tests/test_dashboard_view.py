from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from app.services import objections
from app.services.permissions import SYSTEM
from app.ui.filing.objection_dialogs import ReplyDialog
from app.ui.filing.view import FilingView
from app.ui.home.view import HomeView
from app.ui.main_window import MainWindow
from app.ui.review.view import STATE_COLORS
from tests.factories import register
from tests.ui_context import context
from tests.widgets import shown

TODAY = date(2026, 11, 27)


def add_document(database, published, title="河清市城乡居民最低生活保障管理办法"):
    with database.transaction() as s:
        return register(s, title, published=published).id


def wait(database):
    assert context(database).runner.wait()


@pytest.fixture
def dashboard(qtbot, office):
    return shown(qtbot, HomeView(context(office)))


def cell(view, row, header, role=Qt.ItemDataRole.DisplayRole):
    column = view.model.headers.index(header)
    return view.model.data(view.model.index(row, column), role)


def row_of(view, kind):
    return next(i for i, d in enumerate(view.model.rows) if d.kind == kind)


def test_overdue_filing_is_listed_first_coloured_and_counted(qtbot, office, dashboard):
    add_document(office, date(2026, 11, 25), "河清市临时救助实施办法")  # due 10 December
    add_document(office, date(2026, 3, 3))  # due 18 March
    dashboard.refresh()
    wait(office)
    assert cell(dashboard, 0, "状态") == "已逾期"
    assert cell(dashboard, 0, "期限类型") == "报送备案"
    assert cell(dashboard, 0, "期限") == "2026-03-18"
    assert (
        cell(dashboard, 0, "事项", Qt.ItemDataRole.BackgroundRole).color()
        == (STATE_COLORS["overdue"])
    )
    tile = dashboard.tiles["filing"]
    assert tile.counts == {"overdue": 1, "due_soon": 0, "upcoming": 1}
    assert tile.numbers["overdue"].text() == "1"


def test_clicking_a_tile_filters_the_list_and_again_shows_all(qtbot, office, dashboard):
    doc_id = add_document(office, date(2026, 3, 3))
    with office.transaction() as s:
        objections.register(s, SYSTEM, doc_id, date(2026, 11, 20), "张三", "与上位法不一致")
    dashboard.refresh()
    wait(office)
    everything = len(dashboard.model.rows)
    qtbot.mouseClick(dashboard.tiles["objection"], Qt.MouseButton.LeftButton)
    assert [d.kind for d in dashboard.model.rows] == ["objection"]
    qtbot.mouseClick(dashboard.tiles["objection"], Qt.MouseButton.LeftButton)
    assert len(dashboard.model.rows) == everything


def test_double_click_on_a_filing_deadline_selects_the_document_on_the_filing_page(qtbot, office):
    doc_id = add_document(office, date(2025, 6, 3))  # another year than the page shows at start
    window = shown(qtbot, MainWindow(context(office)))
    wait(office)
    assert window.current_section() == "home"
    home = window.page("home")
    home.table.doubleClicked.emit(home.model.index(row_of(home, "filing"), 2))
    wait(office)
    assert window.current_section() == "filing"
    line = window.page("filing").current_line()
    assert line is not None and line.row.document_id == doc_id


def test_registering_and_replying_to_an_objection_clears_it_from_the_dashboard(
    qtbot, office, dashboard
):
    add_document(office, date(2026, 11, 20))
    filing_page = FilingView(context(office))
    qtbot.addWidget(filing_page)
    wait(office)
    filing_page.table.selectRow(0)
    filing_page.register_objection()
    dialog = filing_page.dialog
    dialog.day.setDate(QDate(2026, 11, 25))
    dialog.requester.setText("张三")
    dialog.grounds.setPlainText("第五条与上位法不一致。")
    with qtbot.waitSignal(dialog.accepted):
        dialog.submit()
    wait(office)
    row = row_of(dashboard, "objection")
    assert "张三" in cell(dashboard, row, "事项")
    dashboard.open_row(row)
    reply = dashboard.dialog
    assert isinstance(reply, ReplyDialog)
    reply.outcome.setCurrentText("维持")
    reply.reply.setPlainText("经审查，该文件第五条符合上位法规定。")
    with qtbot.waitSignal(reply.accepted):
        reply.submit()
    wait(office)
    assert all(d.kind != "objection" for d in dashboard.model.rows)


def test_imported_documents_without_filings_show_one_reminder_recorded_in_bulk(
    qtbot, office, dashboard, tmp_path
):
    from app.models import Document
    from app.services import filing_backlog, importing
    from tests.test_filing_backlog import _ledger

    ledger = _ledger(
        tmp_path / "ledger.xlsx",
        *[
            [f"河清市旧办法{n}", "河清市民政局", f"2019-0{n}-02", None, None, None]
            for n in range(1, 4)
        ],
    )
    sheet = importing.read_sheet(ledger)
    with office.transaction() as s:
        importing.run_import(s, SYSTEM, sheet, importing.guess_mapping(sheet))
    dashboard.refresh()
    wait(office)
    assert dashboard.tiles["filing"].counts == {"overdue": 0, "due_soon": 0, "upcoming": 0}
    assert dashboard.backlog.isVisibleTo(dashboard)
    assert dashboard.backlog.text().startswith("备案情况未录入：3 件")
    dashboard.backlog_button.click()
    dialog = dashboard.dialog
    assert dialog.recipient.currentText() == "本级人民政府"
    dialog.day.setDate(QDate(2019, 4, 1))
    with qtbot.waitSignal(dialog.accepted):
        dialog.submit()
    wait(office)
    qtbot.waitUntil(lambda: not dashboard.backlog.isVisibleTo(dashboard))
    with office.reading() as s:
        assert filing_backlog.unrecorded_count(s) == 0
        assert all(d.filing_unrecorded is None for d in s.query(Document))


@pytest.mark.parametrize("width", [720, 900, 1200, 1700])
def test_tile_captions_are_never_cut_the_tiles_wrap_instead(qtbot, dashboard, width):
    from PySide6.QtWidgets import QLabel

    view = dashboard
    view.resize(width, 700)
    qtbot.wait(50)  # the resize reaches the layout
    labels = [label for tile in view.tiles.values() for label in tile.findChildren(QLabel)]
    cut = [label.text() for label in labels if label.width() < label.minimumSizeHint().width()]
    assert cut == []
    assert view.width() == width  # the tiles ask for no more room than the page has
    rows = {
        view.tile_grid.getItemPosition(view.tile_grid.indexOf(t))[0] for t in view.tiles.values()
    }
    assert (len(rows) == 1) == (view.tile_columns == len(view.tiles))


def test_an_overdue_item_says_how_many_days_overdue_and_names_its_issuing_body(
    qtbot, office, dashboard, tmp_path
):
    from openpyxl import load_workbook

    from app.reports import deadline_overview
    from app.services import reviews
    from app.services.reviews import MATERIALS, ReviewIntake

    add_document(office, date(2026, 3, 3))  # due 18 March: 254 days ago
    with office.transaction() as s:
        reviews.intake(s, SYSTEM, ReviewIntake("contract", "物业服务合同", TODAY, "李审核",
                                               list(MATERIALS["contract"]),
                                               submitting_unit="办公室"))  # fmt: skip
    dashboard.refresh()
    wait(office)
    assert cell(dashboard, 0, "剩余天数") == "逾期 254 天"
    assert cell(dashboard, 0, "制定机关") == "河清市民政局"
    review = row_of(dashboard, "review")
    assert cell(dashboard, review, "制定机关") == "办公室（送审）"
    assert not cell(dashboard, review, "剩余天数").startswith("-")
    with office.reading() as s:
        deadline_overview.xlsx(s, tmp_path / "overview.xlsx")
    sheet = load_workbook(tmp_path / "overview.xlsx").active
    values = [c.value for row in sheet.iter_rows() for c in row]
    assert "逾期 254 天" in values and "河清市民政局" in values
