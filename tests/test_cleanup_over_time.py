"""A cleanup batch applied some days after it was opened: its 继续有效目录 never lists a document
that lapsed meanwhile or whose repeal is already dated ahead (domain.md, Cleanup)."""

from datetime import date

import pytest

from app import clock
from app.errors import UserError
from app.services import cleanup, documents
from app.services.permissions import SYSTEM
from tests.factories import add_issuer, register, status


@pytest.fixture
def office(database):
    clock.fix_today(date(2026, 11, 27))
    with database.transaction() as s:
        add_issuer(s)
        lapsing = register(
            s, "年底届满的文件", published=date(2021, 12, 6), valid_until=date(2026, 12, 5)
        )
        ahead = register(s, "定于明年废止的文件", published=date(2025, 3, 3))
        documents.retire(s, SYSTEM, ahead.id, "repealed", date(2027, 1, 1), "上位法废止")
        batch = cleanup.create_batch(s, SYSTEM, "regular", "2026年定期清理", [])
        assert [i.document_id for i in batch.items] == [lapsing.id, ahead.id]
        for doc_id in (lapsing.id, ahead.id):
            cleanup.decide(s, SYSTEM, batch.id, doc_id, "continue")
    return database, batch.id, lapsing.id, ahead.id


def test_a_document_that_lapsed_before_the_batch_was_applied_cannot_continue(office):
    database, batch_id, lapsing, ahead = office
    clock.fix_today(date(2026, 12, 10))
    with database.transaction() as s:
        cleanup.decide(s, SYSTEM, batch_id, ahead, "repeal", "上位法废止")
    with database.transaction() as s, pytest.raises(UserError, match="年底届满的文件.*失效"):
        cleanup.apply(s, SYSTEM, batch_id, date(2026, 12, 10))
    with database.transaction() as s:
        assert cleanup.get(s, batch_id).status == "open"
        cleanup.decide(s, SYSTEM, batch_id, lapsing, "expired", "有效期届满")
        cleanup.apply(s, SYSTEM, batch_id, date(2026, 12, 10))
    with database.reading() as s:
        assert cleanup.result_catalog(s, batch_id, "continue").rows == []
        assert status(s, lapsing) == "expired"


def test_a_document_whose_repeal_is_dated_ahead_cannot_continue(office):
    database, batch_id, lapsing, ahead = office
    with database.transaction() as s:
        cleanup.decide(s, SYSTEM, batch_id, lapsing, "continue")
    with database.transaction() as s, pytest.raises(UserError, match="定于2027年1月1日废止"):
        cleanup.apply(s, SYSTEM, batch_id, date(2026, 11, 27))
    with database.reading() as s:
        assert cleanup.get(s, batch_id).status == "open"
        continuing = cleanup.result_catalog(s, batch_id, "continue").rows
        assert [r.document_id for r in continuing] == [lapsing, ahead]  # 拟定 until applied


def test_a_decision_other_than_the_retirement_dated_ahead_is_refused(office):
    database, batch_id, lapsing, ahead = office
    with database.transaction() as s:
        cleanup.decide(s, SYSTEM, batch_id, lapsing, "continue")
        cleanup.decide(s, SYSTEM, batch_id, ahead, "declare_invalid", "已被新规定替代")
    with database.transaction() as s, pytest.raises(UserError, match="定于2027年1月1日废止"):
        cleanup.apply(s, SYSTEM, batch_id, date(2026, 11, 27))
    with database.transaction() as s:
        cleanup.decide(s, SYSTEM, batch_id, ahead, "repeal", "上位法废止")
        cleanup.apply(s, SYSTEM, batch_id, date(2026, 11, 27))
    with database.reading() as s:
        assert status(s, ahead, date(2027, 1, 1)) == "repealed"
