from sqlalchemy import text

from app.services import audit
from tests.outside_edits import outside_edit


def test_audit_chain_holds_and_names_first_row_edited_outside(database):
    with database.transaction() as s:
        for n in range(3):
            audit.record(
                s,
                actor="张三",
                action="update",
                object_type="setting",
                object_id=None,
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
            audit.record(s, actor="李四", action="create", object_type="setting", object_id=n)
    with outside_edit(database.engine) as con:
        con.execute(text("DELETE FROM audit_log WHERE id = 2"))
    with database.reading() as s:
        assert audit.first_broken(s).id == 3
