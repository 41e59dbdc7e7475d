import json
from datetime import date

import pytest
from sqlalchemy import select

from app.errors import UserError
from app.models import AuditEntry
from app.services import issuers
from app.services.permissions import SYSTEM, Actor, Role
from tests.factories import add_issuer, register


@pytest.mark.parametrize("body", ["内设机构", "议事协调机构", "临时机构"])
def test_internal_and_temporary_bodies_may_not_issue(database, body):
    with database.transaction() as s, pytest.raises(UserError, match="不得制发"):
        add_issuer(s, body_type=body)


def test_duplicate_issuer_code_is_refused(database):
    with database.transaction() as s:
        add_issuer(s)
        with pytest.raises(UserError, match="已存在"):
            add_issuer(s, name="另一个名称")


def test_template_without_serial_is_refused_and_the_old_one_kept(database):
    with database.transaction() as s:
        add_issuer(s)
    with database.transaction() as s, pytest.raises(UserError) as refused:
        issuers.set_template(s, SYSTEM, "MZ", "{code}GS-{year}")
    assert refused.value.message == (
        "登记编号模板：“{code}GS-{year}”必须包含序号字段 {seq}，否则编号会重复。"
    )
    with database.reading() as s:
        assert issuers.by_code(s, "MZ").reg_template == "{code}GS-{year}-{seq:03d}"


def test_changed_template_numbers_the_next_document_and_is_audited(database):
    with database.transaction() as s:
        add_issuer(s)
        register(s, published=date(2026, 3, 3))
    with database.transaction() as s:
        issuers.set_template(s, SYSTEM, "MZ", "民规〔{year}〕{seq}号")
    with database.transaction() as s:
        doc = register(s, title="河清市临时救助实施办法", published=date(2026, 4, 1))
        assert doc.reg_number == "民规〔2026〕2号"
    with database.reading() as s:
        entry = s.scalar(select(AuditEntry).where(AuditEntry.summary.contains("编号模板")))
        assert entry.actor == SYSTEM.name
        assert json.loads(entry.old_values) == {"template": "{code}GS-{year}-{seq:03d}"}
        assert json.loads(entry.new_values) == {"template": "民规〔{year}〕{seq}号"}


def test_template_change_needs_the_right_to_manage_issuers(database):
    with database.transaction() as s:
        add_issuer(s)
        with pytest.raises(UserError, match="无权执行：管理制定机关"):
            issuers.set_template(s, Actor("clerk", Role.CLERK), "MZ", "{code}-{seq}")


def test_template_without_year_is_refused_when_serials_start_again_each_year(database):
    with database.transaction() as s, pytest.raises(UserError) as refused:
        add_issuer(s, template="{code}GS-{seq:03d}")
    assert refused.value.message.startswith("登记编号模板：“{code}GS-{seq:03d}”必须包含年份字段")
    with database.transaction() as s:
        add_issuer(s)
    with database.transaction() as s, pytest.raises(UserError, match="^登记编号模板：.*年份"):
        issuers.set_template(s, SYSTEM, "MZ", "MZGS-{seq}")


def test_template_giving_another_issuers_numbers_is_refused_unless_they_share_a_sequence(database):
    with database.transaction() as s:
        add_issuer(s, template="HQGS-{year}-{seq:03d}")
    with database.transaction() as s, pytest.raises(UserError) as refused:
        add_issuer(s, "CZ", "河清市财政局", "河财发", template="HQGS-{year}-{seq}")
    assert refused.value.message.startswith(
        "登记编号模板：“HQGS-{year}-{seq}”与制定机关“河清市民政局”"
    )
    with database.transaction() as s:
        add_issuer(s, "CZ", "河清市财政局", "河财发", template="{code}GS-{year}-{seq:03d}")
    with database.transaction() as s, pytest.raises(UserError, match="会生成相同的编号"):
        issuers.set_template(s, SYSTEM, "CZ", "HQGS-{year}-{seq:03d}")
    with database.transaction() as s:
        issuers.add_issuer(s, SYSTEM, "SW", "河清市水务局", "河水发",
                           template="HQGS-{year}-{seq:03d}", sequence_key="MZ")  # fmt: skip


def test_review_opinion_template_without_year_is_refused_when_set(database):
    from app.services import settings

    with database.transaction() as s, pytest.raises(UserError, match="^审核意见书编号模板：.*年份"):
        settings.put(s, SYSTEM, "review.opinion_template", "法审{seq}号")
