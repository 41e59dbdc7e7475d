"""`fonts`: which font file serves each printing role on this PC, and why; `--sample` writes the
打印字体样张 as 设置 → 打印 shows it."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli import emit
from app.cli.commands import add_json, session


def register(sub: argparse._SubParsersAction) -> None:
    fonts = sub.add_parser("fonts", help="查看打印公文各用途使用的字体（本机字体或程序自带字体）")
    fonts.add_argument("--sample", metavar="PDF", help="同时生成字体样张 PDF")
    add_json(fonts)
    fonts.set_defaults(handler=cmd_fonts)


def cmd_fonts(args: argparse.Namespace) -> None:
    from app.cli.print_commands import _target  # the output file checked as `print` checks it
    from app.reports import font_sample
    from app.reports.fonts import font_choices

    target = _target(args.sample, ".pdf") if args.sample else None
    with session(args) as s:
        choices = font_choices(s)
        if target is not None:
            font_sample.pdf(s, target)
    rows: list[dict[str, Any]] = [
        {
            "role": role.value,
            "label": role.label,
            "source": choice.source.value,
            "face": choice.face,
            "family": choice.font.family,
            "file": str(choice.font.path),
            "notes": list(choice.notes),
        }
        for role, choice in choices.items()
    ]
    sample = str(target) if target is not None else None
    emit({"roles": rows, "sample": sample}, args.json, _lines)


def _lines(result: dict[str, Any]) -> list[str]:
    from app.reports.fonts import FontSource

    lines = []
    for row in result["roles"]:
        source = FontSource(row["source"]).label
        lines.append(f"{row['label']}：{row['face']}（{source}）")
        lines.append(f"    文件：{row['file']}")
        lines += [f"    {note}" for note in row["notes"]]
    if result["sample"]:
        lines.append(f"已生成字体样张：{result['sample']}")
    return lines
