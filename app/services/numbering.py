"""Unified registration numbers (统一登记编号): one sequence per issuer (or a shared one), allocated
inside the registering transaction, never duplicated, never reused; voided numbers keep a reason."""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session

from app import clock
from app.errors import UserError
from app.models import Document, Issuer, NumberAllocation
from app.services import audit, search_index
from app.services.permissions import Actor, Permission, require

TEMPLATE_FIELDS = {"code", "year", "seq"}
MAX_WIDTH = 12


def validate_template(template: str) -> None:
    """A template must contain {seq} (else numbers repeat) and only the known fields, plainly:
    no attribute or index access, no conversion, no padding wider than MAX_WIDTH."""
    try:
        parts = [p for p in string.Formatter().parse(template) if p[1] is not None]
    except ValueError as exc:
        raise UserError(f"编号模板“{template}”无法解析：{exc}") from exc
    fields = {field for _, field, _, _ in parts}
    for _, field, spec, conversion in parts:
        width = re.match(r"\D*(\d*)", spec or "").group(1)
        if conversion or "{" in (spec or "") or (width and int(width) > MAX_WIDTH):
            raise UserError(
                f"编号模板“{template}”中的字段 {{{field}}} 格式不支持（宽度不超过 {MAX_WIDTH} 位）。"
            )
    unknown = fields - TEMPLATE_FIELDS
    if not unknown:
        try:
            format_number(template, "X", 2026, 1)
        except (ValueError, KeyError, IndexError) as exc:
            raise UserError(f"编号模板“{template}”无法解析：{exc}") from exc
    if unknown:
        raise UserError(f"编号模板“{template}”含有未知字段：{'、'.join(sorted(unknown))}。")
    if "seq" not in fields:
        raise UserError(f"编号模板“{template}”必须包含序号字段 {{seq}}，否则编号会重复。")


def format_number(template: str, code: str, year: int, seq: int) -> str:
    return template.format(code=code, year=year, seq=seq)


def parse_serial(template: str, code: str, number: str) -> tuple[int, int] | None:
    """(year, serial) of an existing number written with `template`, or None if it does not fit."""
    pattern = ""
    for literal, field, _spec, _ in string.Formatter().parse(template):
        pattern += re.escape(literal)
        if field == "code":
            pattern += re.escape(code)
        elif field == "year":
            pattern += r"(?P<year>\d{4})"
        elif field == "seq":
            pattern += r"(?P<seq>\d+)"
    match = re.fullmatch(pattern, number.strip())
    if not match:
        return None
    year = int(match["year"]) if "year" in match.groupdict() else 0
    return year, int(match["seq"])


def _sequence_year(issuer: Issuer, year: int) -> int:
    return year if issuer.yearly_reset else 0


def _lock_sequence(s: Session, key: str, year: int) -> None:
    # SQLite: the write transaction began IMMEDIATE, so it already holds the write lock.
    if s.get_bind().dialect.name == "postgresql":
        s.execute(text("SELECT pg_advisory_xact_lock(hashtext(:k), :y)"), {"k": key, "y": year})


def next_serial(s: Session, issuer: Issuer, year: int) -> int:
    return next_series_serial(s, issuer.sequence_key, _sequence_year(issuer, year))


def preview(s: Session, issuer: Issuer, year: int) -> str:
    return format_number(issuer.reg_template, issuer.code, year, next_serial(s, issuer, year))


def allocate(s: Session, issuer: Issuer, year: int, document_id: int | None) -> str:
    """Take the next number of the issuer's sequence, in the caller's transaction."""
    book = Allocations(s)
    number = book.allocate(issuer, year)
    book.write({number: document_id})
    return number


def next_series_serial(s: Session, key: str, year: int) -> int:
    last = s.scalar(
        select(func.max(NumberAllocation.serial)).where(
            NumberAllocation.sequence_key == key, NumberAllocation.year == year
        )
    )
    return (last or 0) + 1


def allocate_series(s: Session, key: str, template: str, year: int) -> str:
    """Next number of a series that belongs to no issuer (e.g. review opinion letters)."""
    validate_template(template)
    book = Allocations(s)
    number = book.series(key, template, year)
    book.write({})
    return number


class Allocations:
    """Registration numbers for a batch of documents in one transaction: each sequence is locked
    and read once, numbers are kept in memory and `write` stores them once the documents have ids.
    `reserving` lists the numbers the batch brings from outside, checked in one query."""

    def __init__(self, s: Session, reserving: Iterable[str] = ()) -> None:
        self.s = s
        self.last: dict[tuple[str, int], int] = {}  # highest serial of each sequence
        self.lowest: dict[tuple[str, int], int] = {}  # of each sequence of foreign numbers
        self.pending: dict[str, tuple[str, int, int]] = {}  # number -> (key, year, serial)
        wanted = sorted({number.strip() for number in reserving})
        self.used = {
            number
            for start in range(0, len(wanted), 500)
            for number in s.scalars(
                select(NumberAllocation.number).where(
                    NumberAllocation.number.in_(wanted[start : start + 500])
                )
            )
        }

    def allocate(self, issuer: Issuer, year: int) -> str:
        """The next number of the issuer's sequence."""
        key = (issuer.sequence_key, _sequence_year(issuer, year))
        serial = self._last(*key) + 1
        number = format_number(issuer.reg_template, issuer.code, year, serial)
        self._take(number, key, serial)
        return number

    def series(self, key: str, template: str, year: int) -> str:
        """The next number of a series that belongs to no issuer."""
        serial = self._last(key, year) + 1
        number = format_number(template, key, year, serial)
        self._take(number, (key, year), serial)
        return number

    def reserve(self, issuer: Issuer, number: str) -> str:
        """Record a number given from outside (an import, an older register) so it is never
        reissued; one in the issuer's format also moves the sequence past it."""
        number = number.strip()
        if number in self.used or number in self.pending:
            raise UserError(f"登记编号“{number}”已被使用或已作废，不能重复使用。")
        parsed = parse_serial(issuer.reg_template, issuer.code, number)
        if parsed is None:
            # Foreign format: keep it, outside the numeric sequence (serial below zero).
            key = (f"~{issuer.sequence_key}", 0)
            serial = self._lowest(*key) - 1
        else:
            key, serial = (issuer.sequence_key, _sequence_year(issuer, parsed[0])), parsed[1]
            self._last(*key)
        self._take(number, key, serial)
        return number

    def write(self, document_ids: Mapping[str, int]) -> None:
        """Store every number taken, with the id of the document it went to."""
        now = clock.now()
        rows = [
            {"sequence_key": key, "year": year, "serial": serial, "number": number,
             "document_id": document_ids.get(number), "allocated_at": now}
            for number, (key, year, serial) in self.pending.items()
        ]  # fmt: skip
        if rows:
            self.s.execute(insert(NumberAllocation.__table__), rows)
        self.used.update(self.pending)
        self.pending.clear()

    def _take(self, number: str, key: tuple[str, int], serial: int) -> None:
        self.pending[number] = (*key, serial)
        if key in self.lowest:
            self.lowest[key] = min(self.lowest[key], serial)
        else:
            self.last[key] = max(self.last[key], serial)

    def _last(self, key: str, year: int) -> int:
        if (key, year) not in self.last:
            _lock_sequence(self.s, key, year)
            self.last[key, year] = next_series_serial(self.s, key, year) - 1
        return self.last[key, year]

    def _lowest(self, key: str, year: int) -> int:
        if (key, year) not in self.lowest:
            _lock_sequence(self.s, key, year)
            low = self.s.scalar(
                select(func.min(NumberAllocation.serial)).where(
                    NumberAllocation.sequence_key == key
                )
            )
            self.lowest[key, year] = min(low or 0, 0)
        return self.lowest[key, year]


def attach(s: Session, number: str, document_id: int) -> None:
    allocation = s.scalar(select(NumberAllocation).where(NumberAllocation.number == number))
    if allocation is not None:
        allocation.document_id = document_id


def void(s: Session, actor: Actor, number: str, reason: str, day: date | None = None) -> None:
    """作废: the number is never reused; the document (if any) loses it."""
    require(actor, Permission.VOID_NUMBER)
    reason = reason.strip()
    if not reason:
        raise UserError("作废原因：必须填写。")
    allocation = s.scalar(select(NumberAllocation).where(NumberAllocation.number == number.strip()))
    if allocation is None:
        raise UserError(f"登记编号“{number}”不存在。")
    if allocation.voided:
        raise UserError(f"登记编号“{number}”已于 {allocation.voided_on} 作废。")
    day = day or clock.today()
    if day > clock.today():
        raise UserError(f"作废日期：{day} 晚于今天。")
    allocation.voided = True
    allocation.void_reason = reason
    allocation.voided_on = day
    allocation.voided_by = actor.name
    if allocation.document_id is not None:
        doc = s.get(Document, allocation.document_id)
        if doc is not None and doc.reg_number == allocation.number:
            doc.reg_number = None
            search_index.reindex(s, doc)  # the voided number no longer finds the document
    audit.record(
        s, actor.name, "void_number", "number", allocation.id, f"作废登记编号 {number}：{reason}",
        {"number": number, "voided": False}, {"number": number, "voided": True, "reason": reason},
    )  # fmt: skip


@dataclass(frozen=True)
class Gap:
    number: str
    year: int
    serial: int
    reason: str
    voided_on: date | None
    voided_by: str


def gaps(s: Session, issuer: Issuer | None = None, year: int | None = None) -> list[Gap]:
    """Voided numbers: the explained gaps in each sequence."""
    query = select(NumberAllocation).where(NumberAllocation.voided.is_(True))
    if issuer is not None:
        query = query.where(NumberAllocation.sequence_key == issuer.sequence_key)
    if year is not None:
        query = query.where(NumberAllocation.year.in_([year, 0]))
    rows = s.scalars(
        query.order_by(
            NumberAllocation.sequence_key, NumberAllocation.year, NumberAllocation.serial
        )
    )
    return [Gap(a.number, a.year, a.serial, a.void_reason, a.voided_on, a.voided_by) for a in rows]
