"""The full-text indexes of the documents' current texts (document_text), kept in step by
app/services/texts.py in the same transaction.

SQLite: `text_fts`, an FTS5 trigram index, serves terms of three characters or more; `text_grams`,
an index of every character and adjacent pair (as search_index does for titles), serves one- and
two-character terms. Both are contentless (the text is stored once, in document_text) and hold
one row a document, under its id: its current texts (the newest of each kind) joined by a line
break. So a match names its document without reading document_text, and no older version is
there to be filtered out. Adding a text replaces the document's row; a contentless index forgets
a row only when given the text it indexed, which `current_texts` finds again in document_text,
whose rows never change. PostgreSQL: a trigram GIN index on the column (ILIKE)."""

from __future__ import annotations

import operator

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from app.models import DocumentText
from app.services.search_index import gram_token, has_fts

_FTS_INSERT = text("INSERT INTO text_fts (rowid, body) VALUES (:id, :body)")
_GRAMS_INSERT = text("INSERT INTO text_grams (rowid, grams) VALUES (:id, :grams)")
_FTS_DELETE = text("INSERT INTO text_fts (text_fts, rowid, body) VALUES ('delete', :id, :body)")
_GRAMS_DELETE = text(
    "INSERT INTO text_grams (text_grams, rowid, grams) VALUES ('delete', :id, :grams)"
)


def text_grams(body: str) -> str:
    """Every character and every adjacent pair of the text, as tokens (spaces split pairs)."""
    tokens: set[str] = set()
    for run in body.lower().split():
        tokens.update(run)
        tokens.update(map(operator.add, run, run[1:]))
    return " ".join(sorted(gram_token(t) for t in tokens))


def add(s: Session, row: DocumentText) -> None:
    """Index the document's texts again now that `row` (flushed) is one of them."""
    if not has_fts(s):
        return
    doc_id = row.document_id
    before = current_texts(s, [doc_id], older_than=row.id).get(doc_id)
    if before is not None:
        old = _joined(before)
        s.execute(_FTS_DELETE, {"id": doc_id, "body": old})
        s.execute(_GRAMS_DELETE, {"id": doc_id, "grams": text_grams(old)})
    _insert(s, {doc_id: (before or {}) | {row.kind: row.body}})


def current_texts(
    s: Session, doc_ids: list[int], older_than: int | None = None
) -> dict[int, dict[str, str]]:
    """The current texts of these documents, {document id: {kind: body}}: the newest of each kind
    (of those before `older_than`: what they were before that text was added)."""
    newest = select(func.max(DocumentText.id)).where(DocumentText.document_id.in_(doc_ids))
    if older_than is not None:
        newest = newest.where(DocumentText.id < older_than)
    rows = s.execute(
        select(DocumentText.document_id, DocumentText.kind, DocumentText.body).where(
            DocumentText.id.in_(newest.group_by(DocumentText.document_id, DocumentText.kind))
        )
    )
    found: dict[int, dict[str, str]] = {}
    for doc_id, kind, body in rows:
        found.setdefault(doc_id, {})[kind] = body
    return found


def _joined(texts: dict[str, str]) -> str:
    """A document's row in the indexes; a term never holds a line break, so none spans two."""
    return "\n".join(texts[kind] for kind in sorted(texts))


def _insert(s: Session, found: dict[int, dict[str, str]]) -> None:
    bodies = {doc_id: _joined(texts) for doc_id, texts in found.items()}
    if bodies:
        s.execute(_FTS_INSERT, [{"id": i, "body": b} for i, b in bodies.items()])
        s.execute(_GRAMS_INSERT, [{"id": i, "grams": text_grams(b)} for i, b in bodies.items()])


def index_all(s: Session, batch: int = 200) -> int:
    """Fill the (empty) indexes with every document's current texts: a copied or restored
    register. Returns the number of documents indexed."""
    if not has_fts(s):
        return 0
    count, last = 0, 0
    while True:
        ids = s.scalars(
            select(DocumentText.document_id)
            .where(DocumentText.document_id > last)
            .group_by(DocumentText.document_id)
            .order_by(DocumentText.document_id)
            .limit(batch)
        ).all()
        if not ids:
            return count
        _insert(s, current_texts(s, list(ids)))
        count += len(ids)
        last = ids[-1]
