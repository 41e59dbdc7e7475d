"""A historical ledger's filing columns (报送日期, 备案机关, 备案结果): which filings a row gives.
Several recipients share a cell separated by ；、， with their dates and results in the same order
(one date or result standing for all). A row that fills none of the three gives no filing at all:
the document is then marked 备案情况未录入 (filing_backlog)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from app import clock
from app.services import filing
from app.services.filing import FilingRule
from app.services.ledger_values import ValueProblem, parse_date, text_of
from app.services.vocabulary import FilingTimeliness

NOT_FILED_WORDS = (FilingTimeliness.NOT_FILED.label, "未报备", "未备案")
_SPLIT = re.compile(r"[；;、,，\n]+")


class FilingProblem(ValueError):
    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key, self.message = key, message


@dataclass(frozen=True)
class LedgerFiling:
    recipient: str
    filed_on: date | None  # None: the ledger says it was never filed (未报送)
    result: str  # one of filing.RESULTS, or "" when no result came back


def _parts(value: object) -> list[object]:
    if value is None:
        return []
    if not isinstance(value, str):
        return [value]
    return [p.strip() for p in _SPLIT.split(value) if p.strip()]


def _recipient(text: str, rules: list[FilingRule]) -> str:
    """The rule's recipient the ledger means: its exact name, else the one rule whose name holds
    the text or is held in it (a ledger writes 市政府 for 河清市人民政府 rarely; 市人民政府 often)."""
    names = [r.recipient for r in rules]
    if text in names:
        return text
    close = [n for n in names if text in n or n in text]
    if len(close) == 1:
        return close[0]
    raise FilingProblem(
        "filing_recipient", f"备案机关“{text}”不是该文件应报送的机关（{'、'.join(names)}）"
    )


def _spread(values: list, count: int, key: str, label: str) -> list:
    if len(values) in (0, 1):
        return (values or [None]) * count
    if len(values) != count:
        raise FilingProblem(key, f"{label}有 {len(values)} 项，与备案机关的 {count} 项对应不上")
    return values


def parse(
    cells: dict[str, object], rules: list[FilingRule], published: date | None
) -> list[LedgerFiling] | None:
    """The row's filings; None when the row says nothing about filing. FilingProblem names the
    column that cannot be read."""
    recipients = [text_of(p) for p in _parts(cells.get("filing_recipient"))]
    dates = _parts(cells.get("filed_on"))
    results = [text_of(p).replace(" ", "") for p in _parts(cells.get("filing_result"))]
    if not (recipients or dates or results):
        return None
    if not recipients:
        if len(rules) != 1:
            listed = "、".join(r.recipient for r in rules)
            raise FilingProblem("filing_recipient", f"该文件应向{listed}备案，请写明备案机关")
        recipients = [rules[0].recipient]
    names = [_recipient(r, rules) for r in recipients]
    if len(set(names)) != len(names):
        raise FilingProblem("filing_recipient", "同一备案机关写了两次")
    days = _spread(dates, len(names), "filed_on", "报送日期")
    answers = _spread(results, len(names), "filing_result", "备案结果")
    found = []
    for name, day, answer in zip(names, days, answers, strict=True):
        answer = answer or ""
        if answer in NOT_FILED_WORDS:
            found.append(LedgerFiling(name, None, ""))
            continue
        if answer and answer not in filing.RESULTS:
            raise FilingProblem(
                "filing_result", f"无法识别的备案结果（应如 {'、'.join(filing.RESULTS)}、未报送）"
            )
        try:
            filed_on = parse_date(day)
        except ValueProblem as exc:
            raise FilingProblem("filed_on", str(exc)) from None
        if filed_on is None:
            raise FilingProblem(
                "filed_on", f"向{name}备案的报送日期为空（未报送的请在备案结果中写“未报送”）"
            )
        if published is not None and filed_on < published:
            raise FilingProblem("filed_on", f"报送日期早于公布日期 {published}")
        if filed_on > clock.today():
            raise FilingProblem("filed_on", f"报送日期 {filed_on} 晚于今天")
        found.append(LedgerFiling(name, filed_on, answer))
    return found
