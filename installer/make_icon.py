"""Draw the NormDesk application icon from its SVG sources into the files the program, the
bundle and the installer use (all committed; run this again after changing a drawing):

    QT_QPA_PLATFORM=offscreen .venv/bin/python installer/make_icon.py

installer/icon/normdesk.svg is the master drawing (64 px and up); normdesk-16/24/32/48.svg are
the same picture redrawn on each small size's pixel grid, so that edges stay crisp there.

Writes, under resources/icons/:
  hicolor/NxN/apps/normdesk.png   one per size, for the window icon and the Linux menu entry
  normdesk.png                    the 256 px image
  normdesk.ico                    all sizes in one file, for the Windows exes and the installer
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "installer" / "icon"
SIZES = (16, 24, 32, 48, 64, 128, 256)
PIXEL_DRAWN = (16, 24, 32, 48)  # sizes with a drawing of their own


def source_for(size: int) -> Path:
    return SOURCES / (f"normdesk-{size}.svg" if size in PIXEL_DRAWN else "normdesk.svg")


def render(size: int) -> bytes:
    """The icon at `size` px as PNG bytes (transparent background)."""
    from PySide6.QtCore import QBuffer, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(source_for(size)))
    if not renderer.isValid():
        raise SystemExit(f"make_icon: {source_for(size)} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def write_ico(pngs: dict[int, bytes], target: Path) -> None:
    """One .ico holding every size as drawn (Pillow would otherwise scale the largest down)."""
    from PIL import Image

    images = [Image.open(io.BytesIO(data)).convert("RGBA") for _, data in sorted(pngs.items())]
    largest = images[-1]
    largest.save(
        target,
        format="ICO",
        sizes=[image.size for image in images],
        append_images=images[:-1],
    )


def make(out: Path) -> list[Path]:
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (QImage/fonts)
    pngs = {size: render(size) for size in SIZES}
    written = []
    for size, data in pngs.items():
        path = out / "hicolor" / f"{size}x{size}" / "apps" / "normdesk.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)
    (out / "normdesk.png").write_bytes(pngs[256])
    write_ico(pngs, out / "normdesk.ico")
    return [*written, out / "normdesk.png", out / "normdesk.ico"]


def main() -> int:
    parser = argparse.ArgumentParser(description="Draw the NormDesk icon files.")
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "icons")
    args = parser.parse_args()
    for path in make(args.out):
        print(f"{path}  {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
