"""Text the services accept: control characters refused, lengths as the columns allow (on SQLite
as on PostgreSQL), and exports that never break on characters stored earlier."""

from datetime import date

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import text

from app.errors import UserError
from app.reports import catalog_output, record_card
from app.services import cleanup, documents, fields, issuers, numbering, registration, users
from app.services.catalogs import CatalogFilter
from app.services.documents import DocumentInput
from app.services.permissions import SYSTEM
from tests.factories import register


@pytest.mark.parametrize(
    ("field", "label"),
    [("title", "文件名称"), ("doc_number", "发文字号"), ("reg_number", "登记编号"),
     ("drafting_unit", "起草单位"), ("keywords", "关键词"), ("remarks", "备注")],
)  # fmt: skip
def test_control_character_in_a_document_field_is_refused_naming_the_field(office, field, label):
    values = {"title": "河清市临时救助办法", "doc_number": "河民发〔2026〕3号",
              "reg_number": "MZGS-2026-001", "drafting_unit": "社会救助科",
              "keywords": "救助", "remarks": "备注"}  # fmt: skip
    values[field] = values[field][:2] + "\x07" + values[field][2:]
    with office.transaction() as s, pytest.raises(UserError) as refused:
        register(s, **values)
    assert refused.value.message == (
        f"{label}：第 3 个字符是不可见的控制字符（U+0007），请删除后重试。"
    )


def test_tab_and_newline_are_kept_and_windows_line_ends_become_newlines(office):
    with office.transaction() as s:
        doc = register(s, summary="第一条\t总则\r\n第二条", remarks="甲\r乙")
    assert (doc.summary, doc.remarks) == ("第一条\t总则\n第二条", "甲\n乙")


def test_control_characters_refused_in_issuer_user_void_and_retire_texts(office):
    with office.transaction() as s:
        doc = register(s)
    attempts = {
        "机关名称": lambda s: issuers.add_issuer(s, SYSTEM, "CZ", "河清市\x1b财政局", "河财发"),
        "发文机关代字": lambda s: issuers.add_issuer(s, SYSTEM, "CZ", "河清市财政局", "河\x00财发"),
        "登记编号模板": lambda s: issuers.set_template(s, SYSTEM, "MZ", "{code}\x0c-{year}-{seq}"),
        "姓名": lambda s: users.add_user(s, SYSTEM, "li.si", "李\x08四", "登记员", "Abcdef12345!"),
        "作废原因": lambda s: numbering.void(s, SYSTEM, doc.reg_number, "录错\x7f"),
        "废止原因": lambda s: documents.retire(s, SYSTEM, doc.id, "repealed", date(2026, 5, 1), "录\x1f错"),
        "名称": lambda s: cleanup.create_batch(s, SYSTEM, "special", "专项\x01清理", ["MZ"], "上位法修改"),
    }  # fmt: skip
    for label, attempt in attempts.items():
        with pytest.raises(UserError) as refused, office.transaction() as s:
            attempt(s)
        assert refused.value.message.startswith(f"{label}：第 "), refused.value.message
        assert "控制字符" in refused.value.message


def test_lone_surrogate_is_refused_not_an_encoding_crash(office):
    with office.transaction() as s, pytest.raises(UserError, match="^文件名称：.*无法保存的字符"):
        register(s, "办法\udcff")


def test_one_row_with_a_control_character_is_that_rows_error_in_a_batch(office):
    entries = [
        (DocumentInput("MZ", "河清市甲办法", published=date(2026, 3, 3)), None),
        (DocumentInput("MZ", "河清市乙\x0b办法", published=date(2026, 3, 3),
                       reg_number="MZGS\x00-2026-9", doc_number="河民发\x00〔2026〕1号"), None),
    ]  # fmt: skip
    with office.transaction() as s:
        outcomes = registration.register_many(s, SYSTEM, entries)
    assert isinstance(outcomes[0], int)
    assert isinstance(outcomes[1], UserError) and "控制字符" in outcomes[1].message


def test_thousand_character_title_is_refused_with_the_columns_limit(office):
    with office.transaction() as s, pytest.raises(UserError) as refused:
        register(s, "办" * 1000)
    assert refused.value.message == "文件名称：不能超过 300 个字符（现有 1000 个）。"


def test_lengths_come_from_the_columns(office):
    from app.models import Document, Issuer

    assert fields.limit(Document.title) == documents.TITLE_MAX == 300
    assert fields.limit(Document.summary) is None
    with office.transaction() as s:
        register(s)
    too_long = {
        "机关名称": lambda s: issuers.add_issuer(s, SYSTEM, "CZ", "局" * (fields.limit(Issuer.name) + 1), "河财发"),
        "起草单位": lambda s: register(s, drafting_unit="科" * 101),
        "关键词": lambda s: register(s, keywords="词" * 301),
        "登记编号": lambda s: register(s, reg_number="MZ" + "号" * 60),
        "名称": lambda s: cleanup.create_batch(s, SYSTEM, "special", "清" * 201, ["MZ"], "上位法修改"),
    }  # fmt: skip
    for label, attempt in too_long.items():
        with pytest.raises(UserError) as refused, office.transaction() as s:
            attempt(s)
        assert refused.value.message.startswith(f"{label}：不能超过 "), refused.value.message


def test_exports_survive_control_characters_stored_before_the_checks(office, tmp_path):
    with office.transaction() as s:
        doc = register(s, "河清市临时救助办法", remarks="备注")
        s.execute(
            text("UPDATE document SET title = :t, drafting_unit = :u WHERE id = :id"),
            {"t": "河清市\x07临时救助\x1b办法\x0c", "u": "社会\x01救助科", "id": doc.id},
        )
    workbook, pdf, card = (
        tmp_path / name for name in ("register.xlsx", "register.pdf", "card.pdf")
    )
    with office.reading() as s:
        assert catalog_output.write_xlsx(s, "register", CatalogFilter(), workbook) == 1
        assert catalog_output.write_pdf(s, "register", CatalogFilter(), pdf) == 1
        record_card.pdf(s, doc.id, card, date(2026, 11, 27))
    cells = [c for row in load_workbook(workbook).active.iter_rows(values_only=True) for c in row]
    assert "河清市临时救助办法" in cells
    for printed in (pdf, card):
        assert "河清市临时救助办法" in PdfReader(printed).pages[0].extract_text().replace("\n", "")


def test_a_document_with_a_control_character_stored_earlier_can_still_be_retired(office):
    with office.transaction() as s:
        doc = register(s, "河清市临时救助办法")
        s.execute(
            text("UPDATE document SET title = '河清市\x07临时救助办法' WHERE id = :id"),
            {"id": doc.id},
        )
    with office.transaction() as s:
        documents.retire(s, SYSTEM, doc.id, "repealed", date(2026, 5, 1), "已被新办法取代")
    with office.reading() as s:
        assert documents.get(s, doc.id).status == "repealed"


def test_lookups_by_a_code_or_number_no_database_can_hold_say_not_found(office):
    with office.transaction() as s:
        with pytest.raises(UserError) as unknown:
            issuers.by_code(s, "M\udcffZ")
        assert unknown.value.message == "制定机关：代码“M\ufffdZ”不存在，请先添加该制定机关。"
        with pytest.raises(UserError) as unknown:
            numbering.void(s, SYSTEM, "MZ\x00GS-2026-001", "录错")
        assert unknown.value.message == "登记编号“MZ\ufffdGS-2026-001”不存在。"
    entry = DocumentInput("M\x1bZ", "办法", published=date(2026, 3, 3))
    with office.transaction() as s:
        [refused] = registration.register_many(s, SYSTEM, [(entry, None)])
    assert refused.message.startswith("制定机关：第 2 个字符是不可见的控制字符（U+001B）")


def test_every_other_service_meets_the_same_checks_when_it_saves(office):
    from app.services import reviews
    from app.services.reviews import MATERIALS, ReviewIntake

    def intake(s, unit="社会救助科", reviewer="李审核"):
        data = ReviewIntake("contract", "河清市养老服务委托合同", date(2026, 9, 25), reviewer,
                            list(MATERIALS["contract"]), submitting_unit=unit)  # fmt: skip
        return reviews.intake(s, SYSTEM, data)

    with office.transaction() as s:
        case = intake(s)
    refusals = {
        "送审单位：第 3 个字符是不可见的控制字符（U+0007）": lambda s: intake(s, "社会\x07救助科"),
        "送审单位：不能超过 100 个字符（现有 101 个）": lambda s: intake(s, "科" * 101),
        "审核人：不能超过 100 个字符（现有 150 个）": lambda s: intake(s, reviewer="李" * 150),
        "说明：第 4 个字符是不可见的控制字符（U+001B）": lambda s: reviews.pause(
            s, SYSTEM, case.id, date(2026, 10, 9), "请补充\x1b材料"
        ),
    }
    for message, attempt in refusals.items():
        with pytest.raises(UserError) as refused, office.transaction() as s:
            attempt(s)
        assert refused.value.message.startswith(message), refused.value.message


@pytest.mark.sqlite_only  # the command line opens the test's SQLite file
def test_cli_lines_never_send_a_stored_escape_sequence_to_the_terminal(office, db_path):
    from tests.test_cli import normdesk

    with office.transaction() as s:
        doc = register(s, "河清市临时救助办法")
        s.execute(
            text("UPDATE document SET title = :t WHERE id = :id"),
            {"t": "河清市\x1b[2J临时救助\x9b办法", "id": doc.id},
        )
    office.close()
    shown = normdesk("--db", str(db_path), "doc", "list")
    assert shown.returncode == 0, shown.stderr
    assert "河清市[2J临时救助办法" in shown.stdout
    assert "\x1b" not in shown.stdout and "\x9b" not in shown.stdout
