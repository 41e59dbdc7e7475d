from datetime import date

import pytest
from sqlalchemy import select

from app import clock
from app.errors import UserError
from app.models import AuditEntry
from app.services import audit, documents, registration, settings
from app.services.documents import DocumentInput
from app.services.permissions import SYSTEM, Actor, Role
from tests.conftest import on_postgresql
from tests.factories import add_finance_bureau, add_issuer, draft, register, status


@pytest.fixture
def s(office):
    with office.transaction() as session:
        yield session


def walk(s, doc, *steps):
    for step, outcome in steps:
        kw = (
            {"period_start": date(2026, 5, 1), "period_end": date(2026, 6, 5)}
            if step == "public_comment"
            else {}
        )
        documents.record_step(s, SYSTEM, doc.id, step, date(2026, 6, 10), outcome=outcome, **kw)


def test_deliberation_is_blocked_without_legality_review_naming_it(s):
    doc = draft(s)
    with pytest.raises(UserError, match="缺少必经环节“合法性审核”"):
        documents.record_step(s, SYSTEM, doc.id, "deliberation", date(2026, 6, 1))


def test_important_document_needs_assessment_and_public_comment_first(s):
    doc = draft(s, important=True)
    with pytest.raises(UserError, match="评估论证"):
        documents.record_step(
            s, SYSTEM, doc.id, "legality_review", date(2026, 6, 1), outcome="合法"
        )
    walk(s, doc, ("assessment", ""))
    with pytest.raises(UserError, match="公开征求意见"):
        documents.record_step(
            s, SYSTEM, doc.id, "legality_review", date(2026, 6, 1), outcome="合法"
        )


def comment(s, doc, start, end):
    return documents.record_step(
        s, SYSTEM, doc.id, "public_comment", date(2026, 6, 30), period_start=start, period_end=end
    )


def test_public_comment_lasts_the_office_minimum_of_working_days(s):
    doc = draft(s, public_facing=True)
    # 2026-06-15 to 06-23: 端午节 (19 June) leaves six working days of the nine.
    with pytest.raises(UserError, match="不少于 7 个工作日（现为 6 个工作日）"):
        comment(s, doc, date(2026, 6, 15), date(2026, 6, 23))
    assert comment(s, doc, date(2026, 6, 15), date(2026, 6, 24)).period_end == date(2026, 6, 24)


def test_business_related_comment_period_counts_calendar_days_and_follows_the_setting(s):
    doc = draft(s, public_facing=True, business_related=True)
    with pytest.raises(UserError, match="不少于 30 日（现为 29 日）"):
        comment(s, doc, date(2026, 5, 1), date(2026, 5, 29))
    settings.put(s, SYSTEM, "comment.business_days", 20)
    assert comment(s, doc, date(2026, 5, 1), date(2026, 5, 20)).step == "public_comment"


def test_market_related_document_needs_fair_competition_review(s):
    doc = draft(s, market_related=True)
    with pytest.raises(UserError, match="公平竞争审查"):
        documents.record_step(
            s, SYSTEM, doc.id, "legality_review", date(2026, 6, 1), outcome="合法"
        )


def test_unlawful_review_outcome_blocks_deliberation(s):
    doc = draft(s)
    walk(s, doc, ("legality_review", "不合法"))
    with pytest.raises(UserError, match="不合法"):
        documents.record_step(s, SYSTEM, doc.id, "deliberation", date(2026, 6, 20))


def test_publication_needs_deliberation_record(s):
    doc = draft(s)
    walk(s, doc, ("legality_review", "合法"))
    with pytest.raises(UserError, match="集体审议"):
        documents.publish(s, SYSTEM, doc.id, date(2026, 7, 1), "河民发〔2026〕3号")


def test_full_life_publishes_with_registration_number_and_validity(s):
    doc = draft(s, title="河清市养老服务补贴暂行办法", public_facing=True)
    walk(s, doc, ("public_comment", ""), ("legality_review", "修改后合法"))
    with pytest.raises(UserError, match="修改情况尚未确认"):
        walk(s, doc, ("deliberation", ""))
    documents.confirm_review_changes(s, SYSTEM, doc.id, date(2026, 6, 12))
    walk(s, doc, ("deliberation", ""))
    documents.publish(s, SYSTEM, doc.id, date(2026, 7, 1), "河民发[2026]3号")
    assert status(s, doc.id) == "in_force"
    assert doc.doc_number == "河民发〔2026〕3号"
    assert doc.reg_number == "MZGS-2026-001"
    assert doc.valid_until == date(2028, 6, 30)  # 暂行: 2 years, the first day counts
    assert [e.step for e in documents.timeline(s, doc.id)] == [
        "draft", "public_comment", "legality_review", "deliberation", "publication",
    ]  # fmt: skip


def test_default_validity_is_five_years_and_29_february_falls_back(s):
    doc = register(s, published=date(2024, 2, 29))
    assert doc.valid_until == date(2029, 2, 28)


def test_registered_document_past_its_validity_is_expired(s):
    doc = register(s, published=date(2018, 1, 5))
    assert doc.valid_until == date(2023, 1, 4)
    assert status(s, doc.id) == "expired"
    assert documents.as_dict(doc, None, clock.today())["ended_on"] == "2023-01-05"


def test_doc_number_is_held_by_one_document_of_one_issuer(s):
    add_finance_bureau(s)
    register(s, "文件甲", doc_number="河民发〔2026〕1号")
    with pytest.raises(UserError, match="已被制定机关“河清市民政局”的文件《文件甲》使用"):
        register(s, "财政文件", issuer="CZ", doc_number="河民发〔2026〕1号", allow_abbr=True)
    with pytest.raises(UserError, match="已被本机关的文件"):
        register(s, "文件乙", doc_number="河民发(2026)1号")


def test_amendment_links_both_documents_both_ways(s):
    old = register(s, "旧办法", published=date(2024, 3, 1))
    new = register(s, "关于修改旧办法的决定", published=date(2026, 4, 1))
    documents.retire(s, SYSTEM, old.id, "amended", date(2026, 4, 1), "", by_document_id=new.id)
    assert old.status == "amended"
    assert [(v.kind_label, v.other_id) for v in documents.links(s, old.id)] == [("被修改", new.id)]
    assert [(v.kind_label, v.other_id) for v in documents.links(s, new.id)] == [("修改了", old.id)]


def test_repeal_needs_a_reason_or_repealing_document(s):
    doc = register(s)
    with pytest.raises(UserError, match="废止原因"):
        documents.retire(s, SYSTEM, doc.id, "repealed", date(2026, 5, 1), " ")
    documents.retire(s, SYSTEM, doc.id, "repealed", date(2026, 5, 1), "上位法已废止")
    assert doc.status == "repealed"
    with pytest.raises(UserError, match="只有现行有效的文件"):
        documents.retire(s, SYSTEM, doc.id, "declared_invalid", date(2026, 6, 1), "重复")


def test_edit_with_stale_version_is_refused(s):
    doc = register(s)
    data = documents.input_from(doc)
    data.title = "改过的标题"
    documents.update_document(s, SYSTEM, doc.id, data, doc.version)
    data.title = "另一个人的标题"
    with pytest.raises(UserError, match="已被其他人修改"):
        documents.update_document(s, SYSTEM, doc.id, data, doc.version - 1)


def test_read_only_user_cannot_register_even_without_gui(s):
    with pytest.raises(UserError, match="无权"):
        registration.register_published(
            s,
            Actor("赵六", Role.READ_ONLY),
            DocumentInput("MZ", "标题", published=date(2026, 1, 1)),
        )


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"title": "  "}, "文件名称：不能为空"),
        ({"title": "长" * 301}, "文件名称：不能超过"),
        ({"published": date(2026, 12, 1)}, "公布日期"),
        ({"effective": date(2026, 1, 1)}, "施行日期"),
        ({"doc_number": "河民发2026年3号"}, "发文字号"),
        ({"issuer_code": "XX"}, "制定机关"),
    ],
)
def test_bad_input_names_the_field(s, changes, message):
    data = DocumentInput("MZ", "标题", published=date(2026, 3, 3))
    for key, value in changes.items():
        setattr(data, key, value)
    with pytest.raises(UserError, match=message):
        registration.register_published(s, SYSTEM, data)


def test_every_mutation_writes_an_audit_record_in_the_same_transaction(database):
    with database.transaction() as s:
        add_issuer(s)
        doc = register(s)
        documents.retire(s, SYSTEM, doc.id, "repealed", date(2026, 5, 1), "上位法已废止")
    with pytest.raises(UserError), database.transaction() as s:
        register(s, "被回滚的文件")
        raise UserError("中途失败")
    with database.reading() as s:
        actions = s.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
        assert audit.first_broken(s) is None
    assert actions == ["create", "register", "repealed", "seal"]


def test_two_clerks_editing_one_document_the_second_sees_both_values(database):
    with database.transaction() as s:
        add_issuer(s)
        doc_id = register(s, "河清市临时救助办法").id
    with database.reading() as s:  # both clerks open the edit dialog
        first = documents.input_from(documents.get(s, doc_id))
        second = documents.input_from(documents.get(s, doc_id))
        version = documents.get(s, doc_id).version
    first.title, first.keywords = "河清市临时救助实施办法", "救助"
    with database.transaction() as s:
        documents.update_document(s, SYSTEM, doc_id, first, version)
    second.title = "河清市临时救助暂行办法"
    with pytest.raises(UserError) as refused, database.transaction() as s:
        documents.update_document(s, SYSTEM, doc_id, second, version)
    assert refused.value.message == (
        "《河清市临时救助实施办法》已被其他人修改："
        "文件名称 当前为“河清市临时救助实施办法”，您的修改为“河清市临时救助暂行办法”；"
        "关键词 当前为“救助”，您的修改为“（空）”。请刷新后再编辑。"
    )
    with database.reading() as s:
        assert documents.get(s, doc_id).title == "河清市临时救助实施办法"


@pytest.mark.skipif(not on_postgresql(), reason="SQLite's BEGIN IMMEDIATE rules this race out")
def test_edit_saved_while_another_transaction_edits_is_refused_not_lost(database):
    with database.transaction() as s:
        add_issuer(s)
        doc_id = register(s).id
    with database.transaction() as late:  # this clerk's save began first and is still open
        stale = documents.get(late, doc_id)
        data, version = documents.input_from(stale), stale.version
        with database.transaction() as s:
            first = documents.input_from(documents.get(s, doc_id))
            first.summary = "第一位经办人的摘要"
            documents.update_document(s, SYSTEM, doc_id, first, version)
        data.summary = "第二位经办人的摘要"
        with pytest.raises(UserError, match="摘要 当前为“第一位经办人的摘要”"):
            documents.update_document(late, SYSTEM, doc_id, data, version)


@pytest.mark.parametrize(
    "data, field",
    [
        (DocumentInput("MZ", "  "), "文件名称"),
        (DocumentInput("MZ", "河清市办法", remarks="\x07"), "备注"),
        (DocumentInput("XX", "河清市办法"), "制定机关"),
    ],
)
def test_a_refusal_names_the_field_it_concerns(database, data, field):
    """Forms put the cursor in the field a refusal names (UserError.field), not by reading the
    Chinese text."""
    with database.transaction() as s:
        add_issuer(s)
    with pytest.raises(UserError) as refused, database.transaction() as s:
        documents.create_draft(s, SYSTEM, data)
    assert refused.value.field == field and refused.value.message.startswith(field)


def test_the_number_button_and_assign_number_follow_one_rule(database):
    """分配编号 for a published document whose number was voided, 作废编号 otherwise; the
    service refuses what the button would not offer."""
    from app.services import numbering
    from app.services.documents import NumberAction, may_change_number, number_action

    clerk = Actor("王登记", Role.CLERK)
    with database.transaction() as s:
        add_issuer(s)
        doc = register(s, published=date(2024, 3, 3))
        drafted = draft(s)
        assert number_action(doc.status, doc.published, doc.reg_number) is NumberAction.VOID
        assert not may_change_number(clerk, doc.status, doc.published, doc.reg_number)
        assert number_action(drafted.status, None, None) is NumberAction.VOID
        with pytest.raises(UserError, match="尚未公布"):
            documents.assign_number(s, SYSTEM, drafted.id)
        with pytest.raises(UserError, match="已有登记编号"):
            documents.assign_number(s, SYSTEM, doc.id)
        numbering.void(s, SYSTEM, doc.reg_number, "编号错误")
        assert number_action(doc.status, doc.published, None) is NumberAction.ASSIGN
        assert may_change_number(clerk, doc.status, doc.published, None)
        assert documents.assign_number(s, SYSTEM, doc.id).reg_number
