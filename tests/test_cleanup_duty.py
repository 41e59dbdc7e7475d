"""Which cleanups meet the office's two-year duty, and what the 继续有效目录 lists (issue 21;
domain.md, Cleanup)."""

import json
from datetime import date

import pytest
from openpyxl import load_workbook

from app import clock
from app.cli import run
from app.errors import UserError
from app.models import CleanupBatch, CleanupItem
from app.services import cleanup, deadlines, documents
from app.services.permissions import SYSTEM
from tests.factories import add_issuer, bureaus_in_force, register

TODAY = date(2026, 11, 27)


@pytest.fixture
def office(database):
    clock.fix_today(TODAY)
    with database.transaction() as s:
        ids = bureaus_in_force(s, mz_documents=3)
        add_issuer(s, "JY", "河清市教育局", "河教发")  # nothing in force
    return database, ids


def test_a_regular_cleanup_must_cover_every_body_with_documents_in_force(office):
    database, ids = office
    with database.reading() as s:
        assert cleanup.scope(s, ["MZ"]).kinds == {"special": "专项清理"}
        assert cleanup.scope(s, ["MZ", "CZ"]).kinds == cleanup.KINDS  # 教育局 has nothing in force
        assert cleanup.scope(s, []).kinds == cleanup.KINDS
    refused = "清理类型：定期清理应当覆盖全部制定机关.*只清理河清市民政局"
    with pytest.raises(UserError, match=refused), database.transaction() as s:
        cleanup.create_batch(s, SYSTEM, "regular", "定期清理", ["MZ"])
    with database.transaction() as s:
        batch = cleanup.create_batch(s, SYSTEM, "regular", "定期清理", ["MZ", "CZ"])
        assert len(batch.items) == 4


def test_a_special_cleanup_of_one_body_leaves_the_regular_duty_due(office):
    database, ids = office
    with database.transaction() as s:
        batch = cleanup.create_batch(
            s, SYSTEM, "special", "民政文件专项清理", ["MZ"], "民政条例修订"
        )
        # a special batch under way does not stand for the regular one
        assert [d.kind for d in deadlines.open_deadlines(s) if d.kind == "cleanup"] == ["cleanup"]
        for doc_id in ids[:3]:
            cleanup.decide(s, SYSTEM, batch.id, doc_id, "continue")
        cleanup.apply(s, SYSTEM, batch.id, TODAY)
        assert cleanup.next_regular_due(s)[0] == TODAY


def test_a_regular_batch_of_some_bodies_from_an_older_version_does_not_meet_the_duty(
    office, db_url
):
    database, ids = office
    with database.transaction() as s:  # as a version without the rule could store it
        old = CleanupBatch(kind="regular", title="2025年定期清理（仅民政局）", scope_issuers='["MZ"]',
                           created_on=date(2025, 12, 1), created_by="张三", status="applied",
                           applied_on=date(2025, 12, 10), applied_by="张三")  # fmt: skip
        old.items = [CleanupItem(document_id=i, decision="continue") for i in ids[:3]]
        s.add(old)
    with database.reading() as s:
        due, rule = cleanup.next_regular_due(s)
    assert due == TODAY and "尚未开展过覆盖全部制定机关的定期清理" in rule
    with database.transaction() as s:
        full = cleanup.create_batch(s, SYSTEM, "regular", "2026年定期清理", [])
        for doc_id in ids:
            cleanup.decide(s, SYSTEM, full.id, doc_id, "continue")
        cleanup.apply(s, SYSTEM, full.id, date(2026, 11, 20))
    with database.reading() as s:
        assert cleanup.next_regular_due(s)[0] == date(2028, 11, 20)


def test_cli_deadlines_keep_the_regular_cleanup_due_while_a_cleanup_of_one_body_is_open(
    office, db_url, capsys
):
    database, ids = office
    with database.transaction() as s:
        cleanup.create_batch(s, SYSTEM, "special", "民政文件专项清理", ["MZ"], "民政条例修订")
    capsys.readouterr()
    assert run(["--db", db_url, "deadlines", "--json"]) == 0
    found = [d for d in json.loads(capsys.readouterr().out) if d["kind"] == "cleanup"]
    assert [(d["due"], d["state"]) for d in found] == [(TODAY.isoformat(), "due_soon")]


def test_the_continuing_catalog_lists_only_documents_in_force_when_applied(
    office, db_url, tmp_path
):
    database, ids = office
    with database.transaction() as s:
        amending = register(s, "关于修改民政文件1的决定", published=date(2026, 11, 1)).id
        batch = cleanup.create_batch(s, SYSTEM, "regular", "2026年定期清理", [])
        for doc_id in (ids[0], ids[2], ids[3], amending):
            cleanup.decide(s, SYSTEM, batch.id, doc_id, "continue")
        cleanup.decide(s, SYSTEM, batch.id, ids[1], "amend", "与新条例不一致", amending)
        cleanup.apply(s, SYSTEM, batch.id, date(2026, 11, 20))
    clock.fix_today(date(2026, 12, 15))
    with database.transaction() as s:
        # learnt afterwards: 民政文件2 had been repealed before the batch was applied
        documents.retire(s, SYSTEM, ids[2], "repealed", date(2026, 11, 10), "上位法废止（补录）")
        # 财政文件 repealed after it: it was in force when the catalog was published
        documents.retire(s, SYSTEM, ids[3], "repealed", date(2026, 12, 1), "上位法废止")
    with database.reading() as s:
        rows = cleanup.result_catalog(s, batch.id, "continue").rows
    assert [r.title for r in rows] == ["财政文件", "民政文件0", "关于修改民政文件1的决定"]
    target = tmp_path / "继续有效目录.xlsx"
    code = run(
        [
            "--db",
            db_url,
            "export",
            str(target),
            "--kind",
            "cleanup-continue",
            "--batch",
            str(batch.id),
        ]
    )
    assert code == 0
    titles = {c.value for row in load_workbook(target).active.iter_rows() for c in row}
    assert {"民政文件0", "财政文件"} <= titles and not {"民政文件1", "民政文件2"} & titles
