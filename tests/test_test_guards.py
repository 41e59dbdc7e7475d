"""The suite's own guards (tests/conftest.py, pyproject's pytest options): a bug that would hang
the run or pass unseen fails its test instead. Planted tests run in a pytest of their own."""

import os
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PLANTED = """
import time

import pytest
from PySide6.QtCore import QTimer, qWarning
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


def test_control_passes(qtbot, database):
    widget = QWidget()
    qtbot.addWidget(widget)


def test_a_bug_in_a_background_operation(qtbot, database):
    from app.ui.operations import OperationRunner

    runner = OperationRunner(database)

    def bug(_s, _progress):
        raise RuntimeError("planted bug 4711")

    with qtbot.waitSignal(runner.finished, timeout=20000):
        runner.run(bug)
    qtbot.wait(50)


def test_an_unanswered_question(qtbot):
    QMessageBox.question(None, "确认", "planted question?")


def test_an_unanswered_file_dialog(qtbot):
    QFileDialog.getSaveFileName(None, "planted save")


def test_a_qt_warning(qtbot):
    qWarning("planted Qt warning")
"""

HANG = """
import time


def test_hangs():
    time.sleep(60)
"""


def _run(tmp_path: Path, source: str, *options: str) -> subprocess.CompletedProcess:
    (tmp_path / "planted").mkdir()
    test_file = tmp_path / "planted" / "test_planted.py"
    test_file.write_text(source, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "tests.conftest", "-c", str(ROOT / "pyproject.toml"),
         "--rootdir", str(ROOT), "-p", "no:cacheprovider", f"--basetemp={tmp_path / 'run'}",
         f"--junitxml={tmp_path / 'report.xml'}", *options, str(test_file)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip


def _outcomes(report: Path) -> dict[str, str]:
    found = {}
    for case in ET.parse(report).iter("testcase"):
        failed = case.find("failure") if case.find("failure") is not None else case.find("error")
        found[case.get("name")] = "passed" if failed is None else failed.get("message", "failed")
    return found


def test_bugs_and_unanswered_dialogs_fail_their_tests(tmp_path):
    result = _run(tmp_path, PLANTED)
    outcomes = _outcomes(tmp_path / "report.xml")

    assert outcomes.pop("test_control_passes") == "passed", result.stdout[-3000:]
    assert "planted bug 4711" in result.stdout
    assert "planted question?" in result.stdout and "planted save" in result.stdout
    assert "planted Qt warning" in result.stdout
    assert set(outcomes) >= {
        "test_a_bug_in_a_background_operation",
        "test_an_unanswered_question",
        "test_an_unanswered_file_dialog",
        "test_a_qt_warning",
    }
    assert all(outcome != "passed" for outcome in outcomes.values()), outcomes


def test_an_undeclared_marker_is_an_error(tmp_path):
    result = _run(tmp_path, "import pytest\n\n@pytest.mark.not_declared\ndef test_x():\n    pass\n")
    assert result.returncode != 0 and "not_declared" in result.stdout + result.stderr


def test_a_hanging_test_stops_the_run_with_its_stack(tmp_path):
    started = time.monotonic()
    result = _run(tmp_path, HANG, "-o", "faulthandler_timeout=2")
    assert result.returncode != 0 and time.monotonic() - started < 50
    assert "Timeout" in result.stderr and 'test_planted.py", line 6 in test_hangs' in result.stderr
