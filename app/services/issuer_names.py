"""The names an issuing body bore (机构改革): a document carries the name its body had on the
document's date, so registers printed after a rename still show the name on the document."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Document, Issuer, IssuerName


class Name(NamedTuple):
    name: str
    abbr: str


def document_day(
    published: date | None, issued: date | None = None, signed: date | None = None
) -> date | None:
    """The day a document is named on: its publication, else its 印发 or 签署 date. None (a
    draft): it will be issued under the body's present name."""
    return published or issued or signed


def former_names(s: Session, issuer_id: int) -> list[IssuerName]:
    """The names the body bore before its present one, oldest first."""
    query = (
        select(IssuerName).where(IssuerName.issuer_id == issuer_id).order_by(IssuerName.valid_until)
    )
    return list(s.scalars(query))


def name_on(s: Session, issuer: Issuer, day: date | None) -> Name:
    """The body's name and 发文机关代字 valid on `day` (its present ones for None)."""
    former = [(n.valid_until, Name(n.name, n.abbr)) for n in former_names(s, issuer.id)]
    return _named(former, Name(issuer.name, issuer.abbr), day)


def _named(former: Iterable[tuple[date, Name]], present: Name, day: date | None) -> Name:
    """Of a body's former names (oldest first, each with its last day), the one `day` falls in;
    else the present name."""
    if day is not None:
        for until, name in former:
            if day <= until:
                return name
    return present


def of_document(s: Session, doc: Document) -> Name:
    """The name the document's body bore on the document's date: what every printed form and
    register shows for it."""
    return name_on(s, doc.issuer, document_day(doc.published, doc.issued, doc.signed))


class NameBook:
    """Every body's names with their periods, read once: for printing many documents."""

    def __init__(self, s: Session) -> None:
        self._present = {
            id_: Name(name, abbr)
            for id_, name, abbr in s.execute(select(Issuer.id, Issuer.name, Issuer.abbr))
        }
        self._former: dict[int, list[tuple[date, Name]]] = defaultdict(list)
        for row in s.scalars(select(IssuerName).order_by(IssuerName.valid_until)):
            self._former[row.issuer_id].append((row.valid_until, Name(row.name, row.abbr)))

    def on(self, issuer_id: int, day: date | None) -> Name:
        return _named(self._former.get(issuer_id, ()), self._present[issuer_id], day)

    def name(self, issuer_id: int, day: date | None) -> str:
        return self.on(issuer_id, day).name

    def of_document(self, doc: Document) -> Name:
        return self.on(doc.issuer_id, document_day(doc.published, doc.issued, doc.signed))


def search_text(present: str, former: list[str]) -> str:
    """What the full-text index holds as a document's 制定机关: every name its body bore, so a
    search by the old name or the new one finds all its documents."""
    return " ".join(dict.fromkeys([present, *former]))


def search_texts(s: Session) -> dict[int, str]:
    """search_text of every issuer, by id."""
    former: dict[int, list[str]] = defaultdict(list)
    for issuer_id, name in s.execute(
        select(IssuerName.issuer_id, IssuerName.name).order_by(IssuerName.valid_until)
    ):
        former[issuer_id].append(name)
    return {
        id_: search_text(name, former.get(id_, []))
        for id_, name in s.execute(select(Issuer.id, Issuer.name))
    }


def history_text(s: Session, issuer_id: int) -> str:
    """The body's former names as the settings page shows them: "原名 A（至 2025-12-31）；…"."""
    return "；".join(
        f"{n.name}（{n.abbr}，{_period(n.valid_from, n.valid_until)}）"
        for n in former_names(s, issuer_id)
    )


def _period(start: date | None, end: date) -> str:
    return f"{start} 至 {end}" if start else f"至 {end}"
