"""Assessment figures (domain.md, Filing: 报备率 … 纠错率): each with its numerator, denominator
and the documents behind both, counted over a period by publication date. An empty denominator
gives no rate (shown 无), never a division error."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Document, Filing
from app.services import filing, workcalendar
from app.services.lifecycle import DRAFTING


@dataclass(frozen=True)
class Figure:
    name: str
    definition: str
    numerator_ids: list[int] = field(default_factory=list)
    denominator_ids: list[int] = field(default_factory=list)

    @property
    def numerator(self) -> int:
        return len(self.numerator_ids)

    @property
    def denominator(self) -> int:
        return len(self.denominator_ids)

    @property
    def rate(self) -> float | None:
        return self.numerator / self.denominator if self.denominator else None

    def shown(self) -> str:
        return "无" if self.rate is None else f"{self.rate:.1%}"


def filing_figures(s: Session, start: date, end: date) -> list[Figure]:
    """报备率, 报备及时率, 规范率, 纠错率 for documents published from `start` to `end`."""
    cal = workcalendar.load(s)
    rules = filing.rules(s)
    docs = list(s.scalars(select(Document).where(
        Document.published >= start, Document.published <= end, Document.status.not_in(DRAFTING)
    ).order_by(Document.published, Document.id)))  # fmt: skip
    by_doc: dict[int, dict[str, Filing]] = defaultdict(dict)
    if docs:
        for f in s.scalars(select(Filing).where(Filing.document_id.in_([d.id for d in docs]))):
            by_doc[f.document_id][f.recipient] = f
    due, filed, on_time, clean, finding, corrected = [], [], [], [], [], []
    for doc in docs:
        due.append(doc.id)
        required = filing.doc_rules(rules, doc)
        records = [by_doc[doc.id].get(r.recipient) for r in required]
        if all(f is not None and f.filed_on for f in records):
            filed.append(doc.id)
            if all(
                f.filed_on <= filing.filing_due(doc.published, r, cal)
                for f, r in zip(records, required, strict=True)
            ):
                on_time.append(doc.id)
            if not any(f.needed_correction for f in records):
                clean.append(doc.id)
        found = [f for f in by_doc[doc.id].values() if f.result in filing.FINDINGS]
        if found:
            finding.append(doc.id)
            if all(f.result == "撤销" or f.corrected_on for f in found):
                corrected.append(doc.id)
    return [
        Figure("报备率", "已报备文件数 / 应报备文件数", filed, due),
        Figure("报备及时率", "按期报备文件数 / 应报备文件数", on_time, due),
        Figure("规范率", "首次报送即予备案（未经补正）文件数 / 已报备文件数", clean, filed),
        Figure("纠错率", "经审查纠正或撤销的文件数 / 审查发现问题的文件数", corrected, finding),
    ]
