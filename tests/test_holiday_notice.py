"""Reading a 国务院办公厅 holiday notice: the real notices of 2023-2026 give exactly the bundled
working days; text that cannot be read in full is refused with its line, and nothing is saved."""

from datetime import date, timedelta
from pathlib import Path

import chinese_calendar
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.errors import UserError
from app.models import AuditEntry, CalendarDay, CalendarYear
from app.services import holiday_notice, workcalendar
from app.services.holiday_notice import NoticeError
from app.services.permissions import SYSTEM, Actor, Role

DATA = Path(__file__).parent / "data"
REAL_YEARS = (2023, 2024, 2025, 2026)


def text_of(year: int) -> str:
    name = f"notice_{year}.txt" if year in REAL_YEARS else f"notice_{year}_example.txt"
    return (DATA / name).read_text(encoding="utf-8")


def days_of(year: int) -> list[date]:
    first = date(year, 1, 1)
    return [first + timedelta(days=k) for k in range((date(year + 1, 1, 1) - first).days)]


def bundled_kind(day: date) -> str:
    weekend = day.weekday() >= 5
    if chinese_calendar.is_workday(day):
        return "makeup" if weekend else "workday"
    return "holiday" if day in chinese_calendar.constants.holidays or not weekend else "rest"


def count(database, model) -> int:
    with database.reading() as s:
        return s.scalar(select(func.count()).select_from(model))


@pytest.mark.parametrize("year", REAL_YEARS)
def test_a_real_notice_gives_exactly_the_bundled_working_days(year):
    notice = holiday_notice.parse(text_of(year))
    assert notice.year == year
    assert [
        d for d in days_of(year) if notice.is_workday(d) != chinese_calendar.is_workday(d)
    ] == []


@pytest.mark.parametrize("year", REAL_YEARS)
def test_entering_a_real_notice_into_a_year_without_one_gives_the_bundled_calendar(
    year, database, monkeypatch
):
    # as if the program's tables stopped before `year`: the year is provisional until entered
    monkeypatch.setattr(workcalendar, "BUNDLED_YEARS", range(2004, year))
    with database.reading() as s:
        assert not workcalendar.load(s).knows(year)
    with database.transaction() as s:
        comparison = holiday_notice.save(s, SYSTEM, holiday_notice.parse(text_of(year)))
    assert comparison.provisional and comparison.changes
    with database.reading() as s:
        cal = workcalendar.load(s)
    assert cal.knows(year)
    assert [d for d in days_of(year) if cal.is_workday(d) != chinese_calendar.is_workday(d)] == []
    assert [d for d in days_of(year) if cal.kind(d) != bundled_kind(d)] == []


def test_the_2026_notice_read_as_worded():
    notice = holiday_notice.parse(text_of(2026))
    spring = notice.festivals[1]
    assert spring.names == ("春节",) and spring.line == 6
    assert spring.days_off == tuple(date(2026, 2, d) for d in range(15, 24))
    assert spring.makeup == (date(2026, 2, 14), date(2026, 2, 28))
    assert notice.source == "国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）"
    assert len(notice.days_off) == 33 and len(notice.makeup) == 6


def test_one_line_for_two_festivals_and_a_range_across_months():
    notice = holiday_notice.parse(text_of(2023))
    last = notice.festivals[-1]
    assert last.names == ("中秋节", "国庆节")
    assert last.days_off[0] == date(2023, 9, 29) and last.days_off[-1] == date(2023, 10, 6)
    assert notice.festivals[0].days_off[0] == date(2022, 12, 31)  # 元旦 begins the year before


def test_full_width_half_width_and_wrapped_lines_read_alike():
    text = text_of(2026)
    full_width = text.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    half_width = text.translate(str.maketrans("（），：；", "(),:;"))
    wrapped = text.replace("放假调休，共9天。", "放假调休，\n共9天。\n").replace("至", " 至 ")
    expected = holiday_notice.parse(text)
    for variant in (full_width, half_width, wrapped):
        parsed = holiday_notice.parse(variant)
        assert (parsed.days_off, parsed.makeup) == (expected.days_off, expected.makeup)


def test_one_day_off_worded_as_gong_1_tian():
    notice = holiday_notice.parse(text_of(2027))
    assert notice.festivals[4].days_off == (date(2027, 6, 9),)


# --- refused text -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "old, new, line, why",
    [
        ("放假调休，共9天", "放假调休，共8天", 6, "写明共 8 天，但所列放假日期（2月15日至2月23日）共 9 天"),
        ("2月14日（周六）", "2月14日（周日）", 6, "2026年2月14日是周六，不是周日"),
        ("5月9日（周六）上班", "5月8日（周五）上班", 8, "5月8日是工作日，不能是调休上班日"),
        ("共9天。", "共9天，另行通知。", 6, "不能识别“另行通知”"),
        ("6月19日（周五）", "6月31日（周五）", 9, "2026年6月31日不是有效的日期"),
        ("五、端午节：", "端午节：", 9, "应写在“一、元旦：……”这样带序号的段落中"),
        ("六、中秋节：", "六、植树节：", 10, "“植树节”不是法定节日的名称"),
        ("国庆节：10月1日（周四）至7日（周三）", "国庆节：3月5日（周四）至11日（周三）", 11,
         "国庆节的法定节假日10月1日不在所列放假日期中"),
        ("5月9日（周六）上班", "7月4日（周六）上班", 8, "调休上班日7月4日离劳动节假期太远"),
        ("共5天。5月9日", "共5天。\n9日", 8, "“9日”没有写明月份"),  # a month lost in a line break
        ("10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。",
         "10月1日（周四）至", 11, "不能识别“10月1日(周四)至”"),
        ("1月4日（周日）上班", "1月3日（周六）上班", 5, "1月3日不能既放假又上班"),
        ("中秋节：9月25日（周五）至27日", "中秋节：6月19日（周五）至21日", 10, "6月19日已在第 9 行出现"),
    ],
)  # fmt: skip
def test_text_that_cannot_be_read_in_full_is_refused_naming_its_line(old, new, line, why):
    text = text_of(2026)
    assert old in text
    with pytest.raises(NoticeError) as refused:
        holiday_notice.parse(text.replace(old, new, 1))
    assert refused.value.line == line
    assert refused.value.message.startswith(f"放假通知第 {line} 行无法识别：“")
    assert why in refused.value.message


def test_a_notice_missing_a_festival_is_refused_by_name():
    text = text_of(2026)
    cut = "\n".join(line for line in text.splitlines() if "中秋节" not in line)
    with pytest.raises(NoticeError, match="没有找到中秋节的安排"):
        holiday_notice.parse(cut)


def test_text_without_the_title_is_refused_for_want_of_a_year():
    text = text_of(2026).split("\n", 1)[1]
    with pytest.raises(NoticeError, match="没有找到标题.*无法确定年份"):
        holiday_notice.parse(text)


def test_a_title_of_another_year_shows_in_the_weekdays():
    # the 2026 text under a 2027 title: every stated weekday is wrong for 2027
    with pytest.raises(NoticeError, match="第 5 行.*2027年1月1日是周五，不是周四"):
        holiday_notice.parse(text_of(2026).replace("2026年部分", "2027年部分"))


# --- comparing and saving ---------------------------------------------------------------
def test_comparison_lists_each_day_the_notice_changes_in_a_provisional_year(database):
    with database.reading() as s:
        comparison = holiday_notice.compare(s, holiday_notice.parse(text_of(2027)))
    assert comparison.provisional and comparison.before_label == "暂定安排"
    changes = {c.day: (c.before, c.after, c.workday_changed) for c in comparison.changes}
    assert changes[date(2027, 2, 9)] == ("workday", "holiday", True)  # a bridging day
    assert changes[date(2027, 1, 31)] == ("rest", "makeup", True)
    assert changes[date(2027, 2, 13)] == ("rest", "holiday", False)  # a Saturday in the break
    assert date(2027, 2, 5) not in changes  # 除夕: off by the law already
    assert sum(c.workday_changed for c in comparison.changes) == 17
    assert count(database, CalendarDay) == 0


def test_saving_is_audited_and_recomputes_the_year(database):
    notice = holiday_notice.parse(text_of(2027))
    with database.transaction() as s:
        assert workcalendar.load(s).add_workdays(date(2027, 9, 30), 1) == date(2027, 10, 4)
        holiday_notice.save(s, SYSTEM, notice)
    with database.reading() as s:
        cal = workcalendar.load(s)
        row = s.get(CalendarYear, 2027)
        actions = s.scalars(select(AuditEntry.action)).all()
    assert cal.add_workdays(date(2027, 9, 30), 1) == date(2027, 10, 8)
    assert not cal.is_provisional(date(2027, 10, 8))
    assert row.source == notice.source
    assert actions.count("calendar_year") == 1
    assert actions.count("calendar") == len(notice.days_off) + len(notice.makeup)


def test_a_corrected_notice_replaces_the_earlier_one_and_keeps_the_offices_own_days(database):
    with database.transaction() as s:
        holiday_notice.save(s, SYSTEM, holiday_notice.parse(text_of(2027)))
        workcalendar.set_day(s, SYSTEM, date(2027, 7, 1), False, "本地防汛放假")
    corrected = text_of(2027).replace(
        "10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。",
        "10月1日（周五）至3日（周日）放假，共3天。",
    )
    with database.transaction() as s:
        comparison = holiday_notice.save(s, SYSTEM, holiday_notice.parse(corrected))
        assert comparison.before_label == "现行安排"
    with database.reading() as s:
        cal = workcalendar.load(s)
    assert cal.is_workday(date(2027, 10, 4)) and not cal.is_workday(date(2027, 9, 26))
    assert not cal.is_workday(date(2027, 7, 1))


def test_a_user_without_the_settings_permission_may_not_save(database):
    clerk = Actor("小李", Role.CLERK)
    assert not holiday_notice.may_load(clerk) and holiday_notice.may_load(SYSTEM)
    with pytest.raises(UserError, match="无权执行：修改设置"), database.transaction() as s:
        holiday_notice.save(s, clerk, holiday_notice.parse(text_of(2027)))
    assert count(database, CalendarYear) == 0 and count(database, CalendarDay) == 0


# --- files ------------------------------------------------------------------------------
def test_a_gb18030_file_reads_like_utf8(tmp_path):
    path = tmp_path / "通知.txt"
    path.write_bytes(text_of(2026).encode("gb18030"))
    assert holiday_notice.parse(holiday_notice.read_file(path)).year == 2026


@pytest.mark.parametrize(
    "content, message",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "不是文本文件"),
        (b"\xff\xfe\xfd\x81\x30", "文字编码无法识别"),
        (b"x" * (holiday_notice.MAX_FILE_BYTES + 1), "超过 64 KB"),
    ],
)
def test_a_file_that_cannot_be_a_notice_is_refused(tmp_path, content, message):
    path = tmp_path / "n.txt"
    path.write_bytes(content)
    with pytest.raises(UserError, match=message):
        holiday_notice.read_file(path)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    edits=st.lists(
        st.tuples(st.integers(0, 2000), st.integers(0, 3), st.sampled_from("0123456789月日至、，。（）：周六一二放假上班调休共天\n ")),
        min_size=1,
        max_size=4,
    )
)  # fmt: skip
def test_any_garbled_notice_is_read_or_refused_by_line_never_crashes(edits):
    text = text_of(2026)
    for at, cut, char in edits:
        at %= len(text)
        text = text[:at] + char + text[at + cut :]
    try:
        notice = holiday_notice.parse(text)
    except NoticeError as refused:
        assert refused.message.startswith("放假通知")
        return
    assert notice.year and all(f.days_off for f in notice.festivals)
