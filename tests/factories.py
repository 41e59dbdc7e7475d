"""Small builders for service tests."""

from datetime import date

from app import clock
from app.services import attachments, documents, issuers, lifecycle, registration
from app.services.documents import DocumentInput
from app.services.permissions import SYSTEM


def add_issuer(
    s, code="MZ", name="河清市民政局", abbr="河民发", template="{code}GS-{year}-{seq:03d}", **kw
):
    return issuers.add_issuer(s, SYSTEM, code, name, abbr, template=template, **kw)


def add_city_government(s, code="ZF", abbr="河政规", template="HQZF-{year}-{seq:03d}"):
    """河清市人民政府: an issuer at government level, filing with the people's congress too."""
    return add_issuer(s, code, "河清市人民政府", abbr, template=template, level="government")


def add_finance_bureau(s, **kw):
    """河清市财政局 (CZ, 河财发), the second department most tests need."""
    return add_issuer(s, "CZ", "河清市财政局", "河财发", **kw)


def register(
    s,
    title="河清市城乡居民最低生活保障管理办法",
    issuer="MZ",
    published=date(2026, 3, 3),
    allow_gap=False,
    allow_abbr=False,
    **kw,
):
    return registration.register_published(
        s, SYSTEM, DocumentInput(issuer, title, published=published, **kw),
        allow_gap=allow_gap, allow_abbr=allow_abbr,
    )  # fmt: skip


def with_attachment(s, source, content: bytes):
    """民政局 and its standard document, with `source` (written holding `content`) attached."""
    source.write_bytes(content)
    add_issuer(s)
    return attachments.add_attachment(s, SYSTEM, register(s).id, source)


def draft(s, title="河清市临时救助实施办法", issuer="MZ", **kw):
    return documents.create_draft(s, SYSTEM, DocumentInput(issuer, title, **kw))


def status(s, doc_id: int, day: date | None = None) -> str:
    """A document's status on `day` (today by default), as every command and page shows it."""
    return lifecycle.status_of(documents.get(s, doc_id), day or clock.today())


def bureaus_in_force(s, mz_documents: int = 4) -> list[int]:
    """民政局 with `mz_documents` documents in force (民政文件0…, published 2025-03-01 on) and
    财政局 with one (财政文件, 2025-05-06): the ids, 财政局's last."""
    add_issuer(s)
    add_finance_bureau(s)
    ids = [
        register(s, f"民政文件{n}", published=date(2025, 3, n + 1)).id for n in range(mz_documents)
    ]
    return [*ids, register(s, "财政文件", issuer="CZ", published=date(2025, 5, 6)).id]
