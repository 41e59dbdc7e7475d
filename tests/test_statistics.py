"""The annual statistics on a small office whose answers are known by hand (see `office`)."""

from datetime import date

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from app import clock
from app.reports import annual_statistics, annual_statistics_xlsx
from app.services import cleanup, documents, filing, objections, reviews, statistics, workcalendar
from app.services.permissions import SYSTEM
from app.services.reviews import CHECK_ITEMS, MATERIALS, ReviewIntake
from app.services.statistics import Period
from tests.factories import add_issuer, draft, register
from tests.test_cli import normdesk

YEAR = Period.of_year(2026)
ALL = list(filing.PACKAGE)


def file_it(s, doc, day, recipient="本级人民政府"):
    return filing.record_filed(s, SYSTEM, doc.id, recipient, day, ALL)


def review_case(s, subject, title, received, unit="河清市民政局", doc=None):
    materials = MATERIALS[subject]
    data = ReviewIntake(subject, title, received, "李审核", list(materials), submitting_unit=unit,
                        document_id=doc.id if doc else None)  # fmt: skip
    case = reviews.intake(s, SYSTEM, data)
    for item in CHECK_ITEMS:
        reviews.record_check(s, SYSTEM, case.id, item, True, day=received)
    return case


def conclude(s, case, outcome, day):
    changes = "删除第五条" if outcome == "修改后合法" else ""
    return reviews.conclude(s, SYSTEM, case.id, outcome, day, "审核意见", changes)


def build_office(s) -> dict[str, int]:
    """MZ (a department, one filing recipient) and HQ (a government, two recipients).
    2026 documents: A reviewed (case) and filed in time; B public comment, reviewed (step), filed
    late and sent back for correction; C public-facing, nothing done, not filed; D important, filed
    in time, found unlawful and corrected, repealed by a cleanup on 1 Oct; F (HQ) filed in time
    with both, revoked by one. E was published in 2025."""
    add_issuer(s)
    add_issuer(s, "HQ", "河清市人民政府", "河政发", level="government", template="HQGS-{year}-{seq:03d}")  # fmt: skip
    cal = workcalendar.load(s)

    a = draft(s, "河清市临时救助实施办法")
    conclude(s, review_case(s, "normative", a.title, date(2026, 2, 2), doc=a), "合法", date(2026, 2, 10))  # fmt: skip
    documents.record_step(s, SYSTEM, a.id, "deliberation", date(2026, 2, 12))
    documents.publish(s, SYSTEM, a.id, date(2026, 3, 2), "河民发〔2026〕1号")
    filing.record_result(s, SYSTEM, file_it(s, a, date(2026, 3, 10)).id, "予以备案", date(2026, 3, 20))  # fmt: skip

    b = draft(s, "河清市养老服务补贴管理办法", public_facing=True)
    documents.record_step(s, SYSTEM, b.id, "public_comment", date(2026, 1, 20),
                          period_start=date(2026, 1, 5), period_end=date(2026, 1, 20))  # fmt: skip
    documents.record_step(s, SYSTEM, b.id, "legality_review", date(2026, 2, 1), outcome="合法")
    documents.record_step(s, SYSTEM, b.id, "deliberation", date(2026, 2, 3))
    documents.publish(s, SYSTEM, b.id, date(2026, 4, 1), "河民发〔2026〕2号")
    fb = file_it(s, b, date(2026, 5, 6))  # due 16 Apr
    filing.record_result(s, SYSTEM, fb.id, "暂缓登记", date(2026, 5, 10), cal=cal)
    filing.record_corrected(s, SYSTEM, fb.id, date(2026, 5, 20), "已补正")

    c = register(s, "河清市殡葬管理若干规定", published=date(2026, 7, 1), public_facing=True)
    d = register(s, "河清市社会组织登记管理办法", published=date(2026, 8, 3), important=True)
    fd = file_it(s, d, date(2026, 8, 10))
    filing.record_result(s, SYSTEM, fd.id, "纠正", date(2026, 8, 20), "第三条应予纠正", cal=cal)
    filing.record_corrected(s, SYSTEM, fd.id, date(2026, 9, 1), "已纠正")
    e = register(s, "河清市婚姻登记工作规范", published=date(2025, 6, 1))
    f = register(s, "河清市人民政府关于加强城市管理的通知", issuer="HQ", published=date(2026, 5, 6))
    file_it(s, f, date(2026, 5, 10), "上一级人民政府")
    ff = file_it(s, f, date(2026, 5, 10), "本级人大常委会")
    filing.record_result(s, SYSTEM, ff.id, "撤销", date(2026, 6, 1), "违法设定收费，予以撤销")

    # one body of two: a special cleanup (issue 21: a regular one covers every body)
    batch = cleanup.create_batch(s, SYSTEM, "special", "2026年民政文件专项清理", ["MZ"], "民政")
    for item in batch.items:
        decision = "repeal" if item.document_id == d.id else "continue"
        cleanup.decide(s, SYSTEM, batch.id, item.document_id, decision, "调整对象已消失")
    cleanup.apply(s, SYSTEM, batch.id, date(2026, 10, 1))

    conclude(s, review_case(s, "major_decision", "河清市养老服务设施布局规划", date(2026, 3, 1)),
             "修改后合法", date(2026, 3, 20))  # fmt: skip
    review_case(
        s, "contract", "河清市公共停车场特许经营协议", date(2026, 6, 1), unit="河清市城管局"
    )
    enforcement = review_case(
        s, "enforcement", "某公司违法排污处罚决定", date(2025, 12, 1), unit="河清市生态环境局"
    )
    conclude(s, enforcement, "不合法", date(2026, 1, 10))

    on_a = objections.register(s, SYSTEM, a.id, date(2026, 3, 10), "张三", "与上位法不一致")
    objections.reply(s, SYSTEM, on_a.id, date(2026, 3, 20), "经审查，不存在问题。", "维持")
    on_c = objections.register(s, SYSTEM, c.id, date(2026, 8, 1), "李四", "增加了义务")
    objections.reply(s, SYSTEM, on_c.id, date(2026, 9, 20), "已责令修改。", "纠正")  # due 31 Aug
    objections.register(s, SYSTEM, d.id, date(2026, 9, 1), "某协会", "限制竞争")  # open, overdue
    objections.register(s, SYSTEM, a.id, date(2026, 11, 20), "王五", "程序不当")  # open, in time
    s.flush()
    return {"A": a.id, "B": b.id, "C": c.id, "D": d.id, "E": e.id, "F": f.id}


def statistics_office(database):
    """The database holding build_office's documents on 2026-11-27, and their ids."""
    clock.fix_today(date(2026, 11, 27))
    with database.transaction() as s:
        ids = build_office(s)
    return database, ids


@pytest.fixture
def office(database):
    return statistics_office(database)


def figures(stats):
    return {f.name: (f.numerator, f.denominator) for f in stats.figures}


def test_every_rate_for_all_issuers(office):
    database, ids = office
    with database.reading() as s:
        stats = statistics.annual(s, YEAR)
    assert figures(stats) == {
        "合法性审核率": (2, 5),
        "报备率": (4, 5),
        "报备及时率": (3, 5),
        "规范率": (3, 4),
        "纠错率": (2, 2),
        "公开征求意见率": (1, 3),
        "公开发布率": (0, 5),  # no channel recorded for any
        "公平竞争审查率": (0, 0),
        "到期评估率": (0, 0),
        "清理完成率": (5, 5),  # A-E in force in MZ when the batch began, applied
    }
    assert [f.name for f in stats.figures][:2] == ["合法性审核率", "报备率"]
    assert stats.figure("合法性审核率").shown() == "40.0%"
    assert stats.figure("公开征求意见率").shown() == "33.3%"


def test_figures_carry_the_documents_behind_them(office):
    database, ids = office
    with database.reading() as s:
        stats = statistics.annual(s, YEAR)
    review = stats.figure("合法性审核率")
    assert review.numerator_ids == [ids["A"], ids["B"]]
    assert review.denominator_ids == [ids[k] for k in "ABFCD"]  # by publication date
    comment = stats.figure("公开征求意见率")
    assert (comment.numerator_ids, sorted(comment.denominator_ids)) == (
        [ids["B"]],
        sorted([ids["B"], ids["C"], ids["D"]]),
    )
    assert stats.figure("报备及时率").numerator_ids == [ids["A"], ids["F"], ids["D"]]
    assert stats.figure("纠错率").numerator_ids == [ids["F"], ids["D"]]


def test_one_issuer_counts_only_its_documents(office):
    database, _ids = office
    with database.reading() as s:
        stats = statistics.annual(s, YEAR, "MZ")
    assert stats.issuer == "河清市民政局"
    assert figures(stats) == {
        "合法性审核率": (2, 4),
        "报备率": (3, 4),
        "报备及时率": (2, 4),
        "规范率": (2, 3),
        "纠错率": (1, 1),
        "公开征求意见率": (1, 3),
        "公开发布率": (0, 4),
        "公平竞争审查率": (0, 0),
        "到期评估率": (0, 0),
        "清理完成率": (5, 5),
    }
    # the normative case on its document and the decision its name submitted
    assert [(r.subject, r.received, r.concluded) for r in stats.reviews] == [
        ("行政规范性文件", 1, 1),
        ("重大行政决策", 1, 1),
        ("行政合同", 0, 0),
        ("重大执法决定", 0, 0),
    ]


def test_status_at_the_end_of_the_period(office):
    database, ids = office
    with database.reading() as s:
        year = statistics.annual(s, YEAR)
        before_cleanup = statistics.annual(s, Period(date(2026, 1, 1), date(2026, 9, 30)))
    counts = {c.label: c.n for c in year.statuses}
    # F revoked (撤销) on 1 June by the standing committee: declared invalid from that day
    assert (counts["有效"], counts["废止"], counts["宣布失效"], year.issued.n) == (3, 1, 1, 5)
    assert next(c for c in year.statuses if c.label == "废止").ids == [ids["D"]]
    assert next(c for c in year.statuses if c.label == "宣布失效").ids == [ids["F"]]
    counts = {c.label: c.n for c in before_cleanup.statuses}
    assert (counts["有效"], counts["废止"], counts["宣布失效"]) == (4, 0, 1)
    assert before_cleanup.period.label == "2026年1月1日至2026年9月30日"


def test_reviews_by_subject_type_and_outcome(office):
    database, _ids = office
    with database.reading() as s:
        stats = statistics.annual(s, YEAR)
    assert [(r.subject, r.received, r.concluded) for r in stats.reviews] == [
        ("行政规范性文件", 1, 1),
        ("重大行政决策", 1, 1),
        ("行政合同", 1, 0),  # still in review
        ("重大执法决定", 0, 1),  # received in 2025, concluded in 2026
    ]
    assert stats.review_outcomes == {"合法": 1, "修改后合法": 1, "不合法": 1}


def test_cleanup_objections_and_chart_data(office):
    database, _ids = office
    with database.reading() as s:
        stats = statistics.annual(s, YEAR)
    [batch] = stats.cleanups
    assert (batch.applied_on, batch.decisions["继续有效"], batch.decisions["废止"]) == (
        date(2026, 10, 1),
        4,  # A, B, C and E (2025) were in force in MZ's scope
        1,
    )
    o = stats.objections
    assert (o.received, o.replied_in_time, o.overdue, o.pending) == (4, 1, 2, 1)
    assert (o.replied_late, o.overdue_open) == (1, 1)
    assert stats.per_year[-2:] == [(2025, 1), (2026, 5)]
    assert len(stats.per_year) == 10 and stats.per_year[0] == (2017, 0)
    assert [q.counts for q in stats.quarters] == [
        {"on_time": 1, "late": 0, "not_filed": 0, "unrecorded": 0},
        {"on_time": 1, "late": 1, "not_filed": 0, "unrecorded": 0},
        {"on_time": 1, "late": 0, "not_filed": 1, "unrecorded": 0},
        {"on_time": 0, "late": 0, "not_filed": 0, "unrecorded": 0},
    ]


def test_an_empty_period_shows_none_and_never_divides_by_zero(office):
    database, _ids = office
    with database.reading() as s:
        stats = statistics.annual(s, Period.of_year(2019))
    assert [f.shown() for f in stats.figures] == ["无"] * 10
    assert all(f.rate is None for f in stats.figures)
    assert stats.issued.n == 0 and not stats.cleanups
    assert stats.review_outcomes == {"合法": 0, "修改后合法": 0, "不合法": 0}
    assert stats.objections.received == 0


def test_drill_down_lines_in_order_of_publication(office):
    database, ids = office
    with database.reading() as s:
        lines = statistics.document_lines(s, [ids["D"], ids["A"]])
    assert [(x.title, x.doc_number, x.status) for x in lines] == [
        ("河清市临时救助实施办法", "河民发〔2026〕1号", "有效"),
        ("河清市社会组织登记管理办法", "", "废止"),
    ]


def pdf_text(path) -> str:
    return "".join(p.extract_text() for p in PdfReader(path).pages)


def test_pdf_shows_figures_and_chinese_labels(office, tmp_path):
    database, _ids = office
    target = tmp_path / "stats.pdf"
    with database.reading() as s:
        pages = annual_statistics.pdf(s, target, YEAR)
    text = pdf_text(target)
    assert len(PdfReader(target).pages) == pages
    assert "2026年规范性文件工作统计表" in text
    for expected in ("合法性审核率", "公开征求意见率", "40.0%", "33.3%", "行政合同", "重大执法决定",
                     "按期报送", "历年公布文件数", "第二季度", "修改后合法", "2026年民政文件专项清理"):  # fmt: skip
        assert expected in text, expected


def test_pdf_of_an_empty_year_says_none(office, tmp_path):
    database, _ids = office
    target = tmp_path / "empty.pdf"
    with database.reading() as s:
        annual_statistics.pdf(s, target, Period.of_year(2019), "MZ")
    text = pdf_text(target)
    assert "河清市民政局" in text and "无" in text and "没有实施的清理" in text


def test_workbook_sheets_and_figure_details(office, tmp_path):
    database, ids = office
    target = tmp_path / "stats.xlsx"
    with database.reading() as s:
        rows = annual_statistics_xlsx.xlsx(s, target, YEAR)
    wb = load_workbook(target)
    assert wb.sheetnames == ["主要指标", "文件状态", "合法性审核", "备案及时情况", "清理情况",
                             "上位法变化", "审查建议", "历年公布", "指标明细"]  # fmt: skip
    main = [[c.value for c in row] for row in wb["主要指标"].iter_rows(min_row=3, max_row=8)]
    assert main[0][:4] == ["合法性审核率", 2, 5, "40.0%"]
    assert main[5][:4] == ["公开征求意见率", 1, 3, "33.3%"]
    details = [[c.value for c in row] for row in wb["指标明细"].iter_rows(min_row=3)]
    review = [(r[8], r[1]) for r in details if r[0] == "合法性审核率"]
    assert sorted(review) == sorted(
        [(ids["A"], "是"), (ids["B"], "是"), (ids["C"], "否"), (ids["D"], "否"), (ids["F"], "否")]
    )
    assert rows > len(details)


def test_cli_prints_and_exports_statistics(tmp_path):
    db = str(tmp_path / "s.db")
    assert normdesk("--db", db, "demo", "--docs", "200").returncode == 0
    pdf = tmp_path / "stats.pdf"
    result = normdesk("--db", db, "print", "statistics", "--year", "2025", "-o", str(pdf))
    assert result.returncode == 0, result.stderr
    assert "2025年规范性文件工作统计表" in pdf_text(pdf)
    xlsx = tmp_path / "stats.xlsx"
    result = normdesk("--db", db, "export", str(xlsx), "--kind", "statistics", "--year", "2025")
    assert result.returncode == 0, result.stderr
    assert load_workbook(xlsx)["主要指标"].cell(3, 1).value == "合法性审核率"
    missing = normdesk("--db", db, "print", "statistics", "-o", str(pdf))
    assert missing.returncode == 1 and "--year" in missing.stderr
