"""Import an existing Excel ledger (台账): pick the sheet and header row, map columns to fields,
validate every row, then register every accepted row in the caller's one transaction (or, for a
dry run, nothing). Rejected rows are reported with row, column, value and problem."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import UserError
from app.models import Document, Issuer, NumberAllocation
from app.services import docnumber, registration
from app.services.documents import TITLE_MAX, DocumentInput
from app.services.ledger_values import ValueProblem, parse_date, parse_status, parse_term, text_of
from app.services.permissions import Actor, Permission, require
from app.services.validity import add_years

FIELDS = {
    "title": "文件名称",
    "doc_number": "发文字号",
    "reg_number": "统一登记编号",
    "issuer": "制定机关",
    "published": "公布日期",
    "effective": "施行日期",
    "valid_until": "有效期至",
    "status": "状态",
    "drafting_unit": "起草单位",
    "keywords": "关键词",
    "remarks": "备注",
}
HEADER_WORDS = {
    "title": ("文件名称", "标题", "名称", "文件标题", "规范性文件名称"),
    "doc_number": ("发文字号", "文号", "发文文号", "字号"),
    "reg_number": ("统一登记编号", "登记编号", "登记号", "统一编号", "登记文号"),
    "issuer": ("制定机关", "发文机关", "发文单位", "制发机关", "制定单位"),
    "published": ("公布日期", "发布日期", "印发日期", "发文日期", "公布时间", "发布时间"),
    "effective": ("施行日期", "生效日期", "实施日期", "施行时间"),
    "valid_until": ("有效期至", "有效期", "失效日期", "有效期限", "有效期截止"),
    "status": ("状态", "效力状态", "效力", "是否有效"),
    "drafting_unit": ("起草单位", "承办单位", "起草部门", "实施单位"),
    "keywords": ("关键词", "主题词"),
    "remarks": ("备注", "说明"),
}
SCAN_ROWS = 15
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
    """One worksheet's cells as values (formulas replaced by their computed value, merged header
    cells filled across), rows numbered as Excel numbers them."""

    name: str
    rows: list[tuple[int, list[Any]]]
    formulas: set[tuple[int, int]] = field(
        default_factory=set
    )  # (row, column) with no cached value

    def header(self, header_row: int) -> list[str]:
        for number, values in self.rows:
            if number == header_row:
                return [text_of(v) for v in values]
        raise UserError(f"表头行：第 {header_row} 行不存在。")

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
    return _load(path, data_only=True).sheetnames


def _load(path: Path, data_only: bool):
    from openpyxl import load_workbook

    try:
        return load_workbook(path, data_only=data_only)
    except FileNotFoundError:
        raise UserError(f"导入文件：找不到“{path}”。") from None
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise UserError(
            f"导入文件：“{Path(path).name}”不是可读取的 Excel 工作簿（.xlsx）：{exc}"
        ) from None


def read_sheet(path: Path, sheet: str | None = None) -> Sheet:
    values_book, formula_book = _load(path, True), _load(path, False)
    name = sheet or values_book.sheetnames[0]
    if name not in values_book.sheetnames:
        raise UserError(f"工作表：“{name}”不存在，可选：{'、'.join(values_book.sheetnames)}。")
    ws, wf = values_book[name], formula_book[name]
    merged = {}
    for cells in ws.merged_cells.ranges:
        top_left = ws.cell(cells.min_row, cells.min_col).value
        for r in range(cells.min_row, cells.max_row + 1):
            for c in range(cells.min_col, cells.max_col + 1):
                merged[r, c] = top_left
    rows, formulas = [], set()
    for r, (values, formula_cells) in enumerate(
        zip(ws.iter_rows(values_only=True), wf.iter_rows(), strict=False), 1
    ):
        row = [merged.get((r, c), v) for c, v in enumerate(values, 1)]
        for c, cell in enumerate(formula_cells, 1):
            if cell.data_type == "f" and row[c - 1] is None:
                formulas.add((r, c))
        if any(v not in (None, "") for v in row):
            rows.append((r, row))
    return Sheet(name, rows, formulas)


@dataclass
class Mapping:
    sheet: str | None
    header_row: int
    columns: dict[int, str]  # 0-based column index -> field

    def to_json(self, headers: list[str]) -> str:
        return json.dumps({"sheet": self.sheet, "header_row": self.header_row,
                           "columns": {headers[i]: f for i, f in self.columns.items()}}, ensure_ascii=False, indent=2)  # fmt: skip


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
        raise UserError(f"映射文件：“{path}”无法读取：{exc}") from None
    unknown = sorted(set(by_header.values()) - set(FIELDS))
    if unknown:
        raise UserError(f"映射文件：未知字段 {'、'.join(unknown)}，可用：{'、'.join(FIELDS)}。")
    headers = sheet.header(row)
    missing = [h for h in by_header if h not in headers]
    if missing:
        raise UserError(f"映射文件：表头中没有“{'、'.join(missing)}”。")
    return Mapping(sheet.name, row, {headers.index(h): f for h, f in by_header.items()})


@dataclass(frozen=True)
class Problem:
    row: int
    column: str
    value: str
    message: str


@dataclass
class Candidate:
    row: int
    data: DocumentInput
    status: str | None


@dataclass
class Report:
    total: int = 0
    accepted: list[Candidate] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    imported: int = 0

    @property
    def rejected_rows(self) -> set[int]:
        return {p.row for p in self.problems}


class _Issuers:
    def __init__(self, s: Session) -> None:
        self.by_key: dict[str, Issuer] = {}
        for issuer in s.scalars(select(Issuer)):
            for key in (issuer.code, issuer.name, issuer.abbr):
                self.by_key.setdefault(key, issuer)

    def find(self, value: str) -> Issuer | None:
        """By code, name or abbreviation; else the one issuer whose name ends with the text
        (ledgers often write 民政局 for 河清市民政局)."""
        value = value.strip()
        if value in self.by_key:
            return self.by_key[value]
        endings = {i.id: i for i in self.by_key.values() if i.name.endswith(value)}
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
        bad.append(Problem(number, FIELDS[key], text_of(cells.get(key)), message))

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
        start = values.get("effective") or values.get("published")
        values["valid_until"] = (
            add_years(start, term) if term and start else parse_date(cells.get("valid_until"))
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
    if bad:
        problems.extend(bad)
        return None
    data = DocumentInput(
        issuer_code=issuer.code, title=title, doc_number=doc_number or None,
        reg_number=text_of(cells.get("reg_number")) or None, published=values["published"],
        effective=values.get("effective"), valid_until=values.get("valid_until"),
        drafting_unit=text_of(cells.get("drafting_unit")), keywords=text_of(cells.get("keywords")),
        remarks=text_of(cells.get("remarks")),
    )  # fmt: skip
    return Candidate(number, data, status)


def _duplicates(
    s: Session, candidates: list[Candidate], problems: list[Problem]
) -> list[Candidate]:
    """Doc numbers unique per issuer and registration numbers unique, in the file and the database."""
    taken_numbers = {
        (code, number)
        for code, number in s.execute(select(Issuer.code, Document.doc_number).join(Issuer))
    }
    taken_regs = set(s.scalars(select(NumberAllocation.number)))
    seen_numbers: dict[tuple[str, str], int] = {}
    seen_regs: dict[str, int] = {}
    kept = []
    for c in candidates:
        found = []
        key = (c.data.issuer_code, c.data.doc_number)
        if c.data.doc_number and key in taken_numbers:
            found.append(
                Problem(
                    c.row, FIELDS["doc_number"], c.data.doc_number, "发文字号与数据库中已有文件重复"
                )
            )
        elif c.data.doc_number and key in seen_numbers:
            found.append(
                Problem(
                    c.row,
                    FIELDS["doc_number"],
                    c.data.doc_number,
                    f"发文字号与第 {seen_numbers[key]} 行重复",
                )
            )
        if c.data.reg_number and c.data.reg_number in taken_regs:
            found.append(
                Problem(c.row, FIELDS["reg_number"], c.data.reg_number, "登记编号已被使用或已作废")
            )
        elif c.data.reg_number and c.data.reg_number in seen_regs:
            found.append(
                Problem(
                    c.row,
                    FIELDS["reg_number"],
                    c.data.reg_number,
                    f"登记编号与第 {seen_regs[c.data.reg_number]} 行重复",
                )
            )
        if found:
            problems.extend(found)
            continue
        if c.data.doc_number:
            seen_numbers[key] = c.row
        if c.data.reg_number:
            seen_regs[c.data.reg_number] = c.row
        kept.append(c)
    return kept


def validate(
    s: Session, sheet: Sheet, mapping: Mapping, default_issuer: str | None = None
) -> Report:
    """Every data row below the header, checked; nothing is written."""
    if "title" not in mapping.columns.values():
        raise UserError("列对应：必须指定“文件名称”所在的列。")
    if "published" not in mapping.columns.values():
        raise UserError("列对应：必须指定“公布日期”所在的列。")
    chosen = list(mapping.columns.values())
    twice = sorted({FIELDS[f] for f in chosen if chosen.count(f) > 1})
    if twice:
        raise UserError(f"列对应：“{'、'.join(twice)}”只能对应一列。")
    report = Report()
    issuers = _Issuers(s)
    candidates = []
    for number, values in sheet.rows:
        if number <= mapping.header_row:
            continue
        report.total += 1
        cells = {key: values[i] if i < len(values) else None for i, key in mapping.columns.items()}
        formula_cols = [
            key for i, key in mapping.columns.items() if (number, i + 1) in sheet.formulas
        ]
        if formula_cols:
            report.problems += [
                Problem(
                    number,
                    FIELDS[k],
                    "（公式）",
                    "单元格是公式且没有计算结果，请在 Excel 中重新计算并保存",
                )
                for k in formula_cols
            ]
            continue
        candidate = _row_candidate(number, cells, issuers, default_issuer, report.problems)
        if candidate is not None:
            candidates.append(candidate)
    report.accepted = _duplicates(s, candidates, report.problems)
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
    report = validate(s, sheet, mapping, default_issuer)
    attempt = s.begin_nested()
    outcomes = registration.register_many(
        s, actor, [(c.data, c.status) for c in report.accepted], progress
    )
    registered = []
    for c, outcome in zip(report.accepted, outcomes, strict=True):
        if isinstance(outcome, UserError):
            report.problems.append(Problem(c.row, "", c.data.title, outcome.message))
        else:
            registered.append(c)
    report.accepted = registered
    report.problems.sort(key=lambda p: p.row)
    if dry_run:
        attempt.rollback()
    else:
        attempt.commit()
        report.imported = len(registered)
    return report


def write_report(sheet: Sheet, mapping: Mapping, report: Report, target: Path) -> None:
    """The ledger's rows back as a workbook with an error column, so the office can fix and retry."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    from app.reports.workbook import cell

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("导入检查结果")
    ws.freeze_panes = "A2"
    by_row: dict[int, list[str]] = {}
    for p in report.problems:
        by_row.setdefault(p.row, []).append(f"{p.column}：{p.message}".lstrip("："))
    ws.append(["原行号", *sheet.header(mapping.header_row), "检查结果"])
    for number, values in sheet.rows:
        if number <= mapping.header_row:
            continue
        verdict = "；".join(by_row.get(number, [])) or "通过"
        ws.append([number, *(cell(ws, v) for v in values), WriteOnlyCell(ws, value=verdict)])
    wb.save(target)
