"""The plain text of a document's official text (正文), from the .docx, .pdf, .ofd (GB/T 33190)
or .txt file the clerk attaches, to keep and search.

Every file is read in bounded memory: at most MAX_FILE_BYTES on disk and, for the zip-based
.docx and .ofd, at most MAX_UNZIPPED_BYTES unpacked. Anything a file can do wrong is a UserError
naming the file; a PDF or OFD of scanned pages is not an error but `Extracted.scanned`, so the
caller can keep the file and tell the clerk why there is no text (scanned_note)."""

from __future__ import annotations

import math
import posixpath
import re
import stat
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, BinaryIO

from app import pdfium
from app.errors import UserError


class TextFormat(StrEnum):
    DOCX = "docx"
    PDF = "pdf"
    OFD = "ofd"
    TXT = "txt"


FORMAT_LABELS = {
    TextFormat.DOCX: "Word 文档（.docx）",
    TextFormat.PDF: "PDF 文件",
    TextFormat.OFD: "OFD 文件",
    TextFormat.TXT: "文本文件",
}
SUPPORTED_SUFFIXES = frozenset(f".{fmt}" for fmt in TextFormat)
MAX_FILE_BYTES = 100 * 2**20
MAX_UNZIPPED_BYTES = 300 * 2**20  # all members of one .docx or .ofd together
MIN_PAGE_CHARS = 10  # a page with fewer non-space characters is taken as an image (a scan)
LINE_TOLERANCE = 1.0  # mm: OFD TextCodes whose baselines differ by less are on one line
CHUNK = 1 << 20
OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BLANK_RUN = re.compile(r"\n{3,}")
_PAGE_NUMBER = re.compile(r"\s*[—–\-－─]{1,2}\s*\d{1,4}\s*[—–\-－─]{1,2}\s*")
_DRIVE = re.compile(r"^[A-Za-z]:")
# A failing zip member read: damaged data, an unsupported method, an encrypted member.
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError)


@dataclass(frozen=True)
class Extracted:
    text: str  # normalised plain text, paragraphs separated by "\n"
    fmt: TextFormat
    pages: int | None  # PDF/OFD page count; None for docx/txt
    scanned: bool  # a PDF/OFD with pages but no text layer; its text is then ""


def format_of(path: Path) -> TextFormat:
    suffix = Path(path).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UserError(_unsupported_message(Path(path).name, suffix))
    return TextFormat(suffix[1:])


def extract(path: Path) -> Extracted:
    """The text of the file at `path`, read as its suffix says; a UserError naming the file
    for anything wrong with it, and for a file with no text that is not a scan."""
    path = Path(path)
    fmt = format_of(path)
    _check_file(path)
    try:
        extracted = _READERS[fmt](path)
    except OSError as exc:
        raise UserError(f"正文文件“{path.name}”无法读取：{exc.strerror or exc}。") from None
    if not extracted.text and not extracted.scanned:
        raise UserError(f"正文文件“{path.name}”中没有可提取的文字。")
    return extracted


def scanned_note(ex: Extracted) -> str | None:
    return scan_note(ex.fmt) if ex.scanned else None


def scan_note(fmt: str) -> str:
    """What the clerk is told of a scan of this format (a stored text's `fmt` as well)."""
    kind = fmt.upper()
    return f"该 {kind} 文件是扫描件，没有文字层，无法提取正文；请另附 Word 或文字版 {kind}。"


def normalise(text: str) -> str:
    """One line break ("\\n"), no control characters but tabs, no trailing spaces, at most one
    blank line in a row and none at either end. Full-width characters are kept as they are."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    text = _CONTROL.sub("", text)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return _BLANK_RUN.sub("\n\n", text).strip("\n")


def _unsupported_message(name: str, suffix: str) -> str:
    kind = f"“{suffix}”格式" if suffix else "没有扩展名的文件"
    hint = ""
    if suffix in (".doc", ".wps", ".rtf"):
        hint = "请在 Word 或 WPS 中另存为 .docx 后再附。"
    return f"正文文件“{name}”是{kind}，无法提取正文：只支持 .docx、.pdf、.ofd 和 .txt 文件。{hint}"


def _check_file(path: Path) -> None:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise UserError(f"找不到正文文件“{path.name}”。") from None
    except OSError as exc:
        raise UserError(f"正文文件“{path.name}”无法读取：{exc.strerror or exc}。") from None
    if not stat.S_ISREG(info.st_mode):
        raise UserError(f"“{path.name}”不是普通文件，无法提取正文。")
    if info.st_size > MAX_FILE_BYTES:
        raise _too_big(path)


def _too_big(path: Path) -> UserError:
    return UserError(
        f"正文文件“{path.name}”超过 {MAX_FILE_BYTES // 2**20} MB 的上限，无法提取正文。"
    )


# --- zip containers (.docx, .ofd) -------------------------------------------------------------


class _Archive:
    """A zip read with one budget of unpacked bytes for all its members: the sizes the archive
    declares are checked first, and reading stops as soon as the bytes actually unpacked pass
    the budget (a member read again, as by pages sharing one content, counts again)."""

    def __init__(self, zf: zipfile.ZipFile, name: str, fmt: TextFormat) -> None:
        self.zf = zf
        self.name = name
        self.fmt = fmt
        self.left = MAX_UNZIPPED_BYTES
        if sum(info.file_size for info in zf.infolist()) > MAX_UNZIPPED_BYTES:
            raise self.too_big()

    def too_big(self) -> UserError:
        return UserError(
            f"正文文件“{self.name}”解压后超过 {MAX_UNZIPPED_BYTES // 2**20} MB，"
            "可能是恶意构造的文件，已拒绝读取。"
        )

    def damaged(self, why: str = "文件已损坏或不完整") -> UserError:
        return UserError(f"正文文件“{self.name}”不是有效的 {FORMAT_LABELS[self.fmt]}：{why}。")

    def read(self, member: str) -> bytes:
        parts: list[bytes] = []
        try:
            with self.zf.open(member) as f:
                while chunk := f.read(min(CHUNK, self.left + 1)):
                    self.left -= len(chunk)
                    if self.left < 0:
                        raise self.too_big()
                    parts.append(chunk)
        except _ZIP_ERRORS:
            raise self.damaged() from None
        return b"".join(parts)

    def read_all(self) -> None:
        """Unpack every member once (and drop it), for a reader that opens the zip itself."""
        for info in self.zf.infolist():
            if not info.is_dir():
                self.read(info.filename)

    def has(self, member: str) -> bool:
        try:
            self.zf.getinfo(member)
        except KeyError:
            return False
        return True

    def resolve(self, base: str, location: str) -> str:
        """The member a location in the file names: relative to the folder `base`, or from the
        root of the zip when it starts with "/". A location that would lead out of the zip is
        refused: it is never a legitimate part of a document."""
        location = location.strip()
        if "\\" in location or "\0" in location or _DRIVE.match(location):
            raise self.unsafe(location)
        joined = location if location.startswith("/") else posixpath.join(base, location)
        member = posixpath.normpath(joined.lstrip("/"))
        if member == ".." or member.startswith("../") or member.startswith("/"):
            raise self.unsafe(location)
        return member

    def unsafe(self, location: str) -> UserError:
        return UserError(
            f"正文文件“{self.name}”中的路径“{location[:80]}”指向文件之外，已拒绝读取。"
        )

    def xml(self, member: str) -> Any:
        from lxml import etree

        parser = etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
        )
        try:
            return etree.fromstring(self.read(member), parser)
        except (etree.XMLSyntaxError, ValueError):
            raise self.damaged(f"{member} 不是有效的 XML") from None


@contextmanager
def _archive(f: BinaryIO, name: str, fmt: TextFormat) -> Iterator[_Archive]:
    try:
        zf = zipfile.ZipFile(f)
    except (*_ZIP_ERRORS, ValueError):
        f.seek(0)
        if fmt is TextFormat.DOCX and f.read(len(OLE_MAGIC)) == OLE_MAGIC:
            raise UserError(
                f"正文文件“{name}”是加密的 Word 文档或旧版 Word 97-2003 文档（.doc），"
                "请在 Word 或 WPS 中去除密码并另存为 .docx 后再附。"
            ) from None
        raise UserError(
            f"正文文件“{name}”不是有效的 {FORMAT_LABELS[fmt]}：文件已损坏或不完整，"
            "或只是改了扩展名。"
        ) from None
    with zf:
        yield _Archive(zf, name, fmt)


# --- .docx ------------------------------------------------------------------------------------


def _read_docx(path: Path) -> Extracted:
    import docx  # python-docx and lxml load on the first text read, not at start-up

    with path.open("rb") as f, _archive(f, path.name, TextFormat.DOCX) as archive:
        # python-docx unpacks with zipfile, which never yields more than a member's declared
        # size; unpacking once here also meets a damaged member before python-docx does.
        archive.read_all()
        f.seek(0)
        # python-docx raises many kinds for a damaged or odd package, some only when an
        # element's attributes are read, so the walk is inside too
        try:
            body = docx.Document(f).element.body
            lines = None if body is None else list(_docx_lines(body))
        except Exception:
            raise archive.damaged("文件已损坏，或不是 Word 文档") from None
        if lines is None:
            raise archive.damaged("缺少文档主体（w:body）")
    return Extracted(normalise("\n".join(lines)), TextFormat.DOCX, None, False)


def _docx_lines(body: Any) -> Iterator[str]:
    """Body paragraphs and table rows in document order; a table row is one line, its cells
    joined by a tab, a cell's paragraphs by a space. Headers and footers are not in the body."""
    from docx.oxml.ns import qn

    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            if child.text.strip():
                yield child.text
        elif child.tag == qn("w:tbl"):
            for row in child.iterchildren(qn("w:tr")):
                cells = [_docx_cell(cell) for cell in row.iterchildren(qn("w:tc"))]
                if any(cells):
                    yield "\t".join(cells)


def _docx_cell(tc: Any) -> str:
    from docx.oxml.ns import qn

    if tc.vMerge == "continue":  # a vertically merged cell's text is in the row above
        return ""
    return " ".join(text for p in tc.iter(qn("w:p")) if (text := p.text.strip()))


# --- .pdf -------------------------------------------------------------------------------------


def _read_pdf(path: Path) -> Extracted:
    # From an open file rather than its path: PDFium's own file opening may not take a
    # Chinese file name on Windows.
    import pypdfium2  # loaded on first use, not at start-up (as the preview does)

    with path.open("rb") as f, pdfium.LOCK:
        pdf = _open_pdf(f, path.name)
        try:
            pages = [_pdf_page_text(pdf, index) for index in range(len(pdf))]
        except pypdfium2.PdfiumError:
            raise _damaged_pdf(path.name) from None
        finally:
            pdf.close()
    return _paged(pages, TextFormat.PDF)


def _open_pdf(f: BinaryIO, name: str) -> Any:
    import pypdfium2

    try:
        return pypdfium2.PdfDocument(f)
    except pypdfium2.PdfiumError as exc:
        if exc.err_code == pypdfium2.raw.FPDF_ERR_PASSWORD:
            raise UserError(
                f"正文文件“{name}”是加密的 PDF，需要密码才能打开，无法提取正文；"
                "请另附未加密的版本。"
            ) from None
        if exc.err_code == pypdfium2.raw.FPDF_ERR_SECURITY:
            raise UserError(
                f"正文文件“{name}”的 PDF 加密方式不受支持，无法提取正文；请另附未加密的版本。"
            ) from None
        raise _damaged_pdf(name) from None


def _pdf_page_text(pdf: Any, index: int) -> str:
    page = pdf[index]
    try:
        textpage = page.get_textpage()
        try:
            return str(textpage.get_text_range())
        finally:
            textpage.close()
    finally:
        page.close()


def _damaged_pdf(name: str) -> UserError:
    return UserError(f"正文文件“{name}”不是有效的 PDF 文件：文件已损坏或不完整，或只是改了扩展名。")


def _paged(pages: list[str], fmt: TextFormat) -> Extracted:
    """The text of a PDF or OFD from its pages' texts: none when every page is an image."""
    texts = [_without_page_numbers(normalise(page)) for page in pages]
    scanned = bool(texts) and all(
        sum(not c.isspace() for c in text) < MIN_PAGE_CHARS for text in texts
    )
    text = "" if scanned else normalise("\n".join(texts))
    return Extracted(text, fmt, len(pages), scanned)


def _without_page_numbers(text: str) -> str:
    """Without the printed page numbers ("— 3 —", "- 3 -") of GB/T 9704 documents."""
    return "\n".join(line for line in text.split("\n") if not _PAGE_NUMBER.fullmatch(line))


# --- .ofd -------------------------------------------------------------------------------------


def _read_ofd(path: Path) -> Extracted:
    with path.open("rb") as f, _archive(f, path.name, TextFormat.OFD) as archive:
        if not archive.has("OFD.xml"):
            raise archive.damaged("缺少 OFD.xml")
        root = archive.xml("OFD.xml")
        doc_root = root.find("{*}DocBody/{*}DocRoot")
        if doc_root is None or not (doc_root.text or "").strip():
            raise archive.damaged("OFD.xml 中没有文档（DocBody/DocRoot）")
        doc_member = archive.resolve("", doc_root.text)
        if not archive.has(doc_member):
            raise archive.damaged(f"缺少文档 {doc_member}")
        document = archive.xml(doc_member)
        base = posixpath.dirname(doc_member)
        pages = []
        for number, page in enumerate(document.iterfind("{*}Pages/{*}Page"), 1):
            if not (page.get("BaseLoc") or "").strip():
                raise archive.damaged(f"第 {number} 页没有指明内容（BaseLoc）")
            member = archive.resolve(base, page.get("BaseLoc"))
            if not archive.has(member):
                raise archive.damaged(f"缺少第 {number} 页的内容 {member}")
            pages.append("\n".join(_ofd_lines(archive.xml(member))))
    return _paged(pages, TextFormat.OFD)


def _ofd_lines(content: Any) -> list[str]:
    """The page's TextCodes as lines: codes whose baselines (the TextObject's Boundary origin
    plus the code's Y) are within LINE_TOLERANCE join, left to right; a new baseline is a new
    line. A code without X or Y continues from the previous code's."""
    lines: list[list[tuple[float, str]]] = []
    line_y = math.inf
    for obj in content.iter("{*}TextObject"):
        left, top = _boundary_origin(obj.get("Boundary"))
        x = y = 0.0
        for code in obj.iterchildren("{*}TextCode"):
            x = _number(code.get("X"), x)
            y = _number(code.get("Y"), y)
            if not lines or abs(top + y - line_y) > LINE_TOLERANCE:
                lines.append([])
                line_y = top + y
            lines[-1].append((left + x, "".join(code.itertext())))
    return ["".join(text for _, text in sorted(line, key=lambda part: part[0])) for line in lines]


def _boundary_origin(boundary: str | None) -> tuple[float, float]:
    parts = (boundary or "").split()
    if len(parts) < 2:
        return 0.0, 0.0
    return _number(parts[0], 0.0), _number(parts[1], 0.0)


def _number(value: str | None, default: float) -> float:
    try:
        number = float(value) if value is not None else default
    except ValueError:
        return default
    return number if math.isfinite(number) else default


# --- .txt -------------------------------------------------------------------------------------


def _read_txt(path: Path) -> Extracted:
    with path.open("rb") as f:
        data = f.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:  # grown since it was checked
        raise _too_big(path)
    return Extracted(normalise(_decode(data, path.name)), TextFormat.TXT, None, False)


def _decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without its BOM), UTF-16 with its BOM, otherwise GB18030, the superset of
    GBK and GB2312 that Chinese Windows saves in."""
    if data.startswith(b"\xef\xbb\xbf"):
        encodings = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ["utf-16"]
    else:
        encodings = ["utf-8", "gb18030"]
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UserError(
        f"正文文件“{name}”的文字编码无法识别（不是 UTF-8、UTF-16 或 GB18030），"
        "请另存为 UTF-8 编码的文本文件后再附。"
    )


_READERS: dict[TextFormat, Callable[[Path], Extracted]] = {
    TextFormat.DOCX: _read_docx,
    TextFormat.PDF: _read_pdf,
    TextFormat.OFD: _read_ofd,
    TextFormat.TXT: _read_txt,
}
