"""The PySide6 GUI. It calls services only; no rule lives here."""
