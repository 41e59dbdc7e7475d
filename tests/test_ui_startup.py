"""How the GUI package loads: what start-up time depends on (app/ui/__init__.py)."""

import subprocess
import sys

CHECK = """
import gc, sys
import app.ui.app
names = list(sys.modules)
print(names.index("app.models") < names.index("PySide6"), gc.isenabled())
"""


def test_gui_loads_the_database_layer_before_qt_and_keeps_garbage_collection_on():
    done = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.split() == ["True", "True"]
