"""Letters as .docx, read back with python-docx (and converted by LibreOffice where present):
the page, the document grid, styles with East Asian font names, footers, title breaks, tables."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, Twips
from pypdf import PdfReader

from app.reports.fonts import FontRole, role_fonts
from app.reports.gongwen import docx, pdf
from app.reports.gongwen.docx import Style
from tests.gongwen_samples import report

STYLE_ROLES = {
    Style.BODY: FontRole.BODY,
    Style.TITLE: FontRole.TITLE,
    Style.RECIPIENT: FontRole.BODY,
    Style.HEADING1: FontRole.HEADING1,
    Style.HEADING2: FontRole.HEADING2,
    Style.ATTACHMENTS: FontRole.BODY,
    Style.SIGNER: FontRole.BODY,
    Style.DATE: FontRole.BODY,
    Style.REMARK: FontRole.BODY,
    Style.RECORD: FontRole.BODY,
    Style.TABLE: FontRole.TABLE,
}


@pytest.fixture(scope="module")
def fonts():
    return role_fonts()


@pytest.fixture(scope="module")
def two_letters(tmp_path_factory, fonts) -> Path:
    target = tmp_path_factory.mktemp("docx") / "letters.docx"
    docx.render([report(), report()], fonts, target)
    return target


def east_asian(element) -> str | None:  # noqa: ANN001
    fonts = element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    return None if fonts is None else fonts.get(qn("w:eastAsia"))


def test_each_letter_is_an_a4_section_with_the_standard_margins_and_grid(two_letters) -> None:
    document = Document(str(two_letters))
    assert len(document.sections) == 2
    for section in document.sections:
        twip = Twips(1)
        assert section.page_width == pytest.approx(Mm(210), abs=twip)
        assert section.page_height == pytest.approx(Mm(297), abs=twip)
        assert section.top_margin == pytest.approx(Mm(37), abs=twip)
        assert section.left_margin == pytest.approx(Mm(28), abs=twip)
        assert section.bottom_margin == pytest.approx(Mm(297 - 37 - 225), abs=twip)
        assert section.right_margin == pytest.approx(Mm(210 - 28 - 156), abs=twip)
        grid = section._sectPr.find(qn("w:docGrid"))
        assert grid.get(qn("w:type")) == "linesAndChars"
        pitch = int(grid.get(qn("w:linePitch")))
        assert pitch == 579 and int(225 / 25.4 * 1440 / pitch) == 22
        # ECMA-376: character pitch = Normal's size + charSpace / 4096 pt: 28 to the line
        char_space = int(grid.get(qn("w:charSpace")))
        assert (16 + char_space / 4096) * 28 == pytest.approx(156 / 25.4 * 72, abs=0.1)
        numbering = section._sectPr.find(qn("w:pgNumType"))
        assert numbering.get(qn("w:start")) == "1"  # each letter numbers its own pages


def test_styles_name_the_office_fonts_with_east_asian_attributes(two_letters, fonts) -> None:
    document = Document(str(two_letters))
    used = {p.style.name for p in document.paragraphs}
    used |= {
        p.style.name
        for table in document.tables
        for row in table.rows
        for cell in row.cells
        for p in cell.paragraphs
    }
    assert set(STYLE_ROLES) <= used
    for name, role in STYLE_ROLES.items():
        style = document.styles[name]
        family = fonts[role].family
        assert east_asian(style.element) == family, name
        rfonts = style.element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        assert rfonts.get(qn("w:ascii")) == rfonts.get(qn("w:hAnsi")) == family
        fmt = style.paragraph_format
        assert fmt.space_before == fmt.space_after == Pt(0)
    assert document.styles[Style.BODY].font.size == Pt(16)
    assert document.styles[Style.TITLE].font.size == Pt(22)
    assert document.styles[Style.RECORD].font.size == Pt(14)
    assert document.styles[Style.BODY].paragraph_format.line_spacing == Pt(28.95)
    # every run names its font, East Asian included
    runs = [run for p in document.paragraphs for run in p.runs if run.text.strip()]
    assert runs and all(east_asian(run._r) for run in runs)


def test_the_title_splits_with_manual_line_breaks(two_letters) -> None:
    document = Document(str(two_letters))
    title = next(p for p in document.paragraphs if p.style.name == Style.TITLE)
    assert title.text == "河清市司法局关于报送2026年\n第三季度规范性文件备案材料的报告"
    assert title.alignment in (None, WD_ALIGN_PARAGRAPH.CENTER)
    assert document.styles[Style.TITLE].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    recipient = next(p for p in document.paragraphs if p.style.name == Style.RECIPIENT)
    assert recipient.text == "河清市人民政府："


def test_footers_number_pages_right_on_odd_and_left_on_even(two_letters) -> None:
    document = Document(str(two_letters))
    assert document.settings.odd_and_even_pages_header_footer
    for section in document.sections:
        odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
        for footer in (odd, even):
            xml = footer._p.xml
            assert "PAGE" in xml and footer.text.startswith("\u2014 ")
            assert footer.text.endswith(" \u2014")
        assert odd.alignment == WD_ALIGN_PARAGRAPH.RIGHT
        assert odd.paragraph_format.right_indent == Pt(14)
        assert even.alignment == WD_ALIGN_PARAGRAPH.LEFT
        assert even.paragraph_format.left_indent == Pt(14)
        assert not any(p.text.strip() for p in section.header.paragraphs)


def test_tables_are_ruled_and_repeat_their_header(two_letters) -> None:
    document = Document(str(two_letters))
    table = document.tables[0]
    assert table.style.name == "Table Grid"
    borders = document.styles["Table Grid"].element.find(f".//{qn('w:tblBorders')}")
    assert borders is not None and borders.find(qn("w:insideH")) is not None
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert [cell.text for cell in table.rows[0].cells] == [
        "序号",
        "文件名称",
        "发文字号",
        "公布日期",
    ]
    widths = [column.width for column in table.columns]
    assert sum(widths) == pytest.approx(Mm(156), rel=0.001)


def test_signature_record_and_remark(two_letters) -> None:
    document = Document(str(two_letters))
    paragraphs = document.paragraphs
    signer = next(p for p in paragraphs if p.style.name == Style.SIGNER)
    dated = next(p for p in paragraphs if p.style.name == Style.DATE)
    assert (signer.text, dated.text) == ("河清市司法局", "2026年12月1日")
    ind = dated._p.pPr.find(qn("w:ind"))
    assert ind.get(qn("w:rightChars")) == "400"  # 右空四字
    remark = next(p for p in paragraphs if p.style.name == Style.REMARK)
    assert remark.text == "（联系人：张三，电话：0311-12345678）"
    record = [p for p in paragraphs if p.style.name == Style.RECORD][:2]
    assert record[0].text == "抄送：河北省司法厅，河清市人民政府办公室。"
    assert record[1].text == "河清市司法局办公室\t2026年12月1日印发"
    frame = record[-1]._p.pPr.find(qn("w:framePr"))
    assert int(frame.get(qn("w:y"))) + int(frame.get(qn("w:h"))) == 22 * 579  # block's foot
    listed = [p for p in paragraphs if p.style.name == Style.ATTACHMENTS][:2]
    # the signature takes the last lines above it along to its page
    assert listed[-1].paragraph_format.keep_with_next
    assert listed[-1].paragraph_format.widow_control
    attachments = [p.text for p in listed]
    assert attachments == [
        "附件：1.河清市2026年第三季度规范性文件目录",
        "2.河清市人民政府关于加强城市精细化管理工作的通知（正式文本及制定说明）",
    ]


SOFFICE = shutil.which("soffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_the_docx_without_warnings(tmp_path: Path, fonts) -> None:
    source = tmp_path / "letters.docx"
    docx.render([report(), report()], fonts, source)
    expected = pdf.render([report(), report()], fonts, tmp_path / "engine.pdf")
    # soffice.bin itself: the soffice launcher warns about a javaldx this install lacks
    program = Path(SOFFICE).resolve().with_name("soffice.bin")
    command = [str(program) if program.exists() else SOFFICE]
    out = tmp_path / "out"
    for _ in range(2):  # a new profile makes soffice.bin ask for a restart (exit 81) once
        result = subprocess.run(
            [
                *command,
                f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out),
                str(source),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if result.returncode != 81:
            break
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == ""
    reader = PdfReader(out / "letters.pdf")
    assert len(reader.pages) == expected == 4
    text = reader.pages[1].extract_text()
    assert "抄送" in text and "— 2 —" in text.replace("\u2014", "—")


def test_without_a_seal_the_date_starts_two_characters_right_of_the_signer(
    tmp_path: Path, fonts
) -> None:
    target = tmp_path / "letter.docx"
    docx.render([report(seal=False, signer="河清市人民政府办公室")], fonts, target)
    document = Document(str(target))
    signer = next(p for p in document.paragraphs if p.style.name == Style.SIGNER)
    dated = next(p for p in document.paragraphs if p.style.name == Style.DATE)

    def right(paragraph) -> float:  # noqa: ANN001
        return int(paragraph._p.pPr.find(qn("w:ind")).get(qn("w:rightChars"))) / 100

    assert right(signer) == 2  # 右空二字
    # 10 characters of 署名, 6½ of date: the date ends 3½ characters further in
    assert right(dated) == 3.5


# ECMA-376 element order that Word insists on (it refuses a file with them out of order)
P_ORDER = [
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
]
R_ORDER = [
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
]
TBL_ORDER = [
    "tblStyle",
    "tblpPr",
    "tblOverlap",
    "bidiVisual",
    "tblStyleRowBandSize",
    "tblStyleColBandSize",
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
]


def test_properties_are_written_in_schema_order(two_letters) -> None:
    from zipfile import ZipFile

    from lxml import etree

    with ZipFile(two_letters) as package:
        parts = [etree.fromstring(package.read(name)) for name in package.namelist()
                 if name.startswith("word/") and name.endswith(".xml")]  # fmt: skip
    checked = 0
    for root in parts:
        for tag, order in (("pPr", P_ORDER), ("rPr", R_ORDER), ("tblPr", TBL_ORDER)):
            for element in root.iter(qn(f"w:{tag}")):
                names = [etree.QName(child).localname for child in element]
                assert all(name in order for name in names), names
                positions = [order.index(name) for name in names]
                assert positions == sorted(positions), (tag, names)
                checked += 1
    assert checked > 100


def test_control_characters_from_old_rows_are_left_out(tmp_path: Path, fonts) -> None:
    """A value stored before the input checks may hold a control character: python-docx
    refused it (ValueError) and the PDF printed a box."""
    letter = report(recipient="河清市\x07人民政府", remark="联系人：张三\n电话：\x1b0311")
    docx.render([letter], fonts, tmp_path / "letter.docx")
    document = Document(str(tmp_path / "letter.docx"))
    texts = [p.text for p in document.paragraphs]
    assert "河清市人民政府：" in texts
    assert "（联系人：张三电话：0311）" in texts
    pdf.render([letter], fonts, tmp_path / "letter.pdf")
    text = PdfReader(tmp_path / "letter.pdf").pages[0].extract_text()
    assert "河清市人民政府：" in text
