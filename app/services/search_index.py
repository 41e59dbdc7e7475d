"""Keeps the full-text index in step with the documents (SQLite FTS5, trigram tokenizer).
Called by every service that changes a document's searchable fields, in the same transaction."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.models import Document

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


INSERT_SQL = text(
    "INSERT INTO document_fts (rowid, title, doc_number, reg_number, issuer, keywords, summary) "
    "VALUES (:id, :title, :doc_number, :reg_number, :issuer, :keywords, :summary)"
)


def reindex(s: Session, doc: Document) -> None:
    if not has_fts(s):
        return
    s.flush()
    s.execute(text("DELETE FROM document_fts WHERE rowid = :id"), {"id": doc.id})
    s.execute(INSERT_SQL, fts_values(doc, doc.issuer.name))


def unindex(s: Session, doc_id: int) -> None:
    if has_fts(s):
        s.execute(text("DELETE FROM document_fts WHERE rowid = :id"), {"id": doc_id})
