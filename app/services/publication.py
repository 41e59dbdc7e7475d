"""统一发布: what the office publishes in the 规范性文件 column of the government website, and the
folder that carries it there.

- A document is published unless it is marked 不予公开 (`Document.withheld` True; NULL is the
  law's default, publication). Marking and unmarking is audited (AuditAction.WITHHOLD) with its
  reason. The reason is kept in that audit record only, not in the 备注: the record says who
  decided it and when, editing the 备注 cannot lose it, and `withheld_reason` reads it back.
- `contents` says which documents the folder lists on a day: the 现行有效目录 and the year's
  newly published documents; drafts never, withheld documents never.
- `staging` keeps the folder safe: the target must be absent, empty or a folder NormDesk
  published before (it carries the MARKER file); the new folder is written beside it under a
  hidden name, private to the user, and swapped in only once complete, so a failure (a full
  disk, a cancel) removes it and leaves the previous publication as it was.

The pages and files in the folder are laid out by app/reports/website.py."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import secrets
import shutil
import stat
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import __version__, clock, failures
from app.errors import UserError
from app.models import AuditEntry, Document
from app.services import attachments, audit, catalogs, documents, fields, texts
from app.services.catalogs import CatalogFilter, CatalogRow
from app.services.permissions import Actor, Permission, require
from app.services.text_extract import TextFormat
from app.services.vocabulary import AuditAction

REASON = "不予公开原因"
REASON_MAX = 500
FOLDER = "发布目录"
MARKER = ".normdesk-publication"  # in every folder NormDesk published: it may be replaced
GENERATOR = "NormDesk"
FILE_MODE = 0o600
FOLDER_MODE = 0o700
CHUNK = 1 << 20
_MARKER_MAX = 64 * 1024


# --- 不予公开 --------------------------------------------------------------------------------
def set_withheld(
    s: Session, actor: Actor, doc_id: int, withheld: bool, reason: str = ""
) -> Document:
    """Mark the document 不予公开 (left out of the publication folder), with its reason, or
    publish it again. Nothing is recorded when nothing changes."""
    require(actor, Permission.REGISTER)
    doc = documents.get(s, doc_id)
    reason = fields.text(reason, REASON)
    if len(reason) > REASON_MAX:
        raise UserError(
            f"{REASON}：不能超过 {REASON_MAX} 个字符（现有 {len(reason)} 个）。", field=REASON
        )
    if withheld and not reason:
        raise UserError(f"{REASON}：不予公开的文件必须写明原因。", field=REASON)
    was = bool(doc.withheld)
    before = withheld_reason(s, doc.id) if was else ""
    if was == withheld and (not withheld or reason == before):
        return doc
    doc.withheld = True if withheld else None  # NULL: published, as the law expects
    doc.updated_at = clock.now()
    s.flush()
    summary = f"《{doc.title}》不予公开：{reason}" if withheld else f"《{doc.title}》恢复公开"
    if not withheld and reason:
        summary += f"：{reason}"
    audit.record(
        s,
        actor,
        AuditAction.WITHHOLD,
        doc,
        summary=summary,
        old={"withheld": was, "reason": before},
        new={"withheld": withheld, "reason": reason},
    )
    return doc


def withheld_reason(s: Session, doc_id: int) -> str:
    """Why the document is 不予公开, as its latest WITHHOLD record says ("" when published)."""
    doc = documents.get(s, doc_id)
    if not doc.withheld:
        return ""
    raw = s.scalar(
        select(AuditEntry.new_values)
        .where(
            AuditEntry.action == AuditAction.WITHHOLD,
            AuditEntry.object_type == "document",
            AuditEntry.object_id == doc_id,
        )
        .order_by(AuditEntry.id.desc())
        .limit(1)
    )
    try:
        values = json.loads(raw or "{}")
    except ValueError:
        return ""
    reason = values.get("reason") if isinstance(values, dict) else None
    return reason if isinstance(reason, str) else ""


# --- what is published -----------------------------------------------------------------------
@dataclass(frozen=True)
class PublishedText:
    """A document's current text (texts.in_force_text) as the folder shows it."""

    body: str
    scanned: bool  # a scan without a text layer: only its PDF can be shown
    pdf_sha256: str | None  # the official PDF it was extracted from, if it came from one
    file_name: str | None
    laid_out: bool = False  # taken from a page (PDF, OFD): a line of the page on each line

    def paragraphs(self) -> list[str]:
        """The text's paragraphs. A text taken from a page has the page's lines: a line as
        wide as the widest (within the two characters of a first-line indent and one carried
        over by the line-breaking rules) that does not end a sentence runs on into the next."""
        lines = [line.strip() for line in self.body.split("\n")]
        lines = [line for line in lines if line]
        if not self.laid_out or not lines:
            return lines
        full = max(map(_width, lines)) - RUN_ON_SLACK
        paragraphs = [lines[0]]
        for before, line in zip(lines, lines[1:], strict=False):
            if _width(before) >= full and not before.endswith(SENTENCE_ENDS):
                paragraphs[-1] += line
            else:
                paragraphs.append(line)
        return paragraphs


RUN_ON_SLACK = 3  # characters
SENTENCE_ENDS = tuple("。：；！？…）)”」』")


def _width(line: str) -> float:
    """In Chinese characters: a full-width character is one, any other half."""
    return sum(1 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in line)


@dataclass(frozen=True)
class Contents:
    day: date
    office: str  # the office named in the heading ("" when not set)
    current: list[CatalogRow]  # 现行有效目录 on `day`
    annual: list[CatalogRow]  # published in `day`'s year, whatever their status now

    @property
    def year(self) -> int:
        return self.day.year

    @property
    def documents(self) -> list[CatalogRow]:
        """Every document with a page: the current ones, then the year's others."""
        listed = {row.id for row in self.current}
        return self.current + [row for row in self.annual if row.id not in listed]


def catalog_filter(year: int | None = None) -> CatalogFilter:
    """The catalogs as published: without the documents marked 不予公开 (nor, for a past day,
    those published after it)."""
    return CatalogFilter(year=year, public=True)


def contents(s: Session, day: date) -> Contents:
    """The documents the folder lists on `day` (a past day too: none published after it)."""
    current = catalogs.catalog(s, "current", catalog_filter(), day)
    annual = catalogs.catalog(s, "annual", catalog_filter(day.year), day)
    return Contents(day, current.header, current.rows, annual.rows)


def text_of(s: Session, doc_id: int) -> PublishedText | None:
    row = texts.in_force_text(s, doc_id)
    if row is None:
        return None
    pdf = row.attachment if row.fmt == TextFormat.PDF else None
    return PublishedText(
        row.body,
        bool(row.scanned),
        pdf.sha256 if pdf is not None else None,
        pdf.original_name if pdf is not None else None,
        laid_out=row.fmt in (TextFormat.PDF, TextFormat.OFD),
    )


def copy_official_pdf(text: PublishedText, target: Path) -> bool:
    """Copy the PDF the text came from to `target` (a new private file), checking on the way that
    it is still the file that was attached. False, and nothing written, when the stored file is
    missing or was changed (`normdesk check` names it)."""
    if text.pdf_sha256 is None:
        return False
    try:
        source = attachments.stored_path(text.pdf_sha256)  # refuses a hash that is no hash
        handle = source.open("rb")
    except (UserError, FileNotFoundError):
        return False
    digest = hashlib.sha256()
    with handle, private_file(target) as out:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            out.write(chunk)
    if digest.hexdigest() != text.pdf_sha256:
        target.unlink()
        return False
    return True


@dataclass(frozen=True)
class PublishResult:
    folder: Path
    documents: int
    without_text: int  # pages that say 正文未录入
    paths: list[str]  # the files written, relative to the folder, "/"-separated
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "folder": str(self.folder),
            "documents": self.documents,
            "without_text": self.without_text,
            "files": len(self.paths),
            "paths": self.paths,
            "warnings": self.warnings,
        }


# --- the folder ------------------------------------------------------------------------------
@contextmanager
def private_file(path: Path) -> Iterator[Any]:
    """A new file only the user may read (never an existing one, nor through a link)."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, FILE_MODE)
    with os.fdopen(descriptor, "wb") as handle:
        yield handle


_BINARY = getattr(os, "O_BINARY", 0)


def write_private(path: Path, data: bytes) -> None:
    with private_file(path) as handle:
        handle.write(data)


def make_private(path: Path) -> None:
    """A file a library wrote (a PDF, a workbook): closed to other users."""
    os.chmod(path, FILE_MODE)


def private_folder(path: Path) -> None:
    os.mkdir(path, FOLDER_MODE)
    os.chmod(path, FOLDER_MODE)  # whatever the umask took away or left


def target_folder(folder: Path | str) -> Path:
    """The folder as an absolute path (".." resolved by name, a link in the last part kept as a
    link so that it is refused, not followed)."""
    raw = str(folder).strip()
    if not raw:
        raise UserError(f"{FOLDER}：请选择发布到哪个文件夹。", field=FOLDER)
    target = Path(os.path.normpath(os.path.abspath(Path(raw).expanduser())))
    if target == target.parent:
        raise UserError(f"{FOLDER}：不能发布到磁盘的根目录“{target}”，请选择其中的文件夹。")
    return target


def is_publication(folder: Path) -> bool:
    """`folder` holds the marker file of a NormDesk publication."""
    marker = folder / MARKER
    try:
        info = marker.lstat()
        if not stat.S_ISREG(info.st_mode) or info.st_size > _MARKER_MAX:
            return False
        values = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(values, dict) and values.get("generator") == GENERATOR


def check_folder(folder: Path | str) -> Path:
    """The target, if a publication may be written there: absent (its parent a folder), an empty
    folder or an earlier publication; anything else is refused and left untouched."""
    target = target_folder(folder)
    parent = target.parent
    if not parent.is_dir():
        raise UserError(f"{FOLDER}：上级文件夹“{parent}”不存在。", field=FOLDER)
    try:
        info = target.lstat()
    except FileNotFoundError:
        return target
    except OSError as exc:
        raise UserError(f"{FOLDER}：{_why(exc)}", field=FOLDER) from exc
    if stat.S_ISLNK(info.st_mode):
        raise UserError(
            f"{FOLDER}：“{target}”是一个链接（快捷方式），请直接选择文件夹。", field=FOLDER
        )
    if not stat.S_ISDIR(info.st_mode):
        raise UserError(f"{FOLDER}：“{target}”是一个文件，不是文件夹。", field=FOLDER)
    try:
        empty = next(os.scandir(target), None) is None
    except OSError as exc:
        raise UserError(f"{FOLDER}：{_why(exc)}", field=FOLDER) from exc
    if not empty and not is_publication(target):
        raise UserError(
            f"{FOLDER}：“{target}”不是空文件夹，也不是本程序以前生成的发布目录。"
            "为免覆盖其中的文件，请选择一个空文件夹或新文件夹。",
            field=FOLDER,
        )
    return target


@dataclass(frozen=True)
class Staged:
    folder: Path  # where the publication will be
    work: Path  # where it is written meanwhile


@contextmanager
def staging(folder: Path | str, day: date) -> Iterator[Staged]:
    """A new private folder beside the target to write the publication into; on leaving
    without an error it replaces the target (an earlier publication is removed), otherwise it is
    removed and the target stays as it was. A failure of the disk is a UserError in Chinese."""
    target = check_folder(folder)
    work = _sibling(target, "part")
    try:
        private_folder(work)
    except OSError as exc:
        raise UserError(
            f"{FOLDER}：{failures.folder_failure(target, exc)}请选择可以写入的位置。", field=FOLDER
        ) from exc
    try:
        write_private(work / MARKER, _marker(day))
        yield Staged(target, work)
        _swap(work, check_folder(target))  # again: someone may have put files there meanwhile
    except BaseException as exc:
        shutil.rmtree(work, ignore_errors=True)
        if isinstance(exc, OSError):
            raise UserError(f"{FOLDER}：{_why(exc)}", field=FOLDER) from exc
        raise
    _remove_leftovers(target)


def _marker(day: date) -> bytes:
    values = {
        "generator": GENERATOR,
        "version": __version__,
        "day": day.isoformat(),
        "generated": clock.now().isoformat(timespec="seconds"),
        "note": "本文件夹由规范性文件管理系统生成；重新发布时整体替换，请勿在其中存放其他文件。",
    }
    return json.dumps(values, ensure_ascii=False, indent=1).encode("utf-8")


def _sibling(target: Path, kind: str) -> Path:
    return target.with_name(f".{target.name}.normdesk-{secrets.token_hex(4)}.{kind}")


def _swap(work: Path, target: Path) -> None:
    old = None
    if os.path.lexists(target):
        old = _sibling(target, "old")
        os.rename(target, old)
    try:
        os.rename(work, target)
    except BaseException:
        if old is not None:
            os.rename(old, target)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _remove_leftovers(target: Path) -> None:
    """The hidden folders of a run that was killed before it could clean up after itself (each
    holds the marker, so nothing else is ever removed)."""
    pattern = re.compile(rf"\.{re.escape(target.name)}\.normdesk-[0-9a-f]{{8}}\.(part|old)")
    with suppress(OSError):
        for entry in os.scandir(target.parent):
            if (
                pattern.fullmatch(entry.name)
                and entry.is_dir(follow_symlinks=False)
                and is_publication(Path(entry.path))
            ):
                shutil.rmtree(entry.path, ignore_errors=True)


def _why(exc: OSError) -> str:
    if exc.errno == errno.ENOTEMPTY:
        return f"“{exc.filename}”不是空文件夹。"
    return failures.explain(exc) or f"无法写入：{exc.strerror or exc}"
