"""PDFium, through pypdfium2, is not thread-safe: the preview renders on the GUI thread while an
operation's thread may extract a PDF's text (app/services/text_extract.py). Every use of it holds
this one lock, for the whole of a document's use, so no two threads are ever inside PDFium."""

from __future__ import annotations

import threading

LOCK = threading.RLock()
