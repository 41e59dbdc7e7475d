"""A rotating log file in the data dir; tracebacks of bugs go there, never to the user."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from app.config import log_dir
from app.errors import UserError

LOG_NAME = "normdesk.log"


def log_path() -> Path:
    return log_dir() / LOG_NAME


def log_location() -> str:
    """Where the log is, for a message about a failure; never fails itself."""
    try:
        return str(log_path())
    except (OSError, UserError):
        return "（日志文件夹无法建立，未能记录）"


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Log to the file; None if it cannot be written (a read-only data folder): the work goes on,
    and whatever fails next says why."""
    from logging.handlers import RotatingFileHandler  # only here: the GUI imports log_path early

    # A log write failing (a full disk) never prints a traceback; the record is dropped. What
    # Python would print as "Exception ignored in ..." (a file a failed write left open, closed
    # on collection) goes to the log too, never to the terminal.
    logging.raiseExceptions = False
    sys.unraisablehook = _log_unraisable
    root = logging.getLogger()
    root.setLevel(level)
    try:
        path = log_path()
        if not any(getattr(h, "baseFilename", None) == str(path) for h in root.handlers):
            handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
            handler.setFormatter(
                logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
            )
            root.addHandler(handler)
    except (OSError, UserError):  # UserError: the data folder itself cannot be made
        # Not even warnings on the terminal instead (logging's last resort): the user gets
        # the Chinese message of whatever fails for the same reason next.
        if not root.handlers:
            root.addHandler(logging.NullHandler())
        return None
    return path


def _log_unraisable(unraisable: sys.UnraisableHookArgs) -> None:
    exc = unraisable.exc_value
    logging.getLogger("normdesk.unraisable").warning(
        "%s: %r",
        unraisable.err_msg or "Exception ignored in",
        unraisable.object,
        exc_info=(unraisable.exc_type, exc, unraisable.exc_traceback) if exc else None,
    )
