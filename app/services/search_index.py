"""Keeps the full-text indexes in step with the documents. Called by every service that changes a
document's searchable fields, in the same transaction.

SQLite FTS5 with the trigram tokenizer serves terms of three characters or more. A trigram index
holds nothing shorter, so one- and two-character terms use a second, contentless FTS5 table whose
tokens are every character and every pair of adjacent characters, written as hex so the tokenizer
keeps each one whole: "低保" is found as one token instead of by scanning every row."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.models import Document
from app.services import issuer_names

FTS_COLUMNS = ("title", "doc_number", "reg_number", "issuer", "keywords", "summary")


def has_fts(s: Session) -> bool:
    return s.get_bind().dialect.name == "sqlite"


def fts_values(doc: Document, issuer_name: str) -> dict[str, object]:
    return {
        "id": doc.id,
        "title": doc.title,
        "doc_number": doc.doc_number or "",
        "reg_number": doc.reg_number or "",
        "issuer": issuer_name,
        "keywords": doc.keywords,
        "summary": doc.summary,
    }


_INSERT_SQL = text(
    "INSERT INTO document_fts (rowid, title, doc_number, reg_number, issuer, keywords, summary) "
    "VALUES (:id, :title, :doc_number, :reg_number, :issuer, :keywords, :summary)"
)


_GRAMS_INSERT_SQL = text("INSERT INTO document_grams (rowid, grams) VALUES (:id, :grams)")
_GRAMS_DELETE_SQL = text(
    "INSERT INTO document_grams (document_grams, rowid, grams) VALUES ('delete', :id, :grams)"
)
_OLD_TEXT_SQL = text(
    "SELECT title, doc_number, reg_number, issuer, keywords, summary FROM document_fts WHERE rowid = :id"
)


def gram_token(piece: str) -> str:
    return piece.lower().encode("utf-8").hex()


def grams(values: dict[str, object]) -> str:
    """Every character and every adjacent pair within each searchable field, as tokens."""
    pieces: set[str] = set()
    for column in FTS_COLUMNS:
        field = str(values[column] or "").lower()
        pieces.update(field)
        pieces.update(field[i : i + 2] for i in range(len(field) - 1))
    # a piece with whitespace in it is never searched for (terms are split on whitespace)
    return " ".join(sorted(p.encode("utf-8").hex() for p in pieces if not _has_space(p)))


def _has_space(piece: str) -> bool:
    return piece.isspace() or (len(piece) == 2 and (piece[0].isspace() or piece[1].isspace()))


def reindex(s: Session, doc: Document) -> None:
    if not has_fts(s):
        return
    s.flush()
    unindex(s, doc.id)
    former = [n.name for n in issuer_names.former_names(s, doc.issuer_id)]
    add_many(s, [fts_values(doc, issuer_names.search_text(doc.issuer.name, former))])


def reindex_issuer(s: Session, issuer_id: int) -> None:
    """Index again every document of a renamed body under all its names."""
    if not has_fts(s):
        return
    s.flush()
    text_ = issuer_names.search_texts(s)[issuer_id]
    rows = (
        s.execute(
            text(
                "SELECT id, title, doc_number, reg_number, keywords, summary FROM document "
                "WHERE issuer_id = :issuer ORDER BY id"
            ),
            {"issuer": issuer_id},
        )
        .mappings()
        .all()
    )
    values: list[dict[str, object]] = []
    for r in rows:
        unindex(s, r["id"])
        values.append(
            dict(r)
            | {"doc_number": r["doc_number"] or "", "reg_number": r["reg_number"] or ""}
            | {"issuer": text_}
        )
    add_many(s, values)


def add_many(s: Session, values: list[dict[str, object]]) -> None:
    """Index new documents, given as `fts_values` dicts."""
    if has_fts(s) and values:
        s.execute(_INSERT_SQL, values)
        s.execute(_GRAMS_INSERT_SQL, [{"id": v["id"], "grams": grams(v)} for v in values])


def unindex(s: Session, doc_id: int) -> None:
    if not has_fts(s):
        return
    old = s.execute(_OLD_TEXT_SQL, {"id": doc_id}).mappings().first()
    if old is not None:  # a contentless index forgets a row only when told its old tokens
        s.execute(_GRAMS_DELETE_SQL, {"id": doc_id, "grams": grams(dict(old))})
    s.execute(text("DELETE FROM document_fts WHERE rowid = :id"), {"id": doc_id})


def index_all(s: Session, batch: int = 2000) -> int:
    """Fill the (empty) indexes with every document, in batches: a copied or restored register.
    Returns the number of documents indexed."""
    if not has_fts(s):
        return 0
    rows = s.execute(
        text(
            "SELECT d.id, d.title, d.doc_number, d.reg_number, d.issuer_id, d.keywords, "
            "d.summary FROM document d ORDER BY d.id"
        )
    ).mappings()
    names = issuer_names.search_texts(s)
    values = [
        {k: v for k, v in r.items() if k != "issuer_id"}
        | {"doc_number": r["doc_number"] or "", "reg_number": r["reg_number"] or ""}
        | {"issuer": names[r["issuer_id"]]}
        for r in rows
    ]
    for start in range(0, len(values), batch):
        add_many(s, values[start : start + batch])
    return len(values)
