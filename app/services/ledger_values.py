"""Reading the values offices type into their ledgers: dates in every common form, Excel serial
dates, validity terms such as 5年, statuses in Chinese words."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from app.clock import FIRST_DAY, LAST_DAY
from app.services.lifecycle import STATUS_CODES
from app.services.vocabulary import CleanupDecision, DocStatus, Step

EXCEL_EPOCH = date(1899, 12, 30)
_DATE_TEXT = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")
_TERM = re.compile(r"^\s*(?:有效期)?\s*(\d{1,2})\s*年\s*$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")  # C0 controls except tab and newline
CELL_MAX = 2000  # characters; longer is never a ledger value (a title is at most 300)
YEARS = range(FIRST_DAY.year, LAST_DAY.year + 1)

# Words offices write for a status besides its label (lifecycle.STATUS_CODES reads the labels).
STATUS_WORDS = {
    "现行有效": DocStatus.IN_FORCE,
    CleanupDecision.CONTINUE.label: DocStatus.IN_FORCE,
    "施行": DocStatus.IN_FORCE,
    "现行": DocStatus.IN_FORCE,
    "已废止": DocStatus.REPEALED,
    "已失效": DocStatus.EXPIRED,
    "届满失效": DocStatus.EXPIRED,
    "自动失效": DocStatus.EXPIRED,
    "已宣布失效": DocStatus.DECLARED_INVALID,
    CleanupDecision.AMEND.label: DocStatus.AMENDED,
    "已被修改": DocStatus.AMENDED,
    Step.PUBLICATION.label: DocStatus.PUBLISHED,
    "尚未施行": DocStatus.PUBLISHED,
}


class ValueProblem(ValueError):
    """The cell's content cannot be read as what the column holds; the message is Chinese."""


def parse_date(value: object) -> date | None:
    found = _date(value)
    if found is not None and found.year not in YEARS:
        raise ValueProblem(f"日期超出范围（应在 {YEARS[0]} 年至 {YEARS[-1]} 年之间）")
    return found


def _date(value: object) -> date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 1 <= value <= 80000:
            return EXCEL_EPOCH + timedelta(days=int(value))
        raise ValueProblem("不是有效的日期")
    text = str(value).strip()
    match = _DATE_TEXT.match(text) or _COMPACT.match(text)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            raise ValueProblem("日期不存在") from None
    raise ValueProblem("无法识别的日期格式（应如 2022-04-11、2022/4/11、2022年4月11日）")


def parse_term(value: object) -> int | None:
    """A validity written as a term (5年) gives its years; None if it is not a term."""
    if isinstance(value, str):
        match = _TERM.match(value)
        if match and int(match[1]) > 0:
            return int(match[1])
    return None


def parse_status(value: object) -> str | None:
    if value is None or not str(value).strip():
        return None
    word = str(value).strip().replace(" ", "")
    code = STATUS_WORDS.get(word) or STATUS_CODES.get(word)
    if code is None:
        raise ValueProblem("无法识别的状态（应如 有效、废止、失效、宣布失效、已修改）")
    return code


def text_of(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d")
    return str(value).strip()


def cell_problem(value: object) -> str | None:
    """Why a cell can be no ledger value at all, whatever its column; None if it can be."""
    if isinstance(value, bool):
        return f"单元格是逻辑值 {'TRUE' if value else 'FALSE'}，不是文字、日期或数字"
    if isinstance(value, str):
        control = _CONTROL.search(value)
        if control:
            return f"含有控制字符 U+{ord(control[0]):04X}，请在 Excel 中删除后再导入"
        if len(value) > CELL_MAX:
            return f"内容过长（{len(value)} 个字符，最多 {CELL_MAX} 个）"
    return None


def printable(text: str, limit: int | None = None) -> str:
    """Text safe to show on a terminal or write into a workbook: control characters as their
    Unicode pictures (U+2400...), cut to `limit` characters."""
    text = _CONTROL.sub(lambda m: chr(0x2400 + ord(m[0])), text)
    return text if limit is None or len(text) <= limit else f"{text[:limit]}…"
