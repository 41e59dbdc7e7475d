"""Crafted and broken backups: each is refused whole, before anything is touched, with a Chinese
message; nothing is written outside the data folder and the database stays byte for byte."""

import hashlib
import json
import os
import sqlite3
import stat
import struct
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from app.db import head_revision, open_database, upgrade
from app.errors import UserError
from app.services import attachments, backup
from app.services.permissions import SYSTEM
from tests.factories import add_issuer, register
from tests.test_cli import normdesk

pytestmark = pytest.mark.sqlite_only  # backups copy the SQLite file

ATTACHED = b"draft" * 200


@pytest.fixture
def office(database, db_path, tmp_path):
    """A database with one attachment, closed (a restore needs it closed), and a good backup."""
    source = tmp_path / "送审稿.docx"
    source.write_bytes(ATTACHED)
    with database.transaction() as s:
        add_issuer(s)
        attachments.add_attachment(s, SYSTEM, register(s).id, source)
    good = backup.make_backup(db_path, tmp_path / "good").path
    database.close()
    return db_path, good


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {i.filename: archive.read(i) for i in archive.infolist()}


def build(path: Path, entries: list[tuple[str | zipfile.ZipInfo, bytes]]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return path


def without_manifest(good: Path) -> list[tuple[str, bytes]]:
    return [(n, d) for n, d in members(good).items() if n != backup.MANIFEST_MEMBER]


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.name.endswith(".zip") and p.parent.name != "logs"
    }


def refused(bad: Path, db_path: Path, root: Path, match: str) -> None:
    """The restore is refused, and nothing under `root` (the test's whole folder, data folder
    included) was added, changed or removed."""
    before = snapshot(root)
    with pytest.raises(UserError, match=match) as caught:
        backup.restore(bad, db_path, SYSTEM)
    assert "未作任何修改" in caught.value.message
    assert snapshot(root) == before
    assert backup.backups_of(db_path) == []  # not even the before-restore backup was made


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def attachment_member(data: bytes) -> str:
    digest = sha(data)
    return f"attachments/{digest[:2]}/{digest}"


@pytest.mark.parametrize(
    "name",
    [
        "attachments/../../evil.txt",
        "attachments/ab/../../../evil.txt",
        "attachments/..\\..\\evil.txt",
        "../evil.txt",
        "/tmp/normdesk-evil.txt",
        "C:/Users/Public/evil.txt",
        "attachments/./ab/evil.txt",
    ],
)
def test_zip_slip_members_are_refused_and_nothing_is_written(office, tmp_path, name):
    db_path, good = office
    bad = build(tmp_path / "bad.zip", [*without_manifest(good), (name, b"evil")])
    refused(bad, db_path, tmp_path, "不安全的路径")
    assert not Path("/tmp/normdesk-evil.txt").exists()


def test_double_slash_absolute_member_is_refused(office, tmp_path):
    db_path, good = office
    target = tmp_path / "outside" / "autostart.desktop"
    bad = build(tmp_path / "bad.zip", [*without_manifest(good), (f"attachments/{target}", b"x")])
    refused(bad, db_path, tmp_path, "不安全的路径")
    assert not target.exists()


def test_symlink_member_is_refused(office, tmp_path):
    db_path, good = office
    link = zipfile.ZipInfo(attachment_member(b"/etc/passwd"))
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    bad = build(tmp_path / "bad.zip", [*without_manifest(good), (link, b"/etc/passwd")])
    refused(bad, db_path, tmp_path, "链接")


def test_encrypted_member_is_refused(office, tmp_path):
    db_path, good = office
    name = attachment_member(b"secret").encode()
    bad = build(tmp_path / "bad.zip", [*without_manifest(good), (name.decode(), b"secret")])
    data = bytearray(bad.read_bytes())  # zipfile will not write the flag: set it in both headers
    local, central = data.find(name) - 30, data.rfind(name) - 46
    assert data[local : local + 4] == b"PK\x03\x04" and data[central : central + 4] == b"PK\x01\x02"
    data[local + 6] |= 0x1
    data[central + 8] |= 0x1
    bad.write_bytes(bytes(data))
    refused(bad, db_path, tmp_path, "已加密")


def test_attachment_whose_content_does_not_match_its_name_is_refused(office, tmp_path):
    db_path, good = office
    bad = build(
        tmp_path / "bad.zip", [*without_manifest(good), (attachment_member(b"real"), b"forged")]
    )
    refused(bad, db_path, tmp_path, "内容与其校验值不符")


UPPER = hashlib.sha256(b"x").hexdigest().upper()


@pytest.mark.parametrize(
    "name",
    [
        "attachments/ab/notahash",
        "NORMDESK.DB",
        "normdesk.db-wal",
        "\uff4eormdesk.db",  # fullwidth n: the same name after NFKC
        "normdesk.db\u200b",  # a zero-width space
        f"attachments/{UPPER[:2]}/{UPPER}",  # a hash differing only by case
        "attachments/a\u0301/" + "a" * 64,  # a combining accent
    ],
)
def test_members_a_backup_never_holds_are_refused(office, tmp_path, name):
    db_path, good = office
    bad = build(tmp_path / "bad.zip", [*without_manifest(good), (name, b"x")])
    refused(bad, db_path, tmp_path, "不属于 NormDesk 备份")


def test_duplicate_database_member_is_refused(office, tmp_path):
    db_path, good = office
    entries = without_manifest(good)
    with pytest.warns(UserWarning, match="Duplicate name"):
        bad = build(tmp_path / "bad.zip", [*entries, (backup.DB_MEMBER, b"SQLite format 3\0")])
    refused(bad, db_path, tmp_path, "出现了不止一次")


def test_database_member_that_is_not_a_normdesk_database_is_refused(office, tmp_path):
    db_path, good = office
    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as con:
        con.execute("CREATE TABLE t (x)")
    con.close()
    entries = [(n, d) for n, d in without_manifest(good) if n != backup.DB_MEMBER]
    bad = build(tmp_path / "bad.zip", [(backup.DB_MEMBER, foreign.read_bytes()), *entries])
    foreign.unlink()
    refused(bad, db_path, tmp_path, "不是 NormDesk 数据库")


def test_database_swapped_behind_the_manifest_is_refused(office, db_path, tmp_path):
    _, good = office
    other = members(good)
    with sqlite3.connect(tmp_path / "x.db") as con:  # a sound NormDesk database, but not this one
        con.executescript("CREATE TABLE alembic_version (version_num TEXT); CREATE TABLE t (x);")
        con.execute("INSERT INTO alembic_version VALUES (?)", (backup._revision_of(db_path),))
    con.close()
    other[backup.DB_MEMBER] = (tmp_path / "x.db").read_bytes()
    (tmp_path / "x.db").unlink()
    bad = build(tmp_path / "bad.zip", list(other.items()))
    refused(bad, db_path, tmp_path, "与清单记录的校验值不符")


def newer(good: Path, tmp_path: Path, keep_manifest: bool) -> Path:
    copy = tmp_path / "newer.db"
    copy.write_bytes(members(good)[backup.DB_MEMBER])
    with sqlite3.connect(copy) as con:
        con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.close()
    entries = [
        (n, d)
        for n, d in members(good).items()
        if n != backup.DB_MEMBER and (keep_manifest or n != backup.MANIFEST_MEMBER)
    ]
    if keep_manifest:
        entries = [(n, d) for n, d in entries if n != backup.MANIFEST_MEMBER]
        manifest = members(good)[backup.MANIFEST_MEMBER].decode()
        entries.append(
            (backup.MANIFEST_MEMBER, manifest.replace('"revision": "', '"revision": "9999'))
        )
    path = build(tmp_path / "newer.zip", [(backup.DB_MEMBER, copy.read_bytes()), *entries])
    copy.unlink()
    return path


@pytest.mark.parametrize("keep_manifest", [False, True], ids=["old-style", "with-manifest"])
def test_backup_from_a_newer_version_is_refused_before_anything_is_replaced(
    office, tmp_path, keep_manifest
):
    db_path, good = office
    refused(newer(good, tmp_path, keep_manifest), db_path, tmp_path, "由更新版本的 NormDesk 创建")


def test_zip_bomb_declaring_more_than_the_disk_holds_is_refused(office, tmp_path, monkeypatch):
    db_path, good = office
    bomb = bytes(8 << 20)  # 8 MB of zeros deflate to 8 KB
    bad = build(tmp_path / "bomb.zip", [*without_manifest(good), (attachment_member(bomb), bomb)])
    assert bad.stat().st_size < 200_000
    monkeypatch.setattr(backup, "_free_bytes", lambda _folder: backup.SPACE_RESERVE + (4 << 20))
    refused(bad, db_path, tmp_path, "磁盘空间不足")


def test_member_over_the_size_cap_is_refused(office, tmp_path, monkeypatch):
    db_path, good = office
    big = bytes(2 << 20)
    bad = build(tmp_path / "big.zip", [*without_manifest(good), (attachment_member(big), big)])
    monkeypatch.setattr(backup, "MAX_MEMBER_BYTES", 1 << 20)
    refused(bad, db_path, tmp_path, "超过上限")


def test_member_lying_about_its_size_is_never_read_past_it(office, tmp_path):
    db_path, good = office
    bomb = bytes(8 << 20)
    bad = build(tmp_path / "lie.zip", [*without_manifest(good), (attachment_member(bomb), bomb)])
    data = bad.read_bytes()
    assert data.count(struct.pack("<I", len(bomb))) == 2  # local header and central directory
    bad.write_bytes(data.replace(struct.pack("<I", len(bomb)), struct.pack("<I", 100)))
    refused(bad, db_path, tmp_path, "无法使用|校验值不符")


def test_truncated_backup_is_refused(office, tmp_path):
    db_path, good = office
    bad = tmp_path / "truncated.zip"
    bad.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    refused(bad, db_path, tmp_path, "无法使用")


def test_backup_with_a_flipped_byte_is_refused_by_its_crc(office, tmp_path):
    db_path, good = office
    data = bytearray(good.read_bytes())
    at = data.index(ATTACHED)  # attachments are stored, not deflated
    data[at + 10] ^= 0xFF
    bad = tmp_path / "flipped.zip"
    bad.write_bytes(bytes(data))
    refused(bad, db_path, tmp_path, "无法使用")


def test_file_that_is_not_a_zip_is_refused(office, tmp_path):
    db_path, _ = office
    bad = tmp_path / "not-a-backup.zip"
    bad.write_bytes(b"%PDF-1.7 not a backup" * 50)
    refused(bad, db_path, tmp_path, "无法使用")


def test_backup_without_a_manifest_from_an_older_version_still_restores(office, tmp_path):
    db_path, good = office
    old = build(tmp_path / "old.zip", without_manifest(good))
    attachments.stored_path(sha(ATTACHED)).unlink()
    backup.restore(old, db_path, SYSTEM)
    assert attachments.stored_path(sha(ATTACHED)).read_bytes() == ATTACHED


@pytest.mark.parametrize(
    "make",
    [
        lambda good, tmp: build(
            tmp / "slip.zip", [*without_manifest(good), ("attachments/../../evil.txt", b"x")]
        ),
        lambda good, tmp: newer(good, tmp, keep_manifest=False),
        lambda good, tmp: (tmp / "junk.zip").write_bytes(b"junk") and tmp / "junk.zip",
    ],
    ids=["zip-slip", "newer-schema", "not-a-zip"],
)
def test_cli_restore_of_a_bad_backup_exits_1_and_changes_nothing(office, tmp_path, make):
    db_path, good = office
    bad = make(good, tmp_path)
    before = snapshot(tmp_path)
    result = normdesk("--db", str(db_path), "restore", str(bad))
    assert result.returncode == 1, result.stderr
    assert "未作任何修改" in result.stderr and "Traceback" not in result.stderr
    assert snapshot(tmp_path) == before
    assert not (tmp_path / "evil.txt").exists()


def test_nothing_is_left_behind_when_a_restore_fails_mid_write(office, tmp_path, monkeypatch):
    db_path, good = office
    attachments.stored_path(sha(ATTACHED)).unlink()
    before = db_path.read_bytes()
    real_fsync, calls = os.fsync, []

    def failing_fsync(fd):  # the database is staged first; the attachment's write fails
        calls.append(fd)
        if len(calls) > 1:
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(UserError, match="恢复未完成，当前数据库未被替换"):
        backup.restore(good, db_path, SYSTEM)
    assert db_path.read_bytes() == before
    leftovers = [p for p in tmp_path.rglob("*") if ".part" in p.name or "restore-" in p.name]
    assert leftovers == []
    assert not attachments.stored_path(sha(ATTACHED)).exists()


def with_database(good: Path, tmp_path: Path, sql: str) -> Path:
    """The good backup with its database changed by `sql` and the manifest made to match, as an
    attacker who knows the format would."""
    entries = members(good)
    copy = tmp_path / "crafted.db"
    copy.write_bytes(entries[backup.DB_MEMBER])
    con = sqlite3.connect(copy)
    con.executescript(sql)
    con.close()
    entries[backup.DB_MEMBER] = copy.read_bytes()
    copy.unlink()
    manifest = json.loads(entries[backup.MANIFEST_MEMBER])
    manifest["members"][backup.DB_MEMBER] = {
        "size": len(entries[backup.DB_MEMBER]),
        "sha256": sha(entries[backup.DB_MEMBER]),
    }
    entries[backup.MANIFEST_MEMBER] = json.dumps(manifest).encode()
    return build(tmp_path / "crafted.zip", list(entries.items()))


@pytest.mark.parametrize(
    ("sql", "named"),
    [
        (
            "CREATE TRIGGER evil AFTER INSERT ON document BEGIN "
            "UPDATE document SET title = '被篡改' WHERE id = NEW.id; END;",
            "多出触发器“evil”",
        ),
        (
            "CREATE TRIGGER sqliteaudit BEFORE INSERT ON audit_log BEGIN SELECT 1; END;",
            "多出触发器“sqliteaudit”",
        ),
        ("CREATE VIEW shadow AS SELECT * FROM document;", "多出视图“shadow”"),
        ("DROP TABLE cleanup_item;", "缺少表“cleanup_item”"),
        ("ALTER TABLE document RENAME COLUMN title TO heading;", "表“document”的定义不同"),
        ("CREATE UNIQUE INDEX ix_evil ON document (title);", "多出索引“ix_evil”"),
    ],
    ids=["trigger-on-our-writes", "trigger-named-like-sqlite", "view", "missing-table",
         "renamed-column", "extra-unique-index"],
)  # fmt: skip
def test_database_with_a_schema_of_the_attackers_choice_is_refused(office, tmp_path, sql, named):
    """A trigger would run on every later registration (and `check` would not see it); a changed
    table would make every command fail with an internal error."""
    db_path, good = office
    refused(
        with_database(good, tmp_path, sql),
        db_path,
        tmp_path,
        f"数据库结构与 NormDesk 的不符.*{named}",
    )


def test_backup_of_an_older_schema_still_restores_and_is_upgraded(tmp_path, db_path):
    old_db = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{old_db}")
    upgrade(engine, "0005")
    engine.dispose()
    entries = [(backup.DB_MEMBER, old_db.read_bytes())]
    old = build(tmp_path / "normdesk-20250101-000000-manual.zip", entries)
    backup.restore(old, db_path, SYSTEM)
    assert backup._revision_of(db_path) == "0005"
    open_database(f"sqlite:///{db_path}").close()
    assert backup._revision_of(db_path) == head_revision()


def test_manifest_nested_past_the_recursion_limit_is_refused(office, tmp_path):
    db_path, good = office
    entries = [*without_manifest(good), (backup.MANIFEST_MEMBER, b"[" * 200_000)]
    refused(build(tmp_path / "deep.zip", entries), db_path, tmp_path, "清单.*无法读取")


def test_central_directory_pointing_outside_the_file_is_refused_as_damage(office, tmp_path):
    db_path, good = office
    data = bytearray(good.read_bytes())
    end = data.rfind(b"PK\x05\x06")  # end of central directory: its offset field lies
    data[end + 16 : end + 20] = struct.pack("<I", 0xFFFFFFF0)
    bad = tmp_path / "offset.zip"
    bad.write_bytes(bytes(data))
    refused(bad, db_path, tmp_path, "无法使用.*可能已损坏")


def test_backup_listing_more_members_than_the_cap_is_refused_before_they_are_read(
    office, tmp_path, monkeypatch
):
    """Python's zip reader holds every member's entry in memory before any check can run: 400,000
    empty entries took 331 MB, so the count is read from the archive's end record first."""
    db_path, good = office
    folders = [(f"attachments/{n:02x}/", b"") for n in range(60)]
    bad = build(tmp_path / "many.zip", [*without_manifest(good), *folders])
    monkeypatch.setattr(backup, "MAX_MEMBERS", 50)
    listed: list[Path] = []
    real = zipfile.ZipFile
    monkeypatch.setattr(
        zipfile, "ZipFile", lambda path, *a, **k: listed.append(path) or real(path, *a, **k)
    )
    refused(bad, db_path, tmp_path, "超过上限 50")
    assert bad not in listed
