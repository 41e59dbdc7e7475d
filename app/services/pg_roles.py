"""PostgreSQL enforces NormDesk's roles itself: one NOLOGIN group role per NormDesk role, with the
least privileges that role's services need, and one LOGIN role per NormDesk user, a member of
its role's group. A clerk's PC then connects as that clerk's own login (app/pg_session.py), so
psql on that PC can do no more than the program would let the clerk do.

Names are per database (roles are cluster-wide, so several NormDesk databases can share a
server): the groups are `<prefix>_staff` (what every clerk may: connect, read, append to the
audit log) and `<prefix>_admin|reviewer|clerk|reader`, each a member of `<prefix>_staff`; the
logins are `<prefix>_u_<NormDesk user name>`. `<prefix>` is the database name when it is a short
lower-case ASCII identifier, else `nd_` and a hash of it.

Logins are created and changed only through `normdesk_set_login`, a SECURITY DEFINER function
owned by the database owner (who needs CREATEROLE) and executable by the 管理员 group: it
touches only logins of this database and grants only its groups, and takes passwords only as
SCRAM verifiers computed on the clerk's PC, so no plain password reaches the server's logs.
The audit log takes only INSERTs from every group (and migration 0015's trigger refuses UPDATE,
DELETE and TRUNCATE to anyone); a clerk's login appends records in its own user's name only;
row security keeps a clerk's password change to their own row. Setting up (`setup`) and every
schema upgrade run as the owner."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import Connection, event, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from app import clock, pg_session
from app.errors import UserError
from app.services.permissions import Actor, Permission, Role, allowed
from app.services.vocabulary import AuditAction

if TYPE_CHECKING:
    from app.db import Database
    from app.services.users import Login

GROUP_KEYS: dict[Role, str] = {
    Role.ADMIN: "admin",
    Role.REVIEWER: "reviewer",
    Role.CLERK: "clerk",
    Role.READ_ONLY: "reader",
}
MAX_NAME = 63  # bytes: PostgreSQL's NAMEDATALEN - 1
_PLAIN_DATABASE = re.compile(r"[a-z][a-z0-9_]{0,29}")
SET_LOGIN = "normdesk_set_login"

# What each permission's services write, besides what every role may (below). Derived from the
# services and checked by running them as each role's login (tests/test_pg_roles.py).
WRITES: dict[Permission, dict[str, tuple[str, ...]]] = {
    Permission.MANAGE_ISSUERS: {"issuer": ("INSERT", "UPDATE"), "issuer_name": ("INSERT",)},
    Permission.REGISTER: {
        "document": ("INSERT", "UPDATE"),
        "number_allocation": ("INSERT", "UPDATE (document_id)"),  # voiding is not theirs
        "procedure_step": ("INSERT", "UPDATE"),
        "attachment": ("INSERT",),
        "document_link": ("INSERT",),
        "filing": ("INSERT", "UPDATE"),
        "filing_result": ("INSERT",),
        "objection": ("INSERT", "UPDATE"),
        "validity_evaluation": ("INSERT", "UPDATE"),
        "cleanup_batch": ("INSERT", "UPDATE", "DELETE"),
        "cleanup_item": ("INSERT", "UPDATE", "DELETE"),
        "document_text": ("INSERT",),
        "upper_law": ("INSERT", "UPDATE"),
        "legal_basis": ("INSERT", "UPDATE", "DELETE"),
        "upper_law_change": ("INSERT", "UPDATE"),
    },
    Permission.RECORD_STEPS: {
        "document": ("UPDATE",),
        "procedure_step": ("INSERT", "UPDATE"),
    },
    Permission.VOID_NUMBER: {
        "number_allocation": ("UPDATE (voided, void_reason, voided_on, voided_by)",),
        "document": ("UPDATE",),
    },
    Permission.REVIEW: {
        "review_case": ("INSERT", "UPDATE"),
        "review_check": ("INSERT", "UPDATE", "DELETE"),
        "review_pause": ("INSERT", "UPDATE"),
        "number_allocation": ("INSERT",),  # the opinion number
        "document": ("UPDATE",),
        "procedure_step": ("INSERT", "UPDATE"),  # the document's 合法性审核 step
    },
    Permission.SETTINGS: {
        "setting": ("INSERT", "UPDATE", "DELETE"),
        "calendar_day": ("INSERT", "UPDATE", "DELETE"),
        "calendar_year": ("INSERT", "UPDATE"),
    },
    Permission.MANAGE_USERS: {"app_user": ("INSERT", "UPDATE")},
    Permission.BACKUP: {},  # backup and restore work on SQLite files; the server is pg_dump's
}
EVERYONE_APPENDS = ("audit_log",)  # login, own password change: every role writes its record
OWN_PASSWORD_COLUMNS = ("password_hash", "password_changed_at")


@dataclass(frozen=True)
class Names:
    prefix: str

    @property
    def staff(self) -> str:
        return f"{self.prefix}_staff"

    def group(self, role: Role) -> str:
        return f"{self.prefix}_{GROUP_KEYS[role]}"

    def groups(self) -> list[str]:
        return [self.group(role) for role in Role]

    @property
    def login_prefix(self) -> str:
        return f"{self.prefix}_u_"

    def login(self, username: str) -> str:
        """The login of a NormDesk user: readable when it fits, else cut and told apart by a
        hash (any characters: PostgreSQL names are quoted wherever they are used)."""
        name = self.login_prefix + username
        if len(name.encode("utf-8")) <= MAX_NAME:
            return name
        digest = hashlib.sha256(username.encode("utf-8")).hexdigest()[:8]
        head = username
        while len(f"{self.login_prefix}{head}~{digest}".encode()) > MAX_NAME:
            head = head[:-1]
        return f"{self.login_prefix}{head}~{digest}"


def names_for(database: str) -> Names:
    if _PLAIN_DATABASE.fullmatch(database):
        return Names(database)
    return Names("nd_" + hashlib.sha256(database.encode("utf-8")).hexdigest()[:12])


def quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def table_privileges(role: Role) -> dict[str, set[str]]:
    """The writes `role`'s group is granted, table by table (reading: every role, by staff)."""
    found: dict[str, set[str]] = {}
    for permission in Permission:
        if allowed(Actor("", role), permission):
            for table, privileges in WRITES[permission].items():
                found.setdefault(table, set()).update(privileges)
    return found


def _ddl(conn: Connection, statement: str) -> None:
    """A statement without parameters (DDL takes none): its % signs are not placeholders."""
    conn.exec_driver_sql(statement.replace("%", "%%"))


def _is_postgresql(conn: Connection | Session) -> bool:
    bind = conn.get_bind() if isinstance(conn, Session) else conn
    return bind.dialect.name == "postgresql"


def names_of(conn: Connection | Session) -> Names:
    return names_for(conn.execute(text("SELECT current_database()")).scalar_one())


def enabled(s: Session | Connection) -> bool:
    """Whether this database has been set up for clerks' own logins."""
    if not _is_postgresql(s):
        return False
    found = s.execute(text("SELECT to_regproc(:f)"), {"f": f"public.{SET_LOGIN}"}).scalar()
    return found is not None


def may_upgrade(conn: Connection) -> bool:
    """The schema may be changed only by the role that owns it (the database owner, who ran the
    first start), or a superuser: never by a clerk's login."""
    return bool(
        conn.execute(
            text(
                "SELECT r.rolsuper OR pg_has_role(current_user, COALESCE("
                " (SELECT tableowner FROM pg_tables WHERE schemaname = 'public'"
                "  AND tablename = 'alembic_version'),"
                " (SELECT pg_get_userbyid(datdba) FROM pg_database"
                "  WHERE datname = current_database())), 'MEMBER')"
                " FROM pg_roles r WHERE r.rolname = current_user"
            )
        ).scalar()
    )


# ---- setting up (as the owner) -------------------------------------------------------------


def _tables(conn: Connection) -> list[str]:
    return list(
        conn.execute(
            text("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
        ).scalars()
    )


def _sequence(conn: Connection, table: str) -> str | None:
    """The sequence numbering the table's rows (a serial or identity column), if any."""
    return conn.execute(
        text(
            "SELECT pg_get_serial_sequence(format('public.%I', c.relname), a.attname)"
            " FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid"
            " WHERE c.relname = :t AND c.relnamespace = 'public'::regnamespace"
            " AND a.attnum > 0 AND NOT a.attisdropped"
            " AND pg_get_serial_sequence(format('public.%I', c.relname), a.attname) IS NOT NULL"
            " LIMIT 1"
        ),
        {"t": table},
    ).scalar()


def _role_exists(conn: Connection, name: str) -> bool:
    found = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).scalar()
    return found is not None


def _create_groups(conn: Connection, names: Names) -> None:
    if not _role_exists(conn, names.staff):
        _ddl(conn, f"CREATE ROLE {quoted(names.staff)} NOLOGIN")
    for group in names.groups():
        if not _role_exists(conn, group):
            _ddl(conn, f"CREATE ROLE {quoted(group)} NOLOGIN")
        _ddl(conn, f"GRANT {quoted(names.staff)} TO {quoted(group)}")


def grant(conn: Connection) -> None:
    """(Re)grant every group exactly its privileges on every table; run by `setup` and after
    every schema upgrade, so that a new table is readable and nothing more."""
    names = names_of(conn)
    database: str = conn.execute(text("SELECT current_database()")).scalar_one()
    staff = quoted(names.staff)
    groups = [quoted(g) for g in names.groups()]
    everyone = ", ".join([staff, *groups])
    # Only the owner and the clerks' groups connect; nobody else creates anything in it.
    _ddl(conn, f"REVOKE ALL ON DATABASE {quoted(database)} FROM PUBLIC")
    _ddl(conn, f"GRANT CONNECT ON DATABASE {quoted(database)} TO {staff}")
    _ddl(conn, "REVOKE CREATE ON SCHEMA public FROM PUBLIC")
    _ddl(conn, f"GRANT USAGE ON SCHEMA public TO {staff}")
    for table in _tables(conn):
        _ddl(conn, f"REVOKE ALL ON TABLE {quoted(table)} FROM {everyone}")
        _ddl(conn, f"GRANT SELECT ON TABLE {quoted(table)} TO {staff}")
        sequence = _sequence(conn, table)
        if sequence is not None:
            _ddl(conn, f"REVOKE ALL ON SEQUENCE {sequence} FROM {everyone}")
            if table in EVERYONE_APPENDS:
                _ddl(conn, f"GRANT USAGE ON SEQUENCE {sequence} TO {staff}")
    for table in EVERYONE_APPENDS:
        _ddl(conn, f"GRANT INSERT ON TABLE {quoted(table)} TO {staff}")
    columns = ", ".join(OWN_PASSWORD_COLUMNS)
    _ddl(conn, f"GRANT UPDATE ({columns}) ON TABLE app_user TO {staff}")
    for role in Role:
        group = quoted(names.group(role))
        for table, privileges in sorted(table_privileges(role).items()):
            _ddl(conn, f"GRANT {', '.join(sorted(privileges))} ON TABLE {quoted(table)} TO {group}")
            sequence = _sequence(conn, table)
            if "INSERT" in privileges and sequence is not None:
                _ddl(conn, f"GRANT USAGE ON SEQUENCE {sequence} TO {group}")
    _create_login_function(conn, names)
    _create_attribution_trigger(conn, names)
    _own_rows_only(conn, names)


def _own_rows_only(conn: Connection, names: Names) -> None:
    """Every clerk may change their own password, so their group may update its columns: row
    security keeps them to their own row (the administrators' to every row). The owner, who
    runs the migrations, is not subject to it."""
    admin = _literal(names.group(Role.ADMIN))
    _ddl(conn, "ALTER TABLE app_user ENABLE ROW LEVEL SECURITY")
    policies = {
        "normdesk_read": "FOR SELECT USING (true)",
        "normdesk_add": "FOR INSERT WITH CHECK (true)",  # the privilege is the administrators'
        "normdesk_change": (
            f"FOR UPDATE USING (pg_has_role(session_user, {admin}, 'MEMBER')"
            " OR public.normdesk_login_of(username) = session_user)"
        ),
    }
    for name, rule in policies.items():
        _ddl(conn, f"DROP POLICY IF EXISTS {name} ON app_user")
        _ddl(conn, f"CREATE POLICY {name} ON app_user {rule}")


def _create_attribution_trigger(conn: Connection, names: Names) -> None:
    """A clerk's login appends audit records in its own user's name only (a seal of the
    program's may name 系统): with psql, no clerk can write a record naming someone else."""
    prefix = _literal(names.login_prefix)
    _ddl(
        conn,
        f"""
        CREATE OR REPLACE FUNCTION public.normdesk_login_of(actor text) RETURNS text
        LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $fn$
        DECLARE
            digest text := left(encode(sha256(convert_to(actor, 'UTF8')), 'hex'), 8);
            head text := actor;
        BEGIN
            IF octet_length({prefix} || actor) <= {MAX_NAME} THEN
                RETURN {prefix} || actor;
            END IF;
            WHILE octet_length({prefix} || head || '~' || digest) > {MAX_NAME} LOOP
                head := left(head, -1);
            END LOOP;
            RETURN {prefix} || head || '~' || digest;
        END $fn$
        """,
    )
    _ddl(
        conn,
        f"""
        CREATE OR REPLACE FUNCTION public.normdesk_audit_attributed() RETURNS trigger
        LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $fn$
        BEGIN
            IF left(session_user, {len(names.login_prefix)}) = {prefix}
               AND public.normdesk_login_of(NEW.actor) <> session_user
               AND NOT (NEW.actor = '系统' AND NEW.action = 'seal') THEN
                RAISE EXCEPTION '审计记录只能以本人名义追加（登录名 %，记录署名 %）',
                    session_user, NEW.actor USING ERRCODE = 'insufficient_privilege';
            END IF;
            RETURN NEW;
        END $fn$
        """,
    )
    _ddl(conn, "DROP TRIGGER IF EXISTS audit_log_attributed ON audit_log")
    _ddl(
        conn,
        "CREATE TRIGGER audit_log_attributed BEFORE INSERT ON audit_log "
        "FOR EACH ROW EXECUTE FUNCTION public.normdesk_audit_attributed()",
    )


def _create_login_function(conn: Connection, names: Names) -> None:
    groups = "ARRAY[" + ", ".join(_literal(g) for g in names.groups()) + "]"
    _ddl(
        conn,
        f"""
        CREATE OR REPLACE FUNCTION public.{SET_LOGIN}(
            login text, grp text, secret text, can_login boolean) RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
        DECLARE
            groups text[] := {groups};
            g text;
        BEGIN
            IF grp IS NULL OR NOT (grp = ANY (groups)) THEN
                RAISE EXCEPTION '不是本数据库的角色组：%', grp USING ERRCODE = 'insufficient_privilege';
            END IF;
            IF left(login, {len(names.login_prefix)}) <> {_literal(names.login_prefix)} THEN
                RAISE EXCEPTION '不是本数据库的用户登录名：%', login
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            IF secret IS NOT NULL AND secret NOT LIKE 'SCRAM-SHA-256$%' THEN
                RAISE EXCEPTION '密码只接受 SCRAM 校验值' USING ERRCODE = 'invalid_parameter_value';
            END IF;
            IF EXISTS (SELECT FROM pg_roles WHERE rolname = login) THEN
                IF EXISTS (SELECT FROM pg_roles WHERE rolname = login
                           AND (rolsuper OR rolcreaterole OR rolcreatedb OR rolreplication
                                OR rolbypassrls))
                   OR NOT EXISTS (SELECT FROM pg_auth_members m
                                  JOIN pg_roles gr ON gr.oid = m.roleid
                                  JOIN pg_roles u ON u.oid = m.member
                                  WHERE u.rolname = login AND gr.rolname = ANY (groups)) THEN
                    RAISE EXCEPTION '登录名 % 不是由 NormDesk 为本数据库创建的', login
                        USING ERRCODE = 'insufficient_privilege';
                END IF;
                EXECUTE format('ALTER ROLE %I %s', login,
                               CASE WHEN can_login THEN 'LOGIN' ELSE 'NOLOGIN' END);
            ELSE
                EXECUTE format('CREATE ROLE %I %s', login,
                               CASE WHEN can_login THEN 'LOGIN' ELSE 'NOLOGIN' END);
            END IF;
            FOREACH g IN ARRAY groups LOOP
                IF g <> grp AND pg_has_role(login, g, 'MEMBER') THEN
                    EXECUTE format('REVOKE %I FROM %I', g, login);
                END IF;
            END LOOP;
            EXECUTE format('GRANT %I TO %I', grp, login);
            IF secret IS NOT NULL THEN
                EXECUTE format('ALTER ROLE %I PASSWORD %L', login, secret);
            END IF;
        END $fn$
        """,
    )
    signature = f"public.{SET_LOGIN}(text, text, text, boolean)"
    _ddl(conn, f"REVOKE ALL ON FUNCTION {signature} FROM PUBLIC")
    _ddl(conn, f"GRANT EXECUTE ON FUNCTION {signature} TO {quoted(names.group(Role.ADMIN))}")


@dataclass(frozen=True)
class SetupReport:
    prefix: str
    groups: list[str]
    logins: dict[str, str]  # NormDesk user -> login
    without_password: list[str]  # new logins without a password: no sign-in until one is set


def setup(s: Session, passwords: dict[str, str | None], actor: str = "系统") -> SetupReport:
    """Create the groups and grants and a login for every NormDesk user, in the caller's
    transaction; run as the owner. `passwords`: user name -> new password (None: keep the
    login's password, or none yet). Idempotent."""
    from app.models import User
    from app.services import audit, users

    conn = s.connection()
    if not _is_postgresql(conn):
        raise UserError("数据库角色只用于 PostgreSQL 服务器；SQLite 数据库文件由持有文件的人保管。")
    if not may_upgrade(conn):
        raise UserError(
            "设置数据库角色须使用数据库所有者的账户连接（含用户名和密码的数据库地址）。"
        )
    can_create = conn.execute(
        text("SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user")
    ).scalar()
    if not can_create:
        raise UserError(
            "数据库所有者没有创建角色的权限：请在服务器上以 postgres 超级用户执行 "
            "ALTER ROLE 所有者 CREATEROLE; 后再运行本命令。"
        )
    names = names_of(conn)
    _create_groups(conn, names)
    grant(conn)
    logins, missing = {}, []
    for user in s.scalars(select(User).order_by(User.username)):
        password = passwords.get(user.username)
        if password is not None:  # the NormDesk password stays the same as the login's
            try:
                users.check_password_rules(password)
            except UserError as exc:
                raise UserError(f"用户 {user.username} 的{exc.message}") from None
            user.password_hash = users.hash_password(password)
            user.password_changed_at = clock.now()
        login = names.login(user.username)
        if password is None and not _role_exists(conn, login):
            missing.append(user.username)
        set_login(s, user.username, Role(user.role), user.active, password)
        logins[user.username] = login
    reset = sum(1 for p in passwords.values() if p is not None)
    audit.record(
        s,
        actor,
        AuditAction.PG_ROLES_SETUP,
        audit.SETTINGS,
        summary=f"设置数据库角色（{names.prefix}）和 {len(logins)} 个用户登录名，重设 {reset} 个密码",
        new={"groups": [names.staff, *names.groups()], "logins": logins},
    )
    return SetupReport(names.prefix, [names.staff, *names.groups()], logins, missing)


# ---- signing in as a clerk's own login -----------------------------------------------------


def sign_in(url: str, username: str, password: str, where: str = "") -> tuple[Database, Login]:
    """Connect to the server at `url` (no user in it) as `username`'s login with `password`,
    which the server checks, and log in (audited). A refused login reads like a wrong password;
    nothing stays registered then. The caller closes the database."""
    from app.db import open_database
    from app.services import users

    login = names_for(pg_session.database_name(url)).login(username.strip())
    pg_session.sign_in(url, pg_session.ServerLogin(login, password))
    try:
        try:
            database = open_database(url)
        except OperationalError as exc:
            if pg_session.refused_login(exc):
                raise UserError(users.REFUSED) from None
            raise
        try:
            with database.transaction() as s:
                answer = users.authenticate_on_server(s, username, where)
        except BaseException:
            database.close()
            raise
    except BaseException:
        pg_session.sign_in(url, None)
        raise
    if answer.actor is None:
        database.close()
        pg_session.sign_in(url, None)
    return database, answer


def try_login(url: str, username: str, password: str) -> None:
    """测试连接: connect once to the server at `url` (no user in it) as `username`'s login and
    look that it holds a register this program opens. Raises UserError saying what is wrong.
    Nothing is written, audited or kept (no login registered, no failed attempt counted)."""
    import psycopg
    from sqlalchemy.engine import make_url

    from app.db import describe, head_revision, schema_revisions
    from app.failures import explain
    from app.services import users

    parsed = make_url(url)
    login = names_for(parsed.database or "").login(username.strip())
    try:
        with psycopg.connect(
            host=parsed.host,
            port=parsed.port or pg_session.DEFAULT_PORT,
            dbname=parsed.database,
            user=login,
            password=password,
            connect_timeout=pg_session.CONNECT_TIMEOUT,
            autocommit=True,
        ) as conn:
            stamped = conn.execute("SELECT to_regclass('alembic_version')").fetchone()
            row = (
                conn.execute("SELECT version_num FROM alembic_version").fetchone()
                if (stamped and stamped[0])
                else None
            )
    except psycopg.Error as exc:
        if pg_session.refused_login(exc):
            raise UserError(users.REFUSED) from None
        raise UserError(explain(exc) or f"无法连接到单位服务器：{exc}") from None
    revision = row[0] if row else None
    where = f"服务器上的数据库“{describe(url)}”"
    if revision is None:
        raise UserError(f"{where}还不是 NormDesk 数据库（尚未初始化），请管理员先设置好服务器。")
    if revision not in schema_revisions():
        raise UserError(
            f"{where}由更新版本的 NormDesk 创建（结构版本 {revision}），请先安装最新版本。"
        )
    if revision != head_revision():
        raise UserError(
            f"{where}需要由管理员升级（结构版本 {revision}，本程序需要 {head_revision()}）后"
            "才能使用。"
        )


# ---- user management (users.py calls these in its own transaction) -------------------------


def verifier(s: Session, login: str, password: str) -> str:
    """The SCRAM-SHA-256 verifier of `password` for `login`, computed here by libpq."""
    import psycopg

    raw = s.connection().connection.driver_connection
    if not isinstance(raw, psycopg.Connection):
        raise RuntimeError("password verifiers are computed by psycopg's libpq")
    secret = raw.pgconn.encrypt_password(
        password.encode("utf-8"), login.encode("utf-8"), b"scram-sha-256"
    )
    return secret.decode("ascii")


def set_login(s: Session, username: str, role: Role, active: bool, password: str | None) -> None:
    """Create or change `username`'s login: its group, whether it may connect, its password."""
    if not enabled(s):
        return
    names = names_of(s)
    login = names.login(username)
    secret = verifier(s, login, password) if password is not None else None
    s.execute(
        text(f"SELECT public.{SET_LOGIN}(:login, :grp, :secret, :can_login)"),
        {"login": login, "grp": names.group(role), "secret": secret, "can_login": active},
    )


def connected_as(s: Session, username: str) -> bool:
    """Whether this connection is `username`'s own login."""
    login = names_of(s).login(username)
    return bool(s.execute(text("SELECT session_user = :l"), {"l": login}).scalar())


def change_own_password(s: Session, username: str, password: str) -> bool:
    """A clerk connected as their own login changes its password themselves (any login may);
    False when this connection is not `username`'s login."""
    if not enabled(s) or not connected_as(s, username):
        return False
    login = names_of(s).login(username)
    secret = verifier(s, login, password)
    if not re.fullmatch(r"SCRAM-SHA-256\$[0-9]+:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=:]+", secret):
        raise RuntimeError("unexpected SCRAM verifier")
    _ddl(s.connection(), f"ALTER ROLE CURRENT_USER PASSWORD {_literal(secret)}")
    event.listen(
        s, "after_commit", lambda _s: pg_session.password_changed(login, password), once=True
    )
    return True


def drop_all(conn: Connection, names: Names) -> None:
    """Remove a database's groups and logins from the server, once the database is dropped."""
    logins: list[str] = list(
        conn.execute(
            text("SELECT rolname FROM pg_roles WHERE left(rolname, length(:p)) = :p"),
            {"p": names.login_prefix},
        ).scalars()
    )
    for name in [*logins, *names.groups(), names.staff]:
        _ddl(conn, f"DROP ROLE IF EXISTS {quoted(name)}")
