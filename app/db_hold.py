"""Holds on a SQLite database file, so a restore or a migration never replaces or copies a database
that another NormDesk program still writes to (its later saves would be lost without a word).

Every program that opens the database keeps a SHARED hold on `<file>.lock` beside it for as long as
it has it open; restore and migrate-db take an EXCLUSIVE hold without waiting, and refuse while
anyone else holds one. The operating system drops a hold when its program ends, however it ends.

POSIX: flock(2), LOCK_SH and LOCK_EX | LOCK_NB. flock locks belong to the open file, so two
Database objects in one process are two holders, as two programs would be.
Windows: byte-range locks are exclusive only. A shared holder locks one byte among SLOTS (the first
free one); the exclusive taker must lock all of them, so it succeeds only when no slot is held, and
while it holds them every shared taker finds no free slot and waits.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from app.errors import UserError

log = logging.getLogger(__name__)

SLOTS = 64  # concurrent NormDesk programs on one file (Windows); far above one office's clerks
WAIT_SECONDS = 15.0  # a shared taker waits this long for a restore or migration to finish
POLL_SECONDS = 0.05


class DatabaseInUseError(UserError):
    """Another NormDesk program has the database open: it may not be replaced or moved now."""


class _Locker(Protocol):
    def try_shared(self, fd: int) -> Any | None: ...
    def try_exclusive(self, fd: int) -> Any | None: ...
    def unlock(self, fd: int, token: Any) -> None: ...


class _Flock:
    def try_shared(self, fd: int) -> Any | None:
        return self._try(fd, _fcntl().LOCK_SH)

    def try_exclusive(self, fd: int) -> Any | None:
        return self._try(fd, _fcntl().LOCK_EX)

    def unlock(self, fd: int, _token: Any) -> None:
        _fcntl().flock(fd, _fcntl().LOCK_UN)

    @staticmethod
    def _try(fd: int, kind: int) -> bool | None:
        try:
            _fcntl().flock(fd, kind | _fcntl().LOCK_NB)
        except BlockingIOError:
            return None
        return True


def _fcntl() -> Any:
    import fcntl

    return fcntl


class Slots:
    """Shared and exclusive holds made of exclusive one-byte locks (`try_byte`, `unlock_byte`):
    a shared holder owns one slot, the exclusive holder all of them."""

    def __init__(
        self,
        try_byte: Callable[[int, int], bool],
        unlock_byte: Callable[[int, int], None],
        count: int = SLOTS,
    ) -> None:
        self.try_byte, self.unlock_byte, self.count = try_byte, unlock_byte, count

    def try_shared(self, fd: int) -> list[int] | None:
        for slot in range(self.count):
            if self.try_byte(fd, slot):
                return [slot]
        return None

    def try_exclusive(self, fd: int) -> list[int] | None:
        taken: list[int] = []
        for slot in range(self.count):
            if not self.try_byte(fd, slot):
                self.unlock(fd, taken)  # a shared holder took a slot meanwhile: back off whole
                return None
            taken.append(slot)
        return taken

    def unlock(self, fd: int, token: list[int]) -> None:
        for slot in token:
            self.unlock_byte(fd, slot)


if sys.platform == "win32":
    import msvcrt

    def _msvcrt_try_byte(fd: int, offset: int) -> bool:
        os.lseek(fd, offset, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # LockFile: fails at once if any handle holds it
        except OSError:
            return False
        return True

    def _msvcrt_unlock_byte(fd: int, offset: int) -> None:
        os.lseek(fd, offset, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)


def _locker() -> _Locker:
    if sys.platform == "win32":
        return Slots(_msvcrt_try_byte, _msvcrt_unlock_byte)
    return _Flock()


class Hold:
    """One hold on a database's lock file; `release()` (or leaving the `with`) gives it up."""

    def __init__(self, fd: int | None, token: Any = None, locker: _Locker | None = None) -> None:
        self.fd, self.token, self.locker = fd, token, locker

    def release(self) -> None:
        fd, self.fd = self.fd, None
        if fd is None:
            return
        try:
            if self.locker is not None:
                self.locker.unlock(fd, self.token)
        finally:
            os.close(fd)

    def __enter__(self) -> Hold:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def _open(db_path: Path) -> int:
    db_path.parent.mkdir(parents=True, exist_ok=True)
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOINHERIT", 0)
    return os.open(lock_path(db_path), flags, 0o600)


def shared(db_path: Path, wait: float = WAIT_SECONDS, locker: _Locker | None = None) -> Hold:
    """The hold of a program that has the database open. Waits out a restore or migration under
    way; a folder where no lock file can be made (read-only) gives no hold rather than no access."""
    locker = locker or _locker()
    try:
        fd = _open(db_path)
    except OSError as exc:
        log.warning("no hold on %s: %s", db_path, exc)
        return Hold(None)
    deadline = time.monotonic() + wait
    while (token := locker.try_shared(fd)) is None:
        if time.monotonic() >= deadline:
            os.close(fd)
            raise DatabaseInUseError(
                f"数据库“{db_path}”正在被另一个 NormDesk 程序从备份恢复或迁移，请稍后再打开。"
            )
        time.sleep(POLL_SECONDS)
    return Hold(fd, token, locker)


def exclusive(db_path: Path, doing: str, locker: _Locker | None = None) -> Hold:
    """The hold of a restore or migration (`doing`: 恢复, 迁移): now or never, so a program left
    open somewhere is named instead of waited for."""
    locker = locker or _locker()
    try:
        fd = _open(db_path)
    except OSError as exc:
        raise UserError(
            f"无法在“{db_path.parent}”中创建锁文件（{exc.strerror or exc}），未作任何修改。"
        ) from None
    token = locker.try_exclusive(fd)
    if token is None:
        os.close(fd)
        raise DatabaseInUseError(
            f"另有 NormDesk 程序正在使用该数据库（{db_path}），请先关闭其他窗口和命令后再{doing}。"
        )
    return Hold(fd, token, locker)
