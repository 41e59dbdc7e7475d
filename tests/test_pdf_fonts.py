"""Every paper the program prints embeds every font it names: a PDF that names a font it does not
carry (the statistics charts named Helvetica) prints with whatever the printer substitutes."""

from __future__ import annotations

from pypdf import PdfReader
from pypdf.generic import DictionaryObject
from sqlalchemy import select

from app.cli import run
from app.cli.print_commands import PRINT_KINDS
from app.models import CleanupBatch, Document, Filing, ReviewCase
from app.services.vocabulary import CleanupStatus


def named_fonts(resources: DictionaryObject | None, seen: set[int]) -> list[DictionaryObject]:
    """The fonts a page's resources name, in the page and in every form drawn on it."""
    if resources is None or id(resources) in seen:
        return []
    seen.add(id(resources))
    fonts = [f.get_object() for f in resources.get("/Font", {}).values()]
    for xobject in resources.get("/XObject", {}).values():
        form = xobject.get_object()
        if form.get("/Subtype") == "/Form":
            fonts += named_fonts(form.get("/Resources"), seen)
    return fonts


def not_embedded(path) -> set[str]:
    missing: set[str] = set()
    for page in PdfReader(path).pages:
        for font in named_fonts(page.get("/Resources"), set()):
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target.get("/FontDescriptor")
            files = ("/FontFile", "/FontFile2", "/FontFile3")
            if descriptor is None or not any(k in descriptor.get_object() for k in files):
                missing.add(str(font.get("/BaseFont")))
    return missing


def test_every_printed_paper_embeds_every_font_it_names(demo, db_url, tmp_path):
    with demo.reading() as s:
        ids = {
            "--doc": s.scalar(select(Document.id).where(Document.published.is_not(None))),
            "--case": s.scalar(select(ReviewCase.id)),
            "--filing": s.scalar(select(Filing.id).where(Filing.filed_on.is_not(None))),
            "--batch": s.scalar(select(CleanupBatch.id)),
            "--applied": s.scalar(
                select(CleanupBatch.id).where(CleanupBatch.status == CleanupStatus.APPLIED)
            ),
            "--year": 2026,
        }
    needs = {
        "card": "--doc",
        "opinion": "--case",
        "filing-report": "--filing",
        "filing-form": "--filing",
        "cleanup-continue": "--batch",
        "cleanup-retired": "--batch",
        "cleanup-summary": "--batch",
        "cleanup-notice": "--applied",
        "statistics": "--year",
        "annual": "--year",
        "annual-public": "--year",
    }
    found: dict[str, set[str]] = {}
    faces: dict[str, set[str]] = {}
    for kind in PRINT_KINDS:
        target = tmp_path / f"{kind}.pdf"
        option = needs.get(kind)
        extra = [option.replace("--applied", "--batch"), str(ids[option])] if option else []
        assert run(["--db", db_url, "print", kind, *extra, "-o", str(target)]) == 0, kind
        missing = not_embedded(target)
        if missing:
            found[kind] = missing
        faces[kind] = {
            str(font["/BaseFont"]).split("+", 1)[-1]
            for page in PdfReader(target).pages
            for font in page["/Resources"]["/Font"].values()
        }
    assert found == {}
    # the forms are set in the office's 宋体 and 小标宋 (here the bundled UMing stands in for
    # both), not in the program's sans-serif face
    for kind in ("card", "filing-form", "cleanup-summary"):
        assert faces[kind] and all("UMing" in face for face in faces[kind]), (kind, faces[kind])
