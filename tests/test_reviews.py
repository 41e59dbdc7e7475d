from datetime import date

import pytest

from app import clock
from app.errors import UserError
from app.services import documents, reviews, workcalendar
from app.services.permissions import SYSTEM, Actor, Role
from app.services.reviews import CHECK_ITEMS, MATERIALS, ReviewIntake
from tests.factories import draft


@pytest.fixture
def s(office):
    with office.transaction() as session:
        yield session


def intake(s, doc=None, present=None, received=date(2026, 9, 25), **kw):
    doc = doc or draft(s)
    data = ReviewIntake("normative", doc.title, received, "李审核", present if present is not None else list(MATERIALS["normative"]),
                        submitting_unit="社会救助科", document_id=doc.id, **kw)  # fmt: skip
    return reviews.intake(s, SYSTEM, data)


def check_all(s, case, day=date(2026, 10, 12)):
    for item in CHECK_ITEMS:
        reviews.record_check(s, SYSTEM, case.id, item, True, day=day)


def test_review_due_date_skips_national_day(s):
    case = intake(s)  # complete on Friday 25 Sep 2026
    due = reviews.due(case, workcalendar.load(s), date(2026, 9, 28))
    # 28-30 Sep (3), National Day 1-7 Oct off, 8-9 Oct (5), Saturday 10 Oct made a working day (6),
    # then 12-16 and 19-22 Oct: the 15th working day is Thursday 22 Oct.
    assert due.due == date(2026, 10, 22)
    assert due.earliest == date(2026, 10, 9)
    assert due.state == "upcoming"
    assert "15 个工作日" in due.explanation


def test_incomplete_intake_is_returned_with_note_and_clock_not_started(s):
    case = intake(s, present=["送审稿"])
    assert case.status == "returned"
    assert "起草说明" in case.return_note
    assert reviews.due(case, workcalendar.load(s), clock.today()).state == "returned"
    reviews.resubmit(s, SYSTEM, case.id, date(2026, 10, 9), list(MATERIALS["normative"]))
    assert case.complete_on == date(2026, 10, 9)


def test_market_related_document_needs_fair_competition_conclusion_in_materials(s):
    doc = draft(s, market_related=True)
    documents.record_step(s, SYSTEM, doc.id, "fair_competition", date(2026, 9, 1), outcome="符合")
    case = intake(s, doc)
    assert case.status == "returned"
    assert "公平竞争审查结论" in case.return_note


def test_pause_stops_the_clock_and_extension_adds_days(s):
    case = intake(s, received=date(2026, 11, 2))
    cal = workcalendar.load(s)
    before = reviews.due(case, cal, date(2026, 11, 3)).due
    reviews.pause(s, SYSTEM, case.id, date(2026, 11, 4), "请补充上位法依据")
    reviews.resume(s, SYSTEM, case.id, date(2026, 11, 6))  # Thu, Fri: 2 working days
    reviews.extend(s, SYSTEM, case.id, 5, "涉及多个部门职责")
    after = reviews.due(case, workcalendar.load(s), date(2026, 11, 9))
    assert after.due == workcalendar.load(s).add_workdays(before, 7)
    with pytest.raises(UserError, match="只能延长一次"):
        reviews.extend(s, SYSTEM, case.id, 3, "再次延长")


def test_overdue_and_late_states(s):
    case = intake(s, received=date(2026, 10, 12))
    assert reviews.due(case, workcalendar.load(s), date(2026, 11, 27)).state == "overdue"
    check_all(s, case)
    reviews.conclude(s, SYSTEM, case.id, "合法", date(2026, 11, 27), "经审核，该文件合法。")
    assert reviews.due(case, workcalendar.load(s), date(2026, 11, 27)).state == "done_late"


def test_conclusion_needs_every_check_and_allocates_opinion_number(s):
    case = intake(s)
    with pytest.raises(UserError, match="尚有审查事项未记录"):
        reviews.conclude(s, SYSTEM, case.id, "合法", date(2026, 10, 12), "合法")
    check_all(s, case)
    reviews.conclude(s, SYSTEM, case.id, "合法", date(2026, 10, 12), "经审核，该文件合法。")
    second = intake(s, draft(s, "河清市养老服务补贴办法"))
    check_all(s, second)
    reviews.conclude(s, SYSTEM, second.id, "合法", date(2026, 10, 13), "合法")
    assert (case.opinion_number, second.opinion_number) == ("法审〔2026〕1号", "法审〔2026〕2号")


def test_document_cannot_go_to_deliberation_until_required_changes_confirmed(s):
    case = intake(s)
    check_all(s, case)
    with pytest.raises(UserError, match="必须写明需要修改的内容"):
        reviews.conclude(s, SYSTEM, case.id, "修改后合法", date(2026, 10, 12), "基本合法")
    reviews.conclude(
        s, SYSTEM, case.id, "修改后合法", date(2026, 10, 12), "基本合法", "删除第八条罚款规定"
    )
    with pytest.raises(UserError, match="修改情况尚未确认"):
        documents.record_step(s, SYSTEM, case.document_id, "deliberation", date(2026, 10, 20))
    reviews.confirm_changes(s, SYSTEM, case.id, date(2026, 10, 15))
    documents.record_step(s, SYSTEM, case.document_id, "deliberation", date(2026, 10, 20))
    assert documents.get(s, case.document_id).status == "deliberation"


def test_unlawful_outcome_blocks_deliberation(s):
    case = intake(s)
    for item in CHECK_ITEMS:
        reviews.record_check(
            s,
            SYSTEM,
            case.id,
            item,
            item != CHECK_ITEMS[3],
            "设定了罚款" if item == CHECK_ITEMS[3] else "",
        )
    reviews.conclude(s, SYSTEM, case.id, "不合法", date(2026, 10, 12), "违法设定罚款")
    with pytest.raises(UserError, match="不合法"):
        documents.record_step(s, SYSTEM, case.document_id, "deliberation", date(2026, 10, 20))


def test_a_problem_found_must_be_described(s):
    case = intake(s)
    with pytest.raises(UserError, match="必须写明问题"):
        reviews.record_check(s, SYSTEM, case.id, CHECK_ITEMS[0], False, "")


def test_only_reviewers_may_review(s):
    doc = draft(s)
    data = ReviewIntake("normative", doc.title, date(2026, 9, 25), "李", [], document_id=doc.id)
    with pytest.raises(UserError, match="无权"):
        reviews.intake(s, Actor("登记员甲", Role.CLERK), data)


def test_other_subject_types_need_no_document(s):
    data = ReviewIntake(
        "contract",
        "河清市养老服务中心委托运营合同",
        date(2026, 11, 2),
        "王审核",
        list(MATERIALS["contract"]),
    )
    case = reviews.intake(s, SYSTEM, data)
    assert case.status == "in_review" and case.document_id is None


def test_materials_checklist_is_configured_per_subject_type(s):
    from app.services import settings

    settings.put(s, SYSTEM, "review.materials.contract", "合同文本、合同订立依据、资金来源证明")
    assert reviews.required_materials(s, "contract", None) == [
        "合同文本",
        "合同订立依据",
        "资金来源证明",
    ]
    case = reviews.intake(
        s,
        SYSTEM,
        ReviewIntake(
            "contract", "采购合同", date(2026, 11, 2), "王审核", ["合同文本", "合同订立依据"]
        ),
    )
    assert case.status == "returned" and "资金来源证明" in case.return_note
    with pytest.raises(UserError, match="至少要有一项材料"):
        settings.put(s, SYSTEM, "review.materials.contract", " 、 ")


def test_a_paused_case_cannot_be_paused_again(s):
    """The form offered 中止计时 only while the review runs, but the service took a second pause
    on a paused case (two open pauses, the clock never resumable to one)."""
    case = intake(s)
    reviews.pause(s, SYSTEM, case.id, date(2026, 10, 9), "请补充上位法依据")
    assert reviews.next_actions(case) == {
        reviews.ReviewAction.CHECKS,
        reviews.ReviewAction.RESUME,
        reviews.ReviewAction.EXTEND,
    }
    with pytest.raises(UserError, match="已在补充材料中"):
        reviews.pause(s, SYSTEM, case.id, date(2026, 10, 12), "再次补充")
    assert len(case.pauses) == 1


def test_what_a_case_allows_follows_its_state(s):
    case = intake(s)
    A = reviews.ReviewAction
    assert reviews.next_actions(case) == {A.CHECKS, A.PAUSE, A.EXTEND, A.CONCLUDE}
    reviews.extend(s, SYSTEM, case.id, 10, "情况复杂")
    assert A.EXTEND not in reviews.next_actions(case)
    check_all(s, case)
    reviews.conclude(s, SYSTEM, case.id, "修改后合法", date(2026, 10, 13), "意见", "修改第三条")
    assert reviews.next_actions(case) == {A.CONFIRM, A.PRINT}
    reviews.confirm_changes(s, SYSTEM, case.id, date(2026, 10, 14))
    assert reviews.next_actions(case) == {A.PRINT}


def test_each_check_is_answered_as_its_wording_asks():
    """A question is answered 是/否 (是否超越法定职权 — 否 when lawful), never 符合."""
    answers = {item: reviews.check_answer(item, True) for item in CHECK_ITEMS}
    assert answers["是否超越法定职权"] == "否" and answers["制定主体是否合法"] == "是"
    assert answers["是否履行法定程序"] == "是"
    assert reviews.check_answer("是否超越法定职权", False) == "是"
    assert reviews.check_answer("是否超越法定职权", None) == "不适用"
    assert set(answers.values()) <= {"是", "否"}
    labels = [label for label, _ in reviews.finding_choices("是否含有排除、限制公平竞争的内容")]
    assert labels == ["否", "是", "不适用"]
