from datetime import date

import pytest
from sqlalchemy import select

from app.errors import UserError
from app.models import AuditEntry, Filing
from app.services import filing, recipients, settings
from app.services.permissions import SYSTEM
from app.services.vocabulary import AuditAction
from tests.factories import register

DEPARTMENT = "filing.department.recipient"
GOVERNMENT = "filing.government.recipient"
CONGRESS = "filing.congress.recipient"


@pytest.fixture
def filed(city_office):
    """A department document filed with the placeholder 本级人民政府, and a government document
    filed with 上一级人民政府 and 本级人大常委会, as offices that never named them have them."""
    with city_office.transaction() as s:
        mz = register(s, published=date(2026, 3, 3))
        zf = register(s, "河清市政府文件", issuer="ZF", published=date(2026, 3, 4))
        filing.record_filed(s, SYSTEM, mz.id, "本级人民政府", date(2026, 3, 10), [*filing.PACKAGE])
        for recipient in ("上一级人民政府", "本级人大常委会"):
            filing.record_filed(s, SYSTEM, zf.id, recipient, date(2026, 3, 10), [*filing.PACKAGE])
    return city_office, mz.id, zf.id


def _recipients(s) -> dict[tuple[int, str], str]:
    return {(f.document_id, f.recipient): f.report_number or "" for f in s.scalars(select(Filing))}


def test_renaming_a_recipient_renames_it_on_the_recorded_filings(filed):
    database, mz, zf = filed
    with database.transaction() as s:
        settings.put(s, SYSTEM, DEPARTMENT, "河清市人民政府")
        settings.put(s, SYSTEM, GOVERNMENT, "江州市人民政府")
    with database.reading() as s:
        names = {key[1] for key in _recipients(s)}
        assert names == {"河清市人民政府", "江州市人民政府", "本级人大常委会"}
        # the old filings are the rule's again: no refusal for the renamed recipient
        all_rules = filing.rules(s)
        doc = s.get(Filing, 1).document
        assert filing.rule_for(all_rules, doc, "河清市人民政府").days == 15
        renamed = s.scalars(
            select(AuditEntry).where(AuditEntry.action == AuditAction.FILING_RECIPIENT)
        ).all()
        assert len(renamed) == 2 and all(e.object_type == "filing" for e in renamed)
        assert "备案机关“本级人民政府”更名为“河清市人民政府”" in {e.summary for e in renamed}


def test_a_recipient_keeps_its_filings_of_the_other_level(filed):
    """The department rule's rename leaves a government document's filing with a body that
    happens to bear the same name alone."""
    database, _mz, zf = filed
    with database.transaction() as s:
        settings.put(s, SYSTEM, CONGRESS, "河清市人大常委会")
        settings.put(s, SYSTEM, DEPARTMENT, "河清市人民政府")
    with database.reading() as s:
        assert (zf, "河清市人大常委会") in _recipients(s)
        assert (zf, "上一级人民政府") in _recipients(s)


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        (DEPARTMENT, "本级人民政府", "不是机关全称"),
        (GOVERNMENT, "上一级政府", "不是机关全称"),
        (DEPARTMENT, "", "请填写机关全称（如 河清市人民政府）"),
        (GOVERNMENT, "本级人大常委会", "不是机关全称"),
    ],
)
def test_a_placeholder_or_empty_recipient_is_refused(office, key, value, message):
    with office.transaction() as s, pytest.raises(UserError, match=message):
        settings.put(s, SYSTEM, key, value)


def test_two_recipients_may_not_share_a_name(office):
    with office.transaction() as s:
        settings.put(s, SYSTEM, GOVERNMENT, "江州市人民政府")
        with pytest.raises(UserError, match="已是另一项备案机关"):
            settings.put(s, SYSTEM, CONGRESS, "江州市人民政府")
        settings.put(s, SYSTEM, CONGRESS, "")  # not filed with the congress: allowed


def test_a_refused_rename_changes_nothing(filed):
    """All or nothing: the setting and the filings stay as they were."""
    database, *_ = filed
    with pytest.raises(UserError), database.transaction() as s:
        settings.put(s, SYSTEM, DEPARTMENT, "河清市人民政府")
        settings.put(s, SYSTEM, GOVERNMENT, "河清市人民政府")
    with database.reading() as s:
        assert settings.get(s, DEPARTMENT) == "本级人民政府"
        assert "本级人民政府" in {k[1] for k in _recipients(s)}


def test_a_letter_to_a_placeholder_says_where_to_name_it():
    with pytest.raises(UserError) as refused:
        recipients.require_real("本级人民政府", "备案报告")
    assert refused.value.message == (
        "备案报告：备案机关仍为“本级人民政府”，请在 设置 → 规则 中填写其全称（如 河清市人民政府）。"
    )
    for name in ("上一级人民政府", "本级人大常委会", "本级政府"):
        assert recipients.is_placeholder(name)
    recipients.require_real("河清市人民政府", "备案报告")
