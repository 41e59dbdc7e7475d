"""Print, export and import figures, each measured in a fresh process started by bench/run.py, so
the libraries a first print or import loads are part of the time; prints one JSON line.

    python bench/figures_files.py pdf URL TARGET.pdf       register PDF of every row
    python bench/figures_files.py xlsx URL TARGET.xlsx     register workbook of every row
    python bench/figures_files.py xlsx-nolxml URL T.xlsx   the same with lxml unimportable, as
                                                           on a PC without it (openpyxl then
                                                           writes through et_xmlfile)
    python bench/figures_files.py import URL LEDGER.xlsx   read a ledger and import it all

Peak memory is VmHWM (the process's high-water resident memory) from /proc/self/status; CPU
seconds (the process's own) are given beside the wall seconds, which a busy machine stretches."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

if sys.argv[1:2] == ["xlsx-nolxml"]:
    sys.modules["lxml"] = None  # type: ignore[assignment]  (before anything imports openpyxl)

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from memory import rss_mb  # noqa: E402

from app.db import open_database  # noqa: E402
from app.services.catalogs import CatalogFilter  # noqa: E402


def register_pdf(url: str, target: str) -> dict:
    from app.reports.catalog_output import write_pdf

    return _timed_register(url, target, write_pdf, "pages")


def register_xlsx(url: str, target: str) -> dict:
    import openpyxl.xml

    from app.reports.catalog_output import write_xlsx

    result = _timed_register(url, target, write_xlsx, "rows")
    return {**result, "lxml": openpyxl.xml.LXML}


def register_xlsx_nolxml(url: str, target: str) -> dict:
    result = register_xlsx(url, target)
    if result["lxml"]:
        raise RuntimeError("openpyxl still found lxml")
    return result


def _timed_register(url: str, target: str, write, counted: str) -> dict:
    """The whole register written by `write` (catalog_output's PDF or workbook writer), timed;
    `counted` names what the writer returns (pages or rows)."""
    database = open_database(url)
    try:
        with database.reading() as s:
            start, cpu = time.perf_counter(), time.process_time()
            count = write(s, "register", CatalogFilter(), Path(target))
            seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    finally:
        database.close()
    return {"seconds": seconds, "cpu_s": cpu, counted: count, "peak_mb": rss_mb("VmHWM")}


def import_ledger(url: str, ledger: str) -> dict:
    from app.services.importing import guess_mapping, read_sheet, run_import
    from app.services.permissions import pc_administrator

    database = open_database(url)
    try:
        start = time.perf_counter()
        sheet = read_sheet(Path(ledger))
        mapping = guess_mapping(sheet)
        with database.transaction() as s:  # the commit is part of the import
            report = run_import(s, pc_administrator(), sheet, mapping)
        seconds = time.perf_counter() - start
    finally:
        database.close()
    return {
        "seconds": seconds,
        "rows": report.total,
        "imported": report.imported,
        "problems": [f"{p.row} {p.column} {p.message}" for p in report.problems[:3]],
        "peak_mb": rss_mb("VmHWM"),
    }


def main() -> None:
    what, url, path = sys.argv[1:]
    figure = {
        "pdf": register_pdf,
        "xlsx": register_xlsx,
        "xlsx-nolxml": register_xlsx_nolxml,
        "import": import_ledger,
    }[what]
    print(json.dumps(figure(url, path), ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
