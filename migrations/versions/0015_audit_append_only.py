"""PostgreSQL: the audit log is append-only. A trigger refuses every UPDATE and DELETE of a row
and every TRUNCATE of the table, whoever runs it (the clerks' roles are not even granted them;
this stops the owner's account and a mistaken GRANT too). Only ALTER TABLE ... DISABLE TRIGGER,
which needs the table's owner, gets past it. SQLite: nothing (the file's holder can do anything).

Revision ID: 0015
Revises: 0014
"""

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

REFUSAL = "审计日志只能追加，不能修改或删除（audit_log is append-only）"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        f"""
        CREATE OR REPLACE FUNCTION normdesk_audit_append_only() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '{REFUSAL}：%', TG_OP
                USING ERRCODE = 'insufficient_privilege',
                      HINT = 'NormDesk 的审计记录是证据，任何账户都不能改动。';
        END $$
        """
    )
    op.execute(
        "CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log "
        "FOR EACH ROW EXECUTE FUNCTION normdesk_audit_append_only()"
    )
    op.execute(
        "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
        "FOR EACH STATEMENT EXECUTE FUNCTION normdesk_audit_append_only()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log")
    op.execute("DROP TRIGGER IF EXISTS audit_log_no_update_or_delete ON audit_log")
    op.execute("DROP FUNCTION IF EXISTS normdesk_audit_append_only()")
