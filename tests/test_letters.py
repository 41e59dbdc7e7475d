"""What each letter says (the builders, before any layout): recipients, signers, dates, numbers,
attachments, and the wording of the review opinion."""

from datetime import date

import pytest

from app import clock
from app.errors import UserError
from app.reports import cleanup_notice, expiry_reminder, filing_report, review_opinion
from app.reports.gongwen.model import Para, TableBlock
from app.services import cleanup, filing, issuers, reviews, settings, users
from app.services.permissions import SYSTEM
from app.services.reviews import CHECK_ITEMS, MATERIALS, ReviewIntake
from tests.factories import draft, register


def text(letter) -> str:
    """The body as read: paragraphs' runs and tables' cells."""
    parts = []
    for block in letter.body:
        if isinstance(block, Para):
            parts.append("".join(r.text for r in block.runs))
        else:
            parts.append(" ".join(" ".join(row) for row in (block.header, *block.rows)))
    return "\n".join(parts)


@pytest.fixture
def filed(office):
    """Two 民政局 documents filed with 河清市人民政府 on 2026-03-16 by the clerk 王晓燕."""
    with office.transaction() as s:
        settings.put(s, SYSTEM, "office.name", "河清市司法局")
        settings.put(s, SYSTEM, "filing.department.recipient", "河清市人民政府")
        clerk = users.actor_of(users.add_user(s, SYSTEM, "wxy", "王晓燕", "登记员", "abc12345"))
        a = register(s, published=date(2026, 3, 3), doc_number="河民发〔2026〕7号")
        b = register(s, "河清市临时救助实施办法", published=date(2026, 3, 5))
        ids = [
            filing.record_filed(
                s, clerk, d.id, "河清市人民政府", date(2026, 3, 16), list(filing.PACKAGE)
            ).id
            for d in (a, b)
        ]
    return office, ids


def test_the_filing_report_of_one_document(filed):
    database, ids = filed
    with database.reading() as s:
        letter = filing_report.letter(s, ids[:1])
    assert letter.title == "关于报送《河清市城乡居民最低生活保障管理办法》备案的报告"
    assert letter.recipient == "河清市人民政府"
    assert letter.signer == "河清市民政局" and letter.signed_on == date(2026, 3, 16)
    assert letter.number == "备字〔2026〕1号"
    assert letter.attachments == ("规范性文件正式文本", "起草说明", "制定依据", "合法性审核意见")
    assert letter.remark == "联系人：王晓燕"
    assert letter.issued_by == "河清市民政局" and letter.issued_on == date(2026, 3, 16)
    body = text(letter)
    assert "河民发〔2026〕7号，统一登记编号 MZGS-2026-001，2026年3月3日公布" in body


def test_the_filing_report_of_a_batch_lists_its_documents(filed):
    database, ids = filed
    with database.reading() as s:
        letter = filing_report.letter(s, ids)
    assert letter.title == (
        "关于报送《河清市城乡居民最低生活保障管理办法》等2件规范性文件备案的报告"
    )
    table = next(b for b in letter.body if isinstance(b, TableBlock))
    assert [row[1] for row in table.rows] == [
        "河清市城乡居民最低生活保障管理办法",
        "河清市临时救助实施办法",
    ]
    assert letter.number == "备字〔2026〕1号、备字〔2026〕2号"


def test_the_filing_report_is_signed_with_the_name_of_the_day_it_was_sent(filed):
    database, ids = filed
    with database.transaction() as s:
        issuers.rename(
            s, SYSTEM, "MZ", "河清市民政和社会保障局", "河民社发", date(2026, 6, 1), "机构改革"
        )
    with database.reading() as s:
        assert filing_report.letter(s, ids[:1]).signer == "河清市民政局"


def test_a_filing_report_to_a_placeholder_is_refused_saying_where_to_name_it(office):
    with office.transaction() as s:
        doc = register(s, published=date(2026, 3, 3))
        f = filing.record_filed(
            s, SYSTEM, doc.id, "本级人民政府", date(2026, 3, 16), list(filing.PACKAGE)
        )
    with office.reading() as s, pytest.raises(UserError) as refused:
        filing_report.letter(s, [f.id])
    assert refused.value.message == (
        "备案报告：备案机关仍为“本级人民政府”，请在 设置 → 规则 中填写其全称（如 河清市人民政府）。"
    )


@pytest.fixture
def concluded(office):
    with office.transaction() as s:
        settings.put(s, SYSTEM, "office.name", "河清市司法局")
        doc = draft(s, "河清市城乡居民最低生活保障管理办法")
        data = ReviewIntake("normative", doc.title, date(2026, 9, 25), "李审核", list(MATERIALS["normative"]),
                            submitting_unit="河清市民政局", document_id=doc.id)  # fmt: skip
        case = reviews.intake(s, SYSTEM, data)
        for item in CHECK_ITEMS:
            lawful = item != CHECK_ITEMS[3]
            note = "" if lawful else "第八条设定罚款无上位法依据"
            reviews.record_check(s, SYSTEM, case.id, item, lawful, note, date(2026, 10, 9))
        reviews.conclude(s, SYSTEM, case.id, "修改后合法", date(2026, 10, 20),
                         "建议修改后提请审议。", "删除第八条关于罚款的规定。")  # fmt: skip
    return office, case.id


def test_the_review_opinion_answers_each_question_as_it_is_asked(concluded):
    database, case_id = concluded
    with database.reading() as s:
        letter = review_opinion.letter(s, case_id)
    assert letter.recipient == "河清市民政局" and letter.signer == "河清市司法局"
    assert letter.signed_on == date(2026, 10, 20) and letter.number == "法审〔2026〕1号"
    assert letter.remark == "审核人：李审核"
    table = next(b for b in letter.body if isinstance(b, TableBlock))
    answers = {row[1]: row[2] for row in table.rows}
    assert answers["是否超越法定职权"] == "否" and answers["制定主体是否合法"] == "是"
    assert answers["是否违法设定许可、处罚、强制、收费等事项"] == "是"
    assert "符合" not in set(answers.values()) and "不符合" not in set(answers.values())
    body = text(letter)
    for heading in ("一、审核结论：修改后合法。", "二、审查事项", "三、修改意见", "四、审核意见"):
        assert heading in body
    assert "删除第八条关于罚款的规定。" in body


def test_reminders_are_one_letter_per_unit_signed_by_the_office(office):
    with office.transaction() as s:
        settings.put(s, SYSTEM, "office.name", "河清市司法局")
        register(s, "救助办法", published=date(2022, 1, 15), drafting_unit="社会救助科")
        register(s, "养老办法", published=date(2022, 2, 15), drafting_unit="养老服务科")
    with office.reading() as s:
        letters = expiry_reminder.letters(s, clock.today(), date(2026, 12, 1))
    assert [x.recipient for x in letters] == ["养老服务科", "社会救助科"]
    assert {x.signer for x in letters} == {"河清市司法局"}
    assert "2027年第一季度" in text(letters[0]) and "养老办法" in text(letters[0])


def test_the_cleanup_notice_counts_each_decision_and_lists_both_catalogs(office):
    with office.transaction() as s:
        settings.put(s, SYSTEM, "office.name", "河清市司法局")
        keep = register(s, "继续有效的办法", published=date(2025, 3, 1))
        drop = register(s, "应当废止的办法", published=date(2025, 3, 2))
        batch = cleanup.create_batch(s, SYSTEM, "regular", "2026年定期清理", ["MZ"])
        with pytest.raises(UserError, match="尚未实施"):
            cleanup_notice.letter(s, batch.id)
        cleanup.decide(s, SYSTEM, batch.id, keep.id, "continue")
        cleanup.decide(s, SYSTEM, batch.id, drop.id, "repeal", "上位法已废止")
        cleanup.apply(s, SYSTEM, batch.id, date(2026, 11, 27))
    with office.reading() as s:
        letter = cleanup_notice.letter(s, batch.id)
    assert letter.title == "关于公布规范性文件清理结果的通知"
    assert letter.recipient == "河清市民政局" and letter.signed_on == date(2026, 11, 27)
    body = text(letter)
    assert "继续有效 1 件，废止 1 件" in body
    assert "一、继续有效的规范性文件（1 件）" in body and "上位法已废止" in body
