"""`stats`: the year's assessment figures with their numerators and denominators, and what they
leave out (documents whose filing was never entered: 备案情况未录入)."""

from __future__ import annotations

import argparse

from app.cli import emit
from app.cli.commands import add_json, session, year_arg
from app.services import statistics
from app.services.statistics import Figure, Period


def register(sub: argparse._SubParsersAction) -> None:
    stats = sub.add_parser("stats", help="年度考核指标（报备率、报备及时率、规范率等）")
    stats.add_argument("--year", type=year_arg, required=True, help="统计年度（按公布日期）")
    stats.add_argument("--issuer", help="制定机关代码（默认全部制定机关）")
    add_json(stats)
    stats.set_defaults(handler=cmd_stats)


def _figure_json(f: Figure) -> dict:
    return {
        "name": f.name,
        "definition": f.definition,
        "numerator": f.numerator,
        "denominator": f.denominator,
        "rate": None if f.rate is None else round(f.rate, 4),
        "shown": f.shown(),
        "left_out": f.left_out,
        "note": f.note or None,
    }


def _lines(r: dict) -> list[str]:
    head = f"{r['issuer']}　{r['period']['label']}公布文件 {r['issued']} 件（按公布日期统计）"
    rows = [
        "\t".join(
            filter(None, (f["name"], f"{f['numerator']}/{f['denominator']}", f["shown"], f["note"]))
        )
        for f in r["figures"]
    ]
    notes = (f"※{line}（录入其备案情况后计入）" for line in r["notes"])
    return [head, *rows, *notes, f"上位法变化：{r['upper_laws']['text']}"]


def cmd_stats(args: argparse.Namespace) -> None:
    period = Period.of_year(args.year)
    with session(args) as s:
        stats = statistics.annual(s, period, args.issuer)
    result = {
        "period": {
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
            "label": period.label,
        },
        "issuer": stats.issuer,
        "issued": stats.issued.n,
        "figures": [_figure_json(f) for f in stats.figures],
        "notes": statistics.notes(stats.figures),
        "upper_laws": {
            "changes": stats.upper_laws.changes,
            "documents": stats.upper_laws.documents,
            "cleaned": stats.upper_laws.cleaned,
            "pending": stats.upper_laws.pending,
            "text": stats.upper_laws.text,
        },
    }
    emit(result, args.json, _lines)
