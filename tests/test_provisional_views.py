"""The GUI shows a due date computed through a year without a holiday notice with a mark, and a
tooltip naming the year; entering the year takes both away."""

from datetime import date

import pytest
from PySide6.QtCore import Qt

from app import clock
from app.services import filing, objections, reviews, workcalendar
from app.services.permissions import SYSTEM
from app.services.reviews import MATERIALS, ReviewIntake
from app.ui.filing import table_model as filing_table
from app.ui.filing.objection_dialogs import read_objection
from app.ui.home import view as dashboard_view
from app.ui.register.detail import DocumentDetail, read_document
from app.ui.review import view as review_view
from app.ui.review.case_dialog import read_case
from tests.factories import add_issuer, register
from tests.ui_context import context
from tests.widgets import shown

TIP = "2027 年放假通知尚未录入，按法定节假日暂定"
TOOLTIP = Qt.ItemDataRole.ToolTipRole


@pytest.fixture
def office(database):
    clock.fix_today(date(2026, 12, 20))
    with database.transaction() as s:
        add_issuer(s)
        late = register(s, "年末公布的办法", published=date(2026, 12, 20))
        early = register(s, "月初公布的办法", published=date(2026, 12, 1))
        f = filing.record_filed(
            s, SYSTEM, early.id, "本级人民政府", date(2026, 12, 1), list(filing.PACKAGE)
        )
        filing.record_result(s, SYSTEM, f.id, "暂缓登记", date(2026, 12, 5), "缺少制定依据",
                             cal=workcalendar.load(s))  # fmt: skip
        objections.register(s, SYSTEM, early.id, date(2026, 12, 5), "张三", "收费无依据")
        reviews.intake(s, SYSTEM, ReviewIntake("contract", "年末送审的合同", date(2026, 12, 18), "李审核",
                                               list(MATERIALS["contract"])))  # fmt: skip
    database.ids = {"late": late.id, "early": early.id}
    return database


def enter_2027(database):
    with database.transaction() as s:
        workcalendar.enter_year(s, SYSTEM, 2027, [date(2027, 1, 1), date(2027, 1, 4)], [])


def _cells(model, header, role=Qt.ItemDataRole.DisplayRole):
    column = model.headers.index(header)
    return [model.data(model.index(r, column), role) for r in range(model.rowCount())]


def test_dashboard_marks_provisional_deadlines_and_names_the_year(qtbot, office):
    view = shown(qtbot, dashboard_view.HomeView(context(office)))
    view.refresh()
    assert context(office).runner.wait()
    cells = dict(zip(
        [d.kind for d in view.model.rows], _cells(view.model, "期限"), strict=True
    ))  # fmt: skip
    assert cells["filing"] == cells["correction"] == cells["objection"] == "2027-01-04（暂定）"
    assert cells["review"] == "2027-01-11（暂定）"
    tips = _cells(view.model, "期限", TOOLTIP)
    marked = [t for t, d in zip(tips, view.model.rows, strict=True) if d.provisional]
    assert marked and all(TIP in t for t in marked)

    enter_2027(office)
    view.refresh()
    assert context(office).runner.wait()
    assert not any("暂定" in t for t in _cells(view.model, "期限"))


def test_filing_page_marks_due_and_correction_dates(qtbot, office):
    with office.reading() as s:
        page = filing_table.read_page(s, 2026, False)
    model = filing_table.FilingTableModel()
    model.set_rows(page.lines)
    titles = [line.row.title for line in page.lines]
    due = dict(zip(titles, _cells(model, "备案期限"), strict=True))
    correction = dict(zip(titles, _cells(model, "补正期限"), strict=True))
    assert due == {"月初公布的办法": "2026-12-16", "年末公布的办法": "2027-01-04（暂定）"}
    assert correction["月初公布的办法"] == "2027-01-04（暂定）"
    tips = dict(zip(titles, _cells(model, "备案期限", TOOLTIP), strict=True))
    assert TIP in tips["年末公布的办法"] and TIP not in tips["月初公布的办法"]


def test_review_queue_and_form_mark_the_provisional_due_date(qtbot, office):
    queue = review_view.read_queue(office, False, None)
    model = review_view.ReviewTableModel()
    model.set_rows(queue.rows)
    assert _cells(model, "办理期限") == ["2027-01-11（暂定）"]
    assert TIP in _cells(model, "办理期限", TOOLTIP)[0]
    form = read_case(office, queue.rows[0].case_id)
    assert form.values["办理期限"] == "2027-01-11（暂定）"
    assert form.values["最早办结日"] == "2026-12-25"
    assert TIP in form.tips["办理期限"] and "最早办结日" not in form.tips


def test_document_detail_and_objection_reply_show_the_mark(qtbot, office):
    pane = DocumentDetail(context(office))
    qtbot.addWidget(pane)
    pane.show_view(read_document(office, office.ids["late"]))
    assert pane.values["filing_due"].text() == "2027-01-04（暂定）"
    assert TIP in pane.values["filing_due"].toolTip()
    pane.show_view(read_document(office, office.ids["early"]))
    assert (pane.values["filing_due"].text(), pane.values["filing_due"].toolTip()) == (
        "2026-12-16", ""
    )  # fmt: skip
    with office.reading() as s:
        objection_id = objections.list_objections(s)[0].id
    facts = read_objection(office, objection_id)
    assert facts.due == "2027-01-04（暂定）" and TIP in facts.due_tip

    enter_2027(office)
    pane.show_view(read_document(office, office.ids["late"]))
    assert (pane.values["filing_due"].text(), pane.values["filing_due"].toolTip()) == (
        "2027-01-05", ""
    )  # fmt: skip
    assert read_objection(office, objection_id).due == "2027-01-05"
