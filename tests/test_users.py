from datetime import date, timedelta

import pytest

from app import clock
from app.errors import UserError
from app.services import registration, settings, users
from app.services.documents import DocumentInput
from app.services.permissions import SYSTEM, Role
from tests.factories import add_issuer


@pytest.fixture
def office(database):
    with database.transaction() as s:
        add_issuer(s)
        users.add_user(s, SYSTEM, "admin", "王管理", Role.ADMIN.value, "admin2026")
        users.add_user(s, SYSTEM, "reader", "赵只读", Role.READ_ONLY.value, "reader2026")
    return database


def login(database, username, password):
    with database.transaction() as s:
        return users.authenticate(s, username, password)


def test_passwords_are_stored_as_scrypt_hashes(office):
    with office.reading() as s:
        stored = {u.username: u.password_hash for u in users.list_users(s)}
    assert stored["admin"].startswith("scrypt$") and "admin2026" not in stored["admin"]
    assert users.verify_password("admin2026", stored["admin"]) and not users.verify_password(
        "admin2027", stored["admin"]
    )


def test_login_gives_the_users_role_and_wrong_password_is_refused(office):
    assert login(office, "reader", "reader2026").actor.role == Role.READ_ONLY
    assert login(office, "reader", "wrong-pass1").actor is None
    assert login(office, "nobody", "whatever1").message == "用户名或密码不正确。"


def test_repeated_failures_lock_the_account_for_a_while(office):
    for _ in range(5):
        assert login(office, "admin", "bad-pass1").message == users.REFUSED
    assert "锁定" in login(office, "admin", "admin2026").message  # even the right password now
    with office.transaction() as s:
        user = next(u for u in users.list_users(s) if u.username == "admin")
        user.locked_until = clock.now() - timedelta(minutes=1)
    assert login(office, "admin", "admin2026").actor is not None


@pytest.fixture
def scrypt_runs(monkeypatch) -> list[bytes]:
    """The passwords hashed with scrypt, in order (the time a login takes is these runs)."""
    runs: list[bytes] = []
    real = users.hashlib.scrypt

    def counted(password: bytes, **kwargs) -> bytes:
        runs.append(password)
        return real(password, **kwargs)

    monkeypatch.setattr(users.hashlib, "scrypt", counted)
    return runs


def test_an_unknown_name_reads_and_costs_the_same_as_a_wrong_password(office, scrypt_runs):
    unknown = login(office, "nobody", "whatever1")
    assert scrypt_runs == [b"whatever1"]
    wrong = login(office, "admin", "whatever1")
    assert scrypt_runs == [b"whatever1", b"whatever1"]
    assert unknown.message == wrong.message == "用户名或密码不正确。"
    assert unknown.actor is None and wrong.actor is None


def test_a_disabled_account_reads_and_costs_the_same_as_an_unknown_name(office, scrypt_runs):
    with office.transaction() as s:
        users.set_role(s, SYSTEM, "reader", Role.READ_ONLY.value, active=False)
    assert login(office, "reader", "reader2026").message == users.REFUSED
    assert scrypt_runs == [b"reader2026"]


def test_a_lockout_is_told_only_to_someone_who_knows_the_password(office, scrypt_runs):
    answers = [login(office, "admin", "bad-pass1").message for _ in range(5)]
    assert answers == [users.REFUSED] * 5  # the failure that locks reads like any other
    assert login(office, "admin", "bad-pass2").message == users.REFUSED  # locked, wrong password
    assert login(office, "nobody", "bad-pass2").message == users.REFUSED
    assert len(scrypt_runs) == 7
    assert "已被锁定" in login(office, "admin", "admin2026").message


def test_a_clerk_cannot_probe_names_through_a_password_change(office):
    reader = login(office, "reader", "reader2026").actor
    refusals = []
    for name in ("admin", "nobody"):
        with office.transaction() as s, pytest.raises(UserError) as refused:
            users.change_password(s, reader, name, None, "newpass2026")
        refusals.append(refused.value.message.replace(name, "?"))
    assert refusals[0] == refusals[1] and "无权" in refusals[0]


def test_read_only_user_cannot_change_anything_even_without_the_gui(office):
    reader = login(office, "reader", "reader2026").actor
    with office.transaction() as s, pytest.raises(UserError, match="无权"):
        registration.register_published(
            s, reader, DocumentInput("MZ", "标题", published=date(2026, 1, 1))
        )
    with office.transaction() as s, pytest.raises(UserError, match="无权"):
        settings.put(s, reader, "filing.department.days", 30)
    with office.transaction() as s, pytest.raises(UserError, match="无权"):
        users.add_user(s, reader, "x1", "某", Role.ADMIN.value, "abcd1234")


def test_password_change_needs_the_old_password_and_rules(office):
    reader = login(office, "reader", "reader2026").actor
    with office.transaction() as s:
        with pytest.raises(UserError, match="原密码不正确"):
            users.change_password(s, reader, "reader", "nope", "newpass2026")
        with pytest.raises(UserError, match="至少 8 位"):
            users.change_password(s, reader, "reader", "reader2026", "a1")
        users.change_password(s, reader, "reader", "reader2026", "newpass2026")
    assert login(office, "reader", "newpass2026").actor is not None


def test_the_last_administrator_cannot_be_demoted(office):
    with office.transaction() as s, pytest.raises(UserError, match="至少要保留一名"):
        users.set_role(s, SYSTEM, "admin", Role.CLERK.value)


def test_login_is_required_once_users_exist_unless_single_user_mode(database):
    with database.transaction() as s:
        assert users.session_actor(s) is not None
        users.add_user(s, SYSTEM, "admin", "王管理", Role.ADMIN.value, "admin2026")
        assert users.session_actor(s) is None
        settings.put(s, SYSTEM, "security.single_user", True)
        assert users.session_actor(s) is not None
