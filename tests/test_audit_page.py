import openpyxl
import pytest
from PySide6.QtCore import QDate, QModelIndex
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import text

from app.services import audit, audit_query, documents, users
from app.services.documents import DocumentInput
from app.services.permissions import SYSTEM, Actor, Role
from app.services.vocabulary import AuditAction
from app.services.workcalendar import CALENDAR_DAYS
from app.ui.register.detail import read_document
from app.ui.settings.audit_page import PAGE, AuditPage
from tests.factories import add_issuer, register
from tests.outside_edits import outside_edit
from tests.ui_context import context
from tests.widgets import shown

CLERK = Actor("clerk", Role.CLERK)


@pytest.fixture
def doc_id(database) -> int:
    with database.transaction() as s:
        add_issuer(s)
        users.add_user(s, SYSTEM, "clerk", "钱登记", Role.CLERK.value, "clerk2026")
        doc = register(s)
        edited = DocumentInput(
            "MZ", "河清市最低生活保障办法", reg_number=doc.reg_number, published=doc.published
        )
        documents.update_document(s, CLERK, doc.id, edited, doc.version)
        return doc.id


@pytest.fixture
def view(qtbot, database, doc_id):
    return shown(qtbot, AuditPage(context(database)), size=(1000, 640))


def shown_actors(view: AuditPage) -> list[str]:
    return [row.actor for row in view.model.rows]


def test_view_lists_every_entry_newest_first(view, database):
    with database.reading() as s:
        assert view.model.total == audit_query.count(s, audit_query.AuditFilter()) == 4
    assert view.count.text() == "共 4 条"
    assert view.model.rows[0].action == "修改" and view.model.rows[0].object.startswith("文件")


def test_filter_by_actor(view):
    view.actor.setCurrentIndex(view.actor.findData("clerk"))
    view.apply()
    assert shown_actors(view) == ["clerk"]


def test_filter_by_text(view):
    view.text.setText("用户")
    view.apply()
    assert [row.action for row in view.model.rows] == ["添加用户"]


def test_filter_by_date_range(view):
    view.start.setDate(QDate.currentDate().addDays(1))
    assert view.model.total == 0
    view.start.setDate(QDate.currentDate())
    view.end.setDate(QDate.currentDate())
    assert view.model.total == 4


def test_detail_shows_old_and_new_values_in_chinese(view):
    view.table.selectRow(0)
    text = view.detail.toPlainText()
    assert "文件名称：河清市城乡居民最低生活保障管理办法 → 河清市最低生活保障办法" in text


def test_export_writes_the_filtered_entries(view, tmp_path, monkeypatch):
    target = tmp_path / "审计日志.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    view.actor.setCurrentIndex(view.actor.findData("系统"))
    view.apply()
    view.export()
    assert view.ctx.runner.wait()
    sheet = openpyxl.load_workbook(target).active
    rows = list(sheet.values)[1:]  # under the title row
    assert rows[0][:6] == ("编号", "时间", "操作人", "操作", "对象", "摘要")
    assert len(rows) == 1 + view.model.total == 4
    assert {r[2] for r in rows[1:]} == {"系统"}


@pytest.mark.tampered
def test_chain_check_names_a_tampered_record(view):
    view.verify_chain()
    assert view.ctx.runner.wait()
    assert view.chain.text().startswith("审计链完整")
    with outside_edit(view.database.engine) as con:
        con.execute(text("UPDATE audit_log SET summary = '改过的摘要' WHERE id = 2"))
    view.verify_chain()
    assert view.ctx.runner.wait()
    assert "第 2 条记录" in view.chain.text() and "改过的摘要" in view.chain.text()


@pytest.mark.tampered
def test_chain_check_names_a_record_edited_around_the_program(view, doc_id):
    view.verify_chain()
    assert view.ctx.runner.wait()
    assert view.chain.text() == "审计链完整，每条记录的内容都与审计记录相符。"
    with view.database.engine.begin() as con:
        con.execute(text("UPDATE document SET title = '改过的标题' WHERE id = :i"), {"i": doc_id})
    view.verify_chain()
    assert view.ctx.runner.wait()
    assert view.chain.text() == "发现 1 处与审计记录不符"
    shown = view.chain.toolTip()
    assert "· 文件（document 第 1 条，“改过的标题”）的内容与审计记录不符" in shown


def test_document_history_lists_its_changes(database, doc_id):
    history = read_document(database, doc_id).history
    assert [(row.actor, row.action) for row in history] == [("clerk", "修改"), ("系统", "登记")]


def test_long_log_is_fetched_a_page_at_a_time(view, database):
    with database.transaction() as s:
        for n in range(450):
            audit.record(s, SYSTEM, AuditAction.CALENDAR, CALENDAR_DAYS, summary=f"第 {n} 次")
    view.apply()
    assert view.model.total == 454 and view.model.rowCount() == PAGE
    while view.model.canFetchMore(QModelIndex()):
        view.model.fetchMore(QModelIndex())
    assert view.model.rowCount() == 454


def shown_cells(view: AuditPage, row: int) -> list[str]:
    model = view.model
    return [model.data(model.index(row, column)) for column in range(model.columnCount())]


def test_rows_name_the_person_and_the_document_by_its_number_and_title(view, database, doc_id):
    with database.reading() as s:
        reg_number = documents.get(s, doc_id).reg_number
    edited = shown_cells(view, 0)
    assert edited[1:4] == ["钱登记", "修改", f"文件 {reg_number} 河清市最低生活保障办法"]
    assert view.actor.itemText(view.actor.findData("clerk")) == "钱登记"
    view.table.selectRow(0)
    assert "钱登记（clerk）" in view.detail.toPlainText()


def test_a_user_no_longer_on_file_reads_as_recorded(database, doc_id):
    with database.transaction() as s:
        audit.record(s, "wangxy", AuditAction.LOGIN, CALENDAR_DAYS, summary="旧账户")
    with database.reading() as s:
        [row] = audit_query.page(s, audit_query.AuditFilter(actor="wangxy"), 0, 10)
    assert (row.actor, row.actor_name) == ("wangxy", "wangxy")


def test_a_page_of_entries_about_many_things_is_read_in_a_few_queries(database, doc_id):
    from sqlalchemy import event

    with database.transaction() as s:
        for n in range(40):
            register(s, title=f"河清市第{n}号管理办法")
    statements: list[str] = []
    with database.reading() as s:
        listen = lambda *args: statements.append(args[2])  # noqa: E731
        event.listen(s.get_bind(), "before_cursor_execute", listen)
        rows = audit_query.page(s, audit_query.AuditFilter(), 0, PAGE)
        event.remove(s.get_bind(), "before_cursor_execute", listen)
    assert len(rows) > 40 and rows[0].object.endswith("河清市第39号管理办法")
    # the page, its people, and one query for each kind of thing it names (document, user, issuer)
    assert len([q for q in statements if q.startswith("SELECT")]) == 5, statements


def test_the_document_history_names_the_person(database, doc_id):
    history = read_document(database, doc_id).history
    assert [(row.actor_name, row.action) for row in history] == [
        ("钱登记", "修改"),
        ("系统", "登记"),
    ]


def test_export_names_the_person_and_the_document(view, tmp_path, monkeypatch, database, doc_id):
    target = tmp_path / "审计日志.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    view.actor.setCurrentIndex(view.actor.findData("clerk"))
    view.apply()
    view.export()
    assert view.ctx.runner.wait()
    with database.reading() as s:
        reg_number = documents.get(s, doc_id).reg_number
    _title, header, row = openpyxl.load_workbook(target).active.values
    shown = dict(zip(header, row, strict=True))
    assert (shown["操作人"], shown["操作人用户名"]) == ("钱登记", "clerk")
    assert shown["对象"] == f"文件 {reg_number} 河清市最低生活保障办法"
