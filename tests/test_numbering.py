import multiprocessing
import re
from datetime import date

import pytest
from sqlalchemy import select

from app.db import open_database
from app.errors import UserError
from app.models import NumberAllocation
from app.services import numbering
from app.services.permissions import SYSTEM, Actor, Role
from tests.factories import add_issuer, register


def test_numbers_follow_template_and_reset_each_year(database):
    with database.transaction() as s:
        add_issuer(s)
        a = register(s, "文件甲", published=date(2025, 12, 30))
        b = register(s, "文件乙", published=date(2026, 1, 4))
        c = register(s, "文件丙", published=date(2026, 2, 1))
    assert (a.reg_number, b.reg_number, c.reg_number) == (
        "MZGS-2025-001",
        "MZGS-2026-001",
        "MZGS-2026-002",
    )


def test_voided_number_is_never_reused_and_listed_with_reason(database):
    with database.transaction() as s:
        issuer = add_issuer(s)
        doc = register(s, "文件甲")
        numbering.void(s, SYSTEM, doc.reg_number, "登记时录错文件")
        again = register(s, "文件乙")
        gaps = numbering.gaps(s, issuer)
    assert doc.reg_number is None
    assert again.reg_number == "MZGS-2026-002"
    assert [(g.number, g.reason) for g in gaps] == [("MZGS-2026-001", "登记时录错文件")]


def test_void_needs_reason_and_permission(database):
    with database.transaction() as s:
        add_issuer(s)
        doc = register(s)
        with pytest.raises(UserError, match="作废原因"):
            numbering.void(s, SYSTEM, doc.reg_number, "  ")
        with pytest.raises(UserError, match="无权"):
            numbering.void(s, Actor("王五", Role.READ_ONLY), doc.reg_number, "误登")


def test_given_number_is_reserved_so_new_numbers_never_collide(database):
    with database.transaction() as s:
        add_issuer(s)
        old = register(s, "旧文件", reg_number="MZGS-2026-007")
        new = register(s, "新文件")
        with pytest.raises(UserError, match="已被使用"):
            register(s, "重复文件", reg_number="MZGS-2026-007")
    assert old.reg_number == "MZGS-2026-007"
    assert new.reg_number == "MZGS-2026-008"


def test_shared_registrar_sequence_numbers_all_issuers_from_one_serial(database):
    with database.transaction() as s:
        add_issuer(s, "MZ", template="HQGS-{year}-{seq}", sequence_key="HQ")
        add_issuer(
            s, "CZ", "河清市财政局", "河财发", template="HQGS-{year}-{seq}", sequence_key="HQ"
        )
        numbers = [
            register(s, f"文件{i}", issuer=code).reg_number
            for i, code in enumerate(["MZ", "CZ", "MZ"])
        ]
    assert numbers == ["HQGS-2026-1", "HQGS-2026-2", "HQGS-2026-3"]


@pytest.mark.parametrize("template", ["{code}-{year}", "{code}-{yr}-{seq}", "{code-{seq}"])
def test_template_without_seq_or_with_unknown_field_is_refused(template):
    with pytest.raises(UserError, match="编号模板"):
        numbering.validate_template(template)


def _register_many(url: str, worker: int, count: int) -> None:
    from tests.factories import register as reg

    database = open_database(url)
    for n in range(count):
        with database.transaction() as s:
            reg(s, f"并发登记 {worker}-{n}")
    database.close()


def test_four_processes_registering_at_once_get_distinct_consecutive_serials(database, db_url):
    with database.transaction() as s:
        add_issuer(s)
    ctx = multiprocessing.get_context("spawn")
    workers = [ctx.Process(target=_register_many, args=(db_url, w, 100)) for w in range(4)]
    for p in workers:
        p.start()
    for p in workers:
        p.join(timeout=300)
        assert p.exitcode == 0
    with database.reading() as s:
        numbers = s.scalars(select(NumberAllocation.number)).all()
    serials = sorted(int(re.search(r"(\d+)$", n).group(1)) for n in numbers)
    assert len(set(numbers)) == 400
    assert serials == list(range(1, 401))


def test_voided_number_no_longer_finds_its_document_and_cannot_be_dated_ahead(database):
    from app import clock
    from app.services import search

    clock.fix_today(date(2026, 11, 27))
    with database.transaction() as s:
        add_issuer(s)
        doc = register(s, "河清市临时救助办法")
        with pytest.raises(UserError, match="作废日期"):
            numbering.void(s, SYSTEM, doc.reg_number, "录错", date(2026, 11, 28))
        numbering.void(s, SYSTEM, doc.reg_number, "录错")
    with database.reading() as s:
        assert search.find_ids(s, search.DocumentQuery(text="MZGS-2026-001")) == []
        assert search.find_ids(s, search.DocumentQuery(text="临时救助")) == [doc.id]


def test_a_document_whose_number_was_voided_gets_the_next_one(database):
    from app.services import documents

    with database.transaction() as s:
        add_issuer(s)
        doc = register(s, "文件甲")
        register(s, "文件乙")
        with pytest.raises(UserError, match="已有登记编号"):
            documents.assign_number(s, SYSTEM, doc.id)
        numbering.void(s, SYSTEM, doc.reg_number, "登记时录错文件")
        documents.assign_number(s, SYSTEM, doc.id)
        with pytest.raises(UserError, match="无权"):
            documents.assign_number(s, Actor("王五", Role.READ_ONLY), doc.id)
    assert doc.reg_number == "MZGS-2026-003"
