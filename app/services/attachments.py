"""Attachments: copied into the data dir under their SHA-256, original name kept, hash checked
whenever one is opened."""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from pathlib import Path

from sqlalchemy.orm import Session

from app import clock
from app.config import data_dir
from app.errors import UserError
from app.models import Attachment
from app.services import audit, documents
from app.services.permissions import Actor, Permission, require

CHUNK = 1 << 20


def store_dir() -> Path:
    return data_dir() / "attachments"


def stored_path(sha256: str) -> Path:
    return store_dir() / sha256[:2] / sha256


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
        raise UserError(f"附件：找不到文件“{path}”。")
    try:
        sha, size = _copy_in(path)
    except OSError as exc:
        raise UserError(f"附件：无法复制“{path.name}”：{exc.strerror or exc}") from exc
    attachment = Attachment(
        document=doc,
        step_id=step_id,
        sha256=sha,
        original_name=path.name,
        size=size,
        added_at=clock.now(),
        added_by=actor.name,
    )
    s.add(attachment)
    s.flush()
    audit.record(
        s, actor.name, "attach", "document", doc.id, f"《{doc.title}》添加附件 {path.name}",
        None, {"attachment": path.name, "sha256": sha, "size": size},
    )  # fmt: skip
    return attachment


def open_attachment(s: Session, attachment_id: int) -> Path:
    """A copy under the original name (so the system opens it with the right program), after
    checking the stored file is still the file that was attached."""
    attachment = s.get(Attachment, attachment_id)
    if attachment is None:
        raise UserError(f"附件 {attachment_id} 不存在。")
    path = stored_path(attachment.sha256)
    if not path.is_file():
        raise UserError(f"附件“{attachment.original_name}”的文件已丢失，请从备份恢复。")
    if file_sha256(path) != attachment.sha256:
        raise UserError(
            f"附件“{attachment.original_name}”已被改动或损坏（校验值不符），请从备份恢复。"
        )
    opened = data_dir() / "opened" / attachment.sha256[:12] / attachment.original_name
    opened.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, opened)
    return opened
