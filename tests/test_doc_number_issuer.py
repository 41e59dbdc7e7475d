"""The 发文字号's agency abbreviation is checked against the issuer's, and one 发文字号 belongs
to one issuing body."""

import threading
from datetime import date

import pytest

from app.errors import UserError
from app.services import docnumber, documents, registration
from app.services.documents import DocumentInput
from app.services.permissions import SYSTEM
from tests.conftest import on_postgresql
from tests.factories import add_finance_bureau, add_issuer, draft, register


@pytest.fixture
def s(database):
    with database.transaction() as s:
        add_issuer(s)
        add_finance_bureau(s)
        yield s


def test_a_doc_number_with_another_abbreviation_needs_confirmation(s):
    with pytest.raises(docnumber.AbbrNotConfirmed) as asked:
        register(s, "民政文件", doc_number="河财发〔2026〕7号")
    assert asked.value.message == (
        "发文字号：“河财发〔2026〕7号”的机关代字“河财发”与制定机关“河清市民政局”的发文机关代字"
        "“河民发”不一致，请核对。"
    )
    doc = registration.register_published(
        s, SYSTEM, DocumentInput("MZ", "民政文件", published=date(2026, 3, 3),
                                 doc_number="河财发〔2026〕7号"), allow_abbr=True,
    )  # fmt: skip
    assert doc.doc_number == "河财发〔2026〕7号"
    assert register(s, "本机关文件", doc_number="河民发[2026]8号").doc_number == "河民发〔2026〕8号"


def test_a_doc_number_held_by_another_issuer_is_refused(s):
    register(s, "民政文件", doc_number="河民发〔2026〕7号")
    with pytest.raises(UserError) as refused:
        registration.register_published(
            s, SYSTEM, DocumentInput("CZ", "财政文件", published=date(2026, 3, 3),
                                     doc_number="河民发(2026)7号"), allow_abbr=True,
        )  # fmt: skip
    assert refused.value.message == (
        "发文字号“河民发〔2026〕7号”已被制定机关“河清市民政局”的文件《民政文件》使用，"
        "不同机关的文件不能使用同一个发文字号。"
    )


def test_a_ledger_keeps_its_abbreviations_but_not_another_issuers_doc_number(s):
    day = date(2026, 3, 3)
    entries = [
        (DocumentInput("MZ", "民政文件", published=day, doc_number="河民规〔2026〕1号"), None),
        (DocumentInput("CZ", "财政文件", published=day, doc_number="河民规〔2026〕1号"), None),
    ]
    outcomes = registration.register_many(s, SYSTEM, entries)
    assert isinstance(outcomes[0], int)
    assert "已被制定机关“河清市民政局”的文件《民政文件》使用" in outcomes[1].message


def test_publishing_checks_the_abbreviation_and_other_issuers_doc_numbers(s):
    register(s, "财政文件", issuer="CZ", doc_number="河财发〔2026〕3号")
    doc = draft(s, "民政草案")
    for step, outcome in (("legality_review", "合法"), ("deliberation", "")):
        documents.record_step(s, SYSTEM, doc.id, step, date(2026, 2, 10), outcome=outcome)
    with pytest.raises(UserError, match="已被制定机关“河清市财政局”的文件《财政文件》使用"):
        documents.publish(s, SYSTEM, doc.id, date(2026, 3, 3), "河财发〔2026〕3号",
                          allow_abbr=True)  # fmt: skip
    with pytest.raises(docnumber.AbbrNotConfirmed):
        documents.publish(s, SYSTEM, doc.id, date(2026, 3, 3), "河财发〔2026〕4号")
    published = documents.publish(
        s, SYSTEM, doc.id, date(2026, 3, 3), "河财发〔2026〕4号", allow_abbr=True
    )
    assert published.doc_number == "河财发〔2026〕4号"


def test_editing_asks_again_only_when_the_doc_number_changes(s):
    doc = register(s, "民政文件", doc_number="河财发〔2026〕7号", allow_abbr=True)

    def edit(number, **kw):
        data = DocumentInput("MZ", "民政文件（修订）", published=doc.published,
                             doc_number=number, reg_number=doc.reg_number)  # fmt: skip
        return documents.update_document(s, SYSTEM, doc.id, data, doc.version, **kw)

    assert edit("河财发〔2026〕7号").title == "民政文件（修订）"
    with pytest.raises(docnumber.AbbrNotConfirmed):
        edit("河财发〔2026〕9号")
    assert edit("河财发〔2026〕9号", allow_abbr=True).doc_number == "河财发〔2026〕9号"


@pytest.mark.skipif(not on_postgresql(), reason="SQLite's BEGIN IMMEDIATE rules this race out")
def test_two_clerks_saving_one_doc_number_for_two_issuers_at_once_one_is_refused(database):
    with database.transaction() as s:
        add_issuer(s)
        add_finance_bureau(s)
    registered, go = threading.Event(), threading.Event()
    outcome: list[object] = []

    def first_clerk() -> None:
        with database.transaction() as s:
            register(s, "民政文件", doc_number="河民发〔2026〕7号")
            registered.set()
            go.wait(10)  # still open while the second clerk checks

    def second_clerk() -> None:
        try:
            with database.transaction() as s:
                register(s, "财政文件", issuer="CZ", doc_number="河民发〔2026〕7号",
                         allow_abbr=True)  # fmt: skip
            outcome.append("saved")
        except UserError as exc:
            outcome.append(exc.message)

    first = threading.Thread(target=first_clerk)
    first.start()
    assert registered.wait(10)
    second = threading.Thread(target=second_clerk)
    second.start()
    second.join(0.5)  # it waits for the first clerk's transaction
    go.set()
    first.join(10)
    second.join(10)
    assert outcome == [
        "发文字号“河民发〔2026〕7号”已被制定机关“河清市民政局”的文件《民政文件》使用，"
        "不同机关的文件不能使用同一个发文字号。"
    ]
