"""Register search at scale: builds a demo database in a temp dir and prints one figure a line,
"name value unit target". Run: .venv/bin/python bench/search_bench.py [--docs N]"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.db import Database, open_database  # noqa: E402
from app.services.demo import make_demo  # noqa: E402
from app.services.search import DocumentQuery, find_ids, load_rows  # noqa: E402

LONG_TERMS = (
    "最低生活保障",
    "农村宅基地",
    "建设工程招标",
    "义务教育招生",
    "城市道路占用",
    "住房公积金",
)
SHORT_TERMS = ("低保", "招标", "公积", "救助", "宅基")
PAGE = 200
RUNS = 50

RAW_PAGE_SQL = (
    "SELECT d.id, d.reg_number, d.doc_number, d.title, i.code, i.name, d.drafting_unit, "
    "d.published, d.effective, d.valid_until, d.status FROM document d "
    "JOIN issuer i ON i.id = d.issuer_id "
    "WHERE d.id IN (SELECT rowid FROM document_fts WHERE document_fts MATCH ?) "
    "ORDER BY d.published DESC, d.id DESC LIMIT ?"
)


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1]


def timed(action: Callable[[], object], runs: int) -> list[float]:
    """Milliseconds per call; `action` is called `runs` times."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def first_page(db: Database, terms: tuple[str, ...]) -> list[float]:
    samples: list[float] = []
    with db.reading() as s:
        for n in range(RUNS):
            query = DocumentQuery(text=terms[n % len(terms)])
            samples += timed(lambda q=query: load_rows(s, find_ids(s, q)[:PAGE]), 1)
    return samples


def raw_first_page(path: Path) -> list[float]:
    con = sqlite3.connect(path)
    try:
        samples: list[float] = []
        for n in range(RUNS):
            phrase = '"' + LONG_TERMS[n % len(LONG_TERMS)] + '"'
            samples += timed(lambda p=phrase: con.execute(RAW_PAGE_SQL, (p, PAGE)).fetchall(), 1)
        return samples
    finally:
        con.close()


def report(name: str, value: float, unit: str, target: str) -> None:
    print(f"{name} {value:.1f} {unit} {target}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        db = open_database(f"sqlite:///{path}")
        try:
            start = time.perf_counter()
            with db.transaction() as s:
                make_demo(s, args.docs)
            report("demo_generation", time.perf_counter() - start, "s", "<60")
            ours = p95(first_page(db, LONG_TERMS))
            raw = p95(raw_first_page(path))
            report("fts_find_ids_load_rows_p95", ours, "ms", "<20")
            report("fts_raw_sqlite_first_page_p95", raw, "ms", "baseline")
            report("fts_ratio_to_raw", ours / raw, "x", "-")
            report("like_find_ids_load_rows_p95", p95(first_page(db, SHORT_TERMS)), "ms", "<80")
            with db.reading() as s:
                unfiltered = timed(lambda: find_ids(s, DocumentQuery()), 20)
            report("find_ids_unfiltered_median", statistics.median(unfiltered), "ms", "<150")
            report("find_ids_unfiltered_p95", p95(unfiltered), "ms", "<150")
        finally:
            db.close()


if __name__ == "__main__":
    main()
