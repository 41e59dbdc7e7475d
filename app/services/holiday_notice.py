"""A year's holidays from the text of the 国务院办公厅关于某年部分节假日安排的通知, as the office
pastes it: parsed in full or refused with the line that failed, compared day by day with the
calendar in use (for a year without a notice, the provisional one from the law), then saved.

A notice words each festival as a numbered line, e.g.
    二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。
    2月14日（周六）、2月28日（周六）上班。
Every day of a range is a day off, weekend days included (they show as holidays, as in the
bundled tables); make-up working days (调休上班) are weekend days worked."""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy.orm import Session

from app.errors import UserError
from app.services import statutory_holidays, workcalendar
from app.services.permissions import Actor, Permission, allowed, require
from app.services.workcalendar import HOLIDAY_NOTE, KIND_LABELS, MAKEUP_NOTE, WorkCalendar

MAX_FILE_BYTES = 64 * 1024  # a real notice is about 2 KB
MAX_CHARS = 20_000
MAX_RANGE_DAYS = 15  # the longest real break is 9 days
SHOWN_CHARS = 60  # of a refused line, in the message

FESTIVALS = {
    "元旦": statutory_holidays.NEW_YEAR,
    "春节": statutory_holidays.SPRING,
    "清明节": statutory_holidays.QINGMING,
    "清明": statutory_holidays.QINGMING,
    "劳动节": statutory_holidays.LABOUR,
    "端午节": statutory_holidays.DRAGON_BOAT,
    "端午": statutory_holidays.DRAGON_BOAT,
    "中秋节": statutory_holidays.MID_AUTUMN,
    "中秋": statutory_holidays.MID_AUTUMN,
    "国庆节": statutory_holidays.NATIONAL,
}
_WEEKDAYS = "一二三四五六日"
_NUMERALS = "一二三四五六七八九十"

_TITLE = re.compile(r"关于(\d{4})年部分节假日安排的通知")
_DOC_NUMBER = re.compile(r"国办发(?:明电)?[\[〔(]\d{4}[\]〕)]\d+号")
_ITEM = re.compile(r"^([一二三四五六七八九十]+)、([^:]{1,20}):(.*)$")
_DATE = r"(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:\(([^()]*)\))?"
_DATE_RE = re.compile(_DATE)
_DAYS_OFF = re.compile(rf"^{_DATE}(?:至{_DATE})?放假(?:调休)?(?:(\d+|[{_NUMERALS}])天)?$")
_COUNT = re.compile(rf"^共(\d+|[{_NUMERALS}])天$")
_DATES_THEN = re.compile(rf"^(?P<dates>{_DATE}(?:、{_DATE})*)(?P<what>上班|补休)$")
_REMARKS = ("与周末连休", "不调休")
_ADVICE = "鼓励"  # 鼓励各单位…安排职工在除夕（2月9日）休息: advice, not the schedule
_SCHEDULE_WORDS = ("放假", "上班", "调休", "补休")
_DATE_PART = re.compile(r"\d{1,2}[月日]")
MAKEUP_REACH = 30  # days between a make-up working day and its festival's break (real: 11)


@dataclass(frozen=True)
class Festival:
    names: tuple[str, ...]  # ("国庆节", "中秋节") when one line covers both
    line: int
    days_off: tuple[date, ...]
    makeup: tuple[date, ...]


@dataclass(frozen=True)
class Notice:
    year: int
    title: str
    number: str  # 国办发明电〔2025〕7号, when the text carries it
    festivals: tuple[Festival, ...]

    @property
    def days_off(self) -> list[date]:
        return sorted(d for f in self.festivals for d in f.days_off)

    @property
    def makeup(self) -> list[date]:
        return sorted(d for f in self.festivals for d in f.makeup)

    @property
    def source(self) -> str:
        return f"国务院办公厅{self.title}" + (f"（{self.number}）" if self.number else "")

    def is_workday(self, day: date) -> bool:
        """What the notice alone says of `day` (a weekday not named is worked)."""
        if day in self.makeup:
            return True
        return day not in self.days_off and day.weekday() < 5


class NoticeError(UserError):
    """The text is not a notice this program can read in full; `line` is 1-based (0: none)."""

    def __init__(self, message: str, line: int = 0) -> None:
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class DayChange:
    day: date
    before: str  # a WorkCalendar.kind()
    after: str

    @property
    def workday_changed(self) -> bool:
        return (self.before in _WORKING) != (self.after in _WORKING)


_WORKING = ("workday", "makeup")


@dataclass(frozen=True)
class Comparison:
    """Where the notice differs from the calendar in use for its year."""

    notice: Notice
    provisional: bool  # the year had no notice yet: compared with the law's provisional days
    changes: tuple[DayChange, ...] = field(default=())

    @property
    def before_label(self) -> str:
        return "暂定安排" if self.provisional else "现行安排"

    def as_dict(self) -> dict:
        notice = self.notice
        return {
            "year": notice.year,
            "source": notice.source,
            "provisional": self.provisional,
            "days_off": [d.isoformat() for d in notice.days_off],
            "makeup_workdays": [d.isoformat() for d in notice.makeup],
            "festivals": [
                {
                    "name": "、".join(f.names),
                    "line": f.line,
                    "days_off": [d.isoformat() for d in f.days_off],
                    "makeup_workdays": [d.isoformat() for d in f.makeup],
                }
                for f in notice.festivals
            ],
            "changes": [
                {
                    "day": c.day.isoformat(),
                    "before": c.before,
                    "before_label": KIND_LABELS[c.before],
                    "after": c.after,
                    "after_label": KIND_LABELS[c.after],
                    "workday_changed": c.workday_changed,
                }
                for c in self.changes
            ],
        }


# --- reading -----------------------------------------------------------------------------
def read_file(path: Path) -> str:
    """The text of a notice saved as a .txt file (UTF-8 or GB18030), or a UserError saying why
    the file cannot be one."""
    try:
        if not path.is_file():
            raise UserError(f"放假通知文件：{path} 不存在或不是文件。", field="放假通知文件")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise UserError(
                f"放假通知文件：{path.name} 超过 {MAX_FILE_BYTES // 1024} KB，不是一份放假通知。"
                "请只保存通知正文。",
                field="放假通知文件",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(
            f"放假通知文件：无法读取 {path}（{exc.strerror or exc}）。", field="放假通知文件"
        ) from None
    return decode(data, path.name)


def decode(data: bytes, name: str = "") -> str:
    label = f"放假通知文件 {name}" if name else "放假通知"
    if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):  # Notepad's "Unicode"
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            text = ""
        # bytes that merely begin like a mark decode to one line of odd characters
        if "\n" in text and "\ufeff" not in text:
            return text
        raise UserError(
            f"{label}：文字编码无法识别（应为 UTF-8、GB18030 或 UTF-16）。", field=label
        )
    if b"\x00" in data:
        raise UserError(f"{label}：不是文本文件，请将通知正文另存为 .txt 文本文件。", field=label)
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UserError(f"{label}：文字编码无法识别（应为 UTF-8 或 GB18030）。", field=label)


def parse(text: str) -> Notice:
    """The notice in `text`, read in full, or a NoticeError naming the line that failed."""
    if len(text) > MAX_CHARS:
        raise NoticeError(f"放假通知：文字超过 {MAX_CHARS} 字，不是一份放假通知。")
    # lines numbered as an editor numbers them (str.splitlines also breaks at \x0c, \u2028…)
    raw = [line.strip() for line in re.split(r"\r\n|\r|\n", text)]
    lines = [_clean(line) for line in raw]
    year, title = _title(lines, raw)
    number = next((m.group(0) for line in lines if (m := _DOC_NUMBER.search(line))), "")
    festivals: list[Festival] = []
    for index, line in _items(lines, raw):
        festivals.append(_festival(line, index + 1, year, raw[index]))
    notice = Notice(year, title, _to_brackets(number), tuple(festivals))
    _check_whole(notice, raw)
    return notice


def _clean(line: str) -> str:
    """Full-width digits and punctuation as half-width, no spaces, and none of the invisible
    format characters (zero-width spaces, joiners, direction marks) a web page's text brings."""
    shown = unicodedata.normalize("NFKC", line)
    return "".join("".join(c for c in shown if unicodedata.category(c) != "Cf").split())


def _to_brackets(number: str) -> str:
    return re.sub(r"[\[(](\d{4})[\])]", r"〔\1〕", number)


def _refuse(lineno: int, line: str, why: str) -> NoticeError:
    shown = line if len(line) <= SHOWN_CHARS else line[:SHOWN_CHARS] + "…"
    return NoticeError(f"放假通知第 {lineno} 行无法识别：“{shown}”。{why}", lineno)


def _title(lines: list[str], raw: list[str]) -> tuple[int, str]:
    found = [(i, m) for i, line in enumerate(lines) if (m := _TITLE.search(line))]
    if not found:
        raise NoticeError(
            "放假通知：没有找到标题“关于XXXX年部分节假日安排的通知”，无法确定年份。"
            "请粘贴包括标题在内的通知全文。"
        )
    years = {int(m.group(1)) for _i, m in found}
    if len(years) > 1:
        index = next(i for i, m in found if int(m.group(1)) != int(found[0][1].group(1)))
        raise _refuse(index + 1, raw[index], "一份通知只能有一个年份。")
    index, match = found[0]
    year = int(match.group(1))
    if not 2000 <= year <= 2100:
        raise _refuse(index + 1, raw[index], f"年份 {year} 不正确。")
    return year, match.group(0)


def _items(lines: list[str], raw: list[str]) -> Iterator[tuple[int, str]]:
    """(index of first line, text) of each numbered festival line, a paragraph broken over
    several lines joined again; any other line that reads like a schedule is refused."""
    index = 0
    while index < len(lines):
        line = lines[index]
        if _ITEM.match(line):
            first = index
            while index + 1 < len(lines):
                following = lines[index + 1]
                if not following or _ITEM.match(following) or _names_festival(following):
                    break
                if not (_looks_like_schedule(following) or _continues(line, following)):
                    break
                line += following
                index += 1
            yield first, line
        elif _looks_like_schedule(line):
            raise _refuse(
                index + 1, raw[index], "节假日安排应写在“一、元旦：……”这样带序号的段落中。"
            )
        index += 1


def _continues(line: str, following: str) -> bool:
    """Whether `following` is the rest of a sentence broken off at the end of `line`."""
    return not line.endswith("。") and (
        any(char.isdigit() for char in following)
        or any(word in following for word in _SCHEDULE_WORDS)
    )


def _names_festival(line: str) -> bool:
    return any(line.startswith(name + ":") for name in FESTIVALS)


def _looks_like_schedule(line: str) -> bool:
    if _names_festival(line):
        return True
    return bool(_DATE_PART.search(line)) and any(word in line for word in _SCHEDULE_WORDS)


def _festival(line: str, lineno: int, year: int, shown: str) -> Festival:
    match = _ITEM.match(line)
    assert match is not None  # _items yields numbered lines only
    names = tuple(match.group(2).split("、"))
    unknown = [n for n in names if n not in FESTIVALS]
    if unknown:
        raise _refuse(lineno, shown, f"“{unknown[0]}”不是法定节日的名称。")
    days_off: list[date] = []
    makeup: list[date] = []
    stated: list[int] = []
    body = match.group(3).replace(".", "。")
    sentences = [s for s in body.split("。") if s]
    if not sentences:
        raise _refuse(lineno, shown, "没有写明放假日期。")
    for sentence in sentences:
        if sentence.startswith(_ADVICE):
            continue
        for clause in _clauses(sentence):
            try:
                _read_clause(clause, year, days_off, makeup, stated)
            except ValueError as exc:
                raise _refuse(lineno, shown, str(exc)) from None
    festival = Festival(tuple(FESTIVALS[n] for n in names), lineno, tuple(days_off), tuple(makeup))
    _check_festival(festival, shown, stated)
    return festival


def _clauses(sentence: str) -> list[str]:
    """`sentence` split at commas and semicolons outside brackets."""
    parts, depth, current = [], 0, ""
    for char in sentence:
        depth += (char == "(") - (char == ")")
        if char in ",;" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    return [*parts, current]


def _read_clause(
    clause: str, year: int, days_off: list[date], makeup: list[date], stated: list[int]
) -> None:
    if clause in _REMARKS:
        return
    if m := _COUNT.match(clause):
        stated.append(_number(m.group(1)))
        return
    if m := _DAYS_OFF.match(clause):
        start = _date(m.groups()[0:4], year, None)
        end = _date(m.groups()[4:8], year, start) if m.group(7) else start
        if end < start:
            raise ValueError(f"{_md(end)}早于{_md(start)}。")
        if (end - start).days >= MAX_RANGE_DAYS:
            raise ValueError(f"放假日期范围超过 {MAX_RANGE_DAYS} 天，请核对。")
        days_off.extend(start + timedelta(days=k) for k in range((end - start).days + 1))
        if m.group(9):
            stated.append(_number(m.group(9)))
        return
    if m := _DATES_THEN.match(clause):
        days = [_date(d.groups(), year, None) for d in _DATE_RE.finditer(m.group("dates"))]
        if m.group("what") == "上班":
            weekdays = [d for d in days if d.weekday() < 5]
            if weekdays:
                raise ValueError(f"{_md(weekdays[0])}是工作日，不能是调休上班日。")
            makeup.extend(days)
        else:
            days_off.extend(days)
        return
    raise ValueError(f"不能识别“{clause}”。")


def _date(parts: Sequence[str | None], year: int, start: date | None) -> date:
    """A date of the notice (the groups of _DATE): year and month may be left out after the
    first date of a range ("9月29日至10月6日", "1月1日至3日")."""
    y, m, d, note = parts
    assert d is not None  # the one group _DATE requires
    if m:
        month = int(m)
    elif start is not None:
        month = start.month
    else:
        raise ValueError(f"“{d}日”没有写明月份。")
    the_year = int(y) if y else (start.year if start else year)
    try:
        day = date(the_year, month, int(d))
        if start is not None and not y and day < start:
            day = date(the_year + 1, month, int(d))
    except ValueError:
        raise ValueError(f"{the_year}年{month}月{d}日不是有效的日期。") from None
    beside = (day.year, day.month) in ((year - 1, 12), (year + 1, 1))
    if day.year != year and not beside:
        raise ValueError(f"{day.year}年{_md(day)}不在 {year} 年前后。")
    if note is not None:
        _check_note(day, note)
    return day


def _check_note(day: date, note: str) -> None:
    """The bracket after a date: its weekday (checked) and the lunar date (not checked)."""
    for part in note.split("、"):
        weekday = re.fullmatch(r"(?:周|星期)([一二三四五六日天])", part)
        if weekday:
            named = _WEEKDAYS.index(weekday.group(1).replace("天", "日"))
            if named != day.weekday():
                raise ValueError(
                    f"{day.year}年{_md(day)}是周{_WEEKDAYS[day.weekday()]}，不是{part}。"
                )
        elif not (part.startswith("农历") or part in ("除夕", "春节")):
            raise ValueError(f"括号中的“{part}”不能识别。")


def _number(text: str) -> int:
    return int(text) if text.isdigit() else _NUMERALS.index(text) + 1


def _md(day: date) -> str:
    return f"{day.month}月{day.day}日"


def _check_festival(festival: Festival, line: str, stated: list[int]) -> None:
    if not festival.days_off:
        raise _refuse(festival.line, line, "没有写明放假日期。")
    if len(set(festival.days_off)) != len(festival.days_off):
        raise _refuse(festival.line, line, "放假日期有重复。")
    for count in stated:
        if count != len(festival.days_off):
            raise _refuse(
                festival.line,
                line,
                f"写明共 {count} 天，但所列放假日期（{_md(festival.days_off[0])}至"
                f"{_md(festival.days_off[-1])}）共 {len(festival.days_off)} 天。",
            )
    both = set(festival.days_off) & set(festival.makeup)
    if both:
        raise _refuse(festival.line, line, f"{_md(min(both))}不能既放假又上班。")


def _check_whole(notice: Notice, raw: list[str]) -> None:
    seen: dict[str, Festival] = {}
    days: dict[date, Festival] = {}
    for festival in notice.festivals:
        for name in festival.names:
            if name in seen:
                raise _refuse(festival.line, raw[festival.line - 1], f"{name}的安排重复出现。")
            seen[name] = festival
        for day in (*festival.days_off, *festival.makeup):
            if day in days:
                raise _refuse(
                    festival.line,
                    raw[festival.line - 1],
                    f"{_md(day)}已在第 {days[day].line} 行出现。",
                )
            days[day] = festival
    _check_law(notice, raw)
    required = dict.fromkeys(statutory_holidays.holidays(notice.year).values())
    missing = [name for name in required if name not in seen]
    if missing:
        raise NoticeError(
            f"放假通知不完整：没有找到{'、'.join(missing)}的安排"
            f"（应有{'、'.join(required)}）。请粘贴通知全文。"
        )


def _check_law(notice: Notice, raw: list[str]) -> None:
    """Each festival's break holds its statutory days (全国年节及纪念日放假办法) and its
    make-up days lie near it: a mistyped month ("3月1日至7日" for 国庆节) is caught."""
    law = statutory_holidays.holidays(notice.year)
    off = set(notice.days_off)
    for festival in notice.festivals:
        own = sorted(d for d, name in law.items() if name in festival.names)
        missing = [d for d in own if d not in off]
        if missing or (own and not set(own) & set(festival.days_off)):
            day = (missing or own)[0]
            raise _refuse(
                festival.line,
                raw[festival.line - 1],
                f"{'、'.join(festival.names)}的法定节假日{_md(day)}不在所列放假日期中。",
            )
        first, last = min(festival.days_off), max(festival.days_off)
        for day in festival.makeup:
            if (first - day).days > MAKEUP_REACH or (day - last).days > MAKEUP_REACH:
                raise _refuse(
                    festival.line,
                    raw[festival.line - 1],
                    f"调休上班日{_md(day)}离{'、'.join(festival.names)}假期太远，请核对。",
                )


# --- comparing and saving ----------------------------------------------------------------
def may_load(actor: Actor | None) -> bool:
    """Whether `actor` may enter a notice (the GUI enables its button from this)."""
    return allowed(actor, Permission.SETTINGS)


def compare(s: Session, notice: Notice) -> Comparison:
    """Each day of the notice's year (and of its days in the years beside it) whose kind the
    notice changes, against the calendar in use now."""
    before = workcalendar.load(s)
    provisional = not before.knows(notice.year)
    after = _calendar_after(before, notice, _stale(s, notice))
    days = [date(notice.year, 1, 1) + timedelta(days=k) for k in range(366)]
    days = [d for d in days if d.year == notice.year]
    days += [d for d in notice.days_off + notice.makeup if d.year != notice.year]
    changes = [DayChange(d, before.kind(d), after.kind(d)) for d in sorted(days)]
    return Comparison(notice, provisional, tuple(c for c in changes if c.before != c.after))


def save(s: Session, actor: Actor, notice: Notice) -> Comparison:
    """Enter the notice's year (one transaction, audited): the days it names replace those an
    earlier notice for the year had entered; the office's own corrections stay."""
    require(actor, Permission.SETTINGS)
    workcalendar.lock_for_writing(s)
    comparison = compare(s, notice)
    for day in _stale(s, notice):
        workcalendar.clear_day(s, actor, day)
    for change in comparison.changes:
        if change.day.year != notice.year:  # e.g. 2022-12-31 in the notice for 2023
            working = notice.is_workday(change.day)
            note = _outside_note(MAKEUP_NOTE if working else HOLIDAY_NOTE, notice.year)
            workcalendar.set_day(s, actor, change.day, working, note)
    workcalendar.enter_year(
        s,
        actor,
        notice.year,
        [d for d in notice.days_off if d.year == notice.year],
        [d for d in notice.makeup if d.year == notice.year],
        notice.source,
    )
    return comparison


def _outside_note(note: str, year: int) -> str:
    """The note of a day a notice gives to the year beside its own: it names the notice, so
    entering that other year's notice again leaves the day alone."""
    return f"{note}（{year}年通知）"


def _stale(s: Session, notice: Notice) -> list[date]:
    """Days an earlier notice for the year entered that this one does not name: in its own year,
    and those it gave to the years beside it."""
    named = set(notice.days_off) | set(notice.makeup)
    own = (HOLIDAY_NOTE, MAKEUP_NOTE)
    beside = tuple(_outside_note(note, notice.year) for note in own)
    rows = [
        *((row, own) for row in workcalendar.corrections(s, notice.year)),
        *((row, beside) for row in workcalendar.corrections(s, notice.year - 1)),
        *((row, beside) for row in workcalendar.corrections(s, notice.year + 1)),
    ]
    return [row.day for row, notes in rows if row.note in notes and row.day not in named]


def _calendar_after(before: WorkCalendar, notice: Notice, stale: list[date]) -> WorkCalendar:
    overrides = {d: v for d, v in before.overrides.items() if d not in stale}
    holidays = set(before.office_holidays) - set(stale)
    for day in notice.days_off:
        overrides[day] = False
        holidays.add(day)
    for day in notice.makeup:
        overrides[day] = True
    return WorkCalendar(
        overrides,
        before.office_years | {notice.year},
        office_holidays=frozenset(holidays),
        extend_holidays=before.extend_holidays,
    )
