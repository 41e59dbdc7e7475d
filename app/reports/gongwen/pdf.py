"""Letters as a PDF laid out on the GB/T 9704-2012 grid: every body line sits on one of the 22
grid lines of the text block and every CJK character in one of its 28 cells (each line is drawn
as one string with a character spacing, so the text extracts cleanly)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from app.atomic_files import replacing
from app.reports.fonts import FontRole, RoleFont, RoleFonts
from app.reports.gongwen import layout as g
from app.reports.gongwen import tables
from app.reports.gongwen.breaking import break_lines, split_title
from app.reports.gongwen.model import Align, Letter, Para, TableBlock
from app.reports.gongwen.text import printable_letter


def render(letters: Sequence[Letter], fonts: RoleFonts, target: Path) -> int:
    """Write `letters` into one PDF at `target`, each starting on a new page and numbering its
    own pages from 1; return the number of pages."""
    letters = [printable_letter(letter) for letter in letters]
    pages = [page for letter in letters for page in _Composer(letter, fonts).pages()]
    with replacing(Path(target)) as part:
        canvas = Canvas(
            str(part),
            pagesize=(g.PAGE_WIDTH, g.PAGE_HEIGHT),
            initialFontName=fonts[FontRole.BODY].pdf_name,  # type: ignore[arg-type]  # stub
            initialFontSize=g.BODY_SIZE,
            pageCompression=1,
        )
        canvas.setTitle(letters[0].title if letters else "")
        canvas.setAuthor(letters[0].signer if letters else "")
        canvas.setCreator("NormDesk")
        for page in pages:
            page.draw(canvas, fonts)
            canvas.showPage()
        canvas.save()
    return len(pages)


def date_text(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


# --- what a page holds ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Segment:
    text: str
    font: RoleFont


@dataclass
class _TextLine:
    """One line of text: drawn on its grid line, starting at `x`."""

    segments: list[_Segment]
    x: float
    size: float = g.BODY_SIZE
    char_space: float = g.BODY_CHAR_SPACE
    body: bool = True  # a line of the body proper (may move with the signature)

    def draw(self, canvas: Canvas, line: int) -> None:
        text = canvas.beginText(self.x, g.baseline(line, self.size))
        text.setCharSpace(self.char_space)
        for segment in self.segments:
            text.setFont(segment.font.pdf_name, self.size)
            text.textOut(segment.text)
        canvas.drawText(text)


@dataclass
class _Blank:
    def draw(self, canvas: Canvas, line: int) -> None:
        pass


@dataclass
class _Drawing:
    """Several lines drawn together (a table piece, the signature block, the 版记)."""

    height: int  # grid lines
    parts: list[tuple[int, _TextLine]] = field(default_factory=list)  # (line offset, text)
    rules: list[tuple[float, float, float, float, float]] = field(default_factory=list)
    cells: list[tuple[float, float, str, RoleFont, float]] = field(default_factory=list)

    def draw(self, canvas: Canvas, line: int) -> None:
        for offset, text in self.parts:
            text.draw(canvas, line + offset)
        top = g.line_top(line)
        for x0, y0, x1, y1, width in self.rules:  # y measured down from the top line
            canvas.setLineWidth(width)
            canvas.line(x0, top - y0, x1, top - y1)
        for x, y, value, font, size in self.cells:
            canvas.setFont(font.pdf_name, size)
            canvas.drawString(x, top - y, value)


_Item = _TextLine | _Blank | _Drawing


@dataclass
class _Page:
    number: int  # within its letter
    items: list[tuple[int, _Item]] = field(default_factory=list)

    def draw(self, canvas: Canvas, fonts: RoleFonts) -> None:
        for line, item in self.items:
            item.draw(canvas, line)
        font = fonts[FontRole.TABLE]
        label = g.folio(self.number)
        width = stringWidth(label, font.pdf_name, g.FOLIO_SIZE)
        if self.number % 2:  # odd pages right, one character in; even pages left
            x = g.LEFT + g.BLOCK_WIDTH - g.FOLIO_SIZE - width
        else:
            x = g.LEFT + g.FOLIO_SIZE
        canvas.setFont(font.pdf_name, g.FOLIO_SIZE)
        canvas.drawString(x, g.folio_baseline(), label)


# --- composing one letter ------------------------------------------------------------------


class _Composer:
    def __init__(self, letter: Letter, fonts: RoleFonts) -> None:
        self.letter = letter
        self.fonts = fonts
        self._pages = [_Page(1)]
        self.cursor = 0  # the next free grid line on the last page

    def pages(self) -> list[_Page]:
        letter = self.letter
        self.title()
        self.blank()
        if letter.recipient:
            self.paragraph([(f"{letter.recipient}：", FontRole.BODY)], indent=False)
        for block in letter.body:
            if isinstance(block, TableBlock):
                self.table(block)
            else:
                self.para(block)
        if letter.attachments:
            self.blank()
            self.attachments()
        self.signature()
        if letter.copies_to or letter.issued_by:
            self.record()
        return self._pages

    # placing

    @property
    def page(self) -> _Page:
        return self._pages[-1]

    def new_page(self) -> None:
        self._pages.append(_Page(len(self._pages) + 1))
        self.cursor = 0

    def place(self, item: _Item, height: int = 1) -> None:
        if isinstance(item, _Blank) and self.cursor == 0 and len(self._pages) > 1:
            return  # no blank line at the top of a page
        if self.cursor + height > g.LINES and self.cursor > 0:
            self.new_page()
            if isinstance(item, _Blank):
                return
        self.page.items.append((self.cursor, item))
        self.cursor += height

    def blank(self) -> None:
        self.place(_Blank())

    # elements

    def title(self) -> None:
        font = self.fonts[FontRole.TITLE]
        size = g.TITLE_SIZE
        for text in split_title(
            self.letter.title,
            g.BLOCK_WIDTH / size,
            lambda c: stringWidth(c, font.pdf_name, size) / size,
        ):
            width = stringWidth(text, font.pdf_name, g.TITLE_SIZE)
            x = g.LEFT + (g.BLOCK_WIDTH - width) / 2
            self.place(_TextLine([_Segment(text, font)], x, g.TITLE_SIZE, 0.0, body=False))

    def para(self, para: Para) -> None:
        runs = [(run.text, run.role) for run in para.runs]
        self.paragraph(runs, indent=para.indent, align=para.align)

    def paragraph(
        self,
        runs: list[tuple[str, FontRole]],
        indent: bool,
        align: Align = Align.LEFT,
        hang: float = 0.0,
        first_x: float | None = None,
    ) -> None:
        for line in self.lines(runs, indent, align, hang, first_x):
            self.place(line)

    def lines(
        self,
        runs: list[tuple[str, FontRole]],
        indent: bool,
        align: Align = Align.LEFT,
        hang: float = 0.0,
        first_x: float | None = None,
    ) -> list[_TextLine]:
        """Body text in lines on the grid: first line indented two cells when `indent`, the
        others `hang` in from the left edge (the first at `first_x` when given)."""
        text = "".join(t for t, _ in runs)
        roles = [role for t, role in runs for _ in t]
        widths = [self.advance(c, role) for c, role in zip(text, roles, strict=True)]
        start = g.LEFT + (2 * g.CHAR_PITCH if indent else 0.0)
        if first_x is not None:
            start = first_x
        right = g.LEFT + g.BLOCK_WIDTH
        out: list[_TextLine] = []
        at = 0
        for i, chunk in enumerate(break_lines(text, widths, right - start, right - g.LEFT - hang)):
            x = start if i == 0 else g.LEFT + hang
            segments: list[_Segment] = []
            for j, char in enumerate(chunk, at):
                font = self.fonts[roles[j]]
                if segments and segments[-1].font == font:
                    segments[-1] = _Segment(segments[-1].text + char, font)
                else:
                    segments.append(_Segment(char, font))
            width = sum(widths[at : at + len(chunk)])
            if align is Align.CENTER:
                x = g.LEFT + (g.BLOCK_WIDTH - width) / 2
            elif align is Align.RIGHT:
                x = right - width
            out.append(_TextLine(segments, x))
            at += len(chunk)
        return out

    def advance(self, char: str, role: FontRole, size: float = g.BODY_SIZE) -> float:
        return stringWidth(char, self.fonts[role].pdf_name, size) + g.BODY_CHAR_SPACE

    def width(self, text: str, role: FontRole = FontRole.BODY) -> float:
        return sum(self.advance(c, role) for c in text)

    def attachments(self) -> None:
        """附件：1.名称 — the numbers under each other, a long name's next line under the
        name's first character (GB/T 9704 7.3.4); no punctuation added after names."""
        names = self.letter.attachments
        label = "附件："
        label_x = g.LEFT + 2 * g.CHAR_PITCH
        number_x = label_x + self.width(label)
        body = self.fonts[FontRole.BODY]
        for i, name in enumerate(names, 1):
            number = f"{i}." if len(names) > 1 else ""
            name_x = number_x + self.width(number)
            lines = self.lines([(name, FontRole.BODY)], False, hang=name_x - g.LEFT, first_x=name_x)
            prefix = (label if i == 1 else "") + number
            if prefix:
                lines[0].segments.insert(0, _Segment(prefix, body))
                lines[0].x = label_x if i == 1 else number_x
            for line in lines:
                self.place(line)

    def signature(self) -> None:
        """署名 and 成文日期 (and 附注) as one block kept with the body's last two lines."""
        letter = self.letter
        right = g.LEFT + g.BLOCK_WIDTH
        day = date_text(letter.signed_on)
        day_width, signer_width = self.width(day), self.width(letter.signer)
        block = _Drawing(0)
        if letter.seal:
            # The seal (42 mm, about four lines) starts half a line below the body and presses
            # over 署名 and 日期, which sit a little below its centre (GB/T 9704 7.3.5.1).
            day_x = right - 4 * g.CHAR_PITCH - day_width
            signer_x = day_x + (day_width - signer_width) / 2
            first = 2
        else:
            # 7.3.5.2: 署名 right-indented two characters and the date starting two characters
            # right of it; a date longer than that is right-indented two and 署名 moves left.
            edge = right - 2 * g.CHAR_PITCH
            signer_x = edge - signer_width
            day_x = signer_x + 2 * g.CHAR_PITCH
            if day_x + day_width > edge + 0.01:
                day_x = edge - day_width
                signer_x = day_x - 2 * g.CHAR_PITCH
            first = 1
        signer_x = max(g.LEFT, min(signer_x, right - signer_width))
        body = self.fonts[FontRole.BODY]
        block.parts.append((first, _TextLine([_Segment(letter.signer, body)], signer_x)))
        block.parts.append((first + 1, _TextLine([_Segment(day, body)], day_x)))
        block.height = first + 2
        if letter.remark:
            remark = self.lines([(f"（{letter.remark}）", FontRole.BODY)], indent=True)
            for i, line in enumerate(remark):
                block.parts.append((block.height + i, line))
            block.height += len(remark)
        self.keep_with_body(block)

    def keep_with_body(self, block: _Drawing) -> None:
        """Place the signature block with at least the last two lines of the body (or of
        附件说明) on its page (GB/T 9704 7.3.5: never a page with the signature alone)."""
        if self.cursor + block.height > g.LINES:
            carried = self.trailing_lines(self.page, 2)
            self.new_page()
            for _, item in carried:
                self.place(item)
        elif len(self._pages) > 1:
            on_page = self.page.items
            if all(isinstance(item, _TextLine) and item.body for _, item in on_page):
                pulled = self.trailing_lines(self._pages[-2], 2 - len(on_page))
                while pulled and isinstance(pulled[0][1], _Blank):
                    pulled.pop(0)  # no blank line at the top of the page
                if self.cursor + len(pulled) + block.height <= g.LINES:
                    self.page.items = [(i, item) for i, (_, item) in enumerate(pulled)] + [
                        (line + len(pulled), item) for line, item in on_page
                    ]
                    self.cursor += len(pulled)
                else:
                    self._pages[-2].items.extend(pulled)  # no room: put them back
        self.place(block, block.height)

    @staticmethod
    def trailing_lines(page: _Page, count: int) -> list[tuple[int, _Item]]:
        """Take the last `count` body lines (and blank lines between them) off the end of
        `page`, leaving it at least one item."""
        taken: list[tuple[int, _Item]] = []
        lines = 0
        while lines < count and len(page.items) > 1:
            item = page.items[-1][1]
            if isinstance(item, _TextLine) and item.body:
                lines += 1
            elif not isinstance(item, _Blank):
                break
            taken.insert(0, page.items.pop())
        return taken

    def record(self) -> None:
        """版记 at the foot of the letter's last page: 抄送 and 印发, between rules."""
        letter = self.letter
        font = self.fonts[FontRole.BODY]
        size = g.RECORD_SIZE
        inset = size  # one character in from each side
        left, right = g.LEFT + inset, g.LEFT + g.BLOCK_WIDTH - inset
        block = _Drawing(0)
        if letter.copies_to:
            label = "抄送："
            text = label + "，".join(letter.copies_to) + "。"
            widths = [stringWidth(c, font.pdf_name, size) for c in text]
            hang = stringWidth(label, font.pdf_name, size)
            for i, chunk in enumerate(break_lines(text, widths, right - left, right - left - hang)):
                x = left if i == 0 else left + hang
                block.parts.append((block.height, _TextLine([_Segment(chunk, font)], x, size, 0)))
                block.height += 1
        if letter.issued_by:
            day = date_text(letter.issued_on or letter.signed_on) + "印发"
            day_x = right - stringWidth(day, font.pdf_name, size)
            block.parts.append(
                (block.height, _TextLine([_Segment(letter.issued_by, font)], left, size, 0))
            )
            block.parts.append((block.height, _TextLine([_Segment(day, font)], day_x, size, 0)))
            block.height += 1
        x0, x1 = g.LEFT, g.LEFT + g.BLOCK_WIDTH
        pitch = g.LINE_PITCH
        block.rules.append((x0, 0, x1, 0, g.THICK_RULE))
        if letter.copies_to and letter.issued_by:
            y = (block.height - 1) * pitch
            block.rules.append((x0, y, x1, y, g.THIN_RULE))
        y = block.height * pitch
        block.rules.append((x0, y, x1, y, g.THICK_RULE))
        if self.cursor + block.height > g.LINES:
            self.new_page()
        self.cursor = g.LINES - block.height
        self.place(block, block.height)

    def table(self, table: TableBlock) -> None:
        """A ruled table; split over pages between rows, the header row repeated."""
        font = self.fonts[FontRole.TABLE]
        widths = tables.column_widths(table)
        centred = tables.centred_columns(table)
        edges = [g.LEFT]
        for w in widths:
            edges.append(edges[-1] + w)
        header, *pending = tables.rows(table, font.pdf_name)
        first = True
        while first or pending:
            first = False
            room = (g.LINES - self.cursor) * g.LINE_PITCH
            piece = [header]
            while pending and sum(r.height for r in piece) + pending[0].height <= room + 1e-6:
                piece.append(pending.pop(0))
            if len(piece) == 1 and pending:
                if self.cursor > 0:
                    self.new_page()
                    continue
                # a row taller than a page: as much as fits here, the rest on the next page
                head, tail = tables.split(pending.pop(0), room - header.height)
                piece.append(head)
                pending.insert(0, tail)
            drawing = _Drawing(tables.whole_lines([r.height for r in piece]))
            y = 0.0
            for number, row in enumerate(piece):
                h = row.height
                if number == len(piece) - 1:  # the last row fills the piece's last grid line
                    h = drawing.height * g.LINE_PITCH - y
                drawing.rules.append((edges[0], y, edges[-1], y, tables.RULE))
                for i, lines in enumerate(row.cells):
                    top = y + (h - len(lines) * tables.LEADING) / 2
                    for k, text in enumerate(lines):
                        w = stringWidth(text, font.pdf_name, g.TABLE_SIZE)
                        centre = row.header or i in centred
                        x = edges[i] + ((widths[i] - w) / 2 if centre else tables.PAD_X)
                        baseline = top + k * tables.LEADING + (tables.LEADING + 9.0) / 2
                        drawing.cells.append((x, baseline, text, font, g.TABLE_SIZE))
                y += h
            drawing.rules.append((edges[0], y, edges[-1], y, tables.RULE))
            for x in edges:
                drawing.rules.append((x, 0, x, y, tables.RULE))
            self.place(drawing, drawing.height)
            if pending:
                self.new_page()
