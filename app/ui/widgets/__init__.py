"""The GUI's shared parts: form dialogs, fields, list models, charts, the PDF preview."""
