"""One figure line, shared by every bench script: "name value unit target [ratio] [MISS]".

A target is conditions joined by "," (all must hold) or "/" (the first or the second, for figures
that mix two kinds of query): "<60", "<=1.5x_floor" (on the ratio), "<20,<=3x_raw". A target
with no condition ("baseline", "compare", "context", "-") cannot be missed. A figure that could not
be measured (nan) misses any target it has. Every figure is also kept for `save`, which merges
this script's figures into bench/last.json under its section, so runs can be compared."""

from __future__ import annotations

import json
import math
import os
import re
from datetime import datetime
from pathlib import Path

LAST = Path(__file__).resolve().parent / "last.json"
DIGITS = {"s": 2, "ms": 1, "MB": 1, "x": 2, "/s": 1, "count": 0}
CONDITION = re.compile(r"^(<=|<|>=|>)(\d+(?:\.\d+)?)(x_\w+)?$")

_figures: list[dict] = []


def meets(value: float | None, target: str, ratio: float | None = None) -> bool | None:
    """True or False for a target with conditions, None for one without ("baseline")."""
    alternatives = [part for part in target.split("/") if part]
    parsed = [[CONDITION.match(c) for c in alt.split(",")] for alt in alternatives]
    if not parsed or not all(all(parsed_alt) for parsed_alt in parsed):
        return None
    if value is None or math.isnan(value):
        return False
    return any(all(_holds(m, value, ratio) for m in alt) for alt in parsed)


def _holds(match: re.Match, value: float, ratio: float | None) -> bool:
    op, bound, on_ratio = match.group(1), float(match.group(2)), match.group(3)
    measured = ratio if on_ratio else value
    if measured is None or math.isnan(measured):
        return False
    return {
        "<": measured < bound,
        "<=": measured <= bound,
        ">": measured > bound,
        ">=": measured >= bound,
    }[op]


def report(
    name: str, value: float | None, unit: str, target: str, ratio: float | None = None
) -> bool | None:
    missing = value is None or math.isnan(value)
    shown = "nan" if missing else f"{value:.{DIGITS.get(unit, 1)}f}"
    tail = "" if ratio is None or math.isnan(ratio) else f" {ratio:.2f}x"
    met = meets(value, target, ratio)
    print(f"{name} {shown} {unit} {target}{tail}{' MISS' if met is False else ''}", flush=True)
    _figures.append(
        {
            "name": name,
            "value": None if missing else value,
            "unit": unit,
            "target": target,
            "ratio": None if ratio is None or math.isnan(ratio) else ratio,
            "met": met,
            "load": round(os.getloadavg()[0], 2),
        }
    )
    return met


def note(text: str) -> None:
    print(f"# {text}", flush=True)


def save(section: str, header: str, path: Path = LAST) -> None:
    """Merge this process's figures into `path` as `section`; other sections are kept."""
    try:
        kept = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    except (OSError, ValueError):
        kept = {}
    kept[section] = {"at": datetime.now().isoformat(timespec="seconds"), "header": header}
    kept[section]["figures"] = list(_figures)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(kept, ensure_ascii=False, indent=1), encoding="utf-8")
    temporary.replace(path)


def unmeasured(name: str) -> None:
    """A figure whose measurement failed: it misses its target, whatever that was."""
    print(f"{name} nan - - MISS", flush=True)
    _figures.append({"name": name, "value": None, "met": False})


def skipped(name: str, unit: str, target: str) -> None:
    """A figure this machine cannot measure at all (no PostgreSQL server binaries): said, kept,
    and not a miss, unlike a measurement that failed (`unmeasured`)."""
    print(f"{name} skipped {unit} {target}", flush=True)
    _figures.append(
        {"name": name, "value": None, "unit": unit, "target": target, "met": None, "skipped": True}
    )
