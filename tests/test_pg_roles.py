"""With PostgreSQL the database enforces the roles itself: each clerk connects as their own login,
a member of their role's group, and a plain session as that login (psql, here psycopg) can do no
more than the program lets that role do. The audit log is append-only for everyone. PostgreSQL
only (NORMDESK_TEST_PG); roles are cluster-wide, so each test's are named after its database
and dropped after it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError

from app import clock, pg_session
from app.db import Database, head_revision, open_database, schema_revisions
from app.errors import UserError
from app.failures import explain
from app.models import AuditEntry, Document
from app.services import (
    cleanup,
    documents,
    filing,
    issuers,
    numbering,
    objections,
    pg_roles,
    registration,
    reviews,
    settings,
    users,
    validity,
    workcalendar,
)
from app.services.documents import DocumentInput
from app.services.permissions import SYSTEM, Actor, Permission, Role, allowed
from app.services.reviews import CHECK_ITEMS, MATERIALS, ReviewIntake
from tests.conftest import PG_SERVER, drop_pg_database, on_postgresql
from tests.factories import add_issuer, register
from tests.test_cli import normdesk

pytestmark = pytest.mark.skipif(not on_postgresql(), reason="PostgreSQL only (NORMDESK_TEST_PG)")

NAMES = {Role.ADMIN: "admin", Role.REVIEWER: "reviewer", Role.CLERK: "clerk", Role.READ_ONLY: "reader"}  # fmt: skip
PASSWORDS = {role: f"{NAMES[role]}Pass2026" for role in Role}
PREVIOUS = schema_revisions()["0015"]  # the revision before the append-only audit log
PASSWORD_CHECKED = "normdesk_pwcheck"  # the test server checks passwords of this role's members


@dataclass
class Server:
    owner_url: str  # the database owner's URL (here the test server's superuser)
    clerk_url: str  # the same database without a user: each clerk signs in
    names: pg_roles.Names

    def login(self, role: Role) -> str:
        return self.names.login(NAMES[role])

    def connect(self, login: str, password: str = "") -> psycopg.Connection:
        """A plain session, as psql on a clerk's PC would open."""
        u = make_url(self.owner_url)
        return psycopg.connect(host=u.host, port=u.port, dbname=u.database, user=login,
                               password=password, autocommit=True, connect_timeout=5)  # fmt: skip

    def open_as(self, role: Role, password: str | None = None) -> Database:
        login = pg_session.ServerLogin(self.login(role), password or PASSWORDS[role])
        pg_session.sign_in(self.clerk_url, login)
        return open_database(self.clerk_url)


def _superuser() -> Callable[[str], None]:
    engine = create_engine(PG_SERVER, isolation_level="AUTOCOMMIT")

    def run(statement: str) -> None:
        with engine.connect() as conn:
            conn.exec_driver_sql(statement)

    return run


@pytest.fixture
def server(db_url: str) -> Iterator[Server]:
    """An office (issuer MZ, four registered documents, one user of each role) whose database
    has been set up for clerks' own logins."""
    clock.fix_today(date(2026, 11, 27))
    database = open_database(db_url)
    names = pg_roles.names_for(make_url(db_url).database)
    try:
        with database.transaction() as s:
            add_issuer(s)
            for n in range(1, 5):  # MZGS-2026-001 to 004
                register(s, title=f"河清市第{n}号管理办法")
            for role in Role:
                users.add_user(
                    s, SYSTEM, NAMES[role], f"{role.value}甲", role.value, PASSWORDS[role]
                )
        with database.transaction() as s:
            pg_roles.setup(s, {NAMES[role]: PASSWORDS[role] for role in Role})
        database.close()
        yield Server(db_url, pg_session.without_user(db_url), names)
    finally:
        database.close()
        pg_session._logins.clear()
        drop_pg_database(db_url)  # first: a role with privileges in a database cannot go
        engine = create_engine(PG_SERVER, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            pg_roles.drop_all(conn, names)
        engine.dispose()


def check_passwords_for(login: str) -> None:
    """Make the test server check `login`'s password (its pg_hba.conf has a scram-sha-256 line
    for members of PASSWORD_CHECKED before its `trust` line), or skip where it cannot."""
    run = _superuser()
    try:
        run(f"GRANT {PASSWORD_CHECKED} TO {pg_roles.quoted(login)}")
    except ProgrammingError:
        pytest.skip(f"the test server has no role {PASSWORD_CHECKED} to check passwords with")


def refused_by_database(conn: psycopg.Connection, statement: str) -> bool:
    try:
        conn.execute(statement)
    except psycopg.errors.InsufficientPrivilege:
        return True
    return False


# --- a plain session as each role --------------------------------------------------------------
# Probes that change nothing when allowed (no row matches), so only the privilege is tested.
def insert(table: str) -> str:
    return f"INSERT INTO {table} SELECT * FROM {table} WHERE false"


def update(table: str, column: str = "id") -> str:
    return f"UPDATE {table} SET {column} = {column} WHERE false"


def delete(table: str) -> str:
    return f"DELETE FROM {table} WHERE false"


A, R, C = Role.ADMIN, Role.REVIEWER, Role.CLERK
EVERYONE, NOBODY = set(Role), set()
PROBES: list[tuple[str, set[Role]]] = [
    ("SELECT count(*) FROM document", EVERYONE),
    ("SELECT count(*) FROM app_user", EVERYONE),
    ("SELECT count(*) FROM audit_log", EVERYONE),
    (insert("document"), {A, R, C}),
    (update("document", "title"), {A, R, C}),
    (delete("document"), NOBODY),
    (update("number_allocation", "document_id"), {A, R, C}),
    (update("number_allocation", "voided"), {A}),
    (delete("number_allocation"), NOBODY),
    (insert("procedure_step"), {A, R, C}),
    (insert("filing"), {A, R, C}),
    (delete("filing"), NOBODY),
    (insert("cleanup_batch"), {A, R, C}),
    (insert("review_case"), {A, R}),
    (update("review_case", "outcome"), {A, R}),
    (delete("review_check"), {A, R}),
    (insert("issuer"), {A}),
    (update("issuer", "name"), {A}),
    (delete("issuer"), NOBODY),
    (insert("setting"), {A}),
    (update("setting", "value"), {A}),
    (delete("setting"), {A}),
    (insert("calendar_day"), {A}),
    (delete("calendar_day"), {A}),
    (insert("app_user"), {A}),
    (update("app_user", "role"), {A}),
    (update("app_user", "active"), {A}),
    (update("app_user", "password_hash"), EVERYONE),  # one's own password change
    (delete("app_user"), NOBODY),
    (insert("audit_log"), EVERYONE),
    (update("audit_log", "summary"), NOBODY),
    (delete("audit_log"), NOBODY),
    ("TRUNCATE audit_log", NOBODY),
    ("TRUNCATE document", NOBODY),
    (update("alembic_version", "version_num"), NOBODY),
    ("CREATE TABLE mine (x int)", NOBODY),
    ("DROP TABLE document", NOBODY),
    ("ALTER TABLE audit_log DISABLE TRIGGER USER", NOBODY),
    ("CREATE FUNCTION public.mine() RETURNS int LANGUAGE sql AS 'SELECT 1'", NOBODY),
]


def test_a_plain_session_as_each_role_is_refused_by_the_database_what_the_role_may_not_do(server):
    wrong = []
    for role in Role:
        with server.connect(server.login(role)) as conn:
            for statement, who in PROBES:
                refused = refused_by_database(conn, statement)
                if refused == (role in who):
                    wrong.append(
                        f"{role.value}: {statement}: {'refused' if refused else 'allowed'}"
                    )
    assert not wrong, "\n".join(wrong)
    assert len(PROBES) * len(Role) == 156


def test_no_clerk_can_make_themselves_more_or_touch_another_login(server):
    admin_group = pg_roles.quoted(server.names.group(Role.ADMIN))
    with server.connect(server.login(Role.READ_ONLY)) as conn:
        assert refused_by_database(conn, f"GRANT {admin_group} TO CURRENT_USER")
        assert refused_by_database(conn, f"SET ROLE {admin_group}")
        assert refused_by_database(
            conn,
            f"SELECT {pg_roles.SET_LOGIN}(current_user, '{server.names.group(A)}', NULL, true)",
        )
    with server.connect(server.login(Role.ADMIN)) as conn:  # the function admits only this
        for login in ("postgres", server.names.staff, server.names.login_prefix + "nobody_in_it"):
            if login.startswith(server.names.login_prefix):
                _superuser()(f"CREATE ROLE {pg_roles.quoted(login)} LOGIN")
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(
                    f"SELECT {pg_roles.SET_LOGIN}(%s, %s, NULL, true)",
                    (login, server.names.group(Role.ADMIN)),
                )
        with pytest.raises(psycopg.errors.InvalidParameterValue):  # never a plain password
            conn.execute(
                f"SELECT {pg_roles.SET_LOGIN}(%s, %s, 'secret', true)",
                (server.login(Role.CLERK), server.names.group(Role.CLERK)),
            )


def test_the_audit_log_refuses_update_delete_and_truncate_even_for_the_owner(server):
    with psycopg.connect(make_url(server.owner_url).render_as_string(hide_password=False)
                         .replace("+psycopg", ""), autocommit=True) as conn:  # fmt: skip
        count = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
        assert count > 0
        for statement in ("UPDATE audit_log SET summary = '改过' WHERE id = 1",
                          "DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)",
                          "TRUNCATE audit_log"):  # fmt: skip
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match="审计日志只能追加"):
                conn.execute(statement)
        conn.execute(insert("audit_log"))  # appending stays possible
        assert conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] == count


# --- the program, connected as each role's login ----------------------------------------------
def _draft(s, actor: Actor, title: str) -> Document:
    return documents.create_draft(s, actor, DocumentInput("MZ", title))


def _register(s, actor: Actor) -> None:
    registration.register_published(
        s, actor, DocumentInput("MZ", f"河清市{actor.name}登记的办法", published=date(2026, 5, 6))
    )


def _steps_filing_validity_objection(s, actor: Actor) -> None:
    doc = registration.register_published(
        s, actor, DocumentInput("MZ", f"河清市{actor.name}备案的办法", published=date(2026, 3, 3))
    )
    filed = filing.record_filed(s, actor, doc.id, "本级人民政府", date(2026, 3, 20), list(filing.PACKAGE))  # fmt: skip
    filing.record_result(s, actor, filed.id, "予以备案", date(2026, 3, 30))  # a filing_result row
    validity.evaluate(s, actor, doc.id, "lapse", date(2026, 11, 27), "调整事项已完成")
    objections.register(s, actor, doc.id, date(2026, 11, 20), "张三", "与上位法不一致")
    draft = _draft(s, actor, f"河清市{actor.name}起草的办法")
    documents.record_step(s, actor, draft.id, "assessment", date(2026, 6, 10), outcome="可行")


def _cleanup(s, actor: Actor) -> None:
    batch = cleanup.create_batch(
        s, actor, "special", f"{actor.name}的专项清理", ["MZ"], reason="上位法修改"
    )
    cleanup.delete_batch(s, actor, batch.id)


def _texts_bases_laws(s, actor: Actor) -> None:
    """A text, a basis, a law's change with its cleanup (deleted again), 不予公开 and back."""
    from app.services import legal_bases, publication, texts
    from app.services.vocabulary import LawChangeKind, TextKind

    doc = registration.register_published(
        s, actor, DocumentInput("MZ", f"河清市{actor.name}依据的办法", published=date(2026, 4, 4))
    )
    texts.add_typed(
        s, actor, doc.id, "第一条 根据《社会救助暂行办法》，制定本办法。", TextKind.ORIGINAL
    )
    legal_bases.add_suggested(s, actor, doc.id, legal_bases.suggestions(s, doc.id))
    law = f"河清市{actor.name}救助条例"
    legal_bases.add_basis(s, actor, doc.id, law, "第三条")
    done = legal_bases.record_change(
        s, actor, law, LawChangeKind.AMENDED, date(2026, 11, 1), open_cleanup=True
    )
    cleanup.delete_batch(s, actor, done.batch.id)
    legal_bases.remove_basis(s, actor, legal_bases.bases(s, doc.id)[0].id)
    publication.set_withheld(s, actor, doc.id, True, "涉及内部管理")
    publication.set_withheld(s, actor, doc.id, False)


def _review(s, actor: Actor) -> None:
    doc = _draft(s, actor, f"河清市{actor.name}送审的办法")
    data = ReviewIntake("normative", doc.title, date(2026, 9, 25), "李审核",
                        list(MATERIALS["normative"]), document_id=doc.id)  # fmt: skip
    case = reviews.intake(s, actor, data)
    for item in CHECK_ITEMS:
        reviews.record_check(s, actor, case.id, item, True, day=date(2026, 10, 12))
    reviews.conclude(s, actor, case.id, "合法", date(2026, 10, 14), "符合法定权限和程序")


def _settings(s, actor: Actor) -> None:
    settings.put(s, actor, "security.max_failures", 7)
    settings.reset(s, actor, "security.max_failures")
    workcalendar.set_day(s, actor, date(2026, 12, 5), True, "调休上班")
    workcalendar.clear_day(s, actor, date(2026, 12, 5))


_CODES = iter(range(10, 100))


def _issuer(s, actor: Actor) -> None:
    code = f"CZ{next(_CODES)}"
    issuers.add_issuer(s, actor, code, f"河清市第{code}财政局", "河财发")


def _void(s, actor: Actor) -> None:
    doc = s.scalar(
        select(Document).where(Document.reg_number.is_not(None)).order_by(Document.id.desc())
    )
    numbering.void(s, actor, doc.reg_number, "登记错误")


def _users(s, actor: Actor) -> None:
    name = f"new.u{next(_CODES)}"
    users.add_user(s, actor, name, "新同事", Role.CLERK.value, "Newcomer2026")
    users.set_role(s, actor, name, Role.READ_ONLY.value)
    users.change_password(s, actor, name, None, "Changed2026")


WORK: list[tuple[str, Permission, Callable]] = [
    ("登记", Permission.REGISTER, _register),
    ("环节、备案、评估、审查建议", Permission.REGISTER, _steps_filing_validity_objection),
    ("清理批次", Permission.REGISTER, _cleanup),
    ("正文、制定依据、上位法变化、公开属性", Permission.REGISTER, _texts_bases_laws),
    ("合法性审核", Permission.REVIEW, _review),
    ("设置与工作日历", Permission.SETTINGS, _settings),
    ("制定机关", Permission.MANAGE_ISSUERS, _issuer),
    ("作废编号", Permission.VOID_NUMBER, _void),
    ("用户管理", Permission.MANAGE_USERS, _users),
]


DENIED = "单位服务器拒绝了本次操作：您的数据库账户没有这项权限，本次操作未保存。"


def test_each_role_does_its_work_as_its_own_login_and_the_database_refuses_the_rest(server):
    """What a role may do works through the services as its login; what it may not, the
    database refuses even when the program's own check is bypassed (a changed program)."""
    wrong = []
    for role in Role:
        database = server.open_as(role)
        me = Actor(NAMES[role], role)
        try:
            for label, permission, work in WORK:
                may = allowed(me, permission)
                try:
                    with database.transaction() as s:
                        work(s, me if may else SYSTEM)  # SYSTEM: the service check skipped
                    outcome = "done"
                except ProgrammingError as exc:
                    refused = exc.orig.sqlstate == "42501" and explain(exc) == DENIED
                    outcome = "refused" if refused else f"error {exc}"
                if outcome != ("done" if may else "refused"):
                    wrong.append(f"{role.value} {label}: {outcome}")
            with database.transaction() as s:  # everyone changes their own password
                users.change_password(s, me, me.name, PASSWORDS[role], PASSWORDS[role] + "x")
        finally:
            database.close()
    assert not wrong, "\n".join(wrong)
    database = open_database(server.owner_url)
    try:
        with database.reading() as s:
            actors = {e.actor for e in s.scalars(select(AuditEntry).where(AuditEntry.action == "review_conclude"))}  # fmt: skip
    finally:
        database.close()
    assert actors == {NAMES[A], NAMES[R]}


# --- user management makes the logins ----------------------------------------------------------
def test_user_management_creates_changes_and_disables_the_login(server):
    database = server.open_as(Role.ADMIN)
    admin = Actor(NAMES[Role.ADMIN], Role.ADMIN)
    login = server.names.login("wang.li")
    try:
        with database.transaction() as s:
            users.add_user(s, admin, "wang.li", "王力", Role.CLERK.value, "WangLi2026")
        check_passwords_for(login)
        with server.connect(login, "WangLi2026") as conn:
            assert not refused_by_database(conn, insert("document"))
            assert refused_by_database(conn, insert("review_case"))
        with pytest.raises(psycopg.OperationalError):
            server.connect(login, "Wrong2026")

        with database.transaction() as s:
            users.set_role(s, admin, "wang.li", Role.REVIEWER.value)
            users.change_password(s, admin, "wang.li", None, "WangLi2027")
        with server.connect(login, "WangLi2027") as conn:
            assert not refused_by_database(conn, insert("review_case"))
        with pytest.raises(psycopg.OperationalError):
            server.connect(login, "WangLi2026")

        with database.transaction() as s:
            users.set_role(s, admin, "wang.li", Role.READ_ONLY.value, active=False)
        with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
            server.connect(login, "WangLi2027")

        with pytest.raises(UserError, match="已存在"), database.transaction() as s:
            users.add_user(s, admin, "wang.li", "王力", Role.CLERK.value, "WangLi2026")
    finally:
        database.close()


def test_a_user_whose_save_fails_gets_no_login(server):
    database = open_database(server.owner_url)
    try:
        with pytest.raises(RuntimeError), database.transaction() as s:
            users.add_user(s, SYSTEM, "half", "半途", Role.CLERK.value, "Halfway2026")
            raise RuntimeError("the save fails after the login was made")
        with database.reading() as s:
            assert not s.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"),
                                 {"n": server.names.login("half")}).first()  # fmt: skip
    finally:
        database.close()


def test_a_long_or_odd_user_name_gets_a_login_that_fits(server):
    names = pg_roles.names_for("normdesk")
    assert names.login("wang.li") == "normdesk_u_wang.li"
    long = "a" * 50
    assert len(server.names.login(long).encode()) <= 63
    assert server.names.login(long) != server.names.login(long[:-1] + "b")
    assert pg_roles.names_for("规范性文件").prefix.startswith("nd_")
    database = open_database(server.owner_url)
    try:
        with database.transaction() as s:
            users.add_user(s, SYSTEM, long, "长名字", Role.CLERK.value, "LongName2026")
    finally:
        database.close()
    with server.connect(server.names.login(long)) as conn:
        assert not refused_by_database(conn, insert("document"))


# --- setting up and upgrading ------------------------------------------------------------------
def test_setup_runs_again_without_harm_and_keeps_every_login(server):
    database = open_database(server.owner_url)
    try:
        with database.transaction() as s:
            report = pg_roles.setup(s, {})
        assert report.without_password == []
        assert set(report.logins) == set(NAMES.values())
    finally:
        database.close()
    test_a_plain_session_as_each_role_is_refused_by_the_database_what_the_role_may_not_do(server)


def test_setup_is_refused_to_a_clerk_login(server):
    database = server.open_as(Role.ADMIN)
    try:
        with pytest.raises(UserError, match="所有者"), database.transaction() as s:
            pg_roles.setup(s, {})
    finally:
        database.close()


def _owner_runs(server: Server, *statements: str) -> object:
    """Run `statements` as the owner; the last one's value."""
    engine = create_engine(server.owner_url)
    try:
        with engine.begin() as conn:
            results = [conn.exec_driver_sql(statement) for statement in statements]
            return results[-1].scalar() if results[-1].returns_rows else None
    finally:
        engine.dispose()


def _downgrade(server: Server, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    from app.db import migrations_dir

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    engine = create_engine(server.owner_url)
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, revision)
    finally:
        engine.dispose()


def test_a_clerk_login_never_upgrades_the_schema_and_is_told_whom_to_ask(server):
    _owner_runs(server, f"UPDATE alembic_version SET version_num = '{PREVIOUS}'")
    with pytest.raises(UserError, match="升级只能由管理员以数据库所有者的账户执行"):
        server.open_as(Role.ADMIN)
    result = normdesk(
        "--db", server.clerk_url, "--user", NAMES[A], "doc", "list", stdin=f"{PASSWORDS[A]}\n"
    )
    assert result.returncode == 1 and "数据库所有者的账户" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert _owner_runs(server, "SELECT version_num FROM alembic_version") == PREVIOUS


def test_upgrade_to_0015_by_the_owner_keeps_the_audit_rows_guards_them_and_grants_again(server):
    """As a database of the previous version with rows: no triggers, and a table the groups
    were never granted (a table a migration adds); the owner's upgrade sets both right."""
    _downgrade(server, "0015")  # the revisions after it undone, so the upgrade can redo them
    count = _owner_runs(
        server,
        "REVOKE ALL ON TABLE document FROM " + pg_roles.quoted(server.names.staff),
        "DROP TRIGGER audit_log_no_truncate ON audit_log",
        "DROP TRIGGER audit_log_no_update_or_delete ON audit_log",
        "DROP FUNCTION normdesk_audit_append_only()",
        f"UPDATE alembic_version SET version_num = '{PREVIOUS}'",
        "SELECT count(*) FROM audit_log",
    )
    with server.connect(server.login(Role.READ_ONLY)) as conn:
        assert refused_by_database(conn, "SELECT count(*) FROM document")
    open_database(server.owner_url).close()
    with server.connect(server.login(Role.READ_ONLY)) as conn:
        assert not refused_by_database(conn, "SELECT count(*) FROM document")
    assert _owner_runs(server, "SELECT count(*) FROM audit_log") == count
    with pytest.raises(ProgrammingError, match="审计日志只能追加"):
        _owner_runs(server, "DELETE FROM audit_log")
    assert _owner_runs(server, "SELECT version_num FROM alembic_version") == head_revision()


# --- the command line as each clerk's login ----------------------------------------------------
def test_the_command_line_signs_in_as_the_clerks_login_and_the_roles_hold(server, tmp_path: Path):
    def as_(role: Role, *args: str, password: str | None = None):
        line = password if password is not None else PASSWORDS[role]
        return normdesk("--db", server.clerk_url, "--user", NAMES[role], *args, stdin=f"{line}\n")

    listed = as_(Role.READ_ONLY, "doc", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    added = as_(Role.CLERK, "doc", "add", "--issuer", "MZ", "--title", "河清市登记员登记的办法",
                "--published", "2026-05-06", "--json")  # fmt: skip
    assert added.returncode == 0, added.stderr
    refused = as_(
        Role.CLERK, "issuer", "add", "--code", "JY", "--name", "河清市教育局", "--abbr", "河教发"
    )
    assert refused.returncode == 1 and "无权执行" in refused.stderr
    without = normdesk("--db", server.clerk_url, "doc", "list")
    assert (without.returncode, without.stderr.strip()) == (1, "错误：" + _no_server_user())
    init = normdesk("--db", server.clerk_url, "init")  # reads no record, but connects
    assert (init.returncode, init.stderr.strip()) == (1, "错误：" + pg_session.NEEDS_LOGIN)
    database = open_database(server.owner_url)
    try:
        with database.reading() as s:
            logins = [
                e.actor for e in s.scalars(select(AuditEntry).where(AuditEntry.action == "login"))
            ]
            registered = s.scalar(
                select(Document).where(Document.title == "河清市登记员登记的办法")
            )
    finally:
        database.close()
    assert logins == ["reader", "clerk", "clerk"]
    assert registered is not None

    check_passwords_for(server.login(Role.CLERK))
    wrong = as_(Role.CLERK, "doc", "list", password="wrong2026")
    assert (wrong.returncode, wrong.stderr) == (1, f"错误：{users.REFUSED}\n")
    nobody = normdesk("--db", server.clerk_url, "--user", "nobody", "doc", "list", stdin="x\n")
    assert (nobody.returncode, nobody.stderr) == (1, f"错误：{users.REFUSED}\n")


def _no_server_user() -> str:
    from app.cli.login import NO_SERVER_USER

    return NO_SERVER_USER


def test_the_setup_command_asks_each_password_and_prints_what_to_configure(db_url: str):
    names = pg_roles.names_for(make_url(db_url).database)
    try:
        database = open_database(db_url)
        with database.transaction() as s:
            add_issuer(s)
            users.add_user(s, SYSTEM, "admin", "王管理", Role.ADMIN.value, "admin2026")
            users.add_user(s, SYSTEM, "reader", "赵只读", Role.READ_ONLY.value, "reader2026")
        database.close()
        result = normdesk("--db", db_url, "pg-roles", "setup", "--json", stdin="Admin2027\n\n")
        assert result.returncode == 0, result.stderr
        import json

        report = json.loads(result.stdout)
        assert report["logins"] == {"admin": names.login("admin"), "reader": names.login("reader")}
        assert report["without_password"] == ["reader"]
        assert report["pg_hba"].startswith(f"host {make_url(db_url).database} +{names.staff} ")
        assert "@" not in report["clerk_url"].split("//")[1].split("/")[0]
        check_passwords_for(names.login("admin"))
        signed = normdesk(
            "--db", report["clerk_url"], "--user", "admin", "doc", "list", stdin="Admin2027\n"
        )
        assert signed.returncode == 0, signed.stderr
        again = normdesk("--db", db_url, "pg-roles", "setup", "--no-passwords")
        assert again.returncode == 0, again.stderr
        clerk = normdesk("--db", report["clerk_url"], "--user", "admin", "pg-roles", "setup",
                         "--no-passwords", stdin="Admin2027\n")  # fmt: skip
        assert clerk.returncode == 1 and "所有者" in clerk.stderr
    finally:
        drop_pg_database(db_url)
        engine = create_engine(PG_SERVER, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            pg_roles.drop_all(conn, names)
        engine.dispose()


def test_the_command_line_role_matrix_holds_when_each_clerk_connects_as_their_login(
    server, tmp_path: Path
):
    """The command-line role matrix (tests/test_cli_login.py), every command run as the clerk's
    own login: what the role may do, the database lets it do; the rest the services refuse."""
    from tests import test_cli_login

    assert test_cli_login.NAMES == NAMES and test_cli_login.PASSWORDS == PASSWORDS
    # the matrix reads its results back as the administrator's login
    pg_session.sign_in(server.clerk_url, pg_session.ServerLogin(server.login(A), PASSWORDS[A]))
    test_cli_login.test_role_matrix_through_the_command_line_is_the_services_permission_table(
        server.clerk_url, tmp_path
    )


def test_the_window_asks_for_the_server_login_before_opening_anything(server, qtbot):
    from app.ui.login_dialog import ServerLoginDialog

    dialog = ServerLoginDialog(server.clerk_url)
    qtbot.addWidget(dialog)
    dialog.username.setText(NAMES[C])
    dialog.password.setText(PASSWORDS[C])
    dialog.log_in()
    assert dialog.actor == Actor(NAMES[C], C) and dialog.database is not None
    with dialog.database.reading() as s:
        assert s.execute(text("SELECT session_user")).scalar() == server.login(C)
    dialog.database.close()

    check_passwords_for(server.login(Role.READ_ONLY))
    again = ServerLoginDialog(server.clerk_url)
    qtbot.addWidget(again)
    again.username.setText(NAMES[Role.READ_ONLY])
    again.password.setText("wrong2026")
    again.log_in()
    assert (again.actor, again.database, again.message.text()) == (None, None, users.REFUSED)


def test_setup_refuses_a_weak_password_naming_the_user_and_changes_nothing(server):
    database = open_database(server.owner_url)
    try:
        with pytest.raises(UserError) as refused, database.transaction() as s:
            pg_roles.setup(s, {"clerk": "short"})
        assert refused.value.message == "用户 clerk 的密码：至少 8 位。"
        with database.reading() as s:
            count = s.scalar(select(func.count()).select_from(AuditEntry).where(
                AuditEntry.action == "pg_roles_setup"))  # fmt: skip
        assert count == 1  # the fixture's
    finally:
        database.close()


def test_a_clerk_who_changes_their_password_goes_on_working_with_the_new_one(server):
    check_passwords_for(server.login(C))
    database = server.open_as(C)
    me = Actor(NAMES[C], C)
    try:
        with database.transaction() as s:
            users.change_password(s, me, me.name, PASSWORDS[C], "Renewed2026")
        database.engine.dispose()  # every later connection is a new one
        with database.transaction() as s:
            _register(s, me)
    finally:
        database.close()
    with pytest.raises(psycopg.OperationalError):
        server.connect(server.login(C), PASSWORDS[C])
    server.connect(server.login(C), "Renewed2026").close()


def test_a_clerk_appends_audit_records_in_their_own_name_only(server):
    own = "INSERT INTO audit_log (at, actor, action, object_type, summary, prev_hash, hash) " \
          "VALUES (now(), %s, 'login', 'user', '', '', '')"  # fmt: skip
    with server.connect(server.login(C)) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="只能以本人名义"):
            conn.execute(own, (NAMES[A],))
        conn.execute(own, (NAMES[C],))  # (the chain check then names it: its hash is wrong)


@pytest.mark.parametrize("name", ["wang.li", "王力", "a" * 50, "王" * 20, "x-y_z.1"])
def test_the_server_derives_a_users_login_as_the_program_does(server, name):
    with server.connect(server.login(Role.READ_ONLY)) as conn:
        derived = conn.execute("SELECT normdesk_login_of(%s)", (name,)).fetchone()[0]
    assert derived == server.names.login(name)


def test_a_clerk_changes_no_password_but_their_own(server):
    change = "UPDATE app_user SET password_hash = 'x' WHERE username = %s"
    with server.connect(server.login(C)) as conn:
        assert conn.execute(change, (NAMES[A],)).rowcount == 0
        assert conn.execute(change, (NAMES[Role.READ_ONLY],)).rowcount == 0
        assert conn.execute(change, (NAMES[C],)).rowcount == 1
    with server.connect(server.login(A)) as conn:
        assert conn.execute(change, (NAMES[Role.READ_ONLY],)).rowcount == 1
