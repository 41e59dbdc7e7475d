from datetime import date

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from app.services import documents, registration
from app.services.documents import DocumentInput
from app.services.issuers import add_issuer
from app.services.permissions import SYSTEM
from app.ui.register.document_dialog import MODE_DRAFT, DocumentDialog, StepDialog
from tests.ui_context import context
from tests.widgets import shown


@pytest.fixture
def office(database):
    with database.transaction() as s:
        add_issuer(s, SYSTEM, "MZ", "河清市民政局", "河民发", template="{code}GS-{year}-{seq:03d}")
        registration.register_published(
            s,
            SYSTEM,
            DocumentInput(
                "MZ",
                "河清市最低生活保障办法",
                doc_number="河民发〔2024〕3号",
                published=date(2024, 3, 3),
            ),
        )
    return database


def save(dialog, database) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert context(database).runner.wait()


def fill(dialog: DocumentDialog, title: str, doc_number: str = "") -> None:
    dialog.issuer.setCurrentIndex(dialog.issuer.findData("MZ"))
    dialog.title.setText(title)
    dialog.doc_number.setText(doc_number)
    dialog.published.set_value(date(2024, 6, 1))


def count(database) -> int:
    from sqlalchemy import func, select

    from app.models import Document

    with database.reading() as s:
        return s.scalar(select(func.count(Document.id)))


def test_empty_title_is_refused_inline_before_the_service(qtbot, office):
    dialog = shown(qtbot, DocumentDialog(context(office)))
    fill(dialog, "   ")
    save(dialog, office)
    assert dialog.isVisible()
    assert dialog.error.isVisible() and dialog.error.text() == "文件名称：不能为空。"
    assert count(office) == 1


def test_invalid_doc_number_shows_the_chinese_error_and_keeps_the_input(qtbot, office):
    dialog = shown(qtbot, DocumentDialog(context(office)))
    fill(dialog, "河清市临时救助办法", "河民发2024年5号")
    dialog.keywords.setText("临时救助")
    save(dialog, office)
    assert dialog.isVisible() and dialog.result() == 0
    assert "发文字号" in dialog.error.text() and "格式不正确" in dialog.error.text()
    assert dialog.title.text() == "河清市临时救助办法"
    assert dialog.doc_number.text() == "河民发2024年5号"
    assert dialog.keywords.text() == "临时救助"
    assert count(office) == 1


def test_a_refusal_from_the_service_keeps_the_dialog_open(qtbot, office, no_modal_boxes):
    dialog = shown(qtbot, DocumentDialog(context(office)))
    fill(dialog, "河清市临时救助办法", "河民发〔2024〕3号")  # already used by this issuer
    save(dialog, office)
    assert dialog.isVisible()
    assert "已被本机关的文件《河清市最低生活保障办法》使用" in dialog.error.text()
    assert dialog.title.text() == "河清市临时救助办法"
    assert dialog.buttons.isEnabled()
    assert no_modal_boxes == []
    dialog.doc_number.setText("河民发〔2024〕4号")
    save(dialog, office)
    assert not dialog.isVisible() and dialog.returned is not None
    assert count(office) == 2


def test_new_draft_mode_creates_a_draft_without_numbers(qtbot, office):
    dialog = shown(qtbot, DocumentDialog(context(office)))
    dialog.set_mode(MODE_DRAFT)
    assert not dialog.published.isEnabled() and not dialog.doc_number.isEnabled()
    dialog.issuer.setCurrentIndex(dialog.issuer.findData("MZ"))
    dialog.title.setText("河清市社区养老服务办法")
    dialog.important.setChecked(True)
    save(dialog, office)
    with office.reading() as s:
        doc = documents.get(s, dialog.returned)
        assert (doc.status, doc.reg_number, doc.published, doc.important) == (
            "draft",
            None,
            None,
            True,
        )


def test_editing_saves_changes_with_the_version_check(qtbot, office):
    dialog = shown(qtbot, DocumentDialog(context(office), doc_id=1))
    assert dialog.title.text() == "河清市最低生活保障办法"
    assert dialog.reg_number.isReadOnly() and dialog.reg_number.text() == "MZGS-2024-001"
    assert dialog.published.value() == date(2024, 3, 3)
    dialog.keywords.setText("低保")
    save(dialog, office)
    assert not dialog.isVisible()
    with office.reading() as s:
        assert documents.get(s, 1).keywords == "低保"


def test_step_dialog_shows_a_gate_refusal_naming_the_missing_step(qtbot, office):
    with office.transaction() as s:
        draft = documents.create_draft(s, SYSTEM, DocumentInput("MZ", "河清市殡葬管理办法"))
    dialog = shown(qtbot, StepDialog(context(office), draft.id))
    assert dialog.step.currentData() == "legality_review"  # the first missing step
    dialog.set_step("deliberation")
    save(dialog, office)
    assert dialog.isVisible()
    assert "缺少必经环节“合法性审核”" in dialog.error.text()


def test_step_dialog_records_a_legality_review(qtbot, office):
    with office.transaction() as s:
        draft = documents.create_draft(s, SYSTEM, DocumentInput("MZ", "河清市殡葬管理办法"))
    dialog = shown(qtbot, StepDialog(context(office), draft.id))
    assert [dialog.outcome.itemText(i) for i in range(dialog.outcome.count())][0] == "合法"
    dialog.note.setText("审核意见书 河法审〔2024〕1号")
    save(dialog, office)
    assert not dialog.isVisible()
    with office.reading() as s:
        steps = [(t.step, t.outcome) for t in documents.timeline(s, draft.id) if t.done_on]
    assert steps == [("draft", ""), ("legality_review", "合法")]


def test_step_dialog_records_where_a_document_was_published(qtbot, office):
    from datetime import date as day

    from app import clock
    from app.services import statistics

    clock.fix_today(day(2024, 6, 1))
    with office.transaction() as s:
        draft = documents.create_draft(s, SYSTEM, DocumentInput("MZ", "河清市殡葬管理办法"))
        documents.record_step(s, SYSTEM, draft.id, "legality_review", day(2024, 5, 6), "合法")
        documents.record_step(s, SYSTEM, draft.id, "deliberation", day(2024, 5, 8))
    dialog = shown(qtbot, StepDialog(context(office), draft.id))
    assert dialog.step.currentData() == "publication" and dialog.channel.isVisible()
    dialog.done_on.setDate(dialog.done_on.date().fromString("2024-05-10", "yyyy-MM-dd"))
    dialog.doc_number.setText("河民发〔2024〕9号")
    dialog.channel.setCurrentText("本级人民政府公报")
    save(dialog, office)
    assert not dialog.isVisible(), dialog.error.text()
    with office.reading() as s:
        steps = {t.step: t.outcome for t in documents.timeline(s, draft.id) if t.done_on}
        rate = statistics.annual(s, statistics.Period.of_year(2024)).figure("公开发布率")
    assert steps["publication"] == "本级人民政府公报"
    assert (rate.numerator_ids, rate.denominator) == ([draft.id], 2)  # not the one registered


def test_number_skipping_serials_is_asked_about_then_registered_once_confirmed(
    qtbot, office, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    from app.services import numbering

    asked: list[str] = []
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]

    def answer(box):
        asked.append(box.text())
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "exec", answer)
    dialog = shown(qtbot, DocumentDialog(context(office)))
    fill(dialog, "河清市临时救助办法")
    dialog.reg_number.setText("MZGS-2024-005")
    save(dialog, office)  # answered No: nothing registered, the dialog stays open
    assert count(office) == 1 and dialog.isVisible()
    assert "跳过了 3 个编号（MZGS-2024-002 至 MZGS-2024-004）" in asked[0]
    save(dialog, office)  # answered Yes: registered with the number, the gap listed
    assert count(office) == 2 and dialog.result() == dialog.DialogCode.Accepted
    with office.reading() as s:
        skipped = [g.number for g in numbering.gaps(s) if g.kind == numbering.GapKind.SKIPPED]
    assert skipped == ["MZGS-2024-004", "MZGS-2024-003", "MZGS-2024-002"]  # newest first


def test_control_character_refused_by_the_service_focuses_its_field(qtbot, office):
    dialog = shown(qtbot, DocumentDialog(context(office)))
    fill(dialog, "河清市临时救助办法")
    dialog.keywords.setText("救助\x07低保")
    save(dialog, office)
    assert dialog.error.text() == "关键词：第 3 个字符是不可见的控制字符（U+0007），请删除后重试。"
    assert dialog.keywords.hasFocus() and count(office) == 1


def test_the_term_reason_row_appears_only_when_the_service_says_the_term_is_too_long(qtbot, office):
    dialog = shown(qtbot, DocumentDialog(context(office)))
    fill(dialog, "河清市养老服务暂行办法", "河民发〔2024〕9号")
    assert not dialog.form.isRowVisible(dialog.term_reason)
    dialog.valid_until.set_value(date(2026, 6, 1))  # 暂行: two years at most, to 2026-05-31
    assert dialog.form.isRowVisible(dialog.term_reason)
    assert (
        "超过暂行、试行文件最长有效期 2 年（至 2026-05-31）" in dialog.term_reason.placeholderText()
    )
    save(dialog, office)
    assert dialog.error.text().startswith("有效期超期理由：")
    assert dialog.focusWidget() is dialog.term_reason
    dialog.term_reason.setText("与试点期限一致")
    save(dialog, office)
    with office.reading() as s:
        doc = documents.get(s, 2)
        assert (doc.valid_until, doc.term_reason) == (date(2026, 6, 1), "与试点期限一致")
    dialog.title.setText("河清市养老服务办法")  # five years: no reason needed
    assert not dialog.form.isRowVisible(dialog.term_reason)


def test_doc_number_with_another_abbreviation_is_asked_about_then_saved_once_confirmed(
    qtbot, office, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []
    no, yes = QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes
    answers = [no, yes, no, yes]

    def answer(box):
        asked.append(box.text())
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "exec", answer)
    dialog = shown(qtbot, DocumentDialog(context(office)))
    fill(dialog, "河清市临时救助办法", "河财发〔2024〕9号")
    dialog.reg_number.setText("MZGS-2024-005")
    save(dialog, office)  # No: nothing registered, the dialog stays open
    assert count(office) == 1 and dialog.isVisible()
    assert "机关代字“河财发”与制定机关“河清市民政局”的发文机关代字“河民发”不一致" in asked[0]
    save(dialog, office)  # Yes to the abbreviation, then No to the serials the number skips
    assert count(office) == 1 and "不一致" in asked[1] and "跳过了 3 个编号" in asked[2]
    save(dialog, office)  # the abbreviation is not asked again; Yes to the gap: saved
    assert len(asked) == 4 and "跳过了 3 个编号" in asked[3]
    assert count(office) == 2 and dialog.result() == dialog.DialogCode.Accepted


def test_the_doc_number_hint_uses_the_chosen_issuers_own_abbreviation(qtbot, office):
    from datetime import date as day

    from PySide6.QtCore import QDate

    with office.transaction() as s:
        add_issuer(s, SYSTEM, "CZ", "河清市财政局", "河财发", template="{code}GS-{year}-{seq:03d}")
        draft = documents.create_draft(s, SYSTEM, DocumentInput("CZ", "河清市殡葬管理办法"))
    dialog = shown(qtbot, DocumentDialog(context(office)))
    dialog.issuer.setCurrentIndex(dialog.issuer.findData("MZ"))
    dialog.published.set_value(day(2026, 5, 1))
    assert dialog.doc_number.placeholderText() == "例如：河民发〔2026〕1号"
    dialog.issuer.setCurrentIndex(dialog.issuer.findData("CZ"))
    dialog.published.set_value(day(2025, 5, 1))
    assert dialog.doc_number.placeholderText() == "例如：河财发〔2025〕1号"
    step = shown(qtbot, StepDialog(context(office), draft.id))
    step.done_on.setDate(QDate(2027, 1, 4))
    assert step.doc_number.placeholderText() == "例如：河财发〔2027〕1号"
