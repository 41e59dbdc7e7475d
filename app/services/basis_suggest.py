"""制定依据 (legal basis) suggested from a document's plain text: the laws, regulations, rules and
higher documents it names in 《》 as its basis, for the clerk to confirm."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass

from app.services.vocabulary import Labelled


class LawLevel(Labelled):
    """An upper-level law's rank (效力层级), highest first."""

    LAW = "law", "法律"
    ADMIN_REGULATION = "admin_regulation", "行政法规"
    LOCAL_REGULATION = "local_regulation", "地方性法规"
    RULE = "rule", "规章"
    UPPER_DOCUMENT = "upper_document", "上级规范性文件"


@dataclass(frozen=True)
class SuggestedBasis:
    name: str  # as written, without 《》, whitespace trimmed
    level: LawLevel
    articles: str  # e.g. "第十二条、第十四条第二款", else ""
    evidence: str  # the sentence where it was first found


# law_key -------------------------------------------------------------------------------------

_BRACKETS = str.maketrans({"〔": "(", "〕": ")", "【": "(", "】": ")", "[": "(", "]": ")"})
_MARKS = str.maketrans("", "", "《》〈〉")
_STATE_PREFIX = "中华人民共和国"
_EDITION_NOTE = re.compile(r"\((?=[^()]*年)[^()]*(?:修正|修订|修改|公布)[^()]*\)$")


def law_key(name: str) -> str:
    """The key under which one law is one law however it is written: NFKC, no 《》〈〉, no
    whitespace, one kind of bracket, no leading 中华人民共和国 and no trailing edition note such as
    （2019年修正）. （试行） stays: a trial instrument is a different one."""
    key = "".join(unicodedata.normalize("NFKC", name).split())
    key = key.translate(_BRACKETS).translate(_MARKS).removeprefix(_STATE_PREFIX)
    while note := _EDITION_NOTE.search(key):
        key = key[: note.start()]
    return key


# guess_level ---------------------------------------------------------------------------------

_TRAILING_NOTES = re.compile(r"(?:\([^()]*\))+$")
# Shortest run of at least two characters up to an administrative division's suffix.
_REGION = re.compile(
    r"^[\u4e00-\u9fff]{2,12}?(?:特别行政区|经济特区|自治区|自治州|自治县|省|市|州|县)"
)
_RULE_SUFFIXES = ("规定", "办法", "细则", "规则")
_RULE_AUTHORS = ("部", "委员会", "总局", "署", "局", "人民政府")
_GENERAL_OFFICES = ("办公厅", "办公室")
_LOCAL_IMPLEMENTATION = re.compile(r"实施.+法办法$")


def guess_level(name: str) -> LawLevel:
    """The likely level of a basis, from its name alone (trailing notes such as （试行） ignored):

    - 法律: ends with 法 (not 办法/方法) or 法典; a 全国人民代表大会(常务委员会) 决定 or 解释; a
      关于修改〈…法〉的决定 (only the NPC amends laws).
    - 条例: 地方性法规 when it starts with a place: two or more characters before 省, 自治区,
      自治州, 自治县, 市, 州, 县, 经济特区 or 特别行政区 (城市…, 市场… are not places);
      otherwise 行政法规 (the State Council's, e.g. 优化营商环境条例).
    - 规定/办法/细则/规则: a place's 实施〈…法〉办法 is 地方性法规; anything from a general office
      (办公厅/办公室) is 上级规范性文件; a title without 关于 reads like a 令 and is 规章; with
      关于, the author before it decides: 国务院 -> 行政法规, a ministry, commission, bureau,
      people's government or place -> 规章, anyone else -> 上级规范性文件.
    - Everything else (通知, 意见, 决定, 方案, 规划, 纲要, unknown) is 上级规范性文件.
    """
    base = _TRAILING_NOTES.sub("", law_key(name))
    if _is_law(base):
        return LawLevel.LAW
    if base.endswith("条例"):
        return LawLevel.LOCAL_REGULATION if _has_region(base) else LawLevel.ADMIN_REGULATION
    if base.endswith(_RULE_SUFFIXES):
        return _rule_level(base)
    return LawLevel.UPPER_DOCUMENT


def _is_law(base: str) -> bool:
    if base.endswith("法典") or (base.endswith("法") and not base.endswith(("办法", "方法"))):
        return True
    if base.startswith("全国人民代表大会") and base.endswith(("决定", "解释")):
        return True
    if base.startswith("关于修改") and base.endswith("的决定"):
        amended = base.removeprefix("关于修改").removesuffix("的决定")
        return amended.endswith(("法", "法律")) and not amended.endswith("办法")
    return False


def _has_region(base: str) -> bool:
    match = _REGION.match(base)
    if not match or base.startswith("城市"):
        return False
    return base[match.end() - 1 : match.end() + 1] != "市场"


def _rule_level(base: str) -> LawLevel:
    if _has_region(base) and _LOCAL_IMPLEMENTATION.search(base):
        return LawLevel.LOCAL_REGULATION
    if any(office in base for office in _GENERAL_OFFICES):
        return LawLevel.UPPER_DOCUMENT
    author, about, _ = base.partition("关于")
    if not about:
        return LawLevel.RULE
    if author == "国务院":
        return LawLevel.ADMIN_REGULATION
    if _has_region(author) or any(marker in author for marker in _RULE_AUTHORS):
        return LawLevel.RULE
    return LawLevel.UPPER_DOCUMENT


# suggest -------------------------------------------------------------------------------------

_TITLE = re.compile(r"《([^《》\r\n]*)》")
_SENTENCE_ENDS = "。；;！!？?\r\n"
_CLAUSE_ENDS = _SENTENCE_ENDS + "，,：:"
_CITING = re.compile("根据|依据|按照|依照|遵照")
_ISSUING = re.compile("印发|转发|现将")
_HEADING = re.compile(r"(?:^|[。：:；;])[^\S\r\n]*(?:第一章|第一条|一、)", re.MULTILINE)
_PUBLICATIONS = ("日报", "公报", "晚报", "杂志")  # where a text is published, never its basis
_EVIDENCE_WIDTH = 80

_NUMBER = r"[〇零一二三四五六七八九十百千\d]+"
_REFERENCE = re.compile(
    rf"(第{_NUMBER}条(?:之[一二三四五六七八九十]+)?)?(第{_NUMBER}款)?(第{_NUMBER}项)?"
)
_JOINER = re.compile(r"[^\S\r\n]*(、|和|以及|及|与|至)[^\S\r\n]*")
# An edition note or document number between 》 and the articles: 》（2019年修正）第五条
_BEFORE_ARTICLES = re.compile(r"[^\S\r\n]*(?:[（(][^（）()\r\n]{1,30}[）)][^\S\r\n]*)?")


@dataclass
class _Mention:
    name: str
    evidence: str
    articles: list[str]


def suggest(text: str, own_title: str = "") -> list[SuggestedBasis]:
    """Every 《…》 the text cites as its basis: named after 根据/依据/按照/依照/遵照 in the same
    sentence, or anywhere in the preamble (before 第一章, 第一条 or 一、). Left out: the document
    itself (`own_title`, or a title inside it, as in 关于印发《…》的通知), what follows 印发, 转发
    or 现将 in the same clause (the text being issued), newspapers and gazettes. One suggestion per
    law_key in order of first mention, with the articles of every mention."""
    # Words inside a title (国务院关于印发…的通知) must not count as the sentence's own.
    masked = _TITLE.sub(lambda m: "《" + "＿" * len(m[1]) + "》", text)
    sentence_ends = [i for i, char in enumerate(text) if char in _SENTENCE_ENDS]
    clause_ends = [i for i, char in enumerate(text) if char in _CLAUSE_ENDS]
    citing = [m.start() for m in _CITING.finditer(masked)]
    issuing = [m.start() for m in _ISSUING.finditer(masked)]
    heading = _HEADING.search(masked)
    preamble_end = heading.start() if heading else len(text)
    own = _own_keys(own_title)

    found: dict[str, _Mention] = {}
    for title in _TITLE.finditer(text):
        name = title[1].strip()
        key = law_key(name)
        if len(name) < 2 or not key or key in own or name.endswith(_PUBLICATIONS):
            continue
        at = title.start()
        if _word_between(issuing, _start(clause_ends, at), at):
            continue
        sentence = _start(sentence_ends, at)
        if not (_word_between(citing, sentence, at) or at < preamble_end):
            continue
        articles = _articles(text, title.end())
        if key in found:
            merged = found[key].articles
            merged.extend(a for a in articles if a not in merged)
        else:
            evidence = _evidence(text, sentence, _end(sentence_ends, text, title.end()), title)
            found[key] = _Mention(name, evidence, list(dict.fromkeys(articles)))
    return [
        SuggestedBasis(m.name, guess_level(m.name), "、".join(m.articles), m.evidence)
        for m in found.values()
    ]


def _own_keys(own_title: str) -> set[str]:
    keys = {law_key(own_title)} | {law_key(inner) for inner in _TITLE.findall(own_title)}
    keys.discard("")
    return keys


def _start(ends: list[int], at: int) -> int:
    """Where the sentence (or clause) holding position `at` starts."""
    index = bisect_left(ends, at)
    return ends[index - 1] + 1 if index else 0


def _end(ends: list[int], text: str, at: int) -> int:
    """Where it ends, its closing punctuation included (a line break not)."""
    index = bisect_left(ends, at)
    if index == len(ends):
        return len(text)
    stop = ends[index]
    return stop if text[stop] in "\r\n" else stop + 1


def _word_between(starts: list[int], lo: int, hi: int) -> bool:
    """Whether a two-character word found at `starts` lies wholly within text[lo:hi]."""
    index = bisect_left(starts, lo)
    return index < len(starts) and starts[index] + 2 <= hi


def _evidence(text: str, start: int, end: int, title: re.Match[str]) -> str:
    sentence = text[start:end].strip()
    if len(sentence) <= _EVIDENCE_WIDTH:
        return sentence
    lo = max(start, title.start() - _EVIDENCE_WIDTH // 3)
    hi = min(end, max(title.end(), lo + _EVIDENCE_WIDTH))
    head = "…" if text[start:lo].strip() else ""
    tail = "…" if text[hi:end].strip() else ""
    return head + text[lo:hi].strip() + tail


def _articles(text: str, at: int) -> list[str]:
    """The articles cited right after a 》; a reference without its article borrows the one before
    (第十四条第二款、第三款 -> 第十四条第二款, 第十四条第三款); a range 第十条至第十五条 is one item."""
    cited: list[str] = []
    article = paragraph = joiner = ""
    gap = _BEFORE_ARTICLES.match(text, at)
    at = gap.end() if gap else at
    while (ref := _REFERENCE.match(text, at)) and ref.end() > at:
        if ref[1]:
            article, paragraph = ref[1], ref[2] or ""
        elif ref[2]:
            paragraph = ref[2]
        if joiner == "至" and cited:
            cited[-1] += "至" + ref[0]
        else:
            cited.append(article + paragraph + (ref[3] or ""))
        join = _JOINER.match(text, ref.end())
        if join is None:
            break
        joiner, at = join[1], join.end()
    return cited
