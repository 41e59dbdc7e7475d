from sqlalchemy import text

from app import models
from app.services import audit
from app.services.permissions import Actor, Role
from app.services.vocabulary import AuditAction
from tests.outside_edits import outside_edit


def test_audit_chain_holds_and_names_first_row_edited_outside(database):
    with database.transaction() as s:
        for n in range(3):
            audit.record(
                s,
                "张三",
                AuditAction.UPDATE,
                audit.SETTINGS,
                summary=f"第{n}次",
                old={"v": n},
                new={"v": n + 1},
            )
    with database.reading() as s:
        assert audit.first_broken(s) is None

    with outside_edit(database.engine) as con:  # an edit outside NormDesk
        con.execute(text("UPDATE audit_log SET summary = '篡改' WHERE id = 2"))

    with database.reading() as s:
        broken = audit.first_broken(s)
    assert broken is not None and broken.id == 2


def test_deleted_audit_row_breaks_chain_at_next_row(database):
    with database.transaction() as s:
        for n in range(3):
            audit.record(s, "李四", AuditAction.CREATE, audit.Subject("setting", n))
    with outside_edit(database.engine) as con:
        con.execute(text("DELETE FROM audit_log WHERE id = 2"))
    with database.reading() as s:
        assert audit.first_broken(s).id == 3


# stored (and hashed) since the first version: the audit list and the seals filter by them
KINDS_AS_STORED = {
    models.Document: "document",
    models.ReviewCase: "review",
    models.Filing: "filing",
    models.Objection: "objection",
    models.CleanupBatch: "cleanup",
    models.Issuer: "issuer",
    models.User: "user",
    models.NumberAllocation: "number",
}


def test_a_record_about_a_row_names_it_as_before(database):
    clerk = Actor("张三", Role.CLERK)
    with database.transaction() as s:
        entries = [
            audit.record(s, clerk, AuditAction.UPDATE, model(id=7)) for model in KINDS_AS_STORED
        ]
        by_id = audit.record(s, "李四", AuditAction.DEMO, audit.Subject.of(models.Document, 3))
    assert [(e.object_type, e.object_id, e.actor) for e in entries] == [
        (kind, 7, "张三") for kind in KINDS_AS_STORED.values()
    ]
    assert (by_id.object_type, by_id.object_id, by_id.actor) == ("document", 3, "李四")
