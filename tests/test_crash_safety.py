"""A process killed (SIGKILL) mid-work leaves a sound database: every committed document whole,
nothing half-written."""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from app.db import open_database
from tests.factories import add_issuer

pytestmark = pytest.mark.sqlite_only  # kills a process writing the SQLite file

WORKER = """
import sys
from datetime import date
from app.db import open_database
from tests.factories import register
database = open_database(sys.argv[1])
print("ready", flush=True)
n = 0
while True:
    with database.transaction() as s:
        doc = register(s, f"崩溃测试文件{sys.argv[2]}-{n}", published=date(2026, 1, 1 + n % 28))
        doc_id = doc.id
    print(doc_id, flush=True)
    n += 1
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killing_a_registering_process_never_leaves_partial_work(db_path, db_url):
    database = open_database(db_url)
    with database.transaction() as s:
        add_issuer(s)
    database.close()
    rng = random.Random(20)
    committed: set[int] = set()
    env = {**os.environ, "PYTHONPATH": os.getcwd()}
    for trial in range(20):
        worker = subprocess.Popen(
            [sys.executable, "-c", WORKER, db_url, str(trial)],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        # the kill falls in the registering, not in the interpreter's start (seconds on a busy
        # machine, when no trial would ever commit)
        assert worker.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.8, 1.6))
        worker.send_signal(signal.SIGKILL)
        out, _ = worker.communicate()
        committed |= {int(line) for line in out.split()}
    with sqlite3.connect(db_path) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        docs = {r[0] for r in con.execute("SELECT id FROM document")}
        numbered = {r[0] for r in con.execute("SELECT document_id FROM number_allocation")}
        indexed = {r[0] for r in con.execute("SELECT rowid FROM document_fts")}
        audited = {
            r[0] for r in con.execute("SELECT object_id FROM audit_log WHERE action = 'register'")
        }
        steps = {r[0] for r in con.execute("SELECT document_id FROM procedure_step")}
    assert committed and committed <= docs
    assert docs == numbered == indexed == audited == steps
    database = open_database(db_url)
    from app.services import audit

    with database.reading() as s:
        assert audit.first_broken(s) is None
    database.close()
