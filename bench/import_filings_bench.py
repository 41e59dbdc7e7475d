"""Rows per second of a ledger import with and without the filing columns (报送日期, 备案机关,
备案结果), each into a fresh SQLite database holding two issuers (a department: one recipient; a
government: two), timed from reading the workbook to the commit.

    python bench/import_filings_bench.py [--rows 2000 10000]

Prints one line a run: `import_<rows>_<plain|filings> rows/s seconds ms/row CPU-seconds`; on a
shared machine the CPU seconds (this process only) vary less than the wall time. Never asserts."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.db import open_database  # noqa: E402
from app.services import issuers  # noqa: E402
from app.services.importing import guess_mapping, read_sheet, run_import  # noqa: E402
from app.services.permissions import pc_administrator  # noqa: E402

ISSUERS = (("MZJ", "河清市民政局", "河民发", "department"),
           ("HQS", "河清市人民政府", "河政发", "government"))  # fmt: skip
RESULTS = ("予以备案", "予以备案", "予以备案", "暂缓登记", "")


def write_ledger(target: Path, rows: int, filings: bool) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("台账")
    header = ["文件名称", "发文字号", "公布日期", "有效期", "制定机关"]
    sheet.append(header + (["报送日期", "备案机关", "备案结果"] if filings else []))
    start = date(2019, 1, 1)
    for n in range(1, rows + 1):
        _code, name, abbr, level = ISSUERS[n % 2]
        published = start + timedelta(days=n % 2000)
        row = [f"关于规范第{n}项工作的通知", f"{abbr}〔{published.year}〕{n}号",
               published.isoformat(), "5年", name]  # fmt: skip
        if filings:
            filed = (published + timedelta(days=5)).isoformat()
            recipient = (
                "本级人民政府" if level == "department" else "上一级人民政府；本级人大常委会"
            )
            row += [filed, recipient, RESULTS[n % len(RESULTS)]]
        sheet.append(row)
    book.save(target)


def measure(folder: Path, rows: int, filings: bool) -> tuple[float, float, int]:
    kind = "filings" if filings else "plain"
    ledger = folder / f"ledger_{rows}_{kind}.xlsx"
    write_ledger(ledger, rows, filings)
    database = open_database(f"sqlite:///{folder / f'import_{rows}_{kind}.db'}")
    try:
        with database.transaction() as s:
            for code, name, abbr, level in ISSUERS:
                issuers.add_issuer(s, pc_administrator(), code, name, abbr, level)
        start, cpu = time.perf_counter(), time.process_time()
        sheet = read_sheet(ledger)
        mapping = guess_mapping(sheet)
        with database.transaction() as s:
            report = run_import(s, pc_administrator(), sheet, mapping)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    finally:
        database.close()
    if report.problems:
        print(f"# {kind} {rows}: first problems: {report.problems[:3]}")
    return seconds, cpu, report.imported


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, nargs="+", default=[2000, 10000])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="import-filings-bench-") as tmp:
        for rows in args.rows:
            for filings in (False, True):
                seconds, cpu, imported = measure(Path(tmp), rows, filings)
                kind = "filings" if filings else "plain"
                print(f"import_{rows}_{kind} {imported / seconds:8.0f} rows/s  {seconds:7.2f} s"
                      f"  {1000 * seconds / max(imported, 1):6.2f} ms/row  {cpu:7.2f} s CPU  ({imported} imported)",
                      flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
