"""Letters as an editable .docx with the GB/T 9704-2012 layout: the page, the 22 × 28 grid
(w:docGrid), named paragraph styles whose fonts carry the East Asian name offices have
(仿宋_GB2312, 方正小标宋简体, …), footers with the page number on alternate sides. Word or WPS
breaks the lines and pages; the PDF renderer does the same layout itself."""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section
from docx.shared import Emu, Mm, Pt
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph

from app.atomic_files import replacing
from app.reports.fonts import FontRole, RoleFonts, text_width
from app.reports.gongwen import layout as g
from app.reports.gongwen import tables
from app.reports.gongwen.breaking import break_lines, em_width, split_title
from app.reports.gongwen.model import Align, Letter, Para, TableBlock, is_heading
from app.reports.gongwen.pdf import date_text
from app.reports.gongwen.text import printable_letter


class Style:
    """The paragraph styles a letter uses, by name."""

    BODY = "Normal"
    TITLE = "公文标题"
    NUMBER = "发文字号"
    RECIPIENT = "主送机关"
    HEADING1 = "一级标题"
    HEADING2 = "二级标题"
    ATTACHMENTS = "附件说明"
    SIGNER = "发文机关署名"
    DATE = "成文日期"
    REMARK = "附注"
    RECORD = "版记"
    TABLE = "表格"
    FOLIO = "页码"


# style -> (font role, size, alignment, first-line indent in characters, tightened to 28 a line)
_STYLES: dict[str, tuple[FontRole, float, WD_ALIGN_PARAGRAPH, int, bool]] = {
    Style.BODY: (FontRole.BODY, g.BODY_SIZE, WD_ALIGN_PARAGRAPH.JUSTIFY, 2, True),
    Style.TITLE: (FontRole.TITLE, g.TITLE_SIZE, WD_ALIGN_PARAGRAPH.CENTER, 0, False),
    Style.NUMBER: (FontRole.BODY, g.BODY_SIZE, WD_ALIGN_PARAGRAPH.RIGHT, 0, True),
    Style.RECIPIENT: (FontRole.BODY, g.BODY_SIZE, WD_ALIGN_PARAGRAPH.LEFT, 0, True),
    Style.HEADING1: (FontRole.HEADING1, g.BODY_SIZE, WD_ALIGN_PARAGRAPH.JUSTIFY, 2, True),
    Style.HEADING2: (FontRole.HEADING2, g.BODY_SIZE, WD_ALIGN_PARAGRAPH.JUSTIFY, 2, True),
    Style.ATTACHMENTS: (FontRole.BODY, g.BODY_SIZE, WD_ALIGN_PARAGRAPH.LEFT, 0, True),
    Style.SIGNER: (FontRole.BODY, g.BODY_SIZE, WD_ALIGN_PARAGRAPH.RIGHT, 0, True),
    Style.DATE: (FontRole.BODY, g.BODY_SIZE, WD_ALIGN_PARAGRAPH.RIGHT, 0, True),
    Style.REMARK: (FontRole.BODY, g.BODY_SIZE, WD_ALIGN_PARAGRAPH.LEFT, 2, True),
    Style.RECORD: (FontRole.BODY, g.RECORD_SIZE, WD_ALIGN_PARAGRAPH.LEFT, 0, False),
    Style.TABLE: (FontRole.TABLE, g.TABLE_SIZE, WD_ALIGN_PARAGRAPH.LEFT, 0, False),
    Style.FOLIO: (FontRole.TABLE, g.FOLIO_SIZE, WD_ALIGN_PARAGRAPH.RIGHT, 0, False),
}
_ROLE_STYLE = {FontRole.HEADING1: Style.HEADING1, FontRole.HEADING2: Style.HEADING2}
_SIZE = {FontRole.TITLE: g.TITLE_SIZE, FontRole.TABLE: g.TABLE_SIZE}


def render(letters: Sequence[Letter], fonts: RoleFonts, target: Path) -> None:
    """Write `letters` into one .docx at `target`: each in its own section, starting on a new
    page and numbering its pages from 1."""
    document = Document()
    _setup(document, fonts)
    letters = [printable_letter(letter) for letter in letters]
    for i, letter in enumerate(letters):
        section = document.sections[0] if i == 0 else document.add_section(WD_SECTION.NEW_PAGE)
        folio = document.styles[Style.FOLIO]
        assert isinstance(folio, ParagraphStyle)
        _page(section, folio)
        _Writer(document, fonts, letter).write()
    _breaks_in_last_paragraphs(document)
    if letters:
        document.core_properties.title = letters[0].title
        document.core_properties.author = letters[0].signer
    with replacing(Path(target)) as part:
        document.save(str(part))


# --- document setup ------------------------------------------------------------------------


def _setup(document: DocumentObject, fonts: RoleFonts) -> None:
    document.settings.odd_and_even_pages_header_footer = True
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:  # the template's theme fonts would otherwise show through
        r_pr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        if r_pr is not None:
            name_fonts(r_pr, fonts[FontRole.BODY].family)
            # LibreOffice sizes the character grid from the default size, Word from Normal's.
            for tag in ("w:sz", "w:szCs"):
                size = r_pr.find(qn(tag))
                if size is None:
                    size = OxmlElement(tag)
                    _after(r_pr, size, _R_ORDER[: _R_ORDER.index(tag)])
                size.set(qn("w:val"), str(round(g.BODY_SIZE * 2)))
            lang = r_pr.find(qn("w:lang"))
            if lang is not None:
                lang.set(qn("w:eastAsia"), "zh-CN")
        p_pr = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}")
        if p_pr is not None:
            # As in the PDF: no extra space around Latin letters and digits, no punctuation
            # hanging past the margin (LibreOffice reads these only from the defaults).
            for tag in ("w:overflowPunct", "w:autoSpaceDE", "w:autoSpaceDN"):
                _on(p_pr, tag, "0")
            spacing = p_pr.find(qn("w:spacing"))
            if spacing is not None:
                p_pr.remove(spacing)
    for name, (role, size, align, indent, tracked) in _STYLES.items():
        try:
            style = document.styles[name]
        except KeyError:
            style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = document.styles[Style.BODY]
            style.quick_style = True
        assert isinstance(style, ParagraphStyle)
        style.font.size = Pt(size)
        style.font.bold = False
        style.font.color.rgb = None
        name_fonts(style.element.get_or_add_rPr(), fonts[role].family)
        fmt = style.paragraph_format
        fmt.alignment = align
        fmt.space_before = fmt.space_after = Pt(0)
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(_line_height(size))
        fmt.widow_control = False
        fmt.left_indent = fmt.right_indent = Pt(0)
        _indent_chars(style.element.get_or_add_pPr(), first=indent)
        _on(style.element.get_or_add_pPr(), "w:snapToGrid", "0")
        _tracking(style.element.get_or_add_rPr(), g.BODY_TRACKING_TWIPS if tracked else 0)
    normal = document.styles[Style.BODY].element.get_or_add_pPr()
    for tag in ("w:overflowPunct", "w:autoSpaceDE", "w:autoSpaceDN"):
        _on(normal, tag, "0")
    for name in (Style.HEADING1, Style.HEADING2):
        level = 0 if name == Style.HEADING1 else 1
        _on(document.styles[name].element.get_or_add_pPr(), "w:outlineLvl", str(level))
    _on(document.styles[Style.TITLE].element.get_or_add_pPr(), "w:outlineLvl", "0")


def _line_height(size: float) -> float:
    """Exact line height: one grid line, or for smaller print (tables) about 1.3 lines."""
    return g.LINE_PITCH_TWIPS / 20 if size >= g.RECORD_SIZE else round(size * 1.3, 2)


def _page(section: Section, folio: ParagraphStyle) -> None:
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.left_margin = Mm(37), Mm(28)
    section.bottom_margin = Mm(297 - 37 - 225)
    section.right_margin = Mm(210 - 28 - 156)
    section.header_distance = Mm(15)
    # The footer line (an exact 20 pt) centred 7 mm below the text block.
    section.footer_distance = Emu(Mm(297 - 37 - 225 - 7) - Pt(10))
    section.gutter = Mm(0)
    sect = section._sectPr
    grid = sect.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect.append(grid)
    grid.set(qn("w:type"), "linesAndChars")
    grid.set(qn("w:linePitch"), str(g.LINE_PITCH_TWIPS))
    # ECMA-376: character pitch = the Normal style's size + charSpace / 4096 points.
    grid.set(qn("w:charSpace"), str(round(g.BODY_CHAR_SPACE * 4096)))
    numbering = sect.find(qn("w:pgNumType"))
    if numbering is None:
        numbering = OxmlElement("w:pgNumType")
        sect.find(qn("w:cols")).addprevious(numbering)
    numbering.set(qn("w:fmt"), "decimal")
    numbering.set(qn("w:start"), "1")
    section.different_first_page_header_footer = False
    section.footer.is_linked_to_previous = False
    section.even_page_footer.is_linked_to_previous = False
    _folio(section.footer.paragraphs[0], folio, odd=True)
    _folio(section.even_page_footer.paragraphs[0], folio, odd=False)
    for header in (section.header, section.even_page_header):
        header.is_linked_to_previous = False  # empty: no running header


def _folio(paragraph: Paragraph, style: ParagraphStyle, odd: bool) -> None:
    """ "— n —": odd pages right, even pages left, one character in."""
    paragraph.style = style
    fmt = paragraph.paragraph_format
    fmt.line_spacing = Pt(20)
    if odd:
        fmt.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        fmt.right_indent = Pt(g.FOLIO_SIZE)
    else:
        fmt.alignment = WD_ALIGN_PARAGRAPH.LEFT
        fmt.left_indent = Pt(g.FOLIO_SIZE)
    paragraph.add_run("\u2014 ")
    run = paragraph.add_run()
    for kind, text in (("begin", None), ("instr", " PAGE "), ("separate", None), ("1", None)):
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        elif kind == "1":
            run._r.append(_text("1"))
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), "end")
    run._r.append(char)
    paragraph.add_run(" \u2014")


# --- one letter -----------------------------------------------------------------------------


class _Writer:
    def __init__(self, document: DocumentObject, fonts: RoleFonts, letter: Letter) -> None:
        self.document = document
        self.fonts = fonts
        self.letter = letter

    def write(self) -> None:
        letter = self.letter
        if letter.number:  # 信函格式: 发文字号 at the block's right edge, a line above the title
            self.run(self.paragraph(Style.NUMBER), letter.number)
            self.paragraph(Style.BODY, indent=0)
        title = self.paragraph(Style.TITLE)
        font = self.fonts[FontRole.TITLE]
        size = g.TITLE_SIZE
        lines = split_title(  # where the PDF splits it
            letter.title, g.BLOCK_WIDTH / size, lambda c: text_width(font, c, size) / size
        )
        for i, line in enumerate(lines):
            if i:
                title.add_run().add_break()
            self.run(title, line, FontRole.TITLE)
        self.paragraph(Style.BODY, indent=0)
        if letter.recipient:
            self.run(self.paragraph(Style.RECIPIENT), f"{letter.recipient}：")
        for block in letter.body:
            if isinstance(block, TableBlock):
                self.table(block)
            else:
                self.para(block)
        if letter.attachments:
            self.paragraph(Style.BODY, indent=0)
            self.attachments()
        last = self.document.paragraphs[-1]
        if last.style is not None and last.style.name != Style.RECIPIENT:
            # the signature keeps the last two lines of the text above it on its page
            last.paragraph_format.keep_with_next = True
            last.paragraph_format.widow_control = True
        self.signature()

    def paragraph(self, style: str, indent: int | None = None) -> Paragraph:
        paragraph = self.document.add_paragraph(style=style)
        if indent is not None:
            _indent_chars(paragraph._p.get_or_add_pPr(), first=indent)
        return paragraph

    def run(
        self,
        paragraph: Paragraph,
        text: str,
        role: FontRole = FontRole.BODY,
        size: float | None = None,
    ) -> None:
        run = paragraph.add_run(text)
        run.font.size = Pt(size or _SIZE.get(role, g.BODY_SIZE))
        name_fonts(run._r.get_or_add_rPr(), self.fonts[role].family)

    def para(self, para: Para) -> None:
        first = para.runs[0].role if para.runs else FontRole.BODY
        paragraph = self.paragraph(_ROLE_STYLE.get(first, Style.BODY))
        if not para.indent:
            _indent_chars(paragraph._p.get_or_add_pPr(), first=0)
        if para.align is Align.CENTER:
            paragraph.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif para.align is Align.RIGHT:
            paragraph.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for run in para.runs:
            self.run(paragraph, run.text, run.role)
        if is_heading(para):
            paragraph.paragraph_format.keep_with_next = True

    def attachments(self) -> None:
        """附件：1.名称 — numbers under each other, a long name's next line under its first
        character (hanging indents in characters)."""
        names = self.letter.attachments
        numbered = len(names) > 1
        for i, name in enumerate(names, 1):
            number = f"{i}." if numbered else ""
            label = "附件：" if i == 1 else ""
            name_at = 5 + math.ceil(sum(em_width(c) for c in number))  # in characters
            start = 2 if i == 1 else 5
            paragraph = self.paragraph(Style.ATTACHMENTS)
            _indent_chars(paragraph._p.get_or_add_pPr(), left=name_at, hanging=name_at - start)
            self.run(paragraph, label + number + name)

    def signature(self) -> None:
        letter = self.letter
        day = date_text(letter.signed_on)
        day_em = sum(em_width(c) for c in day)
        signer_em = sum(em_width(c) for c in letter.signer)
        if letter.seal:
            day_right = 4.0
            signer_right = day_right + (day_em - signer_em) / 2
            blanks = 2
        else:
            # GB/T 9704 7.3.5.2, in characters from the right edge (as the PDF does)
            signer_right = 2.0
            day_right = signer_em - day_em  # the date starts two characters right of 署名
            if day_right < 2.0:
                day_right = 2.0
                signer_right = 4.0 + day_em - signer_em
            blanks = 1
        for _ in range(blanks):
            self.paragraph(Style.BODY, indent=0).paragraph_format.keep_with_next = True
        if letter.copies_to or letter.issued_by:
            self.record()  # anchored here, on the signature's page
        signer = self.paragraph(Style.SIGNER)
        _indent_chars(signer._p.get_or_add_pPr(), right=max(0.0, signer_right))
        signer.paragraph_format.keep_with_next = True
        self.run(signer, letter.signer)
        dated = self.paragraph(Style.DATE)
        _indent_chars(dated._p.get_or_add_pPr(), right=day_right)
        self.run(dated, day)
        if letter.remark:
            dated.paragraph_format.keep_with_next = True
            self.run(self.paragraph(Style.REMARK), f"（{letter.remark}）")

    def record(self) -> None:
        """版记: one frame a line, fixed to the last lines of the text block (the last rule on
        its lower edge), so it sits at the foot of the page the signature is on."""
        letter = self.letter
        size = g.RECORD_SIZE
        lines: list[tuple[str, float, float]] = []  # text, left indent, hanging (points)
        if letter.copies_to:
            text = "抄送：" + "，".join(letter.copies_to) + "。"
            room = g.BLOCK_WIDTH / size - 2  # one character in from each side
            count = len(break_lines(text, [em_width(c) for c in text], room, room - 3))
            lines.append((text, 4 * size, 3 * size))
            heights = [count]
        else:
            heights = []
        if letter.issued_by:
            day = date_text(letter.issued_on or letter.signed_on)
            lines.append((f"{letter.issued_by}\t{day}印发", size, 0.0))
            heights.append(1)
        top = g.LINES - sum(heights)
        for i, ((text, left, hanging), height) in enumerate(zip(lines, heights, strict=True)):
            paragraph = self.paragraph(Style.RECORD)
            fmt = paragraph.paragraph_format
            fmt.left_indent, fmt.right_indent = Pt(left), Pt(size)
            fmt.first_line_indent = Pt(-hanging)
            if "\t" in text:
                stop = Pt(g.BLOCK_WIDTH - size)
                fmt.tab_stops.add_tab_stop(stop, WD_TAB_ALIGNMENT.RIGHT)
            fmt.keep_with_next = True
            self.run(paragraph, text, size=size)
            p_pr = paragraph._p.get_or_add_pPr()
            frame = OxmlElement("w:framePr")
            for key, value in (
                ("w:w", str(g.twips(g.BLOCK_WIDTH))),
                ("w:h", str(height * g.LINE_PITCH_TWIPS)),
                ("w:hRule", "exact"),
                ("w:wrap", "notBeside"),
                ("w:vAnchor", "margin"),
                ("w:hAnchor", "margin"),
                ("w:xAlign", "center"),
                ("w:y", str(top * g.LINE_PITCH_TWIPS)),
            ):
                frame.set(qn(key), value)
            _after(p_pr, frame, _ORDER[: _ORDER.index("w:framePr")])
            borders = OxmlElement("w:pBdr")
            if i == 0:
                borders.append(_border("top", g.THICK_RULE))
            last = i == len(lines) - 1
            borders.append(_border("bottom", g.THICK_RULE if last else g.THIN_RULE))
            _after(p_pr, borders, _ORDER[: _ORDER.index("w:pBdr")])
            top += height

    def table(self, block: TableBlock) -> None:
        """A ruled table in 宋体, its columns as the shares say, the header row repeated on
        each page, rows as high as in the PDF (at least) so it ends on the grid."""
        table = self.document.add_table(rows=1 + len(block.rows), cols=len(block.header))
        table.style = self.document.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        widths = [Pt(w) for w in tables.column_widths(block)]
        tbl_pr = table._tbl.tblPr
        width = tbl_pr.find(qn("w:tblW"))
        width.set(qn("w:type"), "dxa")
        width.set(qn("w:w"), str(g.twips(g.BLOCK_WIDTH)))
        margins = OxmlElement("w:tblCellMar")
        for side, value in (("top", tables.PAD_Y), ("left", tables.PAD_X),
                            ("bottom", tables.PAD_Y), ("right", tables.PAD_X)):  # fmt: skip
            margin = OxmlElement(f"w:{side}")
            margin.set(qn("w:w"), str(g.twips(value)))
            margin.set(qn("w:type"), "dxa")
            margins.append(margin)
        look = tbl_pr.find(qn("w:tblLook"))  # w:tblCellMar comes just before it
        if look is None:
            tbl_pr.append(margins)
        else:
            look.addprevious(margins)
        for column, w in zip(table.columns, widths, strict=True):
            column.width = w
        centred = tables.centred_columns(block)
        heights = [r.height for r in tables.rows(block, self.fonts[FontRole.TABLE])]
        heights[-1] += tables.whole_lines(heights) * g.LINE_PITCH - sum(heights)
        for r, values in enumerate((block.header, *block.rows)):
            row = table.rows[r]
            row.height = Pt(heights[r])
            row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
            if r == 0:
                _on(row._tr.get_or_add_trPr(), "w:tblHeader")
            if heights[r] < g.BLOCK_HEIGHT / 2:  # a taller row must be able to break
                _on(row._tr.get_or_add_trPr(), "w:cantSplit")
            for c, cell in enumerate(row.cells):
                cell.width = widths[c]
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
                paragraph = cell.paragraphs[0]
                paragraph.style = self.document.styles[Style.TABLE]
                if r == 0 or c in centred:
                    paragraph.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
                self.run(paragraph, values[c] if c < len(values) else "", FontRole.TABLE)


def _breaks_in_last_paragraphs(document: DocumentObject) -> None:
    """python-docx ends a section with an empty paragraph holding its w:sectPr; that paragraph
    takes a line and could spill onto a page of its own, so the break moves into the letter's
    last paragraph, as Word writes it."""
    body = document.element.body
    for p_pr in body.xpath("./w:p/w:pPr[w:sectPr]"):
        paragraph = p_pr.getparent()
        previous = paragraph.getprevious()
        if paragraph.xpath("./w:r") or previous is None or previous.tag != qn("w:p"):
            continue
        target = previous.get_or_add_pPr()
        if target.find(qn("w:sectPr")) is not None:
            continue
        target.append(p_pr.find(qn("w:sectPr")))
        body.remove(paragraph)


# --- XML helpers ------------------------------------------------------------------------------


def name_fonts(r_pr, family: str) -> None:  # noqa: ANN001 - a w:rPr element
    """Name `family` for Latin and East Asian text alike (Word picks w:eastAsia for Chinese
    characters), dropping theme fonts, which would win over the names."""
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        _after(r_pr, fonts, _R_ORDER[: _R_ORDER.index("w:rFonts")])
    for key in list(fonts.attrib):
        del fonts.attrib[key]  # theme fonts (w:asciiTheme…) would win over the names
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), family)
    fonts.set(qn("w:hint"), "eastAsia")


def _tracking(r_pr, twips: int) -> None:  # noqa: ANN001 - a w:rPr element
    """Character spacing (w:spacing in a run's properties) in twentieths of a point."""
    spacing = r_pr.find(qn("w:spacing"))
    if spacing is None:
        spacing = OxmlElement("w:spacing")
        _after(r_pr, spacing, _R_ORDER[: _R_ORDER.index("w:spacing")])
    spacing.set(qn("w:val"), str(twips))


def _indent_chars(
    p_pr,  # noqa: ANN001 - a w:pPr element
    first: float | None = None,
    left: float | None = None,
    hanging: float | None = None,
    right: float | None = None,
) -> None:
    """Indents in characters (w:…Chars, hundredths of a character) with their twips beside,
    as Word writes them."""
    ind = p_pr.find(qn("w:ind"))
    if ind is None:
        ind = OxmlElement("w:ind")
        _after(p_pr, ind, _BEFORE_IND)
    pitch = g.CHAR_PITCH
    if first is not None:
        for key in ("w:hanging", "w:hangingChars"):
            ind.attrib.pop(qn(key), None)
        ind.set(qn("w:firstLineChars"), str(round(first * 100)))
        ind.set(qn("w:firstLine"), str(g.twips(first * pitch)))
    if hanging is not None:
        for key in ("w:firstLine", "w:firstLineChars"):
            ind.attrib.pop(qn(key), None)
        ind.set(qn("w:hangingChars"), str(round(hanging * 100)))
        ind.set(qn("w:hanging"), str(g.twips(hanging * pitch)))
    if left is not None:
        ind.set(qn("w:leftChars"), str(round(left * 100)))
        ind.set(qn("w:left"), str(g.twips(left * pitch)))
    if right is not None:
        ind.set(qn("w:rightChars"), str(round(right * 100)))
        ind.set(qn("w:right"), str(g.twips(right * pitch)))


# w:pPr children come in a fixed order (ECMA-376 CT_PPrBase); these precede w:ind.
_BEFORE_IND = (
    "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
    "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs",
    "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct",
    "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
    "w:spacing",
)  # fmt: skip
_ORDER = (*_BEFORE_IND, "w:ind", "w:contextualSpacing", "w:mirrorIndents",
          "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
          "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
          "w:sectPr", "w:pPrChange")  # fmt: skip


# w:rPr children in schema order (ECMA-376 CT_RPr)
_R_ORDER = (
    "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps",
    "w:strike", "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof",
    "w:snapToGrid", "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern",
    "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd",
    "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
    "w:specVanish", "w:oMath",
)  # fmt: skip


def _after(parent, child, before: Sequence[str]) -> None:  # noqa: ANN001
    """Insert `child` after the last existing child whose tag is in `before`."""
    tags = {qn(tag) for tag in before}
    last = None
    for existing in parent:
        if existing.tag in tags:
            last = existing
    if last is None:
        parent.insert(0, child)
    else:
        last.addnext(child)


def _on(p_pr, tag: str, value: str | None = None) -> None:  # noqa: ANN001
    """Set the child `tag` of a w:pPr/w:trPr (in schema order for w:pPr)."""
    existing = p_pr.find(qn(tag))
    if existing is not None:
        p_pr.remove(existing)
    element = OxmlElement(tag)
    if value is not None:
        element.set(qn("w:val"), value)
    if p_pr.tag == qn("w:pPr") and tag in _ORDER:
        _after(p_pr, element, _ORDER[: _ORDER.index(tag)])
    else:
        p_pr.append(element)


def _border(side: str, width: float) -> BaseOxmlElement:
    element = OxmlElement(f"w:{side}")
    element.set(qn("w:val"), "single")
    element.set(qn("w:sz"), str(max(2, round(width * 8))))  # eighths of a point
    element.set(qn("w:space"), "1")
    element.set(qn("w:color"), "000000")
    return element


def _text(text: str) -> BaseOxmlElement:
    element = OxmlElement("w:t")
    element.text = text
    return element
