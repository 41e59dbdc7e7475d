"""A year's notice entered again, read from a Windows 'Unicode' (UTF-16) text file or pasted from a
web page with invisible characters: the days another year's notice entered stay, and the text
reads like plain UTF-8."""

import codecs
from datetime import date
from pathlib import Path

from app.services import holiday_notice, workcalendar
from app.services.permissions import SYSTEM
from tests.test_cli import normdesk

DATA = Path(__file__).parent / "data"
NOTICE_2027 = (DATA / "notice_2027_example.txt").read_text(encoding="utf-8")
# Written in the form of the real notices for a test; its 元旦 begins in the year before, as the
# notice for 2023 began on 2022-12-31.
NOTICE_2028 = """国务院办公厅关于2028年部分节假日安排的通知
国办发明电〔2027〕9号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
　　经国务院批准，现将2028年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
　　一、元旦：2027年12月31日至2028年1月2日放假，共3天。
　　二、春节：1月25日至31日放假调休，共7天。1月22日（周六）、2月12日（周六）上班。
　　三、清明节：4月4日放假，共1天。
　　四、劳动节：5月1日至5日放假调休，共5天。4月29日（周六）、5月6日（周六）上班。
　　五、端午节：5月27日至29日放假，共3天。
　　六、中秋节、国庆节：10月1日至7日放假调休，共7天。9月30日（周六）上班。
国务院办公厅
2027年11月4日
"""
NEW_YEARS_EVE = date(2027, 12, 31)  # a Friday the 2028 notice gives off


def enter(database, text: str) -> None:
    with database.transaction() as s:
        holiday_notice.save(s, SYSTEM, holiday_notice.parse(text))


def working(database, day: date) -> bool:
    with database.reading() as s:
        return workcalendar.load(s).is_workday(day)


def test_entering_a_year_again_keeps_the_days_the_next_years_notice_gave_it(database):
    enter(database, NOTICE_2027)
    enter(database, NOTICE_2028)
    assert not working(database, NEW_YEARS_EVE)
    with database.reading() as s:
        again = holiday_notice.compare(s, holiday_notice.parse(NOTICE_2027))
    assert again.changes == ()
    enter(database, NOTICE_2027)
    assert not working(database, NEW_YEARS_EVE)
    with database.reading() as s:
        assert workcalendar.load(s).kind(NEW_YEARS_EVE) == "holiday"


def test_a_corrected_notice_takes_back_a_day_it_gave_the_year_before(database):
    enter(database, NOTICE_2027)
    enter(database, NOTICE_2028)
    corrected = NOTICE_2028.replace("2027年12月31日至2028年1月2日放假", "1月1日至2日放假")
    corrected = corrected.replace("共3天。\n　　二", "共2天。\n　　二")
    enter(database, corrected)
    assert working(database, NEW_YEARS_EVE)


def test_a_utf16_file_with_its_byte_order_mark_reads_like_utf8(tmp_path, db_url):
    for name, encoding, bom in (("le.txt", "utf-16-le", codecs.BOM_UTF16_LE),
                                ("be.txt", "utf-16-be", codecs.BOM_UTF16_BE)):  # fmt: skip
        path = tmp_path / name
        path.write_bytes(bom + NOTICE_2027.encode(encoding))
        assert holiday_notice.parse(holiday_notice.read_file(path)).year == 2027
    result = normdesk("--db", db_url, "calendar", "load-notice", str(tmp_path / "le.txt"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.rstrip().endswith("已保存。")


def test_invisible_characters_pasted_from_a_web_page_are_ignored():
    pasted = "\ufeff" + NOTICE_2027.replace("元旦", "元\u200b旦").replace("春节", "春\u200d节")
    pasted = pasted.replace("1月1日", "1\u200e月1日")
    notice = holiday_notice.parse(pasted)
    assert [f.names for f in notice.festivals][:2] == [("元旦",), ("春节",)]
    assert notice.days_off == holiday_notice.parse(NOTICE_2027).days_off
