"""A letter's text as the renderers can print it: without the control characters a value stored
before the input checks may hold (boxes in a PDF, an XML error in a .docx); a line break or tab
inside a paragraph is run in, since the layout breaks the lines itself."""

from __future__ import annotations

from dataclasses import replace

from app.reports.gongwen.model import Letter, Para, Run, TableBlock
from app.services.fields import printable


def clean(text: str) -> str:
    return printable(text).replace("\r", "").replace("\n", "").replace("\t", " ")


def printable_letter(letter: Letter) -> Letter:
    def block(item: Para | TableBlock) -> Para | TableBlock:
        if isinstance(item, TableBlock):
            return replace(
                item,
                header=tuple(clean(t) for t in item.header),
                rows=tuple(tuple(clean(t) for t in row) for row in item.rows),
            )
        return replace(item, runs=tuple(Run(clean(run.text), run.role) for run in item.runs))

    return replace(
        letter,
        title=clean(letter.title),
        recipient=clean(letter.recipient),
        body=tuple(block(item) for item in letter.body),
        signer=clean(letter.signer),
        number=clean(letter.number),
        attachments=tuple(clean(name) for name in letter.attachments),
        remark=clean(letter.remark),
        copies_to=tuple(clean(name) for name in letter.copies_to),
        issued_by=clean(letter.issued_by),
    )
