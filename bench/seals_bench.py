"""What the record seals cost (issue 20): building a demo office (its seal included), one more
save, `check` over every record, and the size of the seals. Prints figures, asserts nothing.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/seals_bench.py [--docs N]"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from memory import rss_mb  # noqa: E402  (bench/ is on sys.path: it is this script's folder)
from sqlalchemy import func, select  # noqa: E402

from app import clock  # noqa: E402
from app.db import open_database  # noqa: E402
from app.models import AuditEntry  # noqa: E402
from app.services import integrity, seals  # noqa: E402
from app.services.demo import make_demo  # noqa: E402
from app.services.permissions import SYSTEM  # noqa: E402
from app.services.settings import put  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=100_000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="normdesk-seals-"))
    os.environ["NORMDESK_DATA_DIR"] = str(folder)
    clock.fix_today(date(2026, 11, 27))
    database = open_database(f"sqlite:///{folder / 'normdesk.db'}")
    started = time.perf_counter()
    with database.transaction() as s:
        make_demo(s, args.docs)
    print(f"demo_with_seal {time.perf_counter() - started:.1f} s ({args.docs} documents)")
    with database.reading() as s:
        size = s.scalar(
            select(func.sum(func.length(AuditEntry.new_values))).where(
                AuditEntry.action == seals.ACTION
            )
        )
        sealed = sum(len(v) for v in seals.sealed_states(s).values())
    print(f"seal_size {size / 2**20:.1f} MB for {sealed} records")
    saves = []
    for n in range(5):
        started = time.perf_counter()
        with database.transaction() as s:
            put(s, SYSTEM, "validity.default_years", 3 + n % 2)
        saves.append(time.perf_counter() - started)
    print(f"one_setting_save_median {statistics.median(saves) * 1000:.1f} ms")
    started = time.perf_counter()
    with database.reading() as s:
        differences = list(seals.differences(s))
    print(f"seal_check {time.perf_counter() - started:.2f} s, {len(differences)} differences")
    started = time.perf_counter()
    with database.reading() as s:
        problems = integrity.full_check(s, database.url)
    print(f"full_check {time.perf_counter() - started:.2f} s, {len(problems)} problems")
    print(f"peak_memory {rss_mb('VmHWM'):.0f} MB")
    database.close()


if __name__ == "__main__":
    main()
