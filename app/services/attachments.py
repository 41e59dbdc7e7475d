"""Attachments: copied into the data dir under their SHA-256, original name kept, hash checked
whenever one is opened."""

from __future__ import annotations

import hashlib
import re
import shutil
import tempfile
import unicodedata
from pathlib import Path

from sqlalchemy.orm import Session

from app import clock
from app.atomic_files import replacing
from app.config import data_dir
from app.errors import UserError
from app.models import Attachment
from app.services import audit, documents, rows
from app.services.permissions import Actor, Permission, require
from app.services.vocabulary import AuditAction

CHUNK = 1 << 20
_SHA256_RE = re.compile(r"[0-9a-f]{64}")
_WINDOWS_RESERVED = re.compile(r"(?i)(con|prn|aux|nul|com\d|lpt\d)(\..*)?")
_NOT_IN_NAMES = re.compile(r'[<>:"/\\|?*]')
MAX_NAME_BYTES = 200  # below every file system's 255, with room for a "-2"
FALLBACK_NAME = "附件"


def store_dir() -> Path:
    return data_dir() / "attachments"


def is_sha256(value: str) -> bool:
    return _SHA256_RE.fullmatch(value or "") is not None


def stored_path(sha256: str) -> Path:
    """Where the file of hash `sha256` is kept. The hash comes from the database, so it is
    checked to be one before it becomes part of a path."""
    if not is_sha256(sha256):
        raise UserError(f"附件记录的校验值“{sha256[:80]}”无效，请从备份恢复。")
    return store_dir() / sha256[:2] / sha256


def safe_name(name: str) -> str:
    """A plain file name for `name` that stays inside any folder on Windows and Linux: the last
    part of any path, without control characters, characters Windows forbids, a drive, leading
    or trailing dots and spaces or a device name; the extension kept, so the system still opens
    it with the right program; never empty, "." or ".."."""
    name = unicodedata.normalize("NFC", name or "")
    name = re.split(r"[/\\]", name)[-1]
    name = "".join(c for c in name if unicodedata.category(c) not in ("Cc", "Cf", "Cs"))
    name = _NOT_IN_NAMES.sub("_", name).strip(" .")
    if not name:
        return FALLBACK_NAME
    if _WINDOWS_RESERVED.fullmatch(name):
        name = "_" + name
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem:
        stem, ext = name, ""
    ext = ext[:20]
    while len(f"{stem}.{ext}".encode()) > MAX_NAME_BYTES and stem:
        stem = stem[:-1]
    return f"{stem or FALLBACK_NAME}.{ext}" if ext else (stem or FALLBACK_NAME)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _copy_in(source: Path) -> tuple[str, int]:
    """Copy to a temporary name first, so a half-copied file never sits under a valid hash."""
    store_dir().mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=store_dir(), delete=False, suffix=".part") as tmp:
        temp = Path(tmp.name)
    try:
        shutil.copyfile(source, temp)
        sha = file_sha256(temp)
        target = stored_path(sha)
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            temp.unlink()
        else:
            temp.replace(target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return sha, target.stat().st_size


def add_attachment(
    s: Session, actor: Actor, doc_id: int, path: Path, step_id: int | None = None
) -> Attachment:
    require(actor, Permission.REGISTER)
    doc = documents.get(s, doc_id)
    path = Path(path)
    if not path.is_file():
        raise UserError(f"附件：找不到文件“{path}”。", field="附件")
    name = safe_name(path.name)  # the name is used again as a file name when it is opened
    try:
        sha, size = _copy_in(path)
    except OSError as exc:
        raise UserError(
            f"附件：无法复制“{path.name}”：{exc.strerror or exc}", field="附件"
        ) from exc
    attachment = Attachment(
        document=doc,
        step_id=step_id,
        sha256=sha,
        original_name=name,
        size=size,
        added_at=clock.now(),
        added_by=actor.name,
    )
    s.add(attachment)
    s.flush()
    audit.record(
        s,
        actor,
        AuditAction.ATTACH,
        doc,
        summary=f"《{doc.title}》添加附件 {name}",
        new={"attachment": name, "sha256": sha, "size": size},
    )
    return attachment


def open_attachment(s: Session, attachment_id: int) -> Path:
    """A copy under the original name (so the system opens it with the right program), after
    checking the stored file is still the file that was attached."""
    attachment = rows.get(s, Attachment, attachment_id, "附件")
    path = stored_path(attachment.sha256)
    if not path.is_file():
        raise UserError(f"附件“{attachment.original_name}”的文件已丢失，请从备份恢复。")
    if file_sha256(path) != attachment.sha256:
        raise UserError(
            f"附件“{attachment.original_name}”已被改动或损坏（校验值不符），请从备份恢复。"
        )
    root = data_dir() / "opened"
    folder = root / attachment.sha256[:12]
    opened = folder / safe_name(attachment.original_name)
    if opened.parent != folder or not folder.resolve().is_relative_to(root.resolve()):
        raise UserError(f"附件“{attachment.original_name}”的文件名不安全，无法打开。")
    folder.mkdir(parents=True, exist_ok=True)
    # A new file renamed over the name: an existing link there is replaced, never followed.
    with replacing(opened) as temp, path.open("rb") as src, temp.open("xb") as out:
        shutil.copyfileobj(src, out, CHUNK)
    return opened
