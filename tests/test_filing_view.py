from datetime import date

from PySide6.QtCore import QDate, Qt

from app.services import filing, settings
from app.services.permissions import SYSTEM
from app.ui.filing.view import FilingView
from app.ui.home.view import HomeView
from app.ui.review.view import STATE_COLORS
from tests.factories import register
from tests.ui_context import context
from tests.widgets import previewed_text, shown

TODAY = date(2026, 11, 27)


def add_document(database, published=date(2026, 3, 3), title="河清市城乡居民最低生活保障管理办法"):
    with database.transaction() as s:
        return register(s, title, published=published).id


def file_it(database, doc_id, day=date(2026, 3, 10)):
    with database.transaction() as s:
        recipient = settings.get(s, "filing.department.recipient")
        return filing.record_filed(s, SYSTEM, doc_id, recipient, day, list(filing.PACKAGE)).id


def wait(database):
    assert context(database).runner.wait()


def make_view(qtbot, database) -> FilingView:
    view = shown(qtbot, FilingView(context(database)))
    wait(database)
    return view


def cell(view, row, header, role=Qt.ItemDataRole.DisplayRole):
    column = view.model.headers.index(header)
    return view.model.data(view.model.index(row, column), role)


def test_filing_through_the_dialog_shows_the_date_and_report_number(qtbot, office):
    add_document(office)
    view = make_view(qtbot, office)
    assert cell(view, 0, "状态") == "逾期未报"
    assert (
        cell(view, 0, "文件名称", Qt.ItemDataRole.BackgroundRole).color()
        == (STATE_COLORS["overdue"])
    )
    view.table.selectRow(0)
    view.file()
    dialog = view.dialog
    dialog.day.setDate(QDate(2026, 11, 20))
    for check in dialog.package.values():
        check.setChecked(True)
    with qtbot.waitSignal(dialog.accepted):
        dialog.submit()
    wait(office)
    assert cell(view, 0, "报送日期") == "2026-11-20"
    assert cell(view, 0, "报告编号") == "备字〔2026〕1号"
    assert cell(view, 0, "状态") == "逾期报送"


def test_incomplete_package_shows_the_service_message_and_keeps_the_dialog(qtbot, office):
    add_document(office)
    view = make_view(qtbot, office)
    view.table.selectRow(0)
    view.file()
    dialog = view.dialog
    dialog.package["备案报告"].setChecked(True)
    dialog.submit()
    wait(office)
    assert dialog.isVisible()
    assert dialog.error.text().startswith("备案材料不全，缺少：规范性文件正式文本")
    assert cell(view, 0, "报送日期") == ""


def test_deferred_registration_opens_a_correction_deadline_on_the_dashboard(qtbot, office):
    file_it(office, add_document(office))
    view = make_view(qtbot, office)
    dashboard = HomeView(context(office))
    qtbot.addWidget(dashboard)
    view.table.selectRow(0)
    view.record_result()
    dialog = view.dialog
    dialog.result_box.setCurrentText("暂缓登记")
    with qtbot.waitSignal(dialog.accepted):
        dialog.submit()
    wait(office)
    assert cell(view, 0, "补正期限") != ""
    dashboard.refresh()
    wait(office)
    corrections = [d for d in dashboard.model.rows if d.kind == "correction"]
    assert [d.due.isoformat() for d in corrections] == [cell(view, 0, "补正期限")]
    assert dashboard.tiles["correction"].counts["upcoming"] == 1


def test_printing_the_filing_report_generates_the_letter(qtbot, office):
    with office.transaction() as s:
        settings.put(s, SYSTEM, "filing.department.recipient", "河清市人民政府")
    file_it(office, add_document(office))
    view = make_view(qtbot, office)
    view.table.selectRow(0)
    assert view.buttons["report"].isEnabled()
    view.print_report()
    wait(office)
    text = previewed_text(qtbot, view).replace("\n", "")
    assert "关于报送《河清市城乡居民最低生活保障管理办法》备案的报告" in text
    assert "河清市人民政府：" in text


def test_figures_show_none_for_a_year_without_documents(qtbot, office):
    file_it(office, add_document(office))
    view = make_view(qtbot, office)
    assert "1/1 = 100.0%" in view.figures.labels["报备率"].text()
    view.year.setCurrentIndex(view.year.findData(2025))
    wait(office)
    for label in view.figures.labels.values():
        assert label.text().endswith("<b>无</b>")
    assert "应报备文件数" in view.figures.labels["报备率"].toolTip()


def test_pending_filter_hides_filed_rows(qtbot, office):
    file_it(office, add_document(office))
    add_document(office, date(2026, 11, 20), "河清市临时救助实施办法")
    view = make_view(qtbot, office)
    assert view.model.rowCount() == 2
    view.pending.setChecked(True)
    wait(office)
    assert [line.row.title for line in view.model.rows] == ["河清市临时救助实施办法"]


def test_pending_filter_shows_overdue_filings_of_every_year_soonest_first(qtbot, office):
    add_document(office, date(2024, 5, 6), "河清市殡葬管理办法")  # overdue since 2024
    file_it(office, add_document(office, date(2025, 4, 1), "河清市养老服务办法"), date(2025, 4, 8))
    add_document(office, date(2026, 11, 20), "河清市临时救助实施办法")  # not yet due
    add_document(office, date(2026, 3, 3))  # overdue this year
    view = make_view(qtbot, office)
    view.pending.setChecked(True)
    wait(office)
    assert [line.row.title for line in view.model.rows] == [
        "河清市殡葬管理办法",
        "河清市城乡居民最低生活保障管理办法",
        "河清市临时救助实施办法",
    ]
    assert view.count.text() == "共 3 项（含其他年度逾期未报 1 项）"
    view.year.setCurrentIndex(view.year.findData(2025))
    wait(office)
    assert [line.row.published.year for line in view.model.rows] == [2024, 2026]
