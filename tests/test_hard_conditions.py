"""A full disk and a read-only data folder: a Chinese message, exit 1, no traceback, nothing
half-written or temporary left behind, the register unchanged.

The full disk is a file-size limit on the command's process (RLIMIT_FSIZE, SIGXFSZ ignored, so a
write past it fails with EFBIG as a write to a full disk fails with ENOSPC): it needs no mount and
no privileges. Another program holds the database open meanwhile (as the GUI would), so SQLite's
shared-memory file already exists and the command gets as far as its own writes."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.db import open_database
from app.services import attachments
from app.services.permissions import SYSTEM
from tests.factories import add_issuer, register

pytestmark = [
    pytest.mark.skipif(os.name != "posix", reason="resource limits and modes are POSIX"),
    pytest.mark.sqlite_only,
]

ROOT = Path(__file__).resolve().parent.parent


def normdesk(
    data: Path, tmp: Path, *args: str, limit: int | None = None, prefix: list[str] | None = None
) -> subprocess.CompletedProcess:
    import resource
    import signal

    def limited() -> None:
        if limit is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    env = {k: v for k, v in os.environ.items() if k != "NORMDESK_DB"}
    env.update(NORMDESK_DATA_DIR=str(data), TMPDIR=str(tmp))
    return subprocess.run(
        [*(prefix or []), sys.executable, "-m", "app", *args],
        capture_output=True, text=True, encoding="utf-8", env=env, timeout=120, cwd=ROOT,
        preexec_fn=limited,
    )  # fmt: skip


def refused_plainly(result: subprocess.CompletedProcess, *words: str) -> None:
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith("错误："), result.stderr
    assert "Traceback" not in result.stderr and "Error" not in result.stderr
    for word in words:
        assert word in result.stderr


def leftovers(*folders: Path) -> list[Path]:
    return [p for f in folders for p in f.rglob("*") if ".part" in p.name or p.name.startswith(".")]


@pytest.fixture
def office(isolated_data_dir: Path) -> Path:
    """A data folder with a register of three documents and a 1 MB attachment."""
    database = open_database(f"sqlite:///{isolated_data_dir / 'normdesk.db'}")
    scan = isolated_data_dir.parent / "扫描件.pdf"
    scan.write_bytes(os.urandom(1 << 20))  # incompressible: the backup holds it at full size
    with database.transaction() as s:
        add_issuer(s)
        for n in range(3):
            doc = register(s, title=f"河清市第{n + 1}号管理办法")
        attachments.add_attachment(s, SYSTEM, doc.id, scan)
    database.close()
    return isolated_data_dir


@pytest.fixture
def tmp(tmp_path: Path) -> Path:
    """The commands' TMPDIR: it must be empty again after each failure."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    return folder


@pytest.fixture
def held(office: Path) -> Iterator[sqlite3.Connection]:
    con = sqlite3.connect(office / "normdesk.db")
    con.execute("SELECT count(*) FROM document").fetchone()
    yield con
    con.close()


def register_state(data: Path) -> tuple[int, int, str]:
    con = sqlite3.connect(data / "normdesk.db")
    try:
        docs = con.execute("SELECT count(*) FROM document").fetchone()[0]
        audit = con.execute("SELECT count(*) FROM audit_log").fetchone()[0]
        return docs, audit, con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()


def test_registering_on_a_full_disk_is_refused_and_changes_nothing(office, tmp, held):
    before = register_state(office)
    result = normdesk(office, tmp, "doc", "add", "--issuer", "MZ", "--title", "河清市新办法",
                      "--published", "2026-03-04", limit=4096)  # fmt: skip
    refused_plainly(result, "磁盘")
    assert register_state(office) == before == (3, before[1], "ok")
    assert leftovers(office, tmp) == []


def test_a_backup_on_a_full_disk_leaves_no_partial_archive(office, tmp, held):
    limit = (office / "normdesk.db").stat().st_size + (256 << 10)  # the copy fits, the zip not
    result = normdesk(office, tmp, "backup", limit=limit)
    refused_plainly(result, "磁盘空间不足")
    assert list((office / "backups").iterdir()) == []
    assert leftovers(office, tmp) == [] and list(tmp.iterdir()) == []


def unknown_issuer_ledger(path: Path) -> Path:
    """Rows a dry run refuses one by one (no such issuer): it writes nothing to the register, so
    the report is the first thing to meet the full disk."""
    wb = Workbook()
    wb.active.append(["文件名称", "发文字号", "公布日期", "制定机关"])
    for n in range(1, 201):
        wb.active.append([f"关于第{n}项工作的通知", f"某发〔2020〕{n}号", "2020-05-01", "某某局"])
    wb.save(path)
    return path


@pytest.mark.parametrize(
    "command, words",
    [
        (["export", "{out}/登记簿.xlsx"], ["磁盘空间不足"]),
        (["export", "{out}/统计.xlsx", "--kind", "statistics", "--year", "2026"], ["磁盘空间不足"]),
        (["print", "register", "-o", "{out}/登记簿.pdf"], ["磁盘空间不足"]),
        (["print", "card", "--doc", "1", "-o", "{out}/登记表.pdf"], ["磁盘空间不足"]),
        # The import's own message (its report is staged before the commit) names the file.
        (["import", "{ledger}", "--dry-run", "--report", "{out}/检查结果.xlsx"], []),
    ],
    ids=["export", "export-statistics", "print", "print-card", "import-report"],
)
def test_an_export_or_print_on_a_full_disk_leaves_no_file(
    office, tmp, held, tmp_path, command, words
):
    out = tmp_path / "out"
    out.mkdir()
    ledger = unknown_issuer_ledger(tmp_path / "台账.xlsx")
    args = [a.format(out=out, ledger=ledger) for a in command]
    result = normdesk(office, tmp, *args, limit=4096)
    refused_plainly(result, *words)
    assert list(out.iterdir()) == []
    assert leftovers(office, tmp) == [] and list(tmp.iterdir()) == []


def without_write_permission() -> list[str]:
    """A command prefix under which the modes of files apply: nothing for a normal user; for
    root, a capability set without the override of file modes."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("root without setpriv: file modes cannot be made to apply")
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", "--"]


@pytest.fixture
def read_only(office: Path) -> Iterator[list[str]]:
    prefix = without_write_permission()
    tree = [office, *office.rglob("*")]
    for path in reversed(tree):
        path.chmod(0o500 if path.is_dir() else 0o400)
    probe = subprocess.run([*prefix, "touch", str(office / "probe")], capture_output=True)
    if probe.returncode == 0:
        pytest.skip("the data folder stays writable here (a privilege the test cannot drop)")
    yield prefix
    for path in tree:
        path.chmod(0o700 if path.is_dir() else 0o600)


@pytest.mark.parametrize(
    "command",
    [
        ["doc", "add", "--issuer", "MZ", "--title", "河清市新办法", "--published", "2026-03-04"],
        ["backup"],
        ["init"],
    ],
    ids=["doc-add", "backup", "init"],
)
def test_a_read_only_data_folder_is_said_plainly(office, tmp, read_only, command):
    before = register_state(office)
    result = normdesk(office, tmp, *command, prefix=read_only)
    refused_plainly(result)
    assert "权限" in result.stderr or "只读" in result.stderr
    assert register_state(office) == before
    assert leftovers(office, tmp) == []


def test_a_log_that_cannot_be_written_puts_nothing_on_the_terminal(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "logs").write_text("not a folder")  # the log cannot be opened
    code = "from app.logs import setup_logging; import logging; " \
           "print(setup_logging()); logging.getLogger('x').warning('boom')"  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
        env={**os.environ, "NORMDESK_DATA_DIR": str(data)},
    )  # fmt: skip
    assert (result.returncode, result.stdout, result.stderr) == (0, "None\n", "")


@pytest.mark.parametrize("command", [["init"], ["doc", "list"], []], ids=["init", "list", "gui"])
def test_a_data_folder_that_is_a_file_is_said_plainly(tmp_path, command):
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be")
    result = normdesk(blocker, tmp_path, *command)
    refused_plainly(result, "数据文件夹", str(blocker), "不是文件夹", "NORMDESK_DATA_DIR")
    assert blocker.read_text() == "a file where the data folder should be"


def test_a_database_under_a_file_is_said_plainly(tmp_path):
    data, blocker = tmp_path / "data", tmp_path / "blocker"
    blocker.write_text("a file")
    result = normdesk(data, tmp_path, "--db", str(blocker / "normdesk.db"), "init")
    refused_plainly(result, "数据库所在文件夹", str(blocker), "不是文件夹")
    assert blocker.read_text() == "a file"
