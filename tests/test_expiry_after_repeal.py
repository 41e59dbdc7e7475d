"""A document whose repeal is already dated before its term ends never reaches expiry: no
evaluation deadline and no reminder letter asks its unit to evaluate it (domain.md, Validity)."""

from datetime import date

from app import clock
from app.services import deadlines, documents, validity
from app.services.permissions import SYSTEM
from tests.factories import register


def test_no_expiry_evaluation_for_a_document_repealed_before_its_term_ends(office):
    clock.fix_today(date(2026, 12, 1))
    with office.transaction() as s:
        repealed = register(
            s, "将被废止的办法", published=date(2022, 4, 1), valid_until=date(2027, 3, 31)
        )
        lapsing = register(
            s, "届满的办法", published=date(2022, 4, 1), valid_until=date(2027, 3, 31)
        )
        documents.retire(s, SYSTEM, repealed.id, "repealed", date(2027, 1, 15), "上位法废止")
    with office.reading() as s:
        due = {d.object_id for d in deadlines.open_deadlines(s) if d.kind == "validity"}
        letters = validity.expiring(s, *validity.next_quarter(clock.today()))
    assert due == {lapsing.id}
    assert [r.document_id for r in letters] == [lapsing.id]
