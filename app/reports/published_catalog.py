"""公布版目录: the 年度目录 and 现行有效目录 in the form offices publish them on the government
website: 序号, 文件名称, 发文字号, 公布日期, 有效期至 only, the title ("河清市民政局2026年度行政规范性
文件目录") in the TITLE role's font (小标宋), the table in the TABLE role's (宋体), A4 upright,
without the program's running header or print date, page numbers "— 1 —" at the foot. One set of
rows, three files: PDF, an editable .docx and a workbook."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from app import clock
from app.atomic_files import replacing
from app.errors import UserError
from app.reports.fonts import FontRole, RoleFonts, role_fonts
from app.reports.workbook import Field, write_sheet
from app.services.catalogs import KINDS as CATALOGS
from app.services.catalogs import PUBLISHABLE, CatalogFilter, catalog

if TYPE_CHECKING:
    from app.reports.page import Progress

HEADERS = ("序号", "文件名称", "发文字号", "公布日期", "有效期至")
SHARES = (8, 37, 21, 17, 17)  # of the text width, as the PDF and the .docx set the columns
ALIGNS = ("CENTER", "LEFT", "LEFT", "CENTER", "CENTER")
TABLE_SIZE = 10.5  # 五号
TITLE_SIZE = 22  # 2号
NOTE_SIZE = 14  # 4号
DOCX_MARGIN_MM = 25


@dataclass(frozen=True)
class PublishedCatalog:
    title: str  # 河清市民政局2026年度行政规范性文件目录
    note: str  # under the title: （截至2026年12月1日） for the current catalog, else empty
    rows: list[tuple[int, str, str, date | None, date | None]]

    def texts(self) -> list[list[str]]:
        return [[str(n), title, number, _day(p), _day(v)] for n, title, number, p, v in self.rows]


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def published(s: Session, kind: str, f: CatalogFilter, today: date) -> PublishedCatalog:
    """The catalog's documents in its usual order, titled for publication after the issuing
    body (the chosen issuer, else the office)."""
    if kind not in PUBLISHABLE:
        names = "、".join(CATALOGS[k].title for k in PUBLISHABLE)
        raise UserError(f"公布版：只有{names}有公布版。", field="目录类型")
    data = catalog(s, kind, f, today)
    body = data.header if f.issuer_code else _region(s) or data.header
    if kind == "annual":
        title = f"{body}{f.year}年度行政规范性文件目录"
        note = ""
    else:
        title = f"{body}现行有效行政规范性文件目录"
        note = f"（截至{today.year}年{today.month}月{today.day}日）"
    rows = [
        (n, r.title, r.doc_number, r.published, r.valid_until) for n, r in enumerate(data.rows, 1)
    ]
    return PublishedCatalog(title, note, rows)


def _region(s: Session) -> str:
    """The place a catalog of every issuer is published for: the one people's government among
    the issuers, without 人民政府 (河清市人民政府 → 河清市), as such catalogs are titled."""
    from sqlalchemy import select

    from app.models import Issuer

    names = s.scalars(select(Issuer.name).where(Issuer.level == "government")).all()
    governments = [name for name in names if name.endswith(GOVERNMENT)]  # not its 办公室
    return governments[0].removesuffix(GOVERNMENT) if len(governments) == 1 else ""


GOVERNMENT = "人民政府"


# --- PDF ----------------------------------------------------------------------------------------
def pdf(
    s: Session, kind: str, f: CatalogFilter, target: Path, progress: Progress | None = None
) -> int:
    """Returns the page count."""
    return write_pdf(published(s, kind, f, clock.today()), role_fonts(s), target, progress)


def write_pdf(
    data: PublishedCatalog, fonts: RoleFonts, target: Path, progress: Progress | None = None
) -> int:
    from reportlab.lib.units import mm
    from reportlab.platypus import Flowable, Paragraph, Spacer

    from app.reports import page as pages

    page = pages.Page(data.title, "", clock.today(), fonts=fonts, running=False)
    head: list[Flowable] = [
        Paragraph(
            pages.escape(data.title),
            pages.style(TITLE_SIZE, TITLE_SIZE * 1.45, align=1, font=page.title_font),
        )
    ]
    if data.note:
        head.append(Paragraph(data.note, pages.style(NOTE_SIZE, 22, align=1, font=page.table_font)))
    head.append(Spacer(1, 6 * mm))
    columns = [pages.Column(h, w, a) for h, w, a in zip(HEADERS, SHARES, ALIGNS, strict=True)]
    used = pages.measure(head, page)
    page.story = head + pages.table(columns, data.texts(), page, used, progress, size=TABLE_SIZE)
    return pages.build(page, target)


# --- Word ---------------------------------------------------------------------------------------
def docx(s: Session, kind: str, f: CatalogFilter, target: Path) -> None:
    write_docx(published(s, kind, f, clock.today()), role_fonts(s), target)


def write_docx(data: PublishedCatalog, fonts: RoleFonts, target: Path) -> None:
    """An editable copy: A4 upright, the title in the TITLE role's family and the table in the
    TABLE role's, each named for East Asian text too (w:eastAsia) so Word and WPS use them for
    Chinese; a ruled table whose header row repeats on every page; "— 1 —" in the footer."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.table import WD_ALIGN_VERTICAL, WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    from app.reports.gongwen.docx import name_fonts

    table_family = fonts[FontRole.TABLE].family
    title_family = fonts[FontRole.TITLE].family
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, side, Mm(DOCX_MARGIN_MM))
    normal = doc.styles["Normal"]
    name_fonts(normal.element.get_or_add_rPr(), table_family)
    normal.font.size = Pt(TABLE_SIZE)

    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(title, data.title, title_family, TITLE_SIZE)
    if data.note:
        note = doc.add_paragraph()
        note.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(note, data.note, table_family, NOTE_SIZE)

    width = 210 - 2 * DOCX_MARGIN_MM
    widths = [Mm(width * share / sum(SHARES)) for share in SHARES]
    rows = data.texts()
    table = doc.add_table(rows=1 + len(rows), cols=len(HEADERS))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _rule(table)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width  # the grid LibreOffice and WPS lay out by; cells carry it for Word
    for r, values in enumerate([list(HEADERS), *rows]):
        row = table.rows[r]
        _row_flags(row, header=r == 0)
        for c, (cell, text) in enumerate(zip(row.cells, values, strict=True)):
            cell.width = widths[c]
            cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
            paragraph = cell.paragraphs[0]
            if r == 0 or ALIGNS[c] == "CENTER":
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _run(paragraph, text, table_family, TABLE_SIZE, bold=r == 0)
    _page_numbers(section.footer.paragraphs[0], table_family)
    with replacing(target) as part:
        doc.save(str(part))


def _run(paragraph: Any, text: str, family: str, size: float, bold: bool = False) -> Any:
    from docx.shared import Pt

    from app.reports.gongwen.docx import name_fonts
    from app.services.fields import printable

    run = paragraph.add_run(printable(text))
    run.font.size = Pt(size)
    run.font.bold = bold
    name_fonts(run._element.get_or_add_rPr(), family)
    return run


def _rule(table: Any) -> None:
    """Single black lines round every cell (not left to a template's table style)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{edge}")
        for key, value in (("val", "single"), ("sz", "4"), ("space", "0"), ("color", "000000")):
            line.set(qn(f"w:{key}"), value)
        borders.append(line)
    table._tbl.tblPr.append(borders)


def _row_flags(row: Any, header: bool) -> None:
    """A row never splits across pages; the header row repeats on each page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))
    if header:
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        properties.append(repeat)


def _page_numbers(paragraph: Any, family: str) -> None:
    """— N — centred in 4号, N a PAGE field."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(paragraph, "— ", family, NOTE_SIZE)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    paragraph._p.append(field)
    number = _run(paragraph, "1", family, NOTE_SIZE)
    field.append(number._element)  # the run moves inside the field as its shown result
    _run(paragraph, " —", family, NOTE_SIZE)


# --- Excel --------------------------------------------------------------------------------------
FIELDS: Sequence[Field] = (
    Field("序号", 6, lambda r: r[0]),
    Field("文件名称", 40, lambda r: r[1]),
    Field("发文字号", 20, lambda r: r[2]),
    Field("公布日期", 12, lambda r: r[3]),
    Field("有效期至", 12, lambda r: r[4]),
)


def xlsx(
    s: Session, kind: str, f: CatalogFilter, target: Path, progress: Progress | None = None
) -> int:
    """Returns the number of rows written."""
    return write_xlsx(published(s, kind, f, clock.today()), target, progress)


def write_xlsx(data: PublishedCatalog, target: Path, progress: Progress | None = None) -> int:
    notes = [data.note] if data.note else []
    return write_sheet(
        target,
        "行政规范性文件目录",
        FIELDS,
        data.rows,
        len(data.rows),
        progress,
        notes,
        landscape=False,
        widest=44,
        heading=data.title,
    )
