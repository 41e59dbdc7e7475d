"""The bodies documents are filed with (备案机关), by their real names.

The settings ship with placeholders (本级人民政府, 上一级人民政府, 本级人大常委会) that say which body
is meant, not what it is called; a letter addressed to one is refused until the office names it.
Filings store the recipient's name, so renaming a recipient in the settings renames it on the
recorded filings in the same transaction (else filing.rule_for would refuse the old filings)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import UserError
from app.models import Document, Filing, Issuer
from app.services import audit
from app.services.permissions import Actor
from app.services.vocabulary import AuditAction

# setting -> (the issuer level whose documents go there, an example of a real name)
RECIPIENT_KEYS = {
    "filing.department.recipient": ("department", "河清市人民政府"),
    "filing.government.recipient": ("government", "江州市人民政府"),
    "filing.congress.recipient": ("government", "河清市人大常委会"),
}
PLACEHOLDERS = {
    "本级人民政府": "河清市人民政府",
    "上一级人民政府": "江州市人民政府",
    "本级人大常委会": "河清市人大常委会",
}
PLACEHOLDER_PREFIXES = ("本级", "上一级", "上级")


def is_placeholder(name: str) -> bool:
    """A name that says which body is meant instead of naming it."""
    name = name.strip()
    return name in PLACEHOLDERS or name.startswith(PLACEHOLDER_PREFIXES)


def example(key_or_name: str) -> str:
    """A real-looking name for a recipient setting or a placeholder, for messages and hints."""
    if key_or_name in RECIPIENT_KEYS:
        return RECIPIENT_KEYS[key_or_name][1]
    if key_or_name in PLACEHOLDERS:
        return PLACEHOLDERS[key_or_name]
    if key_or_name.startswith(("上一级", "上级")):
        return PLACEHOLDERS["上一级人民政府"]
    return PLACEHOLDERS["本级人大常委会" if "人大" in key_or_name else "本级人民政府"]


def require_real(name: str, letter: str) -> None:
    """Refuse a letter addressed to a placeholder, saying where the real name is set."""
    if is_placeholder(name):
        raise UserError(
            f"{letter}：备案机关仍为“{name}”，请在 设置 → 规则 中填写其全称"
            f"（如 {example(name)}）。",
            field="备案机关",
        )


def check_name(key: str, label: str, value: str, others: dict[str, str]) -> None:
    """A recipient setting's new value: a real name (the congress may be left empty: not
    filed there), not the name of another recipient setting (`others`: key -> value)."""
    value = value.strip()
    if not value:
        if key == "filing.congress.recipient":
            return
        raise UserError(f"{label}：请填写机关全称（如 {example(key)}）。", field=label)
    if is_placeholder(value):
        raise UserError(
            f"{label}：“{value}”不是机关全称，请填写全称（如 {example(key)}）。", field=label
        )
    if len(value) > 100:
        raise UserError(f"{label}：不能超过 100 个字。", field=label)
    for other_key, other in others.items():
        if other_key != key and other.strip() == value:
            raise UserError(f"{label}：“{value}”已是另一项备案机关，不能重复。", field=label)


def rename(s: Session, actor: Actor, key: str, old: str, new: str) -> int:
    """Rename `old` to `new` on the recorded filings of the documents that go there under
    `key` (the issuer level decides, as filing.doc_rules does); one audit record per filing.
    Returns how many were renamed."""
    old, new = old.strip(), new.strip()
    if not old or not new or old == new:
        return 0
    government = RECIPIENT_KEYS[key][0] == "government"
    matches = Issuer.level == "government" if government else Issuer.level != "government"
    filings = list(
        s.scalars(
            select(Filing)
            .join(Document, Filing.document_id == Document.id)
            .join(Issuer, Document.issuer_id == Issuer.id)
            .where(Filing.recipient == old, matches)
            .order_by(Filing.id)
        )
    )
    if not filings:
        return 0
    taken = set(
        s.scalars(
            select(Filing.document_id).where(
                Filing.recipient == new, Filing.document_id.in_([f.document_id for f in filings])
            )
        )
    )
    if taken:
        raise UserError(
            f"备案机关：已有 {len(taken)} 件文件同时记录了向“{old}”和“{new}”的备案，不能改名合并。",
            field="备案机关",
        )
    for f in filings:
        f.recipient = new
    s.flush()
    audit.record_many(
        s,
        actor,
        AuditAction.FILING_RECIPIENT,
        Filing,
        [
            audit.Change(
                f.id, f"备案机关“{old}”更名为“{new}”", {"recipient": old}, {"recipient": new}
            )
            for f in filings
        ],
    )
    return len(filings)
