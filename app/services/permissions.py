"""Who may do what. Checked in every mutating service call, whatever the caller is."""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from enum import StrEnum

from app.errors import UserError


class Role(StrEnum):
    ADMIN = "管理员"
    REVIEWER = "法制审核员"
    CLERK = "登记员"
    READ_ONLY = "只读"


class Permission(StrEnum):
    MANAGE_ISSUERS = "管理制定机关"
    REGISTER = "登记和编辑文件"
    RECORD_STEPS = "记录办理环节"
    VOID_NUMBER = "作废登记编号"
    REVIEW = "合法性审核"
    SETTINGS = "修改设置"
    MANAGE_USERS = "管理用户"
    BACKUP = "备份与恢复"


_GRANTS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(Permission),
    Role.REVIEWER: frozenset({Permission.REGISTER, Permission.RECORD_STEPS, Permission.REVIEW}),
    Role.CLERK: frozenset({Permission.REGISTER, Permission.RECORD_STEPS}),
    Role.READ_ONLY: frozenset(),
}


@dataclass(frozen=True)
class Actor:
    name: str
    role: Role = Role.ADMIN


SYSTEM = Actor("系统", Role.ADMIN)


_signed_in: Actor | None = None


def sign_in(actor: Actor | None) -> None:
    """Who works in this program from now on (the GUI after login); None signs out."""
    global _signed_in
    _signed_in = actor


def local_actor() -> Actor:
    """Who is working here: the user who logged in (in the window, or with the command line's
    --user), else the person at this PC as 管理员 (no users yet, or single-user mode)."""
    if _signed_in is not None:
        return _signed_in
    try:
        name = getpass.getuser()
    except (KeyError, OSError):
        name = "本机用户"
    return Actor(name, Role.ADMIN)


def allowed(actor: Actor, permission: Permission) -> bool:
    """For the GUI, to grey out what the user may not do; the services still `require` it."""
    return permission in _GRANTS[actor.role]


def require(actor: Actor, permission: Permission) -> None:
    if not allowed(actor, permission):
        raise UserError(f"用户“{actor.name}”（{actor.role}）无权执行：{permission}。")
