"""Registering many already issued documents at once (the import's path) checks each entry as a
single registration does and writes numbers, steps, index entries and audit records for each."""

from datetime import date

import pytest
from sqlalchemy import func, select

from app import clock
from app.errors import UserError
from app.models import AuditEntry, Document, NumberAllocation, ProcedureStep
from app.services import audit, registration, search
from app.services.documents import DocumentInput
from app.services.permissions import SYSTEM, Actor, Role
from tests.factories import add_issuer, register, status


@pytest.fixture
def office(database):
    clock.fix_today(date(2026, 11, 27))
    with database.transaction() as s:
        add_issuer(s)
        register(s, "已登记的文件", doc_number="河民发〔2026〕1号")
    return database


def entry(title, doc_number=None, reg_number=None, published=date(2026, 3, 3), **kw):
    return DocumentInput("MZ", title, doc_number, reg_number, published, **kw), None


def test_batch_registers_good_entries_and_names_the_fault_of_each_bad_one(office):
    entries = [
        entry("关于规范临时救助工作的通知", "河民发〔2026〕2号"),
        entry("与库内文件同号的通知", "河民发[2026]1号"),
        entry("关于加强养老服务的意见", "河民发〔2026〕3号"),
        entry("与本批第三条同号的通知", "河民发〔2026〕3号"),
        entry("未来公布的通知", published=date(2027, 1, 1)),
        (DocumentInput("XX", "机关不存在的通知", published=date(2026, 3, 3)), None),
        (DocumentInput("MZ", "仍在起草的通知", published=date(2026, 3, 3)), "draft"),
        entry("暂行办法试行通知", "河民发〔2026〕4号", effective=date(2026, 4, 1)),
    ]
    with office.transaction() as s:
        outcomes = registration.register_many(s, SYSTEM, entries)
    messages = {i: o.message for i, o in enumerate(outcomes) if isinstance(o, UserError)}
    assert set(messages) == {1, 3, 4, 5, 6}
    assert "已被本机关的文件《已登记的文件》使用" in messages[1]
    assert "已被本机关的文件《关于加强养老服务的意见》使用" in messages[3]
    assert messages[4].startswith("公布日期") and messages[5].startswith("制定机关")
    assert messages[6].startswith("状态")
    with office.reading() as s:
        docs = [s.get(Document, outcomes[i]) for i in (0, 2, 7)]
        assert [d.reg_number for d in docs] == ["MZGS-2026-002", "MZGS-2026-003", "MZGS-2026-004"]
        provisional = docs[2]
        assert (provisional.effective, provisional.valid_until) == (
            date(2026, 4, 1),
            date(2028, 3, 31),
        )  # 暂行/试行: two years from the day it takes effect
        assert status(s, provisional.id) == "in_force"
        steps = s.scalars(select(ProcedureStep).where(ProcedureStep.document_id == docs[0].id))
        assert [(p.step, p.done_on) for p in steps] == [("publication", date(2026, 3, 3))]
        for term in ("养老服务", "养老"):  # the trigram index, and the one of characters and pairs
            assert search.find_ids(s, search.DocumentQuery(text=term)) == [docs[1].id]


def test_given_numbers_are_reserved_and_move_the_sequence_past_them(office):
    entries = [
        entry("带编号的旧文件", reg_number="MZGS-2026-010"),
        entry("没有编号的文件"),
        entry("外来格式编号的文件", reg_number="民政-旧-88"),
        entry("编号重复的文件", reg_number="MZGS-2026-010"),
        entry("编号与库内重复的文件", reg_number="MZGS-2026-001"),
    ]
    with office.transaction() as s:
        outcomes = registration.register_many(s, SYSTEM, entries)
    assert [type(o) for o in outcomes[3:]] == [UserError, UserError]
    with office.reading() as s:
        numbers = [s.get(Document, o).reg_number for o in outcomes[:3]]
        foreign = s.scalar(select(NumberAllocation).where(NumberAllocation.number == "民政-旧-88"))
        assert numbers == ["MZGS-2026-010", "MZGS-2026-011", "民政-旧-88"]
        assert (foreign.sequence_key, foreign.serial) == ("~MZ", -1)
        assert foreign.document_id == outcomes[2]


def test_batch_writes_one_chained_audit_record_per_document(office):
    entries = [entry(f"批量登记的第{n}号文件", f"河民发〔2025〕{n}号") for n in range(1, 1201)]
    with office.transaction() as s:
        before = s.scalar(select(func.count()).select_from(AuditEntry)) + 1  # and one seal
        outcomes = registration.register_many(s, SYSTEM, entries)
    with office.reading() as s:
        records = s.scalars(
            select(AuditEntry).where(AuditEntry.action == "register").order_by(AuditEntry.id)
        ).all()
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == before + 1200
        assert audit.first_broken(s) is None
        last = s.get(Document, outcomes[-1])
        assert last.reg_number == "MZGS-2026-1201"  # 1,200 consecutive after the office's one
    assert [r.object_id for r in records[1:]] == outcomes
    assert "批量登记的第1200号文件" in records[-1].summary


def test_cancel_and_permission_leave_nothing_written(office):
    entries = [entry(f"第{n}号文件") for n in range(1, 1001)]
    with pytest.raises(UserError, match="已取消"), office.transaction() as s:
        registration.register_many(s, SYSTEM, entries, progress=lambda done, total: done < 500)
    with pytest.raises(UserError, match="无权"), office.transaction() as s:
        registration.register_many(s, Actor("王五", Role.READ_ONLY), entries)
    with office.reading() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 1
        assert s.scalar(select(func.count()).select_from(NumberAllocation)) == 1
