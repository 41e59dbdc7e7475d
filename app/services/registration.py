"""Registration of already issued documents (登记已公布文件): one from the register's form, or
thousands from an imported ledger. Every entry passes the same checks; a batch is then written
with a few multi-row statements per chunk instead of a round of queries per document."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app import clock
from app.errors import UserError
from app.models import Document, Issuer, ProcedureStep
from app.services import (
    audit,
    docnumber,
    fields,
    issuer_names,
    issuers,
    numbering,
    search_index,
    validity,
)
from app.services.documents import (
    AUDITED,
    DocumentInput,
    check_dates,
    clean_text,
    lock_doc_numbers,
    publication_channel,
    refuse_doc_number_held,
)
from app.services.lifecycle import DRAFTING, IN_FORCE, STATUS_LABELS, status_label
from app.services.permissions import Actor, Permission, require
from app.services.vocabulary import AuditAction, DocStatus

CHUNK = 500
STEP_NOTE = "登记已公布文件"
DOC_NUMBER_TAKEN_MEANWHILE = (
    "发文字号：刚被同时登记的另一件文件使用，本次登记没有保存，请重新保存。"
)

CHANNEL = "_channel"  # the 公布载体 rides in a row until the publication step is written
Entry = tuple[DocumentInput, str | None]  # the document, and a status that overrides its dates'


def register_published(
    s: Session,
    actor: Actor,
    data: DocumentInput,
    status: str | None = None,
    *,
    allow_gap: bool = False,
    allow_abbr: bool = False,
) -> Document:
    """Register an already issued document; allocate a number if none given. `status` (e.g. 废止
    from an old ledger) overrides the status the dates give. A given number that skips serials
    raises numbering.GapNotConfirmed unless `allow_gap`, a 发文字号 whose abbreviation is not the
    issuer's docnumber.AbbrNotConfirmed unless `allow_abbr` (the clerk has confirmed)."""
    outcome = register_many(
        s, actor, [(data, status)], allow_gaps=allow_gap, allow_abbrs=allow_abbr
    )[0]
    if isinstance(outcome, UserError):
        raise outcome
    return s.get_one(Document, outcome)


def register_many(
    s: Session,
    actor: Actor,
    entries: Sequence[Entry],
    progress: Callable[[int, int], bool] | None = None,
    *,
    allow_gaps: bool = True,
    allow_abbrs: bool = True,
) -> list[int | UserError]:
    """Register every entry that passes its checks, in the caller's transaction. Returns, entry by
    entry, the new document's id or the UserError that refused it. `progress(done, total)`
    returning False cancels: UserError, and the caller rolls back. A ledger's numbers are its
    history, so by default the serials they skip are accepted and listed as gaps, and a 发文字号
    written with another abbreviation than its issuer's is taken as the ledger gives it."""
    require(actor, Permission.REGISTER)
    s.flush()
    batch = _Batch(s, actor, entries, allow_gaps, allow_abbrs)
    outcomes: list[int | UserError] = []
    rows: list[dict[str, Any]] = []
    for data, status in entries:
        try:
            rows.append(batch.row(data, status))
            outcomes.append(len(rows) - 1)
        except UserError as exc:
            outcomes.append(exc)
    ids: list[int] = []
    for start in range(0, len(rows), CHUNK):
        ids += batch.write(rows[start : start + CHUNK])
        if progress and not progress(start + len(rows[start : start + CHUNK]), len(rows)):
            raise UserError("已取消导入，数据库没有任何改动。")
    return [o if isinstance(o, UserError) else ids[o] for o in outcomes]


def _recorded_status(status: str | None, published: date, valid_until: date) -> dict[str, Any]:
    """What the register records for an issued document whose ledger gives `status`: 已公布 (its
    dates then give 有效 or 失效, lifecycle.status_on), or a retirement. A ledger gives no date for
    a retirement, so none is made up (the day of typing is not the legal date); a 失效 that the
    term itself explains is the lapse on 有效期至 + 1."""
    if status is None or status in IN_FORCE:
        return {"status": DocStatus.PUBLISHED, "status_changed": published}
    if status == DocStatus.EXPIRED and valid_until < clock.today():
        return {"status": DocStatus.PUBLISHED, "status_changed": published}
    return {"status": status, "status_changed": None}


class _Batch:
    """What a batch looks up once: issuers, default terms, the 发文字号 and registration numbers
    it brings that are already taken, and each number sequence."""

    def __init__(
        self,
        s: Session,
        actor: Actor,
        entries: Sequence[Entry],
        allow_gaps: bool,
        allow_abbrs: bool,
    ) -> None:
        self.s, self.actor, self.now, self.today = s, actor, clock.now(), clock.today()
        self.allow_gaps, self.allow_abbrs = allow_gaps, allow_abbrs
        self.issuers = {issuer.code: issuer for issuer in s.scalars(select(Issuer))}
        self.issuer_names = {issuer.id: issuer.name for issuer in self.issuers.values()}
        self.names = issuer_names.NameBook(s)
        self.terms = validity.DefaultTerms.load(s)
        if any(d.doc_number for d, _ in entries):
            lock_doc_numbers(s)  # before the titles are read and any sequence is locked
        self.titles = _doc_number_titles(s, [_normalized(d.doc_number) for d, _ in entries])
        self.numbers = numbering.Allocations(
            s, [d.reg_number for d, _ in entries if d.reg_number and _storable(d.reg_number)]
        )

    def row(self, data: DocumentInput, status: str | None) -> dict[str, Any]:
        """The document's row, every check passed and its numbers taken; else UserError."""
        clean_text(data)
        channel = publication_channel(data.channel)
        issuer = self.issuers.get(data.issuer_code)
        if issuer is None:
            raise UserError(
                f"制定机关：代码“{data.issuer_code}”不存在，请先添加该制定机关。", field="制定机关"
            )
        if data.published is None:
            raise UserError("公布日期：登记已公布的文件必须填写公布日期。", field="公布日期")
        issuers.refuse_if_ended(self.s, issuer, data.published)
        check_dates(data.published, data.effective, data.valid_until, data.issued, data.signed)
        effective = data.effective or data.published
        term_reason = self.terms.reason_to_keep(
            data.title, data.published, effective, data.valid_until, data.term_reason
        )
        start = self.terms.start_of(data.published, effective)
        valid_until = data.valid_until or self.terms.valid_until(data.title, start)
        if status is not None and (status in DRAFTING or status not in STATUS_LABELS):
            raise UserError(f"状态：已公布的文件不能登记为“{status_label(status)}”。", field="状态")
        doc_number = self._doc_number(issuer, data.doc_number, data.published)
        if data.reg_number:
            reg_number = self.numbers.reserve(issuer, data.reg_number, self.allow_gaps)
        else:
            reg_number = self.numbers.allocate(issuer, data.published.year)
        if doc_number:
            self.titles.setdefault(doc_number, []).append((issuer.id, data.title))
        return {
            "issuer_id": issuer.id,
            "title": data.title,
            "doc_number": doc_number,
            "reg_number": reg_number,
            "drafting_unit": data.drafting_unit,
            "keywords": data.keywords,
            "summary": data.summary,
            "remarks": data.remarks,
            "important": data.important,
            "public_facing": data.public_facing,
            "business_related": data.business_related,
            "market_related": data.market_related,
            "published": data.published,
            "effective": effective,
            "valid_until": valid_until,
            "issued": data.issued,
            "signed": data.signed,
            "term_reason": term_reason,
            "filing_unrecorded": data.filing_unrecorded or None,
            **_recorded_status(status, data.published, valid_until),
            "created_at": self.now,
            CHANNEL: channel,
            "updated_at": self.now,
        }

    def _doc_number(self, issuer: Issuer, text: str | None, day: date) -> str | None:
        if not text:
            return None
        normalized = docnumber.normalize(text)
        fields.check_length(normalized, "发文字号", Document.doc_number)
        holders = self.titles.get(normalized, [])
        refuse_doc_number_held(
            normalized, issuer.id, [(i, self.issuer_names[i], title) for i, title in holders]
        )
        if not self.allow_abbrs:
            docnumber.check_abbr(normalized, *self.names.on(issuer.id, day))
        return normalized

    def write(self, rows: list[dict[str, Any]]) -> list[int]:
        """Insert one chunk of documents with their numbers, steps, index entries and audit
        records; returns the new ids in the rows' order."""
        table = Document.__table__
        channels = [row.pop(CHANNEL) for row in rows]
        try:
            ids = list(
                self.s.scalars(
                    insert(table).returning(table.c.id, sort_by_parameter_order=True), rows
                )
            )
        except IntegrityError as exc:
            # Only a clerk saving the same number at this moment, outside this batch's locks.
            if "doc_number" in str(exc.orig):
                raise UserError(DOC_NUMBER_TAKEN_MEANWHILE) from exc
            raise UserError(numbering.TAKEN_MEANWHILE) from exc
        self.numbers.write({row["reg_number"]: id_ for row, id_ in zip(rows, ids, strict=True)})
        by_id = {issuer.id: issuer for issuer in self.issuers.values()}
        searched = issuer_names.search_texts(self.s)
        self.s.execute(
            insert(ProcedureStep.__table__),
            [
                {
                    "document_id": id_,
                    "step": "publication",
                    "done_on": row["published"],
                    "actor": self.actor.name,
                    "outcome": channel,
                    "note": STEP_NOTE,
                }
                for row, id_, channel in zip(rows, ids, channels, strict=True)
            ],
        )
        search_index.add_many(
            self.s,
            [
                {"id": id_, "issuer": searched[row["issuer_id"]]}
                | {k: row[k] or "" for k in search_index.FTS_COLUMNS if k != "issuer"}
                for row, id_ in zip(rows, ids, strict=True)
            ],
        )
        audit.record_many(
            self.s,
            self.actor,
            AuditAction.REGISTER,
            Document,
            [
                audit.Change(
                    id_,
                    f"登记文件《{row['title']}》",
                    None,
                    {k: row[k] for k in AUDITED}
                    | {"issuer": by_id[row["issuer_id"]].code}
                    | ({"channel": channel} if channel else {}),
                )
                for row, id_, channel in zip(rows, ids, channels, strict=True)
            ],
        )
        return ids


def _storable(text: str) -> bool:
    """Worth looking up: the entry's own check refuses text with a control character (and
    PostgreSQL would not even take it as a query parameter)."""
    return fields.refused_character(text) is None


def _normalized(text: str | None) -> str | None:
    try:
        return docnumber.normalize(text) if text and _storable(text) else None
    except UserError:
        return None  # the entry's own check reports it


def _doc_number_titles(s: Session, numbers: list[str | None]) -> dict[str, list[tuple[int, str]]]:
    """发文字号 -> (issuer id, title) of the documents that already hold one of `numbers`."""
    wanted = sorted({n for n in numbers if n})
    found: dict[str, list[tuple[int, str]]] = {}
    for start in range(0, len(wanted), CHUNK):
        query = select(Document.issuer_id, Document.doc_number, Document.title).where(
            Document.doc_number.in_(wanted[start : start + CHUNK])
        )
        for issuer_id, number, title in s.execute(query):
            if number is not None:  # always: IN matches no NULL
                found.setdefault(number, []).append((issuer_id, title))
    return found
