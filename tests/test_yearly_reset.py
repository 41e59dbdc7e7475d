"""Whether serials start again each year is the office's setting (domain.md: the default)."""

from datetime import date

import pytest

from app import clock
from app.errors import UserError
from app.services import issuers, numbering, settings
from app.services.permissions import SYSTEM
from tests.factories import add_issuer, register

KEY = "numbering.yearly_reset"


def test_serials_start_again_each_year_by_default(database):
    with database.transaction() as s:
        add_issuer(s)
        numbers = [register(s, d.isoformat(), published=d).reg_number
                   for d in (date(2025, 12, 30), date(2026, 1, 4))]  # fmt: skip
        assert settings.get(s, KEY) is True
    assert numbers == ["MZGS-2025-001", "MZGS-2026-001"]


def test_serials_run_on_across_years_when_the_office_turns_the_reset_off(database):
    with database.transaction() as s:
        add_issuer(s)
        settings.put(s, SYSTEM, KEY, False)
        numbers = [register(s, d.isoformat(), published=d).reg_number
                   for d in (date(2025, 12, 30), date(2026, 1, 4), date(2026, 2, 1))]  # fmt: skip
        given = register(s, "手动", reg_number="MZGS-2026-005", allow_gap=True)
        after = register(s, "之后").reg_number
        gaps = [(g.number, g.kind) for g in numbering.gaps(s, year=2026)]
    assert numbers == ["MZGS-2025-001", "MZGS-2026-002", "MZGS-2026-003"]
    assert given.reg_number == "MZGS-2026-005" and after == "MZGS-2026-006"
    assert gaps == [("MZGS-2026-004", numbering.GapKind.SKIPPED)]


def test_a_template_without_year_is_accepted_only_while_serials_run_on(database):
    with database.transaction() as s:
        with pytest.raises(UserError, match="必须包含年份字段"):
            add_issuer(s, template="{code}GS-{seq:04d}")
        settings.put(s, SYSTEM, KEY, False)
        add_issuer(s, template="{code}GS-{seq:04d}")
        with pytest.raises(UserError, match="“河清市民政局”的登记编号模板“{code}GS-{seq:04d}”没有"):
            settings.put(s, SYSTEM, KEY, True)
        with pytest.raises(UserError, match="没有年份字段"):
            settings.reset(s, SYSTEM, KEY)
        issuers.set_template(s, SYSTEM, "MZ", "{code}GS-{year}-{seq:04d}")
        settings.put(s, SYSTEM, KEY, True)
        assert settings.get(s, KEY) is True


def test_the_reset_changes_only_before_the_years_first_number(database):
    clock.fix_today(date(2026, 11, 27))
    with database.transaction() as s:
        add_issuer(s)
        register(s, "去年的文件", published=date(2025, 6, 1))
        settings.put(s, SYSTEM, KEY, False)  # no number of 2026 yet
        register(s, "今年的文件", published=date(2026, 6, 1))
    with pytest.raises(UserError) as refused, database.transaction() as s:
        settings.put(s, SYSTEM, KEY, True)
    assert refused.value.message == (
        "登记编号序号每年重新开始：2026 年已分配登记编号（如 MZGS-2026-001），只能在新的一年"
        "分配第一个登记编号之前修改，否则本年的序号将前后不一。"
    )
    clock.fix_today(date(2027, 1, 4))
    with database.transaction() as s:
        settings.put(s, SYSTEM, KEY, True)
        assert register(s, "明年的文件", published=date(2027, 1, 4)).reg_number == "MZGS-2027-001"
