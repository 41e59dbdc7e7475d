"""Realistic demo data: the issuers of one city and its normative documents, numbered, indexed and
in statuses that agree with their dates, and the office's casework on them (demo_office,
demo_steps, demo_reviews, demo_activity) so every page, printout and figure shows something
plausible. Bulk inserts keep 100,000 documents within about a minute."""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, insert, or_, select
from sqlalchemy.orm import Session

from app import clock
from app.db import continue_sequences, refresh_statistics
from app.errors import UserError
from app.models import (
    AuditEntry,
    Document,
    Filing,
    FilingResult,
    Issuer,
    NumberAllocation,
    ProcedureStep,
)
from app.services import (
    audit,
    demo_activity,
    demo_office,
    demo_reviews,
    demo_steps,
    demo_texts,
    filing,
    numbering,
    search_index,
    settings,
    validity,
    workcalendar,
)
from app.services.lifecycle import DRAFTING, STEP_ORDER, required_steps
from app.services.permissions import SYSTEM, Actor, Permission, require
from app.services.vocabulary import (
    AuditAction,
    DocStatus,
    FairCompetitionOutcome,
    FilingAnswer,
    ReviewOutcome,
    Step,
)

CITY = demo_office.CITY
TEMPLATE = "{code}GS-{year}-{seq:03d}"
FIRST_DAY = date(2015, 1, 1)
CHUNK = 5000
MAX_DOCS = 1_000_000
DRAFTS = 8  # documents in drafting a small demo has at least, about


@dataclass
class DemoSummary:
    issuers: int  # the city's issuers, created now or reused

    documents: int


@dataclass(frozen=True)
class _IssuerSpec:
    code: str
    name: str
    abbr: str
    level: str
    weight: int


@dataclass(frozen=True)
class _Topic:
    issuer: str  # code of the department in charge; its units draft the documents
    name: str
    unit: str
    keywords: str
    standard: bool = False  # has an amount or rate that is adjusted by notice


_ISSUERS = (
    _IssuerSpec("HQSZF", f"{CITY}人民政府", "河政发", "government", 8),
    _IssuerSpec("HQSZFB", f"{CITY}人民政府办公室", "河政办发", "government", 10),
    _IssuerSpec("MZ", f"{CITY}民政局", "河民发", "department", 12),
    _IssuerSpec("CZ", f"{CITY}财政局", "河财发", "department", 8),
    _IssuerSpec("RS", f"{CITY}人力资源和社会保障局", "河人社发", "department", 10),
    _IssuerSpec("SJ", f"{CITY}市场监督管理局", "河市监发", "department", 9),
    _IssuerSpec("ZR", f"{CITY}自然资源和规划局", "河自然资规发", "department", 7),
    _IssuerSpec("ZJ", f"{CITY}住房和城乡建设局", "河建发", "department", 9),
    _IssuerSpec("JT", f"{CITY}交通运输局", "河交发", "department", 6),
    _IssuerSpec("HB", f"{CITY}生态环境局", "河环发", "department", 5),
    _IssuerSpec("JY", f"{CITY}教育局", "河教发", "department", 8),
    _IssuerSpec("NY", f"{CITY}农业农村局", "河农发", "department", 6),
)

_TOPICS = (
    _Topic("MZ", "最低生活保障", "社会救助科", "低保；社会救助；最低生活保障", True),
    _Topic("MZ", "临时救助", "社会救助科", "临时救助；社会救助；急难救助", True),
    _Topic("MZ", "特困人员救助供养", "社会救助科", "特困供养；社会救助", True),
    _Topic("MZ", "养老服务补贴", "养老服务科", "养老服务；高龄补贴；居家养老", True),
    _Topic("MZ", "社区居家养老服务", "养老服务科", "养老服务；社区养老"),
    _Topic("MZ", "殡葬", "社会事务科", "殡葬；公益性公墓"),
    _Topic("MZ", "社会组织登记", "社会组织管理科", "社会组织；登记管理"),
    _Topic("CZ", "政府采购", "政府采购监督管理科", "政府采购；集中采购；招标"),
    _Topic("CZ", "财政专项资金", "预算科", "专项资金；预算管理；绩效评价"),
    _Topic("CZ", "行政事业单位国有资产", "资产管理科", "国有资产；资产处置"),
    _Topic("RS", "就业创业补贴", "就业促进科", "就业；创业补贴；稳岗", True),
    _Topic("RS", "城乡居民基本养老保险", "社会保险科", "养老保险；城乡居民；社会保险", True),
    _Topic("RS", "职业技能培训补贴", "职业能力建设科", "技能培训；补贴", True),
    _Topic("RS", "高层次人才引进", "人才开发科", "人才引进；安家补贴"),
    _Topic("SJ", "食品生产经营许可", "食品生产安全监督管理科", "食品安全；许可；小作坊"),
    _Topic("SJ", "个体工商户登记", "登记注册科", "个体工商户；登记；经营主体"),
    _Topic("SJ", "特种设备安全", "特种设备安全监察科", "特种设备；电梯；安全监察"),
    _Topic("SJ", "明码标价", "价格监督检查科", "价格；明码标价"),
    _Topic("ZR", "国有建设用地使用权出让", "土地利用科", "建设用地；出让；土地"),
    _Topic("ZR", "不动产登记", "不动产登记科", "不动产；登记；产权"),
    _Topic("ZR", "建设工程规划许可", "规划管理科", "规划许可；城乡规划"),
    _Topic("ZJ", "建设工程招标投标", "建筑市场监管科", "建设工程招标；招标投标；建筑市场"),
    _Topic("ZJ", "住宅小区物业", "物业管理科", "物业管理；业主大会"),
    _Topic("ZJ", "城镇老旧小区改造", "城市建设科", "老旧小区；城市更新"),
    _Topic("ZJ", "公共租赁住房", "住房保障科", "公租房；住房保障；租赁补贴", True),
    _Topic("ZJ", "住房公积金缴存和提取", "住房公积金科", "住房公积金；缴存；提取", True),
    _Topic("JT", "城市道路占用挖掘", "路政管理科", "城市道路占用；道路挖掘；路政"),
    _Topic("JT", "网络预约出租汽车经营服务", "运输管理科", "网约车；出租汽车；运输"),
    _Topic("JT", "农村公路养护", "公路管理科", "农村公路；养护"),
    _Topic("HB", "排污许可", "环境影响评价与排放管理科", "排污许可；污染物排放"),
    _Topic("HB", "建设项目环境影响评价", "环境影响评价与排放管理科", "环评；建设项目"),
    _Topic("HB", "生态环境损害赔偿", "法规与标准科", "生态环境损害；赔偿磋商"),
    _Topic("JY", "义务教育招生入学", "基础教育科", "义务教育招生；入学；学区"),
    _Topic("JY", "民办学校办学", "民办教育科", "民办学校；办学许可"),
    _Topic("JY", "家庭经济困难学生资助", "学生资助管理科", "学生资助；助学金", True),
    _Topic("NY", "农村宅基地", "宅基地管理科", "农村宅基地；农房建设；一户一宅"),
    _Topic("NY", "耕地地力保护补贴", "计划财务科", "耕地地力；农业补贴", True),
    _Topic("NY", "农村集体资产", "农村经济指导科", "农村集体资产；集体经济"),
)

# (title, kind of the document, needs a topic with a standard)
_TITLES = (
    ("关于印发《{city}{topic}管理办法》的通知", "办法", False),
    ("关于印发《{city}{topic}实施细则》的通知", "细则", False),
    ("关于印发《{city}{topic}暂行办法》的通知", "办法", False),
    ("关于印发《{city}{topic}管理办法（试行）》的通知", "办法", False),
    ("关于进一步加强{topic}工作的通知", "通知", False),
    ("关于进一步规范{topic}管理的通知", "通知", False),
    ("关于做好{year}年度{topic}工作的通知", "通知", False),
    ("关于{topic}有关问题的通知", "通知", False),
    ("关于深化{topic}改革的实施意见", "意见", False),
    ("关于调整{topic}标准的通知", "通知", True),
    ("关于提高{city}{topic}标准的通知", "通知", True),
)

_PLAIN_TITLES = tuple(t for t in _TITLES if not t[2])
_TOPICS_BY_ISSUER = {
    spec.code: tuple(t for t in _TOPICS if t.issuer == spec.code)
    for spec in _ISSUERS
    if spec.level == "department"
}

_SUMMARIES = (
    "规范本市{topic}工作，明确适用范围、职责分工、办理程序和监督管理要求。",
    "为做好{topic}工作，根据有关法律法规和上级文件精神，结合本市实际制定本{kind}。",
    "明确{topic}的申请条件、审核程序、资金保障和责任追究。",
)
_STANDARD_SUMMARY = "调整本市{topic}标准，新标准自本通知施行之日起执行。"

_RETIREMENTS = (
    (DocStatus.REPEALED, 0.08),
    (DocStatus.AMENDED, 0.05),
    (DocStatus.DECLARED_INVALID, 0.02),
)


def make_demo(
    s: Session,
    docs: int,
    seed: int = 7,
    progress: Callable[[int, int], bool] | None = None,
    actor: Actor | None = None,
) -> DemoSummary:
    """Add `docs` demo documents (and the city's issuers if missing) in the caller's transaction.
    `progress(done, total)` returning False cancels: UserError, so the caller rolls back.
    A register holding real documents is refused: demo data mixed into it would be evidence.
    Someone who asks for it (the command line) needs the rights to add issuers and documents;
    the first-run wizard, before any user exists, passes no actor."""
    if actor is not None:
        require(actor, Permission.MANAGE_ISSUERS)
        require(actor, Permission.REGISTER)
    real = real_documents(s)
    if real:
        raise UserError(
            f"该数据库已有 {real} 件正式登记或起草的文件，不能在其中生成演示数据。"
            "请为演示另建一个数据库文件（--db 演示.db）。"
        )
    rng = random.Random(seed)
    worker = actor or SYSTEM
    first = demo_activity.first_run(s)
    demo_office.furnish(s, worker)
    issuers = _ensure_issuers(s)
    rows = _documents(s, rng, issuers, docs)
    _number(s, rng, issuers, rows)
    _insert(s, issuers, rows, progress or (lambda _done, _total: True))
    _draft_steps(s, rows)
    _activity(s, random.Random(f"{seed}-activity"), worker, issuers, rows, first)
    demo_texts.furnish(s, worker, random.Random(f"{seed}-texts"))
    audit.record(
        s, worker, AuditAction.DEMO, audit.Subject.of(Document), summary=f"生成演示数据 {docs} 件"
    )
    refresh_statistics(s.connection())
    return DemoSummary(issuers=len(issuers), documents=len(rows))


def _activity(
    s: Session,
    rng: random.Random,
    actor: Actor,
    issuers: dict[str, Issuer],
    rows: list[dict[str, Any]],
    first: bool,
) -> None:
    """What the office did with the documents: their procedure, filings and the findings on
    them, reviews, evaluations, objections and (once per demo database) the cleanups."""
    today = clock.today()
    governments = {i.id for i in issuers.values() if i.level == "government"}
    departments = {i.id for i in issuers.values()} - governments
    # the three years an assessment looks at; older documents as brought in from paper
    since = date(today.year - 2, 1, 1)
    steps = demo_steps.published_steps(rows, rng, governments, since)
    demo_reviews.concluded_cases(s, rows, steps, today)
    demo_steps.insert_steps(s, steps)
    demo_steps.insert_evaluations(s, demo_steps.evaluations(rows, rng, today, since))
    found = demo_activity.pick_findings(rows, departments, today)
    held = _filings(s, rng, issuers, rows, found)
    demo_activity.record_findings(s, actor, held, found, today)
    demo_activity.record_objections(s, actor, rows, today)
    demo_reviews.desk_cases(s, actor, [r for r in rows if r["published"] is None], today)
    if first:
        demo_activity.regular_cleanup(s, actor, today)
        demo_activity.special_cleanup(s, actor, today)


def real_documents(s: Session) -> int:
    """Documents someone registered, imported or drafted: each has its own creation record in the
    audit trail, which demo documents (one record for the whole run) never have."""
    return (
        s.scalar(
            select(func.count(func.distinct(AuditEntry.object_id))).where(
                AuditEntry.object_type == "document",
                AuditEntry.action.in_(_CREATIONS),
                AuditEntry.object_id.is_not(None),
            )
        )
        or 0
    )


_CREATIONS = ("register", "create")


def _ensure_issuers(s: Session) -> dict[str, Issuer]:
    """The city's issuers by code; an existing issuer with the same code or name is reused."""
    found: dict[str, Issuer] = {}
    for spec in _ISSUERS:
        issuer = s.scalar(
            select(Issuer).where(or_(Issuer.code == spec.code, Issuer.name == spec.name))
        )
        if issuer is None:
            issuer = Issuer(
                code=spec.code,
                name=spec.name,
                abbr=spec.abbr,
                level=spec.level,
                reg_template=TEMPLATE,
                sequence_key=spec.code,
            )
            s.add(issuer)
        found[spec.code] = issuer
    s.flush()
    return found


def _documents(
    s: Session, rng: random.Random, issuers: dict[str, Issuer], count: int
) -> list[dict[str, Any]]:
    """Unnumbered rows: published ones in order of publication, the drafts after them."""
    years = {
        "default": settings.get(s, "validity.default_years"),
        "provisional": settings.get(s, "validity.provisional_years"),
    }
    codes = [spec.code for spec in _ISSUERS]
    weights = [spec.weight for spec in _ISSUERS]
    stamp = clock.now()
    rows = []
    drafts = max(0.01, min(0.05, DRAFTS / count))
    for _ in range(count):
        code = rng.choices(codes, weights)[0]
        row = _content(rng, code, issuers[code])
        row.update(_flags(rng))
        row.update(_dates(rng, row["title"], years, drafts))
        row.update(created_at=stamp, updated_at=stamp, version=1, remarks="")
        row.update(doc_number=None, reg_number=None)
        rows.append(row)
    rows.sort(key=lambda r: (r["published"] is None, r["published"] or FIRST_DAY))
    return rows


def _content(rng: random.Random, code: str, issuer: Issuer) -> dict[str, Any]:
    topic = rng.choice(_TOPICS_BY_ISSUER.get(code, _TOPICS))
    title, kind, _ = rng.choice(_TITLES if topic.standard else _PLAIN_TITLES)
    unit = topic.unit if code == topic.issuer else _department_name(topic.issuer)
    return {
        "issuer_id": issuer.id,
        "title": title.format(city=CITY, topic=topic.name, year="{year}"),
        "drafting_unit": unit,
        "keywords": topic.keywords,
        "summary": _summary(rng, topic, kind),
    }


def _department_name(code: str) -> str:
    name = next(spec.name for spec in _ISSUERS if spec.code == code)
    return name.replace(CITY, "市", 1)


def _summary(rng: random.Random, topic: _Topic, kind: str) -> str:
    if topic.standard and rng.random() < 0.3:
        return _STANDARD_SUMMARY.format(topic=topic.name)
    return rng.choice(_SUMMARIES).format(topic=topic.name, kind=kind)


def _flags(rng: random.Random) -> dict[str, bool]:
    market = rng.random() < 0.25
    return {
        "important": rng.random() < 0.20,
        "public_facing": rng.random() < 0.40,
        "market_related": market,
        # 涉企 documents are a part of those touching market activity: 40% of 25% = 10%.
        "business_related": market and rng.random() < 0.40,
    }


def _dates(rng: random.Random, title: str, years: dict[str, int], drafts: float) -> dict[str, Any]:
    today = clock.today()
    if rng.random() < drafts:
        draft = rng.choice(DRAFTING)
        return _status(draft, today, None, None, None, title.format(year=today.year))
    # Recent years weigh more, as in a register whose older documents were cleaned up.
    published = FIRST_DAY + timedelta(days=int((today - FIRST_DAY).days * rng.random() ** 0.4))
    effective = published + timedelta(days=30 if rng.random() < 0.6 else rng.randint(0, 29))
    title = title.format(year=published.year)
    provisional = any(m in title for m in validity.PROVISIONAL_MARKERS)
    term = years["provisional" if provisional else "default"]
    valid_until = validity.term_end(effective, term)
    status, changed = _published_status(rng, today, published, effective, valid_until)
    return _status(status, changed, published, effective, valid_until, title)


def _published_status(
    rng: random.Random, today: date, published: date, effective: date, valid_until: date
) -> tuple[str, date]:
    roll = rng.random()
    last_in_force = min(today, valid_until)
    for status, share in _RETIREMENTS:
        if roll < share and effective < last_in_force:
            return status, effective + timedelta(
                days=rng.randint(1, (last_in_force - effective).days)
            )
        roll -= share
    return DocStatus.PUBLISHED, published  # in force, not yet or no longer: lifecycle.status_on


def _status(
    status: str,
    changed: date,
    published: date | None,
    effective: date | None,
    valid_until: date | None,
    title: str,
) -> dict[str, Any]:
    return {
        "status": status,
        "status_changed": changed,
        "published": published,
        "effective": effective,
        "valid_until": valid_until,
        "title": title,
    }


def _number(
    s: Session, rng: random.Random, issuers: dict[str, Issuer], rows: list[dict[str, Any]]
) -> None:
    """Ids from max(id)+1; 发文字号 unique per issuer and year (with the gaps other kinds of
    documents leave); registration numbers consecutive per sequence and year, as allocated."""
    by_id = {issuer.id: issuer for issuer in issuers.values()}
    taken = _taken_doc_numbers(s, by_id)
    doc_serials: dict[tuple[int, int], int] = {}
    reg_serials: dict[tuple[str, int], int] = {}
    next_id = (s.scalar(select(func.max(Document.id))) or 0) + 1
    yearly = numbering.yearly_reset(s)
    for offset, row in enumerate(rows):
        row["id"] = next_id + offset
        if row["published"] is None:
            continue
        issuer, year = by_id[row["issuer_id"]], row["published"].year
        row["doc_number"] = _doc_number(rng, issuer, year, doc_serials, taken)
        key = (issuer.sequence_key, year if yearly else 0)
        if key not in reg_serials:
            reg_serials[key] = numbering.next_serial(s, issuer, year) - 1
        reg_serials[key] += 1
        row["serial"] = (*key, reg_serials[key])
        row["reg_number"] = numbering.format_number(
            issuer.reg_template, issuer.code, year, reg_serials[key]
        )


def _taken_doc_numbers(s: Session, by_id: dict[int, Issuer]) -> set[tuple[int, str]]:
    found = s.execute(
        select(Document.issuer_id, Document.doc_number).where(
            Document.issuer_id.in_(by_id), Document.doc_number.is_not(None)
        )
    )
    return {(issuer_id, number) for issuer_id, number in found if number is not None}


def _doc_number(
    rng: random.Random,
    issuer: Issuer,
    year: int,
    serials: dict[tuple[int, int], int],
    taken: set[tuple[int, str]],
) -> str:
    key = (issuer.id, year)
    while True:
        serials[key] = serials.get(key, 0) + rng.randint(1, 4)
        number = f"{issuer.abbr}〔{year}〕{serials[key]}号"
        if (issuer.id, number) not in taken:
            return number


def _insert(
    s: Session,
    issuers: dict[str, Issuer],
    rows: list[dict[str, Any]],
    progress: Callable[[int, int], bool],
) -> None:
    names = {issuer.id: issuer.name for issuer in issuers.values()}
    if not progress(0, len(rows)):
        raise UserError("已取消生成演示数据。")
    for start, chunk in _chunks(rows):
        s.execute(insert(Document.__table__), [_document_row(r) for r in chunk])
        allocations = [_allocation(r) for r in chunk if r["reg_number"] is not None]
        if allocations:
            s.execute(insert(NumberAllocation.__table__), allocations)
        search_index.add_many(s, [_fts_row(r, names) for r in chunk])
        if not progress(start + len(chunk), len(rows)):
            raise UserError("已取消生成演示数据。")
    continue_sequences(s.connection(), [Document.__table__])  # the rows carry their own ids


_STEP_OUTCOMES = {
    Step.LEGALITY_REVIEW: ReviewOutcome.LAWFUL,
    Step.FAIR_COMPETITION: FairCompetitionOutcome.CONFORMS,
}


def _draft_steps(s: Session, rows: list[dict[str, Any]]) -> None:
    """Drafts carry the steps their status implies, so they never stand past a gate."""
    steps = []
    for row in rows:
        if row["status"] not in DRAFTING:
            continue
        flags = Document(
            important=row["important"],
            public_facing=row["public_facing"],
            market_related=row["market_related"],
        )
        reached = STEP_ORDER.index(row["status"])
        wanted = {r.step for r in required_steps(flags)} | {row["status"]}
        done = [step for step in STEP_ORDER[: reached + 1] if step in wanted]
        for n, step in enumerate(done):
            day = row["status_changed"] - timedelta(days=10 * (len(done) - 1 - n))
            extra = (
                {"period_start": day - timedelta(days=30), "period_end": day}
                if step == Step.PUBLIC_COMMENT
                else {"period_start": None, "period_end": None}
            )
            steps.append(
                {
                    "document_id": row["id"],
                    "step": step,
                    "done_on": day,
                    "actor": demo_office.clerk(row["id"]),
                    "outcome": _STEP_OUTCOMES.get(step, ""),
                    "note": "",
                    **extra,
                }
            )
    if steps:
        s.execute(insert(ProcedureStep.__table__), steps)


def _filings(
    s: Session,
    rng: random.Random,
    issuers: dict[str, Issuer],
    rows: list[dict[str, Any]],
    held: dict[int, demo_activity.Finding],
) -> dict[int, int]:
    """Most documents filed in time and accepted; a few late, a few put on hold (暂缓登记) or
    corrected before being accepted, a few refused (不予备案), the newest not yet filed; report
    numbers taken from their series as the service would. The filings of `held` documents are
    left without an answer, for the filing service to record; their ids by document are returned."""
    levels = {issuer.id: issuer.level for issuer in issuers.values()}
    rules, cal, today = filing.rules(s), workcalendar.load(s), clock.today()
    template = settings.get(s, "filing.report_template")
    serials: dict[int, int] = {}
    filings, allocations = [], []
    package = json.dumps([{"item": i, "present": True} for i in filing.PACKAGE], ensure_ascii=False)
    for row in rows:
        finding = held.get(row["id"])
        if finding is None and (
            row["published"] is None or (today - row["published"]).days < 12 or rng.random() < 0.003
        ):
            continue
        for rule in rules.get(levels[row["issuer_id"]], rules["department"]):
            due = filing.filing_due(row["published"], rule, cal)
            filed = row["published"] + timedelta(
                days=rng.randint(2, max(2, (due - row["published"]).days))
            )
            if rng.random() < 0.03:
                filed = due + timedelta(days=rng.randint(1, 20))
            filed = min(filed, today) if finding is None else finding.filed_on
            year = filed.year
            if year not in serials:
                serials[year] = numbering.next_series_serial(s, filing.REPORT_SERIES, year) - 1
            serials[year] += 1
            number = numbering.format_number(template, filing.REPORT_SERIES, year, serials[year])
            allocations.append(
                {
                    "sequence_key": filing.REPORT_SERIES,
                    "year": year,
                    "serial": serials[year],
                    "number": number,
                    "number_key": numbering.number_key(number),
                    "document_id": None,
                    "voided": False,
                    "void_reason": "",
                    "voided_on": None,
                    "voided_by": "",
                    "allocated_at": datetime.combine(filed, time(10)),
                }
            )
            filings.append(
                _filing_row(rng, row["id"], rule.recipient, number, package, filed, today, finding)
            )
    table = Filing.__table__
    open_ids: dict[int, int] = {}
    for start in range(0, len(filings), CHUNK):
        chunk = filings[start : start + CHUNK]
        s.execute(insert(NumberAllocation.__table__), allocations[start : start + CHUNK])
        values = [{k: v for k, v in f.items() if k != "first"} for f in chunk]
        ids = s.scalars(insert(table).returning(table.c.id, sort_by_parameter_order=True), values)
        results = []
        for f, id_ in zip(chunk, ids, strict=True):
            if f["result"]:
                results.extend(_result_rows(f, id_))
            else:
                open_ids[f["document_id"]] = id_
        if results:
            s.execute(insert(FilingResult.__table__), results)
    return open_ids


_SENT_BACK: dict[
    str, tuple[float, str, str]
] = {  # a bulk filing's answers before it was accepted, and the share drawing them
    FilingAnswer.DEFERRED: (0.03, "材料不全，限期补正", "已按要求补正后予以备案"),
    FilingAnswer.CORRECT: (0.004, "个别条款缺乏上位法依据，限期纠正", "已纠正后予以备案"),
    FilingAnswer.REJECTED: (0.006, "不属于行政规范性文件，不予备案", ""),
}


def _filing_row(
    rng: random.Random,
    doc_id: int,
    recipient: str,
    number: str,
    package: str,
    filed: date,
    today: date,
    finding: demo_activity.Finding | None,
) -> dict[str, Any]:
    result_on = min(filed + timedelta(days=rng.randint(5, 25)), today)
    result: str = FilingAnswer.ACCEPTED
    first, follow_up = "", ""
    roll = rng.random()
    for answer, (share, reason, after) in _SENT_BACK.items():
        if roll < share:
            first, follow_up = answer, after or reason
            result = answer if answer == FilingAnswer.REJECTED else result
            break
        roll -= share
    corrected = first in filing.NEEDS_CORRECTION
    row = {
        "document_id": doc_id,
        "recipient": recipient,
        "report_number": number,
        "package": package,
        "filed_on": filed,
        "result": result,
        "result_on": result_on,
        "needed_correction": first in filing.SENT_BACK,
        "correction_due": None,
        "corrected_on": result_on if corrected else None,
        "follow_up": follow_up,
        "created_at": datetime.combine(filed, time(10)),
        "version": 1,
        "first": (first, _SENT_BACK[first][1]) if corrected else None,
    }
    if finding is not None:
        row |= {
            "result": "",
            "result_on": None,
            "needed_correction": False,
            "corrected_on": None,
            "follow_up": "",
            "first": None,
        }
    return row


def _result_rows(f: dict[str, Any], filing_id: int) -> list[dict[str, Any]]:
    """A demo filing's results in order: one sent back for correction was put on hold (or found
    to need correcting) on the day it was filed, and accepted once corrected."""
    last = {
        "filing_id": filing_id,
        "result": f["result"],
        "result_on": f["result_on"],
        "follow_up": f["follow_up"],
        "recorded_by": demo_office.clerk(f["document_id"]),
        "recorded_at": _recorded(f["result_on"]),
    }
    if f["first"] is None:
        return [last]
    answer, reason = f["first"]
    first = {"result": answer, "result_on": f["filed_on"], "follow_up": reason}
    return [last | first | {"recorded_at": _recorded(f["filed_on"])}, last]


def _recorded(day: date | None) -> datetime | None:
    """When the clerk entered a result: the morning it came (the demo's history shows who and
    when, as the program records them, not as a result kept from before the history)."""
    return datetime.combine(day, time(9, 30)) if day else None


def _chunks(rows: list[dict[str, Any]]) -> Iterator[tuple[int, list[dict[str, Any]]]]:
    for start in range(0, len(rows), CHUNK):
        yield start, rows[start : start + CHUNK]


def _document_row(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k != "serial"}


def _allocation(row: dict[str, Any]) -> dict[str, Any]:
    sequence_key, seq_year, serial = row["serial"]
    return {
        "sequence_key": sequence_key,
        "year": seq_year,
        "serial": serial,
        "number": row["reg_number"],
        "number_key": numbering.number_key(row["reg_number"]),
        "document_id": row["id"],
        "voided": False,
        "void_reason": "",
        "voided_on": None,
        "voided_by": "",
        "allocated_at": datetime.combine(row["published"], time(9)),
    }


def _fts_row(row: dict[str, Any], names: dict[int, str]) -> dict[str, Any]:
    return {
        "id": row["id"],
        "title": row["title"],
        "doc_number": row["doc_number"] or "",
        "reg_number": row["reg_number"] or "",
        "issuer": names[row["issuer_id"]],
        "keywords": row["keywords"],
        "summary": row["summary"],
    }
