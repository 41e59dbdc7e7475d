"""`import`: bring an existing Excel ledger in, all accepted rows or nothing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli import emit
from app.cli.commands import add_json, int_arg, session
from app.cli.login import acting
from app.errors import UserError


def register(sub: argparse._SubParsersAction) -> None:
    imp = sub.add_parser("import", help="导入 Excel 台账")
    imp.add_argument("file", help="台账 .xlsx 文件")
    imp.add_argument("--dry-run", action="store_true", help="只检查，不写入")
    imp.add_argument("--mapping", help="列对应文件（JSON）")
    imp.add_argument("--sheet", help="工作表名称（默认第一个）")
    imp.add_argument(
        "--header-row",
        type=int_arg("--header-row 表头行", 1, 1_048_576),
        help="表头所在行（默认自动识别）",
    )
    imp.add_argument("--issuer", help="台账中没有制定机关列时使用的机关代码")
    imp.add_argument("--report", help="把逐行检查结果写入此 .xlsx 文件")
    add_json(imp)
    imp.set_defaults(handler=cmd_import)


def cmd_import(args: argparse.Namespace) -> int:
    from app.services import importing

    target = (
        importing.check_report_target(Path(args.report), Path(args.file)) if args.report else None
    )
    sheet = importing.read_sheet(Path(args.file), args.sheet)
    mapping = (
        importing.load_mapping(Path(args.mapping), sheet)
        if args.mapping
        else importing.guess_mapping(sheet, args.header_row)
    )
    staged = None
    try:
        with session(args, write=True) as s:
            report = importing.run_import(
                s, acting(args), sheet, mapping, args.dry_run, args.issuer
            )
            if target is not None:  # written before the commit: a report that fails imports nothing
                staged = _stage(sheet, mapping, report, target)
        if staged is not None:
            _publish(staged, report.imported)
    finally:
        if staged is not None:
            staged.discard()
    result = {
        "dry_run": args.dry_run,
        "sheet": sheet.name,
        "header_row": mapping.header_row,
        "rows": report.total,
        "accepted": len(report.accepted),
        "imported": report.imported,
        "rejected": len(report.rejected_rows),
        "skipped": len(report.skipped),
        "filing_unrecorded": report.filing_unrecorded,
        "problems": [
            {"row": p.row, "column": p.column, "value": p.value, "problem": p.message}
            for p in report.problems
        ],
        "skips": [
            {"row": p.row, "column": p.column, "value": p.value, "problem": p.message}
            for p in report.skipped
        ],
    }
    emit(result, args.json, _lines)
    return 0


def _stage(sheet, mapping, report, target: Path):
    from app.services.importing import stage_report

    try:
        return stage_report(sheet, mapping, report, target)
    except UserError as exc:
        raise UserError(f"{exc.message}没有导入任何数据。") from None


def _publish(staged, imported: int) -> None:
    try:
        staged.publish()
    except UserError as exc:
        raise UserError(f"{exc.message}台账已导入 {imported} 件文件。") from None


def _lines(r: dict) -> list[str]:
    verb = "检查（未写入）" if r["dry_run"] else "导入"
    skipped = f"已在登记簿中 {r['skipped']} 行（跳过），" if r["skipped"] else ""
    lines = [f"工作表“{r['sheet']}”，表头第 {r['header_row']} 行，共 {r['rows']} 行数据。"]
    lines += [
        f"{verb}：可导入 {r['accepted']} 行，已导入 {r['imported']} 行，{skipped}有问题 {r['rejected']} 行。"
    ]
    if r["filing_unrecorded"]:
        lines += [
            f"其中 {r['filing_unrecorded']} 行没有备案情况，标记为“备案情况未录入”（可用 normdesk filing bulk 批量登记）。"
        ]
    lines += [
        f"  第 {p['row']} 行 {p['column']}“{p['value'][:30]}”：{p['problem']}"
        for p in sorted(r["problems"] + r["skips"], key=lambda p: p["row"])
    ]
    if r["problems"] and sys.stdout.isatty():
        lines.append("可用 --report 文件.xlsx 输出带检查结果列的表格。")
    return lines
