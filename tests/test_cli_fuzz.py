"""Every CLI command under hostile arguments answers exit 0 or 1, never 2 (a bug) and never a
traceback. The commands are read from the parser itself, so a new command is fuzzed too.

Runs in-process (a process per example would take minutes); stdout is a strict UTF-8 stream as on
a real terminal, so a lone surrogate printed back is caught. A few hostile argument vectors go
through a real `python -m app` as well."""

from __future__ import annotations

import argparse
import io
import os
import resource
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.cli import build_parser, run
from app.db import open_database

pytestmark = pytest.mark.sqlite_only

# Left out: the GUI, and demo with a large count (minutes of work, not a fuzz target: its
# bounds are tested below).
SKIPPED = {("gui",)}

HOSTILE_TEXT = [
    "",
    " ",
    "-",
    "--",
    "0",
    "-1",
    "9" * 40,
    "1e309",
    "NaN",
    "\u202eRTL\u202c",
    "\u200b",
    "\ufeff",
    "\U0001f600📄",
    "\udcff\udc80",  # what Linux gives for argv bytes that are not UTF-8 (surrogateescape)
    "\x00",
    "\x07\x1b[31m",
    "a\nb",
    '=HYPERLINK("http://x")',
    "../../../../etc/passwd",
    "C:\\Windows\\win.ini",
    "\\\\server\\share\\x",
    "http://example.invalid/x",
    "sqlite:///nonexistent/dir/x.db",
    "postgresql+psycopg://u:p@127.0.0.1:1/x",
    "mysql://x/y",
    "{code}",
    "{seq:999999999d}",
    "{year}{seq:03d}{",
    "{0.__class__}",
    "%s%s%n",
    "河民发〔2026〕1号",
    "MZGS-2026-001",
    "x" * 5000,
]
DATES = [
    "2026-02-29",
    "2024-02-29",
    "0001-01-01",
    "9999-12-31",
    "2026-13-01",
    "2026-1-1",
    "20260101",
    "2026-11-30",
    "1900-01-01",
]
INTS = ["0", "1", "-1", "7", "2026", "999999999999999999999", "-99999999999", "0x10", "1_000"]
# Relative paths only (the test runs in its own folder): fuzzing must not write around the disk.
PATHS = [
    "out.pdf",
    "out.xlsx",
    "sub/dir/x.pdf",
    "x.zip",
    ".",
    "..",
    "/nonexistent/x.xlsx",
    "a\x00b",
]


def _text() -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(HOSTILE_TEXT), st.text(max_size=30))


def _value(action: argparse.Action) -> st.SearchStrategy[str]:
    name = action.dest
    kind = getattr(action.type, "__name__", "")
    if action.choices is not None:
        return st.one_of(st.sampled_from([str(c) for c in action.choices]), _text())
    if kind.startswith("int"):
        return st.one_of(st.sampled_from(INTS), st.integers(-(10**20), 10**20).map(str), _text())
    if kind == "parse":  # the date parsers
        return st.one_of(st.sampled_from(DATES), st.dates().map(str), _text())
    if name == "issuer":  # often a real one, so the command goes past the lookup
        return st.one_of(st.sampled_from(["MZ", "RS"]), _text())
    if name == "output":
        return st.one_of(st.sampled_from(["out.pdf", "out.xlsx", "x/y.pdf"]), _text())
    if name in {"file", "dir", "report", "mapping", "attachments_dir", "to"}:
        return st.one_of(st.sampled_from(PATHS), _text())
    return _text()


def _leaves(
    parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()
) -> list[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found = []
            for name, child in action.choices.items():
                found += _leaves(child, (*prefix, name))
            return found
    return [(prefix, parser)]


COMMANDS = [leaf for leaf in _leaves(build_parser()) if leaf[0] not in SKIPPED]
GROUPS = {words[0] for words, _parser in COMMANDS if len(words) > 1}  # commands made of actions


@st.composite
def argv(draw: st.DrawFn) -> list[str]:
    words, parser = draw(st.sampled_from(COMMANDS))
    args = list(words)
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction | argparse._VersionAction):
            continue
        if not action.required and action.option_strings and not draw(st.booleans()):
            continue
        flag = action.option_strings[0] if action.option_strings else None
        if action.nargs == 0:
            args.append(flag)
            continue
        if action.dest == "docs":  # demo: a small count, or one the command must refuse
            value = draw(st.sampled_from(["1", "3", "0", "-5", "99999999999", "x"]))
        else:
            value = draw(_value(action))
        if action.nargs == "?" and not draw(st.booleans()):
            continue
        args += [flag, value] if flag else [value]
    if draw(st.integers(0, 9)) == 0:
        args.append(draw(st.sampled_from(["--bogus", "extra", "--json"])))
    return args


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A real office database with two issuers and a few documents; the test runs in tmp_path."""
    from tests.factories import add_issuer, register

    monkeypatch.chdir(tmp_path)
    db = tmp_path / "data" / "normdesk.db"
    database = open_database(f"sqlite:///{db}")
    with database.transaction() as s:
        add_issuer(s)
        add_issuer(s, code="RS", name="河清市人力资源和社会保障局", abbr="河人社发")
        for n in range(3):
            register(s, title=f"河清市第{n}号管理办法", doc_number=f"河民发〔2026〕{n + 1}号")
    database.close()
    return db


class Hang(Exception):
    pass


def _alarm(_signum, _frame) -> None:
    raise Hang


@pytest.fixture
def bounded():
    """A command that would run away (a billion-character number, an endless loop) fails the
    example instead of filling the machine's memory or hanging the run."""
    limits = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (6 * 2**30, limits[1]))
    previous = signal.signal(signal.SIGALRM, _alarm)
    yield
    signal.signal(signal.SIGALRM, previous)
    resource.setrlimit(resource.RLIMIT_AS, limits)


def _call(args: list[str], password: str = "Passw0rd-1") -> tuple[int, str, str]:
    signal.alarm(30)
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict")
    err = io.StringIO()
    old = sys.stdout, sys.stderr, sys.stdin
    sys.stdout, sys.stderr, sys.stdin = out, err, io.StringIO(password + "\n")
    try:
        code = run(args)
    except SystemExit as exc:  # argparse: --help/--version (0) and mistakes (1)
        code = exc.code if isinstance(exc.code, int) else 1
    except (Hang, MemoryError) as exc:
        raise AssertionError(f"{args!r} ran away: {type(exc).__name__}") from None
    finally:
        signal.alarm(0)
        try:
            out.flush()
        except UnicodeEncodeError:
            code = 2
        sys.stdout, sys.stderr, sys.stdin = old
    return code, out.buffer.getvalue().decode("utf-8", "replace"), err.getvalue()


def test_cli_fuzz_every_command_exits_0_or_1(office: Path, bounded: None) -> None:
    counts: Counter[tuple[str, int]] = Counter()

    @settings(
        max_examples=int(os.environ.get("NORMDESK_FUZZ_EXAMPLES", str(8 * len(COMMANDS)))),
        deadline=None,
        derandomize=not os.environ.get("NORMDESK_FUZZ_RANDOM"),
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    @given(argv())
    def one(args: list[str]) -> None:
        code, _out, err = _call(args)
        counts[(" ".join(args[:2]) if args[0] in GROUPS else args[0], code)] += 1
        assert code in (0, 1), f"{args!r} gave exit {code}: {err}"
        assert "Traceback" not in err, err

    one()
    print("\nCLI fuzz:", dict(sorted(counts.items())))
    commands = {name for name, _ in counts}
    # nearly every command was reached (drawn at random, a few may miss a run)
    assert len(commands) >= 0.9 * len(COMMANDS), sorted(commands)


@pytest.mark.parametrize(
    "args",
    [
        [
            b"doc",
            b"add",
            b"--issuer",
            b"MZ",
            b"--title",
            b"\xff\xfe bad",
            b"--published",
            b"2026-01-05",
        ],
        [b"search", b"\xff\xfe"],
        [b"doc", b"list", b"--issuer", b"\xc3"],
        [b"print", b"register", b"-o", b"\xff.pdf"],
    ],
)
def test_cli_real_process_with_undecodable_arguments(office: Path, args: list[bytes]) -> None:
    result = subprocess.run(
        [sys.executable.encode(), b"-m", b"app", b"--db", bytes(office), *args],
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)},
        timeout=120,
    )
    assert result.returncode in (0, 1), result.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in result.stderr


@pytest.mark.parametrize(
    "url", ["http://example.invalid/x", "mysql://x/y", "postgresql://u@[::1/x"]
)
def test_a_database_url_of_another_kind_is_a_user_error(office: Path, url: str) -> None:
    for args in (["--db", url, "doc", "list"], ["migrate-db", "--to", url]):
        code, _out, err = _call(args)
        assert code == 1, err
        assert "数据库地址" in err and "不受支持" in err
