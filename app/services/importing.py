"""Import an existing Excel ledger (台账): pick the sheet and header row, map columns to fields,
validate every row, then register every accepted row in the caller's one transaction (or, for a
dry run, nothing). Rejected rows are reported with row, column, value and problem; rows whose
document is already registered are reported and skipped, so a ledger imported twice adds nothing.
The workbook itself is read by ledger_workbook, whatever the file turns out to be."""

from __future__ import annotations

import json
import math
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import refresh_statistics
from app.errors import UserError
from app.models import Document, Issuer, IssuerName, NumberAllocation
from app.services import (
    docnumber,
    filing,
    filing_backlog,
    ledger_filings,
    ledger_workbook,
    legal_bases,
    registration,
    validity,
    workcalendar,
)
from app.services.documents import TITLE_MAX, DocumentInput, publication_channel
from app.services.ledger_values import (
    ValueProblem,
    cell_problem,
    parse_date,
    parse_status,
    parse_term,
    printable,
    text_of,
)
from app.services.permissions import Actor, Permission, require
from app.services.validity import term_end
from app.services.vocabulary import BasisSource, DocField

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from app.services.workcalendar import WorkCalendar

_NOT_IMPORTED = (DocField.SUMMARY, DocField.ISSUED, DocField.SIGNED)
FIELDS = {
    **{field.value: field.label for field in DocField if field not in _NOT_IMPORTED},
    "filed_on": "报送日期",
    "filing_recipient": "备案机关",
    "filing_result": "备案结果",
    "channel": "公布载体",
    "bases": "制定依据",
}
HEADER_WORDS = {
    "title": ("文件名称", "标题", "名称", "文件标题", "规范性文件名称"),
    "doc_number": ("发文字号", "文号", "发文文号", "字号"),
    "reg_number": ("统一登记编号", "登记编号", "登记号", "统一编号", "登记文号"),
    "issuer": ("制定机关", "发文机关", "发文单位", "制发机关", "制定单位"),
    "published": ("公布日期", "发布日期", "印发日期", "发文日期", "公布时间", "发布时间"),
    "effective": ("施行日期", "生效日期", "实施日期", "施行时间"),
    "valid_until": ("有效期至", "有效期", "失效日期", "有效期限", "有效期截止"),
    "term_reason": (validity.TERM_REASON, "超期理由", "有效期超过规定期限的理由"),
    "status": ("状态", "效力状态", "效力", "是否有效"),
    "drafting_unit": ("起草单位", "承办单位", "起草部门", "实施单位"),
    "keywords": ("关键词", "主题词"),
    "remarks": ("备注", "说明"),
    "bases": ("制定依据", "法律依据", "上位法依据", "依据"),
    "filed_on": ("报送日期", "报送备案日期", "备案日期", "报备日期", "备案报送日期"),
    "filing_recipient": ("备案机关", "报送机关", "备案审查机关", "报备机关"),
    "filing_result": ("备案结果", "备案审查结果", "审查结果"),
    "channel": (
        "公布载体",
        "发布载体",
        "公开载体",
        "公开发布载体",
        "刊登载体",
        "刊载载体",
        "载体",
        "公布渠道",
        "发布渠道",
        "公开渠道",
        "公布方式",
        "发布方式",
    ),
}
SCAN_ROWS = 15
CHUNK = 500  # values per IN (...) query
BULK_ROWS = 1000  # an import this large refreshes PostgreSQL's planner statistics
VALUE_SHOWN = 200  # characters of a cell shown with its problem
Progress = Callable[[int, int], bool]


def _norm(header: object) -> str:
    return "".join(text_of(header).split()).replace("*", "").replace("：", "").replace(":", "")


def guess_field(header: object) -> str | None:
    word = _norm(header)
    for key, words in HEADER_WORDS.items():
        if word in words:
            return key
    return None


@dataclass
class Sheet:
    """One worksheet's cells as values (formulas replaced by their computed value, merged cells
    filled from their top-left cell), rows numbered as Excel numbers them."""

    name: str
    rows: list[tuple[int, list[Any]]]
    odd_cells: dict[tuple[int, int], str] = field(
        default_factory=dict
    )  # (row, column) 1-based -> why the file's cell cannot be read (formula without a value…)
    source: Path | None = None  # the ledger file

    def header(self, header_row: int) -> list[str]:
        for number, values in self.rows:
            if number == header_row:
                return [text_of(v) for v in values]
        raise UserError(f"表头行：第 {header_row} 行不存在。", field="表头行")

    def guess_header_row(self) -> int:
        best, best_hits = None, 1
        for number, values in self.rows[:SCAN_ROWS]:
            hits = len({f for f in map(guess_field, values) if f})
            if hits > best_hits:
                best, best_hits = number, hits
        if best is None:
            raise UserError(
                f"工作表“{self.name}”前 {SCAN_ROWS} 行中找不到表头（如“文件名称”“发文字号”“公布日期”）。"
            )
        return best


def sheet_names(path: Path) -> list[str]:
    return ledger_workbook.sheet_names(Path(path))


def read_sheet(path: Path, sheet: str | None = None) -> Sheet:
    cells = ledger_workbook.read_cells(Path(path), sheet)
    return Sheet(cells.name, cells.rows, cells.problems, Path(path))


@dataclass
class Mapping:
    sheet: str | None
    header_row: int
    columns: dict[int, str]  # 0-based column index -> field

    def to_json(self, headers: list[str]) -> str:
        return json.dumps(
            {
                "sheet": self.sheet,
                "header_row": self.header_row,
                "columns": {headers[i]: f for i, f in self.columns.items()},
            },
            ensure_ascii=False,
            indent=2,
        )


def guess_mapping(sheet: Sheet, header_row: int | None = None) -> Mapping:
    row = header_row or sheet.guess_header_row()
    columns: dict[int, str] = {}
    for i, header in enumerate(sheet.header(row)):
        key = guess_field(header)
        if key and key not in columns.values():
            columns[i] = key
    return Mapping(sheet.name, row, columns)


def load_mapping(path: Path, sheet: Sheet) -> Mapping:
    """A mapping file: {"sheet": ..., "header_row": 2, "columns": {"标题": "title", ...}}."""
    try:
        spec = json.loads(Path(path).read_text(encoding="utf-8"))
        row = int(spec.get("header_row") or sheet.guess_header_row())
        by_header = dict(spec["columns"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise UserError(f"映射文件：“{path}”无法读取：{exc}", field="映射文件") from None
    unknown = sorted(set(by_header.values()) - set(FIELDS))
    if unknown:
        raise UserError(
            f"映射文件：未知字段 {'、'.join(unknown)}，可用：{'、'.join(FIELDS)}。",
            field="映射文件",
        )
    headers = sheet.header(row)
    missing = [h for h in by_header if h not in headers]
    if missing:
        raise UserError(f"映射文件：表头中没有“{'、'.join(missing)}”。", field="映射文件")
    return Mapping(sheet.name, row, {headers.index(h): f for h, f in by_header.items()})


@dataclass(frozen=True)
class Problem:
    row: int
    column: str
    value: str
    message: str


def _problem(row: int, column: str, value: object, message: str) -> Problem:
    """A row's problem, its cell's text made printable and cut to a readable length."""
    return Problem(row, column, printable(text_of(value), VALUE_SHOWN), message)


@dataclass
class Candidate:
    row: int
    data: DocumentInput
    status: str | None
    filings: list[ledger_filings.LedgerFiling] = field(default_factory=list)
    bases: list[tuple[str, str]] = field(default_factory=list)  # (law, articles)


@dataclass
class Report:
    total: int = 0
    accepted: list[Candidate] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)  # rows already in the register
    imported: int = 0

    @property
    def filing_unrecorded(self) -> int:
        """Accepted rows that give no filing: imported as 备案情况未录入."""
        return sum(1 for c in self.accepted if c.data.filing_unrecorded)

    def filing_note(self) -> str:
        n = self.filing_unrecorded
        return (
            f"其中 {n} 行没有报送日期、备案机关和备案结果，导入后标记为“备案情况未录入”，可在首页批量登记。"
            if n
            else ""
        )

    @property
    def rejected_rows(self) -> set[int]:
        return {p.row for p in self.problems}

    def summary(self) -> str:
        skipped = f"已在登记簿中 {len(self.skipped)} 行（跳过），" if self.skipped else ""
        return (
            f"共 {self.total} 行，可导入 {len(self.accepted)} 行，{skipped}"
            f"有问题 {len(self.rejected_rows)} 行。"
        )


class _Issuers:
    def __init__(self, s: Session) -> None:
        self.terms = validity.DefaultTerms.load(s)  # a term in years starts as the office says
        self.filing_rules = filing.rules(s)
        self.by_key: dict[str, Issuer] = {}
        found = list(s.scalars(select(Issuer)))
        self.names = [(issuer.name, issuer) for issuer in found]
        for issuer in found:
            for key in (issuer.code, issuer.name, issuer.abbr):
                self.by_key.setdefault(key, issuer)
        # a ledger kept before a rename names the body as it was then (机构改革)
        by_id = {issuer.id: issuer for issuer in found}
        for former in s.scalars(select(IssuerName).order_by(IssuerName.valid_until.desc())):
            issuer = by_id[former.issuer_id]
            self.names.append((former.name, issuer))
            for key in (former.name, former.abbr):
                self.by_key.setdefault(key, issuer)

    def find(self, value: str) -> Issuer | None:
        """By code, name or abbreviation; else the one issuer whose name ends with the text
        (ledgers often write 民政局 for 河清市民政局)."""
        value = value.strip()
        if value in self.by_key:
            return self.by_key[value]
        endings = {i.id: i for name, i in self.names if name.endswith(value)}
        return next(iter(endings.values())) if len(endings) == 1 else None


def _row_candidate(
    number: int,
    cells: dict[str, Any],
    issuers: _Issuers,
    default_issuer: str | None,
    problems: list[Problem],
) -> Candidate | None:
    bad: list[Problem] = []

    def problem(key: str, message: str) -> None:
        bad.append(_problem(number, FIELDS[key], cells.get(key), message))

    title = text_of(cells.get("title"))
    if not title:
        problem("title", "文件名称为空")
    elif len(title) > TITLE_MAX:
        problem("title", f"文件名称超过 {TITLE_MAX} 个字")
    issuer_text = text_of(cells.get("issuer")) or (default_issuer or "")
    issuer = issuers.find(issuer_text) if issuer_text else None
    if issuer is None:
        problem(
            "issuer",
            f"制定机关“{issuer_text}”不存在，请先在设置中添加" if issuer_text else "未填写制定机关",
        )
    values: dict[str, Any] = {}
    for key in ("published", "effective"):
        try:
            values[key] = parse_date(cells.get(key))
        except ValueProblem as exc:
            problem(key, str(exc))
    if values.get("published") is None and not any(p.column == FIELDS["published"] for p in bad):
        problem("published", "公布日期为空")
    try:
        term = parse_term(cells.get("valid_until"))
        start = issuers.terms.start_of(values.get("published"), values.get("effective"))
        values["valid_until"] = (
            term_end(start, term) if term and start else parse_date(cells.get("valid_until"))
        )
    except ValueProblem as exc:
        problem("valid_until", str(exc))
    try:
        status = parse_status(cells.get("status"))
    except ValueProblem as exc:
        problem("status", str(exc))
        status = None
    doc_number = text_of(cells.get("doc_number"))
    if doc_number:
        try:
            doc_number = docnumber.normalize(doc_number)
        except UserError as exc:
            problem("doc_number", exc.message.split("：", 1)[-1])
    try:
        channel = publication_channel(text_of(cells.get("channel")))
    except UserError as exc:
        problem("channel", exc.message.split("：", 1)[-1])
    filings = None
    if issuer is not None:
        rules = issuers.filing_rules.get(issuer.level, issuers.filing_rules["department"])
        try:
            filings = ledger_filings.parse(cells, rules, values.get("published"))
        except ledger_filings.FilingProblem as exc:
            problem(exc.key, exc.message)
    bases = legal_bases.parse_listed(text_of(cells.get("bases")))
    for name, articles in bases:
        if len(name) > legal_bases.NAME_CHARS or len(articles) > legal_bases.ARTICLE_CHARS:
            problem("bases", f"《{name[:20]}…》名称或条款过长")
    if bad or issuer is None:  # no issuer is one of the problems
        problems.extend(bad)
        return None
    data = DocumentInput(
        issuer_code=issuer.code,
        title=title,
        doc_number=doc_number or None,
        reg_number=text_of(cells.get("reg_number")) or None,
        published=values["published"],
        effective=values.get("effective"),
        valid_until=values.get("valid_until"),
        term_reason=text_of(cells.get("term_reason")) or None,
        drafting_unit=text_of(cells.get("drafting_unit")),
        keywords=text_of(cells.get("keywords")),
        remarks=text_of(cells.get("remarks")),
        filing_unrecorded=filings is None,
        channel=channel,
    )
    return Candidate(number, data, status, filings or [], bases)


def _registered(s: Session, candidates: list[Candidate]) -> list[Problem]:
    """Rows whose document the register already holds, by 发文字号 (both normalised) or by
    issuer, title and publication date, are skipped: importing a ledger again adds nothing."""
    numbers = {c.data.doc_number for c in candidates if c.data.doc_number}
    query = select(Document.doc_number, Document.reg_number).where(Document.doc_number.is_not(None))
    by_number = {number: reg for number, reg in s.execute(query) if number in numbers}
    # by date first: the published column is indexed, titles are not
    wanted = {(c.data.issuer_code, c.data.title, c.data.published) for c in candidates}
    days = sorted({c.data.published for c in candidates if c.data.published})
    by_title: dict[tuple[str, str, date | None], str | None] = {}
    for start in range(0, len(days), CHUNK):
        same_days = (
            select(Issuer.code, Document.title, Document.published, Document.reg_number)
            .join(Issuer)
            .where(Document.published.in_(days[start : start + CHUNK]))
        )
        for code, title, published, reg in s.execute(same_days):
            if (code, title, published) in wanted:
                by_title[code, title, published] = reg
    skipped = []
    for c in candidates:
        if c.data.doc_number in by_number:
            column, value, reg = "doc_number", c.data.doc_number, by_number[c.data.doc_number]
        elif (c.data.issuer_code, c.data.title, c.data.published) in by_title:
            column, value = "title", c.data.title
            reg = by_title[c.data.issuer_code, c.data.title, c.data.published]
        else:
            continue
        skipped.append(
            _problem(c.row, FIELDS[column], value, f"已在登记簿中（登记编号 {reg}），跳过")
        )
    return skipped


def _duplicates(
    s: Session, candidates: list[Candidate], problems: list[Problem]
) -> list[Candidate]:
    """Doc numbers unique per issuer and registration numbers unique, in the file and the
    database; the same issuer, title and date only once in the file."""
    taken_regs = set(s.scalars(select(NumberAllocation.number)))
    seen_numbers: dict[tuple[str, str | None], int] = {}
    seen_regs: dict[str, int] = {}
    seen_titles: dict[tuple[str, str, date | None], int] = {}
    kept = []
    for c in candidates:
        found: list[tuple[str, object, str]] = []  # column, value, problem
        key = (c.data.issuer_code, c.data.doc_number)
        same = (c.data.issuer_code, c.data.title, c.data.published)
        reg = c.data.reg_number
        if c.data.doc_number and key in seen_numbers:
            found.append(
                ("doc_number", c.data.doc_number, f"发文字号与第 {seen_numbers[key]} 行重复")
            )
        elif same in seen_titles:
            found.append(
                (
                    "title",
                    c.data.title,
                    f"与第 {seen_titles[same]} 行是同一文件（制定机关、文件名称和公布日期相同）",
                )
            )
        if reg and reg in taken_regs:
            found.append(("reg_number", reg, "登记编号已被使用或已作废"))
        elif reg and reg in seen_regs:
            found.append(("reg_number", reg, f"登记编号与第 {seen_regs[reg]} 行重复"))
        if found:
            problems += [_problem(c.row, FIELDS[k], value, m) for k, value, m in found]
            continue
        if c.data.doc_number:
            seen_numbers[key] = c.row
        if c.data.reg_number:
            seen_regs[c.data.reg_number] = c.row
        seen_titles[same] = c.row
        kept.append(c)
    return kept


def _odd_cells(sheet: Sheet, number: int, cells: dict[str, Any], mapping: Mapping) -> list[Problem]:
    """The row's mapped cells that are no value at all: a formula without a result, an error
    value, a logical value, a control character, text far too long."""
    found = []
    for i, key in mapping.columns.items():
        value = cells[key]
        message = sheet.odd_cells.get((number, i + 1)) or cell_problem(value)
        if message:
            shown = "（公式）" if message == ledger_workbook.FORMULA_NO_VALUE else value
            found.append(_problem(number, FIELDS[key], shown, message))
    return found


def _column_of(exc: UserError) -> str:
    """The column a service's refusal names: its `field` if it has one, else the label its
    message starts with ("文件名称：不能超过…")."""
    name = getattr(exc, "field", None)
    if name in FIELDS:
        return FIELDS[name]
    label = exc.message.partition("：")[0]
    return label if label in FIELDS.values() else ""


def _value_in(data: DocumentInput, column: str) -> object:
    """The row's value of the column a refusal names (the title when it names none)."""
    key = next((k for k, label in FIELDS.items() if label == column), "title")
    if key == "issuer":
        return data.issuer_code
    value = getattr(data, key, None)
    return data.title if value is None else value


def validate(
    s: Session, sheet: Sheet, mapping: Mapping, default_issuer: str | None = None
) -> Report:
    """Every data row below the header, checked; nothing is written."""
    return _validate(s, sheet, mapping, default_issuer, _Issuers(s))


def _validate(
    s: Session, sheet: Sheet, mapping: Mapping, default_issuer: str | None, issuers: _Issuers
) -> Report:
    if "title" not in mapping.columns.values():
        raise UserError("列对应：必须指定“文件名称”所在的列。", field="列对应")
    if "published" not in mapping.columns.values():
        raise UserError("列对应：必须指定“公布日期”所在的列。", field="列对应")
    chosen = list(mapping.columns.values())
    twice = sorted({FIELDS[f] for f in chosen if chosen.count(f) > 1})
    if twice:
        raise UserError(f"列对应：“{'、'.join(twice)}”只能对应一列。", field="列对应")
    report = Report()
    candidates = []
    for number, values in sheet.rows:
        if number <= mapping.header_row:
            continue
        report.total += 1
        cells = {key: values[i] if i < len(values) else None for i, key in mapping.columns.items()}
        odd = _odd_cells(sheet, number, cells, mapping)
        if odd:
            report.problems += odd
            continue
        try:
            candidate = _row_candidate(number, cells, issuers, default_issuer, report.problems)
        except UserError as exc:  # whatever a check refuses is this row's problem only
            report.problems.append(_problem(number, _column_of(exc), "", exc.message))
            continue
        if candidate is not None:
            candidates.append(candidate)
    report.skipped = _registered(s, candidates)
    skipped_rows = {p.row for p in report.skipped}
    fresh = [c for c in candidates if c.row not in skipped_rows]
    report.accepted = _duplicates(s, fresh, report.problems)
    report.problems.sort(key=lambda p: p.row)
    return report


def run_import(
    s: Session,
    actor: Actor,
    sheet: Sheet,
    mapping: Mapping,
    dry_run: bool = False,
    default_issuer: str | None = None,
    progress: Progress | None = None,
) -> Report:
    """Validate, then register every accepted row in the caller's transaction. A dry run does all
    of it inside a savepoint it rolls back, so it reports exactly what an import would do; a
    cancel or any failure raises, and the caller's transaction rolls back: nothing half-written."""
    require(actor, Permission.REGISTER)
    issuers = _Issuers(s)  # the office's rules, read once for the whole import
    report = _validate(s, sheet, mapping, default_issuer, issuers)
    attempt = s.begin_nested()
    outcomes = registration.register_many(
        s, actor, [(c.data, c.status) for c in report.accepted], progress
    )
    registered = []
    with_filings = sum(1 for c in report.accepted if c.filings)
    cal = workcalendar.load(s) if with_filings else None
    filed = 0
    for c, outcome in zip(report.accepted, outcomes, strict=True):
        if isinstance(outcome, UserError):
            column = _column_of(outcome)
            report.problems.append(
                _problem(c.row, column, _value_in(c.data, column), outcome.message)
            )
            continue
        registered.append(c)
        for name, articles in c.bases:
            legal_bases.add_basis(s, actor, outcome, name, articles, source=BasisSource.IMPORTED)
        if c.filings:
            _record_filings(s, actor, c, outcome, report, cal, issuers.filing_rules)
            filed += 1  # the filings go one by one through the filing service: say how far
            if progress and filed % 50 == 0 and not progress(filed, with_filings):
                raise UserError("已取消导入，数据库没有任何改动。")
    report.accepted = registered
    report.problems.sort(key=lambda p: p.row)
    if dry_run:
        attempt.rollback()
    else:
        attempt.commit()
        report.imported = len(registered)
        if report.imported >= BULK_ROWS:
            refresh_statistics(s.connection())
    return report


def _record_filings(
    s: Session,
    actor: Actor,
    c: Candidate,
    doc_id: int,
    report: Report,
    cal: WorkCalendar | None,
    all_rules: dict[str, list[filing.FilingRule]],
) -> None:
    """The row's filings, through the filing service. A refusal the row's checks did not foresee
    leaves the document registered and marked 备案情况未录入, and is reported on its row."""
    filed = [(f, f.filed_on) for f in c.filings if f.filed_on is not None]
    if not filed:
        return
    attempt = s.begin_nested()
    try:
        for f, day in filed:
            filing_backlog.record_historical(
                s, actor, doc_id, f.recipient, day, f.result, cal, "历史台账导入", all_rules
            )
    except UserError as exc:
        attempt.rollback()
        s.get_one(Document, doc_id).filing_unrecorded = True
        report.problems.append(
            _problem(c.row, FIELDS["filed_on"], "", f"文件已导入，备案情况未导入：{exc.message}")
        )
    else:
        attempt.commit()


def check_report_target(target: Path, ledger: Path | None = None) -> Path:
    """What can be known about a report's file before anything is imported."""
    target = Path(target).absolute()
    if ledger is not None and target.resolve() == Path(ledger).resolve():
        raise UserError(
            f"检查结果文件：不能覆盖要导入的台账“{target.name}”，请换一个文件名。",
            field="检查结果文件",
        )
    if target.is_dir():
        raise UserError(
            f"检查结果文件：“{target}”是文件夹，请给出文件名，如“检查结果.xlsx”。",
            field="检查结果文件",
        )
    if target.suffix.lower() != ".xlsx":
        raise UserError(f"检查结果文件：“{target.name}”必须是 .xlsx 文件。", field="检查结果文件")
    if not target.parent.is_dir():
        raise UserError(f"检查结果文件：文件夹“{target.parent}”不存在。", field="检查结果文件")
    return target


@dataclass
class StagedFile:
    """A file written in full beside its target, put in place by one rename."""

    temp: Path
    target: Path

    def publish(self) -> None:
        try:
            os.replace(self.temp, self.target)
        except OSError as exc:
            raise UserError(
                f"检查结果文件：无法保存为“{self.target}”：{exc.strerror or exc}。",
                field="检查结果文件",
            ) from None

    def discard(self) -> None:
        self.temp.unlink(missing_ok=True)


def stage_report(sheet: Sheet, mapping: Mapping, report: Report, target: Path) -> StagedFile:
    """Write the report into a private temporary file in the target's folder: every way writing
    it can fail (folder, permissions, full disk) shows here, before an import commits."""
    target = check_report_target(target, sheet.source)
    try:
        handle, name = tempfile.mkstemp(prefix=".检查结果-", suffix=".part", dir=target.parent)
        os.close(handle)
    except OSError as exc:
        raise UserError(
            f"检查结果文件：无法写入文件夹“{target.parent}”：{exc.strerror or exc}。",
            field="检查结果文件",
        ) from None
    staged = StagedFile(Path(name), target)
    try:
        _write_report(sheet, mapping, report, staged.temp)
    except OSError as exc:
        staged.discard()
        raise UserError(
            f"检查结果文件：无法写入“{target}”：{exc.strerror or exc}。", field="检查结果文件"
        ) from None
    except BaseException:
        staged.discard()
        raise
    return staged


def write_report(sheet: Sheet, mapping: Mapping, report: Report, target: Path) -> None:
    """The ledger's rows back as a workbook with a 检查结果 column, so the office can fix and
    retry; written whole or not at all."""
    staged = stage_report(sheet, mapping, report, target)
    try:
        staged.publish()
    finally:
        staged.discard()


def _write_report(sheet: Sheet, mapping: Mapping, report: Report, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    from app.reports.workbook import SAMPLED, fitted_widths, print_setup, sheet_writes

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("导入检查结果")
    ws.freeze_panes = "A2"
    by_row: dict[int, list[str]] = {}
    for p in report.problems:
        by_row.setdefault(p.row, []).append(f"{p.column}：{p.message}".lstrip("："))
    for p in report.skipped:
        by_row.setdefault(p.row, []).append(p.message)
    header = ["原行号", *sheet.header(mapping.header_row), "检查结果"]
    sample = [[n, *values, "；".join(by_row.get(n, []))] for n, values in sheet.rows[:SAMPLED]]
    widths = fitted_widths([str(h) for h in header], sample)
    print_setup(ws, "导入检查结果", widths, header_row=1)  # row 1 stays the ledger's header
    for i, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    with sheet_writes():  # a full disk, also while rows stream to the sheet's scratch file
        ws.append([_report_cell(ws, h) for h in header])
        for number, values in sheet.rows:
            if number <= mapping.header_row:
                continue
            verdict = "；".join(by_row.get(number, [])) or "通过"
            ws.append([number, *(_report_cell(ws, v) for v in values), _report_cell(ws, verdict)])
    wb.save(path)


def _report_cell(ws: WriteOnlyWorksheet, value: Any) -> Any:
    """Text always as text (a ledger's `=cmd|...` or `#REF!` never becomes a formula or an error
    when the office opens the report; quotePrefix keeps it text when a cell is edited), control
    characters as their pictures, dates as dates."""
    from openpyxl.cell import WriteOnlyCell

    from app.reports.workbook import FORMULA_STARTS, cell

    if isinstance(value, float) and not math.isfinite(value):
        value = str(value)
    if not isinstance(value, str):
        return cell(ws, value)
    c = WriteOnlyCell(ws, value=printable(value))
    c.data_type = "s"
    if value.lstrip().startswith(FORMULA_STARTS):
        c.quotePrefix = True
    return c
