"""NormDesk on PostgreSQL (issue 27): the register's figures on a throwaway server, and an office of
clerks working on it at once. Prints one line a figure, "name value unit target [ratio] [MISS]",
with `#` lines of detail (the 1-minute load average beside each); never asserts, exits 0.

Run: .venv/bin/python bench/pg_bench.py [--docs 100000] [--clerks 8] [--seconds 60]
     .venv/bin/python bench/pg_bench.py --url postgresql+psycopg://USER:PW@HOST:PORT/postgres
     .venv/bin/python bench/pg_bench.py --sqlite-startup 1.10   (skip building the SQLite demo)

Without --url it makes a PostgreSQL cluster of its own in a temporary folder, as .ci/run does
(initdb, as the `postgres` user when run as root; listening on 127.0.0.1 only, the socket in the
temporary folder; otherwise the server's defaults, fsync on, as an office's server runs), and
stops and removes it at the end, also after an error or Ctrl-C. Without server binaries
(/usr/lib/postgresql/*/bin/initdb) every figure is printed as skipped. With --url (a role that
may CREATE DATABASE and CREATEROLE) a database `normdesk_pgbench` and its roles are made on that
server and dropped at the end.

    .venv/bin/python bench/pg_bench.py clerk ...   one simulated clerk (started by the office)"""

from __future__ import annotations

import argparse
import glob
import json
import math
import os
import platform
import random
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import run  # noqa: E402  (bench/ is on sys.path: it is this script's folder)
import search_bench  # noqa: E402
from figure import note, report, save, skipped, unmeasured  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import Connection, make_url  # noqa: E402

PG_DATABASE = "normdesk_pgbench"
CLERKS = 8
OFFICE_SECONDS = 60
THINK_S = (0.5, 2.0)  # a clerk's pause between two actions, uniform
CLERK_PASSWORD_ENV = "BENCH_PG_PASSWORD"
STARTUP_RUNS = 7
DEADLINE_RUNS = 5
SEED = 27
# The office's mix: what a clerk does next, with these weights.
MIX = {"search": 35, "open": 25, "edit": 15, "register": 15, "deadlines": 10}
ACTION_TARGET = "<100"
SHOWN_ERRORS = 5

FIGURES = (  # name, unit, target: every line this script prints
    ("pg_demo_100k_s", "s", "context"),
    ("sqlite_startup_s", "s", "baseline"),
    ("pg_startup_s", "s", "<=1.5x_sqlite"),
    ("pg_search_3char_p95_ms", "ms", "<30"),
    ("pg_search_2char_p95_ms", "ms", "<60"),
    ("pg_deadlines_ms", "ms", "<200"),
    ("pg_office_actions_per_s", "/s", "context"),
    *((f"pg_clerk_{action}_p95_ms", "ms", ACTION_TARGET) for action in MIX),
    ("pg_duplicate_numbers", "count", "<1"),
    ("pg_clerk_errors", "count", "<1"),
)


OFFICE_FIGURES = tuple(
    n for n, _u, _t in FIGURES[FIGURES.index(("pg_office_actions_per_s", "/s", "context")) :]
)


def load() -> str:
    return f"load {os.getloadavg()[0]:.2f}"


def pct(samples: list[float], q: int) -> float:
    if len(samples) < 2:
        return samples[0] if samples else math.nan
    return statistics.quantiles(samples, n=100, method="inclusive")[q - 1]


# --- the server ----------------------------------------------------------------------------------
def server_binaries() -> Path | None:
    """The newest PostgreSQL's bin folder on this machine (Debian's layout), if any."""
    found = glob.glob("/usr/lib/postgresql/*/bin/initdb")
    if not found:
        return None
    return Path(max(found, key=lambda p: int(Path(p).parts[-3].split(".")[0]))).parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def throwaway_cluster(binaries: Path, port: int) -> Iterator[str]:
    """A cluster in a temporary folder, as .ci/run makes one, but with the server's own durability
    settings; its superuser's URL (a password over TCP, as an office's server asks for one). Stopped
    and removed when the block ends, however it ends."""
    folder = Path(tempfile.mkdtemp(prefix="normdesk-pg-"))
    as_root = os.geteuid() == 0
    prefix = ["runuser", "-u", "postgres", "--"] if as_root else []
    password = secrets.token_hex(12)
    (folder / "pw").write_text(password + "\n")
    if as_root:
        shutil.chown(folder, "postgres")
        shutil.chown(folder / "pw", "postgres")
    data = folder / "data"
    pg_ctl = [*prefix, str(binaries / "pg_ctl"), "-D", str(data)]
    started = False
    try:
        subprocess.run(
            [*prefix, str(binaries / "initdb"), "-D", str(data), "-U", "postgres"]
            + ["--auth-local=trust", "--auth-host=scram-sha-256", f"--pwfile={folder / 'pw'}"]
            + ["-E", "UTF8", "--locale=C.UTF-8"],
            check=True,
            capture_output=True,
        )
        options = f"-k {folder} -p {port} -c listen_addresses=127.0.0.1"
        subprocess.run(
            [*pg_ctl, "-l", str(folder / "server.log"), "-w", "start", "-o", options],
            check=True,
            capture_output=True,
        )
        started = True
        yield f"postgresql+psycopg://postgres:{password}@127.0.0.1:{port}/postgres"
    finally:
        if started:
            subprocess.run([*pg_ctl, "-m", "fast", "-w", "stop"], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


def admin(server_url: str, *statements: str) -> None:
    engine = create_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            for statement in statements:
                conn.execute(text(statement))
    finally:
        engine.dispose()


def on_database(server_url: str, name: str) -> str:
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


@contextmanager
def bench_database(server_url: str) -> Iterator[str]:
    """A new database on the server, owned by the URL's role; its URL. Dropped at the end, with
    the clerks' roles `pg-roles setup` made for it."""
    admin(server_url, f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")
    admin(server_url, f"CREATE DATABASE {PG_DATABASE}")
    try:
        yield on_database(server_url, PG_DATABASE)
    finally:
        from app.services import pg_roles

        admin(server_url, f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")
        engine = create_engine(server_url, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:
                pg_roles.drop_all(conn, pg_roles.names_for(PG_DATABASE))
        finally:
            engine.dispose()


def server_version(server_url: str) -> str:
    engine = create_engine(server_url)
    try:
        with engine.connect() as conn:
            return conn.execute(text("SHOW server_version")).scalar_one()
    finally:
        engine.dispose()


# --- the office's set-up -----------------------------------------------------------------------
def clerk_names(clerks: int) -> list[str]:
    return [f"clerk{n}" for n in range(1, clerks + 1)]


def set_up_logins(owner_url: str, clerks: int, password: str) -> None:
    """As the administrator sets an office's server up: `pg-roles setup` as the owner, then a
    登记员 for each clerk, each with a login of their own on the server."""
    from app.db import open_database
    from app.services import pg_roles, users
    from app.services.permissions import SYSTEM, Role

    database = open_database(owner_url)
    try:
        with database.transaction() as s:
            pg_roles.setup(s, {})
        with database.transaction() as s:
            for name in clerk_names(clerks):
                users.add_user(s, SYSTEM, name, f"登记员{name[5:]}", Role.CLERK.value, password)
    finally:
        database.close()


def signed_in(clerk_url: str, username: str, password: str):
    """The database as `username`'s own login sees it, signed in as the login dialog does."""
    from app.services import pg_roles

    database, login = pg_roles.sign_in(clerk_url, username, password)
    if login.actor is None:
        database.close()
        raise RuntimeError(f"sign-in of {username} refused: {login.message}")
    return database, login.actor


def analyzed(owner_url: str) -> str:
    """When `document` was last analysed, by a command or by autovacuum."""
    engine = create_engine(owner_url)
    try:
        with engine.connect() as conn:
            row = conn.execute(
                text(
                    "SELECT last_analyze, last_autoanalyze FROM pg_stat_user_tables "
                    "WHERE relname = 'document'"
                )
            ).one()
    finally:
        engine.dispose()
    shown = [
        f"{w} {t:%H:%M:%S}"
        for w, t in zip(("ANALYZE", "autovacuum"), row, strict=True)
        if t is not None
    ]
    return ", ".join(shown) or "never"


# --- figures ------------------------------------------------------------------------------------
def demo(owner_url: str, docs: int) -> None:
    seconds, _out = run.child("-m", "app", "--db", owner_url, "demo", "--docs", str(docs))
    report("pg_demo_100k_s", seconds, "s", "context")
    note(
        f"pg_demo_100k_s: {docs} documents, {load()}; document last analysed: "
        f"{analyzed(owner_url)} (at {datetime.now():%H:%M:%S})"
    )


def sqlite_demo(folder: Path, docs: int) -> str:
    path = folder / "sqlite.db"
    seconds, _out = run.child("-m", "app", "--db", str(path), "demo", "--docs", str(docs))
    note(f"SQLite demo for the start-up baseline (untimed figure): {seconds:.1f} s")
    return run.url_of(path)


def startup(sqlite_url: str | None, sqlite_given: float | None, clerk_url: str) -> None:
    """The clerk's start on the server and the start on a SQLite file alternate, so both meet the
    same machine state; medians of each. The first run compiles the bytecode (untimed)."""
    result = run.child_json("figures_gui.py", "server-startup", clerk_url, "clerk1")
    note(f"first start, compiling bytecode (untimed warm-up): {result['seconds']:.2f} s")
    if sqlite_url is not None:
        run.child_json("figures_gui.py", "startup", sqlite_url)
    run.child_json("figures_gui.py", "server-startup", clerk_url, "clerk1")
    sqlite_runs: list[float] = []
    pg_runs: list[float | None] = []
    for _ in range(STARTUP_RUNS):
        if sqlite_url is not None:
            sqlite_runs.append(run.child_json("figures_gui.py", "startup", sqlite_url)["seconds"])
        pg = run.child_json("figures_gui.py", "server-startup", clerk_url, "clerk1")
        pg_runs.append(pg["seconds"])
    base = statistics.median(sqlite_runs) if sqlite_url is not None else sqlite_given
    report("sqlite_startup_s", base, "s", "baseline")
    times = [t for t in pg_runs if t is not None]
    value = statistics.median(times) if len(times) == len(pg_runs) else math.nan
    report("pg_startup_s", value, "s", "<=1.5x_sqlite", value / base)
    runs = ", ".join(f"{t:.2f}" for t in times)
    source = "measured" if sqlite_url is not None else "given by --sqlite-startup"
    note(f"pg_startup_s: signed in as clerk1's login; runs {runs} s; {load()}")
    note(f"sqlite_startup_s ({source}): runs {', '.join(f'{t:.2f}' for t in sqlite_runs)} s")


def search(database) -> None:
    long = search_bench.first_page(database, search_bench.LONG_TERMS)
    short = search_bench.first_page(database, search_bench.SHORT_TERMS)
    report("pg_search_3char_p95_ms", search_bench.p95(long), "ms", "<30")
    note(
        f"pg_search_3char_p95_ms: median {statistics.median(long):.1f} ms, "
        f"max {max(long):.1f} ms, {len(long)} searches; {load()}"
    )
    report("pg_search_2char_p95_ms", search_bench.p95(short), "ms", "<60")
    note(
        f"pg_search_2char_p95_ms: median {statistics.median(short):.1f} ms, "
        f"max {max(short):.1f} ms, {len(short)} searches; {load()}"
    )


def deadlines(database) -> None:
    from app.services.deadlines import open_deadlines

    with database.reading() as s:
        found = len(open_deadlines(s))
        samples = search_bench.timed(lambda: open_deadlines(s), DEADLINE_RUNS)
    report("pg_deadlines_ms", statistics.median(samples), "ms", "<200")
    note(
        f"pg_deadlines_ms: {found} open deadlines; runs "
        f"{', '.join(f'{t:.0f}' for t in samples)} ms; {load()}"
    )


# --- the office ---------------------------------------------------------------------------------
@dataclass
class ClerkLog:
    """What one clerk did: milliseconds per action, and the errors they were shown."""

    samples: dict[str, list[float]] = field(default_factory=dict)
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # action, type, message
    registered: list[str] = field(default_factory=list)  # the numbers they were given

    def to_json(self) -> str:
        return json.dumps(
            {
                "samples": self.samples,
                "errors": self.errors,
                "registered": self.registered,
            },
            ensure_ascii=False,
        )


TOPICS = (
    "城乡居民最低生活保障",
    "建设工程招标投标",
    "住房公积金提取",
    "农村宅基地审批",
    "义务教育招生入学",
    "城市道路占用挖掘",
    "临时救助",
    "政府投资项目",
)


class Clerk:
    """One clerk at their PC: signed in as their own login, doing the office's mix of actions
    through the services the GUI's dialogs and views call, each timed as the clerk waits for it."""

    def __init__(self, database, actor, number: int, rng: random.Random) -> None:
        self.database, self.actor, self.number, self.rng = database, actor, number, rng
        self.log = ClerkLog()
        self.mine: list[int] = []  # documents this clerk registered: they edit these too
        self.serial = 0
        with database.reading() as s:
            rows = s.execute(text("SELECT code, abbr FROM issuer WHERE active")).all()
            self.issuers = [(code, abbr) for code, abbr in rows]
            top = s.execute(text("SELECT max(id) FROM document")).scalar_one()
        self.top_id = int(top)

    def warm_up(self) -> None:
        """One of each action, untimed: a clerk's program has been open for a while, its modules
        imported and its statements compiled; its first action of a kind after the start is not
        what the office waits for all day."""
        for action in MIX:
            self.act(action)
        self.log = ClerkLog()

    def act(self, action: str) -> None:
        do: dict[str, Callable[[], None]] = {
            "search": self.search,
            "open": self.open,
            "edit": self.edit,
            "register": self.register,
            "deadlines": self.deadlines,
        }
        start = time.perf_counter()
        try:
            do[action]()
        except Exception as exc:  # an error the clerk would be shown
            self.log.errors.append((action, type(exc).__name__, str(exc)[:300]))
            return
        ms = (time.perf_counter() - start) * 1000
        self.log.samples.setdefault(action, []).append(ms)

    def some_document(self) -> int:
        if self.mine and self.rng.random() < 0.5:
            return self.rng.choice(self.mine)
        return self.rng.randint(1, self.top_id)

    def search(self) -> None:
        """The register's first page for a search typed into its box."""
        from app.services.search import DocumentQuery, find_ids, load_rows

        term = self.rng.choice(search_bench.LONG_TERMS + search_bench.SHORT_TERMS)
        with self.database.reading() as s:
            load_rows(s, find_ids(s, DocumentQuery(text=term))[: search_bench.PAGE])

    def open(self) -> None:
        """A document's page in the register's detail pane: its fields and tabs, and its texts."""
        from app.ui.register.detail import read_document
        from app.ui.register.texts_tab import read_texts

        doc_id = self.some_document()
        read_document(self.database, doc_id)
        read_texts(self.database, doc_id)

    def edit(self) -> None:
        """The edit dialog: the document loaded into the form, then saved with a changed remark
        (the save is the clerk's wait after 保存; the form's load is timed as well)."""
        from app.services import documents

        doc_id = self.some_document()
        with self.database.reading() as s:
            doc = documents.get(s, doc_id)
            data, version = documents.input_from(doc), doc.version
        data.remarks = f"{data.remarks[:200]}（{self.actor.name} 核对 {datetime.now():%H:%M:%S}）"
        with self.database.transaction() as s:
            documents.update_document(s, self.actor, doc_id, data, version)

    def register(self) -> None:
        """登记已公布文件 from the register's form: a number allocated, a 发文字号 typed in."""
        from app import clock
        from app.services import registration
        from app.services.documents import DocumentInput

        code, abbr = self.rng.choice(self.issuers)
        today = clock.today()
        self.serial += 1
        serial = 9000 + self.number * 1000 + self.serial  # no other clerk types this one
        data = DocumentInput(
            issuer_code=code,
            title=f"关于进一步做好{self.rng.choice(TOPICS)}工作的通知",
            doc_number=f"{abbr}〔{today.year}〕{serial}号",
            published=today,
            effective=today + timedelta(days=30),
            drafting_unit="法制科",
            keywords=self.rng.choice(TOPICS),
        )
        with self.database.transaction() as s:
            doc = registration.register_published(s, self.actor, data)
            doc_id, number = doc.id, doc.reg_number
        self.mine.append(doc_id)
        self.log.registered.append(number or "")

    def deadlines(self) -> None:
        from app.services.deadlines import open_deadlines

        with self.database.reading() as s:
            open_deadlines(s)


def clerk_main(args: argparse.Namespace) -> None:
    """One clerk's process: sign in, warm up, say "ready" and wait for the office to open (the
    time it opens comes on stdin), work until it closes."""
    password = os.environ[CLERK_PASSWORD_ENV]
    rng = random.Random(SEED * 100 + args.number)
    database, actor = signed_in(args.url, args.user, password)
    try:
        clerk = Clerk(database, actor, args.number, rng)
        clerk.warm_up()
        print("ready", flush=True)
        start_at = float(sys.stdin.readline())
        time.sleep(max(0.0, start_at - time.time()))
        actions, weights = list(MIX), list(MIX.values())
        while time.time() < start_at + args.seconds:
            clerk.act(rng.choices(actions, weights)[0])
            time.sleep(rng.uniform(*THINK_S))
        Path(args.out).write_text(clerk.log.to_json(), encoding="utf-8")
    finally:
        database.close()


@dataclass
class ClerkProcess:
    name: str
    out: Path
    errors: Path
    proc: subprocess.Popen

    def failed(self, what: str) -> run.ChildFailed:
        self.proc.wait(timeout=30)
        lines = self.errors.read_text(encoding="utf-8", errors="replace").strip().splitlines()
        return run.ChildFailed(
            f"{self.name} {what}: exit {self.proc.returncode}: {' | '.join(lines[-3:])}"
        )


def start_clerk(clerk_url: str, number: int, name: str, seconds: int, folder: Path) -> ClerkProcess:
    out, errors = folder / f"{name}.json", folder / f"{name}.err"
    command = [sys.executable, str(Path(__file__)), "clerk", "--url", clerk_url, "--user", name]
    command += ["--number", str(number), "--out", str(out), "--seconds", str(seconds)]
    with errors.open("wb") as err:
        proc = subprocess.Popen(
            command, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err, text=True
        )
    return ClerkProcess(name, out, errors, proc)


def office(clerk_url: str, clerks: int, seconds: int, folder: Path) -> tuple[list[dict], str]:
    """`clerks` processes, each a clerk signed in as their own login, working for `seconds` from
    the moment the last of them is ready."""
    procs: list[ClerkProcess] = []
    try:
        for number, name in enumerate(clerk_names(clerks), 1):
            procs.append(start_clerk(clerk_url, number, name, seconds, folder))
        for clerk in procs:
            if clerk.proc.stdout.readline().strip() != "ready":
                raise clerk.failed("did not get ready")
        opened = load()
        start_at = repr(time.time() + 1)
        for clerk in procs:
            clerk.proc.stdin.write(start_at + "\n")
            clerk.proc.stdin.close()
        logs = []
        for clerk in procs:
            if clerk.proc.wait(timeout=seconds + 300) != 0:
                raise clerk.failed("failed")
            logs.append(json.loads(clerk.out.read_text(encoding="utf-8")))
        return logs, opened
    finally:
        for clerk in procs:
            if clerk.proc.poll() is None:
                clerk.proc.kill()
                clerk.proc.wait()


DUPLICATES = {  # where an assigned number lives, and what must be unique about it
    "document.reg_number": "SELECT reg_number FROM document WHERE reg_number IS NOT NULL "
    "GROUP BY reg_number HAVING count(*) > 1",
    "document.doc_number": "SELECT doc_number FROM document WHERE doc_number IS NOT NULL "
    "GROUP BY doc_number HAVING count(*) > 1",
    "number_allocation.number": "SELECT number FROM number_allocation "
    "GROUP BY number HAVING count(*) > 1",
    "number_allocation.number_key": "SELECT number_key FROM number_allocation "
    "WHERE number_key IS NOT NULL GROUP BY number_key HAVING count(*) > 1",
    "number_allocation.serial": "SELECT sequence_key, year, serial FROM number_allocation "
    "GROUP BY sequence_key, year, serial HAVING count(*) > 1",
}


def duplicates(conn: Connection) -> dict[str, int]:
    """Numbers given out more than once, by where they live: a 登记编号 on two documents, a 发文字号
    on two documents (of any issuers: it names one document of one body), an allocation's
    number, its look-alike key or its serial in a sequence twice."""
    return {where: len(conn.execute(text(query)).all()) for where, query in DUPLICATES.items()}


def count_duplicates(owner_url: str) -> dict[str, int]:
    engine = create_engine(owner_url)
    try:
        with engine.connect() as conn:
            return duplicates(conn)
    finally:
        engine.dispose()


def office_figures(owner_url: str, clerk_url: str, clerks: int, seconds: int, folder: Path):
    logs, before = office(clerk_url, clerks, seconds, folder)
    after = load()
    merged: dict[str, list[float]] = {}
    for log in logs:
        for action, samples in log["samples"].items():
            merged.setdefault(action, []).extend(samples)
    errors = [tuple(e) for log in logs for e in log["errors"]]
    done = sum(len(v) for v in merged.values()) + len(errors)
    report("pg_office_actions_per_s", done / seconds, "/s", "context")
    note(
        f"pg_office: {clerks} clerks, {seconds} s, think time {THINK_S[0]}-{THINK_S[1]} s, mix "
        f"{', '.join(f'{a} {w}%' for a, w in MIX.items())}; {done} actions; {before} at the "
        f"start, {after} at the end"
    )
    for action in MIX:
        samples = merged.get(action, [])
        report(f"pg_clerk_{action}_p95_ms", pct(samples, 95), "ms", ACTION_TARGET)
        note(
            f"pg_clerk_{action}: p50 {pct(samples, 50):.1f} ms, p99 {pct(samples, 99):.1f} ms, "
            f"max {max(samples, default=math.nan):.1f} ms, {len(samples)} done"
        )
    found = count_duplicates(owner_url)
    registered = [n for log in logs for n in log["registered"]]
    report("pg_duplicate_numbers", float(sum(found.values())), "count", "<1")
    note(
        f"pg_duplicate_numbers: {', '.join(f'{w} {n}' for w, n in found.items())}; "
        f"{len(registered)} numbers given to the clerks, {len(set(registered))} different"
    )
    report("pg_clerk_errors", float(len(errors)), "count", "<1")
    if errors:
        kinds = Counter(f"{action} {kind}" for action, kind, _message in errors)
        note(f"pg_clerk_errors by action and type: {dict(kinds)}")
        for action, kind, message in errors[:SHOWN_ERRORS]:
            note(f"  {action}: {kind}: {message}")


# --- frame --------------------------------------------------------------------------------------
def header(server: str) -> str:
    import PySide6

    line = (
        f"NormDesk PostgreSQL bench {datetime.now():%Y-%m-%d %H:%M} | nproc {os.cpu_count()} "
        f"({run.cpu_name()}) | Python {platform.python_version()} | {server} | "
        f"PySide6 {PySide6.__version__} | {platform.system()} {platform.release()}"
    )
    note(line)
    note("name value unit target [ratio] [MISS]")
    return line


def measure(args: argparse.Namespace, server_url: str, folder: Path) -> None:
    password = "Clerk-" + secrets.token_hex(6) + "9"
    os.environ[CLERK_PASSWORD_ENV] = password  # the clerks' processes and the GUI's read it
    from app import pg_session

    with bench_database(server_url) as owner_url:
        clerk_url = pg_session.without_user(owner_url)
        demo_ok = run.guarded(("pg_demo_100k_s",), lambda: demo(owner_url, args.docs) or True)
        if not demo_ok:
            for name in [n for n, _u, _t in FIGURES if n != "pg_demo_100k_s"]:
                unmeasured(name)
            return
        set_up_logins(owner_url, args.clerks, password)
        sqlite_url = None
        if args.sqlite_startup is None:
            sqlite_url = run.guarded((), lambda: sqlite_demo(folder, args.docs))
        run.guarded(
            ("sqlite_startup_s", "pg_startup_s"),
            lambda: startup(sqlite_url, args.sqlite_startup, clerk_url),
        )
        note(f"document last analysed: {analyzed(owner_url)} (at {datetime.now():%H:%M:%S})")
        database, _actor = signed_in(clerk_url, "clerk1", password)
        try:
            run.guarded(
                ("pg_search_3char_p95_ms", "pg_search_2char_p95_ms"), lambda: search(database)
            )
            run.guarded(("pg_deadlines_ms",), lambda: deadlines(database))
        finally:
            database.close()
        run.guarded(
            OFFICE_FIGURES,
            lambda: office_figures(owner_url, clerk_url, args.clerks, args.seconds, folder),
        )


def interrupted(_signum, _frame) -> None:
    raise KeyboardInterrupt


def main() -> None:
    if sys.argv[1:2] == ["clerk"]:
        parser = argparse.ArgumentParser(description="one simulated clerk")
        parser.add_argument("clerk")
        for name in ("--url", "--user", "--out"):
            parser.add_argument(name, required=True)
        parser.add_argument("--number", type=int, required=True)
        parser.add_argument("--seconds", type=float, required=True)
        clerk_main(parser.parse_args())
        return
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--url", help="an existing server (a role that may create databases)")
    parser.add_argument(
        "--port", type=int, help="the throwaway cluster's port (default: a free one)"
    )
    parser.add_argument("--clerks", type=int, default=CLERKS)
    parser.add_argument("--seconds", type=int, default=OFFICE_SECONDS)
    parser.add_argument(
        "--sqlite-startup",
        type=float,
        help="seconds of a SQLite start measured before, instead "
        "of building a SQLite demo and measuring it here",
    )
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, interrupted)
    begun = time.perf_counter()
    binaries = server_binaries()
    if args.url is None and binaries is None:
        heading = header("no PostgreSQL")
        note(
            "no PostgreSQL server binaries (/usr/lib/postgresql/*/bin/initdb) and no --url: "
            "skipped (install the postgresql package, or pass --url)"
        )
        for name, unit, target in FIGURES:
            skipped(name, unit, target)
        save("pg", heading)
        return
    with tempfile.TemporaryDirectory(prefix="normdesk-pgbench-") as name:
        folder = Path(name)
        os.environ["NORMDESK_DATA_DIR"] = str(folder / "data")  # logs and ui.ini stay in here
        if args.url is not None:
            server = nullcontext(args.url)
        else:
            server = throwaway_cluster(binaries, args.port or free_port())
        with server as server_url:
            heading = header(
                f"PostgreSQL {server_version(server_url)}"
                f"{' (--url)' if args.url else ' (throwaway cluster)'}"
            )
            note(f"N={args.docs}, {args.clerks} clerks for {args.seconds} s")
            measure(args, server_url, folder)
    note(f"total {time.perf_counter() - begun:.0f} s")
    save("pg", heading)


if __name__ == "__main__":
    main()
