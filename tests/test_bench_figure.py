"""bench/figure.py: which figure lines say MISS, and what bench/last.json keeps."""

import importlib.util
import json
import math
from pathlib import Path

import pytest

SPEC = importlib.util.spec_from_file_location(
    "bench_figure", Path(__file__).resolve().parent.parent / "bench" / "figure.py"
)
figure = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(figure)


@pytest.mark.parametrize(
    ("value", "target", "ratio", "expected"),
    [
        (59.9, "<60", None, True),
        (60.0, "<60", None, False),
        (0.41, "<=1.3x_floor", 1.30, True),
        (0.41, "<=1.3x_floor", 1.31, False),
        (12.0, "<20,<=3x_raw", 2.0, True),
        (12.0, "<20,<=3x_raw", 3.5, False),
        (25.0, "<20,<=3x_raw", 1.0, False),
        (120.0, "<50/<150", None, True),
        (160.0, "<50/<150", None, False),
        (5.0, "baseline", None, None),
        (5.0, "compare", None, None),
        (math.nan, "<60", None, False),
        (None, "<60", None, False),
        (math.nan, "baseline", None, None),
    ],
)
def test_meets(value, target, ratio, expected):
    assert figure.meets(value, target, ratio) is expected


def test_lines_say_miss_and_last_json_keeps_each_section(tmp_path, capsys):
    figure._figures.clear()
    figure.report("fast_ms", 12.34, "ms", "<20")
    figure.report("slow_s", 21.0, "s", "<8")
    figure.report("startup_s", 0.5, "s", "<=1.3x_floor", 1.4)
    figure.unmeasured("broken_s")
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        "fast_ms 12.3 ms <20",
        "slow_s 21.00 s <8 MISS",
        "startup_s 0.50 s <=1.3x_floor 1.40x MISS",
        "broken_s nan - - MISS",
    ]
    last = tmp_path / "last.json"
    last.write_text(json.dumps({"texts": {"figures": []}}), encoding="utf-8")
    figure.save("run", "header line", last)
    kept = json.loads(last.read_text(encoding="utf-8"))
    assert set(kept) == {"texts", "run"}
    assert kept["run"]["header"] == "header line"
    assert [(f["name"], f["met"]) for f in kept["run"]["figures"]] == [
        ("fast_ms", True),
        ("slow_s", False),
        ("startup_s", False),
        ("broken_s", False),
    ]
    figure._figures.clear()
