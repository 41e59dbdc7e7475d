"""`print` and `export`: registers and catalogs as PDF or xlsx, and the document record card."""

from __future__ import annotations

import argparse
from pathlib import Path

from app import clock
from app.cli import emit
from app.cli.commands import add_json, id_arg, session, year_arg
from app.cli.login import Access
from app.errors import UserError

PRINT_KINDS = (
    "register",
    "annual",
    "current",
    "repealed",
    "annual-public",
    "current-public",
    "card",
    "opinion",
    "reviews",
    "filing-report",
    "filing-form",
    "filings",
    "deadlines",
    "cleanup-continue",
    "cleanup-retired",
    "cleanup-summary",
    "cleanup-notice",
    "reminders",
    "statistics",
    "manual",
)
EXPORT_KINDS = (
    "register",
    "annual",
    "current",
    "repealed",
    "annual-public",
    "current-public",
    "reviews",
    "filings",
    "deadlines",
    "cleanup-continue",
    "cleanup-retired",
    "statistics",
)
# 公布版: the catalog as published on the government website; printed as .pdf or .docx
PUBLIC_KINDS = {"annual-public": "annual", "current-public": "current"}
CLEANUP_PARTS = {"cleanup-continue": "continue", "cleanup-retired": "retired"}
# The letters, which also come as an editable Word copy (-o FILE.docx).
LETTER_KINDS = {
    "filing-report": "filing_report",
    "opinion": "review_opinion",
    "reminders": "expiry_reminder",
    "cleanup-notice": "cleanup_notice",
}


def _filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--year", type=year_arg, help="年份（年度目录、年度统计表必填）")
    parser.add_argument("--issuer", help="制定机关代码")
    parser.add_argument("--status", help="状态（仅登记簿）")


def register(sub: argparse._SubParsersAction) -> None:
    printing = sub.add_parser("print", help="打印登记簿、目录或文件登记表为 PDF")
    printing.add_argument("kind", choices=PRINT_KINDS)
    _filters(printing)
    printing.add_argument("--doc", type=id_arg, help="文件编号（文件登记表）")
    printing.add_argument("--case", type=id_arg, help="审核案件编号（合法性审核意见书）")
    printing.add_argument(
        "--filing",
        type=id_arg,
        action="append",
        help="备案记录编号（备案报告、备案登记表；可重复）",
    )
    printing.add_argument(
        "--batch", type=id_arg, help="清理批次编号（清理结果目录、汇总表、结果通知）"
    )
    printing.add_argument(
        "-o",
        "--output",
        required=True,
        help="输出 PDF 文件；备案报告、审核意见书、提醒函、清理结果通知和公布版目录也可输出为 Word 文档（.docx）",
    )
    add_json(printing)
    printing.set_defaults(handler=cmd_print, access=_print_access)
    export = sub.add_parser("export", help="导出登记簿或目录为 Excel")
    export.add_argument("file", help="输出 .xlsx 文件")
    export.add_argument("--kind", choices=EXPORT_KINDS, default="register")
    export.add_argument("--batch", type=id_arg, help="清理批次编号")
    _filters(export)
    add_json(export)
    export.set_defaults(handler=cmd_export)


def _print_access(args: argparse.Namespace) -> Access:
    return Access.OPEN if args.kind == "manual" else Access.REGISTER  # the 操作手册 is no record


def _target(path: str, suffix: str) -> Path:
    target = Path(path).expanduser()
    if target.suffix.lower() != suffix:
        raise UserError(f"输出文件：“{path}”应以 {suffix} 结尾。", field="输出文件")
    if not target.parent.is_dir():
        raise UserError(f"输出文件：文件夹“{target.parent}”不存在。", field="输出文件")
    return target


def _catalog_filter(args: argparse.Namespace):
    from app.services.catalogs import CatalogFilter

    return CatalogFilter(year=args.year, issuer_code=args.issuer, status=args.status)


def _batch(args: argparse.Namespace) -> int:
    if args.batch is None:
        raise UserError("--batch 清理批次编号：必须指定。")
    return args.batch


def _statistics_period(args: argparse.Namespace):
    from app.services.statistics import Period

    if args.year is None:
        raise UserError("--year 年份：打印或导出年度统计表时必须指定。")
    return Period.of_year(args.year)


def _letter_module(kind: str):
    import importlib

    return importlib.import_module(f"app.reports.{LETTER_KINDS[kind]}")


def _letter_arguments(args: argparse.Namespace) -> tuple:
    """What a letter module's pdf() and docx() take before the target, from the options."""
    if args.kind == "opinion":
        if args.case is None:
            raise UserError("--case 审核案件编号：打印合法性审核意见书时必须指定。")
        return (args.case,)
    if args.kind == "filing-report":
        return (args.filing or [],)
    if args.kind == "reminders":
        return (clock.today(),)
    return (_batch(args),)


def _print_one(s, args: argparse.Namespace, target: Path) -> int:
    from app.reports import (
        annual_statistics,
        catalog_output,
        cleanup_catalog,
        cleanup_summary,
        deadline_overview,
        filing_form,
        filing_ledger,
        record_card,
        review_ledger,
    )

    if args.kind in LETTER_KINDS:
        module = _letter_module(args.kind)
        return module.pdf(s, *_letter_arguments(args), target, clock.today())
    if args.kind == "card":
        if args.doc is None:
            raise UserError("--doc 文件编号：打印文件登记表时必须指定。")
        return record_card.pdf(s, args.doc, target, clock.today())
    if args.kind == "reviews":
        return review_ledger.pdf(s, target, args.year)
    if args.kind == "filing-form":
        return filing_form.pdf(s, args.filing or [], target, clock.today())
    if args.kind == "filings":
        return filing_ledger.pdf(s, target, args.year)
    if args.kind == "deadlines":
        return deadline_overview.pdf(s, target)
    if args.kind == "cleanup-summary":
        return cleanup_summary.pdf(s, _batch(args), target, clock.today())
    if args.kind in CLEANUP_PARTS:
        return cleanup_catalog.pdf(s, _batch(args), CLEANUP_PARTS[args.kind], target)
    if args.kind == "statistics":
        return annual_statistics.pdf(s, target, _statistics_period(args), args.issuer)
    if args.kind in PUBLIC_KINDS:
        from app.reports import published_catalog

        return published_catalog.pdf(s, PUBLIC_KINDS[args.kind], _catalog_filter(args), target)
    return catalog_output.write_pdf(s, args.kind, _catalog_filter(args), target)


def cmd_print(args: argparse.Namespace) -> None:
    if Path(args.output).suffix.lower() == ".docx":
        _print_word(args)
        return
    target = _target(args.output, ".pdf")
    if args.kind == "manual":  # the 操作手册 needs no database
        from app.reports import manual_pdf

        pages = manual_pdf.pdf(target, clock.today())
    else:
        with session(args) as s:
            pages = _print_one(s, args, target)
    emit(
        {"file": str(target), "pages": pages},
        args.json,
        lambda r: [f"已生成 {r['file']}（共 {r['pages']} 页）"],
    )


def _print_word(args: argparse.Namespace) -> None:
    word_kinds = [*LETTER_KINDS, *PUBLIC_KINDS]
    if args.kind not in word_kinds:
        raise UserError(
            f"输出文件：“{args.kind}”没有 Word 版本，只能输出为 .pdf；"
            f"Word 版本仅限 {'、'.join(word_kinds)}。",
            field="输出文件",
        )
    target = _target(args.output, ".docx")
    with session(args) as s:
        if args.kind in PUBLIC_KINDS:
            from app.reports import published_catalog

            published_catalog.docx(s, PUBLIC_KINDS[args.kind], _catalog_filter(args), target)
        else:
            module = _letter_module(args.kind)
            module.docx(s, *_letter_arguments(args), target, clock.today())
    emit(
        {"file": str(target), "format": "docx"},
        args.json,
        lambda r: [f"已生成 {r['file']}（Word 文档）"],
    )


def cmd_export(args: argparse.Namespace) -> None:
    from app.reports import (
        annual_statistics_xlsx,
        catalog_output,
        cleanup_catalog,
        deadline_overview,
        filing_ledger,
        review_ledger,
    )

    target = _target(args.file, ".xlsx")
    with session(args) as s:
        if args.kind == "reviews":
            rows = review_ledger.xlsx(s, target, args.year)
        elif args.kind == "filings":
            rows = filing_ledger.xlsx(s, target, args.year)
        elif args.kind == "deadlines":
            rows = deadline_overview.xlsx(s, target)
        elif args.kind in CLEANUP_PARTS:
            rows = cleanup_catalog.xlsx(s, _batch(args), CLEANUP_PARTS[args.kind], target)
        elif args.kind in PUBLIC_KINDS:
            from app.reports import published_catalog

            kind = PUBLIC_KINDS[args.kind]
            rows = published_catalog.xlsx(s, kind, _catalog_filter(args), target)
        elif args.kind == "statistics":
            period = _statistics_period(args)
            rows = annual_statistics_xlsx.xlsx(s, target, period, args.issuer)
        else:
            rows = catalog_output.write_xlsx(s, args.kind, _catalog_filter(args), target)
    emit(
        {"file": str(target), "rows": rows},
        args.json,
        lambda r: [f"已导出 {r['file']}（共 {r['rows']} 行）"],
    )
