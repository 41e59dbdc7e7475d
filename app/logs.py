"""A rotating log file in the data dir; tracebacks of bugs go there, never to the user."""

import logging
from pathlib import Path

from app.config import log_dir

LOG_NAME = "normdesk.log"


def log_path() -> Path:
    return log_dir() / LOG_NAME


def setup_logging(level: int = logging.INFO) -> Path:
    from logging.handlers import RotatingFileHandler  # only here: the GUI imports log_path early

    path = log_path()
    root = logging.getLogger()
    if not any(getattr(h, "baseFilename", None) == str(path) for h in root.handlers):
        handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    root.setLevel(level)
    return path
