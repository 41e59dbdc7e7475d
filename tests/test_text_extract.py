"""Extracting a document's official text from real files made here: Word documents with
python-docx, PDFs with ReportLab (a CJK TrueType font, a raster scan, pypdf's encryption), OFD
packages written from GB/T 33190, and text files in the encodings Chinese offices save in."""

from __future__ import annotations

import codecs
import random
import re
import struct
import unicodedata
import zipfile
from pathlib import Path

import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from app.config import resource_path
from app.errors import UserError
from app.services import text_extract
from app.services.text_extract import TextFormat, extract, format_of, normalise, scanned_note

TITLE = "某市行政规范性文件管理办法"
ARTICLE_1 = (
    "第一条 为了规范行政规范性文件的制定和监督管理，根据《中华人民共和国行政许可法》"
    "等法律法规，结合本市实际，制定本办法。"
)
ARTICLE_2 = "第二条 本办法适用于本市各级行政机关制定的行政规范性文件。"
ARTICLE_3 = "第三条 本办法自２０２４年１月１日起施行。"  # full-width digits stay full-width
PDF_FONT = "WenQuanYiMicroHei"
OFD_NS = "http://www.ofdspec.org/2016"
HAN = re.compile(r"[\u4e00-\u9fff]")


def refused(path: Path, *words: str) -> str:
    """The message extracting `path` is refused with: Chinese, naming the file (not its
    folder), containing `words`."""
    with pytest.raises(UserError) as caught:
        extract(path)
    message = caught.value.message
    assert HAN.search(message)
    assert f"“{path.name}”" in message
    assert str(path.parent) not in message
    for word in words:
        assert word in message
    return message


# --- Word ---------------------------------------------------------------------------------------


def make_docx(path: Path) -> Path:
    doc = Document()
    doc.sections[0].header.paragraphs[0].text = "页眉：某市人民政府办公室"
    doc.sections[0].footer.paragraphs[0].text = "— 1 —"
    doc.add_heading(TITLE, level=1)
    doc.add_paragraph(ARTICLE_1)
    doc.add_paragraph("")
    doc.add_paragraph("   ")
    table = doc.add_table(rows=3, cols=3)
    for row, values in zip(
        table.rows,
        [("序号", "事项", "依据"), ("1", "行政许可", "《中华人民共和国行政许可法》"), ("", "", "")],
        strict=True,
    ):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    table.cell(1, 1).add_paragraph("（含变更）")
    doc.add_paragraph(ARTICLE_2)
    doc.save(path)
    return path


def test_docx_body_paragraphs_and_table_rows_in_document_order(tmp_path):
    ex = extract(make_docx(tmp_path / "管理办法.docx"))
    assert ex.text.split("\n") == [
        TITLE,
        ARTICLE_1,
        "序号\t事项\t依据",
        "1\t行政许可 （含变更）\t《中华人民共和国行政许可法》",
        ARTICLE_2,
    ]
    assert (ex.fmt, ex.pages, ex.scanned) == (TextFormat.DOCX, None, False)
    assert "页眉" not in ex.text


def test_docx_vertically_merged_cell_is_read_once(tmp_path):
    doc = Document()
    table = doc.add_table(rows=2, cols=2)
    merged = table.cell(0, 0).merge(table.cell(1, 0))
    merged.text = "备案"
    table.cell(0, 1).text = "报送"
    table.cell(1, 1).text = "审查"
    doc.save(tmp_path / "合并.docx")
    assert extract(tmp_path / "合并.docx").text == "备案\t报送\n\t审查"


def test_docx_that_is_plain_text_is_refused(tmp_path):
    path = tmp_path / "改了扩展名.docx"
    path.write_text("这只是一个文本文件。", encoding="utf-8")
    refused(path, "不是有效的 Word 文档")


def test_truncated_docx_is_refused(tmp_path):
    whole = make_docx(tmp_path / "完整.docx").read_bytes()
    path = tmp_path / "只复制了一半.docx"
    path.write_bytes(whole[: len(whole) // 2])
    refused(path, "损坏")


def test_zip_that_is_not_a_word_document_is_refused(tmp_path):
    path = tmp_path / "压缩包.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("说明.txt", "不是 Word 文档")
    refused(path, "不是有效的 Word 文档")


def test_docx_without_a_body_is_refused(tmp_path):
    with zipfile.ZipFile(make_docx(tmp_path / "完整.docx")) as zf:
        members = {info.filename: zf.read(info) for info in zf.infolist()}
    members["word/document.xml"] = re.sub(
        rb"<w:body>.*</w:body>", b"", members["word/document.xml"], flags=re.S
    )
    path = tmp_path / "没有主体.docx"
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    refused(path, "w:body")


def test_encrypted_or_old_word_file_named_docx_is_refused(tmp_path):
    path = tmp_path / "加密.docx"
    path.write_bytes(text_extract.OLE_MAGIC + bytes(2048))
    refused(path, "加密", ".doc")


def test_docx_unpacking_past_the_limit_is_refused(tmp_path, monkeypatch):
    path = make_docx(tmp_path / "解压很大.docx")
    monkeypatch.setattr(text_extract, "MAX_UNZIPPED_BYTES", 1000)
    refused(path, "解压后超过")


# --- PDF ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pdf_font() -> str:
    if PDF_FONT not in pdfmetrics.getRegisteredFontNames():
        font_file = resource_path("fonts", "wqy-microhei.ttc")
        pdfmetrics.registerFont(TTFont(PDF_FONT, str(font_file), subfontIndex=0))
    return PDF_FONT


def make_pdf(path: Path, font: str, pages: list[list[str]]) -> Path:
    """One page per list of lines, each page with a GB/T 9704 page number at its foot."""
    c = canvas.Canvas(str(path), pagesize=A4)
    for number, lines in enumerate(pages, 1):
        c.setFont(font, 14)
        for i, line in enumerate(lines):
            c.drawString(60, 760 - 28 * i, line)
        c.drawCentredString(A4[0] / 2, 40, f"— {number} —")
        c.showPage()
    c.save()
    return path


PDF_PAGES = [
    [
        TITLE,
        "第一条 为了规范行政规范性文件的制定和监督管理，",
        "根据《中华人民共和国行政许可法》制定本办法。",
    ],
    [ARTICLE_2[:20], ARTICLE_3],
]


def test_pdf_text_of_every_page_without_page_numbers(tmp_path, pdf_font):
    ex = extract(make_pdf(tmp_path / "办法.pdf", pdf_font, PDF_PAGES))
    assert ex.text.split("\n") == [line for page in PDF_PAGES for line in page]
    assert (ex.fmt, ex.pages, ex.scanned) == (TextFormat.PDF, 2, False)
    assert "—" not in ex.text
    assert scanned_note(ex) is None


def scan_image() -> ImageReader:
    rng = random.Random(1)
    image = Image.new("L", (300, 400), 255)
    image.putdata([255 if rng.random() > 0.1 else 0 for _ in range(300 * 400)])
    return ImageReader(image)


def test_pdf_of_scanned_pages_is_scanned_with_no_text(tmp_path, pdf_font):
    path = tmp_path / "扫描件.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    for number in (1, 2):
        c.drawImage(scan_image(), 0, 0, width=A4[0], height=A4[1])
        c.setFont(pdf_font, 14)
        c.drawCentredString(A4[0] / 2, 40, f"- {number} -")  # a number stamped on a scan
        c.showPage()
    c.save()
    ex = extract(path)
    assert (ex.text, ex.pages, ex.scanned) == ("", 2, True)
    assert scanned_note(ex) == (
        "该 PDF 文件是扫描件，没有文字层，无法提取正文；请另附 Word 或文字版 PDF。"
    )


def test_pdf_of_random_bytes_is_refused(tmp_path):
    path = tmp_path / "乱码.pdf"
    path.write_bytes(random.Random(7).randbytes(4000))
    refused(path, "不是有效的 PDF")


def test_pdf_with_a_password_is_refused(tmp_path, pdf_font):
    plain = make_pdf(tmp_path / "明文.pdf", pdf_font, PDF_PAGES)
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password="mima", owner_password="guanli")
    path = tmp_path / "加密文件.pdf"
    with path.open("wb") as f:
        writer.write(f)
    refused(path, "密码")


# --- OFD ----------------------------------------------------------------------------------------


def ofd_xml(doc_root: str = "Doc_0/Document.xml") -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<ofd:OFD xmlns:ofd="{OFD_NS}" Version="1.0" DocType="OFD">
  <ofd:DocBody>
    <ofd:DocInfo><ofd:DocID>6a1b2c3d</ofd:DocID><ofd:Title>{TITLE}</ofd:Title></ofd:DocInfo>
    <ofd:DocRoot>{doc_root}</ofd:DocRoot>
  </ofd:DocBody>
</ofd:OFD>"""


def document_xml(*base_locs: str) -> str:
    pages = "".join(f'<ofd:Page ID="{i + 10}" BaseLoc="{loc}"/>' for i, loc in enumerate(base_locs))
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<ofd:Document xmlns:ofd="{OFD_NS}">
  <ofd:CommonData>
    <ofd:MaxUnitID>99</ofd:MaxUnitID>
    <ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>
    <ofd:PublicRes>PublicRes.xml</ofd:PublicRes>
  </ofd:CommonData>
  <ofd:Pages>{pages}</ofd:Pages>
</ofd:Document>"""


def text_object(left: float, top: float, *codes: tuple[float, float, str]) -> str:
    """A TextObject at Boundary (left, top); its codes' X and Y are relative to that."""
    body = "".join(
        f'<ofd:TextCode X="{x}" Y="{y}" DeltaX="g {len(text) - 1} 5.6">{text}</ofd:TextCode>'
        for x, y, text in codes
    )
    return (
        f'<ofd:TextObject ID="1" Boundary="{left} {top} 160 12" Font="3" Size="5.6">'
        f'<ofd:FillColor Value="0 0 0"/>{body}</ofd:TextObject>'
    )


def content_xml(*objects: str) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{OFD_NS}">'
        f'<ofd:Content><ofd:Layer ID="2">{"".join(objects)}</ofd:Layer></ofd:Content></ofd:Page>'
    )


def write_ofd(path: Path, members: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in members.items():
            zf.writestr(name, text)
    return path


OFD_LINES = [
    "为了规范行政规范性文件的制定和监督管理，",
    "根据《中华人民共和国行政许可法》等法律法规，",
    "结合本市实际，制定本办法。",
]
PAGE_1 = content_xml(
    text_object(50, 30, (0, 8, TITLE)),
    # one line in two objects, the right part written first and 0.2 mm lower
    text_object(47.2, 50.2, (0, 8, OFD_LINES[0])),
    text_object(25, 50, (0, 8, "第一条")),
    # one object, two lines
    text_object(25, 60, (0, 8, OFD_LINES[1]), (0, 18, OFD_LINES[2])),
    text_object(100, 270, (0, 5, "— 1 —")),
)
PAGE_2 = content_xml(text_object(25, 40, (0, 8, ARTICLE_2)), text_object(100, 270, (0, 5, "— 2 —")))


def two_page_ofd(path: Path) -> Path:
    return write_ofd(
        path,
        {
            "OFD.xml": ofd_xml(),
            "Doc_0/Document.xml": document_xml(
                "Pages/Page_0/Content.xml", "/Doc_0/Pages/Page_1/Content.xml"
            ),
            "Doc_0/Pages/Page_0/Content.xml": PAGE_1,
            "Doc_0/Pages/Page_1/Content.xml": PAGE_2,
        },
    )


def test_ofd_text_codes_become_lines_page_by_page(tmp_path):
    ex = extract(two_page_ofd(tmp_path / "办法.ofd"))
    assert ex.text.split("\n") == [
        TITLE,
        "第一条" + OFD_LINES[0],
        OFD_LINES[1],
        OFD_LINES[2],
        ARTICLE_2,
    ]
    assert (ex.fmt, ex.pages, ex.scanned) == (TextFormat.OFD, 2, False)


def test_ofd_of_images_only_is_scanned(tmp_path):
    # unprefixed elements in the default namespace, as some producers write them
    page = (
        f'<Page xmlns="{OFD_NS}"><Content><Layer ID="2">'
        '<ImageObject ID="5" Boundary="0 0 210 297" CTM="210 0 0 297 0 0" ResourceID="4"/>'
        "</Layer></Content></Page>"
    )
    path = write_ofd(
        tmp_path / "扫描件.ofd",
        {
            "OFD.xml": ofd_xml(),
            "Doc_0/Document.xml": document_xml("Pages/Page_0/Content.xml"),
            "Doc_0/Pages/Page_0/Content.xml": page,
        },
    )
    ex = extract(path)
    assert (ex.text, ex.pages, ex.scanned) == ("", 1, True)
    assert scanned_note(ex) == (
        "该 OFD 文件是扫描件，没有文字层，无法提取正文；请另附 Word 或文字版 OFD。"
    )


@pytest.mark.parametrize(
    "base_loc",
    ["../../etc/passwd", "/../etc/passwd", "..\\..\\Windows\\win.ini", "C:/Windows/win.ini"],
)
def test_ofd_location_leading_out_of_the_package_is_refused(tmp_path, base_loc):
    path = write_ofd(
        tmp_path / "越界.ofd",
        {
            "OFD.xml": ofd_xml(),
            "Doc_0/Document.xml": document_xml(base_loc),
            "etc/passwd": PAGE_1,  # even a member of that name is not read
        },
    )
    refused(path, "指向文件之外")


def test_ofd_without_ofd_xml_is_refused(tmp_path):
    path = write_ofd(
        tmp_path / "缺入口.ofd",
        {"Doc_0/Document.xml": document_xml("Pages/Page_0/Content.xml")},
    )
    refused(path, "OFD.xml")


def test_ofd_without_its_document_or_page_content_is_refused(tmp_path):
    no_document = write_ofd(tmp_path / "缺文档.ofd", {"OFD.xml": ofd_xml()})
    refused(no_document, "Doc_0/Document.xml")
    no_page = write_ofd(
        tmp_path / "缺页面.ofd",
        {"OFD.xml": ofd_xml(), "Doc_0/Document.xml": document_xml("Pages/Page_0/Content.xml")},
    )
    refused(no_page, "第 1 页")


def test_ofd_external_entity_is_not_resolved(tmp_path):
    page = PAGE_2.replace(
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<!DOCTYPE p [<!ENTITY secret SYSTEM "file:///etc/passwd">]>',
    ).replace(ARTICLE_2, ARTICLE_2 + "&secret;")
    path = write_ofd(
        tmp_path / "外部实体.ofd",
        {
            "OFD.xml": ofd_xml(),
            "Doc_0/Document.xml": document_xml("Pages/Page_0/Content.xml"),
            "Doc_0/Pages/Page_0/Content.xml": page,
        },
    )
    text = extract(path).text
    assert text.startswith(ARTICLE_2)
    assert "root:" not in text


def test_ofd_that_is_not_a_zip_is_refused(tmp_path):
    path = tmp_path / "坏文件.ofd"
    path.write_bytes(b"<ofd:OFD/>")
    refused(path, "不是有效的 OFD 文件")


def test_ofd_unpacking_past_the_limit_is_refused(tmp_path, monkeypatch):
    path = two_page_ofd(tmp_path / "解压很大.ofd")
    monkeypatch.setattr(text_extract, "MAX_UNZIPPED_BYTES", 1000)
    refused(path, "解压后超过")


def test_ofd_pages_reading_one_member_over_and_over_stop_at_the_limit(tmp_path, monkeypatch):
    path = write_ofd(
        tmp_path / "重复引用.ofd",
        {
            "OFD.xml": ofd_xml(),
            "Doc_0/Document.xml": document_xml(*["Pages/Page_0/Content.xml"] * 50),
            "Doc_0/Pages/Page_0/Content.xml": PAGE_1,
        },
    )
    monkeypatch.setattr(text_extract, "MAX_UNZIPPED_BYTES", 20_000)
    with zipfile.ZipFile(path) as zf:
        assert sum(info.file_size for info in zf.infolist()) < 20_000
    refused(path, "解压后超过")


def declare_size(data: bytes, member: str, size: int) -> bytes:
    """The zip `data` with `member`'s uncompressed size rewritten to `size` in its local header
    and its central directory entry, as a hostile file would lie."""
    out = bytearray(data)
    local = out.find(b"PK\x03\x04")
    while local != -1:
        name_len = struct.unpack_from("<H", out, local + 26)[0]
        if out[local + 30 : local + 30 + name_len].decode() == member:
            struct.pack_into("<I", out, local + 22, size)
        local = out.find(b"PK\x03\x04", local + 4)
    central = out.find(b"PK\x01\x02")
    while central != -1:
        name_len = struct.unpack_from("<H", out, central + 28)[0]
        if out[central + 46 : central + 46 + name_len].decode() == member:
            struct.pack_into("<I", out, central + 24, size)
        central = out.find(b"PK\x01\x02", central + 4)
    return bytes(out)


def test_ofd_member_unpacking_past_its_declared_size_is_refused(tmp_path, monkeypatch):
    bomb = content_xml(text_object(25, 40, (0, 8, ARTICLE_2))) + " " * 200_000
    path = write_ofd(
        tmp_path / "谎报大小.ofd",
        {
            "OFD.xml": ofd_xml(),
            "Doc_0/Document.xml": document_xml("Pages/Page_0/Content.xml"),
            "Doc_0/Pages/Page_0/Content.xml": bomb,
        },
    )
    path.write_bytes(declare_size(path.read_bytes(), "Doc_0/Pages/Page_0/Content.xml", 10))
    monkeypatch.setattr(text_extract, "MAX_UNZIPPED_BYTES", 100_000)
    with zipfile.ZipFile(path) as zf:
        assert sum(info.file_size for info in zf.infolist()) < 100_000
    refused(path, "损坏")


# --- text files ---------------------------------------------------------------------------------

TXT = f"{TITLE}\r\n\r\n{ARTICLE_1}  \r\n{ARTICLE_2}\r\n"


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF8 + TXT.encode("utf-8"),
        TXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TXT.encode("utf-16-be"),
        TXT.encode("gb18030"),
    ],
    ids=["utf-8-bom", "utf-8", "utf-16-le-bom", "utf-16-be-bom", "gb18030"],
)
def test_txt_in_every_office_encoding_reads_the_same(tmp_path, data):
    path = tmp_path / "正文.txt"
    path.write_bytes(data)
    ex = extract(path)
    assert ex.text == f"{TITLE}\n\n{ARTICLE_1}\n{ARTICLE_2}"
    assert (ex.fmt, ex.pages, ex.scanned) == (TextFormat.TXT, None, False)


def test_txt_in_no_known_encoding_is_refused(tmp_path):
    path = tmp_path / "乱码.txt"
    path.write_bytes(b"\x81\x30\xff\xfe\x80")
    refused(path, "编码")


def test_txt_without_text_is_refused(tmp_path):
    path = tmp_path / "空白.txt"
    path.write_text(" \r\n\t\n\x00", encoding="utf-8")
    refused(path, "没有可提取的文字")


def test_normalise_lines_blank_lines_and_control_characters():
    raw = "\n  \n　　标题  \r\n\r\n\r\n\r\n正文\x00\x07\t表格\x1b\r末行　\u2028ＡＢＣ１２３\n\n\n"
    assert normalise(raw) == "　　标题\n\n正文\t表格\n末行\nＡＢＣ１２３"


# --- any file -----------------------------------------------------------------------------------


def test_format_by_suffix_in_any_case():
    assert format_of(Path("通知.PDF")) is TextFormat.PDF
    assert format_of(Path("a/b/通知.Ofd")) is TextFormat.OFD


@pytest.mark.parametrize(
    ("name", "words"), [("旧文件.doc", ("“.doc”", "另存为 .docx")), ("无扩展名", ())]
)
def test_unsupported_suffix_is_refused_naming_it(tmp_path, name, words):
    path = tmp_path / name
    path.write_bytes(b"whatever")
    refused(path, "只支持 .docx、.pdf、.ofd 和 .txt", *words)


def test_missing_file_is_refused(tmp_path):
    refused(tmp_path / "不存在.pdf", "找不到")


def test_file_over_the_size_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(text_extract, "MAX_FILE_BYTES", 100)
    path = tmp_path / "很大.txt"
    path.write_text("正文" * 100, encoding="utf-8")
    refused(path, "超过")


def clean(text: str) -> bool:
    return (
        "\r" not in text
        and all(c in "\n\t" or unicodedata.category(c) != "Cc" for c in text)
        and all(line == line.rstrip() for line in text.split("\n"))
        and "\n\n\n" not in text
        and text == text.strip("\n")
    )


hypothesis_settings = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@hypothesis_settings
@given(
    text=st.text(st.characters(exclude_categories=("Cs",)), max_size=200),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030"]),
)
def test_any_text_file_gives_clean_text_or_a_user_error(tmp_path, text, encoding):
    path = tmp_path / "任意.txt"
    path.write_bytes(text.encode(encoding))
    try:
        ex = extract(path)
    except UserError:
        return
    assert clean(ex.text)
    path.write_bytes(ex.text.encode("utf-8-sig"))
    assert extract(path).text == ex.text


@hypothesis_settings
@given(data=st.binary(max_size=300))
def test_any_bytes_as_txt_give_clean_text_or_a_user_error(tmp_path, data):
    path = tmp_path / "任意字节.txt"
    path.write_bytes(data)
    try:
        ex = extract(path)
    except UserError:
        return
    assert clean(ex.text)
