"""The full-text indexes of the documents' texts (document_text), kept in step by app/services/
texts.py in the same transaction.

SQLite: `text_fts`, an FTS5 trigram index over document_text.body (external content: the text
is stored once), serves terms of three characters or more and gives the snippets; `text_grams`,
a contentless index of every character and adjacent pair (as search_index does for titles),
serves one- and two-character terms. PostgreSQL: a trigram GIN index on the column (ILIKE)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.services.search_index import gram_token, has_fts

_FTS_INSERT = text("INSERT INTO text_fts (rowid, body) VALUES (:id, :body)")
_GRAMS_INSERT = text("INSERT INTO text_grams (rowid, grams) VALUES (:id, :grams)")


def text_grams(body: str) -> str:
    """Every character and every adjacent pair of the text, as tokens (spaces split pairs)."""
    tokens: set[str] = set()
    lowered = body.lower()
    for i, char in enumerate(lowered):
        if char.isspace():
            continue
        tokens.add(char)
        following = lowered[i + 1 : i + 2]
        if following and not following.isspace():
            tokens.add(char + following)
    return " ".join(sorted(gram_token(t) for t in tokens))


def add(s: Session, rows: Iterable[tuple[int, str]]) -> None:
    """Index new texts, given as (document_text id, body)."""
    if not has_fts(s):
        return
    pairs = list(rows)
    if pairs:
        s.execute(_FTS_INSERT, [{"id": row_id, "body": body} for row_id, body in pairs])
        s.execute(
            _GRAMS_INSERT, [{"id": row_id, "grams": text_grams(body)} for row_id, body in pairs]
        )


def index_all(s: Session, batch: int = 200) -> int:
    """Fill the (empty) indexes with every text: a copied or restored register."""
    if not has_fts(s):
        return 0
    count, last = 0, 0
    while True:
        rows = s.execute(
            text("SELECT id, body FROM document_text WHERE id > :last ORDER BY id LIMIT :n"),
            {"last": last, "n": batch},
        ).all()
        if not rows:
            return count
        add(s, [(r.id, r.body) for r in rows])
        count += len(rows)
        last = rows[-1].id
