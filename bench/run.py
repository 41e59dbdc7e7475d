"""NormDesk performance figures (issue 10): builds one demo database in a temp dir and prints one
line a figure, "name value unit target [ratio]". It measures and never asserts; exit 0.

Run: make bench, or QT_QPA_PLATFORM=offscreen .venv/bin/python bench/run.py [--docs N] [--quick]
See bench/README.md for what each figure means."""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from datetime import date, datetime, timedelta
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import search_bench  # noqa: E402  (bench/ is on sys.path: it is this script's folder)
from figure import note, report, save, unmeasured  # noqa: E402

from app.db import open_database  # noqa: E402
from app.services.deadlines import open_deadlines  # noqa: E402
from app.services.demo import make_demo  # noqa: E402

QUICK_DOCS = 2000
STARTUP_RUNS = 7
WARM_UP_PAIRS = 2
SCROLL_RUNS = 3
DEADLINE_RUNS = 5
PDF_DOCS = 10_000
IMPORT_ROWS = 10_000
IMPORT_BASE_DOCS = 200  # the "small database" a ledger is imported into
TIMEOUT_S = 1800


class ChildFailed(Exception):
    pass


def child(*args: str, timeout: float = TIMEOUT_S, env: dict | None = None) -> tuple[float, str]:
    """Run `python ARGS` in a fresh process from the repository root; (wall seconds, stdout)."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout, env=env
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        tail = " | ".join((done.stderr or done.stdout).strip().splitlines()[-3:])
        raise ChildFailed(f"exit {done.returncode}: {tail}")
    return seconds, done.stdout


def child_json(script: str, *args: str) -> dict:
    env = gui_env() if script == "figures_gui.py" else None
    if env is not None:
        env["BENCH_LAUNCHED_AT"] = repr(time.time())
    _seconds, out = child(str(BENCH / script), *args, env=env)
    return json.loads(out.strip().splitlines()[-1])


def gui_env() -> dict[str, str]:
    """Start-up is measured with compiled bytecode, as an installed NormDesk has it. The bytecode
    goes to a cache in the temp folder (PYTHONPYCACHEPREFIX), never into app/; compiling it is
    the untimed warm-up run (see warm_up)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(Path(os.environ["NORMDESK_DATA_DIR"]).parent / "pycache")
    return env


def url_of(path: Path) -> str:
    return f"sqlite:///{path}"


def build_demo(path: Path, docs: int) -> None:
    """An untimed demo database for the figures that need one of a given size."""
    database = open_database(url_of(path))
    try:
        with database.transaction() as s:
            make_demo(s, docs)
    finally:
        database.close()


# --- figures ---------------------------------------------------------------------------------
def demo_seconds(path: Path, docs: int) -> None:
    seconds, _out = child("-m", "app", "--db", str(path), "demo", "--docs", str(docs))
    report("demo_100k_s", seconds, "s", "<60")


def warm_up(url: str) -> None:
    """Untimed starts: the first compiles the bytecode every later GUI run reuses; then a floor
    and a start each, so the timed pairs all find Qt's libraries and the database file in the
    system's file cache (the demo that built it has just pushed much of that cache out)."""
    result = child_json("figures_gui.py", "startup", url)
    note(f"first start, compiling bytecode (untimed warm-up): {result['seconds']:.2f} s")
    for _ in range(WARM_UP_PAIRS):
        child_json("figures_gui.py", "floor")
        child_json("figures_gui.py", "startup", url)


def startup(url: str) -> None:
    """Floor and NormDesk start-ups alternate, so both meet the same machine state (the floor
    alone varies by a third between quiet and busy moments); medians of each."""
    floors, results = [], []
    for _ in range(STARTUP_RUNS):
        floors.append(child_json("figures_gui.py", "floor")["seconds"])
        results.append(child_json("figures_gui.py", "startup", url))
    floor = statistics.median(floors)
    report("startup_floor_s", floor, "s", "baseline")
    times = [r["seconds"] for r in results if r["seconds"] is not None]
    value = statistics.median(times) if len(times) == len(results) else math.nan
    report("startup_s", value, "s", "<=1.3x_floor", value / floor)
    loaded = sorted({m for r in results for m in r["modules"]})
    runs = ", ".join(f"{t:.2f}" for t in times)
    floor_runs = ", ".join(f"{t:.2f}" for t in floors)
    note(f"startup_s: heavy modules loaded: {', '.join(loaded) or 'none'}; runs {runs} s")
    note(f"startup_floor_s: runs {floor_runs} s")


def search(path: Path) -> None:
    database = open_database(url_of(path))
    try:
        ours = search_bench.p95(search_bench.first_page(database, search_bench.LONG_TERMS))
        raw = search_bench.p95(search_bench.raw_first_page(path))
        short = search_bench.p95(search_bench.first_page(database, search_bench.SHORT_TERMS))
    finally:
        database.close()
    report("search_3char_p95_ms", ours, "ms", "<20,<=3x_raw", ours / raw)
    report("search_raw_fts_p95_ms", raw, "ms", "baseline")
    report("search_2char_p95_ms", short, "ms", "<80")


def scroll_and_memory(url: str) -> None:
    results = [child_json("figures_gui.py", "scroll", url) for _ in range(SCROLL_RUNS)]
    times = [r["ms"] for r in results if r["ms"] is not None]
    value = statistics.median(times) if len(times) == len(results) else math.nan
    report("scroll_last_row_ms", value, "ms", "<50")
    report("rss_register_mb", statistics.median(r["rss_mb"] for r in results), "MB", "<250")
    first = results[0]
    runs = ", ".join(f"{t:.1f}" for t in times)
    note(
        f"scroll_last_row_ms: runs {runs} ms; {first['rows']} rows; pages fetched by the jump "
        f"{first.get('pages_fetched')}; last row on screen {first.get('last_row_visible')}"
    )


def deadlines(url: str) -> None:
    database = open_database(url)
    try:
        with database.reading() as s:
            found = len(open_deadlines(s))  # warm-up: settings, calendar, SQLite page cache
            samples = search_bench.timed(lambda: open_deadlines(s), DEADLINE_RUNS)
    finally:
        database.close()
    report("deadlines_ms", statistics.median(samples), "ms", "<200")
    note(f"deadlines_ms: {found} open deadlines")


def register_pdf(url: str, target: Path) -> None:
    result = child_json("figures_files.py", "pdf", url, str(target))
    report("register_pdf_10k_s", result["seconds"], "s", "<8")
    note(f"register_pdf_10k_s: {result['pages']} pages, peak {result['peak_mb']:.0f} MB")


def register_xlsx(url: str, target: Path) -> None:
    """With lxml (openpyxl's fast XML writer) and without it, as on a PC that lacks it."""
    for mode, name in (("xlsx", "xlsx_100k"), ("xlsx-nolxml", "xlsx_100k_nolxml")):
        result = child_json("figures_files.py", mode, url, str(target))
        report(f"{name}_s", result["seconds"], "s", "<8")
        report(f"{name}_peak_mb", result["peak_mb"], "MB", "<150")
        note(
            f"{name}_s: {result['rows']} rows, {target.stat().st_size / 2**20:.1f} MB file, "
            f"{result['cpu_s']:.2f} s CPU, load {os.getloadavg()[0]:.2f}"
        )


def import_ledger(folder: Path, rows: int) -> None:
    base = folder / "import_base.db"
    build_demo(base, IMPORT_BASE_DOCS)
    ledger = folder / "ledger.xlsx"
    write_ledger(ledger, base, rows)
    fresh = folder / "import.db"
    copy_database(base, fresh)
    result = child_json("figures_files.py", "import", url_of(fresh), str(ledger))
    report("import_10k_s", result["seconds"], "s", "<15")
    problems = "; ".join(result["problems"]) or "none"
    note(
        f"import_10k_s: {result['imported']} of {result['rows']} rows imported into a "
        f"{IMPORT_BASE_DOCS}-document database; first problems: {problems}"
    )


# --- inputs ----------------------------------------------------------------------------------
def copy_database(source: Path, target: Path) -> None:
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


def pdf_database(folder: Path, main_db: Path, docs: int) -> str:
    """The main database if it has the PDF's size, else a second demo database built for it."""
    if docs == main_rows(main_db):
        return url_of(main_db)
    path = folder / f"pdf_{docs}.db"
    build_demo(path, docs)
    return url_of(path)


def main_rows(path: Path) -> int:
    with closing(sqlite3.connect(path)) as con:
        return con.execute("SELECT count(*) FROM document").fetchone()[0]


def write_ledger(target: Path, database: Path, rows: int) -> None:
    """A ledger (台账) as offices keep it: one document a row, unique 发文字号, an existing issuer."""
    from openpyxl import Workbook

    with closing(sqlite3.connect(database)) as con:
        name, abbr = con.execute("SELECT name, abbr FROM issuer ORDER BY id LIMIT 1").fetchone()
    book = Workbook(write_only=True)
    sheet = book.create_sheet("台账")
    sheet.append(["文件名称", "发文字号", "公布日期", "施行日期", "有效期", "状态", "制定机关"])
    topics = ("城乡居民最低生活保障", "建设工程招标投标", "住房公积金提取", "农村宅基地审批")
    today = date.today()
    for n in range(1, rows + 1):
        published = today - timedelta(days=30 + n % 1400)
        sheet.append(
            [
                f"关于进一步规范{topics[n % len(topics)]}工作的通知（第{n}号）",
                f"{abbr}〔{published.year}〕{50000 + n}号",
                published.isoformat(),
                (published + timedelta(days=10)).isoformat(),
                "5年",
                "有效",
                name,
            ]
        )
    book.save(target)


# --- frame -----------------------------------------------------------------------------------
def guarded(names: tuple[str, ...], figure: Callable[[], object]) -> object:
    """Run one figure; if it cannot be measured, print its lines as nan with the reason."""
    try:
        return figure()
    except Exception as exc:  # a bench reports what it could not measure and goes on
        for name in names:
            unmeasured(name)
        note(f"{', '.join(names) or 'setup'}: not measured: {type(exc).__name__}: {exc}")
        return None


def cpu_name() -> str:
    info = Path("/proc/cpuinfo")
    lines = info.read_text().splitlines() if info.exists() else []
    names = [line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")]
    return names[0] if names else platform.processor() or platform.machine()


def header(docs: int, quick: bool) -> str:
    import PySide6

    cpu = cpu_name()
    line = (
        f"NormDesk bench {datetime.now():%Y-%m-%d %H:%M} | nproc {os.cpu_count()} ({cpu}) | "
        f"Python {platform.python_version()} | SQLite {sqlite3.sqlite_version} | "
        f"PySide6 {PySide6.__version__} | {platform.system()} {platform.release()} | "
        f"N={docs}{' (quick)' if quick else ''}"
    )
    note(line)
    note("name value unit target [ratio] [MISS]")
    return line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=100_000, help="documents in the demo database")
    parser.add_argument(
        "--quick", action="store_true", help=f"smoke run of every figure on {QUICK_DOCS} documents"
    )
    args = parser.parse_args()
    docs = QUICK_DOCS if args.quick else args.docs
    pdf_docs, import_rows = min(PDF_DOCS, docs), min(IMPORT_ROWS, docs)
    begun = time.perf_counter()
    heading = header(docs, args.quick)
    if (pdf_docs, import_rows) != (PDF_DOCS, IMPORT_ROWS):
        note(f"small run: the 10k figures use {pdf_docs} documents / {import_rows} ledger rows")
    with tempfile.TemporaryDirectory(prefix="normdesk-bench-") as name:
        folder = Path(name)
        os.environ["NORMDESK_DATA_DIR"] = str(folder / "data")  # logs and ui.ini stay in here
        path = folder / "bench.db"
        url = url_of(path)
        guarded(("demo_100k_s",), lambda: demo_seconds(path, docs))
        guarded((), lambda: warm_up(url))
        guarded(("startup_floor_s", "startup_s"), lambda: startup(url))
        guarded(
            ("search_3char_p95_ms", "search_raw_fts_p95_ms", "search_2char_p95_ms"),
            lambda: search(path),
        )
        guarded(("scroll_last_row_ms", "rss_register_mb"), lambda: scroll_and_memory(url))
        guarded(("deadlines_ms",), lambda: deadlines(url))
        guarded(
            ("register_pdf_10k_s",),
            lambda: register_pdf(pdf_database(folder, path, pdf_docs), folder / "register.pdf"),
        )
        guarded(
            ("xlsx_100k_s", "xlsx_100k_peak_mb", "xlsx_100k_nolxml_s", "xlsx_100k_nolxml_peak_mb"),
            lambda: register_xlsx(url, folder / "register.xlsx"),
        )
        guarded(("import_10k_s",), lambda: import_ledger(folder, import_rows))
    note(f"total {time.perf_counter() - begun:.0f} s")
    save("run", heading)


if __name__ == "__main__":
    main()
