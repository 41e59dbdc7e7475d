"""A document's texts (文本动态化管理): the official text extracted from the file attached for it,
and for an amended document the consolidated current text (现行文本) of each date. Rows are
never changed or deleted: a newer row of a kind is the current text and the older ones are its
history, compared side by side (`compare`)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.errors import UserError
from app.models import Document, DocumentText
from app.services import attachments, audit, documents, text_extract, text_index
from app.services.permissions import Actor, Permission, require
from app.services.vocabulary import AuditAction, TextKind

MAX_CHARS = 2_000_000  # a text longer than this is not a normative document's
TYPED = "typed"  # DocumentText.fmt of a text typed or pasted in, with no file


@dataclass(frozen=True)
class TextVersion:
    id: int
    kind: TextKind
    as_of: date | None
    added_at: datetime
    added_by: str
    fmt: str
    pages: int | None
    scanned: bool
    chars: int
    file_name: str | None

    @property
    def label(self) -> str:
        """公布文本 / 现行文本（2026-05-01）, as the version list shows it."""
        when = f"（{self.as_of}）" if self.as_of else ""
        return f"{self.kind.label}{when}"


def add_file(
    s: Session,
    actor: Actor,
    doc_id: int,
    path: Path,
    kind: TextKind = TextKind.ORIGINAL,
    as_of: date | None = None,
) -> DocumentText:
    """Extract the text of `path` (.docx, .pdf, .ofd, .txt), keep the file as an attachment and
    the text as the document's current text of `kind`. A scan keeps its file with no text."""
    require(actor, Permission.REGISTER)
    doc = documents.get(s, doc_id)
    as_of = _checked_date(doc, kind, as_of)
    extracted = text_extract.extract(Path(path))  # refused here: nothing written yet
    attachment = attachments.add_attachment(s, actor, doc_id, Path(path))
    return _add(
        s,
        actor,
        doc,
        kind,
        as_of,
        extracted.text,
        fmt=str(extracted.fmt),
        pages=extracted.pages,
        scanned=extracted.scanned,
        attachment_id=attachment.id,
        file_name=attachment.original_name,
    )


def add_typed(
    s: Session, actor: Actor, doc_id: int, body: str, kind: TextKind, as_of: date | None = None
) -> DocumentText:
    """A text typed or pasted in (a 现行文本 compiled by the office, for instance)."""
    require(actor, Permission.REGISTER)
    doc = documents.get(s, doc_id)
    as_of = _checked_date(doc, kind, as_of)
    body = text_extract.normalise(body)
    if not body:
        raise UserError(f"{kind.label}：不能为空。", field=kind.label)
    return _add(s, actor, doc, kind, as_of, body, fmt=TYPED)


def _checked_date(doc: Document, kind: TextKind, as_of: date | None) -> date | None:
    if kind == TextKind.ORIGINAL:
        return None
    if as_of is None:
        raise UserError("现行文本日期：必须填写现行文本截至的日期。", field="现行文本日期")
    if doc.published is None:
        what = TextKind.CONSOLIDATED.label
        raise UserError(f"{what}：《{doc.title}》尚未公布，还没有{what}。", field=what)
    if as_of < doc.published:
        raise UserError(f"现行文本日期：不能早于公布日期 {doc.published}。", field="现行文本日期")
    return as_of


def _add(
    s: Session,
    actor: Actor,
    doc: Document,
    kind: TextKind,
    as_of: date | None,
    body: str,
    *,
    fmt: str,
    pages: int | None = None,
    scanned: bool = False,
    attachment_id: int | None = None,
    file_name: str | None = None,
) -> DocumentText:
    if len(body) > MAX_CHARS:
        raise UserError(
            f"{kind.label}：共 {len(body):,} 字，超过 {MAX_CHARS:,} 字的上限。", field=kind.label
        )
    row = DocumentText(
        document_id=doc.id,
        kind=kind,
        body=body,
        attachment_id=attachment_id,
        fmt=fmt,
        pages=pages,
        scanned=scanned,
        as_of=as_of,
        added_at=clock.now(),
        added_by=actor.name,
    )
    s.add(row)
    s.flush()
    text_index.add(s, row)
    what = f"{kind.label}（{as_of}）" if as_of else kind.label
    source = f"，来自 {file_name}" if file_name else ""
    size = "扫描件，无文字层" if scanned else f"{len(body):,} 字"
    audit.record(
        s,
        actor,
        AuditAction.TEXT_ADD,
        doc,
        summary=f"《{doc.title}》录入{what}（{size}{source}）",
        new={
            "text_id": row.id,
            "kind": str(kind),
            "as_of": as_of,
            "chars": len(body),
            "scanned": scanned,
            "file": file_name,
        },
    )
    return row


def current(s: Session, doc_id: int, kind: TextKind) -> DocumentText | None:
    return s.scalar(
        select(DocumentText)
        .where(DocumentText.document_id == doc_id, DocumentText.kind == kind)
        .order_by(DocumentText.id.desc())
        .limit(1)
    )


def in_force_text(s: Session, doc_id: int) -> DocumentText | None:
    """The text a reader should read today: the newest 现行文本, else the 公布文本."""
    return current(s, doc_id, TextKind.CONSOLIDATED) or current(s, doc_id, TextKind.ORIGINAL)


def versions(s: Session, doc_id: int) -> list[TextVersion]:
    """Every text of the document, oldest first."""
    rows = s.scalars(
        select(DocumentText).where(DocumentText.document_id == doc_id).order_by(DocumentText.id)
    )
    return [
        TextVersion(
            row.id,
            TextKind(row.kind),
            row.as_of,
            row.added_at,
            row.added_by,
            row.fmt,
            row.pages,
            row.scanned,
            len(row.body),
            row.attachment.original_name if row.attachment else None,
        )
        for row in rows
    ]


def body(s: Session, text_id: int) -> str:
    row = s.get(DocumentText, text_id)
    if row is None:
        raise UserError(f"文本：第 {text_id} 号文本不存在。", field="文本")
    return row.body


# --- side by side --------------------------------------------------------------------------------
class Change(StrEnum):
    SAME = "same"
    CHANGED = "changed"
    ADDED = "added"  # only on the right (the newer text)
    REMOVED = "removed"  # only on the left (the older text)


Marks = tuple[tuple[int, int], ...]  # (start, end) character ranges that differ


@dataclass(frozen=True)
class Row:
    left: str | None
    right: str | None
    change: Change
    left_marks: Marks = ()
    right_marks: Marks = ()


def compare(older: str, newer: str) -> list[Row]:
    """The two texts paragraph by paragraph, side by side: a changed paragraph is paired with the
    one it became and the characters that differ are marked on both sides."""
    left, right = older.split("\n"), newer.split("\n")
    rows: list[Row] = []
    matcher = difflib.SequenceMatcher(None, left, right, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            rows += [Row(line, line, Change.SAME) for line in left[i1:i2]]
        elif tag == "delete":
            rows += [Row(line, None, Change.REMOVED, ((0, len(line)),)) for line in left[i1:i2]]
        elif tag == "insert":
            rows += [Row(None, line, Change.ADDED, (), ((0, len(line)),)) for line in right[j1:j2]]
        else:
            rows += _paired(left[i1:i2], right[j1:j2])
    return rows


def _paired(old: list[str], new: list[str]) -> list[Row]:
    rows = []
    for k in range(max(len(old), len(new))):
        a = old[k] if k < len(old) else None
        b = new[k] if k < len(new) else None
        if a is None:
            rows.append(Row(None, b, Change.ADDED, (), ((0, len(b or "")),)))
        elif b is None:
            rows.append(Row(a, None, Change.REMOVED, ((0, len(a)),)))
        else:
            rows.append(Row(a, b, Change.CHANGED, *_marks(a, b)))
    return rows


def _marks(a: str, b: str) -> tuple[Marks, Marks]:
    left: list[tuple[int, int]] = []
    right: list[tuple[int, int]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if i2 > i1:
            left.append((i1, i2))
        if j2 > j1:
            right.append((j1, j2))
    return tuple(left), tuple(right)


# --- search hits ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Snippet:
    """A short stretch of a text around its first hit, with every term marked in it."""

    text: str
    marks: Marks
    kind: TextKind

    def marked(self, before: str = "【", after: str = "】") -> str:
        out, at = [], 0
        for start, end in self.marks:
            out += [self.text[at:start], before, self.text[start:end], after]
            at = end
        out.append(self.text[at:])
        return "".join(out)


def snippet(body: str, terms: list[str], kind: TextKind, width: int = 60) -> Snippet | None:
    """About `width` characters of `body` around the first place any term occurs (ignoring
    case), on one line, with "…" where it was cut; None when no term occurs."""
    # lowering a whole text takes longer than searching it: only for terms with a case to ignore
    lowered = body.lower() if any(t.lower() != t.upper() for t in terms) else body
    found = [(lowered.find(t.lower()), t) for t in terms if t]
    found = [(at, t) for at, t in found if at >= 0]
    if not found:
        return None
    first, term = min(found)
    start = max(0, first - (width - len(term)) // 2)
    end = min(len(body), start + width)
    start = max(0, min(start, end - width))
    window = body[start:end].replace("\n", " ")
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(body) else ""
    low = window.lower()
    spans: list[tuple[int, int]] = []
    for t in terms:
        at = low.find(t.lower())
        while t and at >= 0:
            spans.append((at + len(prefix), at + len(prefix) + len(t)))
            at = low.find(t.lower(), at + len(t))
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return Snippet(prefix + window + suffix, tuple(merged), kind)


def snippets(s: Session, doc_ids: list[int], query: str) -> dict[int, Snippet]:
    """For each document whose current text holds a term of `query`, its snippet (the 现行文本
    before the 公布文本)."""
    terms = list(dict.fromkeys(query.split()))
    if not terms or not doc_ids:
        return {}
    found: dict[int, Snippet] = {}
    for doc_id, current in text_index.current_texts(s, doc_ids).items():
        for kind in (TextKind.CONSOLIDATED, TextKind.ORIGINAL):
            hit = snippet(current[kind], terms, kind) if kind in current else None
            if hit is not None:
                found[doc_id] = hit
                break
    return found
