import pytest

from app.errors import UserError
from app.services import attachments
from app.services.permissions import SYSTEM
from tests.factories import add_issuer, register


def test_attachment_is_stored_under_its_hash_and_opens_with_original_name(database, tmp_path):
    source = tmp_path / "送审稿.docx"
    source.write_bytes(b"draft text" * 100)
    with database.transaction() as s:
        add_issuer(s)
        doc = register(s)
        att = attachments.add_attachment(s, SYSTEM, doc.id, source)
    assert attachments.stored_path(att.sha256).read_bytes() == source.read_bytes()
    with database.reading() as s:
        opened = attachments.open_attachment(s, att.id)
    assert opened.name == "送审稿.docx"
    assert opened.read_bytes() == source.read_bytes()


def test_tampered_attachment_is_refused_on_open(database, tmp_path):
    source = tmp_path / "起草说明.pdf"
    source.write_bytes(b"%PDF original")
    with database.transaction() as s:
        add_issuer(s)
        att = attachments.add_attachment(s, SYSTEM, register(s).id, source)
    attachments.stored_path(att.sha256).write_bytes(b"%PDF changed")
    with database.reading() as s, pytest.raises(UserError, match="已被改动或损坏"):
        attachments.open_attachment(s, att.id)


def test_missing_source_file_is_a_clear_error(database, tmp_path):
    with database.transaction() as s:
        add_issuer(s)
        doc = register(s)
        with pytest.raises(UserError, match="找不到文件"):
            attachments.add_attachment(s, SYSTEM, doc.id, tmp_path / "无此文件.pdf")
