"""Search over titles and texts at scale (issue 21): a demo register of N documents, each given a
text of about 5,000 characters (bench/text_corpus.py), then the time to add the texts with their
index, the time to rebuild the index, how much the database grew against the texts' own size, and
the latency of searches over titles and texts. Prints one line a figure, "name value unit target",
with `#` lines of detail (the 1-minute load average beside every figure); never asserts.

Run: .venv/bin/python bench/texts_bench.py [--docs 10000] [--chars 5000] [--url POSTGRES_URL]
Without --url the register is a SQLite file in a temporary folder; with it, a PostgreSQL server
(a database `normdesk_textbench` is created on it and dropped at the end)."""

from __future__ import annotations

import argparse
import os
import platform
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))

import text_corpus  # noqa: E402  (bench/ is on sys.path: it is this script's folder)
from figure import note, report, save  # noqa: E402
from search_bench import LONG_TERMS, SHORT_TERMS  # noqa: E402
from sqlalchemy import insert, select, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from app import clock  # noqa: E402
from app.db import Database, open_database  # noqa: E402
from app.models import Document, DocumentText, Issuer  # noqa: E402
from app.services import search, search_index, text_index, texts  # noqa: E402
from app.services.demo import make_demo  # noqa: E402
from app.services.permissions import SYSTEM  # noqa: E402
from app.services.search import DocumentQuery  # noqa: E402
from app.services.vocabulary import TextKind  # noqa: E402

SEED = 21
RUNS = 60  # queries per kind of search, cycling over its terms
PAGE = 200  # the register's page (app/ui/register/table_model.py)
CONSOLIDATED_SHARE = 0.05  # amended documents given a 现行文本 beside their 公布文本
PG_DATABASE = "normdesk_textbench"
BULK_BATCH = 2000  # rows an INSERT, as database_copy.BATCH

TEXT_COMMON = ("人民政府", "监督管理", "行政复议", "法律责任", "工作日内", "专款专用")
TEXT_RARE = ("青龙乡", "杏安镇", "金乐村", "校车安全", "首违不罚", "量子通信")
TEXT_SHORT = ("低保", "公示", "罚", "救助", "宅基", "税")
TEXT_TWO = ("最低生活保障 公示", "行政处罚 听证会", "低保 审计", "招标 法律责任", "青龙乡 补助")


def load() -> str:
    return f"load {os.getloadavg()[0]:.2f}"


def pct(samples: list[float], q: int) -> float:
    return statistics.quantiles(samples, n=100, method="inclusive")[q - 1]


# --- the register and its texts ------------------------------------------------------------------
@dataclass(frozen=True)
class Planned:
    doc_id: int
    kind: TextKind
    body: str
    as_of: date | None


def plan_texts(s: Session, chars: int) -> list[Planned]:
    """A 公布文本 for every document, and a 现行文本 (the text with an article added) for a few
    amended ones."""
    rng = random.Random(SEED)
    rows = s.execute(
        select(Document.id, Document.title, Document.keywords, Issuer.name, Document.published)
        .join(Issuer, Issuer.id == Document.issuer_id)
        .order_by(Document.id)
    ).all()
    planned: list[Planned] = []
    for doc_id, title, keywords, issuer, published in rows:
        size = rng.randint(chars * 9 // 10, chars * 11 // 10)
        body = text_corpus.document_text(rng, title, keywords or "", issuer, size)
        planned.append(Planned(doc_id, TextKind.ORIGINAL, body, None))
        if published is not None and rng.random() < CONSOLIDATED_SHARE:
            added = f"\n第一百条 {rng.choice(text_corpus.PLACES)}的{text_corpus.topic_of(title)}工作参照本办法执行。"
            as_of = published + timedelta(days=rng.randint(30, 900))
            planned.append(Planned(doc_id, TextKind.CONSOLIDATED, body + added, as_of))
    return planned


def add_texts(database: Database, planned: list[Planned], per_commit: int) -> None:
    """Through the service, as the program adds each one: `per_commit` texts a commit."""
    for start in range(0, len(planned), per_commit):
        with database.transaction() as s:
            for p in planned[start : start + per_commit]:
                texts.add_typed(s, SYSTEM, p.doc_id, p.body, p.kind, p.as_of)


def add_in_bulk(database: Database, planned: list[Planned]) -> None:
    """As migrate-db fills a new register (database_copy): the rows inserted in batches, then
    the indexes built from them, in one transaction."""
    stamp = datetime(2026, 11, 27, 9, 0)
    rows = [
        {
            "document_id": p.doc_id,
            "kind": str(p.kind),
            "body": p.body,
            "fmt": texts.TYPED,
            "scanned": False,
            "as_of": p.as_of,
            "added_at": stamp,
            "added_by": "bench",
        }
        for p in planned
    ]
    with database.transaction() as s:
        for start in range(0, len(rows), BULK_BATCH):
            s.execute(insert(DocumentText), rows[start : start + BULK_BATCH])
        text_index.index_all(s)


# --- sizes ---------------------------------------------------------------------------------------
def sqlite_size(path: Path) -> int:
    with sqlite3.connect(path) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path.stat().st_size


def sqlite_parts(path: Path) -> dict[str, int]:
    """Bytes a table (with its indexes and an FTS table's shadow tables) takes in the file."""
    with sqlite3.connect(path) as con:
        rows = con.execute(
            "SELECT coalesce(m.tbl_name, d.name), sum(d.pgsize) FROM dbstat d "
            "LEFT JOIN sqlite_schema m ON m.name = d.name GROUP BY 1"
        ).fetchall()
    parts: dict[str, int] = {}
    for name, size in rows:
        for fts in ("text_fts", "text_grams", "document_fts", "document_grams"):
            if name.startswith(fts + "_"):
                name = fts
        parts[name] = parts.get(name, 0) + size
    return parts


def pg_size(s: Session) -> int:
    return int(s.scalar(text("SELECT pg_database_size(current_database())")) or 0)


def pg_parts(s: Session) -> dict[str, int]:
    rows = s.execute(
        text(
            "SELECT c.relname, pg_total_relation_size(c.oid) FROM pg_class c "
            "WHERE c.relname IN ('document_text', 'audit_log', 'document') "
            "UNION ALL SELECT 'ix_document_text_body_trgm', "
            "pg_relation_size('ix_document_text_body_trgm')"
        )
    ).all()
    return {name: int(size) for name, size in rows}


# --- searches ------------------------------------------------------------------------------------
def first_page(s: Session, q: DocumentQuery) -> int:
    """What the register does for a new search (table_model._first_ids, _load_page): the first
    page's ids (one more, to know whether there are more), the count, the page's rows and, when
    the texts are searched, the page's snippets. Returns the count."""
    ids = search.find_ids(s, q, limit=PAGE + 1)
    total = len(ids) if len(ids) <= PAGE else search.count_ids(s, q)
    page = ids[:PAGE]
    search.load_rows(s, page)
    if q.in_texts:
        texts.snippets(s, page, q.text)
    return total


def searches(
    database: Database, name: str, terms: tuple[str, ...], in_texts: bool, target: str, runs: int
) -> None:
    samples, matches, everything = [], {}, []
    with database.reading() as s:
        for n in range(runs):
            q = DocumentQuery(text=terms[n % len(terms)], in_texts=in_texts)
            start = time.perf_counter()
            matches[q.text] = first_page(s, q)
            samples.append((time.perf_counter() - start) * 1000)
        for term in terms:  # the rest of the ids, read on the turn after the first page shows
            start = time.perf_counter()
            search.find_ids(s, DocumentQuery(text=term, in_texts=in_texts))
            everything.append((time.perf_counter() - start) * 1000)
    report(f"{name}_p95_ms", pct(samples, 95), "ms", target)
    counts = ", ".join(f"{t} {c}" for t, c in matches.items())
    note(
        f"{name}: p50 {pct(samples, 50):.1f} ms, max {max(samples):.1f} ms over {runs} queries; "
        f"all ids afterwards max {max(everything):.1f} ms; matches: {counts}; {load()}"
    )


def all_searches(database: Database, runs: int) -> None:
    searches(database, "title_3char", LONG_TERMS, False, "compare", runs)
    searches(database, "title_short", SHORT_TERMS, False, "compare", runs)
    searches(database, "text_3char_topic", LONG_TERMS, True, "<50", runs)
    searches(database, "text_3char_common", TEXT_COMMON, True, "<50", runs)
    searches(database, "text_3char_rare", TEXT_RARE, True, "<50", runs)
    searches(database, "text_short", TEXT_SHORT, True, "<150", runs)
    searches(database, "text_two_terms", TEXT_TWO, True, "<50/<150", runs)


# --- the run -------------------------------------------------------------------------------------
@contextmanager
def register(url: str | None, folder: Path) -> Iterator[tuple[str, Path | None]]:
    """A new, empty register: a SQLite file in `folder`, or a database on the PostgreSQL server."""
    if url is None:
        path = folder / "texts.db"
        yield f"sqlite:///{path}", path
        return
    import psycopg

    server = make_url(url)
    plain = server.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(plain, autocommit=True) as con:
        con.execute(f"DROP DATABASE IF EXISTS {PG_DATABASE}")
        con.execute(f"CREATE DATABASE {PG_DATABASE}")
    try:
        yield server.set(database=PG_DATABASE).render_as_string(hide_password=False), None
    finally:
        with psycopg.connect(plain, autocommit=True) as con:
            con.execute(f"DROP DATABASE IF EXISTS {PG_DATABASE}")


def size_of(database: Database, path: Path | None) -> tuple[int, dict[str, int]]:
    if path is not None:
        return sqlite_size(path), sqlite_parts(path)
    with database.reading() as s:
        return pg_size(s), pg_parts(s)


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def rebuild(database: Database) -> None:
    """Empty the text indexes and fill them again, as migrate-db does on a SQLite target."""
    with database.transaction() as s:
        if search_index.has_fts(s):
            s.execute(text("INSERT INTO text_fts (text_fts) VALUES ('delete-all')"))
            s.execute(text("INSERT INTO text_grams (text_grams) VALUES ('delete-all')"))
            text_index.index_all(s)
        else:
            s.execute(text("REINDEX INDEX ix_document_text_body_trgm"))


def header(docs: int, url: str) -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.machine(),
    )
    line = (
        f"NormDesk texts bench {datetime.now():%Y-%m-%d %H:%M} | nproc {os.cpu_count()} ({cpu}) | "
        f"Python {platform.python_version()} | SQLite {sqlite3.sqlite_version} | "
        f"{platform.system()} {platform.release()} | N={docs} | {make_url(url).get_backend_name()}"
        f" | {load()}"
    )
    note(line)
    note("name value unit target [MISS]")
    return line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--chars", type=int, default=5_000, help="characters a text, about")
    parser.add_argument("--per-commit", type=int, default=500, help="texts added a transaction")
    parser.add_argument("--url", help="a PostgreSQL server (postgresql+psycopg://…/postgres)")
    parser.add_argument("--runs", type=int, default=RUNS, help="queries a kind of search")
    args = parser.parse_args()
    clock.fix_today(date(2026, 11, 27))
    with tempfile.TemporaryDirectory(prefix="normdesk-texts-") as name:
        os.environ["NORMDESK_DATA_DIR"] = str(Path(name) / "data")
        with register(args.url, Path(name)) as (url, path):
            heading = header(args.docs, url)
            database = open_database(url)
            try:
                run(database, path, args)
            finally:
                database.close()
    save("texts" if args.url is None else "texts_pg", heading)


def run(database: Database, path: Path | None, args: argparse.Namespace) -> None:
    with database.transaction() as s:
        make_demo(s, args.docs)
    with database.reading() as s:
        start = time.perf_counter()
        planned = plan_texts(s, args.chars)
    size = sum(len(p.body.encode("utf-8")) for p in planned)
    consolidated = sum(p.kind == TextKind.CONSOLIDATED for p in planned)
    chars = sum(len(p.body) for p in planned)
    note(
        f"{len(planned)} texts ({consolidated} 现行文本) generated in "
        f"{time.perf_counter() - start:.1f} s: {chars / len(planned):,.0f} characters a text, "
        f"{size / 2**20:.1f} MB of UTF-8"
    )
    if path is not None:
        bulk(path, planned, size)
    before, parts_before = size_of(database, path)
    seconds = timed(lambda: add_texts(database, planned, args.per_commit))
    report("texts_add_s", seconds, "s", "context")
    note(
        f"texts_add_s: texts.add_typed for each text (as the program adds one: normalise, insert, "
        f"index, audit), {args.per_commit} a transaction; {1000 * seconds / len(planned):.2f} ms "
        f"a text; {load()}"
    )
    after, parts = size_of(database, path)
    report("db_growth_ratio", (after - before) / size, "x", "<4")
    note(f"db_growth_ratio: {growth(before, after, parts_before, parts, size)}; {load()}")
    seconds = timed(lambda: rebuild(database))
    report("text_index_rebuild_s", seconds, "s", "<60")
    rebuilt, _ = size_of(database, path)
    note(
        f"text_index_rebuild_s: emptied and text_index.index_all (PostgreSQL: REINDEX); size "
        f"afterwards {rebuilt / 2**20:.1f} MB; {load()}"
    )
    all_searches(database, args.runs)


def bulk(path: Path, planned: list[Planned], size: int) -> None:
    """The texts added in bulk to a copy of the register as it is before any text."""
    copy = path.with_name("bulk.db")
    with sqlite3.connect(path) as src, sqlite3.connect(copy) as dst:
        src.backup(dst)
    database = open_database(f"sqlite:///{copy}")
    try:
        before, parts_before = size_of(database, copy)
        seconds = timed(lambda: add_in_bulk(database, planned))
        report("texts_bulk_s", seconds, "s", "<60")
        after, parts = size_of(database, copy)
        note(
            f"texts_bulk_s: rows inserted {BULK_BATCH} a statement, then text_index.index_all, one "
            f"transaction (as migrate-db); {growth(before, after, parts_before, parts, size)}; "
            f"{load()}"
        )
    finally:
        database.close()
        copy.unlink()


def growth(
    before: int, after: int, parts_before: dict[str, int], parts: dict[str, int], size: int
) -> str:
    grown = {k: v - parts_before.get(k, 0) for k, v in parts.items()}
    shown = ", ".join(
        f"{k} {v / 2**20:.1f}" for k, v in sorted(grown.items(), key=lambda kv: -kv[1]) if v > 2**20
    )
    return (
        f"{before / 2**20:.1f} MB before, {after / 2**20:.1f} MB after "
        f"({(after - before) / size:.2f} x the texts' {size / 2**20:.1f} MB); grown by (MB) {shown}"
    )


if __name__ == "__main__":
    main()
