from datetime import date

import pytest

from app.services.statistics import Period
from app.ui.main_window import MainWindow
from app.ui.statistics.view import StatisticsView
from app.ui.widgets.charts import BarChart, Series, StackedBarChart, axis_step
from tests.test_statistics import statistics_office
from tests.ui_context import context
from tests.widgets import shown


@pytest.fixture
def office(database):
    return statistics_office(database)


def wait(database):
    assert context(database).runner.wait()


def make_view(qtbot, database) -> StatisticsView:
    view = shown(qtbot, StatisticsView(context(database)), size=(1100, 900))
    wait(database)
    return view


def table_rows(table) -> list[list[str]]:
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def choose(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def test_figures_table_shows_numerator_denominator_and_rate(qtbot, office):
    database, _ids = office
    view = make_view(qtbot, database)
    assert view.year.currentData() == 2026
    assert table_rows(view.figures) == [
        ["合法性审核率", "2", "5", "40.0%"],
        ["报备率", "4", "5", "80.0%"],
        ["报备及时率", "3", "5", "60.0%"],
        ["规范率", "3", "4", "75.0%"],
        ["纠错率", "2", "2", "100.0%"],
        ["公开征求意见率", "1", "3", "33.3%"],
        ["公开发布率", "0", "5", "0.0%"],
        ["公平竞争审查率", "0", "0", "无"],
        ["到期评估率", "0", "0", "无"],
        ["清理完成率", "5", "5", "100.0%"],
    ]
    assert "经合法性审核后公布的文件数" in view.figures.item(0, 3).toolTip()
    assert "公布文件 <b>5</b> 件" in view.summary.text()
    assert table_rows(view.objections) == [["4", "1", "1", "1", "1"]]


def test_an_empty_year_shows_none(qtbot, office):
    database, _ids = office
    view = make_view(qtbot, database)
    choose(view.year, 2019)
    wait(database)
    assert [row[3] for row in table_rows(view.figures)] == ["无"] * 10
    assert [row[2] for row in table_rows(view.figures)] == ["0"] * 10


def test_issuer_chooser_narrows_the_figures(qtbot, office):
    database, _ids = office
    view = make_view(qtbot, database)
    assert view.issuer.findData("MZ") > 0 and view.issuer.findData("HQ") > 0
    choose(view.issuer, "MZ")
    wait(database)
    assert table_rows(view.figures)[1] == ["报备率", "3", "4", "75.0%"]
    assert view.issuer.currentData() == "MZ"  # kept when the issuers are listed again


def test_double_click_drills_down_to_the_documents(qtbot, office):
    database, ids = office
    view = make_view(qtbot, database)
    view.figures.cellDoubleClicked.emit(0, 0)  # 合法性审核率
    wait(database)
    dialog = view.dialog
    assert [line.id for line in dialog.lines] == [ids["A"], ids["B"]]
    assert dialog.table.item(0, 2).text() == "河清市临时救助实施办法"
    dialog.choice.setCurrentIndex(2)  # not counted: published without a review
    wait(database)
    assert [line.id for line in dialog.lines] == [ids["F"], ids["C"], ids["D"]]
    with qtbot.waitSignal(dialog.document_chosen) as chosen:
        dialog.choose(1)
    assert chosen.args == [ids["C"]]


def test_status_counts_drill_down(qtbot, office):
    database, ids = office
    view = make_view(qtbot, database)
    labels = [row[0] for row in table_rows(view.statuses)]
    view.statuses.cellDoubleClicked.emit(labels.index("废止"), 1)
    wait(database)
    assert [line.id for line in view.dialog.lines] == [ids["D"]]


def test_sections_and_charts_hold_the_year(qtbot, office):
    database, _ids = office
    view = make_view(qtbot, database)
    assert table_rows(view.reviews)[3] == ["重大执法决定", "0", "1", "0", "0", "1"]
    assert table_rows(view.cleanups)[0][:5] == ["2026年民政文件专项清理", "2026-10-01", "4", "0", "1"]  # fmt: skip
    assert view.years_chart.categories[-1] == "2026"
    assert view.years_chart.series[0].values[-2:] == [1, 5]
    assert [s.name for s in view.quarter_chart.series] == [
        "按期报送",
        "逾期报送",
        "未报送",
        "备案情况未录入",
    ]
    assert view.quarter_chart.column_total(1) == 2
    assert view.outcome_chart.series[0].values == [1, 1, 1]
    assert "第二季度：按期报送 1，逾期报送 1，未报送 0" in view.quarter_chart.toolTip()
    assert not view.grab().isNull()


def test_view_refreshes_when_data_changes(qtbot, office):
    database, _ids = office
    view = make_view(qtbot, database)
    with database.transaction() as s:
        from tests.factories import register

        register(s, "河清市慈善组织管理办法", published=date(2026, 10, 9))
    context(database).runner.data_changed.emit({"documents"})
    wait(database)
    assert table_rows(view.figures)[0] == ["合法性审核率", "2", "6", "33.3%"]


def test_print_and_export_buttons_write_the_statistics(qtbot, office, monkeypatch, tmp_path):
    database, _ids = office
    view = make_view(qtbot, database)
    written = {}

    def fake_preview(_db, title, write, _parent):
        target = tmp_path / "preview.pdf"
        with database.reading() as s:
            written["pages"] = write(s, target, lambda *_a: True)
        written["title"] = title

    monkeypatch.setattr("app.ui.statistics.view.preview_generated", fake_preview)
    view.print_button.click()
    assert written["title"] == "2026年规范性文件工作统计表" and written["pages"] >= 1
    target = tmp_path / "out.xlsx"
    monkeypatch.setattr(
        "app.ui.widgets.ledger_dialog.QFileDialog.getSaveFileName",
        lambda *a, **k: (str(target), ""),
    )
    view.export_button.click()
    wait(database)
    assert target.exists()


def test_drill_down_jumps_to_the_register(qtbot, office):
    database, ids = office
    window = MainWindow(context(database))
    qtbot.addWidget(window)
    window.show_section("statistics")
    wait(database)
    view = window.page("statistics")
    assert isinstance(view, StatisticsView)
    view.show_in_register(ids["C"])
    wait(database)
    assert window.current_section() == "register"
    assert window.page("register").selected_id() == ids["C"]


def test_charts_paint_with_round_axis_steps(qtbot):
    assert [axis_step(n) for n in (3, 9, 40, 230, 1800)] == [1, 2, 10, 50, 500]
    chart = StackedBarChart("各季度")
    chart.set_data(
        ["一", "二"], [Series("按期", "#59a14f", [3, 0]), Series("逾期", "#f28e2b", [1, 2])]
    )
    qtbot.addWidget(chart)
    chart.resize(400, 240)
    assert chart.column_total(0) == 4
    assert not chart.grab().isNull()
    empty = BarChart("空")
    empty.set_data([], [])
    qtbot.addWidget(empty)
    assert not empty.grab().isNull()


def test_period_labels():
    assert Period.of_year(2026).label == "2026年"
    assert Period(date(2026, 1, 1), date(2026, 6, 30)).is_year is False
