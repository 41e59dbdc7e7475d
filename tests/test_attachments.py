import pytest
from sqlalchemy import text

from app.errors import UserError
from app.services import attachments
from app.services.permissions import SYSTEM
from tests.factories import add_issuer, register, with_attachment


def test_attachment_is_stored_under_its_hash_and_opens_with_original_name(database, tmp_path):
    source = tmp_path / "送审稿.docx"
    with database.transaction() as s:
        att = with_attachment(s, source, b"draft text" * 100)
    assert attachments.stored_path(att.sha256).read_bytes() == source.read_bytes()
    with database.reading() as s:
        opened = attachments.open_attachment(s, att.id)
    assert opened.name == "送审稿.docx"
    assert opened.read_bytes() == source.read_bytes()


def test_tampered_attachment_is_refused_on_open(database, tmp_path):
    with database.transaction() as s:
        att = with_attachment(s, tmp_path / "起草说明.pdf", b"%PDF original")
    attachments.stored_path(att.sha256).write_bytes(b"%PDF changed")
    with database.reading() as s, pytest.raises(UserError, match="已被改动或损坏"):
        attachments.open_attachment(s, att.id)


def test_missing_source_file_is_a_clear_error(database, tmp_path):
    with database.transaction() as s:
        add_issuer(s)
        doc = register(s)
        with pytest.raises(UserError, match="找不到文件"):
            attachments.add_attachment(s, SYSTEM, doc.id, tmp_path / "无此文件.pdf")


@pytest.fixture
def attached(database, tmp_path):
    with database.transaction() as s:
        return with_attachment(s, tmp_path / "送审稿.docx", b"draft text")


def crafted_name(database, att_id: int, column: str, value: str) -> None:
    """A name written straight into the database, as a crafted backup or a hand edit could."""
    with database.transaction() as s:
        s.execute(
            text(f"UPDATE attachment SET {column} = :v WHERE id = :id"), {"v": value, "id": att_id}
        )


@pytest.mark.tampered
@pytest.mark.parametrize(
    "name, opened_as",
    [
        ("../../../evil.docx", "evil.docx"),
        ("..\\..\\..\\evil.docx", "evil.docx"),
        ("C:\\Users\\Public\\evil.docx", "evil.docx"),
        ("C:evil.docx", "C_evil.docx"),
        ("/etc/cron.d/evil", "evil"),
        pytest.param(
            "送审稿\x00.docx",
            "送审稿.docx",
            marks=pytest.mark.sqlite_only,  # PostgreSQL holds no NUL
        ),
        ("送审稿\u202etxt.exe", "送审稿txt.exe"),
        (".", "附件"),
        ("..", "附件"),
        ("", "附件"),
        ("CON.docx", "_CON.docx"),
        ("起" * 200 + ".docx", "起" * 65 + ".docx"),
    ],
)
def test_a_crafted_stored_name_never_opens_outside_the_opened_folder(
    database, attached, isolated_data_dir, name, opened_as
):
    crafted_name(database, attached.id, "original_name", name)
    before = set(isolated_data_dir.parent.rglob("*"))
    with database.reading() as s:
        opened = attachments.open_attachment(s, attached.id)
    assert opened == isolated_data_dir / "opened" / attached.sha256[:12] / opened_as
    assert opened.read_bytes() == b"draft text"
    added = {p for p in set(isolated_data_dir.parent.rglob("*")) - before if p.is_file()}
    assert added == {opened}


def test_an_existing_link_in_the_opened_folder_is_replaced_not_followed(
    database, attached, isolated_data_dir, tmp_path
):
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"untouched")
    folder = isolated_data_dir / "opened" / attached.sha256[:12]
    folder.mkdir(parents=True)
    (folder / "送审稿.docx").symlink_to(outside)
    with database.reading() as s:
        opened = attachments.open_attachment(s, attached.id)
    assert outside.read_bytes() == b"untouched"
    assert not opened.is_symlink() and opened.read_bytes() == b"draft text"


@pytest.mark.tampered
def test_a_crafted_hash_never_becomes_a_path(database, attached):
    crafted_name(database, attached.id, "sha256", "../../../../../../../../etc/passwd")
    with database.reading() as s, pytest.raises(UserError, match="校验值.*无效"):
        attachments.open_attachment(s, attached.id)


def test_an_attachment_is_stored_under_a_name_safe_to_open(database, tmp_path):
    source = tmp_path / "..\\..\\起草说明:终稿.pdf"  # a legal file name on Linux
    source.write_bytes(b"%PDF")
    with database.transaction() as s:
        add_issuer(s)
        att = attachments.add_attachment(s, SYSTEM, register(s).id, source)
    assert att.original_name == "起草说明_终稿.pdf"


@pytest.mark.tampered
def test_the_integrity_check_lists_a_crafted_hash_instead_of_failing(database, attached):
    from app.services import integrity

    crafted_name(database, attached.id, "sha256", "../../x")
    with database.reading() as s:
        found = integrity.full_check(s)
    assert "附件“送审稿.docx”（文件 1）的校验值无效" in found
    assert "附件（attachment 第 1 条）的内容与审计记录不符：在程序之外被修改" in found
