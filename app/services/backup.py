"""Backups: a consistent copy of the SQLite database (SQLite's online backup API, safe while the
program runs) zipped with the attachments and a manifest of every member; rolling retention of
automatic backups; restore that verifies the whole backup before anything is touched, then backs
up the current state and replaces the database last, in one rename.

A backup file is hostile input until it has been checked: it may name paths outside the data
folder, hold links, lie about its sizes, decompress to more than the disk holds or come from a
newer NormDesk. Only three kinds of member are accepted (the database, the manifest and
attachments/<2 hex>/<64-hex sha256>), and nothing is written except into a temporary folder until
every member has been read, hashed and found right."""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
import logging
import os
import re
import shutil
import sqlite3
import stat
import tempfile
import time
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

# zipfile's own reader of the end record, private and so not in typeshed: the member count
# before zipfile lists every member
from zipfile import _ECD_ENTRIES_TOTAL, _EndRecData  # type: ignore[attr-defined]

from app import __version__, clock, db_hold
from app.config import DB_FILENAME, data_dir
from app.db import copy_sqlite_file, open_database, schema_revisions, upgrade
from app.errors import UserError
from app.failures import explain, is_damage
from app.services import anchor
from app.services.attachments import file_sha256, store_dir
from app.services.permissions import Actor, Permission, require

log = logging.getLogger(__name__)

DB_MEMBER = "normdesk.db"
MANIFEST_MEMBER = "manifest.json"
ATTACHMENTS_MEMBER = "attachments/"
_ATTACHMENT_RE = re.compile(r"attachments/([0-9a-f]{2})/(\1[0-9a-f]{62})")
_FOLDER_RE = re.compile(r"attachments/(?:[0-9a-f]{2}/)?")
_NAME_RE = re.compile(r"normdesk-(\d{8})-(\d{6})-(.+?)(?:-(\d+))?")
_RESTORE_PART_RE = re.compile(r"\.[0-9a-f]{64}\.\d+\.part")
STAGING_PREFIX = ".normdesk-restore-"
KINDS = {"auto": "自动", "manual": "手动", "before-restore": "恢复前"}
KEEP_KEYS = ("backup.keep_daily", "backup.keep_weekly", "backup.keep_monthly")  # the rotation

CHUNK = 1 << 20
MAX_MEMBER_BYTES = 4 << 30  # no database or scanned document of an office comes near this
MAX_MANIFEST_BYTES = 16 << 20
# Python lists every member in memory (about 800 bytes each) before any check can run; 300,000
# attachments is three for each of 100,000 documents, and about 250 MB to list.
MAX_MEMBERS = 300_000
SPACE_RESERVE = 64 << 20  # left free on the disk after a restore
UNCHANGED = "未作任何修改。"
STALE_PART_SECONDS = 24 * 3600


@dataclass(frozen=True)
class BackupFile:
    path: Path
    created: datetime
    kind: str
    size: int
    seq: int = 1  # the second, third… backup made within the same second

    @property
    def kind_label(self) -> str:
        return KINDS.get(self.kind, self.kind)


def _why(exc: OSError) -> str:
    """Why a file operation failed, as a sentence (in Chinese when the cause is a known one)."""
    where = f"（{exc.filename}）" if exc.filename else ""
    return explain(exc) or f"{exc.strerror or exc}{where}。"


def backup_dir(db_path: Path) -> Path:
    """The folder of `db_path`'s backups and of no other database's: the default database
    (data_dir()/normdesk.db) keeps data_dir()/backups, where backups always went; any other file
    has backups/<its stem>-<8 hex of its full path>/ beneath it. Backups an earlier version put
    into the shared folder for another file move into that file's folder (see _sort_shared)."""
    shared = data_dir() / "backups"
    shared.mkdir(parents=True, exist_ok=True)
    _sort_shared(shared)
    folder = _folder_of(db_path)
    if not folder.is_dir():
        folder.mkdir(parents=True, exist_ok=True)
        _adopt(shared, folder, _identity(db_path))
    return folder


def _folder_of(db_path: Path) -> Path:
    """Where `backup_dir` keeps `db_path`'s backups, neither made nor sorted."""
    shared = data_dir() / "backups"
    if _same_file_name(db_path, data_dir() / DB_FILENAME):
        return shared
    return _own_folder(shared, db_path)


def _own_folder(shared: Path, db_path: Path) -> Path:
    stem = re.sub(r"[^\w.-]+", "_", db_path.stem).strip("._")[:40] or "db"
    digest = hashlib.sha256(_identity(db_path).encode("utf-8", "surrogatepass")).hexdigest()
    return shared / f"{stem}-{digest[:8]}"


def _identity(db_path: Path) -> str:
    """A database file's full path, spelled the same way however it was named."""
    return os.path.normcase(str(db_path.resolve()))


def _same_file_name(a: Path, b: Path) -> bool:
    return _identity(a) == _identity(b)


def backups_of(db_path: Path) -> list[BackupFile]:
    """`db_path`'s own backups, newest first."""
    return list_backups(backup_dir(db_path))


_MANIFEST_DATABASE_RE = re.compile(rb'"database": ("(?:[^"\\]|\\.)*")')


def _made_from(backup: Path) -> str | None:
    """The database a backup's manifest says it was made from, read from the manifest's head
    (the database comes before the list of members, which can run to megabytes); None when
    unknown."""
    try:
        with zipfile.ZipFile(backup) as archive, archive.open(MANIFEST_MEMBER) as manifest:
            head = manifest.read(64 << 10)
        found = _MANIFEST_DATABASE_RE.search(head)
        value = json.loads(found[1]) if found else None
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, EOFError, zlib.error):
        return None
    return value if isinstance(value, str) else None


SORTED_MARKER = ".sorted-by-database"


def _sort_shared(shared: Path) -> None:
    """Once per data folder: the backups an earlier version kept in the shared folder for another
    database file that is on this computer move to that file's own folder. The rest stay, as the
    default database's: made before manifests, or of a file no longer here (a data folder brought
    from another computer names its old path)."""
    marker = shared / SORTED_MARKER
    if marker.exists():
        return
    default = _identity(data_dir() / DB_FILENAME)
    found = list_backups(shared)
    if not found:
        return  # a new data folder: only the default database's backups will ever come here
    for b in found:
        source = _made_from(b.path)
        if source is None or os.path.normcase(source) == default:
            continue
        try:
            if not Path(source).is_file():
                continue
            folder = _own_folder(shared, Path(source))
            folder.mkdir(exist_ok=True)
            _link_or_move(b.path, folder / b.path.name)
        except OSError:
            log.warning("could not move backup %s to its database's folder", b.path, exc_info=True)
    try:
        marker.touch()
    except OSError:
        log.warning("could not mark %s as sorted", shared, exc_info=True)


def _adopt(shared: Path, folder: Path, where: str) -> None:
    """Move into `folder` the backups of the database at `where` that an earlier version kept in
    the shared folder, so that its own backups stay listed, pruned and restorable."""
    for b in list_backups(shared):
        source = _made_from(b.path)
        if source is not None and os.path.normcase(source) == where:
            try:
                _link_or_move(b.path, folder / b.path.name)
            except OSError:
                log.warning("could not move backup %s to %s", b.path, folder, exc_info=True)


# --- making a backup ---------------------------------------------------------------------------
def _revision_of(db_file: Path) -> str | None:
    con = sqlite3.connect(f"{db_file.as_uri()}?mode=ro", uri=True)
    try:
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return None
    finally:
        con.close()
    return row[0] if row else None


def _stored_attachments() -> list[tuple[Path, str]]:
    root = store_dir()
    found = []
    for file in sorted(root.glob("??/*")) if root.is_dir() else []:
        member = ATTACHMENTS_MEMBER + file.relative_to(root).as_posix()
        if _ATTACHMENT_RE.fullmatch(member) and file.is_file() and not file.is_symlink():
            found.append((file, member))
    return found


def make_backup(
    db_path: Path, folder: Path | None = None, kind: str = "manual", actor: Actor | None = None
) -> BackupFile:
    """Write normdesk-YYYYMMDD-HHMMSS-KIND.zip (…-KIND-2.zip for a second one in the same second)
    holding the database, every attachment and a manifest. A backup someone asks for needs the
    backup permission; the program's own need none. The file is private to the user."""
    if actor is not None:
        require(actor, Permission.BACKUP)
    if not db_path.is_file():
        raise UserError(f"备份：数据库文件“{db_path}”不存在。")
    folder = folder or backup_dir(db_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(
            f"备份文件夹“{folder}”无法创建或不是文件夹（{exc.strerror or exc}）。"
        ) from None
    try:
        return _write_backup(db_path, folder, kind)
    except OSError as exc:  # a full disk, a read-only folder
        raise UserError(f"备份未完成：{_why(exc)}没有留下不完整的备份文件。") from exc


def _write_backup(db_path: Path, folder: Path, kind: str) -> BackupFile:
    stem = f"normdesk-{clock.now():%Y%m%d-%H%M%S}-{kind}"
    _remove_stale_parts(folder)
    fd, name = tempfile.mkstemp(dir=folder, prefix=f".normdesk-{kind}-", suffix=".part")  # 0600
    os.close(fd)
    partial = Path(name)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / DB_MEMBER
            copy_sqlite_file(db_path, copy, read_only=True)
            left_out: set[str] = set()
            while changed := _write_archive(partial, copy, left_out, db_path) - left_out:
                # Rare: write it again without them, or the whole backup could not be restored
                log.warning(
                    "attachments not matching their hash, left out of the backup: %s", changed
                )
                left_out |= changed
        target = _claim(folder, stem, ".zip", lambda t: _link_or_move(partial, t))
    except BaseException:
        partial.unlink(missing_ok=True)  # a backup is either whole or absent
        raise
    return describe(target)


def _remove_stale_parts(folder: Path) -> None:
    """Half-written backups of a program killed a day or more ago (a live one is newer)."""
    too_old = time.time() - STALE_PART_SECONDS  # file times: the real clock, never a pinned day
    for part in folder.glob(".normdesk-*.part"):
        try:
            if part.is_file() and part.stat().st_mtime < too_old:
                part.unlink()
        except OSError:
            continue


def _write_archive(partial: Path, db_copy: Path, left_out: set[str], db_path: Path) -> set[str]:
    """The database, the attachments except `left_out`, and the manifest (with the audit chain's
    head, which `check` compares); the names of the attachments whose content no longer hashes to
    their name (the restore would refuse them)."""
    members: dict[str, dict] = {}
    changed = set()
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        members[DB_MEMBER] = _add_file(archive, db_copy, DB_MEMBER, zipfile.ZIP_DEFLATED)
        for file, member in _stored_attachments():
            if member not in left_out:
                members[member] = _add_file(archive, file, member, zipfile.ZIP_STORED)
                if members[member]["sha256"] != file.name:
                    changed.add(member)
        manifest = {
            "program": "NormDesk",
            "version": __version__,
            "revision": _revision_of(db_copy),
            "created": clock.now().isoformat(timespec="seconds"),
            "written": time.time(),
            "database": str(db_path.resolve()),
            "audit_head": anchor.as_dict(anchor.head_of_file(db_copy)),
            "members": members,
        }
        archive.writestr(MANIFEST_MEMBER, json.dumps(manifest, ensure_ascii=False, indent=1))
    return changed


def _add_file(archive: zipfile.ZipFile, file: Path, member: str, compression: int) -> dict:
    """Copy `file` in as `member`, hashing it on the way (one read per file)."""
    info = zipfile.ZipInfo.from_file(file, member)
    info.compress_type = compression
    digest, size = hashlib.sha256(), 0
    with file.open("rb") as src, archive.open(info, "w") as dst:
        while chunk := src.read(CHUNK):
            digest.update(chunk)
            dst.write(chunk)
            size += len(chunk)
    return {"size": size, "sha256": digest.hexdigest()}


def _claim(folder: Path, stem: str, suffix: str, place: Callable[[Path], None]) -> Path:
    """The first of STEM.SUFFIX, STEM-2.SUFFIX, … that `place` can create: it raises
    FileExistsError rather than overwrite, so two files made in one second never collide."""
    for n in itertools.count(1):
        target = folder / (f"{stem}{suffix}" if n == 1 else f"{stem}-{n}{suffix}")
        try:
            place(target)
        except FileExistsError:
            continue
        return target
    raise AssertionError("unreachable")


def _link_or_move(source: Path, target: Path) -> None:
    """Move `source` to `target` only if nothing is there yet (a hard link is created exclusively,
    an ordinary rename would replace)."""
    try:
        os.link(source, target)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: reserve the name, then move onto it
        os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        os.replace(source, target)
        return
    source.unlink()


def describe(path: Path) -> BackupFile:
    found = _NAME_RE.fullmatch(path.stem)
    try:
        if found is None:
            raise ValueError(path.stem)
        created = datetime.strptime(found[1] + found[2], "%Y%m%d%H%M%S")
        kind, seq = found[3], int(found[4] or 1)
    except ValueError:
        created, kind, seq = datetime.fromtimestamp(path.stat().st_mtime), "manual", 1
    return BackupFile(path, created, kind, path.stat().st_size, seq)


def list_backups(folder: Path) -> list[BackupFile]:
    """The backup files in `folder`, newest first. Anything else named like one (a dangling link,
    a folder, a file removed meanwhile) is not a backup and is passed over."""
    found = []
    for path in folder.glob("normdesk-*.zip"):
        try:
            if stat.S_ISREG(path.stat().st_mode):
                found.append(describe(path))
        except OSError:
            continue
    return sorted(found, key=lambda b: (b.created, b.seq), reverse=True)


def to_keep(backups: list[BackupFile], daily: int, weekly: int, monthly: int) -> set[Path]:
    """Grandfather-father-son: the newest automatic backup of each of the last `daily` days,
    `weekly` ISO weeks and `monthly` months; manual and pre-restore backups are always kept."""
    keep = {b.path for b in backups if b.kind != "auto"}
    auto = sorted(
        (b for b in backups if b.kind == "auto"), key=lambda b: (b.created, b.seq), reverse=True
    )
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


def auto_backup_due(db_path: Path, today: date | None = None) -> bool:
    """No automatic backup of `db_path` made today (another database's does not count)."""
    today = today or clock.today()
    return not any(b.kind == "auto" and b.created.date() == today for b in backups_of(db_path))


# --- checking a backup -------------------------------------------------------------------------
@dataclass
class Checked:
    """A backup found whole: its database extracted to `database`, its attachments by name."""

    database: Path
    revision: str
    attachments: dict[str, zipfile.ZipInfo] = field(default_factory=dict)
    made_from: str | None = None  # the database file the manifest names


def _refuse(label: str, why: str) -> UserError:
    return UserError(f"备份文件“{label}”{why}，{UNCHANGED}")


@contextmanager
def _opened(backup: Path) -> Iterator[zipfile.ZipFile]:
    """The archive; a damaged, truncated or foreign file (or a bad CRC or deflate stream found
    while reading a member) is a user error naming the file."""
    try:
        with backup.open("rb") as raw:
            end = _EndRecData(raw)
        if end is not None and end[_ECD_ENTRIES_TOTAL] > MAX_MEMBERS:
            raise _refuse(
                backup.name, f"含有 {end[_ECD_ENTRIES_TOTAL]:,} 个成员，超过上限 {MAX_MEMBERS:,}"
            )
        archive = zipfile.ZipFile(backup)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
        raise _refuse(backup.name, f"无法使用：已损坏或不是 NormDesk 备份（{exc}）") from None
    except OSError as exc:
        raise _refuse(backup.name, f"无法读取：{exc.strerror or exc}") from None
    with archive:
        try:
            yield archive
        except (zipfile.BadZipFile, EOFError, zlib.error, NotImplementedError) as exc:
            raise _refuse(backup.name, f"无法使用：已损坏（{exc}）") from None


def _shown(name: str) -> str:
    """A member name fit for a message: control characters made visible, length limited."""
    text = "".join(c if c.isprintable() else repr(c)[1:-1] for c in name)
    return text if len(text) <= 120 else text[:117] + "…"


def _unsafe(name: str) -> bool:
    parts = name.split("/")
    return (
        name.startswith(("/", "\\"))
        or "\\" in name
        or "\0" in name
        or re.match(r"[A-Za-z]:", name) is not None
        or any(p in ("", ".", "..") for p in parts[:-1])
        or parts[-1] in (".", "..")
    )


def _check_names(archive: zipfile.ZipFile, label: str) -> list[zipfile.ZipInfo]:
    """The members holding data; refuses any other name, a link or device, a duplicate, an
    encrypted or oddly compressed member and a declared size beyond the cap."""
    seen: set[str] = set()
    files = []
    for info in archive.infolist():
        name = info.filename
        if _unsafe(name):
            raise _refuse(label, f"含有不安全的路径“{_shown(name)}”")
        if name in seen:
            raise _refuse(label, f"中的“{_shown(name)}”出现了不止一次")
        seen.add(name)
        kind = stat.S_IFMT(info.external_attr >> 16)
        if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
            raise _refuse(label, f"含有链接或特殊文件“{_shown(name)}”")
        if info.flag_bits & 0x1:
            raise _refuse(label, f"中的“{_shown(name)}”已加密，无法使用")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _refuse(label, f"中的“{_shown(name)}”使用了不支持的压缩方式")
        if info.is_dir() or kind == stat.S_IFDIR:
            if not _FOLDER_RE.fullmatch(name) or info.file_size:
                raise _refuse(label, f"含有不属于 NormDesk 备份的内容“{_shown(name)}”")
            continue
        if name not in (DB_MEMBER, MANIFEST_MEMBER) and not _ATTACHMENT_RE.fullmatch(name):
            raise _refuse(label, f"含有不属于 NormDesk 备份的内容“{_shown(name)}”")
        cap = MAX_MANIFEST_BYTES if name == MANIFEST_MEMBER else MAX_MEMBER_BYTES
        if info.file_size > cap:
            raise _refuse(
                label, f"中的“{_shown(name)}”声明大小为 {info.file_size:,} 字节，超过上限"
            )
        files.append(info)
    if DB_MEMBER not in seen:
        raise _refuse(label, f"中没有数据库（{DB_MEMBER}），不是 NormDesk 备份")
    return files


def _free_bytes(folder: Path) -> int:
    return shutil.disk_usage(folder).free


def _check_space(files: list[zipfile.ZipInfo], label: str, folders: list[Path]) -> None:
    """Everything the backup says it holds, plus a reserve, must fit: a zip bomb declares more
    than the disk has (and one that lies about its sizes is stopped while reading)."""
    need = sum(info.file_size for info in files) + SPACE_RESERVE
    for folder in folders:
        free = _free_bytes(folder)
        if need > free:
            raise UserError(
                f"磁盘空间不足：恢复备份“{label}”需要约 {need >> 20:,} MB，"
                f"“{folder}”所在磁盘只剩 {free >> 20:,} MB。{UNCHANGED}"
            )


def _read_member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, label: str, sink: Callable[[bytes], object]
) -> str:
    """Stream a member to `sink`, never past its declared size; its SHA-256. The CRC is checked
    by zipfile at the end of the member."""
    digest = hashlib.sha256()
    read = 0
    for chunk in _chunks(archive, info, label):
        read += len(chunk)
        if read > info.file_size:
            raise _refuse(label, f"中的“{_shown(info.filename)}”比声明的大小更大")
        digest.update(chunk)
        sink(chunk)
    if read != info.file_size:
        raise _refuse(label, f"中的“{_shown(info.filename)}”比声明的大小更小")
    return digest.hexdigest()


def _chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo, label: str) -> Iterator[bytes]:
    """A member's bytes. The archive failing to read (an offset outside the file, a failing disk)
    is the backup's fault, told apart from a failure of whatever the bytes go to."""
    try:
        with archive.open(info) as src:
            while chunk := src.read(CHUNK):
                yield chunk
    except OSError as exc:
        raise _refuse(
            label,
            f"无法使用：读取“{_shown(info.filename)}”时出错（{exc.strerror or exc}），可能已损坏",
        ) from None


def _write_private(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, label: str, target: Path
) -> str:
    """Extract a member to a new 0600 file at `target` (which must not exist); its SHA-256. A
    failure removes what was written."""
    fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0), 0o600)
    try:
        with os.fdopen(fd, "wb") as out:
            sha = _read_member(archive, info, label, out.write)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return sha


def _read_manifest(archive: zipfile.ZipFile, info: zipfile.ZipInfo | None, label: str) -> dict:
    if info is None:
        return {}  # backups made before manifests: attachments still check by their names
    chunks: list[bytes] = []
    _read_member(archive, info, label, chunks.append)
    try:
        manifest = json.loads(b"".join(chunks).decode("utf-8"))
        members = manifest["members"]
        if not isinstance(members, dict) or not all(
            isinstance(m, dict)
            and isinstance(m.get("size"), int)
            and isinstance(m.get("sha256"), str)
            for m in members.values()
        ):
            raise ValueError("members")
    except (ValueError, KeyError, TypeError, RecursionError):  # deep nesting: RecursionError
        raise _refuse(label, f"中的清单（{MANIFEST_MEMBER}）无法读取") from None
    return manifest


def _newer(label: str, revision: str) -> UserError:
    return UserError(
        f"备份文件“{label}”由更新版本的 NormDesk 创建（结构版本 {_shown(revision)}），本程序无法恢复，"
        f"{UNCHANGED}请安装最新版本的 NormDesk 后再恢复。"
    )


def _check_database(copy: Path, label: str) -> str:
    """SQLite finds the extracted database intact and it carries a schema revision this program
    knows; that revision."""
    try:
        con = sqlite3.connect(f"{copy.as_uri()}?mode=ro", uri=True)
        try:
            result = [r[0] for r in con.execute("PRAGMA integrity_check")]
            tables = {
                r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            row = (
                con.execute("SELECT version_num FROM alembic_version").fetchone()
                if "alembic_version" in tables
                else None
            )
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise _refuse(label, f"中的数据库无法读取：{exc}") from None
    if result != ["ok"]:
        raise _refuse(label, f"中的数据库已损坏：{'；'.join(map(str, result[:5]))}")
    if row is None or not row[0]:
        raise _refuse(label, "中的数据库不是 NormDesk 数据库（缺少版本信息）")
    if row[0] not in schema_revisions():
        raise _newer(label, row[0])
    differences = _differences(_shape(copy), _reference_shape(row[0]))
    if differences:
        raise _refuse(label, f"中的数据库结构与 NormDesk 的不符（{'；'.join(differences)}）")
    return row[0]


Shape = dict[tuple[str, str], object]
_SQLITE_OWN = re.compile(r"sqlite_(sequence|stat\d)")
_OBJECT_LABELS = {"table": "表", "trigger": "触发器", "view": "视图", "index": "索引"}


def _shape(db_file: Path) -> Shape:
    """What of a database's schema the program relies on: each table with its columns (a virtual
    table with its definition), each index with its table, columns and uniqueness, and every
    trigger and view (NormDesk's own schema has none: one in a backup would run on our writes)."""
    con = sqlite3.connect(f"{db_file.as_uri()}?mode=ro", uri=True)
    try:
        shape: Shape = {}
        rows = con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
        for kind, name, table, sql in rows:
            if kind == "table" and _SQLITE_OWN.fullmatch(name):
                continue  # SQLite's bookkeeping, present or not depending on what ran
            if kind == "table" and (sql or "").upper().startswith("CREATE VIRTUAL"):
                shape[kind, name] = " ".join(sql.split())
            elif kind == "table":
                shape[kind, name] = sorted(
                    con.execute(
                        'SELECT name, "notnull", pk FROM pragma_table_xinfo(?)', (name,)
                    ).fetchall()
                )
            elif kind == "index":
                unique = con.execute(
                    'SELECT "unique", partial FROM pragma_index_list(?) WHERE name = ?',
                    (table, name),
                ).fetchone()
                columns = con.execute(
                    "SELECT name FROM pragma_index_xinfo(?) ORDER BY seqno", (name,)
                ).fetchall()
                shape[kind, name] = (table, unique, columns)
            else:
                shape[kind, name] = sql
        return shape
    finally:
        con.close()


@functools.cache
def _reference_shape(revision: str) -> Shape:
    """The schema NormDesk's own migrations build at `revision`, in a scratch database."""
    from sqlalchemy import create_engine

    with tempfile.TemporaryDirectory() as tmp:
        reference = Path(tmp) / "reference.db"
        engine = create_engine(f"sqlite:///{reference}")
        try:
            upgrade(engine, revision)
        finally:
            engine.dispose()
        return _shape(reference)


def _differences(found: Shape, expected: Shape) -> list[str]:
    """The first few ways `found` differs from `expected`, in words."""
    words = []
    order = list(_OBJECT_LABELS)  # a missing table before the indexes that went with it
    for kind, name in sorted(found.keys() | expected.keys(), key=lambda k: (order.index(k[0]), k)):
        what = f"{_OBJECT_LABELS.get(kind, kind)}“{_shown(name)}”"
        if (kind, name) not in expected:
            words.append(f"多出{what}")
        elif (kind, name) not in found:
            words.append(f"缺少{what}")
        elif found[kind, name] != expected[kind, name]:
            words.append(f"{what}的定义不同")
    return words[:3] + (["……"] if len(words) > 3 else [])


def _check(archive: zipfile.ZipFile, label: str, staging: Path, folders: list[Path]) -> Checked:
    """Everything about the backup, before anything outside `staging` is touched: names, sizes,
    the manifest, the database (extracted into `staging`) and every attachment's hash."""
    files = _check_names(archive, label)
    _check_space(files, label, folders)
    by_name = {info.filename: info for info in files}
    manifest = _read_manifest(archive, by_name.pop(MANIFEST_MEMBER, None), label)
    listed = manifest.get("members", {})
    if manifest:
        if (
            isinstance(manifest.get("revision"), str)
            and manifest["revision"] not in schema_revisions()
        ):
            raise _newer(label, manifest["revision"])
        if set(listed) != set(by_name):
            raise _refuse(label, f"与其清单（{MANIFEST_MEMBER}）所列文件不符")

    def matches_manifest(name: str, sha: str) -> None:
        entry = listed.get(name)
        if entry is not None and (
            entry["sha256"] != sha or entry["size"] != by_name[name].file_size
        ):
            raise _refuse(label, f"中的“{name}”与清单记录的校验值不符")

    database = staging / DB_MEMBER
    matches_manifest(DB_MEMBER, _write_private(archive, by_name[DB_MEMBER], label, database))
    checked = Checked(database, _check_database(database, label))
    if isinstance(manifest.get("database"), str):
        checked.made_from = manifest["database"]
    for name, info in by_name.items():
        if name == DB_MEMBER:
            continue
        sha = _read_member(archive, info, label, lambda _chunk: None)
        if sha != name.rsplit("/", 1)[1]:
            raise _refuse(label, f"中的附件“{name}”内容与其校验值不符")
        matches_manifest(name, sha)
        checked.attachments[sha] = info
    return checked


def manifest_of(backup: Path) -> dict:
    """The manifest of `backup` ({} for one made before manifests)."""
    with _opened(backup) as archive:
        by_name = {info.filename: info for info in archive.infolist()}
        return _read_manifest(archive, by_name.get(MANIFEST_MEMBER), backup.name)


def verify(backup: Path) -> None:
    """The whole backup is sound and this program can restore it (see `restore`)."""
    try:
        with _opened(backup) as archive, tempfile.TemporaryDirectory() as tmp:
            _check(archive, backup.name, Path(tmp), [Path(tmp)])
    except OSError as exc:
        raise _refuse(backup.name, f"无法检查：{exc.strerror or exc}") from None


# --- restoring ---------------------------------------------------------------------------------
def restore(backup: Path, db_path: Path, actor: Actor) -> BackupFile | None:
    """Replace the database (and add back missing or changed attachments) from `backup`. The
    whole backup is checked first and a bad one changes nothing; then the current database is
    backed up (a damaged one is moved aside, never overwritten) and replaced last, in one rename.
    Refused while any program (this one included) has the database open: its later saves would
    go into the replaced file and be lost."""
    require(actor, Permission.BACKUP)
    backup = Path(backup)
    if not backup.is_file():
        raise UserError(f"恢复：找不到备份文件“{backup}”。")
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
        with db_hold.exclusive(db_path, "恢复") as hold:
            _remove_leftovers(db_path)  # under the hold: no other restore of it is running
            with (
                _opened(backup) as archive,
                tempfile.TemporaryDirectory(dir=db_path.parent, prefix=STAGING_PREFIX) as tmp,
            ):
                checked = _check(archive, backup.name, Path(tmp), [db_path.parent, data_dir()])
                _refuse_foreign(checked, backup.name, db_path)
                safety = _set_aside(db_path)
                _put_attachments(archive, checked, backup.name)
                for suffix in ("-wal", "-shm"):
                    Path(f"{db_path}{suffix}").unlink(missing_ok=True)
                os.replace(checked.database, db_path)  # last: until here it is the old one
                _reset_anchor(db_path, backup, actor, hold)
    except OSError as exc:
        raise UserError(f"恢复未完成，当前数据库未被替换：{_why(exc)}") from exc
    return safety


def _refuse_foreign(checked: Checked, label: str, db_path: Path) -> None:
    """A backup of another database that is still on this computer is not put in place of this
    one: that would replace one office's register with another's. Allowed: a backup without the
    record (made before manifests), one whose database is gone (a new computer, a moved data
    folder, a deleted file) and a restore into a file that does not exist yet."""
    source = Path(checked.made_from) if checked.made_from else None
    if source is None or not db_path.exists() or not source.is_file():
        return
    try:
        if source.samefile(db_path):
            return
    except OSError:
        return
    raise UserError(
        f"备份文件“{label}”是另一个数据库“{source}”的备份，不能恢复到“{db_path}”，{UNCHANGED}"
        "请打开该备份所属的数据库后再恢复，或选择本数据库自己的备份。"
    )


def _reset_anchor(db_path: Path, backup: Path, actor: Actor, hold: db_hold.Hold) -> None:
    """The restored chain is older than the anchor: the anchor follows it (audited), or `check`
    would call the restore a deleted audit tail. The restored database is already in place, so
    a failure here is logged (and `check` then names the anchor), never raised."""
    url, why = f"sqlite:///{db_path}", f"从备份“{backup.name}”恢复"
    try:
        head = anchor.head_of_file(db_path)
    except sqlite3.Error:
        log.exception("could not read the audit chain of %s", db_path)
        return
    anchor.reset(url, head, why)
    try:
        # Not upgraded here (the next opening does it, after its own backup): the audit table
        # is the same in every schema that has one.
        database = open_database(url, migrate=False, held=hold)
        try:
            with database.transaction() as s:
                anchor.record_reset(s, actor.name, why)
        finally:
            database.close()  # the hold is the caller's: close() leaves it
    except Exception:  # noqa: BLE001
        log.exception("could not audit the anchor reset after restoring %s", backup)


def _remove_leftovers(db_path: Path) -> None:
    """What a restore stopped by force (killed, a power cut) left behind: its staging folder (a
    whole copy of a database), half-written attachment copies and safety backup. They block
    nothing, but would stay forever."""
    for stale in db_path.parent.glob(f"{STAGING_PREFIX}*"):
        if stale.is_dir() and not stale.is_symlink():
            shutil.rmtree(stale, ignore_errors=True)
    for part in store_dir().glob("??/.*.part"):
        if _RESTORE_PART_RE.fullmatch(part.name):
            part.unlink(missing_ok=True)
    for part in _folder_of(db_path).glob(".normdesk-before-restore-*.part"):  # the safety backup's
        part.unlink(missing_ok=True)


def _set_aside(db_path: Path) -> BackupFile | None:
    if not db_path.is_file():
        return None
    if _readable(db_path):
        _checkpoint(db_path)
        return _write_backup(db_path, backup_dir(db_path), "before-restore")
    stem = f"{db_path.stem}-damaged-{clock.now():%Y%m%d-%H%M%S}"
    damaged = _claim(db_path.parent, stem, db_path.suffix, lambda t: _link_or_move(db_path, t))
    wal = Path(f"{db_path}-wal")
    if wal.is_file():  # may hold the last commits: kept with the damaged file
        wal.replace(Path(f"{damaged}-wal"))
    return None


def _put_attachments(archive: zipfile.ZipFile, checked: Checked, label: str) -> None:
    for sha, info in checked.attachments.items():
        target = store_dir() / sha[:2] / sha
        if target.is_file() and not target.is_symlink() and file_sha256(target) == sha:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.parent / f".{sha}.{os.getpid()}.part"
        partial.unlink(missing_ok=True)
        if _write_private(archive, info, label, partial) != sha:  # the file changed since the check
            partial.unlink()
            raise UserError(
                f"恢复未完成，当前数据库未被替换：备份文件“{label}”在恢复过程中被改动。"
            )
        os.replace(partial, target)


def _checkpoint(db_path: Path) -> None:
    """Move the commits still in the database's WAL into the file itself, so that removing the
    WAL before the replace can lose nothing, even if the restore stops right there."""
    wal = Path(f"{db_path}-wal")
    if not wal.is_file() or wal.stat().st_size == 0:
        return
    try:
        con = sqlite3.connect(db_path, timeout=15)
        try:
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise UserError(f"恢复：无法整理当前数据库（{exc}），{UNCHANGED}") from exc


def _readable(db_path: Path) -> bool:
    if db_path.stat().st_size == 0:
        return False
    try:
        con = sqlite3.connect(f"{db_path.as_uri()}?mode=ro", uri=True)
        try:
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        if is_damage(exc):
            return False
        # a full disk or a lock: a sound file, never to be moved aside as damaged
        raise UserError(f"恢复：无法读取当前数据库（{explain(exc) or exc}），{UNCHANGED}") from exc
    return True
