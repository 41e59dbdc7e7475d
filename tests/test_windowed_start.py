"""The windowed Windows exe has no console (sys.stdout and sys.stderr are None under PyInstaller's
windowed bootloader): a failure at start-up is written to the log and shown in a message box,
never lost and never the bootloader's "Unhandled exception" window. Simulated on Linux: each test
runs the real entry point (app.__main__.main) in a new Python with both streams set to None, the
message boxes really shown (offscreen) and closed by a timer that notes their text."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import __version__, windowed

# Runs main() as the windowed exe would; writes {"code", "boxes"} to the file named by argv[1].
# NORMDESK_TEST_BREAK names modules made unimportable first (a damaged bundle); "PySide6" among
# them means Qt itself cannot load, so no box can be shown on Linux.
DRIVER = r"""
import json, os, sys

report, args = sys.argv[1], sys.argv[2:]
for name in filter(None, os.environ.get("NORMDESK_TEST_BREAK", "").split(",")):
    sys.modules[name] = None
boxes = []
if "PySide6" not in os.environ.get("NORMDESK_TEST_BREAK", ""):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    qt = QApplication(["normdesk"])

    def close_boxes():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            boxes.append({"title": box.windowTitle(), "text": box.text(),
                          "error": box.icon() == QMessageBox.Icon.Critical})
            box.done(0)

    timer = QTimer()
    timer.timeout.connect(close_boxes)
    timer.start(50)
sys.stdout = None
sys.stderr = None
sys.argv = ["normdesk", *args]
from app.__main__ import main

code = main()
with open(report, "w", encoding="utf-8") as file:
    json.dump({"code": code, "boxes": boxes}, file, ensure_ascii=False)
sys.exit(code)
"""


def start(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, dict]:
    """Run the windowed start in a new process; its exit code and what the driver noted."""
    report = tmp_path / "report.json"
    report.unlink(missing_ok=True)
    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, str(report), *args],
        env=full_env,
        cwd=tmp_path,
        capture_output=True,
        timeout=120,
    )
    # the real file descriptors stay silent: nothing reached a console that is not there
    assert done.stdout == b""
    assert b"Traceback" not in done.stderr
    noted = json.loads(report.read_text("utf-8")) if report.exists() else {}
    assert noted.get("code", done.returncode) == done.returncode
    return done.returncode, noted


def log_text(data: Path) -> str:
    return (data / "logs" / "normdesk.log").read_text("utf-8")


def test_a_bad_database_setting_is_logged_and_shown_not_lost(tmp_path, isolated_data_dir):
    code, noted = start(tmp_path, env={"NORMDESK_DB": "mysql://office/normdesk"})
    assert code == 1
    [box] = noted["boxes"]
    assert box["error"] and box["title"] == windowed.TITLE
    assert "数据库地址“mysql://office/normdesk”不受支持" in box["text"]
    assert str(isolated_data_dir / "logs" / "normdesk.log") in box["text"]
    log = log_text(isolated_data_dir)
    assert "windowed exit 1" in log and "不受支持" in log


def test_a_malformed_setting_at_gui_start_is_shown_before_any_window(tmp_path, isolated_data_dir):
    code, noted = start(tmp_path, env={"NORMDESK_TODAY": "next tuesday"})
    assert code == 1
    [box] = noted["boxes"]
    assert "NORMDESK_TODAY" in box["text"]
    assert "NORMDESK_TODAY" in log_text(isolated_data_dir)


def test_a_database_that_cannot_be_opened_is_said_once(tmp_path, isolated_data_dir):
    """The window says it itself (无法打开数据库); the windowed start only logs the exit."""
    folder = tmp_path / "a-folder.db"  # a folder where the database file should be
    folder.mkdir()
    code, noted = start(tmp_path, "--db", str(folder))
    assert code == 1
    assert [box["title"] for box in noted["boxes"]] == ["无法打开数据库"]
    assert "windowed exit 1" in log_text(isolated_data_dir)


def test_a_missing_module_is_a_bug_with_its_traceback_in_the_log(tmp_path, isolated_data_dir):
    """A damaged bundle: the GUI's own module cannot be imported."""
    code, noted = start(tmp_path, env={"NORMDESK_TEST_BREAK": "app.ui.app"})
    assert code == 2
    [box] = noted["boxes"]
    assert box["error"] and box["text"].startswith("程序内部错误，请联系维护人员。")
    log = log_text(isolated_data_dir)
    assert "Traceback" in log and "app.ui.app" in log and "windowed exit 2" in log


def test_without_qt_the_failure_still_reaches_the_log(tmp_path, isolated_data_dir):
    """Qt itself does not load: no box can be shown here (on Windows MessageBoxW is), and the
    exit code and the log still say it."""
    code, noted = start(tmp_path, env={"NORMDESK_TEST_BREAK": "PySide6,PySide6.QtWidgets"})
    assert code == 2
    assert noted["boxes"] == []
    log = log_text(isolated_data_dir)
    assert "Traceback" in log and "PySide6" in log


def test_an_unwritable_data_folder_is_said_and_noted_in_the_temporary_folder(tmp_path):
    not_a_folder = tmp_path / "data-is-a-file"
    not_a_folder.write_text("x")
    temp = tmp_path / "tmp"
    temp.mkdir()
    code, noted = start(
        tmp_path,
        "check",
        env={"NORMDESK_DATA_DIR": str(not_a_folder), "TMPDIR": str(temp)},
    )
    assert code == 1
    [box] = noted["boxes"]
    fallback = temp / windowed.FALLBACK_LOG
    assert box["text"].startswith(f"错误：数据文件夹“{not_a_folder}”无法创建")
    assert box["text"].endswith(str(fallback))
    text = fallback.read_text("utf-8")
    assert text.startswith("windowed exit 1\n错误：数据文件夹") and "Traceback" not in text


def test_a_bug_with_no_data_folder_leaves_its_traceback_in_the_temporary_folder(tmp_path):
    not_a_folder = tmp_path / "data-is-a-file"
    not_a_folder.write_text("x")
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {"NORMDESK_DATA_DIR": str(not_a_folder), "TMPDIR": str(temp)}
    code, noted = start(tmp_path, "check", env={**env, "NORMDESK_TEST_BREAK": "app.cli"})
    assert code == 2
    [box] = noted["boxes"]
    fallback = temp / windowed.FALLBACK_LOG
    assert box["text"].endswith(str(fallback))
    text = fallback.read_text("utf-8")
    assert text.startswith("windowed start-up failed\nTraceback") and "app.cli" in text


def test_version_without_a_console_is_shown_in_a_box(tmp_path):
    code, noted = start(tmp_path, "--version")
    assert code == 0
    assert noted["boxes"] == [
        {"title": windowed.TITLE, "text": f"NormDesk {__version__}", "error": False}
    ]


@pytest.mark.parametrize("stream", ["stdout", "stderr"])
def test_a_console_run_is_not_taken_for_the_windowed_exe(monkeypatch, stream):
    assert not windowed.no_console()
    monkeypatch.setattr(sys, stream, None)
    assert windowed.no_console()
