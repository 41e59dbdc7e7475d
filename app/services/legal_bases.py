"""Legal bases (制定依据) and the office's list of upper-level laws (上位法目录).

A document lists the laws, regulations, rules and higher documents it rests on; they are suggested
from its text (basis_suggest) and confirmed by the clerk. Each law is kept once, by its matching
key, with the status the office recorded. Recording that a law was amended or repealed finds
every document in force that cites it; a special cleanup (专项清理) of exactly those documents
opens with it or later, and until that cleanup is applied the change is pending (上位法变化待处理).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import clock
from app.errors import UserError
from app.models import CleanupBatch, Document, LegalBasis, UpperLaw, UpperLawChange
from app.services import audit, basis_suggest, cleanup, documents, fields, lifecycle, texts
from app.services.basis_suggest import LawLevel, SuggestedBasis
from app.services.permissions import Actor, Permission, require
from app.services.vocabulary import (
    AuditAction,
    BasisSource,
    CleanupKind,
    CleanupStatus,
    LawChangeKind,
    LawStatus,
)

NAME_CHARS = 200
ARTICLE_CHARS = 300


@dataclass(frozen=True)
class BasisView:
    id: int
    law_id: int
    name: str
    level: LawLevel
    law_status: LawStatus
    articles: str
    source: BasisSource


@dataclass(frozen=True)
class LawView:
    id: int
    name: str
    level: LawLevel
    status: LawStatus
    citing: int  # documents in force today that cite it
    last_change: date | None


@dataclass(frozen=True)
class ChangeView:
    id: int
    law_id: int
    law_name: str
    kind: LawChangeKind
    changed_on: date
    what: str
    affected: int  # documents in force citing the law when the change was recorded (or now)
    batch_id: int | None
    batch_applied: bool

    @property
    def pending(self) -> bool:
        """上位法变化待处理: documents cite the law and no cleanup of them has been applied."""
        return self.affected > 0 and not self.batch_applied


# --- the list of laws ----------------------------------------------------------------------------
def _clean_name(name: str) -> str:
    name = fields.text(name, "上位法名称").strip().strip("《》").strip()
    if len(name) < 2:
        raise UserError("上位法名称：至少两个字。", field="上位法名称")
    if len(name) > NAME_CHARS:
        raise UserError(f"上位法名称：不能超过 {NAME_CHARS} 字。", field="上位法名称")
    return name


def find_law(s: Session, name: str) -> UpperLaw | None:
    return s.scalar(select(UpperLaw).where(UpperLaw.key == basis_suggest.law_key(name)))


def law_named(s: Session, name: str) -> UpperLaw:
    """The law of the office's list with this name (written any way law_key takes as the same)."""
    law = find_law(s, _clean_name(name))
    if law is None:
        raise UserError(
            f"上位法名称：上位法目录中没有《{name.strip('《》')}》。", field="上位法名称"
        )
    return law


def _law(s: Session, name: str, level: LawLevel | None) -> UpperLaw:
    """The law of this name from the list, added to it when new."""
    name = _clean_name(name)
    law = find_law(s, name)
    if law is None:
        law = UpperLaw(
            name=name,
            key=basis_suggest.law_key(name),
            level=level or basis_suggest.guess_level(name),
            status=LawStatus.IN_FORCE,
            added_on=clock.today(),
        )
        s.add(law)
        s.flush()
    return law


def _citing_in_force(s: Session, law_id: int, day: date) -> list[int]:
    return list(
        s.scalars(
            select(Document.id)
            .join(LegalBasis, LegalBasis.document_id == Document.id)
            .where(LegalBasis.law_id == law_id, lifecycle.in_force_clause(day))
            .order_by(Document.published, Document.id)
        )
    )


def laws(s: Session) -> list[LawView]:
    """The office's list, by level then name, with how many documents in force cite each."""
    day = clock.today()
    citing = dict(
        s.execute(
            select(LegalBasis.law_id, func.count(Document.id))
            .join(Document, Document.id == LegalBasis.document_id)
            .where(lifecycle.in_force_clause(day))
            .group_by(LegalBasis.law_id)
        ).all()
    )
    last = dict(
        s.execute(
            select(UpperLawChange.law_id, func.max(UpperLawChange.changed_on)).group_by(
                UpperLawChange.law_id
            )
        ).all()
    )
    order = {level: n for n, level in enumerate(LawLevel)}
    rows = sorted(s.scalars(select(UpperLaw)), key=lambda r: (order[LawLevel(r.level)], r.name))
    return [
        LawView(
            r.id,
            r.name,
            LawLevel(r.level),
            LawStatus(r.status),
            int(citing.get(r.id, 0)),
            last.get(r.id),
        )
        for r in rows
    ]


# --- a ledger's 制定依据 column --------------------------------------------------------------------
_TITLED = re.compile(r"《([^《》]+)》\s*((?:第[^《；;，,、\n]*)(?:、第[^《；;，,、\n]*)*)?")
_ARTICLES = re.compile(r"^(.*?)\s*(第[一二三四五六七八九十百千零〇\d]+条.*)?$")


def parse_listed(cell: str) -> list[tuple[str, str]]:
    """The laws a ledger's 制定依据 cell lists, as (name, articles): 《A》第十二条、第十四条；《B》,
    or names without 《》 one per line or separated by 、；，. Each law once."""
    text = cell.strip()
    found: list[tuple[str, str]] = []
    if "《" in text:
        found = [(m.group(1).strip(), (m.group(2) or "").strip()) for m in _TITLED.finditer(text)]
    else:
        for piece in re.split(r"[；;、，,\n]+", text):
            m = _ARTICLES.match(piece.strip())
            if m and m.group(1).strip():
                found.append((m.group(1).strip(), (m.group(2) or "").strip()))
    unique: dict[str, tuple[str, str]] = {}
    for name, articles in found:
        unique.setdefault(basis_suggest.law_key(name), (name, articles))
    return [pair for key, pair in unique.items() if key]


# --- a document's bases --------------------------------------------------------------------------
def bases(s: Session, doc_id: int) -> list[BasisView]:
    rows = s.scalars(
        select(LegalBasis).where(LegalBasis.document_id == doc_id).order_by(LegalBasis.id)
    )
    return [
        BasisView(
            r.id,
            r.law_id,
            r.law.name,
            LawLevel(r.law.level),
            LawStatus(r.law.status),
            r.articles,
            BasisSource(r.source),
        )
        for r in rows
    ]


def suggestions(s: Session, doc_id: int) -> list[SuggestedBasis]:
    """Bases named in the document's text that it does not list yet."""
    doc = documents.get(s, doc_id)
    text = texts.in_force_text(s, doc_id)
    if text is None or not text.body:
        return []
    listed = {
        key
        for (key,) in s.execute(
            select(UpperLaw.key)
            .join(LegalBasis, LegalBasis.law_id == UpperLaw.id)
            .where(LegalBasis.document_id == doc_id)
        )
    }
    return [
        found
        for found in basis_suggest.suggest(text.body, own_title=doc.title)
        if basis_suggest.law_key(found.name) not in listed
    ]


def add_basis(
    s: Session,
    actor: Actor,
    doc_id: int,
    name: str,
    articles: str = "",
    level: LawLevel | None = None,
    source: BasisSource = BasisSource.ENTERED,
) -> LegalBasis:
    require(actor, Permission.REGISTER)
    doc = documents.get(s, doc_id)
    law = _law(s, name, level)
    articles = fields.text(articles, "条款").strip()
    if len(articles) > ARTICLE_CHARS:
        raise UserError(f"条款：不能超过 {ARTICLE_CHARS} 字。", field="条款")
    if s.scalar(
        select(LegalBasis.id).where(LegalBasis.document_id == doc_id, LegalBasis.law_id == law.id)
    ):
        raise UserError(f"制定依据：《{doc.title}》已列有《{law.name}》。", field="制定依据")
    basis = LegalBasis(
        document_id=doc_id,
        law_id=law.id,
        articles=articles,
        source=source,
        added_on=clock.today(),
        added_by=actor.name,
    )
    s.add(basis)
    s.flush()
    cited = f"《{law.name}》{articles}"
    audit.record(
        s,
        actor,
        AuditAction.BASIS_ADD,
        doc,
        summary=f"《{doc.title}》制定依据：{cited}（{source.label}）",
        new={"law": law.name, "level": law.level, "articles": articles, "source": str(source)},
    )
    return basis


def add_suggested(
    s: Session, actor: Actor, doc_id: int, chosen: list[SuggestedBasis]
) -> list[LegalBasis]:
    """The suggestions the clerk confirmed, in one transaction."""
    return [
        add_basis(s, actor, doc_id, c.name, c.articles, c.level, BasisSource.SUGGESTED)
        for c in chosen
    ]


def remove_basis(s: Session, actor: Actor, basis_id: int) -> None:
    require(actor, Permission.REGISTER)
    basis = s.get(LegalBasis, basis_id)
    if basis is None:
        raise UserError(f"制定依据：第 {basis_id} 条不存在。", field="制定依据")
    doc = documents.get(s, basis.document_id)
    name = basis.law.name
    s.delete(basis)
    s.flush()
    audit.record(
        s,
        actor,
        AuditAction.BASIS_REMOVE,
        doc,
        summary=f"《{doc.title}》删除制定依据《{name}》",
        old={"law": name, "articles": basis.articles},
    )


# --- changes of upper-level laws -----------------------------------------------------------------
@dataclass(frozen=True)
class Recorded:
    change: UpperLawChange
    affected: list[int]  # documents in force citing the law
    batch: CleanupBatch | None


def record_change(
    s: Session,
    actor: Actor,
    name: str,
    kind: LawChangeKind,
    day: date,
    what: str = "",
    open_cleanup: bool = False,
) -> Recorded:
    """The law was amended or repealed on `day`: its status follows, and every document in force
    that cites it is listed; with `open_cleanup`, a special cleanup of them opens at once."""
    require(actor, Permission.REGISTER)
    law = law_named(s, name)
    what = fields.text(what, "变化内容").strip()
    if law.status == LawStatus.REPEALED:
        raise UserError(f"上位法：《{law.name}》已记录为废止，不能再记录变化。", field="上位法")
    if day > clock.today():
        raise UserError(f"变化日期：{day} 还没有到。", field="变化日期")
    change = UpperLawChange(
        law_id=law.id,
        kind=kind,
        changed_on=day,
        what=what,
        recorded_at=clock.now(),
        recorded_by=actor.name,
    )
    s.add(change)
    before = law.status
    law.status = kind.status
    s.flush()
    affected = _citing_in_force(s, law.id, clock.today())
    audit.record(
        s,
        actor,
        AuditAction.LAW_CHANGE,
        audit.Subject("upper_law", law.id),
        summary=f"上位法《{law.name}》{day}{kind.label}，现行有效的文件中 {len(affected)} 件以其为制定依据",
        old={"status": before},
        new={"status": law.status, "day": day, "what": what, "documents": affected},
    )
    batch = open_cleanup_for(s, actor, change.id) if open_cleanup and affected else None
    return Recorded(change, affected, batch)


def open_cleanup_for(s: Session, actor: Actor, change_id: int) -> CleanupBatch:
    """A special cleanup (专项清理) of the documents in force citing the changed law."""
    change = s.get(UpperLawChange, change_id)
    if change is None:
        raise UserError(f"上位法变化：第 {change_id} 条不存在。", field="上位法变化")
    if change.batch_id is not None:
        raise UserError(
            f"上位法变化：《{change.law.name}》的这次{LawChangeKind(change.kind).label}"
            f"已开启清理批次（第 {change.batch_id} 号）。"
        )
    affected = _citing_in_force(s, change.law_id, clock.today())
    if not affected:
        raise UserError(f"现行有效的文件中没有以《{change.law.name}》为制定依据的。")
    kind = LawChangeKind(change.kind)
    batch = cleanup.create_special_for(
        s,
        actor,
        f"《{change.law.name}》{kind.label}{CleanupKind.SPECIAL.label}",
        f"上位法《{change.law.name}》于 {change.changed_on} {kind.label}"
        + (f"：{change.what}" if change.what else ""),
        affected,
    )
    change.batch_id = batch.id
    s.flush()
    return batch


def changes(s: Session) -> list[ChangeView]:
    """Every recorded change, newest first."""
    today = clock.today()
    rows = s.scalars(select(UpperLawChange).order_by(UpperLawChange.id.desc()))
    views = []
    for r in rows:
        batch = s.get(CleanupBatch, r.batch_id) if r.batch_id else None
        applied = batch is not None and batch.status == CleanupStatus.APPLIED
        affected = len(batch.items) if batch else len(_citing_in_force(s, r.law_id, today))
        views.append(
            ChangeView(
                r.id,
                r.law_id,
                r.law.name,
                LawChangeKind(r.kind),
                r.changed_on,
                r.what,
                affected,
                r.batch_id,
                applied,
            )
        )
    return views


def pending(s: Session) -> list[ChangeView]:
    """上位法变化待处理: changes whose citing documents have not been through a cleanup."""
    return [c for c in changes(s) if c.pending]


def affected_documents(s: Session, change_id: int) -> list[int]:
    change = s.get(UpperLawChange, change_id)
    if change is None:
        raise UserError(f"上位法变化：第 {change_id} 条不存在。", field="上位法变化")
    return _citing_in_force(s, change.law_id, clock.today())
