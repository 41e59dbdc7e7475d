"""发布目录: the folder the office puts on the government website's 规范性文件 column.

    index.html               the 现行有效目录 and the year's newly published documents, each
                             linking to its page, with the catalogs as Excel workbooks
    docs/<id>.html           one page per document: its numbers, dates, status and current text
    docs/<id>.pdf            its own PDF when the current text came from one, else the text
                             typeset (text_pdf); none when no text was entered (正文未录入)
    catalog-current.xlsx     现行有效目录, as published_catalog writes it (公布版)
    catalog-<year>.xlsx      the year's catalog (年度目录, 公布版)

Static pages only: UTF-8, inline CSS, no script, no resource from elsewhere, relative links,
readable on a phone. File names come from the document's numeric id, never from a title or an
attachment's name; every text from the register is escaped. What is listed, and the folder's
safety (written beside the target, swapped in whole), are app/services/publication.py's."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from app import clock
from app.errors import UserError
from app.reports import published_catalog, text_pdf
from app.reports.fonts import RoleFonts, role_fonts
from app.reports.page import chinese_date
from app.services import publication
from app.services.catalogs import CatalogRow
from app.services.fields import printable
from app.services.publication import Contents, PublishedText, PublishResult

Progress = Callable[[int, int], bool]
DOCS = "docs"
INDEX = "index.html"
CURRENT_XLSX = "catalog-current.xlsx"
NO_TEXT = "正文未录入。"
SCANNED = "正文为扫描件，请查看 PDF 文件。"


class Cancelled(UserError):
    def __init__(self) -> None:
        super().__init__("已取消发布。")


def annual_xlsx(year: int) -> str:
    return f"catalog-{year}.xlsx"


def publish(
    s: Session, folder: Path | str, day: date | None = None, progress: Progress | None = None
) -> PublishResult:
    """Write the publication of `day` (today by default) into `folder`: absent, empty or an
    earlier publication, which is replaced whole. Returns what was written."""
    day = day or clock.today()
    data = publication.contents(s, day)
    fonts = role_fonts(s)
    pages = data.documents
    total = len(pages) + 3
    written: list[str] = []
    warnings: list[str] = []
    without_text = 0
    with publication.staging(folder, day) as staged:
        docs = staged.work / DOCS
        publication.private_folder(docs)
        for done, row in enumerate(pages):
            _tick(progress, done, total)
            text = publication.text_of(s, row.id)
            has_pdf = _write_pdf(row, text, fonts, docs / f"{row.id}.pdf", warnings)
            if has_pdf:
                written.append(f"{DOCS}/{row.id}.pdf")
            elif text is None or not text.body:
                without_text += 1
            page = document_page(row, text if text and text.body else None, has_pdf, day)
            publication.write_private(docs / f"{row.id}.html", page.encode("utf-8"))
            written.append(f"{DOCS}/{row.id}.html")
        _tick(progress, len(pages), total)
        written += _workbooks(s, data, staged.work)
        _tick(progress, len(pages) + 2, total)
        publication.write_private(
            staged.work / INDEX, index_page(data, clock.today()).encode("utf-8")
        )
        written.append(INDEX)
    _tick(progress, total, total)
    return PublishResult(staged.folder, len(pages), without_text, sorted(written), warnings)


def _tick(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None and not progress(done, total):
        raise Cancelled()


def _write_pdf(
    row: CatalogRow,
    text: PublishedText | None,
    fonts: RoleFonts,
    target: Path,
    warnings: list[str],
) -> bool:
    """The document's own PDF if its text came from one, else its text typeset; False when it
    has neither (no text, or a scan whose file is lost)."""
    if text is None:
        return False
    if text.pdf_sha256 is not None:
        if publication.copy_official_pdf(text, target):
            return True
        warnings.append(
            f"《{printable(row.title)}》的正文文件“{printable(text.file_name or '')}”已丢失或被改动"
            f"（请运行完整性检查并从备份恢复），{'已按正文文字生成 PDF' if text.body else '未发布正文'}。"
        )
    if not text.body:
        return False
    text_pdf.write(row.title, "\n".join(text.paragraphs()), fonts, target)
    publication.make_private(target)
    return True


def _workbooks(s: Session, data: Contents, folder: Path) -> list[str]:
    files = []
    for kind, year, name in (
        ("current", None, CURRENT_XLSX),
        ("annual", data.year, annual_xlsx(data.year)),
    ):
        catalog = published_catalog.published(s, kind, publication.catalog_filter(year), data.day)
        published_catalog.write_xlsx(catalog, folder / name)
        publication.make_private(folder / name)
        files.append(name)
    return files


# --- pages ---------------------------------------------------------------------------------------
def _e(text: object) -> str:
    return html.escape(printable(str(text)), quote=True)


def _day(value: date | None) -> str:
    return value.isoformat() if value else "—"


def _status(row: CatalogRow) -> str:
    if row.ended_on is not None:
        return f"{row.status_label}（自{chinese_date(row.ended_on)}起）"
    return row.status_label


STYLE = """
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:#eef1f5;color:#1d2129;line-height:1.7;
font-family:"Microsoft YaHei","PingFang SC","Hiragino Sans GB","Noto Sans CJK SC",
"Source Han Sans SC","WenQuanYi Micro Hei",sans-serif;font-size:16px}
main{max-width:1120px;margin:0 auto;background:#fff;padding:24px 32px 32px;min-height:100vh}
main.doc{max-width:880px}
header{border-bottom:3px solid #a8201a;margin-bottom:20px;padding-bottom:12px}
h1{color:#a8201a;font-size:26px;line-height:1.4;margin:0 0 6px}
h2{font-size:20px;margin:28px 0 8px;padding-left:10px;border-left:4px solid #a8201a}
a{color:#0b4f9c;text-decoration:none}
a:hover,a:focus{text-decoration:underline}
.meta-line{color:#5c6370;font-size:14px;margin:0}
nav.toc{display:flex;flex-wrap:wrap;gap:8px 20px;margin:0 0 8px;font-size:15px}
.note{color:#5c6370;font-size:14px;margin:4px 0 10px}
.download{display:inline-block;border:1px solid #0b4f9c;border-radius:4px;padding:1px 10px;
font-size:14px;margin-left:8px;white-space:nowrap}
table{width:100%;border-collapse:collapse;font-size:15px}
th,td{border:1px solid #d6dae0;padding:7px 9px;text-align:left;vertical-align:top}
th{background:#f3f5f8;font-weight:600;white-space:nowrap}
td.c{text-align:center;white-space:nowrap}
td.d{white-space:nowrap}
tbody tr:nth-child(even){background:#fafbfc}
.empty{color:#5c6370;text-align:center}
footer{margin-top:32px;border-top:1px solid #d6dae0;padding-top:10px;color:#5c6370;font-size:13px}
.back{font-size:15px}
.doc-title{color:#1d2129;text-align:center;font-size:24px;margin:16px 0 18px}
table.facts th{width:8em;text-align:right}
.text{margin-top:8px;font-size:17px;line-height:1.9}
.text p{text-indent:2em;margin:0 0 .55em;text-align:justify;overflow-wrap:anywhere}
.pdf{margin:10px 0 14px}
.pdf .download{margin-left:0}
.missing{color:#5c6370;border:1px dashed #c3c8cf;padding:14px;text-align:center}
@media (max-width:700px){
body{font-size:15px}
main{padding:14px 14px 24px}
h1{font-size:21px}
h2{font-size:18px}
.doc-title{font-size:20px}
table.list,table.list tbody,table.list tr,table.list td{display:block;width:100%}
table.list thead{display:none}
table.list tr{border:1px solid #d6dae0;border-radius:6px;margin:0 0 10px;padding:6px 10px;
background:#fff}
table.list td{border:0;padding:1px 0;text-align:left;white-space:normal}
table.list td[data-label]::before{content:attr(data-label) "：";color:#5c6370}
table.list td.t{font-size:16px;font-weight:600;margin-bottom:2px}
table.list td.n{display:none}
table.facts th{width:5.5em}
.text{font-size:16px}
}
@media print{body{background:#fff}main{max-width:none;padding:0}.download,nav{display:none}}
"""


def _document(title: str, body: str, kind: str = "") -> str:
    main_class = f' class="{kind}"' if kind else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        # Nothing but this page's own style may load or run, whatever a title might hold.
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{_e(title)}</title>\n<style>{STYLE}</style>\n</head>\n"
        f"<body>\n<main{main_class}>\n{body}</main>\n</body>\n</html>\n"
    )


Column = tuple[str, str, Callable[[int, CatalogRow], str]]  # header, cell class, cell html


def _link(row: CatalogRow) -> str:
    return f'<a href="{DOCS}/{row.id}.html">{_e(row.title)}</a>'


CURRENT_COLUMNS: Sequence[Column] = (
    ("序号", "c n", lambda n, r: str(n)),
    ("文件名称", "t", lambda n, r: _link(r)),
    ("发文字号", "d", lambda n, r: _e(r.doc_number or "—")),
    ("制定机关", "", lambda n, r: _e(r.issuer_name)),
    ("公布日期", "c", lambda n, r: _day(r.published)),
    ("有效期至", "c", lambda n, r: _day(r.valid_until)),
)
ANNUAL_COLUMNS: Sequence[Column] = (
    *CURRENT_COLUMNS[:5],
    ("状态", "c", lambda n, r: _e(r.status_label)),
)


def _table(rows: Iterable[CatalogRow], columns: Sequence[Column]) -> str:
    head = "".join(f"<th>{header}</th>" for header, _cls, _cell in columns)
    cells = []
    for n, row in enumerate(rows, 1):
        tds = []
        for header, cls, cell in columns:
            label = "" if cls.startswith("t") else f' data-label="{header}"'
            klass = f' class="{cls}"' if cls else ""
            tds.append(f"<td{klass}{label}>{cell(n, row)}</td>")
        cells.append(f"<tr>{''.join(tds)}</tr>")
    if not cells:
        cells.append(f'<tr><td class="empty" colspan="{len(columns)}">暂无。</td></tr>')
    body = "\n".join(cells)
    return f'<table class="list">\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>\n'


def heading(data: Contents) -> str:
    return f"{data.office}行政规范性文件"


def index_page(data: Contents, generated_on: date) -> str:
    """The index; `generated_on` is the day it is written (data.day may be an earlier one)."""
    title = heading(data)
    day = chinese_date(data.day)
    generated = f"生成日期：{chinese_date(generated_on)}"
    if generated_on != data.day:
        generated += f"（按{day}的情况）"
    year = data.year
    body = f"""<header>
<h1>{_e(title)}</h1>
<p class="meta-line">{generated}</p>
</header>
<nav class="toc"><a href="#current">现行有效目录（{len(data.current)} 件）</a>\
<a href="#annual">{year}年公布的文件（{len(data.annual)} 件）</a></nav>
<section id="current">
<h2>现行有效行政规范性文件目录</h2>
<p class="note">截至{day}，共 {len(data.current)} 件。\
<a class="download" href="{CURRENT_XLSX}">下载目录（Excel）</a></p>
{_table(data.current, CURRENT_COLUMNS)}</section>
<section id="annual">
<h2>{year}年公布的行政规范性文件</h2>
<p class="note">{year}年1月1日至{day}公布，共 {len(data.annual)} 件。\
<a class="download" href="{annual_xlsx(year)}">下载{year}年度目录（Excel）</a></p>
{_table(data.annual, ANNUAL_COLUMNS)}</section>
<footer>本页所列为截至{day}的情况；文件的效力以制定机关公布的正式文本为准。</footer>
"""
    return _document(title, body)


def _facts(row: CatalogRow) -> str:
    facts = (
        ("发文字号", row.doc_number or "—"),
        ("登记编号", row.reg_number or "—"),
        ("制定机关", row.issuer_name or "—"),
        ("公布日期", _day(row.published)),
        ("施行日期", _day(row.effective)),
        ("有效期至", _day(row.valid_until)),
        ("状态", _status(row)),
    )
    lines = "\n".join(f"<tr><th>{label}</th><td>{_e(value)}</td></tr>" for label, value in facts)
    return f'<table class="facts">\n{lines}\n</table>\n'


def _text(row: CatalogRow, text: PublishedText | None, has_pdf: bool) -> str:
    pdf = (
        f'<p class="pdf"><a class="download" href="{row.id}.pdf">下载正文（PDF）</a></p>\n'
        if has_pdf
        else ""
    )
    if text is None:
        note = SCANNED if has_pdf else NO_TEXT
        return f'{pdf}<p class="missing">{note}</p>\n'
    paragraphs = "\n".join(f"<p>{_e(paragraph)}</p>" for paragraph in text.paragraphs())
    return f'{pdf}<div class="text">\n{paragraphs}\n</div>\n'


def document_page(row: CatalogRow, text: PublishedText | None, has_pdf: bool, day: date) -> str:
    """One document's page; `text` None when it has no text to show (`has_pdf`: a scan)."""
    body = f"""<p class="back"><a href="../{INDEX}">← 返回目录</a></p>
<h1 class="doc-title">{_e(row.title)}</h1>
{_facts(row)}<h2>正文</h2>
{_text(row, text, has_pdf)}<footer>以上为{chinese_date(day)}的情况；文件的效力以制定机关公布的正式文本为准。</footer>
"""
    return _document(row.title, body, "doc")
