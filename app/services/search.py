"""The register's query service: filter, full-text search and sort in SQL, then load rows by id.

A table view asks `find_ids` once and `load_rows` for each page it shows; the CLI and reports use
`search_rows`. On SQLite, terms of three characters or more go through the FTS5 trigram index,
shorter ones through the character-pair index (search_index.py). On PostgreSQL a term is looked
for in the register's searched fields joined and lower-cased (`nd_search_text`): by LIKE through a
trigram index for 3+ characters, as an element of its characters and pairs (`nd_grams`) for
shorter ones (migration 0022).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVarTuple

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    and_,
    any_,
    bindparam,
    case,
    column,
    exists,
    func,
    literal_column,
    or_,
    select,
    table,
    union_all,
)
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import QueryableAttribute, Session, aliased

from app import clock
from app.errors import UserError
from app.models import Document, DocumentText, Issuer, IssuerName
from app.services import lifecycle, search_index


@dataclass(frozen=True)
class DocumentQuery:
    text: str = ""
    statuses: tuple[str, ...] = ()  # status codes from lifecycle.STATUS_LABELS
    issuer_ids: tuple[int, ...] = ()
    year: int | None = None  # publication year
    important: bool | None = None
    public_facing: bool | None = None
    market_related: bool | None = None
    business_related: bool | None = None
    order_by: str = "published"  # a key of SORT_COLUMNS
    descending: bool = True
    on: date | None = None  # the day whose statuses count; None: today
    in_texts: bool = False  # 标题和正文: a term may match in a document's current text too

    @property
    def day(self) -> date:
        return self.on or clock.today()


@dataclass(frozen=True)
class RegisterRow:
    id: int
    reg_number: str
    doc_number: str
    title: str
    issuer_code: str
    issuer_name: str
    drafting_unit: str
    published: date | None
    effective: date | None
    valid_until: date | None
    status: str  # on the query's day
    status_label: str
    scheduled: lifecycle.Scheduled | None = None  # a retirement recorded for a later day

    @property
    def status_cell(self) -> str:
        """The status as the register's column shows it: 有效（将废止） when one is scheduled."""
        if self.scheduled is None:
            return self.status_label
        return f"{self.status_label}（将{lifecycle.status_label(self.scheduled.status)}）"


def _status_order(day: date) -> ColumnElement[int]:
    """Statuses on `day` sort in the order of a document's life, not by their codes."""
    return case(
        {code: n for n, code in enumerate(lifecycle.STATUS_LABELS)},
        value=lifecycle.status_column(day),
        else_=len(lifecycle.STATUS_LABELS),
    )


SORT_COLUMNS: dict[str, QueryableAttribute[Any] | None] = {
    "reg_number": Document.reg_number,
    "doc_number": Document.doc_number,
    "title": Document.title,
    "issuer": Issuer.name,
    "published": Document.published,
    "effective": Document.effective,
    "valid_until": Document.valid_until,
    "status": None,  # _status_order(the query's day)
    "drafting_unit": Document.drafting_unit,
}

_Columns = TypeVarTuple("_Columns")
_FLAGS = ("important", "public_facing", "market_related", "business_related")
_FTS = table("document_fts", column("rowid"))
_GRAMS = table("document_grams", column("rowid"))
_TEXT_FTS = table("text_fts", column("rowid"))
_TEXT_GRAMS = table("text_grams", column("rowid"))
_WALKED_ORDER = "published"  # has an index of its own (see _text_conditions)
_FTS_MIN_CHARS = 3  # the trigram tokenizer indexes nothing shorter
_PAGE = 500  # ids per IN list, well below any database's bound-parameter limit


def find_ids(s: Session, q: DocumentQuery, limit: int | None = None) -> list[int]:
    """Every matching document id (or the first `limit`), in the query's order (ties: newest id
    first)."""
    stmt = select(Document.id)
    if q.order_by == "issuer":
        stmt = stmt.join(Issuer, Document.issuer_id == Issuer.id)
    walk = limit is not None and q.order_by == _WALKED_ORDER
    with s.connection().execute(_ordered(s, stmt, q, walk).limit(limit)) as result:
        return [r[0] for r in result.cursor.fetchall()]  # 100,000 ids: no Row objects


def count_ids(s: Session, q: DocumentQuery) -> int:
    """How many documents match, without reading their ids."""
    stmt = select(func.count()).select_from(Document)
    conditions = _filters(q) + _text_conditions(s, q.text, q.in_texts)
    if conditions:  # no WHERE at all lets SQLite count the smallest index instead of the table
        stmt = stmt.where(and_(*conditions))
    return s.scalar(stmt) or 0


def register_is_empty(s: Session) -> bool:
    """No document at all, whatever a query filters: the office has yet to begin."""
    return s.scalar(select(Document.id).limit(1)) is None


def load_rows(s: Session, ids: Sequence[int], on: date | None = None) -> list[RegisterRow]:
    """The rows of these ids, in the given order, with their statuses on `on` (today by
    default); ids no longer in the register are skipped."""
    day = on or clock.today()
    found: dict[int, RegisterRow] = {}
    on_postgresql = s.get_bind().dialect.name == "postgresql"
    for start in range(0, len(ids), _PAGE):
        page = ids[start : start + _PAGE]
        for r in s.connection().execute(_row_select().where(_among(page, on_postgresql))):
            found[r.id] = _row(r, day)
    return [found[i] for i in ids if i in found]


def _among(ids: Sequence[int], on_postgresql: bool) -> ColumnElement[bool]:
    """On PostgreSQL one array parameter rather than one parameter an id: the statement's text
    stays the same for every page, so the driver and the server reuse its parse and plan."""
    if on_postgresql:
        return Document.id == any_(bindparam("ids", list(ids), type_=postgresql.ARRAY(Integer)))
    return Document.id.in_(ids)


def search_rows(
    s: Session, q: DocumentQuery, limit: int | None = None, offset: int = 0
) -> list[RegisterRow]:
    """One page (or all) of the matching rows, in the query's order."""
    stmt = _ordered(s, _row_select(), q).limit(limit).offset(offset)
    day = q.day
    return [_row(r, day) for r in s.connection().execute(stmt)]


def _row_select() -> Select[*tuple[Any, ...]]:
    return select(
        Document.id,
        Document.reg_number,
        Document.doc_number,
        Document.title,
        Issuer.code,
        Issuer.name,
        Document.drafting_unit,
        Document.published,
        Document.effective,
        Document.valid_until,
        Document.status,
        Document.status_changed,
    ).join(Issuer, Document.issuer_id == Issuer.id)


def _row(r: Any, day: date) -> RegisterRow:
    status = lifecycle.status_of(r, day)
    ahead = lifecycle.scheduled(r.status, r.status_changed, r.valid_until, day)
    return RegisterRow(
        id=r.id,
        reg_number=r.reg_number or "",
        doc_number=r.doc_number or "",
        title=r.title,
        issuer_code=r.code,
        issuer_name=r.name,
        drafting_unit=r.drafting_unit,
        published=r.published,
        effective=r.effective,
        valid_until=r.valid_until,
        status=status,
        status_label=lifecycle.status_label(status),
        scheduled=ahead,
    )


def _ordered(
    s: Session, stmt: Select[*_Columns], q: DocumentQuery, walk: bool = False
) -> Select[*_Columns]:
    if q.order_by not in SORT_COLUMNS:
        raise UserError(f"无法按“{q.order_by}”排序：可选 {'、'.join(SORT_COLUMNS)}。")
    column = SORT_COLUMNS[q.order_by]
    key = _status_order(q.day) if column is None else column
    conditions = _filters(q) + _text_conditions(s, q.text, q.in_texts, walk)
    if conditions:
        stmt = stmt.where(and_(*conditions))
    # Empty values (a draft's publication date) at the bottom newest first and at the top oldest
    # first, on PostgreSQL as on SQLite (whose NULL is the smallest value; PostgreSQL's the largest)
    if q.descending:
        return stmt.order_by(key.desc().nulls_last(), Document.id.desc())
    return stmt.order_by(key.asc().nulls_first(), Document.id.desc())


def _filters(q: DocumentQuery) -> list[ColumnElement[bool]]:
    found: list[ColumnElement[bool]] = []
    if q.statuses:
        found.append(lifecycle.status_clause(q.statuses, q.day))
    if q.issuer_ids:
        found.append(Document.issuer_id.in_(q.issuer_ids))
    if q.year is not None:
        found.append(Document.published.between(date(q.year, 1, 1), date(q.year, 12, 31)))
    for flag in _FLAGS:
        wanted = getattr(q, flag)
        if wanted is not None:
            found.append(getattr(Document, flag).is_(wanted))
    return found


def _text_conditions(
    s: Session, text: str, in_texts: bool = False, walk: bool = False
) -> list[ColumnElement[bool]]:
    """Every term must match: long terms through the trigram index, short ones through the
    character-pair index (search_index.py); without FTS (PostgreSQL), every term by ILIKE. With
    `in_texts`, a term may match in the document's current texts instead (text_index.py).

    `walk`: the first rows in publication order are wanted. A term of the texts may match every
    document, and SQLite cannot know how many: looking each match up and sorting them all cost
    ~1 µs a match, where walking the publication-date index and stopping at the limit costs
    ~0.1 µs a document. `id + 0` keeps SQLite from the lookups."""
    terms = list(dict.fromkeys(text.split()))
    if not terms:
        return []
    if not search_index.has_fts(s):
        if not in_texts:
            return [_pg_term(s, Document, t) for t in terms]
        return [or_(_pg_term(s, Document, t), Document.id.in_(_text_like_ids(s, t))) for t in terms]
    if not in_texts:
        long_terms = [t for t in terms if len(t) >= _FTS_MIN_CHARS]
        short_terms = [t for t in terms if len(t) < _FTS_MIN_CHARS]
        conditions: list[ColumnElement[bool]] = []
        if long_terms:
            conditions.append(Document.id.in_(_title_ids(long_terms)))
        if short_terms:
            conditions.append(Document.id.in_(_title_ids(short_terms)))
        return conditions
    key = Document.id + 0 if walk else Document.id
    return [key.in_(union_all(_title_ids([t]), _text_ids([t]))) for t in terms]


def _title_ids(terms: list[str]) -> Select[Any]:
    """Documents whose register fields hold every term (all long, or all short)."""
    if len(terms[0]) >= _FTS_MIN_CHARS:
        match = " AND ".join(_fts_phrase(t) for t in terms)
        return select(_FTS.c.rowid).where(literal_column("document_fts").op("MATCH")(match))
    match = " AND ".join(_fts_phrase(search_index.gram_token(t)) for t in terms)
    return select(_GRAMS.c.rowid).where(literal_column("document_grams").op("MATCH")(match))


def _text_ids(terms: list[str]) -> Select[Any]:
    """Documents whose current texts hold every term (all long, or all short): the indexes hold
    only those, under the document's id (text_index.py)."""
    if len(terms[0]) >= _FTS_MIN_CHARS:
        match = " AND ".join(_fts_phrase(t) for t in terms)
        return select(_TEXT_FTS.c.rowid).where(literal_column("text_fts").op("MATCH")(match))
    match = " AND ".join(_fts_phrase(search_index.gram_token(t)) for t in terms)
    return select(_TEXT_GRAMS.c.rowid).where(literal_column("text_grams").op("MATCH")(match))


def _text_like_ids(s: Session, term: str) -> Select[Any]:
    """Documents whose current text holds the term. "No newer text of its kind" is asked of each
    text that holds it (an index lookup), rather than joining every document's current ids: the
    planner cannot tell how many texts a pattern matches, and guessing one it looped over all of
    them for each."""
    found = (
        DocumentText.body.icontains(term, autoescape=True)
        if s.get_bind().dialect.name == "postgresql"
        else DocumentText.body.contains(term, autoescape=True)
    )
    newer = aliased(DocumentText)
    replaced = exists().where(
        newer.document_id == DocumentText.document_id,
        newer.kind == DocumentText.kind,
        newer.id > DocumentText.id,
    )
    return select(DocumentText.document_id).where(found, ~replaced)


def _like_pattern(term: str) -> str:
    escaped = term.replace("/", "//").replace("%", "/%").replace("_", "/_")
    return f"%{escaped}%"


def _fts_phrase(term: str) -> str:
    """The term as one FTS5 string: no operator, bracket or quote inside can change the query."""
    return '"' + term.replace('"', '""') + '"'


def _pg_term(s: Session, d: Any, term: str) -> ColumnElement[bool]:
    """The term in a document's searched fields or its issuer's names (PostgreSQL). The
    expressions must read as migration 0022's indexes do, or the server scans every row. The few
    matching issuers are looked up first: `issuer_id IN (1, 2)` joins the trigram index in one
    bitmap scan, where a subquery inside the OR would force a scan of every row."""
    haystack = func.nd_search_text(d.title, d.doc_number, d.reg_number, d.keywords, d.summary)
    if len(term) < _FTS_MIN_CHARS:
        found = [func.nd_grams(func.lower(haystack)).op("@>")(postgresql.array([func.lower(term)]))]
    elif term.lower() != term.upper():
        found = [haystack.ilike(_like_pattern(term), escape="/")]
    else:
        found = [haystack.like(_like_pattern(term), escape="/")]
    ids = s.scalars(
        select(Issuer.id)
        .where(Issuer.name.icontains(term, autoescape=True))
        .union(select(IssuerName.issuer_id).where(IssuerName.name.icontains(term, autoescape=True)))
    ).all()
    if ids:
        found.append(d.issuer_id.in_(ids))
    return or_(*found)
