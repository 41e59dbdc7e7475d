"""`normdesk deadlines --json | head -c 300`: a reader that stops early is not an internal error."""

import subprocess
import sys


def test_a_reader_closing_the_pipe_early_is_not_an_internal_error(db_url):
    process = subprocess.Popen(
        [sys.executable, "-m", "app", "--db", db_url, "calendar", "workdays", "2026-12-01", "3"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    process.stdout.close()  # the reader is gone before the command writes its answer
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) == 0, stderr
    assert stderr == ""
