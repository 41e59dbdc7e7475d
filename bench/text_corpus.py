"""Normative-document texts for the text-search bench: articles "第X条 …" written from a vocabulary
of administrative-law phrases around each document's own title and keywords, so that common words
(人民政府, 应当, 监督管理) are in nearly every text, a topic's words in a few hundred and the
place names and figures in a handful, as trigram posting lists are in an office's real texts.
Deterministic: the same seed and documents give the same texts."""

from __future__ import annotations

import random
import re

CITY = "河清市"
NUMERALS = "〇一二三四五六七八九"

CHAPTERS = (
    "总则",
    "职责分工",
    "申请与受理",
    "审核与决定",
    "资金保障",
    "监督管理",
    "法律责任",
    "附则",
)

LAWS = (
    "中华人民共和国行政许可法", "中华人民共和国行政处罚法", "中华人民共和国行政强制法",
    "中华人民共和国预算法", "中华人民共和国政府信息公开条例", "社会救助暂行办法",
    "中华人民共和国政府采购法", "中华人民共和国土地管理法", "中华人民共和国城乡规划法",
    "中华人民共和国食品安全法", "中华人民共和国特种设备安全法", "中华人民共和国价格法",
    "中华人民共和国环境保护法", "中华人民共和国义务教育法", "中华人民共和国民办教育促进法",
    "中华人民共和国就业促进法", "中华人民共和国社会保险法", "住房公积金管理条例",
    "物业管理条例", "城市道路管理条例", "农村公路条例", "排污许可管理条例",
    "优化营商环境条例", "重大行政决策程序暂行条例", "广东省社会救助条例",
    "广东省行政规范性文件管理规定", "中华人民共和国老年人权益保障法", "殡葬管理条例",
    "中华人民共和国招标投标法", "不动产登记暂行条例",
)  # fmt: skip

ACTORS = (
    "市人民政府", "县（市、区）人民政府", "乡镇人民政府、街道办事处", "村（居）民委员会",
    "市财政局", "市审计局", "市司法局", "市发展和改革局", "市行政审批局", "市政务服务数据管理局",
    "县级以上人民政府有关部门", "主管部门", "财政部门", "审计机关", "监察机关", "申请人",
    "经营者", "用人单位", "受托单位", "第三方机构", "街道办事处", "社区工作人员",
)  # fmt: skip

DUTIES = (
    "负责{topic}工作的统筹协调和监督指导",
    "按照职责分工做好{kw}相关工作",
    "建立健全{topic}工作机制，明确责任分工，加强部门协作",
    "将{topic}所需经费列入本级财政预算，实行专款专用",
    "对{kw}资金的使用情况进行监督检查",
    "依法公开{topic}的办理条件、办理程序、办理时限和监督电话",
    "做好{kw}和{thing}的政策宣传、业务培训和档案管理",
    "会同有关部门制定{topic}的具体实施方案，报本级人民政府批准后实施",
    "加强{thing}信息化建设，推进数据共享和业务协同",
    "组织开展{topic}工作的绩效评价，评价结果作为安排资金的重要依据",
    "受理群众对{kw}工作的投诉举报，并在{days}个工作日内答复",
    "对辖区内{thing}情况进行排查摸底，建立工作台账",
)  # fmt: skip

PROCEDURES = (
    "申请人应当向户籍所在地或者经常居住地的乡镇人民政府、街道办事处提出书面申请，并如实提交有关材料",
    "受理机关应当自收到申请之日起{days}个工作日内作出是否受理的决定；材料不齐全的，应当一次性告知需要补正的全部内容",
    "审核机关应当通过入户调查、邻里访问、信函索证等方式对申请人的{kw}情况进行核查",
    "审核结果应当在申请人所在村（居）民委员会公示，公示期为{days}日",
    "对公示有异议的，审核机关应当在{days}个工作日内重新组织调查核实",
    "符合条件的，审批机关应当作出准予{kw}的书面决定；不符合条件的，应当书面说明理由",
    "申请人对决定不服的，可以依法申请行政复议或者提起行政诉讼",
    "办理{topic}事项，不得收取任何费用，不得要求申请人提交法律法规规定以外的材料",
    "涉及{thing}的材料已经通过政务服务平台共享获取的，不再要求申请人重复提交",
    "对于{thing}等情况紧急的，可以先行办理，并在{days}日内补齐有关手续",
    "{place}等试点地区可以探索简化{kw}办理流程，实行告知承诺制",
    "审批结果应当自作出决定之日起{days}个工作日内录入{kw}信息系统",
)  # fmt: skip

MONEY = (
    "{topic}资金实行“分级负担、专户管理、专款专用”，市级财政按照每人每月{amount}元的标准给予补助",
    "补贴标准为每人每年{amount}元，由财政部门根据经济社会发展水平适时调整",
    "资金拨付实行社会化发放，通过金融机构直接支付到户，不得以现金方式发放",
    "任何单位和个人不得截留、挤占、挪用、套取{kw}资金",
    "年度资金结余的，结转下一年度继续用于{topic}和{thing}",
    "财政部门应当在收到资金申请之日起{days}个工作日内完成审核拨付",
    "对{place}等财力困难地区，市级财政按照{rate}%的比例给予转移支付",
)  # fmt: skip

SUPERVISION = (
    "主管部门应当建立{topic}动态管理机制，定期对{kw}对象进行复核",
    "主管部门应当采取“双随机、一公开”的方式开展监督检查，检查结果依法向社会公开",
    "对{thing}的监督检查人员不得少于两人，并应当出示执法证件",
    "对检查中发现的问题，应当责令限期整改，整改期限一般不超过{days}日",
    "审计机关依法对{kw}资金的筹集、管理和使用情况进行审计监督",
    "建立{thing}信用记录，对失信主体依法实施联合惩戒",
    "鼓励社会各界对{topic}工作进行监督，任何单位和个人有权举报违法行为",
    "{place}应当于每年{month}月底前向市主管部门报送上一年度{kw}工作情况",
)  # fmt: skip

LIABILITY = (
    "违反本办法规定，以虚报、隐瞒、伪造等手段骗取{kw}资金的，由主管部门责令退回，并依法给予行政处罚",
    "行政机关及其工作人员在{topic}工作中滥用职权、玩忽职守、徇私舞弊的，依法给予处分；构成犯罪的，依法追究刑事责任",
    "经营者违反本办法规定的，由主管部门责令改正，给予警告；拒不改正的，处{amount}元以上{amount2}元以下罚款",
    "违反本办法规定，法律、法规已有处罚规定的，从其规定",
    "对{thing}不符合条件而出具虚假证明的单位和个人，依法追究其法律责任",
    "当事人对行政处罚决定不服的，可以依法申请行政复议或者提起行政诉讼",
)  # fmt: skip

# the articles of each chapter but the last (附则, CLOSING) are drawn from these
GROUPS = (DUTIES, DUTIES, PROCEDURES, PROCEDURES, MONEY, SUPERVISION, LIABILITY)

CLOSING = (
    "本办法由市{dept}负责解释",
    "各县（市、区）可以根据本办法，结合当地实际制定实施细则",
    "本办法自{date}起施行，有效期{years}年",
    "本办法施行前已经按照原规定办理的事项，继续有效",
    "本市此前发布的有关规定与本办法不一致的，以本办法为准",
)  # fmt: skip

# each text draws a handful of these, so each is in a few hundred of 10,000 texts
THINGS = (
    "困难群众", "低收入家庭", "农村留守老人", "留守儿童", "残疾人", "失能老人", "孤儿", "退役军人",
    "高校毕业生", "农民工", "个体工商户", "小微企业", "农民专业合作社", "家庭农场", "社会组织",
    "物业服务企业", "建筑施工企业", "房地产开发企业", "出租汽车驾驶员", "网约车平台", "校外培训机构",
    "民办幼儿园", "养老机构", "医疗机构", "食品小作坊", "农贸市场", "电梯使用单位", "燃气经营企业",
    "危险化学品", "建筑垃圾", "餐厨垃圾", "电动自行车", "共享单车", "户外广告设施", "临时占道经营",
    "违法建筑", "农村危房", "闲置宅基地", "高标准农田", "耕地保护", "农村生活污水", "黑臭水体",
    "扬尘污染", "噪声污染", "机动车排气", "再生资源回收", "公共停车场", "充电基础设施", "老旧管网",
    "二次供水", "城市照明", "地下管线", "人防工程", "消防通道", "应急避难场所", "防汛物资",
    "地质灾害隐患点", "森林防火", "野生动物", "古树名木", "历史建筑", "传统村落", "文物保护单位",
    "公共文化设施", "体育场馆", "全民健身", "学生营养餐", "校车安全", "教师培训", "职业院校",
    "技工学校", "公共实训基地", "创业孵化基地", "零工市场", "劳动争议", "欠薪治理", "工伤保险",
    "失业保险", "医疗救助", "临时救助金", "慈善捐赠", "志愿服务", "婚姻登记", "收养登记",
    "地名标志", "公益性公墓", "骨灰堂", "殡仪服务", "政府购买服务", "专项债券", "国有资本",
    "行政事业性收费", "涉企收费", "信用修复", "失信联合惩戒", "证明事项", "告知承诺", "一网通办",
    "容缺受理", "首违不罚", "包容审慎监管", "行政裁量基准", "执法全过程记录", "重大执法决定法制审核",
    "公平竞争审查", "合法性审核", "政策解读", "舆情回应", "听证会", "专家论证", "风险评估",
    "集体讨论决定", "后评估", "清理结果", "数据安全", "个人信息保护", "电子证照", "电子印章",
)  # fmt: skip

CONNECTIVES = ("同时，", "其中，", "必要时，", "对此，", "具体而言，", "此外，", "原则上，", "")

TOWN_FIRST = "青石白沙黄龙金桥新塘东岗西坝南湖北岭长乐永安太平福田龙华云溪梅林桃源柳河松岗竹园杏坛"
TOWN_SECOND = "镇乡街道村社区"
PLACE_KINDS = ("镇", "乡", "街道", "村", "社区")


def place_names() -> list[str]:
    """A few hundred place names: each text mentions two or three, so each is in a few texts."""
    firsts = [TOWN_FIRST[i : i + 2] for i in range(0, len(TOWN_FIRST), 2)]
    names = []
    for a in firsts:
        for b in firsts:
            if a != b:
                names.append(a[0] + b[1] + PLACE_KINDS[(len(names)) % len(PLACE_KINDS)])
    return names


PLACES = place_names()


def chinese_number(n: int) -> str:
    """1..199 as 第X条 writes it: 一, 十, 十二, 二十, 一百零五."""
    if n < 10:
        return NUMERALS[n]
    if n < 20:
        return "十" + (NUMERALS[n % 10] if n % 10 else "")
    if n < 100:
        return NUMERALS[n // 10] + "十" + (NUMERALS[n % 10] if n % 10 else "")
    rest = n % 100
    tail = "" if rest == 0 else ("零" + NUMERALS[rest] if rest < 10 else chinese_number(rest))
    return NUMERALS[n // 100] + "百" + tail


def topic_of(title: str) -> str:
    """The subject a demo title names: 《河清市最低生活保障管理办法》 → 最低生活保障."""
    found = re.search(r"《河清市(.+?)(管理办法|实施细则|暂行办法)", title)
    if found:
        return found.group(1)
    found = re.search(r"关于(?:进一步加强|进一步规范|做好\S*?年度|深化|调整|提高河清市)?(.+?)(工作|管理|有关问题|改革|标准)", title)  # fmt: skip
    return found.group(1) if found else title[2:10]


def document_text(rng: random.Random, title: str, keywords: str, issuer: str, chars: int) -> str:
    """About `chars` characters: the title, then chapters of articles until the length is reached."""
    topic = topic_of(title)
    words = [w for w in keywords.split("；") if w] or [topic]
    slots = {
        "topic": topic,
        "words": words,
        "places": rng.sample(PLACES, 3),
        "things": rng.sample(THINGS, 8),
        "dept": issuer.replace(CITY, "", 1) or "人民政府",
    }
    laws = rng.sample(LAWS, 3)
    lines = [
        title.replace("关于印发《", "").replace("》的通知", ""),
        "",
        "第一章 总则",
        f"第一条 为了规范{topic}工作，保障当事人的合法权益，根据《{laws[0]}》《{laws[1]}》"
        f"和《{laws[2]}》等法律法规，结合本市实际，制定本办法。",
    ]
    size, article, chapter = sum(len(x) + 1 for x in lines), 2, 0
    body_chars = chars - 250  # the closing chapter's length, about
    while size < body_chars:
        if size > body_chars * (chapter + 1) / len(GROUPS):
            chapter += 1
            lines += ["", f"第{chinese_number(chapter + 1)}章 {CHAPTERS[chapter]}"]
        group = GROUPS[chapter]
        sentences = rng.sample(group, rng.randint(1, 3))
        text = "".join(
            (rng.choice(CONNECTIVES) if k else "") + _fill(rng, t, slots) + "。"
            for k, t in enumerate(sentences)
        )
        subject = rng.choice(ACTORS) if group is DUTIES else ""
        lines.append(f"第{chinese_number(article)}条 {subject}{text}")
        size += len(lines[-1]) + 1
        article += 1
    lines += ["", f"第{chinese_number(len(CHAPTERS))}章 {CHAPTERS[-1]}"]
    for template in CLOSING:
        lines.append(f"第{chinese_number(article)}条 {_fill(rng, template, slots)}。")
        article += 1
    return "\n".join(lines)


def _fill(rng: random.Random, template: str, slots: dict) -> str:
    low = rng.randrange(100, 5000, 50)
    return template.format(
        topic=slots["topic"],
        kw=rng.choice(slots["words"]),
        thing=rng.choice(slots["things"]),
        place=rng.choice(slots["places"]),
        dept=slots["dept"],
        days=rng.choice((3, 5, 7, 10, 15, 20, 30, 60)),
        amount=low,
        amount2=low * rng.choice((2, 3, 5, 10)),
        rate=rng.choice((30, 40, 50, 60, 70, 80)),
        month=rng.randint(1, 12),
        date=f"{rng.randint(2015, 2026)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
        years=rng.choice((2, 3, 5)),
    )
