"""Backups: a consistent copy of the SQLite database (SQLite's online backup API, safe while the
program runs) zipped with the attachments; rolling retention of automatic backups; restore that
first backs up the current state and verifies the backup before replacing anything."""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from app import clock
from app.config import data_dir
from app.errors import UserError
from app.services.attachments import store_dir
from app.services.permissions import Actor, Permission, require

DB_MEMBER = "normdesk.db"
ATTACHMENTS_MEMBER = "attachments/"
KINDS = {"auto": "自动", "manual": "手动", "before-restore": "恢复前"}
KEEP_KEYS = ("backup.keep_daily", "backup.keep_weekly", "backup.keep_monthly")  # the rotation


@dataclass(frozen=True)
class BackupFile:
    path: Path
    created: datetime
    kind: str
    size: int

    @property
    def kind_label(self) -> str:
        return KINDS.get(self.kind, self.kind)


def backup_dir() -> Path:
    folder = data_dir() / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _copy_database(db_path: Path, target: Path) -> None:
    src = sqlite3.connect(f"{db_path.as_uri()}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def make_backup(
    db_path: Path, folder: Path | None = None, kind: str = "manual", actor: Actor | None = None
) -> BackupFile:
    """Write normdesk-YYYYMMDD-HHMMSS-KIND.zip holding the database and every attachment. A
    backup someone asks for needs the backup permission; the program's own need none."""
    if actor is not None:
        require(actor, Permission.BACKUP)
    if not db_path.is_file():
        raise UserError(f"备份：数据库文件“{db_path}”不存在。")
    folder = folder or backup_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"normdesk-{stamp}-{kind}.zip"
    partial = target.with_suffix(".part")
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / DB_MEMBER
        _copy_database(db_path, copy)
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.write(copy, DB_MEMBER)
            attachments = store_dir()
            if attachments.is_dir():
                for file in sorted(attachments.rglob("*")):
                    if file.is_file() and file.suffix != ".part":
                        archive.write(
                            file,
                            ATTACHMENTS_MEMBER + file.relative_to(attachments).as_posix(),
                            zipfile.ZIP_STORED,
                        )
    partial.replace(target)  # a backup is either whole or absent
    return describe(target)


def describe(path: Path) -> BackupFile:
    parts = path.stem.split("-")
    try:
        created = datetime.strptime(f"{parts[1]}{parts[2]}", "%Y%m%d%H%M%S")
        kind = "-".join(parts[3:]) or "manual"
    except (IndexError, ValueError):
        created, kind = datetime.fromtimestamp(path.stat().st_mtime), "manual"
    return BackupFile(path, created, kind, path.stat().st_size)


def list_backups(folder: Path | None = None) -> list[BackupFile]:
    folder = folder or backup_dir()
    return sorted(
        (describe(p) for p in folder.glob("normdesk-*.zip")), key=lambda b: b.created, reverse=True
    )


def to_keep(backups: list[BackupFile], daily: int, weekly: int, monthly: int) -> set[Path]:
    """Grandfather-father-son: the newest automatic backup of each of the last `daily` days,
    `weekly` ISO weeks and `monthly` months; manual and pre-restore backups are always kept."""
    keep = {b.path for b in backups if b.kind != "auto"}
    auto = sorted((b for b in backups if b.kind == "auto"), key=lambda b: b.created, reverse=True)
    for period, count in (
        (lambda d: d.date(), daily),
        (lambda d: d.isocalendar()[:2], weekly),
        (lambda d: (d.year, d.month), monthly),
    ):
        seen: list[object] = []
        for b in auto:
            key = period(b.created)
            if key not in seen:
                if len(seen) == count:
                    break
                seen.append(key)
                keep.add(b.path)
    return keep


def prune(folder: Path, daily: int, weekly: int, monthly: int) -> list[Path]:
    backups = list_backups(folder)
    keep = to_keep(backups, daily, weekly, monthly)
    removed = [b.path for b in backups if b.path not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def auto_backup_due(folder: Path | None = None, today: date | None = None) -> bool:
    today = today or clock.today()
    return not any(b.kind == "auto" and b.created.date() == today for b in list_backups(folder))


def verify(backup: Path) -> None:
    """The archive holds a database that SQLite finds intact and that NormDesk can open."""
    try:
        with zipfile.ZipFile(backup) as archive, tempfile.TemporaryDirectory() as tmp:
            archive.extract(DB_MEMBER, tmp)
            con = sqlite3.connect(Path(tmp) / DB_MEMBER)
            try:
                ok = con.execute("PRAGMA integrity_check").fetchone()[0]
                con.execute("SELECT version_num FROM alembic_version").fetchone()
            finally:
                con.close()
    except (zipfile.BadZipFile, KeyError, sqlite3.DatabaseError, OSError) as exc:
        raise UserError(f"备份文件“{backup.name}”无法使用：{exc}") from None
    if ok != "ok":
        raise UserError(f"备份文件“{backup.name}”中的数据库已损坏：{ok}")


def restore(backup: Path, db_path: Path, actor: Actor) -> BackupFile | None:
    """Replace the database (and add back missing attachments) from `backup`. The current database
    is backed up first (a damaged one is moved aside); nothing is replaced unless the backup
    verifies. The database must be closed."""
    require(actor, Permission.BACKUP)
    backup = Path(backup)
    if not backup.is_file():
        raise UserError(f"恢复：找不到备份文件“{backup}”。")
    verify(backup)
    safety = None
    if db_path.is_file():
        if _readable(db_path):
            safety = make_backup(db_path, kind="before-restore")
        else:  # a damaged file is kept aside, never overwritten
            stamp = clock.now().strftime("%Y%m%d-%H%M%S")
            db_path.replace(db_path.with_name(f"{db_path.stem}-damaged-{stamp}{db_path.suffix}"))
    with zipfile.ZipFile(backup) as archive, tempfile.TemporaryDirectory(dir=db_path.parent) as tmp:
        archive.extract(DB_MEMBER, tmp)
        for name in archive.namelist():
            if name.startswith(ATTACHMENTS_MEMBER) and not name.endswith("/"):
                target = store_dir() / name[len(ATTACHMENTS_MEMBER) :]
                if not target.exists():
                    target.parent.mkdir(parents=True, exist_ok=True)
                    with archive.open(name) as src, target.open("wb") as dst:
                        shutil.copyfileobj(src, dst)
        for suffix in ("-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        (Path(tmp) / DB_MEMBER).replace(db_path)
    return safety


def _readable(db_path: Path) -> bool:
    try:
        con = sqlite3.connect(f"{db_path.as_uri()}?mode=ro", uri=True)
        try:
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return False
    return True
