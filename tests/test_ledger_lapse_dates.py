"""A ledger that says 失效 before the document's term has run out gives no date for it: the
register never dates that lapse later on 有效期至 + 1, a day after it had already been shown 失效."""

from datetime import date

from app import clock
from app.services import catalogs, documents, registration
from app.services.catalogs import CatalogFilter
from app.services.documents import DocumentInput
from app.services.permissions import SYSTEM


def test_a_ledgers_early_lapse_is_never_dated_at_the_end_of_its_term(office):
    clock.fix_today(date(2026, 11, 30))
    with office.transaction() as s:
        data = DocumentInput("MZ", "台账记为失效的办法", published=date(2024, 1, 1),
                             valid_until=date(2028, 12, 31))  # fmt: skip
        doc = registration.register_published(s, SYSTEM, data, "expired")
    later = date(2029, 3, 1)
    with office.reading() as s:
        shown = documents.as_dict(documents.get(s, doc.id), None, later)
        in_2029 = catalogs.catalog(s, "repealed", CatalogFilter(year=2029), later).rows
        every_year = catalogs.catalog(s, "repealed", CatalogFilter(), later).rows
    assert (shown["status"], shown["ended_on"]) == ("expired", None)
    assert in_2029 == []
    assert [(r.id, r.ended_on) for r in every_year] == [(doc.id, None)]
