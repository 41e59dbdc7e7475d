"""The demo office's own settings: the name printed in every header and the real-looking bodies
its documents are filed with, consistent with the demo city (河清市, in the fictitious 河川省)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.services import settings
from app.services.permissions import Actor

CITY = "河清市"
PROVINCE = "河川省"
OFFICE = f"{CITY}司法局"
SETTINGS = {
    "office.name": OFFICE,
    "filing.department.recipient": f"{CITY}人民政府",
    "filing.government.recipient": f"{PROVINCE}人民政府",
    "filing.congress.recipient": f"{CITY}人大常委会",
}
CLERKS = ("王晓燕", "陈立新", "刘婷")  # the office's clerks and legality reviewers
REVIEWERS = ("赵建国", "孙丽华")


def furnish(s: Session, actor: Actor) -> None:
    """Set each of the office's names still at its default (a name someone chose is kept),
    through the settings service so each change is audited."""
    for key, value in SETTINGS.items():
        if settings.get(s, key) == settings.RULES[key].default:
            settings.put(s, actor, key, value)


def clerk(n: int) -> str:
    return CLERKS[n % len(CLERKS)]
