"""Who did it, as a person reads it: records keep the username that acted (the audit chain and
the stored rows are evidence and stay as written); what is shown or printed names the person."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import User


@dataclass(frozen=True)
class Names:
    """Usernames to people's names. A name no account has (a deleted user, 系统, the PC's own
    user before the office had users, a name typed on a form) reads as itself."""

    by_username: Mapping[str, str] = field(default_factory=dict)

    def __call__(self, username: str) -> str:
        return self.by_username.get(username, username) or username


def names(s: Session) -> Names:
    """Every account's name, in one query (an office has a handful of users)."""
    return Names({u: n for u, n in s.execute(select(User.username, User.display_name))})
