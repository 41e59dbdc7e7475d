"""Unified registration numbers (统一登记编号): one sequence per issuer (or a shared one), allocated
inside the registering transaction, never duplicated, never reused; voided numbers keep a reason."""

from __future__ import annotations

import os
import re
import string
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from functools import cached_property, lru_cache
from typing import NamedTuple

from sqlalchemy import func, insert, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app import clock
from app.errors import UserError
from app.models import Document, Issuer, NumberAllocation
from app.services import audit, fields, people, search_index, settings
from app.services.permissions import Actor, Permission, require
from app.services.vocabulary import AuditAction

TEMPLATE_FIELDS = {"code", "year", "seq"}
MAX_WIDTH = 12
TEMPLATE_LABEL = "登记编号模板"
TAKEN_MEANWHILE = "登记编号：刚被同时登记的另一件文件使用，本次登记没有保存，请重新保存。"

# Characters that show nothing (besides Unicode's format characters, category Cf: zero-width
# spaces and joiners, soft hyphen, direction marks, BOM) and ones that look like a hyphen.
_INVISIBLE = set("\u034f\u115f\u1160\u2800\u3164\uffa0") | {chr(c) for c in range(0xFE00, 0xFE10)}
_DASHES = set("\u2212\u2500\u2501\u2796\u30fc\uff70")


def canonical(number: str) -> str:
    """A registration number as it is stored: NFKC (full-width letters and digits become
    ASCII), without invisible characters, runs of spaces made one."""
    if number.isascii():  # NFKC leaves it as it is, and no ASCII character is invisible
        return " ".join(number.split())
    text_ = unicodedata.normalize("NFKC", number)
    text_ = "".join(c for c in text_ if not _invisible(c))
    return " ".join(text_.split())


def number_key(number: str) -> str:
    """What two registration numbers must differ in to be told apart: also without spaces,
    every dash the same, case ignored. Look-alikes of a number share its key."""
    text_ = "".join(canonical(number).split())
    if not text_.isascii():
        text_ = "".join("-" if _dash(c) else c for c in text_)
    return text_.casefold()


def _invisible(c: str) -> bool:
    return unicodedata.category(c) == "Cf" or c in _INVISIBLE


def _dash(c: str) -> bool:
    return unicodedata.category(c) == "Pd" or c in _DASHES


def validate_template(template: str, label: str = TEMPLATE_LABEL, yearly: bool = True) -> None:
    """A template must contain {seq} (else numbers repeat), {year} when serials start again each
    year (else next year's numbers repeat this year's), and only the known fields, plainly: no
    attribute or index access, no conversion, no padding wider than MAX_WIDTH (a
    {seq:999999999d} would build a gigabyte-long number)."""
    problem = fields.refused_character(template)
    if problem:
        raise UserError(f"{label}：{problem}", field=label)
    try:
        parts = [
            (field, spec, conversion)
            for _, field, spec, conversion in string.Formatter().parse(template)
            if field is not None
        ]
    except ValueError as exc:
        raise UserError(f"{label}：“{template}”无法解析：{exc}", field=label) from exc
    found = {field for field, _, _ in parts}
    unknown = found - TEMPLATE_FIELDS
    if unknown:
        raise UserError(
            f"{label}：“{template}”含有未知字段：{'、'.join(sorted(unknown))}。", field=label
        )
    for field, spec, conversion in parts:
        digits = re.search(r"\d+", spec or "")
        width = digits[0] if digits else ""
        if conversion or "{" in (spec or "") or (width and int(width) > MAX_WIDTH):
            raise UserError(
                f"{label}：“{template}”中的字段 {{{field}}} 格式不支持（宽度不超过 {MAX_WIDTH} 位）。",
                field=label,
            )
    try:
        format_number(template, "X", 2026, 1)
    except (ValueError, KeyError, IndexError) as exc:
        raise UserError(f"{label}：“{template}”无法解析：{exc}", field=label) from exc
    if "seq" not in found:
        raise UserError(
            f"{label}：“{template}”必须包含序号字段 {{seq}}，否则编号会重复。", field=label
        )
    if yearly and "year" not in found:
        raise UserError(
            f"{label}：“{template}”必须包含年份字段 {{year}}：序号每年从 1 重新开始，"
            "没有年份的编号第二年就会与上一年重复。",
            field=label,
        )


def format_number(template: str, code: str, year: int, seq: int) -> str:
    return template.format(code=code, year=year, seq=seq)


def templates_overlap(template: str, code: str, other: str, other_code: str) -> bool:
    """Whether a number `template` gives could also be one `other` gives (looked at through a
    few serials of different widths, both ways round)."""
    for a, a_code, b, b_code in (
        (template, code, other, other_code),
        (other, other_code, template, code),
    ):
        for serial in (7, 123, 12345):
            if parse_serial(b, b_code, format_number(a, a_code, 2026, serial)) is not None:
                return True
    return False


def parse_serial(template: str, code: str, number: str) -> tuple[int, int] | None:
    """(year, serial) of a number written with `template`, or None if it does not fit; compared
    by key, so a look-alike of the template's form fits too."""
    match = _key_pattern(template, code).fullmatch(number_key(number))
    if not match:
        return None
    year = int(match["year"]) if "year" in match.groupdict() else 0
    return year, int(match["seq"])


@lru_cache(maxsize=256)
def _template_fields(template: str) -> frozenset[str]:
    return frozenset(f for _, f, _, _ in string.Formatter().parse(template) if f)


@lru_cache(maxsize=256)
def _key_pattern(template: str, code: str) -> re.Pattern[str]:
    pattern = ""
    for literal, field, _spec, _ in string.Formatter().parse(template):
        pattern += re.escape(number_key(literal))
        if field == "code":
            pattern += re.escape(number_key(code))
        elif field == "year":
            pattern += r"(?P<year>[0-9]{4})"
        elif field == "seq":
            pattern += r"(?P<seq>[0-9]+)"
    return re.compile(pattern)


YEARLY_RESET = "numbering.yearly_reset"


def yearly_reset(s: Session) -> bool:
    """Whether issuers' serials start again at 1 each year (the office's setting; default yes).
    Off, one sequence runs on across years and is stored under year 0."""
    return bool(settings.get(s, YEARLY_RESET))


def _sequence_year(yearly: bool, year: int) -> int:
    return year if yearly else 0


def check_yearly_reset_change(s: Session, yearly: bool) -> None:
    """The setting changes only before the year's first registration number (a sequence starts
    cleanly then), and serials may start again each year only if every template has {year}."""
    label = settings.RULES[YEARLY_RESET].label
    this_year = clock.today().year
    first_of_year = datetime(this_year, 1, 1)
    issued = s.scalar(
        select(NumberAllocation.number)
        .where(
            NumberAllocation.sequence_key.in_(select(Issuer.sequence_key)),
            (NumberAllocation.year == this_year)
            | ((NumberAllocation.year == 0) & (NumberAllocation.allocated_at >= first_of_year)),
        )
        .limit(1)
    )
    if issued is not None:
        raise UserError(
            f"{label}：{this_year} 年已分配登记编号（如 {issued}），只能在新的一年分配第一个"
            "登记编号之前修改，否则本年的序号将前后不一。",
            field=label,
        )
    if yearly:
        for issuer in s.scalars(select(Issuer).order_by(Issuer.id)):
            if "year" not in _template_fields(issuer.reg_template):
                raise UserError(
                    f"{label}：制定机关“{issuer.name}”的登记编号模板“{issuer.reg_template}”没有"
                    "年份字段 {year}，序号每年重新开始后编号会与往年重复。请先修改模板。",
                    field=label,
                )


def _lock_sequence(s: Session, key: str, year: int) -> None:
    # SQLite: the write transaction began IMMEDIATE, so it already holds the write lock.
    if s.get_bind().dialect.name == "postgresql":
        s.execute(text("SELECT pg_advisory_xact_lock(hashtext(:k), :y)"), {"k": key, "y": year})


def next_serial(s: Session, issuer: Issuer, year: int) -> int:
    return next_series_serial(s, issuer.sequence_key, _sequence_year(yearly_reset(s), year))


def preview(s: Session, issuer: Issuer, year: int) -> str:
    """The number the issuer's next document of `year` would get (nothing is taken)."""
    key = (issuer.sequence_key, _sequence_year(yearly_reset(s), year))
    return Allocations(s, lock=False)._next(key, issuer.reg_template, issuer.code, year)


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
    validate_template(template, "编号模板")
    book = Allocations(s)
    number = book.series(key, template, year)
    book.write({})
    return number


@dataclass(frozen=True)
class Skip:
    """The serials a manual number jumps over: `count` numbers from `first` to `last`."""

    number: str
    first: str
    last: str
    count: int


class GapNotConfirmed(UserError):
    """A manual number skips ahead in its serial; registered only once the clerk confirms."""

    def __init__(self, skip: Skip) -> None:
        skipped = skip.first if skip.count == 1 else f"{skip.first} 至 {skip.last}"
        super().__init__(
            f"登记编号：“{skip.number}”跳过了 {skip.count} 个编号（{skipped}），"
            "确认后这些编号将作为跳号列入空号清单，不再分配。"
        )
        self.skip = skip


class Allocations:
    """Registration numbers for a batch of documents in one transaction: each sequence is locked
    and read once, numbers are kept in memory and `write` stores them once the documents have ids.
    `reserving` lists the numbers the batch brings from outside, checked in one query. Numbers
    are told apart by `number_key`, so a look-alike of a number taken is taken too."""

    def __init__(self, s: Session, reserving: Iterable[str] = (), *, lock: bool = True) -> None:
        self.s, self.lock = s, lock
        self.last: dict[tuple[str, int], int] = {}  # highest serial of each sequence
        self.lowest: dict[tuple[str, int], int] = {}  # of each sequence of foreign numbers
        self.pending: dict[str, tuple[str, int, int]] = {}  # number -> (key, year, serial)
        self.pending_keys: dict[str, str] = {}  # number_key -> number
        self.serials: dict[tuple[str, int], dict[int, str]] = {}  # serial -> number, when needed
        self.nearby: dict[tuple[str, str, int], set[str]] = {}  # keys of numbers of one form
        self.issuers: list[Issuer] | None = None  # every issuer, once a number needs them
        wanted = sorted({number_key(number) for number in reserving})
        self.used: dict[str, str] = {  # number_key -> number, of numbers already taken
            key: number
            for start in range(0, len(wanted), 500)
            for key, number in s.execute(
                select(NumberAllocation.number_key, NumberAllocation.number).where(
                    NumberAllocation.number_key.in_(wanted[start : start + 500])
                )
            )
            if key is not None  # always: IN matches no NULL
        }

    @cached_property
    def yearly(self) -> bool:
        return yearly_reset(self.s)

    def allocate(self, issuer: Issuer, year: int) -> str:
        """The next number of the issuer's sequence."""
        if self.yearly and "year" not in _template_fields(issuer.reg_template):
            # Set by an older version: numbers would repeat last year's.
            raise UserError(
                f"{TEMPLATE_LABEL}：制定机关“{issuer.name}”的模板“{issuer.reg_template}”缺少年份字段"
                " {year}，序号每年重新开始，编号会与往年重复。请先在“单位与编号”中修改模板。",
                field=TEMPLATE_LABEL,
            )
        key = (issuer.sequence_key, _sequence_year(self.yearly, year))
        return self._next(key, issuer.reg_template, issuer.code, year)

    def series(self, key: str, template: str, year: int) -> str:
        """The next number of a series that belongs to no issuer."""
        return self._next((key, year), template, key, year)

    def _next(self, key: tuple[str, int], template: str, code: str, year: int) -> str:
        """The sequence's next serial whose number no other holds: a number given by hand outside
        the sequence (before its issuer or template took that form) is passed over, not reissued."""
        serial = self._last(*key) + 1
        number = format_number(template, code, year, serial)
        while self._taken(template, code, year, number):
            serial += 1
            number = format_number(template, code, year, serial)
        self._take(number, key, serial)
        return number

    def _taken(self, template: str, code: str, year: int, number: str) -> bool:
        key_ = number_key(number)
        if key_ in self.used or key_ in self.pending_keys:
            return True
        form = (template, code, year)
        if form not in self.nearby:
            self.nearby[form] = _keys_like(self.s, template, code, year)
        return key_ in self.nearby[form]

    def reserve(self, issuer: Issuer, number: str, allow_gap: bool = True) -> str:
        """Record a number given from outside (an import, an older register) so it is never
        reissued; one in the issuer's format also moves the sequence past it. One that skips
        serials is refused with GapNotConfirmed unless `allow_gap`; the serials skipped are then
        listed by `gaps`."""
        number = canonical(number)
        fields.check_length(number, "登记编号", NumberAllocation.number)
        key_ = number_key(number)
        taken = self.used.get(key_) or self.pending_keys.get(key_)
        if taken is not None:
            same = "" if taken == number else f"与已有的“{taken}”视为同一编号，"
            raise UserError(
                f"登记编号：“{number}”{same}已被使用或已作废，不能重复使用。", field="登记编号"
            )
        owner, parsed = self._owner(issuer, number)
        if parsed is None:
            # Foreign format: keep it, outside the numeric sequence (serial below zero).
            key = (f"~{issuer.sequence_key}", 0)
            serial = self._lowest(*key) - 1
        else:
            # In the pattern of this issuer or, failing that, of another: it counts in that
            # sequence, which then never reissues it and lists the serials it skips.
            issuer = owner
            key = (issuer.sequence_key, _sequence_year(self.yearly, parsed[0]))
            serial = parsed[1]
            last = self._last(*key)
            holder = self._holder(key, serial, last)
            if holder is not None:
                raise UserError(
                    f"登记编号：“{number}”与已有的“{holder}”序号相同（第 {serial} 号），"
                    "不能重复使用。",
                    field="登记编号",
                )
            if serial > last + 1 and not allow_gap:
                render = issuer.reg_template, issuer.code, parsed[0]
                raise GapNotConfirmed(
                    Skip(
                        number,
                        format_number(*render, last + 1),
                        format_number(*render, serial - 1),
                        serial - last - 1,
                    )
                )
        self._take(number, key, serial)
        return number

    def _owner(self, issuer: Issuer, number: str) -> tuple[Issuer, tuple[int, int] | None]:
        """The issuer in whose pattern `number` is written, its own first, and (year, serial)."""
        parsed = parse_serial(issuer.reg_template, issuer.code, number)
        if parsed is not None:
            return issuer, parsed
        if self.issuers is None:
            self.issuers = list(self.s.scalars(select(Issuer).order_by(Issuer.id)))
        for other in self.issuers:
            parsed = parse_serial(other.reg_template, other.code, number)
            if parsed is not None and other.id != issuer.id:
                return other, parsed
        return issuer, None

    def write(self, document_ids: Mapping[str, int | None]) -> None:
        """Store every number taken, with the id of the document it went to."""
        now = clock.now()
        rows = [
            {
                "sequence_key": key,
                "year": year,
                "serial": serial,
                "number": number,
                "number_key": number_key(number),
                "document_id": document_ids.get(number),
                "allocated_at": now,
            }
            for number, (key, year, serial) in self.pending.items()
        ]
        if rows:
            try:
                self.s.execute(insert(NumberAllocation.__table__), rows)
            except IntegrityError as exc:
                # Only a clerk saving at this moment a number outside this sequence's lock (a
                # look-alike from another sequence) gets here; the caller rolls everything back.
                raise UserError(TAKEN_MEANWHILE) from exc
        self.used.update(self.pending_keys)
        self.pending.clear()
        self.pending_keys.clear()

    def _take(self, number: str, key: tuple[str, int], serial: int) -> None:
        self.pending[number] = (*key, serial)
        self.pending_keys[number_key(number)] = number
        if key in self.serials:
            self.serials[key][serial] = number
        if key in self.lowest:
            self.lowest[key] = min(self.lowest[key], serial)
        else:
            self.last[key] = max(self.last[key], serial)

    def _holder(self, key: tuple[str, int], serial: int, last: int) -> str | None:
        """The number that already has `serial` in the sequence `key` (spelt differently).
        A sequence's serials are read once, the first time a number below its top comes."""
        if serial > last:
            return None
        if key not in self.serials:
            self.serials[key] = dict(
                self.s.execute(
                    select(NumberAllocation.serial, NumberAllocation.number).where(
                        NumberAllocation.sequence_key == key[0], NumberAllocation.year == key[1]
                    )
                ).all()
            )
            self.serials[key].update(
                {taken[2]: number for number, taken in self.pending.items() if taken[:2] == key}
            )
        return self.serials[key].get(serial)

    def _last(self, key: str, year: int) -> int:
        if (key, year) not in self.last:
            if self.lock:
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


def _keys_like(s: Session, template: str, code: str, year: int) -> set[str]:
    """Keys of the numbers held that begin as `template`'s numbers for `year` begin (what comes
    before the serial), whatever sequence holds them."""
    first, far = (number_key(format_number(template, code, year, n)) for n in (1, 9 * 10**11))
    prefix = os.path.commonprefix([first, far])
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return set(
        s.scalars(
            select(NumberAllocation.number_key).where(
                NumberAllocation.number_key.like(f"{escaped}%", escape="\\")
            )
        )
    )


def find(s: Session, number: str) -> NumberAllocation | None:
    """The allocation of `number`: written exactly so, else a look-alike of it."""
    if fields.refused_character(number):
        return None  # no number holds one, and a query could not even carry it
    exact = s.scalar(select(NumberAllocation).where(NumberAllocation.number == number.strip()))
    if exact is not None:
        return exact
    return s.scalar(
        select(NumberAllocation).where(NumberAllocation.number_key == number_key(number))
    )


def attach(s: Session, number: str, document_id: int) -> None:
    allocation = s.scalar(select(NumberAllocation).where(NumberAllocation.number == number))
    if allocation is not None:
        allocation.document_id = document_id


def void(s: Session, actor: Actor, number: str, reason: str, day: date | None = None) -> None:
    """作废: the number is never reused; the document (if any) loses it."""
    require(actor, Permission.VOID_NUMBER)
    reason = fields.text(reason, "作废原因", NumberAllocation.void_reason)
    if not reason:
        raise UserError("作废原因：必须填写。", field="作废原因")
    allocation = find(s, number)
    if allocation is None:
        raise UserError(f"登记编号“{fields.quoted(number)}”不存在。")
    if allocation.voided:
        raise UserError(f"登记编号“{allocation.number}”已于 {allocation.voided_on} 作废。")
    number = allocation.number
    day = day or clock.today()
    if day > clock.today():
        raise UserError(f"作废日期：{day} 晚于今天。", field="作废日期")
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
        s,
        actor,
        AuditAction.VOID_NUMBER,
        allocation,
        summary=f"作废登记编号 {number}：{reason}",
        old={"number": number, "voided": False},
        new={"number": number, "voided": True, "reason": reason},
    )


class GapKind(StrEnum):
    VOIDED = "voided"
    SKIPPED = "skipped"


GAP_KIND_LABELS = {GapKind.VOIDED: "作废", GapKind.SKIPPED: "跳号"}


@dataclass(frozen=True)
class Gap:
    number: str
    year: int
    serial: int
    reason: str
    voided_on: date | None
    voided_by: str
    kind: GapKind = GapKind.VOIDED
    voided_by_name: str = ""  # the person's name (`voided_by` is the username recorded)


def gaps(s: Session, issuer: Issuer | None = None, year: int | None = None) -> list[Gap]:
    """The explained gaps in each sequence: voided numbers, and serials a manual number skipped;
    newest first (the latest year first, each series' latest serial first)."""
    query = select(NumberAllocation).where(NumberAllocation.voided.is_(True))
    if issuer is not None:
        query = query.where(NumberAllocation.sequence_key == issuer.sequence_key)
    if year is not None:
        query = query.where(NumberAllocation.year.in_([year, 0]))
    who = people.names(s)
    found = [
        (
            a.sequence_key,
            Gap(
                a.number,
                a.year,
                a.serial,
                a.void_reason,
                a.voided_on,
                a.voided_by,
                voided_by_name=who(a.voided_by),
            ),
        )
        for a in s.scalars(query)
    ]
    found += _skipped(s, issuer, year)
    found.sort(key=lambda kg: (-kg[1].year, kg[0], -kg[1].serial))
    return [gap for _, gap in found]


class _Run(NamedTuple):
    """A serial given by hand above a run of serials nobody holds."""

    key: str
    year: int
    serial: int
    number: str
    before: int | None  # the serial below the run


def _skipped(s: Session, issuer: Issuer | None, year: int | None) -> list[tuple[str, Gap]]:
    """Serials no number holds below the highest one of their sequence (allocation never skips,
    so each such run was jumped over by the number above it, given by hand)."""
    a = NumberAllocation
    before = func.lag(a.serial).over(partition_by=(a.sequence_key, a.year), order_by=a.serial)
    ordered = select(a.sequence_key, a.year, a.serial, a.number, before.label("before")).where(
        a.serial > 0
    )
    if issuer is not None:
        ordered = ordered.where(a.sequence_key == issuer.sequence_key)
    if year is not None:
        ordered = ordered.where(a.year.in_([year, 0]))
    rows = ordered.subquery()
    runs = [
        _Run._make(r)
        for r in s.execute(select(rows).where(rows.c.serial - func.coalesce(rows.c.before, 0) > 1))
    ]
    if not runs:
        return []
    makers: dict[str, Issuer] = {}
    for i in s.scalars(select(Issuer).order_by(Issuer.id)):
        makers.setdefault(i.sequence_key, i)
    skipped: list[tuple[str, Gap]] = []
    for key, year_, serial, number, before_ in runs:
        maker = makers.get(key)
        if maker is None:
            continue  # a series of no issuer's
        if year_ == 0:  # serials run on across years: the skip is in the year of the number above
            year_ = (parse_serial(maker.reg_template, maker.code, number) or (0, 0))[0]
            if year is not None and year_ != year:
                continue
        reason = f"跳号（手动登记 {number} 时跳过）"
        skipped += [
            (
                key,
                Gap(
                    format_number(maker.reg_template, maker.code, year_, n),
                    year_,
                    n,
                    reason,
                    None,
                    "",
                    GapKind.SKIPPED,
                ),
            )
            for n in range((before_ or 0) + 1, serial)
        ]
    held = _held(s, [gap.number for _, gap in skipped])
    return [(key, gap) for key, gap in skipped if number_key(gap.number) not in held]


def _held(s: Session, numbers: list[str]) -> set[str]:
    """Keys of `numbers` some allocation holds: a serial passed over because a number given by
    hand outside its sequence already had that form is not a gap."""
    wanted = sorted({number_key(n) for n in numbers})
    return {
        key
        for start in range(0, len(wanted), 500)
        for key in s.scalars(
            select(NumberAllocation.number_key).where(
                NumberAllocation.number_key.in_(wanted[start : start + 500])
            )
        )
        if key is not None  # never, IN matches no NULL; for the type
    }
