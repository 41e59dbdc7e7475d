"""Putting a widget on screen for a GUI test."""


def shown(qtbot, widget, size: tuple[int, int] | None = None):
    """`widget`, closed by qtbot after the test, resized to `size` if given, and shown."""
    qtbot.addWidget(widget)
    if size is not None:
        widget.resize(*size)
    widget.show()
    return widget


def opened_preview(qtbot, parent):
    """The PDF preview the program opened over `parent`, once it is there."""
    from app.ui.widgets.pdf_preview import PdfPreview

    qtbot.waitUntil(lambda: parent.findChild(PdfPreview) is not None, timeout=2000)
    return parent.findChild(PdfPreview)


def previewed_text(qtbot, parent) -> str:
    """The text of the PDF the program opened in its preview over `parent`; the preview closed."""
    from pypdf import PdfReader

    preview = opened_preview(qtbot, parent)
    text = "".join(page.extract_text() for page in PdfReader(preview.pdf_path).pages)
    preview.close()
    return text
