"""Line breaking on the 公文 grid and title splitting, as properties (hypothesis) and examples."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from app.reports.gongwen.breaking import (
    CLOSING,
    OPENING,
    break_lines,
    em_width,
    may_break,
    split_title,
)

CJK = "规范性文件备案审查河清市人民政府关于的和及通知"
ALPHABET = CJK + "，。、：；！？）》」”" + "（《「“" + "0123456789abcGB/T-"
texts = st.text(alphabet=ALPHABET, max_size=200)
capacities = st.integers(min_value=6, max_value=40)


def clusters(text: str) -> list[str]:
    """The pieces no rule lets a line break inside."""
    pieces, start = [], 0
    for i in range(1, len(text)):
        if may_break(text, i):
            pieces.append(text[start:i])
            start = i
    return [*pieces, text[start:]] if text else []


@settings(max_examples=300, deadline=None)
@given(texts, capacities, st.integers(min_value=0, max_value=4))
def test_breaking_keeps_every_character_and_the_line_capacity(text, capacity, indent) -> None:
    widths = [em_width(c) for c in text]
    lines = break_lines(text, widths, capacity - indent, capacity)
    assert "".join(lines) == text
    for i, line in enumerate(lines):
        room = capacity - indent if i == 0 else capacity
        assert sum(em_width(c) for c in line) <= room or len(line) == 1


@settings(max_examples=300, deadline=None)
@given(texts, capacities)
def test_punctuation_never_starts_or_ends_the_wrong_line(text, capacity) -> None:
    # where every unbreakable piece fits a line, the rules always hold
    assume(all(sum(em_width(c) for c in piece) <= capacity for piece in clusters(text)))
    lines = break_lines(text, [em_width(c) for c in text], capacity, capacity)
    for line in lines[1:]:
        assert line[0] not in CLOSING, lines
    for line in lines[:-1]:
        assert line[-1] not in OPENING, lines


def test_closing_punctuation_takes_the_character_before_it_down() -> None:
    text = "规" * 28 + "。" + "范" * 3
    assert break_lines(text, [1.0] * len(text), 28, 28) == ["规" * 27, "规。范范范"]


def test_an_opening_mark_moves_to_the_next_line() -> None:
    text = "规" * 27 + "《条例》"
    assert break_lines(text, [1.0] * len(text), 28, 28) == ["规" * 27, "《条例》"]


def test_numbers_and_latin_words_stay_whole() -> None:
    text = "规" * 26 + "2026年"
    widths = [em_width(c) for c in text]
    assert break_lines(text, widths, 28, 28) == ["规" * 26 + "2026", "年"]
    text = "规" * 27 + "ISO"
    assert break_lines(text, [em_width(c) for c in text], 28, 28)[0] == "规" * 27


titles = st.text(alphabet=CJK + "《》（）、2026", min_size=1, max_size=80)


@settings(max_examples=300, deadline=None)
@given(titles)
def test_a_title_splits_into_balanced_lines_that_fit(title) -> None:
    capacity = 20.0
    lines = split_title(title, capacity)
    assert "".join(lines) == title
    assert all(sum(em_width(c) for c in line) <= capacity for line in lines)
    if len(lines) > 1:
        assert all(len(line) >= 3 for line in lines), lines
        for line in lines[1:]:
            assert line[0] not in CLOSING
        for line in lines[:-1]:
            assert line[-1] not in OPENING


def test_a_title_that_fits_stays_on_one_line() -> None:
    assert split_title("关于开展规范性文件清理工作的通知", 20) == [
        "关于开展规范性文件清理工作的通知"
    ]


def test_a_long_title_breaks_after_a_preferred_word_in_a_trapezoid() -> None:
    assert split_title("河清市司法局关于报送2026年第三季度规范性文件备案材料的报告", 20.1) == [
        "河清市司法局关于报送2026年",
        "第三季度规范性文件备案材料的报告",
    ]
    lines = split_title(
        "河清市司法局关于河清市人民政府关于加强城市管理的通知的合法性审核意见书", 20.1
    )
    assert lines == ["河清市司法局关于河清市人民政府关于", "加强城市管理的通知的合法性审核意见书"]


def test_a_title_is_not_broken_inside_a_book_title_when_it_can_be_avoided() -> None:
    lines = split_title("河清市人民政府关于印发《河清市规范性文件制定和备案管理办法》的通知", 20.1)
    assert lines == ["河清市人民政府关于印发", "《河清市规范性文件制定和备案管理办法》", "的通知"]


def test_a_title_never_leaves_a_line_of_one_or_two_characters() -> None:
    title = "关于开展2026年度规范性文件集中清理工作的通知书"  # 22 ems
    lines = split_title(title, 20.1)
    assert len(lines) == 2 and min(len(line) for line in lines) >= 3
