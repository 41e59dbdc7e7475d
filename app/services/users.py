"""Users, roles and login. Passwords are hashed with scrypt (memory-hard); repeated failures lock
the account for a while. With no users yet, or in single-user mode, the PC's user acts as 管理员."""

from __future__ import annotations

import hashlib
import hmac
import os
import re
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import clock
from app.errors import UserError
from app.models import Issuer, User
from app.services import audit, fields, pg_roles, settings
from app.services.permissions import Actor, Permission, Role, pc_administrator, require
from app.services.vocabulary import AuditAction

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
_USERNAME = re.compile(r"^[A-Za-z0-9_.\-]{2,50}$")
REFUSED = "用户名或密码不正确。"
# Checked for a name with no (active) account, so that refusal costs the same scrypt run as a
# wrong password: the answer's timing does not tell which names exist. Matches no password.
_NOBODY_HASH = f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${'00' * 16}${'00' * 32}"


def hash_password(password: str, salt: bytes | None = None) -> str:
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32
    )
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        _, n, r, p, salt, digest = stored.split("$")
        candidate = hashlib.scrypt(
            password.encode("utf-8"),
            salt=bytes.fromhex(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=32,
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(candidate.hex(), digest)


def check_password_rules(password: str) -> None:
    if len(password) < 8:
        raise UserError("密码：至少 8 位。", field="密码")
    if not (re.search(r"[A-Za-z]", password) and re.search(r"\d", password)):
        raise UserError("密码：必须同时包含字母和数字。", field="密码")


def office_is_empty(s: Session) -> bool:
    """No issuers and no users: a new office, set up by the first-run wizard before any work.
    (Every document belongs to an issuer: no issuers, no documents.)"""
    return (
        s.scalar(select(User.id).limit(1)) is None and s.scalar(select(Issuer.id).limit(1)) is None
    )


def login_required(s: Session) -> bool:
    has_users = bool(s.scalar(select(func.count()).select_from(User).where(User.active.is_(True))))
    return has_users and not settings.get(s, "security.single_user")


def session_actor(s: Session) -> Actor | None:
    """Who works when nobody logs in: the PC's user as 管理员 (no users yet, or single-user mode)."""
    return None if login_required(s) else pc_administrator()


def _get(s: Session, username: str) -> User:
    user = s.scalar(select(User).where(User.username == username.strip()))
    if user is None:
        raise UserError(f"用户“{username}”不存在。")
    return user


def actor_of(user: User) -> Actor:
    return Actor(user.username, Role(user.role))


@dataclass(frozen=True)
class Login:
    actor: Actor | None
    message: str = ""


def authenticate(s: Session, username: str, password: str, where: str = "") -> Login:
    """登录; `where` tells the audit through what (the command line names its command). A
    refusal is returned, not raised, so the caller commits the failure count that the lockout
    depends on. Until the password is right every refusal reads the same and costs the
    same scrypt run, known name or not, locked or not: only someone who knows the password
    learns that the account exists and is locked."""
    user = s.scalar(select(User).where(User.username == username.strip()))
    now = clock.now()
    if user is None or not user.active:
        verify_password(password, _NOBODY_HASH)
        return Login(None, REFUSED)
    right = verify_password(password, user.password_hash)
    if user.locked_until and user.locked_until > now:
        if not right:
            return Login(None, REFUSED)
        return Login(
            None,
            f"该账户因多次输错密码已被锁定，请于 {user.locked_until:%H:%M} 后再试，或请管理员解锁。",
        )
    if not right:
        user.failed_attempts += 1
        if user.failed_attempts >= settings.get(s, "security.max_failures"):
            user.locked_until = now + timedelta(minutes=settings.get(s, "security.lockout_minutes"))
            user.failed_attempts = 0
            audit.record(
                s,
                user.username,
                AuditAction.LOCKOUT,
                user,
                summary=f"账户 {user.username} 因多次输错密码被锁定",
            )
        return Login(None, REFUSED)
    user.failed_attempts, user.locked_until = 0, None
    return _signed_in(s, user, where)


def _signed_in(s: Session, user: User, where: str) -> Login:
    audit.record(
        s, user.username, AuditAction.LOGIN, user, summary=f"{user.display_name} 登录{where}"
    )
    return Login(actor_of(user))


def authenticate_on_server(s: Session, username: str, where: str = "") -> Login:
    """登录 on a server where each clerk connects as their own login: the server has already
    checked the password (the connection `s` is that login's), so only the account's state is
    checked here, and the login audited."""
    user = s.scalar(select(User).where(User.username == username.strip()))
    if user is None or not user.active or not pg_roles.connected_as(s, user.username):
        return Login(None, REFUSED)
    if user.locked_until and user.locked_until > clock.now():
        return Login(
            None,
            f"该账户因多次输错密码已被锁定，请于 {user.locked_until:%H:%M} 后再试，或请管理员解锁。",
        )
    return _signed_in(s, user, where)


def add_user(
    s: Session, actor: Actor, username: str, display_name: str, role: str, password: str
) -> User:
    require(actor, Permission.MANAGE_USERS)
    username = username.strip()
    display_name = fields.text(display_name, "姓名", User.display_name)
    if not _USERNAME.match(username):
        raise UserError("用户名：2 至 50 位字母、数字、下划线、点或连字符。", field="用户名")
    if not display_name:
        raise UserError("姓名：不能为空。", field="姓名")
    if role not in {r.value for r in Role}:
        raise UserError(f"角色：应为{'、'.join(r.value for r in Role)}之一。", field="角色")
    check_password_rules(password)
    if s.scalar(select(User.id).where(User.username == username)):
        raise UserError(f"用户名“{username}”已存在。")
    now = clock.now()
    user = User(
        username=username,
        display_name=display_name,
        role=role,
        password_hash=hash_password(password),
        active=True,
        failed_attempts=0,
        created_at=now,
        password_changed_at=now,
    )
    s.add(user)
    s.flush()
    pg_roles.set_login(s, username, Role(role), True, password)
    audit.record(
        s,
        actor,
        AuditAction.USER_ADD,
        user,
        summary=f"添加用户 {username}（{role}）",
        new={"username": username, "display_name": display_name, "role": role},
    )
    return user


def _admins_left(s: Session, excluding: User) -> int:
    return (
        s.scalar(
            select(func.count())
            .select_from(User)
            .where(User.role == Role.ADMIN.value, User.active.is_(True), User.id != excluding.id)
        )
        or 0
    )


def set_role(s: Session, actor: Actor, username: str, role: str, active: bool = True) -> User:
    require(actor, Permission.MANAGE_USERS)
    user = _get(s, username)
    if role not in {r.value for r in Role}:
        raise UserError(f"角色：应为{'、'.join(r.value for r in Role)}之一。", field="角色")
    losing_admin = user.role == Role.ADMIN.value and (role != Role.ADMIN.value or not active)
    if losing_admin and not _admins_left(s, user):
        raise UserError("至少要保留一名启用的管理员。")
    old = {"role": user.role, "active": user.active}
    user.role, user.active = role, active
    pg_roles.set_login(s, user.username, Role(role), active, None)
    audit.record(
        s,
        actor,
        AuditAction.USER_ROLE,
        user,
        summary=f"修改用户 {username} 的角色或状态",
        old=old,
        new={"role": role, "active": active},
    )
    return user


def unlock(s: Session, actor: Actor, username: str) -> None:
    require(actor, Permission.MANAGE_USERS)
    user = _get(s, username)
    user.locked_until, user.failed_attempts = None, 0
    audit.record(s, actor, AuditAction.USER_UNLOCK, user, summary=f"解锁用户 {username}")


def change_password(s: Session, actor: Actor, username: str, old: str | None, new: str) -> None:
    """Users change their own password with the old one; an administrator resets anyone else's.
    The permission is checked before the name is looked up, so a clerk cannot probe names."""
    if actor.name != username.strip():
        require(actor, Permission.MANAGE_USERS)
    user = _get(s, username)
    if actor.name == user.username and (
        old is None or not verify_password(old, user.password_hash)
    ):
        raise UserError("原密码不正确。")
    check_password_rules(new)
    user.password_hash, user.password_changed_at = hash_password(new), clock.now()
    if not pg_roles.change_own_password(s, user.username, new):
        pg_roles.set_login(s, user.username, Role(user.role), user.active, new)
    audit.record(s, actor, AuditAction.PASSWORD, user, summary=f"修改用户 {username} 的密码")


def list_users(s: Session) -> list[User]:
    return list(s.scalars(select(User).order_by(User.username)))
