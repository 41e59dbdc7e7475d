"""PyInstaller's entry script: the same `normdesk` entry point as the pip-installed command.

A separate file (not app/__main__.py) so PyInstaller does not put app/ itself on the import path,
where its modules could shadow top-level names.
"""

import sys

from app.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
