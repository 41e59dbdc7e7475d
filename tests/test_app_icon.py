"""The application icon: the committed files are what installer/make_icon.py draws, the .ico
holds every size as drawn, and every window of the program shows it."""

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QDialog

from app.config import resource_path
from app.desktop_entry import ICON_SIZES, icon_file
from app.ui.app import make_application
from app.ui.main_window import MainWindow
from tests.ui_context import context
from tests.widgets import shown

ROOT = Path(__file__).resolve().parent.parent


def rgba(image: Image.Image) -> Image.Image:
    return image.convert("RGBA")


def test_the_ico_holds_every_size_as_drawn():
    ico = Image.open(resource_path("icons", "normdesk.ico"))
    assert ico.format == "ICO"
    assert sorted(ico.info["sizes"]) == [(n, n) for n in ICON_SIZES]
    for n in ICON_SIZES:
        frame = rgba(ico.ico.getimage((n, n)))
        assert frame.size == (n, n)
        # the hand-drawn small sizes, not the large drawing scaled down
        assert frame.tobytes() == rgba(Image.open(icon_file(n))).tobytes(), n


def test_each_png_has_its_size_and_a_transparent_background():
    for n in ICON_SIZES:
        image = rgba(Image.open(icon_file(n)))
        assert image.size == (n, n)
        assert image.getpixel((0, 0))[3] == 0  # a top left corner the drawing leaves open
        assert image.getpixel((n // 3, n // 2))[3] == 255  # the paper is opaque
    big = rgba(Image.open(resource_path("icons", "normdesk.png")))
    assert big.tobytes() == rgba(Image.open(icon_file(256))).tobytes()


def test_the_committed_icons_are_what_the_drawings_give(tmp_path):
    """After a drawing changes, make_icon.py must be run again (and its output committed)."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "installer" / "make_icon.py"), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    for n in ICON_SIZES:
        drawn = rgba(Image.open(tmp_path / "hicolor" / f"{n}x{n}" / "apps" / "normdesk.png"))
        committed = rgba(Image.open(icon_file(n)))
        assert drawn.size == committed.size
        # a little room for another Qt version's antialiasing, none for another drawing
        worst = max(abs(a - b) for a, b in zip(drawn.tobytes(), committed.tobytes(), strict=True))
        assert worst <= 24, f"{n} px differs by {worst}: run installer/make_icon.py"
    ico = Image.open(tmp_path / "normdesk.ico")
    assert sorted(ico.info["sizes"]) == [(n, n) for n in ICON_SIZES]


def as_rgba(image: QImage) -> Image.Image:
    data = io.BytesIO()
    buffer = image.convertToFormat(QImage.Format.Format_RGBA8888)
    Image.frombytes("RGBA", (buffer.width(), buffer.height()), bytes(buffer.constBits())).save(
        data, "PNG"
    )
    return Image.open(data)


@pytest.fixture
def app():
    return make_application()


def test_the_main_window_and_its_dialogs_show_the_icon(qtbot, app, database):
    assert QGuiApplication.desktopFileName() == "normdesk"
    window = shown(qtbot, MainWindow(context(database)))
    icon = window.windowIcon()
    assert not icon.isNull()
    assert set(icon.availableSizes()) >= {QSize(n, n) for n in ICON_SIZES}
    dialog = QDialog(window)
    assert not dialog.windowIcon().isNull()
    # at 16 px, the pixels drawn for 16 px (not the 256 px drawing scaled down)
    small = as_rgba(dialog.windowIcon().pixmap(QSize(16, 16)).toImage())
    assert small.tobytes() == rgba(Image.open(icon_file(16))).tobytes()


def test_the_windows_build_names_the_icon_that_is_there():
    """The spec gives the .ico to both exes; the installer's wizard, shortcuts and Apps &
    features entry show it (the path is relative to installer/, as Inno Setup reads it)."""
    spec = (ROOT / "installer" / "normdesk.spec").read_text("utf-8")
    assert 'ICON = ROOT / "resources" / "icons" / "normdesk.ico"' in spec
    iss = (ROOT / "installer" / "normdesk.iss").read_text("utf-8-sig")
    defined = re.search(r'^#define IconFile AddBackslash\(SourcePath\) \+ "([^"]+)"', iss, re.M)
    assert defined is not None
    assert (ROOT / "installer" / defined.group(1).replace("\\", "/")).resolve() == (
        resource_path("icons", "normdesk.ico").resolve()
    )
    assert "SetupIconFile={#IconFile}" in iss
    shortcuts = [line for line in iss.splitlines() if 'Filename: "{app}\\{#MainExe}"' in line]
    shortcuts = [line for line in shortcuts if line.startswith("Name:")]
    assert len(shortcuts) == 2
    assert all('IconFilename: "{app}\\{#MainExe}"' in line for line in shortcuts)
