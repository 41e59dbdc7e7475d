"""另存为 Word… in the print preview of a letter: the editable copy is written through the runner
and reads back with the letter's title; a folder that refuses it is said in Chinese, and nothing
is left behind."""

import errno
from datetime import date

import pytest
from docx import Document as WordDocument
from PySide6.QtWidgets import QFileDialog

from app import atomic_files, clock
from app.services import cleanup, filing, reviews, settings
from app.services.permissions import SYSTEM
from app.services.reviews import CHECK_ITEMS, MATERIALS, ReviewIntake
from app.ui.cleanup.page import CleanupPage
from app.ui.filing.view import FilingView
from app.ui.review.dialogs import preview_opinion
from app.ui.validity.expiry_page import ExpiryPage
from tests.factories import draft, register
from tests.ui_context import context
from tests.widgets import opened_preview, shown

TODAY = date(2026, 11, 27)


def wait(database) -> None:
    assert context(database).runner.wait(60_000)


def word_text(path) -> str:
    return "".join(p.text for p in WordDocument(str(path)).paragraphs).replace("\n", "")


def save_word(qtbot, parent, database, target, monkeypatch):
    """Open the preview the program made over `parent` and save its Word copy at `target`."""
    preview = opened_preview(qtbot, parent)
    assert preview.word_button is not None and preview.word_button.text() == "另存为 Word…"
    chosen = {}

    def dialog(_parent, caption, start, filter_):
        chosen.update(caption=caption, start=start, filter=filter_)
        return str(target), filter_

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    preview.word_button.click()
    wait(database)
    preview.close()
    return chosen


@pytest.fixture
def named(office):
    clock.fix_today(TODAY)
    with office.transaction() as s:
        settings.put(s, SYSTEM, "office.name", "河清市司法局")
        settings.put(s, SYSTEM, "filing.department.recipient", "河清市人民政府")
        doc = register(s, published=date(2026, 3, 3))
        filing.record_filed(
            s, SYSTEM, doc.id, "河清市人民政府", date(2026, 3, 10), list(filing.PACKAGE)
        )
    return office


def print_report(qtbot, database) -> FilingView:
    view = shown(qtbot, FilingView(context(database)))
    wait(database)
    view.table.selectRow(0)
    view.print_report()
    wait(database)
    return view


def test_the_filing_report_is_saved_as_a_word_document(qtbot, named, tmp_path, monkeypatch):
    view = print_report(qtbot, named)
    target = tmp_path / "备案报告.docx"
    chosen = save_word(qtbot, view, named, target, monkeypatch)
    assert chosen["filter"] == "Word 文档 (*.docx)" and chosen["start"].endswith(".docx")
    text = word_text(target)
    assert "关于报送《河清市城乡居民最低生活保障管理办法》备案的报告" in text
    assert "河清市人民政府：" in text


def test_a_folder_that_refuses_the_word_copy_is_said_in_chinese(
    qtbot, named, tmp_path, monkeypatch, no_modal_boxes
):
    def read_only(part, target):
        raise PermissionError(errno.EROFS, "Read-only file system", str(part))

    view = print_report(qtbot, named)
    folder = tmp_path / "只读"
    folder.mkdir()
    monkeypatch.setattr(atomic_files.os, "replace", read_only)
    save_word(qtbot, view, named, folder / "备案报告.docx", monkeypatch)
    assert len(no_modal_boxes) == 1
    assert no_modal_boxes[0].startswith("另存为 Word 未完成：没有写入权限：")
    assert "备案报告.docx" in no_modal_boxes[0]
    assert list(folder.iterdir()) == []  # nothing half-written


def test_the_review_opinion_is_saved_as_a_word_document(qtbot, named, tmp_path, monkeypatch):
    with named.transaction() as s:
        doc = draft(s, "河清市临时救助实施办法")
        data = ReviewIntake("normative", doc.title, date(2026, 11, 2), "李审核",
                            list(MATERIALS["normative"]), submitting_unit="社会救助科",
                            document_id=doc.id)  # fmt: skip
        case = reviews.intake(s, SYSTEM, data)
        for item in CHECK_ITEMS:
            reviews.record_check(s, SYSTEM, case.id, item, True, day=date(2026, 11, 9))
        reviews.conclude(s, SYSTEM, case.id, "合法", date(2026, 11, 20), "经审核，合法。")
    parent = shown(qtbot, FilingView(context(named)))  # any widget: the preview opens over it
    preview_opinion(context(named), case.id, parent)
    wait(named)
    target = tmp_path / "意见书.docx"
    save_word(qtbot, parent, named, target, monkeypatch)
    text = word_text(target)
    assert "关于《河清市临时救助实施办法》的合法性审核意见书" in text and "社会救助科：" in text


def test_the_reminders_are_saved_as_a_word_document(qtbot, named, tmp_path, monkeypatch):
    with named.transaction() as s:
        register(s, "养老办法", published=date(2022, 2, 15), drafting_unit="养老服务科")
    page = shown(qtbot, ExpiryPage(context(named)))
    wait(named)
    page.remind()
    wait(named)
    target = tmp_path / "提醒函.docx"
    save_word(qtbot, page, named, target, monkeypatch)
    assert "关于规范性文件有效期即将届满的提醒函" in word_text(target)


def test_the_cleanup_notice_is_offered_for_an_applied_batch(qtbot, named, tmp_path, monkeypatch):
    with named.transaction() as s:
        batch = cleanup.create_batch(s, SYSTEM, "regular", "2026年定期清理", ["MZ"])
    page = shown(qtbot, CleanupPage(context(named)))
    wait(named)
    page.table.selectRow(0)
    assert not page.buttons["notice"].isEnabled()  # not applied: no results to publish yet
    with named.transaction() as s:
        for item in cleanup.items(s, batch.id):
            cleanup.decide(s, SYSTEM, batch.id, item.document_id, "continue")
        cleanup.apply(s, SYSTEM, batch.id, TODAY)
    page.refresh()
    wait(named)
    page.table.selectRow(0)
    assert page.buttons["notice"].isEnabled()
    page.buttons["notice"].click()
    wait(named)
    target = tmp_path / "通知.docx"
    save_word(qtbot, page, named, target, monkeypatch)
    text = word_text(target)
    assert "关于公布规范性文件清理结果的通知" in text and "继续有效 1 件" in text


def test_a_report_to_a_placeholder_is_refused_with_where_to_name_it(qtbot, office, no_modal_boxes):
    clock.fix_today(TODAY)
    with office.transaction() as s:
        doc = register(s, published=date(2026, 3, 3))
        filing.record_filed(
            s, SYSTEM, doc.id, "本级人民政府", date(2026, 3, 10), list(filing.PACKAGE)
        )
    print_report(qtbot, office)
    assert no_modal_boxes == [
        "备案报告：备案机关仍为“本级人民政府”，请在 设置 → 规则 中填写其全称（如 河清市人民政府）。"
    ]
