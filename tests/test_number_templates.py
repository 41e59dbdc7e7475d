"""The number template as fields: pieces to template text and back, and the editor built on it."""

from __future__ import annotations

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app import clock
from app.services import numbering
from app.services.number_templates import Piece, TemplateField, TemplateParts, parts_of


@pytest.mark.parametrize(
    ("template", "parts"),
    [
        (
            "{code}GS-{year}-{seq:03d}",
            TemplateParts(
                (
                    Piece("", TemplateField.CODE),
                    Piece("GS-", TemplateField.YEAR),
                    Piece("-", TemplateField.SEQ, 3),
                )
            ),
        ),
        (
            "桂民规〔{year}〕{seq}号",
            TemplateParts(
                (Piece("桂民规〔", TemplateField.YEAR), Piece("〕", TemplateField.SEQ)), "号"
            ),
        ),
        ("A{{B}}{seq:02d}", TemplateParts((Piece("A{B}", TemplateField.SEQ, 2),))),
    ],
)
def test_a_template_splits_into_pieces_and_back(template, parts):
    assert parts_of(template) == parts
    assert parts.template() == template


@pytest.mark.parametrize(
    "template",
    ["{seq}{seq}", "{year:04d}-{seq}", "{seq!r}", "{seq:>5}", "{name}{seq}", "{seq", "{seq.real}"],
)
def test_what_the_pieces_cannot_say_is_left_to_the_text(template):
    assert parts_of(template) is None


texts = st.text(alphabet=st.sampled_from("AZ09-〔〕号{} "), max_size=4)


@given(
    st.lists(
        st.tuples(texts, st.sampled_from(list(TemplateField)), st.integers(0, numbering.MAX_WIDTH)),
        max_size=3,
        unique_by=lambda t: t[1],
    ),
    texts,
)
def test_any_pieces_give_a_template_read_back_as_the_same_number(raw, tail):
    pieces = tuple(
        Piece(text, field, digits if field is TemplateField.SEQ and digits > 1 else 0)
        for text, field, digits in raw
    )
    parts = TemplateParts(pieces, tail)
    template = parts.template()
    assert parts_of(template) == parts
    number = numbering.format_number(template, "MZ", 2026, 7)
    expected = ""
    for piece in pieces:
        value = {"code": "MZ", "year": "2026", "seq": str(7).zfill(piece.digits)}
        expected += piece.text + value[piece.field.value]
    assert number == expected + tail
    assert all(
        f in {"code", "year", "seq"} for _, f, _, _ in string.Formatter().parse(template) if f
    )


def test_the_editor_builds_the_template_from_fields_with_a_live_preview(qtbot):
    from app.ui.settings.template_edit import TemplateEdit
    from tests.widgets import shown

    edit = shown(qtbot, TemplateEdit("{code}-{year}-{seq:03d}", serial=12))
    edit.set_code("MZ")
    assert not edit.line.isVisible()
    assert [row.chosen() for row in edit.rows] == list(TemplateField)
    assert edit.preview.text() == f"下一个编号：MZ-{clock.today().year}-012"

    # 桂民规〔2026〕12号: text before the year, 〕 before the serial, 号 at the end, no code
    first, second, third = edit.rows
    first.field.setCurrentIndex(first.field.findData(TemplateField.YEAR.value))
    first.text.setText("桂民规〔")
    second.field.setCurrentIndex(second.field.findData(TemplateField.SEQ.value))
    second.text.setText("〕")
    second.digits.setValue(0)
    third.field.setCurrentIndex(0)
    edit.tail.setText("号")
    assert edit.text() == "桂民规〔{year}〕{seq}号"
    assert edit.preview.text() == f"下一个编号：桂民规〔{clock.today().year}〕12号"
    assert not first.digits.isEnabled() and second.digits.isEnabled()


def test_the_editor_refuses_live_and_hands_odd_templates_to_the_text(qtbot):
    from app.ui.settings.template_edit import TEXT_ONLY, TemplateEdit
    from tests.widgets import shown

    edit = shown(qtbot, TemplateEdit())
    seq = edit.rows[2]
    seq.field.setCurrentIndex(0)  # no serial left
    assert "必须包含序号字段" in edit.preview.text()

    edit.line.setText("{year:04d}-{seq}")  # typed as text: the fields cannot say it
    assert edit.text_only.isVisible() and edit.text_only.text() == TEXT_ONLY
    assert edit.line.isVisible()
    assert not any(row.field.isEnabled() for row in edit.rows)
    edit.line.setText("{year}-{seq:04d}")
    assert not edit.text_only.isVisible()
    assert all(row.field.isEnabled() for row in edit.rows)
    assert edit.rows[1].digits.value() == 4


@pytest.mark.parametrize(
    ("template", "shown"),
    [
        ("{code}GS-{year}-{seq:03d}", "［机关代码］GS-［年份］-［序号，3 位］"),
        ("桂民规〔{year}〕{seq}号", "桂民规〔［年份］〕［序号］号"),
        ("{year:04d}-{seq}", "{year:04d}-{seq}"),
    ],
)
def test_a_list_shows_a_template_in_words(template, shown):
    from app.services.number_templates import described

    assert described(template) == shown


def test_the_issuers_page_lists_templates_in_words(qtbot, office):
    from app.ui.settings.issuers_page import IssuersPage
    from tests.ui_context import context
    from tests.widgets import shown

    page = shown(qtbot, IssuersPage(context(office)))
    cells = [page.table.topLevelItem(0).text(column) for column in range(6)]
    assert "［序号" in cells[4] and "{seq" not in cells[4]
