"""Once users exist the command line signs in as a NormDesk user (`--user NAME`, the password as
one line of standard input here) and the services check that user's role exactly as in the GUI.
Real `python -m app` processes throughout."""

from __future__ import annotations

import getpass
import json
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from app.cli.login import NO_USER, NO_USERS_YET
from app.db import open_database
from app.errors import UserError
from app.models import AuditEntry, Issuer, NumberAllocation, User
from app.services import settings, users
from app.services.permissions import SYSTEM, Actor, Permission, Role, allowed, require
from tests.conftest import on_postgresql
from tests.factories import add_issuer, register
from tests.test_cli import normdesk

DATA = Path(__file__).parent / "data"
NOTICE_2027 = str(DATA / "notice_2027_example.txt")
NAMES = {Role.ADMIN: "admin", Role.REVIEWER: "reviewer", Role.CLERK: "clerk", Role.READ_ONLY: "reader"}  # fmt: skip
PASSWORDS = {role: f"{NAMES[role]}Pass2026" for role in Role}


def actor(role: Role) -> Actor:
    return Actor(NAMES[role], role)


def as_user(db: str, role: Role, *args: str, stdin: str = ""):
    return normdesk("--db", db, "--user", NAMES[role], *args, stdin=f"{PASSWORDS[role]}\n{stdin}")


@pytest.fixture
def office(database, db_url: str) -> str:
    """Issuer MZ, documents MZGS-2026-001 to 004 and one user of each role; the URL."""
    with database.transaction() as s:
        add_issuer(s)
        for n in range(1, 5):
            register(s, title=f"河清市第{n}号管理办法")
        for role in Role:
            users.add_user(s, SYSTEM, NAMES[role], f"{role.value}甲", role.value, PASSWORDS[role])
    database.close()
    return db_url


def read(db_url: str, query):
    database = open_database(db_url)
    try:
        with database.reading() as s:
            return list(s.scalars(query))
    finally:
        database.close()


# --- the role matrix ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Command:
    label: str
    needs: Permission | None  # the permission its service requires; None: any signed-in user
    argv: Callable[[Role, int, Path], list[str]]
    stdin: str = ""
    alone: bool = False  # run after the others (reads every table: no writes meanwhile)


def _ledger(role: Role, _i: int, tmp: Path) -> list[str]:
    path = tmp / f"ledger-{NAMES[role]}.xlsx"
    wb = Workbook()
    wb.active.append(["文件名称", "发文字号", "公布日期", "制定机关"])
    wb.active.append([f"河清市{NAMES[role]}导入的办法", "", "2026-04-01", "河清市民政局"])
    wb.save(path)
    return ["import", str(path)]


ISSUERS = [("CZ", "河清市财政局", "河财发"), ("JY", "河清市教育局", "河教发"),
           ("WJ", "河清市卫生健康委员会", "河卫发"), ("JT", "河清市交通运输局", "河交发")]  # fmt: skip
COMMANDS = [
    Command("doc list", None, lambda r, i, t: ["doc", "list", "--json"]),
    Command("export", None, lambda r, i, t: ["export", str(t / f"{NAMES[r]}.xlsx")]),
    Command("check", None, lambda r, i, t: ["check"], alone=True),
    Command("issuer add", Permission.MANAGE_ISSUERS,
            lambda r, i, t: ["issuer", "add", "--code", ISSUERS[i][0], "--name", ISSUERS[i][1], "--abbr", ISSUERS[i][2]]),
    Command("doc add", Permission.REGISTER,
            lambda r, i, t: ["doc", "add", "--issuer", "MZ", "--title", f"河清市{NAMES[r]}登记的办法", "--published", "2026-05-06"]),
    Command("import", Permission.REGISTER, _ledger),
    Command("number void", Permission.VOID_NUMBER,
            lambda r, i, t: ["number", "void", f"MZGS-2026-00{i + 1}", "--reason", "登记错误"]),
    Command("user add", Permission.MANAGE_USERS,
            lambda r, i, t: ["user", "add", f"new.{NAMES[r]}", "--name", "新同事", "--role", "登记员"],
            stdin="Newcomer2026\n"),
    Command("calendar load-notice", Permission.SETTINGS, lambda r, i, t: ["calendar", "load-notice", NOTICE_2027]),
]  # fmt: skip
SQLITE_COMMANDS = [
    Command("backup", Permission.BACKUP, lambda r, i, t: ["backup", str(t / "backups")]),
]  # fmt: skip


def refusal(role: Role, permission: Permission) -> str:
    with pytest.raises(UserError) as refused:
        require(actor(role), permission)
    return refused.value.message


def test_role_matrix_through_the_command_line_is_the_services_permission_table(office, tmp_path):
    commands = COMMANDS + ([] if on_postgresql() else SQLITE_COMMANDS)
    runs = [(c, role, i) for c in commands for i, role in enumerate(Role)]

    def may(command: Command, role: Role) -> bool:
        return command.needs is None or allowed(actor(role), command.needs)

    def run(case):
        command, role, i = case
        return as_user(office, role, *command.argv(role, i, tmp_path), stdin=command.stdin)

    def alone(case) -> bool:
        return case[0].alone

    together = [r for r in runs if not alone(r)]
    with ThreadPoolExecutor(max_workers=4) as pool:  # about 0.7 s a process, most of it start-up
        results = dict(zip(together, pool.map(run, together), strict=True))
    results.update({r: run(r) for r in runs if alone(r)})

    wrong = []
    for command, role, i in runs:
        result = results[(command, role, i)]
        allowed_here = may(command, role)
        expected = (0, "") if allowed_here else (1, f"错误：{refusal(role, command.needs)}\n")
        got = (result.returncode, "" if allowed_here else result.stderr)
        if got != expected:
            wrong.append(f"{role.value} {command.label}: {got} != {expected} ({result.stderr})")
    assert not wrong, "\n".join(wrong)
    assert len(runs) == 4 * len(commands)

    # What was refused left nothing behind; what was allowed is there, in the user's name.
    def who_may(permission: Permission) -> set[str]:
        return {NAMES[r] for r in Role if allowed(actor(r), permission)}

    new_users = {u.username for u in read(office, select(User))} - set(NAMES.values())
    assert new_users == {f"new.{name}" for name in who_may(Permission.MANAGE_USERS)}
    codes = {i.code for i in read(office, select(Issuer))} - {"MZ"}
    assert codes == {ISSUERS[i][0] for i, r in enumerate(Role) if NAMES[r] in who_may(Permission.MANAGE_ISSUERS)}  # fmt: skip
    voided = read(office, select(NumberAllocation).where(NumberAllocation.voided_by != ""))
    assert {v.voided_by for v in voided} == who_may(Permission.VOID_NUMBER)
    entries = read(office, select(AuditEntry))
    added = {e.actor for e in entries if e.action == "register"} - {SYSTEM.name}
    assert added == who_may(Permission.REGISTER)
    assert {e.actor for e in entries if e.action == "login"} == set(NAMES.values())


# --- signing in --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "args",
    [["doc", "list"], ["doc", "add", "--issuer", "MZ", "--title", "河清市未登录的办法", "--published", "2026-05-06"],
     ["user", "add", "intruder", "--name", "某人", "--role", "管理员"], ["number", "void", "MZGS-2026-001", "--reason", "x"],
     ["check"], ["export", "out.xlsx"], ["restore", "no-such-backup.zip"]],
)  # fmt: skip
def test_without_user_every_register_command_exits_1_naming_the_option(office, args, tmp_path):
    result = normdesk("--db", office, *args, stdin="Intruder2026\n")
    assert (result.returncode, result.stderr) == (1, f"错误：{NO_USER}\n")
    assert "--user" in NO_USER
    assert [u.username for u in read(office, select(User).where(User.username == "intruder"))] == []
    assert read(office, select(NumberAllocation).where(NumberAllocation.voided_by != "")) == []


@pytest.mark.parametrize(
    "args", [["init"], ["calendar", "is-workday", "2026-10-08"], ["calendar", "workdays", "2026-09-30", "1"]]
)  # fmt: skip
def test_commands_that_touch_no_record_run_without_signing_in(office, args):
    result = normdesk("--db", office, *args)
    assert result.returncode == 0, result.stderr


def test_wrong_password_exits_1_counts_and_locks_like_the_gui(office):
    database = open_database(office)
    with database.transaction() as s:
        settings.put(s, SYSTEM, "security.max_failures", 3)
        limit = settings.get(s, "security.max_failures")
    database.close()
    unknown = normdesk("--db", office, "--user", "nobody", "doc", "list", stdin="whatever1\n")
    assert (unknown.returncode, unknown.stderr) == (1, f"错误：{users.REFUSED}\n")
    for attempt in range(1, limit + 1):
        wrong = normdesk("--db", office, "--user", "clerk", "doc", "list", stdin="wrong2026\n")
        assert (wrong.returncode, wrong.stderr) == (1, f"错误：{users.REFUSED}\n")
        assert wrong.stdout == ""
        clerk = read(office, select(User).where(User.username == "clerk"))[0]
        assert (clerk.failed_attempts, clerk.locked_until is not None) == (
            (attempt, False) if attempt < limit else (0, True)
        )
    locked = as_user(office, Role.CLERK, "doc", "list")
    assert locked.returncode == 1 and "已被锁定" in locked.stderr
    entries = read(office, select(AuditEntry).where(AuditEntry.action == "lockout"))
    assert [e.actor for e in entries] == ["clerk"]
    assert as_user(office, Role.READ_ONLY, "doc", "list").returncode == 0


def test_no_password_on_stdin_is_refused_without_counting_a_failure(office):
    result = normdesk("--db", office, "--user", "clerk", "doc", "list")
    assert result.returncode == 1 and "标准输入中没有这一行" in result.stderr
    assert read(office, select(User).where(User.username == "clerk"))[0].failed_attempts == 0


def test_the_audit_names_the_signed_in_user_not_the_pc_account(office):
    added = as_user(office, Role.CLERK, "doc", "add", "--issuer", "MZ", "--title", "河清市养老服务办法",
                    "--published", "2026-05-06", "--json")  # fmt: skip
    assert added.returncode == 0, added.stderr
    doc_id = json.loads(added.stdout)["id"]
    assert as_user(office, Role.READ_ONLY, "doc", "show", str(doc_id)).returncode == 0
    entries = read(office, select(AuditEntry).order_by(AuditEntry.id))
    created = [e for e in entries if e.object_type == "document" and e.object_id == doc_id]
    assert created and {e.actor for e in created} == {"clerk"}
    logins = [(e.actor, e.summary) for e in entries if e.action == "login"]
    assert logins == [("clerk", "登记员甲 登录（命令行：normdesk doc add）"),
                      ("reader", "只读甲 登录（命令行：normdesk doc show）")]  # fmt: skip
    assert getpass.getuser() not in {e.actor for e in entries}


def test_user_add_reads_the_signed_in_password_then_the_new_one(office):
    added = as_user(office, Role.ADMIN, "user", "add", "li.si", "--name", "李四", "--role", "只读",
                    stdin="Lisi2026pass\n")  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert normdesk("--db", office, "--user", "li.si", "doc", "list", stdin="Lisi2026pass\n").returncode == 0  # fmt: skip
    entry = read(office, select(AuditEntry).where(AuditEntry.action == "user_add"))[-1]
    assert (entry.actor, entry.summary) == ("admin", "添加用户 li.si（只读）")


def test_before_the_first_user_the_command_line_acts_as_the_pc_administrator(db_url):
    assert normdesk("--db", db_url, "issuer", "add", "--code", "MZ", "--name", "河清市民政局", "--abbr", "河民发").returncode == 0  # fmt: skip
    entries = read(db_url, select(AuditEntry).where(AuditEntry.object_type == "issuer"))
    assert [e.actor for e in entries] == [getpass.getuser()]
    extra = normdesk("--db", db_url, "--user", "admin", "doc", "list", stdin="admin2026x\n")
    assert (extra.returncode, extra.stderr) == (1, f"错误：{NO_USERS_YET}\n")


def test_single_user_mode_runs_without_signing_in_as_the_gui_starts_without_login(office):
    database = open_database(office)
    with database.transaction() as s:
        settings.put(s, SYSTEM, "security.single_user", True)
    database.close()
    assert normdesk("--db", office, "doc", "list").returncode == 0
    signed = as_user(office, Role.READ_ONLY, "number", "void", "MZGS-2026-001", "--reason", "x")
    assert (signed.returncode, signed.stderr) == (1, f"错误：{refusal(Role.READ_ONLY, Permission.VOID_NUMBER)}\n")  # fmt: skip


@pytest.mark.sqlite_only  # backup and restore are for a SQLite file
def test_restore_needs_an_administrator_unless_the_database_is_damaged(office, db_path, tmp_path):
    made = as_user(office, Role.ADMIN, "backup", str(tmp_path / "b"), "--json")
    assert made.returncode == 0, made.stderr
    zip_file = json.loads(made.stdout)["file"]
    refused = as_user(office, Role.CLERK, "restore", zip_file)
    assert (refused.returncode, refused.stderr) == (1, f"错误：{refusal(Role.CLERK, Permission.BACKUP)}\n")  # fmt: skip
    assert as_user(office, Role.ADMIN, "restore", zip_file).returncode == 0
    db_path.write_bytes(b"garbage" * 1000)  # nobody can sign in to it: the GUI offers this too
    rescued = normdesk("--db", office, "restore", zip_file)
    assert rescued.returncode == 0, rescued.stderr
    assert as_user(office, Role.ADMIN, "doc", "list").returncode == 0


@pytest.mark.sqlite_only  # a copy to a SQLite file beside the test's
def test_demo_and_migrate_db_need_the_rights_they_use(office, tmp_path):
    demo = as_user(office, Role.CLERK, "demo", "--docs", "3")
    assert (demo.returncode, demo.stderr) == (1, f"错误：{refusal(Role.CLERK, Permission.MANAGE_ISSUERS)}\n")  # fmt: skip
    copy = as_user(office, Role.REVIEWER, "migrate-db", "--to", str(tmp_path / "copy.db"))
    assert (copy.returncode, copy.stderr) == (1, f"错误：{refusal(Role.REVIEWER, Permission.BACKUP)}\n")  # fmt: skip
    assert not (tmp_path / "copy.db").exists()


@pytest.mark.sqlite_only  # damages the SQLite file itself
def test_signing_in_writes_nothing_into_a_damaged_file_which_restore_still_replaces(
    database, db_path
):
    from app.services import backup
    from app.services.demo import make_demo
    from tests.test_damaged_file_writes import _damage_a_middle_page, _digest

    with database.transaction() as s:
        make_demo(s, 300)
        users.add_user(s, SYSTEM, "admin", "王管理", Role.ADMIN.value, PASSWORDS[Role.ADMIN])
    database.close()
    made = backup.make_backup(db_path)
    _damage_a_middle_page(db_path, "document", 2048)
    before = _digest(db_path)
    for password in (PASSWORDS[Role.ADMIN], "wrong2026"):  # neither a login nor a failure written
        result = normdesk("--db", str(db_path), "--user", "admin", "doc", "list", stdin=f"{password}\n")  # fmt: skip
        assert result.returncode == 1 and "数据库文件已损坏，本命令未写入任何内容" in result.stderr
        assert _digest(db_path) == before
    rescued = normdesk("--db", str(db_path), "restore", str(made.path))
    assert rescued.returncode == 0, rescued.stderr
    assert as_user(f"sqlite:///{db_path}", Role.ADMIN, "check").returncode == 0
