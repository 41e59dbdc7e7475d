"""Issuing bodies renamed, merged and ended (机构改革): the body keeps its documents, history and
serials; every printed register names each document's body as it was called on its date."""

import json
from datetime import date

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app import clock
from app.errors import UserError
from app.models import AuditEntry, Document, Issuer
from app.reports import catalog_output, filing_ledger, record_card
from app.services import documents, issuer_names, issuers, search
from app.services.catalogs import CatalogFilter
from app.services.issuers import IssuerAction
from app.services.permissions import SYSTEM, Actor, Role
from app.services.vocabulary import AuditAction
from tests.factories import add_finance_bureau, add_issuer, draft, register
from tests.test_reports import pdf_text

OLD, NEW = "河清市民政局", "河清市民政和社会保障局"
RENAMED_ON = date(2026, 3, 1)


@pytest.fixture
def office(database):
    """民政局 with one document before its rename on 2026-03-01 and one after; 财政局 beside it."""
    clock.fix_today(date(2026, 11, 27))
    with database.transaction() as s:
        add_issuer(s)
        add_finance_bureau(s)
        register(s, "河清市最低生活保障办法", published=date(2026, 1, 5))
    with database.transaction() as s:
        issuers.rename(s, SYSTEM, "MZ", NEW, "河民社发", RENAMED_ON, "机构改革方案")
    with database.transaction() as s:
        register(s, "河清市临时救助办法", published=date(2026, 4, 1))
    return database


def _rename(s, **kw):
    args = {"code": "MZ", "new_name": NEW, "new_abbr": "河民社发", "effective_on": RENAMED_ON}
    args |= {"reason": "机构改革"} | kw
    return issuers.rename(s, SYSTEM, **args)


def test_a_renamed_body_keeps_its_row_code_and_serials(office):
    with office.reading() as s:
        body = issuers.by_code(s, "MZ")
        docs = s.scalars(select(Document).order_by(Document.id)).all()
        assert (body.name, body.abbr, body.sequence_key) == (NEW, "河民社发", "MZ")
        assert {d.issuer_id for d in docs} == {body.id}
        assert [d.reg_number for d in docs] == ["MZGS-2026-001", "MZGS-2026-002"]


def test_the_name_on_a_day_is_the_one_valid_then(office):
    with office.reading() as s:
        body = issuers.by_code(s, "MZ")
        assert issuer_names.name_on(s, body, date(2026, 2, 28)) == (OLD, "河民发")
        assert issuer_names.name_on(s, body, RENAMED_ON) == (NEW, "河民社发")
        assert issuer_names.name_on(s, body, None) == (NEW, "河民社发")
        book = issuer_names.NameBook(s)
        assert book.name(body.id, date(2020, 1, 1)) == OLD
        assert book.name(body.id, date(2026, 3, 1)) == NEW


def test_a_second_rename_keeps_both_former_names_with_their_periods(office):
    with office.transaction() as s:
        _rename(s, new_name="河清市社会保障局", new_abbr="河社发", effective_on=date(2026, 9, 1))
    with office.reading() as s:
        body = issuers.by_code(s, "MZ")
        periods = [
            (n.name, n.valid_from, n.valid_until) for n in issuer_names.former_names(s, body.id)
        ]
        assert periods == [
            (OLD, None, date(2026, 2, 28)),
            (NEW, RENAMED_ON, date(2026, 8, 31)),
        ]
        assert issuer_names.name_on(s, body, date(2026, 8, 31)).name == NEW
        assert issuer_names.name_on(s, body, date(2026, 9, 1)).name == "河清市社会保障局"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"new_name": " "}, "新名称：不能为空。"),
        ({"new_abbr": ""}, "发文机关代字：不能为空。"),
        ({"reason": ""}, "原因：不能为空。"),
        ({"effective_on": None}, "生效日期：不能为空。"),
        ({"effective_on": date(2026, 11, 28)}, "生效日期：不能晚于今天（2026-11-27）。"),
        ({"new_name": "河清市财政局"}, "新名称：“河清市财政局”是制定机关“CZ”现用的名称。"),
        (
            {"new_name": OLD, "new_abbr": "河民发"},
            "新名称：与现用名称和发文机关代字相同，无需更名。",
        ),
    ],
)
def test_a_rename_is_refused_naming_the_field(database, change, message):
    clock.fix_today(date(2026, 11, 27))
    with database.transaction() as s:
        add_issuer(s)
        add_finance_bureau(s)
    with database.transaction() as s, pytest.raises(UserError) as refused:
        _rename(s, **change)
    assert refused.value.message == message
    with database.reading() as s:
        assert issuers.by_code(s, "MZ").name == OLD
        assert issuer_names.former_names(s, issuers.by_code(s, "MZ").id) == []


@pytest.mark.parametrize("day", [date(2026, 2, 1), RENAMED_ON])
def test_a_rename_dated_before_or_on_the_last_one_is_refused(office, day):
    with office.transaction() as s, pytest.raises(UserError) as refused:
        _rename(s, new_name="河清市社会保障局", effective_on=day)
    assert refused.value.message == "生效日期：应晚于上次更名的生效日期 2026-03-01。"


def test_a_rename_needs_the_right_to_manage_issuers(office):
    with office.transaction() as s, pytest.raises(UserError, match="无权执行：管理制定机关"):
        issuers.rename(s, Actor("clerk", Role.CLERK), "MZ", "新名", "新发", RENAMED_ON, "机构改革")


def test_a_rename_is_audited_with_its_date_and_reason(office):
    with office.reading() as s:
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == AuditAction.ISSUER_RENAME))
        assert json.loads(entry.old_values) == {"name": OLD, "abbr": "河民发"}
        new = json.loads(entry.new_values)
        assert (new["name"], new["effective_on"], new["reason"]) == (
            NEW,
            "2026-03-01",
            "机构改革方案",
        )


def test_search_finds_the_bodys_documents_by_its_old_and_new_name(office):
    with office.reading() as s:
        for term in (OLD, NEW):
            found = search.search_rows(s, search.DocumentQuery(text=term))
            assert {r.title for r in found} == {"河清市最低生活保障办法", "河清市临时救助办法"}


def test_an_old_document_is_registered_with_the_abbreviation_valid_then(office):
    with office.transaction() as s:
        doc = register(
            s, "河清市旧办法", published=date(2025, 6, 1), doc_number="河民发〔2025〕3号"
        )
        assert doc.doc_number == "河民发〔2025〕3号"


def test_printed_register_pdf_names_each_documents_body_as_on_its_date(office, tmp_path):
    target = tmp_path / "register.pdf"
    with office.reading() as s:
        catalog_output.write_pdf(s, "register", CatalogFilter(), target)
    text = "".join(pdf_text(target)[0]).replace("\n", "")
    before = text.index("河清市最低生活保障办法")
    after = text.index("河清市临时救助办法")
    assert OLD in text[before:after] and NEW not in text[before:after]
    assert NEW in text[after:]


def test_register_workbook_names_each_documents_body_as_on_its_date(office, tmp_path):
    target = tmp_path / "register.xlsx"
    with office.reading() as s:
        catalog_output.write_xlsx(s, "register", CatalogFilter(), target)
    ws = load_workbook(target).active
    heads = [c.value for c in ws[2]]
    title, body = heads.index("文件名称"), heads.index("制定机关")
    rows = {r[title].value: r[body].value for r in ws.iter_rows(min_row=3)}
    assert rows == {"河清市最低生活保障办法": OLD, "河清市临时救助办法": NEW}


def test_record_card_and_filing_ledger_use_the_name_on_the_documents_date(office, tmp_path):
    with office.reading() as s:
        first = s.scalar(select(Document.id).where(Document.title == "河清市最低生活保障办法"))
        record_card.pdf(s, first, tmp_path / "card.pdf", date(2026, 11, 27))
        filing_ledger.pdf(s, tmp_path / "ledger.pdf", 2026)
    card = "".join(pdf_text(tmp_path / "card.pdf")[0])
    assert OLD in card and NEW not in card
    ledger = "".join(pdf_text(tmp_path / "ledger.pdf")[0]).replace("\n", "")
    assert OLD in ledger and NEW in ledger


def _merged(s):
    return issuers.merge(s, SYSTEM, "MZ", "CZ", date(2026, 6, 30), "机构改革：职责划入财政局")


def test_a_merged_body_keeps_its_documents_and_takes_no_new_ones(office):
    with office.transaction() as s:
        body = _merged(s)
        assert (body.active, body.ended_on) == (False, date(2026, 6, 30))
        assert issuers.state_label(s, body) == "（已并入 河清市财政局）"
        assert issuers.allowed_actions(body) == frozenset()
    with office.transaction() as s, pytest.raises(UserError) as refused:
        register(s, "河清市新办法", published=date(2026, 7, 1))
    assert refused.value.message == (
        "制定机关：“河清市民政和社会保障局”自 2026-06-30 起（已并入 河清市财政局），"
        "不能登记新文件，请改选“河清市财政局”。"
    )
    with office.transaction() as s, pytest.raises(UserError, match="^制定机关：.*已并入"):
        draft(s)
    with office.reading() as s:
        titles = {r.title for r in search.search_rows(s, search.DocumentQuery(text=NEW))}
        assert titles == {"河清市最低生活保障办法", "河清市临时救助办法"}
        numbers = s.scalars(select(Document.reg_number).order_by(Document.id)).all()
        assert numbers == ["MZGS-2026-001", "MZGS-2026-002"]


def test_a_document_of_the_merged_body_dated_before_the_merger_may_still_be_registered(office):
    with office.transaction() as s:
        _merged(s)
    with office.transaction() as s:
        doc = register(s, "河清市补录的办法", published=date(2026, 5, 1))
        assert doc.reg_number == "MZGS-2026-003"


def test_a_draft_of_a_merged_body_cannot_be_published_under_it(office):
    with office.transaction() as s:
        doc_id = draft(s).id
        _merged(s)
    with (
        office.transaction() as s,
        pytest.raises(UserError, match="^制定机关：.*请改选“河清市财政局”"),
    ):
        documents.publish(s, SYSTEM, doc_id, date(2026, 11, 2), "河民社发〔2026〕5号")


@pytest.mark.parametrize(
    ("into", "message"),
    [
        ("MZ", "合并到：不能并入自身。"),
        ("", "合并到：请选择承接的制定机关。"),
        ("XX", "制定机关：代码“XX”不存在，请先添加该制定机关。"),
    ],
)
def test_a_merger_into_itself_or_nobody_is_refused(office, into, message):
    with office.transaction() as s, pytest.raises(UserError) as refused:
        issuers.merge(s, SYSTEM, "MZ", into, date(2026, 6, 30), "机构改革")
    assert refused.value.message == message


def test_a_merger_into_an_inactive_body_is_refused(office):
    with office.transaction() as s:
        issuers.deactivate(s, SYSTEM, "CZ", "撤销")
    with office.transaction() as s, pytest.raises(UserError) as refused:
        issuers.merge(s, SYSTEM, "MZ", "CZ", date(2026, 6, 30), "机构改革")
    assert refused.value.message == "合并到：“河清市财政局”（已停用），不能承接其他机关。"


def test_a_merger_closing_a_loop_is_refused(office):
    with office.transaction() as s:
        mz, cz = issuers.by_code(s, "MZ"), issuers.by_code(s, "CZ")
        cz.merged_into_id = mz.id  # a state no service makes: a successor still active
    with office.transaction() as s, pytest.raises(UserError) as refused:
        issuers.merge(s, SYSTEM, "MZ", "CZ", date(2026, 6, 30), "机构改革")
    assert refused.value.message == "合并到：并入“河清市财政局”会形成循环。"


def test_a_merged_body_cannot_be_renamed_merged_again_or_enabled(office):
    with office.transaction() as s:
        add_issuer(s, "ZF", "河清市人民政府", "河政规", template="HQZF-{year}-{seq:03d}")
        _merged(s)
    for call in (
        lambda s: _rename(s, new_name="别名"),
        lambda s: issuers.merge(s, SYSTEM, "MZ", "ZF", date(2026, 7, 1), "再并"),
        lambda s: issuers.activate(s, SYSTEM, "MZ", "恢复"),
        lambda s: issuers.deactivate(s, SYSTEM, "MZ", "停用"),
    ):
        with office.transaction() as s, pytest.raises(UserError, match="已并入 河清市财政局）"):
            call(s)


def test_a_deactivated_body_takes_no_new_documents_until_enabled_again(office):
    with office.transaction() as s:
        body = issuers.deactivate(s, SYSTEM, "CZ", "暂停制发")
        assert (body.active, body.ended_on) == (False, date(2026, 11, 27))
        assert issuers.allowed_actions(body) == {IssuerAction.ACTIVATE, IssuerAction.MERGE}
        assert [i.code for i in issuers.list_issuers(s, active_only=True)] == ["MZ"]
    with office.transaction() as s, pytest.raises(UserError) as refused:
        register(s, "财政新办法", issuer="CZ", published=date(2026, 11, 27))
    assert refused.value.field == "制定机关" and "（已停用）" in refused.value.message
    with office.transaction() as s:
        body = issuers.activate(s, SYSTEM, "CZ", "恢复制发")
        assert (body.active, body.ended_on) == (True, None)
        register(s, "财政新办法", issuer="CZ", published=date(2026, 11, 27))
    with office.reading() as s:
        actions = s.scalars(
            select(AuditEntry.action)
            .where(AuditEntry.object_type == "issuer", AuditEntry.action != "seal")
            .order_by(AuditEntry.id)
        ).all()
        assert actions[-2:] == [AuditAction.ISSUER_DEACTIVATE, AuditAction.ISSUER_ACTIVATE]


def test_an_active_body_need_not_be_enabled(office):
    with office.transaction() as s, pytest.raises(UserError) as refused:
        issuers.activate(s, SYSTEM, "CZ", "恢复")
    assert refused.value.message == "制定机关：“河清市财政局”正在使用，无需启用。"


def test_a_refused_merger_changes_nothing(office):
    with office.transaction() as s, pytest.raises(UserError):
        issuers.merge(s, SYSTEM, "MZ", "CZ", date(2026, 6, 30), "")
    with office.reading() as s:
        body = s.scalar(select(Issuer).where(Issuer.code == "MZ"))
        assert (body.active, body.merged_into_id, body.ended_on) == (True, None, None)


def test_upgrade_to_0020_keeps_issuers_active_unrenamed_and_sealed(empty_db_url):
    from app.db import open_database
    from app.services import seals
    from tests.test_db import ISSUER_MZ_BOOL, at_revision

    clock.fix_today(date(2026, 11, 27))
    at_revision(
        empty_db_url,
        "0019",
        ISSUER_MZ_BOOL,
        "INSERT INTO document (id, issuer_id, title, status, drafting_unit, keywords, summary, remarks, important, public_facing, business_related, market_related, published, effective, valid_until, status_changed, created_at, updated_at, version) VALUES (1, 1, '河清市旧办法', 'published', '', '', '', '', false, false, false, false, '2026-01-05', '2026-01-05', '2031-01-04', '2026-01-05', '2026-01-05 09:00:00', '2026-01-05 09:00:00', 1)",
    )
    database = open_database(empty_db_url)
    try:
        with database.reading() as s:
            body = issuers.by_code(s, "MZ")
            assert (body.active, body.merged_into_id, body.ended_on) == (True, None, None)
            assert issuer_names.former_names(s, body.id) == []
            assert issuers.allowed_actions(body) == {
                IssuerAction.RENAME,
                IssuerAction.MERGE,
                IssuerAction.DEACTIVATE,
            }
        with database.transaction() as s:
            issuers.rename(s, SYSTEM, "MZ", NEW, "河民社发", RENAMED_ON, "机构改革")
        with database.reading() as s:
            doc = s.get(Document, 1)
            assert issuer_names.of_document(s, doc).name == OLD
            # the document was inserted around the program; the body's rows are sealed
            assert [d.told() for d in seals.differences(s) if "制定机关" in d.told()] == []
    finally:
        database.close()


def test_cli_renames_merges_deactivates_and_enables(office, db_url, capsys):
    from app.cli import run

    capsys.readouterr()
    assert run(["--db", db_url, "issuer", "rename", "--code", "CZ", "--name", "河清市财政和金融局",
                "--abbr", "河财金发", "--date", "2026-05-01", "--reason", "机构改革", "--json"]) == 0  # fmt: skip
    shown = json.loads(capsys.readouterr().out)
    assert (shown["name"], shown["former_names"]) == (
        "河清市财政和金融局",
        [
            {
                "name": "河清市财政局",
                "abbr": "河财发",
                "valid_from": None,
                "valid_until": "2026-04-30",
            }
        ],
    )
    assert run(["--db", db_url, "issuer", "merge", "--code", "MZ", "--into", "CZ",
                "--date", "2026-06-30", "--reason", "职责划入"]) == 0  # fmt: skip
    assert capsys.readouterr().out == (
        f"制定机关“{NEW}”自 2026-06-30 起并入“河清市财政和金融局”，不再登记新文件。\n"
    )
    assert run(["--db", db_url, "issuer", "deactivate", "--code", "CZ", "--reason", "暂停"]) == 0
    assert run(["--db", db_url, "issuer", "list", "--json"]) == 0
    listed = {r["code"]: r for r in json.loads(capsys.readouterr().out.splitlines()[-1])}
    assert (listed["MZ"]["active"], listed["MZ"]["merged_into"]) == (False, "CZ")
    assert (listed["CZ"]["active"], listed["CZ"]["ended_on"]) == (False, "2026-11-27")
    assert run(["--db", db_url, "issuer", "activate", "--code", "CZ", "--reason", "恢复"]) == 0
    assert "已重新启用制定机关“河清市财政和金融局”" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            [
                "rename",
                "--code",
                "MZ",
                "--name",
                "",
                "--abbr",
                "河发",
                "--date",
                "2026-11-01",
                "--reason",
                "改革",
            ],
            "新名称：不能为空。",
        ),  # fmt: skip
        (
            ["merge", "--code", "MZ", "--into", "MZ", "--date", "2026-11-01", "--reason", "并"],
            "合并到：不能并入自身。",
        ),  # fmt: skip
        (["activate", "--code", "MZ", "--reason", "恢复"], "无需启用"),
        (["deactivate", "--code", "XX", "--reason", "停"], "代码“XX”不存在"),
        (
            [
                "rename",
                "--code",
                "MZ",
                "--name",
                "新",
                "--abbr",
                "新发",
                "--date",
                "2026-02-30",
                "--reason",
                "改革",
            ],
            "生效日期：日期“2026-02-30”格式不正确",
        ),  # fmt: skip
    ],
)
def test_cli_refuses_bad_input_with_exit_1_and_a_chinese_message(
    office, db_url, capsys, args, message
):
    from app.cli import run

    capsys.readouterr()
    try:
        code = run(["--db", db_url, "issuer", *args])
    except SystemExit as exc:  # argparse refuses a malformed date itself
        code = exc.code
    assert code == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_filing_form_and_report_of_a_filing_before_the_rename_carry_the_old_name(
    database, tmp_path
):
    from app.reports import filing_form, filing_report
    from app.services import filing, settings

    clock.fix_today(date(2026, 11, 27))
    with database.transaction() as s:
        add_issuer(s)
        settings.put(s, SYSTEM, "filing.department.recipient", "河清市人民政府")
        doc = register(s, "河清市最低生活保障办法", published=date(2026, 1, 5))
        filed = filing.record_filed(
            s, SYSTEM, doc.id, "河清市人民政府", date(2026, 1, 10), list(filing.PACKAGE)
        ).id
    with database.transaction() as s:
        _rename(s)
    with database.reading() as s:
        filing_form.pdf(s, [filed], tmp_path / "form.pdf", date(2026, 11, 27))
        filing_report.pdf(s, [filed], tmp_path / "report.pdf", date(2026, 11, 27))
    for name in ("form.pdf", "report.pdf"):
        text = "".join(pdf_text(tmp_path / name)[0]).replace("\n", "")
        assert OLD in text and NEW not in text, name


def test_statistics_drill_down_names_the_body_as_on_each_documents_date(office):
    from app.services import statistics

    with office.reading() as s:
        ids = s.scalars(select(Document.id).order_by(Document.id)).all()
        assert [line.issuer for line in statistics.document_lines(s, ids)] == [OLD, NEW]


def test_the_register_detail_names_the_body_on_the_document_and_its_present_name(office):
    from app.ui.register.detail import read_document

    with office.reading() as s:
        first = s.scalar(select(Document.id).where(Document.title == "河清市最低生活保障办法"))
    assert read_document(office, first).fields["issuer"] == f"{OLD}（现名 {NEW}）"


def test_a_register_with_a_body_merged_into_a_later_one_copies_to_another_database(
    database, db_url, tmp_path, isolated_data_dir
):
    """migrate-db copies the issuers in id order: the successor of a merged body may come later."""
    from app.db import open_database
    from app.services import database_copy

    clock.fix_today(date(2026, 11, 27))
    with database.transaction() as s:
        add_issuer(s)
        add_finance_bureau(s)
        register(s, published=date(2026, 1, 5))
    with database.transaction() as s:
        issuers.merge(s, SYSTEM, "MZ", "CZ", date(2026, 6, 30), "机构改革")
        _rename(s, code="CZ", new_name="河清市财政和民政局", new_abbr="河财民发")
    database.close()
    copy = f"sqlite:///{tmp_path / 'copy.sqlite'}"
    result = database_copy.copy_database(db_url, copy)
    assert (result.rows["issuer"], result.rows["issuer_name"]) == (2, 1)
    copied = open_database(copy)
    try:
        with copied.reading() as s:
            assert (
                issuers.state_label(s, issuers.by_code(s, "MZ")) == "（已并入 河清市财政和民政局）"
            )
    finally:
        copied.close()


def test_a_ledger_kept_before_the_rename_is_imported_under_the_renamed_body(office, tmp_path):
    from openpyxl import Workbook

    from app.services import importing

    wb = Workbook()
    wb.active.append(["文件名称", "制定机关", "公布日期", "发文字号"])
    wb.active.append(["河清市旧救助办法", OLD, "2025-05-06", "河民发〔2025〕9号"])
    wb.active.append(["河清市旧养老办法", "民政局", "2025-06-07", "河民发〔2025〕10号"])
    wb.save(tmp_path / "ledger.xlsx")
    sheet = importing.read_sheet(tmp_path / "ledger.xlsx")
    with office.transaction() as s:
        report = importing.run_import(s, SYSTEM, sheet, importing.guess_mapping(sheet))
    assert report.imported == 2
    with office.reading() as s:
        body = issuers.by_code(s, "MZ")
        docs = s.scalars(select(Document).where(Document.title.like("河清市旧%"))).all()
        assert {d.issuer_id for d in docs} == {body.id}
        assert {issuer_names.of_document(s, d).name for d in docs} == {OLD}
