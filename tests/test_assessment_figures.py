"""The ten assessment figures of domain.md (Filing) on a small office whose every numerator and
denominator was counted by hand, the history of filing results they read (规范率, 纠错率), a 撤销
that retires its document and the revocation deadline after a 纠正."""

import json
from datetime import date

import pytest
from openpyxl import load_workbook

from app import clock
from app.services import cleanup, deadlines, documents, filing, statistics, validity, workcalendar
from app.services.permissions import SYSTEM
from app.services.statistics import Period
from tests.factories import add_issuer, draft, register, status
from tests.test_cli import normdesk

TODAY = date(2026, 2, 10)
ALL = list(filing.PACKAGE)
GOV = "本级人民政府"  # MZ is a department: one recipient, 15 calendar days


def _filed(s, doc, day):
    return filing.record_filed(s, SYSTEM, doc.id, GOV, day, ALL).id


def _result(s, filing_id, result, day, follow_up=""):
    cal = workcalendar.load(s)
    return filing.record_result(s, SYSTEM, filing_id, result, day, follow_up, cal=cal)


def build(s) -> dict[str, int]:
    """2025, one issuer (MZ). Published in 2025 (6, plus a draft that never counts):
    P1 public-facing, touches the market: comment, fair-competition review, legality review,
       published in the 公报; filed in time; 不予备案, then 予以备案 on resubmission.
    P2 important: assessment, comment, legality review, published on the website; filed late;
       纠正, then 予以备案 once corrected.
    R1 public-facing, touches the market, registered (no steps, no channel); filed in time;
       暂缓登记, corrected, 予以备案.
    R2 touches the market, registered; filed in time; 纠正 on 2 Aug, not corrected.
    R3 registered, not filed.
    R4 registered; filed in time; 撤销 on 1 Dec.
    Terms ending in 2025: E1 (28 Feb, evaluated Dec 2024), E2 (31 May, never evaluated); E3's
    (31 Jul) does not count: repealed on 1 Mar. Cleanups: one regular applied in December (the
    5 documents then in force, all decided), one special begun after it (same 5, 2 decided)."""
    add_issuer(s)
    p1 = draft(s, "河清市养老服务补贴管理办法", public_facing=True, market_related=True)
    documents.record_step(s, SYSTEM, p1.id, "public_comment", date(2025, 1, 21),
                          period_start=date(2025, 1, 6), period_end=date(2025, 1, 21))  # fmt: skip
    documents.record_step(s, SYSTEM, p1.id, "fair_competition", date(2025, 1, 24), outcome="符合")
    documents.record_step(s, SYSTEM, p1.id, "legality_review", date(2025, 2, 10), outcome="合法")
    documents.record_step(s, SYSTEM, p1.id, "deliberation", date(2025, 2, 20))
    documents.publish(s, SYSTEM, p1.id, date(2025, 3, 3), "河民发〔2025〕1号",
                      channel="河清市人民政府公报")  # fmt: skip
    f = _filed(s, p1, date(2025, 3, 10))  # due 18 Mar
    _result(s, f, "不予备案", date(2025, 3, 15), "报送材料不符合要求")
    _result(s, f, "予以备案", date(2025, 4, 1))

    p2 = draft(s, "河清市社会组织登记管理办法", important=True)
    documents.record_step(s, SYSTEM, p2.id, "assessment", date(2025, 3, 3))
    documents.record_step(s, SYSTEM, p2.id, "public_comment", date(2025, 3, 25),
                          period_start=date(2025, 3, 10), period_end=date(2025, 3, 25))  # fmt: skip
    documents.record_step(s, SYSTEM, p2.id, "legality_review", date(2025, 4, 10), outcome="合法")
    documents.record_step(s, SYSTEM, p2.id, "deliberation", date(2025, 4, 20))
    documents.publish(s, SYSTEM, p2.id, date(2025, 5, 6), "河民发〔2025〕2号",
                      channel="河清市人民政府门户网站")  # fmt: skip
    f = _filed(s, p2, date(2025, 5, 30))  # due 21 May: late
    _result(s, f, "纠正", date(2025, 6, 10), "第三条增设许可，应予纠正")
    _result(s, f, "予以备案", date(2025, 7, 1))

    r1 = register(s, "河清市殡葬管理若干规定", published=date(2025, 7, 1), public_facing=True,
                  market_related=True)  # fmt: skip
    f = _filed(s, r1, date(2025, 7, 8))
    _result(s, f, "暂缓登记", date(2025, 7, 10), "缺少起草说明")
    filing.record_corrected(s, SYSTEM, f, date(2025, 7, 20), "已补送起草说明")
    _result(s, f, "予以备案", date(2025, 7, 25))

    r2 = register(s, "河清市公共停车场管理办法", published=date(2025, 7, 21), market_related=True)
    _result(s, _filed(s, r2, date(2025, 7, 25)), "纠正", date(2025, 8, 2), "限制外地企业参与")
    r3 = register(s, "河清市婚姻登记工作规范", published=date(2025, 10, 9))
    r4 = register(s, "河清市社区服务收费办法", published=date(2025, 11, 3))
    _result(s, _filed(s, r4, date(2025, 11, 10)), "撤销", date(2025, 12, 1), "违法设定收费")
    draft(s, "河清市未公布的草案")

    e1 = register(
        s, "河清市低保审核办法", published=date(2020, 3, 1), valid_until=date(2025, 2, 28)
    )
    validity.evaluate(s, SYSTEM, e1.id, "lapse", date(2024, 12, 1), "调整对象已消失")
    e2 = register(s, "河清市救灾物资管理办法", published=date(2020, 6, 1),
                  valid_until=date(2025, 5, 31))  # fmt: skip
    e3 = register(s, "河清市慈善超市管理办法", published=date(2020, 8, 1),
                  valid_until=date(2025, 7, 31))  # fmt: skip
    documents.retire(s, SYSTEM, e3.id, "repealed", date(2025, 3, 1), "已由新办法代替")

    regular = cleanup.create_batch(s, SYSTEM, "regular", "2025年定期清理", ["MZ"],
                                   day=date(2025, 12, 15))  # fmt: skip
    for item in regular.items:
        cleanup.decide(s, SYSTEM, regular.id, item.document_id, "continue", "继续适用")
    cleanup.apply(s, SYSTEM, regular.id, date(2025, 12, 20))
    special = cleanup.create_batch(s, SYSTEM, "special", "涉及营商环境专项清理", ["MZ"],
                                   "上位法修改", day=date(2025, 12, 28))  # fmt: skip
    for item in special.items[:2]:
        cleanup.decide(s, SYSTEM, special.id, item.document_id, "continue", "继续适用")
    s.flush()
    names = {"P1": p1, "P2": p2, "R1": r1, "R2": r2, "R3": r3, "R4": r4, "E1": e1, "E2": e2}
    return {k: v.id for k, v in names.items()} | {"special": special.id, "regular": regular.id}


# numerator / denominator, counted by hand from `build`'s docstring
EXPECTED = {
    "报备率": (5, 6),  # filed: P1 P2 R1 R2 R4 / published: P1 P2 R1 R2 R3 R4
    "报备及时率": (4, 6),  # P1 R1 R2 R4 (P2 late) / the 6
    "规范率": (3, 5),  # P2 R2 R4 (P1 不予备案, R1 暂缓登记; 纠正/撤销 are not about form) / 5 filed
    "合法性审核率": (2, 6),  # P1 P2 / the 6
    "公开发布率": (2, 6),  # P1 (公报) P2 (网站) / the 6
    "公开征求意见率": (2, 3),  # P1 P2 / P1 P2 R1 (public-facing or important)
    "公平竞争审查率": (1, 3),  # P1 / P1 R1 R2 (touch market activity)
    "纠错率": (2, 3),  # P2 (corrected, then accepted) R4 (revoked) / P2 R2 R4
    "到期评估率": (1, 2),  # E1 / E1 E2 (E3 repealed before its term ended)
    "清理完成率": (7, 10),  # 5 + 2 decided / 5 + 5 in the two batches' scopes
}


@pytest.fixture
def office(database):
    clock.fix_today(TODAY)
    with database.transaction() as s:
        ids = build(s)
    return database, ids


def test_all_ten_figures_match_the_hand_count(office):
    database, ids = office
    with database.reading() as s:
        stats = statistics.annual(s, Period.of_year(2025))
    assert {f.name: (f.numerator, f.denominator) for f in stats.figures} == EXPECTED
    assert {f.name: f.shown() for f in stats.figures} == {
        "报备率": "83.3%", "报备及时率": "66.7%", "规范率": "60.0%", "合法性审核率": "33.3%",
        "公开发布率": "33.3%", "公开征求意见率": "66.7%", "公平竞争审查率": "33.3%",
        "纠错率": "66.7%", "到期评估率": "50.0%", "清理完成率": "70.0%",
    }  # fmt: skip
    # the documents behind the history-based figures
    assert stats.figure("规范率").numerator_ids == [ids["P2"], ids["R2"], ids["R4"]]
    assert stats.figure("纠错率").denominator_ids == [ids["P2"], ids["R2"], ids["R4"]]
    assert stats.figure("纠错率").numerator_ids == [ids["P2"], ids["R4"]]
    assert stats.figure("到期评估率").denominator_ids == [ids["E1"], ids["E2"]]
    # the same figures for the issuer alone, and none in a year without anything
    with database.reading() as s:
        mz = statistics.annual(s, Period.of_year(2025), "MZ")
        empty = statistics.annual(s, Period.of_year(2023))
    assert {f.name: (f.numerator, f.denominator) for f in mz.figures} == EXPECTED
    assert [f.shown() for f in empty.figures] == ["无"] * 10


def test_filing_results_are_kept_in_order(office):
    database, ids = office
    with database.reading() as s:
        [row] = [r for r in filing.register_rows(s, workcalendar.load(s), 2025)
                 if r.document_id == ids["P1"]]  # fmt: skip
        f = filing.get(s, row.filing_id)
        history = [(r.result, r.result_on, r.recorded_by) for r in f.results]
    assert (row.result, row.result_on) == ("予以备案", date(2025, 4, 1))  # the latest, as before
    assert history == [("不予备案", date(2025, 3, 15), SYSTEM.name),
                       ("予以备案", date(2025, 4, 1), SYSTEM.name)]  # fmt: skip


def test_revocation_declares_the_document_invalid_from_that_day(office):
    database, ids = office
    with database.reading() as s:
        assert status(s, ids["R4"], date(2025, 11, 30)) == "in_force"
        assert status(s, ids["R4"], date(2025, 12, 1)) == "declared_invalid"
        doc = documents.get(s, ids["R4"])
        assert "本级人民政府备案审查撤销：违法设定收费" in doc.remarks
        stats = statistics.annual(s, Period.of_year(2025))
    assert next(c for c in stats.statuses if c.label == "宣布失效").ids == [ids["R4"]]


def test_revoking_a_document_no_longer_in_force_only_records_the_result(database):
    clock.fix_today(TODAY)
    with database.transaction() as s:
        add_issuer(s)
        doc = register(s, "河清市旧办法", published=date(2025, 1, 6))
        f = _filed(s, doc, date(2025, 1, 10))
        documents.retire(s, SYSTEM, doc.id, "repealed", date(2025, 3, 1), "已废止")
        _result(s, f, "撤销", date(2025, 4, 1), "违法设定义务")
    with database.reading() as s:
        assert status(s, doc.id) == "repealed"
        assert filing.get(s, f).result == "撤销"


def test_unlawfulness_finding_opens_a_revocation_deadline_moved_past_national_day(office):
    database, ids = office
    with database.reading() as s:
        found = [(d.kind, d.document_id, d.due, d.state, d.rule)
                 for d in deadlines.open_deadlines(s) if d.kind in ("correction", "revocation")]  # fmt: skip
    # R2: 纠正 on 2 Aug 2025; 30 days to correct (1 Sep), revoked when 60 days have run: 1 Oct is
    # the National Day holiday (1-8 Oct 2025), so the period ends on the next working day
    rule = "纠正：逾期未纠正的予以撤销，自纠正意见日期次日起 60 日，末日为节假日的顺延至其后第一个工作日"
    assert found == [
        ("correction", ids["R2"], date(2025, 9, 1), "overdue", "纠正：自结果日期次日起 30 日，末日为节假日的顺延至其后第一个工作日"),
        ("revocation", ids["R2"], date(2025, 10, 9), "overdue", rule),
    ]  # fmt: skip
    assert deadlines.KIND_LABELS["revocation"] == "纠正逾期撤销"


def test_revocation_deadline_closes_when_corrected_or_revoked(database):
    clock.fix_today(date(2025, 8, 10))
    with database.transaction() as s:
        add_issuer(s)
        corrected = register(s, "甲办法", published=date(2025, 7, 1))
        revoked = register(s, "乙办法", published=date(2025, 7, 2))
        fc = _filed(s, corrected, date(2025, 7, 5))
        fr = _filed(s, revoked, date(2025, 7, 5))
        _result(s, fc, "纠正", date(2025, 8, 1), "第二条应予纠正")
        _result(s, fr, "纠正", date(2025, 8, 1), "第三条应予纠正")
    with database.reading() as s:
        assert sorted(d.object_id for d in deadlines.open_deadlines(s) if d.kind == "revocation") == [fc, fr]  # fmt: skip
    with database.transaction() as s:
        filing.record_corrected(s, SYSTEM, fc, date(2025, 8, 8), "已修改第二条")
        _result(s, fr, "撤销", date(2025, 8, 9), "逾期未纠正")
    with database.reading() as s:
        assert [d for d in deadlines.open_deadlines(s) if d.kind == "revocation"] == []
        assert status(s, revoked.id) == "declared_invalid"
        assert status(s, corrected.id) == "in_force"


def test_cli_shows_the_figures_the_history_and_the_revocation_deadline(office, db_url, tmp_path):
    database, ids = office
    database.close()
    env = {"NORMDESK_TODAY": TODAY.isoformat()}
    xlsx = tmp_path / "stats.xlsx"
    result = normdesk("--db", db_url, "export", str(xlsx), "--kind", "statistics", "--year", "2025", env=env)  # fmt: skip
    assert result.returncode == 0, result.stderr
    sheet = load_workbook(xlsx)["主要指标"]
    rows = {r[0]: (r[1], r[2]) for r in sheet.iter_rows(min_row=3, max_row=12, values_only=True)}
    assert rows == EXPECTED
    result = normdesk("--db", db_url, "deadlines", "--json", env=env)
    assert result.returncode == 0, result.stderr
    found = [(d["kind"], d["object_id"], d["due"]) for d in json.loads(result.stdout)
             if d["kind"] == "revocation"]  # fmt: skip
    [r2_filing] = [o for k, o, _ in found]
    assert found == [("revocation", r2_filing, "2025-10-09")]
    listed = normdesk("--db", db_url, "filing", "list", "--year", "2025", "--json", env=env)
    assert listed.returncode == 0, listed.stderr
    [p1] = [r for r in json.loads(listed.stdout) if r["document_id"] == ids["P1"]]
    assert (p1["result"], [(r["result"], r["result_on"], r["note"]) for r in p1["results"]]) == (
        "予以备案", [("不予备案", "2025-03-15", "报送材料不符合要求"), ("予以备案", "2025-04-01", "")]
    )  # fmt: skip
    shown = normdesk("--db", db_url, "doc", "show", str(ids["R4"]), "--json", env=env)
    assert json.loads(shown.stdout)["status"] in ("declared_invalid", "宣布失效")


def test_a_rejection_or_a_finding_stays_on_record_after_acceptance(database):
    """Written against the services as they were before results were kept: the latest result
    used to overwrite the one before, so 不予备案 then 予以备案 counted as accepted at first
    submission, 纠正 then 予以备案 left no finding, and a 撤销 left the document in force."""
    clock.fix_today(TODAY)
    with database.transaction() as s:
        add_issuer(s)
        rejected = register(s, "甲办法", published=date(2025, 3, 3))
        found = register(s, "乙办法", published=date(2025, 3, 4))
        revoked = register(s, "丙办法", published=date(2025, 3, 5))
        fa, fb = _filed(s, rejected, date(2025, 3, 10)), _filed(s, found, date(2025, 3, 10))
        _result(s, fa, "不予备案", date(2025, 3, 12), "材料不全")
        _result(s, fa, "予以备案", date(2025, 3, 20))
        _result(s, fb, "纠正", date(2025, 3, 12), "第二条应予纠正")
        _result(s, fb, "予以备案", date(2025, 4, 1))
        _result(s, _filed(s, revoked, date(2025, 3, 10)), "撤销", date(2025, 4, 2), "违法收费")
    with database.reading() as s:
        figures = statistics.filing_figures(s, date(2025, 1, 1), date(2025, 12, 31))
        counted = {f.name: (f.numerator_ids, f.denominator_ids) for f in figures}
        revoked_status = status(s, revoked.id)
    assert counted["规范率"] == ([found.id, revoked.id], [rejected.id, found.id, revoked.id])
    assert counted["纠错率"] == ([found.id, revoked.id], [found.id, revoked.id])
    assert revoked_status == "declared_invalid"
