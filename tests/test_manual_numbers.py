"""Manual registration numbers in any issuer's pattern never block allocation; their jumps are gaps."""

from datetime import date

import pytest

from app.errors import UserError
from app.services import issuers, numbering
from app.services.permissions import SYSTEM
from tests.factories import add_finance_bureau, add_issuer, register

SKIPPED = numbering.GapKind.SKIPPED


def test_a_number_in_another_issuers_pattern_counts_in_that_issuers_sequence(database):
    with database.transaction() as s:
        add_issuer(s)
        cz = add_finance_bureau(s)
    with database.transaction() as s, pytest.raises(numbering.GapNotConfirmed) as asked:
        register(s, "民政文件", reg_number="CZGS-2026-002")
    assert asked.value.skip == numbering.Skip("CZGS-2026-002", "CZGS-2026-001", "CZGS-2026-001", 1)
    with database.transaction() as s:
        register(s, "民政文件", reg_number="CZGS-2026-002", allow_gap=True)
        numbers = [register(s, f"财政文件{i}", issuer="CZ").reg_number for i in range(2)]
        found = [(g.number, g.kind) for g in numbering.gaps(s, cz, 2026)]
    assert numbers == ["CZGS-2026-003", "CZGS-2026-004"]
    assert found == [("CZGS-2026-001", SKIPPED)]


def test_allocation_skips_numbers_taken_outside_its_sequence_and_lists_no_gap_for_them(database):
    with database.transaction() as s:
        mz = add_issuer(s)
        cz = add_finance_bureau(s)
        # Given while neither template had this form: kept outside every sequence.
        register(s, "旧文件甲", reg_number="MZ-2026-2")
        voided = register(s, "旧文件乙", reg_number="CZ-2026-1")
        numbering.void(s, SYSTEM, voided.reg_number, "录错")
        issuers.set_template(s, SYSTEM, "MZ", "{code}-{year}-{seq}")
        issuers.set_template(s, SYSTEM, "CZ", "{code}-{year}-{seq}")
    with database.transaction() as s:
        mz_numbers = [register(s, f"民政文件{i}").reg_number for i in range(3)]
        cz_numbers = [register(s, f"财政文件{i}", issuer="CZ").reg_number for i in range(2)]
        mz_gaps = [(g.number, g.kind) for g in numbering.gaps(s, mz, 2026)]
        cz_gaps = [(g.number, g.kind) for g in numbering.gaps(s, cz, 2026)]
    assert mz_numbers == ["MZ-2026-1", "MZ-2026-3", "MZ-2026-4"]
    assert cz_numbers == ["CZ-2026-2", "CZ-2026-3"]
    assert mz_gaps == []
    assert cz_gaps == []  # CZ-2026-1 is voided in no sequence of CZ's; it is MZ's old number


def test_next_number_shown_for_an_issuer_skips_a_number_taken(database):
    with database.transaction() as s:
        mz = add_issuer(s)
        register(s, "旧文件", reg_number="MZ-2026-1")
        issuers.set_template(s, SYSTEM, "MZ", "{code}-{year}-{seq}")
        shown = numbering.preview(s, mz, 2026)
        given = register(s, "新文件", published=date(2026, 3, 3)).reg_number
    assert shown == given == "MZ-2026-2"


def test_a_number_another_clerk_saved_meanwhile_is_the_message_not_a_crash(database, monkeypatch):
    with database.transaction() as s:
        add_issuer(s)
        register(s, "甲")
    # What a clerk saving at this moment, outside this sequence's lock, leaves: a number the
    # batch did not see as taken.
    monkeypatch.setattr(numbering, "_keys_like", lambda *_: set(), raising=False)
    monkeypatch.setattr(numbering, "next_series_serial", lambda *_: 1)
    with pytest.raises(UserError, match="^登记编号：刚被同时登记"), database.transaction() as s:
        register(s, "乙")
