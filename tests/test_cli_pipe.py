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


def test_a_reader_stopping_midway_through_a_long_listing_leaves_no_trace_in_the_log(
    db_url, isolated_data_dir
):
    """`normdesk doc list | head`: more than a pipe holds, the reader gone after a few lines."""
    command = [sys.executable, "-m", "app", "--db", db_url]
    subprocess.run([*command, "demo", "--docs", "600"], check=True, capture_output=True)
    process = subprocess.Popen(
        [*command, "doc", "list"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert len(process.stdout.read(200)) == 200
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) == 0, stderr
    assert stderr == ""
    logged = (isolated_data_dir / "logs" / "normdesk.log").read_text(encoding="utf-8")
    assert "Traceback" not in logged and "BrokenPipeError" not in logged
    assert "command failed" not in logged and "Exception ignored" not in logged
