"""Files written whole or not at all: the work goes to a hidden temporary file beside the target,
which replaces the target only once complete, and is removed when anything fails (a full disk,
a cancel), so no half-written export, print or backup and no `.part` file is ever left behind."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path


@contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """Yield the temporary path to write; on leaving without an error it becomes `target`."""
    target = Path(target)
    part = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
    try:
        yield part
        os.replace(part, target)
    except BaseException as exc:
        with suppress(OSError):  # the original failure is what the user needs to hear about
            part.unlink(missing_ok=True)
        if isinstance(exc, OSError) and exc.filename in (None, str(part)):
            exc.filename = str(target)  # name the file the user asked for, not ours
        raise
