"""统一发布: the publication folder for the government website, and 不予公开.

One office on 2026-11-27 (the `office` fixture) with a document of each kind the folder must
treat differently; the folder is written for real, every file read back."""

from __future__ import annotations

import errno
import json
import os
import re
import stat
import subprocess
import sys
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pypdfium2
import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app.cli import run
from app.errors import UserError
from app.models import AuditEntry
from app.reports import text_pdf, website
from app.reports.fonts import role_fonts
from app.services import documents, publication, texts
from app.services.permissions import SYSTEM, Actor, Role
from app.services.vocabulary import AuditAction, DocStatus, TextKind
from tests.factories import draft, register

ROOT = Path(__file__).resolve().parent.parent

TYPED_BODY = (
    "第一条　为保障城乡困难群众基本生活，根据《社会救助暂行办法》，结合本市实际，制定本办法。\n"
    "第二条　本办法所称最低生活保障，是指对家庭人均收入低于当地标准的居民给予救助。\n"
    "第三条　申请人姓名中的生僻字如“堃”“喆”，按原样登记。"
)
PDF_BODY = (
    "第一条　为规范临时救助工作，制定本细则。\n"
    "第二条　临时救助实行属地管理，由乡镇人民政府受理申请。\n"
    "第三条　临时救助的对象包括因火灾、交通事故等意外事件或者家庭成员突发重大疾病等原因"
    "导致基本生活暂时出现严重困难的家庭，以及遭遇其他特殊困难的家庭。"
)
HOSTILE_TITLE = '../../etc/passwd<script>alert("x")</script>&amp;办法'


class Office:
    """The ids of the documents the fixture registered."""

    typed: int  # 2026, in force, a typed text: a PDF is typeset
    pdf: int  # 2025, in force, its text came from a PDF: that PDF is published
    bare: int  # 2026, in force, no text: 正文未录入
    hostile: int  # 2026, in force, a title made to break out of a page or a path
    withheld: int  # 2026, in force, 不予公开
    repealed: int  # 2024, repealed in 2026
    draft: int


@pytest.fixture
def official_pdf(tmp_path: Path) -> Path:
    """A PDF as the office would have received it (typeset by another program)."""
    source = tmp_path / "河民发〔2025〕9号 临时救助实施细则.pdf"
    text_pdf.write("河清市临时救助实施细则", PDF_BODY, role_fonts(), source)
    return source


@pytest.fixture
def ids(office, official_pdf: Path) -> Office:
    found = Office()
    with office.transaction() as s:
        found.typed = register(
            s, title="河清市城乡居民最低生活保障管理办法", doc_number="河民发〔2026〕7号"
        ).id
        texts.add_typed(s, SYSTEM, found.typed, TYPED_BODY, TextKind.ORIGINAL)
        found.pdf = register(s, title="河清市临时救助实施细则", published=date(2025, 6, 1)).id
        texts.add_file(s, SYSTEM, found.pdf, official_pdf)
        found.bare = register(s, title="河清市养老服务补贴办法", published=date(2026, 4, 1)).id
        found.hostile = register(s, title=HOSTILE_TITLE, published=date(2026, 4, 2)).id
        found.withheld = register(s, title="河清市救灾物资储备办法", published=date(2026, 5, 1)).id
        publication.set_withheld(
            s, SYSTEM, found.withheld, True, "涉及救灾物资储备地点，依法不予公开"
        )
        found.repealed = register(s, title="河清市殡葬管理办法", published=date(2024, 1, 10)).id
        documents.retire(
            s, SYSTEM, found.repealed, DocStatus.REPEALED, date(2026, 6, 1), "上位法已修改"
        )
        found.draft = draft(s, title="河清市社区服务管理办法（草案）").id
    return found


def publish(database, folder: Path, **kw) -> publication.PublishResult:
    with database.reading() as s:
        return website.publish(s, folder, **kw)


@pytest.fixture
def site(office, ids, tmp_path: Path) -> Path:
    folder = tmp_path / "site" / "规范性文件"
    folder.parent.mkdir()
    publish(office, folder)
    return folder


# --- reading pages back --------------------------------------------------------------------------
class Page(HTMLParser):
    """What a test needs of a page: its tags, links (with the section each is in), element ids,
    text, and the attributes of <html> and <meta>."""

    def __init__(self, path: Path) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.links: list[tuple[str, str]] = []  # (section id, href)
        self.ids: set[str] = set()
        self.metas: list[dict[str, str]] = []
        self.html_attrs: dict[str, str] = {}
        self.text: list[str] = []
        self.paragraphs: list[str] = []
        self._section = ""
        self._in_p = False
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag, attrs):
        values = {k: v or "" for k, v in attrs}
        self.tags.append(tag)
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "section":
            self._section = values.get("id", "")
        if tag == "html":
            self.html_attrs = values
        if tag == "meta":
            self.metas.append(values)
        for name in ("href", "src", "action", "data", "srcset", "poster"):
            if name in values:
                self.links.append((self._section, values[name]))
        if tag == "p":
            self._in_p = True
            self.paragraphs.append("")

    def handle_endtag(self, tag):
        if tag == "section":
            self._section = ""
        if tag == "p":
            self._in_p = False

    def handle_data(self, data):
        self.text.append(data)
        if self._in_p:
            self.paragraphs[-1] += data

    def linked_documents(self, section: str) -> set[int]:
        return {
            int(m.group(1))
            for where, href in self.links
            if where == section and (m := re.fullmatch(r"docs/(\d+)\.html", href))
        }

    @property
    def all_text(self) -> str:
        return "".join(self.text)


def html_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.html"))


def pdf_text(path: Path) -> str:
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return "".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


def squeezed(text: str) -> str:
    """Without whitespace: a PDF's text breaks lines where the page does."""
    return re.sub(r"\s+", "", text)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


# --- the folder ----------------------------------------------------------------------------------
def test_publish_writes_the_index_a_page_per_document_their_pdfs_and_the_catalogs(
    office, ids, tmp_path
):
    folder = tmp_path / "site"
    result = publish(office, folder)
    pages = {ids.typed, ids.pdf, ids.bare, ids.hostile}
    assert result.folder == folder
    assert result.documents == len(pages)
    assert result.without_text == 2  # bare and hostile
    assert result.warnings == []
    expected = {"index.html", "catalog-current.xlsx", "catalog-2026.xlsx"}
    expected |= {f"docs/{i}.html" for i in pages} | {f"docs/{ids.typed}.pdf", f"docs/{ids.pdf}.pdf"}
    assert set(result.paths) == expected
    on_disk = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    assert on_disk == expected | {publication.MARKER}
    marker = json.loads((folder / publication.MARKER).read_text(encoding="utf-8"))
    assert (marker["generator"], marker["day"]) == ("NormDesk", "2026-11-27")


def test_every_link_resolves_to_a_file_inside_the_folder_and_nothing_is_fetched_or_run(site):
    root = site.resolve()
    checked = 0
    for path in html_files(site):
        raw = path.read_text(encoding="utf-8")
        page = Page(path)
        assert "script" not in page.tags and "<script" not in raw.lower()
        assert not {"iframe", "object", "embed", "img", "link", "base", "form"} & set(page.tags)
        assert "http://" not in raw and "https://" not in raw
        assert page.html_attrs.get("lang") == "zh-CN"
        assert {"charset": "utf-8"} in page.metas
        assert any(m.get("name") == "viewport" for m in page.metas)
        for _section, href in page.links:
            parts = urlsplit(href)
            assert not parts.scheme and not parts.netloc, href
            if not parts.path:  # a link within the page
                assert parts.fragment in page.ids, href
                continue
            target = (path.parent / unquote(parts.path)).resolve()
            assert target.is_file() and target.is_relative_to(root), f"{path.name}: {href}"
            checked += 1
    assert checked > 10


def test_withheld_retired_and_draft_documents_are_left_out(site, ids):
    index = Page(site / "index.html")
    current = index.linked_documents("current")
    annual = index.linked_documents("annual")
    assert current == {ids.typed, ids.pdf, ids.bare, ids.hostile}
    assert annual == {ids.typed, ids.bare, ids.hostile}  # 2025's is in force, not new
    for left_out in (ids.withheld, ids.repealed, ids.draft):
        assert not (site / "docs" / f"{left_out}.html").exists()
        assert not (site / "docs" / f"{left_out}.pdf").exists()
    everything = "".join(p.read_text(encoding="utf-8") for p in html_files(site))
    for title in ("河清市救灾物资储备办法", "河清市殡葬管理办法", "河清市社区服务管理办法"):
        assert title not in everything


def test_the_index_names_the_office_and_the_day(office, ids, tmp_path):
    from app.services import settings

    with office.transaction() as s:
        settings.put(s, SYSTEM, "office.name", "河清市民政局")
    publish(office, tmp_path / "site")
    index = Page(tmp_path / "site" / "index.html")
    assert "河清市民政局行政规范性文件" in index.all_text
    assert "生成日期：2026年11月27日" in index.all_text


def test_a_document_page_shows_its_numbers_dates_status_and_text(site, ids):
    page = Page(site / "docs" / f"{ids.typed}.html")
    shown = page.all_text
    for fact in ("河清市城乡居民最低生活保障管理办法", "河民发〔2026〕7号", "MZGS-2026-001",
                 "河清市民政局", "2026-03-03", "2031-03-02", "有效"):  # fmt: skip
        assert fact in shown
    assert TYPED_BODY.split("\n") == [p for p in page.paragraphs if p.startswith("第")]
    assert ("", f"{ids.typed}.pdf") in page.links


def test_a_document_without_text_says_so_and_has_no_pdf(site, ids):
    page = Page(site / "docs" / f"{ids.bare}.html")
    assert website.NO_TEXT in page.paragraphs
    assert not any(href.endswith(".pdf") for _s, href in page.links)
    assert not (site / "docs" / f"{ids.bare}.pdf").exists()


def test_the_typeset_pdf_holds_the_documents_text(site, ids):
    text = squeezed(pdf_text(site / "docs" / f"{ids.typed}.pdf"))
    assert "河清市城乡居民最低生活保障管理办法" in text
    for line in TYPED_BODY.split("\n"):
        assert squeezed(line) in text


def test_a_text_from_a_pdf_publishes_that_very_pdf(site, ids, official_pdf):
    published = site / "docs" / f"{ids.pdf}.pdf"
    assert published.read_bytes() == official_pdf.read_bytes()
    assert squeezed(PDF_BODY.split("\n")[1]) in squeezed(pdf_text(published))


def test_a_scanned_text_publishes_its_pdf_and_says_there_is_no_text(office, ids, tmp_path):
    from reportlab.pdfgen.canvas import Canvas

    scan = tmp_path / "扫描件.pdf"
    canvas = Canvas(str(scan))
    canvas.rect(100, 100, 300, 500, fill=1)  # a page with no text layer
    canvas.save()
    with office.transaction() as s:
        assert texts.add_file(s, SYSTEM, ids.bare, scan).scanned
    result = publish(office, tmp_path / "site")
    assert result.without_text == 1  # the hostile one only: the scan has its PDF
    assert (tmp_path / "site" / "docs" / f"{ids.bare}.pdf").read_bytes() == scan.read_bytes()
    page = Page(tmp_path / "site" / "docs" / f"{ids.bare}.html")
    assert website.SCANNED in page.paragraphs and ("", f"{ids.bare}.pdf") in page.links


def test_a_text_from_a_pdf_reads_as_paragraphs_not_as_the_pages_lines(site, ids):
    page = Page(site / "docs" / f"{ids.pdf}.html")
    shown = [squeezed(p) for p in page.paragraphs if p.startswith("第")]
    assert shown == [squeezed(line) for line in PDF_BODY.split("\n")]  # its 　 became a space


def test_a_pages_lines_run_on_unless_short_or_ending_a_sentence():
    lines = ["甲" * 30, "乙" * 10 + "。", "二、标题", "丙" * 26 + "2026，", "丁" * 5 + "。"]
    laid_out = publication.PublishedText("\n".join(lines), False, None, None, laid_out=True)
    assert laid_out.paragraphs() == [
        "甲" * 30 + "乙" * 10 + "。",
        "二、标题",
        "丙" * 26 + "2026，" + "丁" * 5 + "。",
    ]
    typed = publication.PublishedText("\n".join(lines), False, None, None)
    assert typed.paragraphs() == lines


def test_a_lost_official_pdf_is_typeset_from_the_text_with_a_warning(office, ids, tmp_path):
    from app.services import attachments

    with office.reading() as s:
        sha = texts.in_force_text(s, ids.pdf).attachment.sha256
    attachments.stored_path(sha).write_bytes(b"%PDF-1.4 changed")
    result = publish(office, tmp_path / "site")
    assert len(result.warnings) == 1 and "临时救助实施细则" in result.warnings[0]
    typeset = tmp_path / "site" / "docs" / f"{ids.pdf}.pdf"
    assert typeset.read_bytes() != b"%PDF-1.4 changed"
    assert squeezed(PDF_BODY.split("\n")[0]) in squeezed(pdf_text(typeset))


def workbook_titles(path: Path) -> set[str]:
    sheet = load_workbook(path, read_only=True).active
    rows = sheet.iter_rows(min_row=3, values_only=True)  # under the title and headers
    return {row[1] for row in rows if len(row) > 1 and row[1]}


def test_the_catalog_workbooks_list_the_published_documents(site):
    assert workbook_titles(site / "catalog-current.xlsx") == {
        "河清市城乡居民最低生活保障管理办法",
        "河清市临时救助实施细则",
        "河清市养老服务补贴办法",
        HOSTILE_TITLE,
    }
    assert workbook_titles(site / "catalog-2026.xlsx") == {
        "河清市城乡居民最低生活保障管理办法",
        "河清市养老服务补贴办法",
        HOSTILE_TITLE,
    }


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_every_file_is_private_to_the_user(site):
    assert stat.S_IMODE(site.stat().st_mode) == 0o700
    for path in site.rglob("*"):
        wanted = 0o700 if path.is_dir() else 0o600
        assert stat.S_IMODE(path.stat().st_mode) == wanted, path


def test_a_hostile_title_stays_text_and_file_names_are_ids(site, ids):
    names = [p.name for p in (site / "docs").iterdir()]
    assert all(re.fullmatch(r"\d+\.(html|pdf)", name) for name in names), names
    assert sorted(p.name for p in site.parent.iterdir()) == ["规范性文件"]
    for path in html_files(site):
        assert "<script" not in path.read_text(encoding="utf-8").lower()
    page = Page(site / "docs" / f"{ids.hostile}.html")
    assert HOSTILE_TITLE in page.all_text  # shown as typed, & and all
    raw = (site / "docs" / f"{ids.hostile}.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;amp;" in raw


# --- replacing and refusing ----------------------------------------------------------------------
def test_republishing_replaces_the_previous_publication(office, ids, site):
    with office.transaction() as s:
        publication.set_withheld(s, SYSTEM, ids.typed, True, "涉及个人信息")
    result = publish(office, site)
    assert result.documents == 3
    assert not (site / "docs" / f"{ids.typed}.html").exists()
    assert ids.typed not in Page(site / "index.html").linked_documents("current")
    assert sorted(p.name for p in site.parent.iterdir()) == ["规范性文件"]  # nothing left beside


def test_an_empty_folder_is_published_into(office, ids, tmp_path):
    folder = tmp_path / "空文件夹"
    folder.mkdir()
    assert publish(office, folder).documents == 4
    assert (folder / "index.html").is_file()


def test_a_folder_with_other_files_is_refused_and_left_untouched(office, ids, tmp_path):
    folder = tmp_path / "out" / "我的文档"
    folder.mkdir(parents=True)
    (folder / "工作总结.docx").write_bytes(b"not ours")
    (folder / "index.html").write_text("<p>别人的网页</p>", encoding="utf-8")
    with pytest.raises(UserError) as refused:
        publish(office, folder)
    assert refused.value.message.startswith(f"发布目录：“{folder}”不是空文件夹")
    assert snapshot(folder) == {
        "工作总结.docx": b"not ours",
        "index.html": "<p>别人的网页</p>".encode(),
    }
    assert list(folder.parent.iterdir()) == [folder]


def test_a_file_or_a_link_in_the_folders_place_is_refused(office, ids, tmp_path):
    (tmp_path / "a-file").write_text("x")
    with pytest.raises(UserError, match="是一个文件，不是文件夹"):
        publish(office, tmp_path / "a-file")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(UserError, match="是一个链接"):
        publish(office, tmp_path / "link")
    assert list((tmp_path / "elsewhere").iterdir()) == []


def test_a_missing_parent_folder_is_said_plainly(office, ids, tmp_path):
    with pytest.raises(UserError) as refused:
        publish(office, tmp_path / "没有" / "site")
    assert refused.value.message == f"发布目录：上级文件夹“{tmp_path / '没有'}”不存在。"


def test_a_failure_midway_leaves_the_previous_publication_and_no_temporary_folder(
    office, ids, site, monkeypatch
):
    before = snapshot(site)

    def disk_full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", "x.pdf")

    monkeypatch.setattr(text_pdf, "write", disk_full)
    with pytest.raises(UserError) as refused:
        publish(office, site)
    assert refused.value.message.startswith("发布目录：磁盘空间不足")
    assert snapshot(site) == before
    assert sorted(p.name for p in site.parent.iterdir()) == ["规范性文件"]


def test_a_bug_midway_also_cleans_up_and_is_not_disguised(office, ids, tmp_path, monkeypatch):
    monkeypatch.setattr(text_pdf, "write", lambda *a, **k: 1 / 0)
    (tmp_path / "out").mkdir()
    with pytest.raises(ZeroDivisionError):
        publish(office, tmp_path / "out" / "site")
    assert list((tmp_path / "out").iterdir()) == []  # neither the folder nor its draft


def test_a_cancel_leaves_nothing(office, ids, tmp_path):
    (tmp_path / "out").mkdir()
    with pytest.raises(UserError, match="已取消发布"):
        publish(office, tmp_path / "out" / "site", progress=lambda done, total: done < 2)
    assert list((tmp_path / "out").iterdir()) == []


def test_leftovers_of_a_killed_run_are_removed_by_the_next(office, ids, site):
    killed = site.with_name(f".{site.name}.normdesk-0123abcd.part")
    killed.mkdir()
    (killed / publication.MARKER).write_text('{"generator": "NormDesk"}', encoding="utf-8")
    foreign = site.with_name(f".{site.name}.normdesk-89abcdef.part")  # not ours: no marker
    foreign.mkdir()
    publish(office, site)
    assert sorted(p.name for p in site.parent.iterdir()) == [foreign.name, "规范性文件"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
@pytest.mark.sqlite_only
def test_a_read_only_parent_folder_is_said_in_chinese(office, ids, tmp_path):
    from tests.test_hard_conditions import without_write_permission

    prefix = without_write_permission()
    parent = tmp_path / "只读"
    parent.mkdir()
    parent.chmod(0o500)
    try:
        env = {k: v for k, v in os.environ.items() if k != "NORMDESK_DB"}
        result = subprocess.run(
            [*prefix, sys.executable, "-m", "app", "--db", office.url, "publish",
             str(parent / "site")],
            capture_output=True, text=True, encoding="utf-8", env=env, cwd=ROOT, timeout=120,
        )  # fmt: skip
    finally:
        parent.chmod(0o700)
    assert result.returncode == 1, result.stderr
    assert (
        result.stderr
        == f"错误：发布目录：“{parent / 'site'}”无法创建：没有权限。请选择可以写入的位置。\n"
    )
    assert list(parent.iterdir()) == []


# --- 不予公开 --------------------------------------------------------------------------------------
def withhold_records(database, doc_id: int) -> list[tuple[str, dict]]:
    with database.reading() as s:
        entries = s.scalars(
            select(AuditEntry).where(
                AuditEntry.action == AuditAction.WITHHOLD, AuditEntry.object_id == doc_id
            )
        ).all()
        return [(e.summary, json.loads(e.new_values)) for e in entries]


def test_withholding_needs_a_reason_and_is_audited_with_it(office, ids):
    with office.transaction() as s, pytest.raises(UserError) as refused:
        publication.set_withheld(s, SYSTEM, ids.bare, True, "  ")
    assert (refused.value.message, refused.value.field) == (
        "不予公开原因：不予公开的文件必须写明原因。",
        "不予公开原因",
    )
    with office.transaction() as s:
        publication.set_withheld(s, SYSTEM, ids.bare, True, "涉及个人隐私")
    with office.reading() as s:
        assert documents.get(s, ids.bare).withheld is True
        assert publication.withheld_reason(s, ids.bare) == "涉及个人隐私"
    assert withhold_records(office, ids.bare) == [
        ("《河清市养老服务补贴办法》不予公开：涉及个人隐私", {"withheld": True, "reason": "涉及个人隐私"})
    ]  # fmt: skip


def test_disclosing_again_clears_the_mark_and_a_repeat_records_nothing(office, ids):
    with office.transaction() as s:
        publication.set_withheld(s, SYSTEM, ids.withheld, False)
        publication.set_withheld(s, SYSTEM, ids.withheld, False)  # nothing changes
    with office.reading() as s:
        assert documents.get(s, ids.withheld).withheld is None  # NULL: published
        assert publication.withheld_reason(s, ids.withheld) == ""
    summaries = [summary for summary, _new in withhold_records(office, ids.withheld)]
    assert summaries == [
        "《河清市救灾物资储备办法》不予公开：涉及救灾物资储备地点，依法不予公开",
        "《河清市救灾物资储备办法》恢复公开",
    ]


def test_a_read_only_user_may_not_withhold(office, ids):
    reader = Actor("赵只读", Role.READ_ONLY)
    with office.transaction() as s, pytest.raises(UserError, match="无权执行"):
        publication.set_withheld(s, reader, ids.bare, True, "涉密")
    with office.reading() as s:
        assert documents.get(s, ids.bare).withheld is None


def test_an_overlong_reason_is_refused_naming_the_field(office, ids):
    with office.transaction() as s, pytest.raises(UserError) as refused:
        publication.set_withheld(s, SYSTEM, ids.bare, True, "密" * 501)
    assert refused.value.field == "不予公开原因" and "500" in refused.value.message


# --- command line --------------------------------------------------------------------------------
def cli(database, *args: str) -> int:
    return run(["--db", database.url, *args])


def test_cli_publish_writes_the_folder_and_reports_it(office, ids, tmp_path, capsys):
    folder = tmp_path / "site"
    assert cli(office, "publish", str(folder), "--json") == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["folder"], out["documents"], out["without_text"]) == (str(folder), 4, 2)
    assert "index.html" in out["paths"]
    assert cli(office, "publish", str(folder)) == 0  # again: replaced
    assert capsys.readouterr().out.splitlines() == [
        f"已生成发布目录：{folder}",
        "共发布 4 件文件，其中 2 件正文未录入；首页为 index.html。",
    ]


def test_cli_publish_on_a_given_day(office, ids, tmp_path, capsys):
    folder = tmp_path / "site"
    assert cli(office, "publish", str(folder), "--date", "2025-12-31", "--json") == 0
    assert json.loads(capsys.readouterr().out)["documents"] == 2  # the 2024 and 2025 ones
    index = Page(folder / "index.html")
    assert index.linked_documents("current") == {ids.pdf, ids.repealed}
    assert "生成日期：2026年11月27日（按2025年12月31日的情况）" in index.all_text
    assert workbook_titles(folder / "catalog-current.xlsx") == {
        "河清市临时救助实施细则",
        "河清市殡葬管理办法",
    }
    assert workbook_titles(folder / "catalog-2025.xlsx") == {"河清市临时救助实施细则"}


def test_cli_publish_refuses_a_foreign_folder_with_exit_1(office, ids, tmp_path, capsys):
    (tmp_path / "x.txt").write_text("x")
    assert cli(office, "publish", str(tmp_path)) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"错误：发布目录：“{tmp_path}”不是空文件夹") and "Traceback" not in err
    assert (tmp_path / "x.txt").read_text() == "x"


def test_cli_withhold_and_disclose(office, ids, capsys):
    doc = str(ids.bare)
    assert cli(office, "doc", "withhold", doc, "--reason", "涉密", "--json") == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["withheld"], shown["withheld_reason"]) == (True, "涉密")
    assert cli(office, "doc", "show", doc) == 0
    assert "公开：不予公开（不列入发布目录）" in capsys.readouterr().out
    assert cli(office, "doc", "disclose", doc) == 0
    assert capsys.readouterr().out == f"已列入公开发布：河清市养老服务补贴办法（文件编号 {doc}）\n"
    with office.reading() as s:
        assert documents.get(s, ids.bare).withheld is None


def test_cli_withhold_without_a_reason_exits_1(office, ids, capsys):
    assert cli(office, "doc", "withhold", str(ids.bare), "--reason", " ") == 1
    assert capsys.readouterr().err == "错误：不予公开原因：不予公开的文件必须写明原因。\n"


# --- window --------------------------------------------------------------------------------------
@pytest.fixture
def window(qtbot, office, ids):
    from app.ui.main_window import MainWindow
    from tests.ui_context import context
    from tests.widgets import shown

    return shown(qtbot, MainWindow(context(office)))


def test_the_publish_action_writes_the_folder_says_how_many_and_opens_it(
    window, tmp_path, monkeypatch, no_modal_boxes
):
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from app.ui.widgets import state

    folder = tmp_path / "网站"
    folder.mkdir()
    asked, opened = [], []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _p, _t, text, *a, **k: asked.append(text) or QMessageBox.StandardButton.Yes,
    )
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    bar = window.menuBar().actions()  # kept: a menu taken from a temporary list dies with it
    menu = next(a.menu() for a in bar if a.text() == "打印/导出(&P)")
    action = window.publish_action
    assert action.text() == "发布目录…" and action in menu.actions()
    action.trigger()
    assert window.ctx.runner.wait()
    assert Page(folder / "index.html").linked_documents("current")
    assert asked == [
        f"已发布 4 件文件到“{folder}”。\n其中 2 件正文未录入，页面上只有文件信息。\n\n是否打开该文件夹？"
    ]
    assert opened == [str(folder)] and no_modal_boxes == []
    assert state.last_publication_folder() == str(folder)


def test_the_publish_action_refuses_a_foreign_folder_in_a_message(
    window, tmp_path, monkeypatch, no_modal_boxes
):
    from PySide6.QtWidgets import QFileDialog

    (tmp_path / "x.txt").write_text("x")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    window.publish_action.trigger()
    assert window.ctx.runner.wait()
    assert len(no_modal_boxes) == 1
    assert no_modal_boxes[0].startswith(f"发布目录：“{tmp_path}”不是空文件夹")
    assert not (tmp_path / "index.html").exists()


def test_choosing_no_folder_publishes_nothing(window, monkeypatch, no_modal_boxes):
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: "")
    monkeypatch.setattr(website, "publish", lambda *a, **k: pytest.fail("published"))
    window.publish_action.trigger()
    assert window.ctx.runner.wait() and no_modal_boxes == []


def test_the_document_dialog_withholds_with_a_reason_and_discloses_again(qtbot, office, ids):
    from PySide6.QtWidgets import QDialogButtonBox

    from app.ui.register.document_dialog import DocumentDialog
    from tests.ui_context import context
    from tests.widgets import shown

    def edit() -> DocumentDialog:
        return shown(qtbot, DocumentDialog(context(office), ids.bare))

    def save(dialog: DocumentDialog) -> None:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        assert context(office).runner.wait()

    dialog = edit()
    assert not dialog.withheld.isChecked() and not dialog.withheld_reason.isEnabled()
    dialog.withheld.setChecked(True)
    save(dialog)
    assert dialog.isVisible()
    assert dialog.error.text() == "不予公开原因：不予公开的文件必须写明原因。"
    assert dialog.focusWidget() is dialog.withheld_reason
    dialog.withheld_reason.setText("涉及个人隐私")
    save(dialog)
    assert not dialog.isVisible()
    with office.reading() as s:
        assert documents.get(s, ids.bare).withheld is True
        assert publication.withheld_reason(s, ids.bare) == "涉及个人隐私"

    dialog = edit()
    assert dialog.withheld.isChecked() and dialog.withheld_reason.text() == "涉及个人隐私"
    dialog.keywords.setText("养老")  # another edit: nothing about 公开 is recorded again
    save(dialog)
    assert len(withhold_records(office, ids.bare)) == 1
    dialog = edit()
    dialog.withheld.setChecked(False)
    save(dialog)
    with office.reading() as s:
        assert documents.get(s, ids.bare).withheld is None
    assert [new for _summary, new in withhold_records(office, ids.bare)][-1] == {
        "withheld": False,
        "reason": "",
    }
