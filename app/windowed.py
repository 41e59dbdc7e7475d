"""Start-up of the windowed Windows exe, which has no console: PyInstaller's windowed bootloader
leaves sys.stdout and sys.stderr as None, so a message written there would be lost (or fail on
None.write), and an exception escaping main() would end in the bootloader's English "Unhandled
exception" window with a traceback.

Here what the program would print is kept instead. When the run fails (exit 1, the clerk's
problem said in Chinese; exit 2, a bug) or cannot even import the rest of the program, the
message and any traceback go to the log file and the message is shown in a message box: Qt's
when Qt works, else Windows' own (MessageBoxW). Only the standard library is imported at module
level: this is what reports the failure of every other import.
"""

from __future__ import annotations

import io
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from app import APP_TITLE as TITLE  # app/__init__.py: constants only, no imports

BUG = "程序内部错误，请联系维护人员。"
START_FAILED = "程序无法启动。"
LOG_HINT = "详细信息已记录到："
# Where the start-up failure goes when the data folder's log cannot be written (a read-only or
# missing data folder, a NORMDESK_DATA_DIR that is a file).
FALLBACK_LOG = "normdesk-start.log"
_KEEP = 20_000  # characters kept of what the program printed

log = logging.getLogger("normdesk.windowed")


class _Kept(io.TextIOBase):
    """A text stream that keeps the last _KEEP characters written to it."""

    def __init__(self) -> None:
        super().__init__()
        self._text = ""

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return "utf-8"

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self._text = (self._text + text)[-_KEEP:]
        return len(text)

    def getvalue(self) -> str:
        return self._text


def no_console() -> bool:
    """The windowed exe (or pythonw): nowhere to print to."""
    return sys.stdout is None or sys.stderr is None


def run_windowed(argv: Sequence[str]) -> int:
    """Run the program as app.cli.run would, with what it prints kept; a failure is logged and
    shown in a message box (show_box)."""
    out, err = _Kept(), _Kept()
    if sys.stdout is None:
        sys.stdout = out
    if sys.stderr is None:
        sys.stderr = err
    try:
        from app.cli import run

        code = run(argv)
    except SystemExit as exc:  # argparse's --help or refusal of an argument
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:  # noqa: BLE001 (an import failed, or the run escaped its own handling)
        import traceback

        where = _log_failure("start-up failed", traceback.format_exc())
        show_box(TITLE, f"{START_FAILED}{BUG}\n{LOG_HINT}\n{where}", True)
        return 2
    said = err.getvalue().strip()
    if code != 0:
        where = _log_failure(f"exit {code}", said or "(nothing printed)")
        # Nothing printed: the window has said it already (the database could not be opened).
        if said:
            show_box(TITLE, said if LOG_HINT in said else f"{said}\n\n{LOG_HINT}\n{where}", True)
    elif out.getvalue().strip() and not _is_gui(argv):
        show_box(TITLE, out.getvalue().strip(), False)  # `normdesk.exe --version` without a console
    return code


def _is_gui(argv: Sequence[str]) -> bool:
    from app.cli import _gui_start

    return _gui_start(argv) is not None


def _log_failure(what: str, detail: str) -> Path:
    """Write the failure to the program's log (app/logs.py), else to FALLBACK_LOG in the temporary
    folder; returns the file written (or meant to be)."""
    try:
        from app.logs import setup_logging

        path = setup_logging()
    except Exception:  # noqa: BLE001 (app.logs or app.config itself cannot be imported)
        path = None
    if path is not None:
        log.error("windowed %s\n%s", what, detail)
        for handler in logging.getLogger().handlers:
            handler.flush()
        return path
    import tempfile

    fallback = Path(tempfile.gettempdir()) / FALLBACK_LOG
    try:
        with fallback.open("a", encoding="utf-8") as file:
            file.write(f"windowed {what}\n{detail}\n")
    except OSError:
        pass
    return fallback


def show_box(title: str, text: str, is_error: bool) -> None:
    """A message box: Qt's if a QApplication can be had, else (Windows) MessageBoxW, else none
    (the log has it)."""
    try:
        from app.ui.start_failure import show

        show(title, text, is_error)
        return
    except Exception:  # noqa: BLE001 (Qt itself, or the GUI package, failed to load)
        pass
    if os.name == "nt":
        import ctypes

        flags = 0x10 if is_error else 0x40  # MB_ICONERROR / MB_ICONINFORMATION, MB_OK
        ctypes.windll.user32.MessageBoxW(None, text, title, flags)  # type: ignore[attr-defined]
