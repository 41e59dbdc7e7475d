"""Line breaking for Chinese text on a character grid (pure functions).

Closing punctuation never starts a line and opening punctuation never ends one: the characters
before them move down a line instead (GB/T 15834 and common 公文 practice), and Latin words and
numbers stay whole. A title too long for a line is split into balanced lines (梯形 or 菱形),
preferring breaks after 关于/的/和/及, never inside 《》, never leaving a line of one or two
characters."""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable, Sequence

CLOSING = frozenset("，。、：；！？）》」』”’〉】〕〗〙〛］｝…‥·％‰℃,.:;!?)]}%")
OPENING = frozenset("（《「『“‘〈【〔〖〘〚［｛([{")
_EPSILON = 1e-6


def em_width(char: str) -> float:
    """A character's width in ems without a font: full-width 1, half-width ½."""
    return 1.0 if unicodedata.east_asian_width(char) in "WF" else 0.5


def _word(char: str) -> bool:
    return char.isascii() and char.isalnum()


def may_break(text: str, i: int) -> bool:
    """Whether a line may end between text[i - 1] and text[i]."""
    before, after = text[i - 1], text[i]
    if after in CLOSING or before in OPENING:
        return False
    return not (_word(before) and _word(after))


def break_lines(text: str, widths: Sequence[float], first: float, rest: float) -> list[str]:
    """`text` in lines: the first at most `first` wide, the others `rest` (`widths[i]` is the
    advance of text[i]). A character wider than a line gets a line of its own; where no break
    is allowed the line breaks where it is full."""
    if not text:
        return [""]
    lines: list[str] = []
    start, capacity = 0, first
    while start < len(text):
        end, used = start, 0.0
        while end < len(text) and used + widths[end] <= capacity + _EPSILON:
            used += widths[end]
            end += 1
        end = max(end, start + 1)
        if end < len(text):
            allowed = next((j for j in range(end, start, -1) if may_break(text, j)), None)
            if allowed is not None:
                end = allowed
        lines.append(text[start:end])
        start, capacity = end, rest
    return lines


PREFERRED_AFTER = ("关于", "的", "和", "及", "与")
# Second best: the end of an organ's name, a year or a 《》 name.
GOOD_AFTER = ("政府", "办公室", "局", "厅", "委员会", "部", "年", "年度", "季度", "》")
# Words of 公文 titles a break should not cut (no dictionary: these are the common ones).
WORDS = (
    "规范性文件",
    "人民政府",
    "办公室",
    "委员会",
    "合法性",
    "进一步",
    "审查",
    "审核",
    "备案",
    "管理",
    "工作",
    "意见",
    "通知",
    "报告",
    "实施",
    "制度",
    "清理",
    "决定",
    "办法",
    "规定",
    "加强",
    "改进",
    "季度",
    "年度",
    "目录",
    "有效期",
    "届满",
    "提醒",
)
_IN_WORD = 20.0
_ELSEWHERE = 20.0  # a break after nothing preferred: worth about three characters of imbalance
_GOOD = 8.0
_INSIDE_BOOK_TITLE = 1000.0
_HOURGLASS = 50.0  # a line shorter than both neighbours: neither 梯形 nor 菱形


def split_title(title: str, capacity: float, width: Callable[[str], float] = em_width) -> list[str]:
    """`title` in lines no wider than `capacity`, balanced, as few as will do."""
    widths = [width(c) for c in title]
    total = sum(widths)
    if total <= capacity + _EPSILON:
        return [title]
    count = math.ceil(total / capacity - _EPSILON)
    for inside in (False, True):  # a break inside 《》 only when nothing else will do
        for lines in range(count, count + 3):
            best = _best_split(title, widths, capacity, lines, inside)
            if best is not None:
                return best
    return break_lines(title, widths, capacity, capacity)


def _best_split(
    title: str, widths: list[float], capacity: float, lines: int, inside: bool
) -> list[str] | None:
    prefix = [0.0]
    for w in widths:
        prefix.append(prefix[-1] + w)
    mean = prefix[-1] / lines
    best: tuple[float, list[int]] | None = None

    def walk(start: int, cuts: list[int]) -> None:
        nonlocal best
        left = lines - len(cuts) - 1
        if left == 0:
            if len(title) - start >= 3 and prefix[-1] - prefix[start] <= capacity + _EPSILON:
                cost = _cost(title, prefix, cuts, mean)
                if best is None or cost < best[0]:
                    best = (cost, list(cuts))
            return
        for end in range(start + 3, len(title) - 3 * left + 1):
            line_width = prefix[end] - prefix[start]
            if line_width > capacity + _EPSILON:
                break
            if prefix[-1] - prefix[end] > left * capacity + _EPSILON:
                continue
            if abs(line_width - mean) > capacity / 2 or not may_break(title, end):
                continue
            if not inside and _in_book_title(title, end):
                continue
            walk(end, [*cuts, end])

    walk(0, [])
    if best is None:
        return None
    bounds = [0, *best[1], len(title)]
    return [title[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


def _cost(title: str, prefix: list[float], cuts: list[int], mean: float) -> float:
    bounds = [0, *cuts, len(title)]
    sizes = [prefix[b] - prefix[a] for a, b in zip(bounds, bounds[1:], strict=False)]
    cost = sum((size - mean) ** 2 for size in sizes)
    for cut in cuts:
        if title[:cut].endswith(GOOD_AFTER):
            cost += _GOOD
        elif not title[:cut].endswith(PREFERRED_AFTER):
            cost += _ELSEWHERE
        if _in_book_title(title, cut):
            cost += _INSIDE_BOOK_TITLE
        if any(_cuts(title, word, cut) for word in WORDS):
            cost += _IN_WORD
    for i in range(1, len(sizes) - 1):
        if sizes[i] < sizes[i - 1] - _EPSILON and sizes[i] < sizes[i + 1] - _EPSILON:
            cost += _HOURGLASS
    return cost


def _in_book_title(title: str, cut: int) -> bool:
    return title[:cut].count("《") > title[:cut].count("》")


def _cuts(title: str, word: str, cut: int) -> bool:
    start = title.find(word, max(0, cut - len(word) + 1))
    return start != -1 and start < cut < start + len(word)
