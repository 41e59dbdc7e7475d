"""Letters as PDFs, read back with pypdf: the GB/T 9704-2012 page, the 22 × 28 grid, fonts,
the signature block, 附件说明, 版记 and page numbers."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth

from app.reports.fonts import FontRole, role_fonts
from app.reports.gongwen import layout as g
from app.reports.gongwen import pdf
from app.reports.gongwen.breaking import CLOSING
from app.reports.gongwen.model import Letter, Para, Run, TableBlock
from tests.gongwen_samples import BODY_SENTENCE, long_letter, report

TOLERANCE = 0.5  # points


@pytest.fixture(scope="module")
def fonts():
    return role_fonts()


@dataclass
class Line:
    y: float  # baseline
    x: float  # left edge
    size: float
    text: str


def text_lines(page) -> list[Line]:
    """The page's text, one entry a baseline, top to bottom (chunks in the order drawn)."""
    lines: dict[float, Line] = {}

    def visit(text, cm, tm, font, size) -> None:  # noqa: ANN001 - pypdf's visitor
        text = text.replace("\n", "")
        if not text:
            return
        y, x = round(tm[5], 2), tm[4]
        line = lines.setdefault(y, Line(y, x, size, ""))
        line.x = min(line.x, x)
        line.text += text

    page.extract_text(visitor_text=visit)
    return sorted(lines.values(), key=lambda line: -line.y)


def render(tmp_path: Path, fonts, *letters) -> PdfReader:
    target = tmp_path / "letters.pdf"
    pages = pdf.render(list(letters), fonts, target)
    reader = PdfReader(target)
    assert pages == len(reader.pages)
    return reader


def body_width(text: str, fonts) -> float:
    """How wide a body line is drawn: each character's advance plus the grid's spacing, less
    the spacing after the last character."""
    name = fonts[FontRole.BODY].pdf_name
    return sum(stringWidth(c, name, g.BODY_SIZE) + g.BODY_CHAR_SPACE for c in text) - (
        g.BODY_CHAR_SPACE
    )


def folio_line(page) -> Line:
    (line,) = [line for line in text_lines(page) if line.text.startswith("\u2014")]
    return line


def test_a_letter_is_a4_titled_and_embeds_every_font_it_uses(tmp_path: Path, fonts) -> None:
    reader = render(tmp_path, fonts, report())
    assert len(reader.pages) == 2
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(
            (g.PAGE_WIDTH, g.PAGE_HEIGHT), abs=0.01
        )
    assert reader.metadata is not None and reader.metadata.title == report().title
    used = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert "/FontFile2" in font["/FontDescriptor"].get_object(), font["/BaseFont"]
            used.add(str(font["/BaseFont"]).split("+", 1)[1])
    # nothing but the role fonts' faces (no stray Helvetica), and each of them
    faces = {getFont(fonts[role].pdf_name).face.name.decode() for role in FontRole}
    assert all(any(name.startswith(face) for face in faces) for name in used), used
    assert all(any(name.startswith(face) for name in used) for face in faces), faces


def test_a_full_body_page_has_22_lines_of_28_characters_on_the_grid(tmp_path: Path, fonts) -> None:
    reader = render(tmp_path, fonts, long_letter())
    page = reader.pages[1]  # nothing but body text
    lines = [line for line in text_lines(page) if not line.text.startswith("\u2014")]
    assert len(lines) == g.LINES
    for upper, lower in zip(lines, lines[1:], strict=False):
        assert upper.y - lower.y == pytest.approx(g.LINE_PITCH, abs=TOLERANCE)
    assert lines[0].y == pytest.approx(g.baseline(0), abs=TOLERANCE)
    left = g.LEFT
    for line in lines:
        assert line.x in (
            pytest.approx(left, abs=TOLERANCE),
            pytest.approx(left + 2 * g.CHAR_PITCH, abs=TOLERANCE),  # 首行左空二字
        )
        assert line.x + body_width(line.text, fonts) <= left + g.BLOCK_WIDTH + TOLERANCE
        assert line.text[0] not in CLOSING
    full = [
        line for line in lines if line.x == pytest.approx(left) and line.text.isascii() is False
    ]
    assert any(len(line.text) == g.CHARS for line in full)
    # the glyphs sit inside the text block: nothing above the 37 mm top margin (no header)
    top = g.PAGE_HEIGHT - g.TOP
    for page in reader.pages:
        assert all(line.y + 0.88 * line.size <= top for line in text_lines(page))


def test_cjk_characters_sit_in_the_grid_cells(tmp_path: Path, fonts) -> None:
    """Each full-width character advances exactly one cell (156/28 mm)."""
    name = fonts[FontRole.BODY].pdf_name
    assert stringWidth("规", name, g.BODY_SIZE) + g.BODY_CHAR_SPACE == pytest.approx(g.CHAR_PITCH)
    assert pytest.approx(g.BLOCK_WIDTH) == g.CHAR_PITCH * g.CHARS
    assert pytest.approx(g.BLOCK_HEIGHT) == g.LINE_PITCH * g.LINES


def test_no_line_starts_with_closing_punctuation(tmp_path: Path, fonts) -> None:
    # 28 characters fill the line and "。" would start the next: 范 moves down with it
    text = "规" * 27 + "范。" + "规" * 10
    letter = long_letter(body=(Para.of(text, indent=False),) * 3)
    reader = render(tmp_path, fonts, letter)
    lines = [line.text for page in reader.pages for line in text_lines(page)]
    assert "规" * 27 in lines
    assert "范。" + "规" * 10 in lines
    assert not any(line[0] in CLOSING for line in lines)


def test_the_title_is_centred_in_balanced_lines_and_the_recipient_below_a_blank_line(
    tmp_path: Path, fonts
) -> None:
    reader = render(tmp_path, fonts, report())
    lines = text_lines(reader.pages[0])
    title = [line for line in lines if line.size == g.TITLE_SIZE]
    assert [line.text for line in title] == [
        "河清市司法局关于报送2026年",
        "第三季度规范性文件备案材料的报告",
    ]
    name = fonts[FontRole.TITLE].pdf_name
    for i, line in enumerate(title):
        middle = line.x + stringWidth(line.text, name, g.TITLE_SIZE) / 2
        assert middle == pytest.approx(g.LEFT + g.BLOCK_WIDTH / 2, abs=TOLERANCE)
        assert line.y == pytest.approx(g.baseline(i, g.TITLE_SIZE), abs=TOLERANCE)
    recipient = lines[len(title)]
    assert recipient.text == "河清市人民政府："
    assert recipient.x == pytest.approx(g.LEFT, abs=TOLERANCE)
    assert recipient.y == pytest.approx(g.baseline(len(title) + 1), abs=TOLERANCE)


def test_page_numbers_alternate_sides_and_restart_for_each_letter(tmp_path: Path, fonts) -> None:
    reader = render(tmp_path, fonts, report(), report())
    assert len(reader.pages) == 4
    name = fonts[FontRole.TABLE].pdf_name
    for page, number in zip(reader.pages, (1, 2, 1, 2), strict=True):
        line = folio_line(page)
        assert line.text == f"\u2014 {number} \u2014"
        assert line.size == g.FOLIO_SIZE
        below = g.BOTTOM - line.y
        assert 7 * mm < below < 11 * mm  # the dashes about 7 mm under the block
        if number % 2:  # odd: right, one character in
            right = line.x + stringWidth(line.text, name, g.FOLIO_SIZE)
            assert right == pytest.approx(g.LEFT + g.BLOCK_WIDTH - g.FOLIO_SIZE, abs=TOLERANCE)
        else:
            assert line.x == pytest.approx(g.LEFT + g.FOLIO_SIZE, abs=TOLERANCE)
    titles = [text_lines(page)[0].text for page in reader.pages]
    assert titles[0] == titles[2] == "河清市司法局关于报送2026年"


def test_attachments_line_up_under_the_first_name(tmp_path: Path, fonts) -> None:
    reader = render(tmp_path, fonts, report())
    lines = text_lines(reader.pages[-1])
    first = next(i for i, line in enumerate(lines) if line.text.startswith("附件："))
    label, second, wrapped = lines[first : first + 3]
    assert label.text == "附件：1.河清市2026年第三季度规范性文件目录"
    assert label.x == pytest.approx(g.LEFT + 2 * g.CHAR_PITCH, abs=TOLERANCE)
    number_x = label.x + body_width("附件：", fonts) + g.BODY_CHAR_SPACE
    name_x = number_x + body_width("1.", fonts) + g.BODY_CHAR_SPACE
    assert second.text.startswith("2.河清市")
    assert second.x == pytest.approx(number_x, abs=TOLERANCE)
    assert wrapped.x == pytest.approx(name_x, abs=TOLERANCE)
    assert wrapped.text.endswith("说明）")  # the name as given: no closing punctuation added
    # one blank line above 附件
    assert lines[first - 1].y - label.y == pytest.approx(2 * g.LINE_PITCH, abs=TOLERANCE)


def test_the_signature_centres_over_the_date_with_room_for_the_seal(tmp_path: Path, fonts) -> None:
    reader = render(tmp_path, fonts, report())
    lines = text_lines(reader.pages[-1])
    i = next(i for i, line in enumerate(lines) if line.text == "2026年12月1日")
    above, signer, dated, remark = lines[i - 2], lines[i - 1], lines[i], lines[i + 1]
    assert signer.text == "河清市司法局"
    date_right = dated.x + body_width(dated.text, fonts)
    assert date_right == pytest.approx(
        g.LEFT + g.BLOCK_WIDTH - 4 * g.CHAR_PITCH - g.BODY_CHAR_SPACE, abs=TOLERANCE
    )
    centre = signer.x + body_width(signer.text, fonts) / 2
    assert centre == pytest.approx(dated.x + body_width(dated.text, fonts) / 2, abs=TOLERANCE)
    # the seal (42 mm) starts within a line of the text above and covers 署名 and 日期
    gap = (above.y - signer.y) / g.LINE_PITCH
    assert gap == pytest.approx(3, abs=0.01)
    assert 4 * g.LINE_PITCH < g.SEAL_DIAMETER < 5 * g.LINE_PITCH
    assert remark.text == "（联系人：张三，电话：0311-12345678）"
    assert remark.x == pytest.approx(g.LEFT + 2 * g.CHAR_PITCH, abs=TOLERANCE)
    assert dated.y - remark.y == pytest.approx(g.LINE_PITCH, abs=TOLERANCE)


def test_without_a_seal_the_signature_follows_gbt_9704_7_3_5_2(tmp_path: Path, fonts) -> None:
    reader = render(tmp_path, fonts, report(seal=False, remark="", attachments=()))
    lines = text_lines(reader.pages[-1])
    i = next(i for i, line in enumerate(lines) if line.text == "2026年12月1日")
    above, signer, dated = lines[i - 2], lines[i - 1], lines[i]
    assert (above.y - signer.y) / g.LINE_PITCH == pytest.approx(2, abs=0.01)
    right = g.LEFT + g.BLOCK_WIDTH - 2 * g.CHAR_PITCH - g.BODY_CHAR_SPACE
    assert dated.x + body_width(dated.text, fonts) == pytest.approx(right, abs=TOLERANCE)
    # the date is longer than 署名, so 署名 starts two characters before it
    assert dated.x - signer.x == pytest.approx(2 * g.CHAR_PITCH, abs=TOLERANCE)


@pytest.mark.parametrize("attachments", [(), ("河清市规范性文件目录",)])
@pytest.mark.parametrize("sentences", range(14, 26))
def test_the_signature_never_sits_alone_on_a_page(
    tmp_path: Path, fonts, sentences, attachments
) -> None:
    letter = replace(
        long_letter(),
        body=tuple(Para.of(BODY_SENTENCE) for _ in range(sentences)),
        attachments=attachments,
    )
    reader = render(tmp_path, fonts, letter)
    last = text_lines(reader.pages[-1])
    signer = next(i for i, line in enumerate(last) if line.text == letter.signer)
    above = [line for line in last[:signer] if line.size == g.BODY_SIZE]
    assert len(above) >= 2  # the body's (or 附件说明's) last two lines go with it


def test_the_record_sits_on_the_last_lines_of_the_last_page(tmp_path: Path, fonts) -> None:
    reader = render(tmp_path, fonts, report())
    page = reader.pages[-1]
    lines = text_lines(page)
    copies = next(line for line in lines if line.text.startswith("抄送："))
    assert copies.text == "抄送：河北省司法厅，河清市人民政府办公室。"
    assert copies.size == g.RECORD_SIZE
    assert copies.x == pytest.approx(g.LEFT + g.RECORD_SIZE, abs=TOLERANCE)
    assert copies.y == pytest.approx(g.baseline(g.LINES - 2, g.RECORD_SIZE), abs=TOLERANCE)
    issued = next(line for line in lines if line.text.startswith("河清市司法局办公室"))
    assert issued.text.replace(" ", "") == "河清市司法局办公室2026年12月1日印发"
    assert issued.y == pytest.approx(g.baseline(g.LINES - 1, g.RECORD_SIZE), abs=TOLERANCE)
    # rules: first and last 0.35 mm, the one between 0.25 mm, the last on the block's edge
    rules = horizontal_rules(page)
    assert [round(width / mm, 2) for _, width in rules] == [0.35, 0.25, 0.35]
    assert rules[-1][0] == pytest.approx(g.BOTTOM, abs=0.01)
    assert rules[0][0] == pytest.approx(g.BOTTOM + 2 * g.LINE_PITCH, abs=0.01)


def horizontal_rules(page) -> list[tuple[float, float]]:
    """(y, line width) of every full-width horizontal line drawn on the page, top first."""
    ops = ContentStream(page.get_contents(), page.pdf).operations
    width, start, found = 1.0, None, []
    for operands, operator in ops:
        if operator == b"w":
            width = float(operands[0])
        elif operator == b"m":
            start = (float(operands[0]), float(operands[1]))
        elif operator == b"l" and start is not None:
            x, y = float(operands[0]), float(operands[1])
            if y == pytest.approx(start[1]) and abs(x - start[0]) == pytest.approx(
                g.BLOCK_WIDTH, abs=0.01
            ):
                found.append((y, width))
    return sorted(found, key=lambda rule: -rule[0])


def test_a_table_fills_whole_grid_lines_and_repeats_its_header(tmp_path: Path, fonts) -> None:
    from tests.gongwen_samples import table

    letter = long_letter(body=(Para.of(BODY_SENTENCE), table(30), Para.of("表后正文。")))
    reader = render(tmp_path, fonts, letter)
    pages = [text_lines(page) for page in reader.pages]
    headers = [page for page in pages if any(line.text.startswith("序号") for line in page)]
    assert len(headers) >= 2  # split over pages, the header on each
    after = next(line for page in pages for line in page if line.text == "表后正文。")
    grid = [g.baseline(i) for i in range(g.LINES)]
    assert any(after.y == pytest.approx(y, abs=TOLERANCE) for y in grid)
    assert all(line.size == g.TABLE_SIZE for line in headers[0] if line.text.startswith("序号"))


def test_dates_are_in_arabic_numerals() -> None:
    assert pdf.date_text(date(2026, 12, 1)) == "2026年12月1日"


words = st.text(
    alphabet="规范性文件备案审查河清市人民政府，。、：（）《》“”0123456789ab", max_size=90
)
paras = st.builds(
    lambda text, heading, indent: Para(
        (Run(text[:6], FontRole.HEADING1), Run(text[6:])) if heading else (Run(text),),
        indent,
    ),
    words,
    st.booleans(),
    st.booleans(),
)
table_blocks = st.integers(min_value=1, max_value=4).flatmap(
    lambda columns: st.builds(
        TableBlock,
        st.tuples(*[words] * columns),
        st.lists(st.tuples(*[words] * columns), max_size=12).map(tuple),
        st.tuples(*[st.floats(min_value=0.1, max_value=1)] * columns),
    )
)
letters = st.builds(
    Letter,
    title=words.filter(bool),
    recipient=words,
    body=st.lists(st.one_of(paras, table_blocks), max_size=12).map(tuple),
    signer=st.text(alphabet="河清市人民政府司法局办公室", min_size=2, max_size=16),
    signed_on=st.dates(date(2000, 1, 1), date(2099, 12, 31)),
    attachments=st.lists(words.filter(bool), max_size=3).map(tuple),
    remark=words,
    seal=st.booleans(),
    copies_to=st.lists(words.filter(bool), max_size=3).map(tuple),
    issued_by=words,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(letters)
def test_any_letter_stays_inside_the_text_block(tmp_path_factory, letter) -> None:
    fonts = role_fonts()
    target = tmp_path_factory.mktemp("any") / "letter.pdf"
    pages = pdf.render([letter], fonts, target)
    reader = PdfReader(target)
    assert pages == len(reader.pages) >= 1
    for page in reader.pages:
        for line in text_lines(page):
            if line.text.startswith("\u2014"):
                continue
            assert line.x >= g.LEFT - TOLERANCE
            assert g.BOTTOM - 0.12 * line.size - TOLERANCE <= line.y
            assert line.y + 0.88 * line.size <= g.PAGE_HEIGHT - g.TOP + TOLERANCE


def test_a_row_taller_than_a_page_continues_on_the_next(tmp_path: Path, fonts) -> None:
    tall = TableBlock(("序号", "说明"), (("1", "规" * 900),), (0.1, 0.9))
    reader = render(tmp_path, fonts, long_letter(body=(tall,)))
    cells = "".join(
        line.text for page in reader.pages for line in text_lines(page) if line.size == 12
    )
    assert cells.count("规") == 900
    for page in reader.pages:
        for line in text_lines(page):
            assert line.y >= g.BOTTOM - TOLERANCE or line.size == g.FOLIO_SIZE


def test_a_record_with_copies_only_wraps_under_the_first_name(tmp_path: Path, fonts) -> None:
    copies = tuple(f"河清市第{n}人民政府办公室" for n in "一二三四五")
    reader = render(tmp_path, fonts, report(copies_to=copies, issued_by=""))
    page = reader.pages[-1]
    lines = [line for line in text_lines(page) if line.size == g.RECORD_SIZE]
    first, *rest = [line for line in lines if not line.text.startswith("\u2014")]
    assert first.text.startswith("抄送：河清市第一人民政府办公室，")
    assert rest and rest[-1].text.endswith("。")
    hang = stringWidth("抄送：", fonts[FontRole.BODY].pdf_name, g.RECORD_SIZE)
    assert all(line.x == pytest.approx(first.x + hang, abs=TOLERANCE) for line in rest)
    assert rest[-1].y == pytest.approx(g.baseline(g.LINES - 1, g.RECORD_SIZE), abs=TOLERANCE)
    rules = horizontal_rules(page)
    assert [round(width / mm, 2) for _, width in rules] == [0.35, 0.35]
    assert rules[-1][0] == pytest.approx(g.BOTTOM, abs=0.01)
