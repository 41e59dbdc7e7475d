"""Files NormDesk writes are private to the user who runs it.

On POSIX the whole program runs with umask 077, so every folder it creates is 0700 and every file
0600: the database and its -wal/-shm, backups, logs, attachments, exports and prints. At start the
data folder is tightened too, in case an older version or a copy left it open to others. Windows
needs nothing: the per-user data folder (%LOCALAPPDATA%) is private by its ACL.

One exception: an office on a PostgreSQL server that points every PC's NORMDESK_DATA_DIR at one
shared folder for the attachments (README, several clerks). That folder must stay usable by the
other clerks' accounts, so its permissions are left to whoever set up the share, and NormDesk
only keeps others out of what it writes there (umask 007: owner and group, the office's group on
a well-set-up share).
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

from app.config import DATA_DIR_ENV, data_dir, database_url

log = logging.getLogger(__name__)

PRIVATE_UMASK = 0o077
SHARED_UMASK = 0o007
_OPEN_BITS = stat.S_IRWXG | stat.S_IRWXO


def keep_private(db_arg: str | None) -> None:
    """At program start (CLI and GUI): the umask, then the data folder and the database file
    (`--db`, NORMDESK_DB or the default) closed to other users."""
    if os.name != "posix":
        return
    from app.db import sqlite_path

    os.umask(PRIVATE_UMASK)  # first: finding the database may create the data folder
    try:
        url = database_url(db_arg)
        db = sqlite_path(url)
    except Exception:  # noqa: BLE001 (a --db that opening the database refuses with its message)
        url, db = "", None
    if url and db is None and os.environ.get(DATA_DIR_ENV):
        os.umask(SHARED_UMASK)
        return
    folder = data_dir()
    if _close(folder):
        # Open before: whatever is inside may be open too (once; a closed folder is enough).
        for root, dirs, files in os.walk(folder):
            for name in dirs + files:
                _close(Path(root, name))
    if db is not None:
        for path in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
            _close(path)


def umask_for(url: str) -> None:
    """The window went over to another database: the umask keep_private chooses for it (the
    office's server with a shared data folder lets the office's group read what is written)."""
    if os.name != "posix":
        return
    from app.db import sqlite_path

    shared = sqlite_path(url) is None and os.environ.get(DATA_DIR_ENV)
    os.umask(SHARED_UMASK if shared else PRIVATE_UMASK)


def _close(path: Path) -> bool:
    """Take group and other permissions off `path` (never through a link); True if it had any.
    Best effort: a file of another owner or on a read-only disk is left as it is."""
    try:
        mode = path.lstat().st_mode
        if stat.S_ISLNK(mode) or not mode & _OPEN_BITS:
            return False
        os.chmod(path, stat.S_IMODE(mode) & ~_OPEN_BITS)
    except OSError as exc:
        log.debug("could not make %s private: %s", path, exc)
        return False
    return True
