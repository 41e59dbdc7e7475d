"""Putting a widget on screen for a GUI test."""


def shown(qtbot, widget, size: tuple[int, int] | None = None):
    """`widget`, closed by qtbot after the test, resized to `size` if given, and shown."""
    qtbot.addWidget(widget)
    if size is not None:
        widget.resize(*size)
    widget.show()
    return widget
