"""Every window and dialog fits the screens offices have: opened on a simulated screen (Qt's
offscreen platform with a screen of that size, QT_SCALE_FACTOR for Windows display scaling), no
window is larger than the available area and every button lies inside it, or in a scroll area
that does (tests/screen_probe.py opens them)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.services.demo import make_demo

pytestmark = pytest.mark.sqlite_only  # the probe opens the office's SQLite file

ROOT = Path(__file__).resolve().parent.parent
SCREENS = {  # the screen less a 40 px taskbar, and the display scaling
    "1366×768 at 100 %": (1366, 728, "1"),
    "1366×768 at 125 %": (1366, 728, "1.25"),
    "1920×1080 at 150 %": (1920, 1040, "1.5"),
}


def probe(db_path: Path, tmp_path: Path, width: int, height: int, scale: str) -> dict:
    screen = tmp_path / f"screen-{scale}.json"
    screen.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": "s",
                        "x": 0,
                        "y": 0,
                        "width": width,
                        "height": height,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ]
            }  # fmt: skip
        )
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
        "QT_SCALE_FACTOR": scale,
    }
    done = subprocess.run(
        [sys.executable, "-m", "tests.screen_probe", str(db_path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


@pytest.fixture
def office(database, db_path):
    with database.transaction() as s:
        make_demo(s, 60)
    database.engine.dispose()
    return db_path


@pytest.mark.parametrize("screen", SCREENS)
def test_every_window_and_its_buttons_fit_the_screen(office, tmp_path, screen):
    width, height, scale = SCREENS[screen]
    assert probe(office, tmp_path, width, height, scale) == {}
