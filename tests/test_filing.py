from dataclasses import replace
from datetime import date

import pytest

from app import clock
from app.errors import UserError
from app.services import deadlines, filing, objections, settings, statistics, workcalendar
from app.services.permissions import SYSTEM
from tests.factories import add_issuer, register

ALL = list(filing.PACKAGE)


@pytest.fixture
def s(database):
    clock.fix_today(date(2026, 11, 27))
    with database.transaction() as session:
        add_issuer(session)
        add_issuer(
            session,
            "HQ",
            "河清市人民政府",
            "河政发",
            level="government",
            template="HQGS-{year}-{seq:03d}",
        )
        yield session


def cal(s):
    return workcalendar.load(s)


def test_filing_due_moves_past_national_day(s):
    rule = filing.FilingRule("本级人民政府", 15)
    assert filing.filing_due(date(2024, 9, 20), rule, cal(s)) == date(2024, 10, 8)


@pytest.mark.parametrize(
    "published, due",
    [
        (date(2026, 1, 30), date(2026, 2, 14)),  # a make-up Saturday is a working day
        (date(2025, 12, 17), date(2026, 1, 4)),  # 1 Jan 2026: New Year holiday runs to Sunday 3 Jan
        (date(2026, 2, 13), date(2026, 2, 28)),  # 28 Feb 2026 is a make-up Saturday: no move
        (date(2026, 5, 16), date(2026, 6, 1)),  # 31 May: Sunday at month end -> Monday 1 Jun
        (date(2026, 1, 31), date(2026, 2, 24)),  # 15 Feb falls in the Spring Festival holiday
    ],
)
def test_filing_due_at_month_and_year_ends_and_over_holidays(s, published, due):
    assert filing.filing_due(published, filing.FilingRule("本级人民政府", 15), cal(s)) == due


def test_working_day_rule_and_thirty_days_are_settings(s):
    settings.put(s, SYSTEM, "filing.department.days", 30)
    settings.put(s, SYSTEM, "filing.department.working_days", True)
    rule = filing.rules(s)["department"][0]
    assert filing.filing_due(date(2024, 9, 20), rule, cal(s)) == cal(s).add_workdays(
        date(2024, 9, 20), 30
    )
    with pytest.raises(UserError, match="必须是不小于 1 的整数"):
        settings.put(s, SYSTEM, "filing.department.days", 0)


def test_government_documents_go_to_two_recipients_with_their_own_deadlines(s):
    doc = register(
        s, "河清市人民政府关于进一步加强城市管理的通知", issuer="HQ", published=date(2026, 3, 3)
    )
    rows = filing.rows_for(s, doc, cal(s))
    assert [(r.recipient, r.due) for r in rows] == [
        ("上一级人民政府", date(2026, 3, 18)),
        ("本级人大常委会", date(2026, 4, 2)),
    ]


def test_late_filing_is_counted_late_and_incomplete_package_refused(s):
    doc = register(s, published=date(2026, 3, 3))
    with pytest.raises(UserError, match="缺少：起草说明"):
        filing.record_filed(
            s, SYSTEM, doc.id, "本级人民政府", date(2026, 3, 10), ["备案报告", "规范性文件正式文本"]
        )
    f = filing.record_filed(s, SYSTEM, doc.id, "本级人民政府", date(2026, 3, 20), ALL)
    assert f.report_number == "备字〔2026〕1号"
    [figure_all, figure_on_time, *_] = statistics.filing_figures(
        s, date(2026, 1, 1), date(2026, 12, 31)
    )
    assert (figure_all.numerator, figure_all.denominator) == (1, 1)
    assert (figure_on_time.numerator, figure_on_time.shown()) == (0, "0.0%")
    assert deadlines.classify(date(2026, 3, 18), clock.today(), 5, f.filed_on) == "done_late"


def test_deadline_states(s):
    today = date(2026, 11, 27)
    assert deadlines.classify(date(2026, 12, 20), today, 5) == "upcoming"
    assert deadlines.classify(date(2026, 12, 2), today, 5) == "due_soon"
    assert deadlines.classify(date(2026, 11, 26), today, 5) == "overdue"
    assert deadlines.classify(date(2026, 11, 26), today, 5, date(2026, 11, 20)) == "done_on_time"
    assert deadlines.classify(date(2026, 11, 26), today, 5, date(2026, 11, 27)) == "done_late"


def test_open_deadlines_cover_filing_correction_validity_and_objections_overdue_first(s):
    late = register(s, "逾期未备案的文件", published=date(2026, 10, 1))
    soon = register(s, "刚公布的文件", published=date(2026, 11, 20))
    filed = register(s, "已备案但需补正的文件", published=date(2026, 9, 1))
    f = filing.record_filed(s, SYSTEM, filed.id, "本级人民政府", date(2026, 9, 10), ALL)
    filing.record_result(s, SYSTEM, f.id, "暂缓登记", date(2026, 9, 20), "缺少制定依据", cal=cal(s))
    expiring = register(s, "即将到期的文件", published=date(2021, 12, 20))
    filing.record_filed(s, SYSTEM, expiring.id, "本级人民政府", date(2021, 12, 25), ALL)
    objections.register(
        s, SYSTEM, soon.id, date(2026, 11, 25), "张三", "认为第五条限制了经营自主权"
    )
    found = deadlines.open_deadlines(s)
    kinds = {(d.kind, d.object_id): d for d in found}
    assert kinds[("filing", late.id)].state == "overdue"
    assert kinds[("filing", soon.id)].due == date(2026, 12, 7)
    assert kinds[("correction", f.id)].due == date(2026, 10, 20)
    assert kinds[("validity", expiring.id)].due == date(2026, 12, 19)
    assert any(d.kind == "objection" and d.due == date(2026, 12, 25) for d in found)
    assert ("filing", expiring.id) not in kinds and ("filing", filed.id) not in kinds
    states = [d.state for d in found]
    assert states == sorted(states, key=lambda st: st != "overdue")


def test_correction_clears_its_deadline_and_counts_against_regularity(s):
    doc = register(s, published=date(2026, 3, 3))
    f = filing.record_filed(s, SYSTEM, doc.id, "本级人民政府", date(2026, 3, 10), ALL)
    filing.record_result(
        s, SYSTEM, f.id, "暂缓登记", date(2026, 3, 20), "请补充起草说明", cal=cal(s)
    )
    filing.record_corrected(s, SYSTEM, f.id, date(2026, 4, 1), "已补充起草说明")
    filing.record_result(s, SYSTEM, f.id, "予以备案", date(2026, 4, 10))
    assert not [d for d in deadlines.open_deadlines(s) if d.kind == "correction"]
    figures = {
        fig.name: fig for fig in statistics.filing_figures(s, date(2026, 1, 1), date(2026, 12, 31))
    }
    assert (figures["规范率"].numerator, figures["规范率"].denominator) == (0, 1)


def test_finding_and_correction_rate(s):
    a = register(s, "被要求纠正的文件", published=date(2026, 3, 3))
    b = register(s, "被撤销的文件", published=date(2026, 3, 4))
    c = register(s, "纠正未完成的文件", published=date(2026, 3, 5))
    for doc in (a, b, c):
        f = filing.record_filed(s, SYSTEM, doc.id, "本级人民政府", date(2026, 3, 10), ALL)
        if doc is b:
            filing.record_result(
                s, SYSTEM, f.id, "撤销", date(2026, 4, 1), "违法设定行政许可，予以撤销"
            )
        else:
            filing.record_result(
                s, SYSTEM, f.id, "纠正", date(2026, 4, 1), "第三条违法增设义务", cal=cal(s)
            )
        if doc is a:
            filing.record_corrected(s, SYSTEM, f.id, date(2026, 4, 20), "已修改第三条")
    figures = {
        fig.name: fig for fig in statistics.filing_figures(s, date(2026, 1, 1), date(2026, 12, 31))
    }
    assert figures["纠错率"].numerator_ids == [a.id, b.id]
    assert figures["纠错率"].denominator == 3


def test_empty_period_shows_none_not_division_error(s):
    figures = statistics.filing_figures(s, date(2030, 1, 1), date(2030, 12, 31))
    assert [f.shown() for f in figures] == ["无", "无", "无", "无"]


def test_objection_reply_needs_outcome_and_text(s):
    doc = register(s)
    o = objections.register(s, SYSTEM, doc.id, date(2026, 11, 2), "某某公司", "认为第五条排除竞争")
    with pytest.raises(UserError, match="处理结果"):
        objections.reply(s, SYSTEM, o.id, date(2026, 11, 20), "经审查不存在问题", "随便")
    objections.reply(s, SYSTEM, o.id, date(2026, 11, 20), "经审查，该条款符合上位法规定。", "维持")
    assert not [d for d in deadlines.open_deadlines(s) if d.kind == "objection"]


def test_a_correction_is_recorded_once_and_the_page_offers_what_the_service_takes(s):
    """The 备案 page greyed 补正完成 once recorded, but the service overwrote the day when asked
    again; both now follow filing.next_actions."""
    A = filing.FilingAction
    doc = register(s, published=date(2026, 3, 3))
    assert filing.next_actions(None, "", None) == {A.FILE}
    f = filing.record_filed(s, SYSTEM, doc.id, "本级人民政府", date(2026, 3, 10), ALL)
    assert filing.next_actions(f.filed_on, f.result, f.corrected_on) == {A.RESULT}
    filing.record_result(
        s, SYSTEM, f.id, "暂缓登记", date(2026, 3, 20), "请补充起草说明", cal=cal(s)
    )
    assert filing.next_actions(f.filed_on, f.result, f.corrected_on) == {A.RESULT, A.CORRECTED}
    filing.record_corrected(s, SYSTEM, f.id, date(2026, 4, 1), "已补充起草说明")
    with pytest.raises(UserError, match="已于 2026-04-01 登记补正或纠正完成"):
        filing.record_corrected(s, SYSTEM, f.id, date(2026, 4, 9), "再次补正")
    assert f.corrected_on == date(2026, 4, 1)
    with pytest.raises(UserError, match="已于 2026-03-10"):
        filing.record_filed(s, SYSTEM, doc.id, "本级人民政府", date(2026, 3, 11), ALL)


def test_every_document_deadline_names_its_issuing_body_and_days_read_as_words(s):
    test_open_deadlines_cover_filing_correction_validity_and_objections_overdue_first(s)
    found = deadlines.open_deadlines(s)
    assert {d.kind for d in found} >= {"filing", "correction", "validity", "objection"}
    assert {d.issuer for d in found if d.document_id is not None} == {"河清市民政局"}
    overdue = next(d for d in found if d.days_left < 0)
    assert overdue.days_text == f"逾期 {-overdue.days_left} 天"
    due = found[0]
    assert replace(due, days_left=0).days_text == "今天到期"
    assert replace(due, days_left=3).days_text == "3 天"


def test_pending_filings_keep_a_document_filed_with_one_of_its_two_recipients(s):
    done = register(s, published=date(2024, 3, 4))
    half = register(s, "河清市人民政府关于城市管理的通知", issuer="HQ", published=date(2024, 3, 5))
    package = list(filing.PACKAGE)
    filing.record_filed(s, SYSTEM, done.id, "本级人民政府", date(2024, 3, 8), package)
    filing.record_filed(s, SYSTEM, half.id, "上一级人民政府", date(2024, 3, 8), package)
    pending = filing.listing(s, cal(s), date(2026, 11, 27), 2026, pending_only=True)
    assert [(r.document_id, r.recipient) for r in pending] == [(half.id, "本级人大常委会")]
