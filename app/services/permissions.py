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


def pc_administrator() -> Actor:
    """The person at this PC, as 管理员. Only for an office without users (or in single-user
    mode), where nobody can sign in: the callers that decide that say so explicitly."""
    try:
        name = getpass.getuser()
    except (KeyError, OSError):
        name = "本机用户"
    return Actor(name, Role.ADMIN)


NOT_SIGNED_IN = "尚未登录：请先以用户身份登录，再进行此操作。"


def signed_in(actor: Actor | None, refusal: str = NOT_SIGNED_IN) -> Actor:
    """Who acts; nobody signed in is refused, never quietly an administrator. The GUI's
    context, the command line and `require` all ask this."""
    if actor is None:
        raise UserError(refusal)
    return actor


def allowed(actor: Actor | None, permission: Permission) -> bool:
    """For the GUI, to grey out what the user may not do; the services still `require` it.
    Nobody signed in may do nothing."""
    return actor is not None and permission in _GRANTS[actor.role]


def require(actor: Actor | None, permission: Permission) -> None:
    actor = signed_in(actor)
    if not allowed(actor, permission):
        raise UserError(f"用户“{actor.name}”（{actor.role}）无权执行：{permission}。")
