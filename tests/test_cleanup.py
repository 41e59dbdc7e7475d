from datetime import date

import pytest
from sqlalchemy import func, select

from app import clock
from app.errors import UserError
from app.models import AuditEntry
from app.services import cleanup, deadlines, documents, validity
from app.services.permissions import SYSTEM
from tests.factories import add_issuer, bureaus_in_force, register, status


@pytest.fixture
def office(database):
    clock.fix_today(date(2026, 11, 27))
    with database.transaction() as s:
        ids = bureaus_in_force(s)
        old = register(s, "已废止的民政文件", published=date(2025, 1, 2))
        documents.retire(s, SYSTEM, old.id, "repealed", date(2025, 6, 1), "上位法废止")
    return database, ids


def test_scope_preview_is_exactly_the_documents_in_force_of_the_chosen_issuers(office):
    database, ids = office
    with database.reading() as s:
        assert cleanup.scope(s, ["MZ"]).document_ids == ids[:4]
        assert len(cleanup.scope(s, []).document_ids) == 5
        with pytest.raises(UserError, match="不存在"):
            cleanup.scope(s, ["XX"])


def test_batch_is_saved_part_done_resumed_and_applied_in_one_transaction(office):
    database, ids = office
    with database.transaction() as s:
        batch = cleanup.create_batch(
            s, SYSTEM, "special", "2026年民政文件专项清理", ["MZ"], "民政条例修订"
        )
        cleanup.decide(s, SYSTEM, batch.id, ids[0], "continue")
        cleanup.decide(s, SYSTEM, batch.id, ids[1], "repeal", "调整对象已消失")
        batch_id = batch.id
    with database.transaction() as s, pytest.raises(UserError, match="还有 2 件文件没有清理结论"):
        cleanup.apply(s, SYSTEM, batch_id, date(2026, 11, 27))  # resumed in a new session
    with database.transaction() as s:
        new = register(s, "关于修改民政文件2的决定", published=date(2026, 11, 1))
        cleanup.decide(
            s,
            SYSTEM,
            batch_id,
            ids[2],
            "amend",
            "与新修订的条例不一致",
            amending_document_id=new.id,
        )
        cleanup.decide(s, SYSTEM, batch_id, ids[3], "declare_invalid", "已被新规定替代")
        cleanup.apply(s, SYSTEM, batch_id, date(2026, 11, 27))
    with database.reading() as s:
        statuses = [status(s, i) for i in ids[:4]]
        links = documents.links(s, ids[2])
        batch = cleanup.get(s, batch_id)
        assert cleanup.summary(batch)["废止"] == 1
        last = select(AuditEntry.action).where(AuditEntry.action != "seal")
        assert s.scalar(last.order_by(AuditEntry.id.desc())) == "cleanup_apply"
    assert statuses == ["in_force", "repealed", "amended", "declared_invalid"]
    assert [v.kind_label for v in links] == ["被修改"]
    assert batch.status == "applied"


def test_failed_apply_changes_nothing(office):
    database, ids = office
    with database.transaction() as s:
        batch = cleanup.create_batch(
            s, SYSTEM, "special", "涉及行政处罚法修改的专项清理", ["CZ"], "行政处罚法修订"
        )
        cleanup.decide(s, SYSTEM, batch.id, ids[4], "repeal", "设定罚款无依据")
        batch_id = batch.id
    with pytest.raises(RuntimeError), database.transaction() as s:
        cleanup.apply(s, SYSTEM, batch_id, date(2026, 11, 27))
        raise RuntimeError("power cut")
    with database.reading() as s:
        assert status(s, ids[4]) == "in_force"
        assert cleanup.get(s, batch_id).status == "open"


def test_applied_batch_cannot_change_and_special_needs_reason(office):
    database, ids = office
    with database.transaction() as s:
        with pytest.raises(UserError, match="必须写明原因"):
            cleanup.create_batch(s, SYSTEM, "special", "专项清理", ["CZ"])
        with pytest.raises(UserError, match="只清理河清市财政局的文件的，为专项清理"):
            cleanup.create_batch(s, SYSTEM, "regular", "定期清理", ["CZ"])
        batch = cleanup.create_batch(s, SYSTEM, "special", "财政文件专项清理", ["CZ"], "预算法修订")
        with pytest.raises(UserError, match="必须写明理由"):
            cleanup.decide(s, SYSTEM, batch.id, ids[4], "repeal", "")
        cleanup.decide(s, SYSTEM, batch.id, ids[4], "continue")
        cleanup.apply(s, SYSTEM, batch.id, date(2026, 11, 27))
        with pytest.raises(UserError, match="不能再修改"):
            cleanup.decide(s, SYSTEM, batch.id, ids[4], "repeal", "改主意")


def test_next_regular_cleanup_due_two_years_after_the_last(office):
    database, ids = office
    with database.transaction() as s:
        assert any(d.kind == "cleanup" for d in deadlines.open_deadlines(s))
        batch = cleanup.create_batch(s, SYSTEM, "regular", "定期清理", [])
        for doc_id in ids:
            cleanup.decide(s, SYSTEM, batch.id, doc_id, "continue")
        cleanup.apply(s, SYSTEM, batch.id, date(2026, 11, 20))
        due, rule = cleanup.next_regular_due(s)
        assert due == date(2028, 11, 20) and "2026-11-20" in rule
        assert not any(d.kind == "cleanup" for d in deadlines.open_deadlines(s))


def test_a_document_lapses_the_day_after_its_term_with_nothing_run_or_written(database):
    clock.fix_today(date(2026, 11, 27))
    with database.transaction() as s:
        add_issuer(s)
        doc = register(
            s, "河清市临时救助暂行办法", published=date(2024, 12, 1)
        )  # valid until 2026-11-30
    with database.reading() as s:
        audited = s.scalar(select(func.count()).select_from(AuditEntry))
        assert status(s, doc.id, date(2026, 11, 30)) == "in_force"
        assert status(s, doc.id, date(2026, 12, 1)) == "expired"
        clock.fix_today(date(2026, 12, 1))
        shown = documents.as_dict(documents.get(s, doc.id), None, clock.today())
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == audited
    assert (shown["status"], shown["ended_on"]) == ("expired", "2026-12-01")


def test_evaluation_closes_the_validity_deadline_and_reminder_lists_next_quarter(database):
    clock.fix_today(date(2026, 11, 27))
    with database.transaction() as s:
        add_issuer(s)
        a = register(
            s, "明年一月到期的办法", published=date(2022, 1, 15), drafting_unit="社会救助科"
        )
        register(s, "明年三月到期的办法", published=date(2022, 3, 31), drafting_unit="养老服务科")
        register(s, "明年四月到期的办法", published=date(2022, 4, 2))
        start, end = validity.next_quarter(clock.today())
        rows = validity.expiring(s, start, end)
        assert (start, end) == (date(2027, 1, 1), date(2027, 3, 31))
        assert [(r.unit, r.title) for r in rows] == [
            ("养老服务科", "明年三月到期的办法"),
            ("社会救助科", "明年一月到期的办法"),
        ]
        assert any(
            d.kind == "validity" and d.object_id == a.id for d in deadlines.open_deadlines(s)
        )
        validity.evaluate(
            s, SYSTEM, a.id, "lapse", date(2026, 11, 27), "调整事项已完成，届满后不再施行"
        )
        assert not any(
            d.kind == "validity" and d.object_id == a.id for d in deadlines.open_deadlines(s)
        )
        assert validity.expiring(s, start, end)[1].evaluation == "届满失效"


def test_an_evaluations_state_is_the_services_answer_and_ends_once_evaluated(database):
    """The 有效期届满 page colours a row by deadlines.evaluation_state: by the day validity ends
    until the unit has evaluated, then nothing."""
    from app.services.vocabulary import DeadlineState

    clock.fix_today(date(2026, 12, 20))
    with database.transaction() as s:
        add_issuer(s)
        a = register(s, "明年一月到期的办法", published=date(2022, 1, 15))
        register(s, "明年三月到期的办法", published=date(2022, 3, 31))
        rows = validity.expiring(s, date(2027, 1, 1), date(2027, 3, 31))
        states = [deadlines.evaluation_state(r, clock.today(), 30) for r in rows]
        assert states == [DeadlineState.DUE_SOON, DeadlineState.UPCOMING]
        late = deadlines.evaluation_state(rows[0], date(2027, 1, 20), 30)
        assert late is DeadlineState.OVERDUE
        validity.evaluate(s, SYSTEM, a.id, "reissue", date(2026, 12, 20), "继续施行，重新公布")
        rows = validity.expiring(s, date(2027, 1, 1), date(2027, 3, 31))
        assert rows[0].evaluated and not rows[1].evaluated
        assert deadlines.evaluation_state(rows[0], date(2027, 1, 20), 30) is None


def test_what_a_batch_allows_follows_its_conclusions(office):
    """One rule for the batch window's buttons and the services: 实施 only once every document
    has its conclusion, nothing after."""
    from app.services.cleanup import BatchAction, next_actions

    database, ids = office
    with database.transaction() as s:
        batch = cleanup.create_batch(s, SYSTEM, "special", "财政文件专项清理", ["CZ"], "专项")
        assert next_actions(batch) == {BatchAction.DECIDE, BatchAction.DELETE}
        cleanup.decide(s, SYSTEM, batch.id, ids[4], "continue")
        assert next_actions(batch) == {BatchAction.DECIDE, BatchAction.DELETE, BatchAction.APPLY}
        cleanup.apply(s, SYSTEM, batch.id, date(2026, 11, 27))
        assert next_actions(batch) == frozenset()
        with pytest.raises(UserError, match="不能再修改"):
            cleanup.delete_batch(s, SYSTEM, batch.id)
