import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.services.basis_suggest import LawLevel, SuggestedBasis, guess_level, law_key, suggest

LAW = LawLevel.LAW
ADMIN = LawLevel.ADMIN_REGULATION
LOCAL = LawLevel.LOCAL_REGULATION
RULE = LawLevel.RULE
UPPER = LawLevel.UPPER_DOCUMENT

PREAMBLE = "为了持续优化营商环境，激发市场主体活力，根据《中华人民共和国行政许可法》《优化营商环境条例》等法律法规，结合本市实际，制定本办法。"
SUPERVISION = "第二条 市场监督管理部门依据《广东省市场监督管理条例》第五条、第七条第一款的规定，实施登记管理。"

MEASURES = f"""XX市优化营商环境办法

{PREAMBLE}

第一条 本办法适用于本市行政区域内的营商环境优化工作。
{SUPERVISION}
第三条 违反本办法规定的，依照《中华人民共和国行政许可法（2019年修正）》第六十九条处理。
第四条 市人民政府各部门应当遵守《中华人民共和国政府信息公开条例》的规定。
第五条 本办法自2024年3月1日起施行，并在《XX市人民政府公报》上公布。
"""


def test_preamble_and_cited_articles_are_suggested_in_order_of_first_mention():
    assert suggest(MEASURES, own_title="XX市优化营商环境办法") == [
        SuggestedBasis("中华人民共和国行政许可法", LAW, "第六十九条", PREAMBLE),
        SuggestedBasis("优化营商环境条例", ADMIN, "", PREAMBLE),
        SuggestedBasis("广东省市场监督管理条例", LOCAL, "第五条、第七条第一款", SUPERVISION),
    ]


def test_a_title_named_in_an_article_without_citing_word_is_not_a_basis():
    names = [s.name for s in suggest(MEASURES)]
    assert "中华人民共和国政府信息公开条例" not in names


def test_newspapers_and_gazettes_are_never_a_basis():
    assert suggest("根据《人民日报》报道，依照《XX市人民政府公报》刊登的文件。") == []


ISSUE_NOTICE = """XX市人民政府关于印发《XX市行政规范性文件管理办法》的通知
各区人民政府，市政府各部门：
根据《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）和《广东省行政规范性文件管理规定》，现将《XX市行政规范性文件管理办法》印发给你们，请认真贯彻执行。
XX市人民政府
2024年3月1日
"""


def test_the_document_being_issued_is_left_out():
    assert [(s.name, s.level) for s in suggest(ISSUE_NOTICE)] == [
        ("国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知", UPPER),
        ("广东省行政规范性文件管理规定", RULE),
    ]


def test_the_own_title_is_left_out_however_it_is_written():
    text = "根据《XX市行政规范性文件管理办法（试行）》和《中华人民共和国立法法》，制定本细则。"
    own = " XX市行政规范性文件管理办法(试行) "
    assert [s.name for s in suggest(text, own_title=own)] == ["中华人民共和国立法法"]


def test_the_title_inside_an_issuing_notices_own_title_is_left_out():
    text = "依据《XX市行政规范性文件管理办法》第三条，各区应当建立审核机制。"
    own = "XX市人民政府关于印发《XX市行政规范性文件管理办法》的通知"
    assert suggest(text, own_title=own) == []


def test_a_forwarded_document_is_left_out():
    text = "按照省政府要求，现将《国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见》转发给你们。"
    assert suggest(text) == []


def test_issuing_words_inside_an_earlier_title_do_not_hide_the_next_one():
    text = "根据《国务院关于印发全面推进依法行政实施纲要的通知》《广东省行政执法监督条例》，制定本规定。"
    assert [s.name for s in suggest(text)] == [
        "国务院关于印发全面推进依法行政实施纲要的通知",
        "广东省行政执法监督条例",
    ]


def test_editions_of_one_law_are_one_suggestion_with_all_articles():
    first = "根据《中华人民共和国行政处罚法（2021年修订）》第十二条，制定本规定。"
    text = f"""XX局行政处罚裁量权基准规定
{first}
第一条 依照《行政处罚法》第十二条、第十四条第二款和第十六条，明确裁量基准。
第二条 依据《中华人民共和国行政处罚法 (2017年修正)》第三十二条，从轻处罚。
"""
    assert suggest(text) == [
        SuggestedBasis(
            "中华人民共和国行政处罚法（2021年修订）",
            LAW,
            "第十二条、第十四条第二款、第十六条、第三十二条",
            first,
        )
    ]


def test_a_trial_instrument_is_not_merged_with_the_final_one():
    text = (
        "根据《XX省政府规章立法后评估办法（试行）》和《XX省政府规章立法后评估办法》，制定本细则。"
    )
    assert [s.name for s in suggest(text)] == [
        "XX省政府规章立法后评估办法（试行）",
        "XX省政府规章立法后评估办法",
    ]


OPINIONS = """XX市人民政府关于进一步规范行政裁量权基准的意见
为贯彻落实《国务院办公厅关于进一步规范行政裁量权基准制定和管理工作的意见》精神，现提出如下意见：
一、总体要求
坚持《法治政府建设实施纲要（2021－2025年）》确定的目标。
二、主要任务
（一）各部门依照《中华人民共和国行政处罚法》第三十四条制定裁量基准。
"""


def test_preamble_ends_at_the_first_list_heading():
    assert [(s.name, s.level, s.articles) for s in suggest(OPINIONS)] == [
        ("国务院办公厅关于进一步规范行政裁量权基准制定和管理工作的意见", UPPER, ""),
        ("中华人民共和国行政处罚法", LAW, "第三十四条"),
    ]


def test_preamble_ends_at_the_first_chapter_heading_even_in_one_line_of_text():
    text = "为了规范行政执法，参照《XX省行政执法办法》，制定本办法。第一章 总则 参照《YY省行政执法办法》执行。"
    assert [s.name for s in suggest(text)] == ["XX省行政执法办法"]


def test_an_article_reference_in_the_preamble_is_not_a_heading():
    text = "根据《中华人民共和国立法法》第一条的精神，参照《XX省行政执法办法》，制定本办法。\n第一条 适用范围。"
    assert [(s.name, s.articles) for s in suggest(text)] == [
        ("中华人民共和国立法法", "第一条"),
        ("XX省行政执法办法", ""),
    ]


def test_a_text_without_headings_is_all_preamble():
    assert [s.name for s in suggest("本规定参照《XX省行政执法办法》执行。")] == ["XX省行政执法办法"]


def test_the_citing_word_must_come_before_the_title_in_the_same_sentence():
    text = "第一章 总则\n第一条 执法人员是指《XX条例》规定的人员，依据本办法履职。依据上级要求；《YY条例》另有规定的除外。"
    assert suggest(text) == []


@pytest.mark.parametrize(
    ("after", "articles"),
    [
        ("第十二条、第十四条第二款和第十六条", "第十二条、第十四条第二款、第十六条"),
        ("第十四条第二款、第三款", "第十四条第二款、第十四条第三款"),
        ("第十四条第二款第一项、第三项", "第十四条第二款第一项、第十四条第二款第三项"),
        ("第十条至第十五条", "第十条至第十五条"),
        ("第二十条之一及第二十一条", "第二十条之一、第二十一条"),
        ("第12条、第14条", "第12条、第14条"),
        ("（2019年修正）第五条", "第五条"),
        (" 第一百零三条", "第一百零三条"),
        ("的规定", ""),
        ("第三条和《YY法》第四条", "第三条"),
    ],
)
def test_articles_right_after_the_title(after, articles):
    assert suggest(f"根据《XX法》{after}，制定本办法。")[0].articles == articles


def test_long_sentences_give_about_eighty_characters_around_the_title():
    filler = "持续深化放管服改革，" * 8
    text = f"为了{filler}根据《中华人民共和国行政许可法》第十二条，{filler}制定本办法。"
    [basis] = suggest(text)
    assert basis.evidence.startswith("…") and basis.evidence.endswith("…")
    assert "《中华人民共和国行政许可法》第十二条" in basis.evidence
    assert len(basis.evidence) <= 82


def test_one_character_and_empty_titles_are_ignored():
    assert suggest("根据《法》《 》《》和《中华人民共和国》，制定本办法。") == []


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("《中华人民共和国行政处罚法》", "行政处罚法"),
        ("中华人民共和国行政处罚法（2021年修订）", "行政处罚法"),
        ("行政许可法(2019年修正)", "行政许可法"),
        ("中华人民共和国行政处罚法（2017年第二次修正）", "行政处罚法"),
        ("中华人民共和国立法法（2000年3月15日公布）", "立法法"),
        ("城乡规划法（2015年修改）（2019年修正）", "城乡规划法"),
        (" 中华 人民共和国 行政处罚法 ", "行政处罚法"),
        ("ＸＸ市管理办法（试行）", "XX市管理办法(试行)"),
        ("XX市管理办法（试行）（2020年修订）", "XX市管理办法(试行)"),
        (
            "关于修改〈中华人民共和国建筑法〉等八部法律的决定",
            "关于修改中华人民共和国建筑法等八部法律的决定",
        ),
        ("法治政府建设实施纲要（2021－2025年）", "法治政府建设实施纲要(2021-2025年)"),
    ],
)
def test_law_key(written, key):
    assert law_key(written) == key


def test_law_key_keeps_a_trial_instrument_apart():
    assert law_key("XX管理办法（试行）") == law_key("XX管理办法(试行)")
    assert law_key("XX管理办法（试行）") != law_key("XX管理办法")


@pytest.mark.parametrize(
    ("name", "level"),
    [
        ("中华人民共和国行政许可法", LAW),
        ("行政处罚法", LAW),
        ("中华人民共和国行政复议法（2023年修订）", LAW),
        ("中华人民共和国民法典", LAW),
        ("中华人民共和国宪法", LAW),
        ("全国人民代表大会常务委员会关于修改〈中华人民共和国建筑法〉等八部法律的决定", LAW),
        ("关于修改〈中华人民共和国行政许可法〉的决定", LAW),
        ("中华人民共和国政府信息公开条例", ADMIN),
        ("优化营商环境条例", ADMIN),
        ("规章制定程序条例", ADMIN),
        ("法规规章备案条例", ADMIN),
        ("重大行政决策程序暂行条例", ADMIN),
        ("公平竞争审查条例", ADMIN),
        ("中华人民共和国土地管理法实施条例", ADMIN),
        ("城市市容和环境卫生管理条例", ADMIN),
        ("市场主体登记管理条例", ADMIN),
        ("国务院关于经营者集中申报标准的规定", ADMIN),
        ("广东省行政执法监督条例", LOCAL),
        ("北京市优化营商环境条例", LOCAL),
        ("内蒙古自治区草原管理条例", LOCAL),
        ("深圳经济特区优化营商环境条例", LOCAL),
        ("延边朝鲜族自治州朝鲜语言文字工作条例", LOCAL),
        ("广东省实施〈中华人民共和国土地管理法〉办法", LOCAL),
        ("市场监督管理行政处罚程序规定", RULE),
        ("市场监督管理行政许可程序暂行规定", RULE),
        ("网络交易监督管理办法", RULE),
        ("北京市行政规范性文件合法性审核办法", RULE),
        ("江苏省行政规范性文件管理规定", RULE),
        ("商务部关于外国投资者并购境内企业的规定", RULE),
        ("XX市行政规范性文件管理办法（试行）", RULE),
        ("国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知", UPPER),
        ("国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见", UPPER),
        ("中共中央 国务院关于加快建设全国统一大市场的意见", UPPER),
        ("法治政府建设实施纲要（2021－2025年）", UPPER),
        ("广东省人民政府办公厅关于印发广东省行政执法案卷评查办法的通知", UPPER),
        ("关于进一步加强行政规范性文件备案审查工作的若干规定", UPPER),
        ("XX市数字政府建设三年行动方案", UPPER),
    ],
)
def test_guess_level(name, level):
    assert guess_level(name) == level


# Properties ---------------------------------------------------------------------------------

PIECES = st.sampled_from(
    [
        "《", "》", "〈", "〉", "根据", "依照", "印发", "现将", "第一条", "第一章", "一、", "\n",
        "。", "，", "；", "、", "和", "至", "第十二条", "第三款", "第2项", "中华人民共和国",
        "行政处罚法", "条例", "办法", "（2019年修正）", "（试行）", " ", "　", "公报",
    ]
)  # fmt: skip
DOCUMENTS = st.one_of(
    st.text(),
    st.lists(st.one_of(PIECES, st.text(max_size=3)), max_size=40).map("".join),
)


def _between_marks(text: str, name: str) -> bool:
    at = text.find(name)
    while at >= 0:
        if text[:at].rstrip().endswith("《") and text[at + len(name) :].lstrip().startswith("》"):
            return True
        at = text.find(name, at + 1)
    return False


@given(DOCUMENTS, st.one_of(st.just(""), DOCUMENTS))
def test_suggestions_are_titles_of_the_text_one_per_law(text, own_title):
    found = suggest(text, own_title)
    assert all(_between_marks(text, s.name) for s in found)
    assert len({law_key(s.name) for s in found}) == len(found)
    assert all(s.level == guess_level(s.name) for s in found)
    assert all(s.articles == "" or s.articles.startswith("第") for s in found)
