"""A row the user named by its id (a command-line argument, a stale list entry)."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from app.errors import UserError
from app.models import Base

M = TypeVar("M", bound=Base)


def get(s: Session, model: type[M], id_: int, noun: str) -> M:
    """The row, or a UserError naming it: “审核案件 3 不存在。”"""
    row = s.get(model, id_)
    if row is None:
        raise UserError(f"{noun} {id_} 不存在。")
    return row
