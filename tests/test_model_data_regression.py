"""Guard against PySide6 builds that crash when data() returns None many times.

PySide6 6.12.0 on Python 3.11 aborts with "Fatal Python error: none_dealloc" after a few thousand
None returns from a Python model's data(); we pin PySide6 < 6.12 on 3.11. The calls run in a child
process so a crash fails this test instead of killing the test run.
"""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

SCRIPT = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication
    from app.db import open_database
    from app.services.demo import make_demo
    from app.ui.context import AppContext
    from app.ui.register.table_model import DocumentTableModel

    app = QApplication([])
    database = open_database(sys.argv[1])
    with database.transaction() as s:
        make_demo(s, 40)
    model = DocumentTableModel(AppContext.open(database, None), page_size=16)
    model.refresh()
    roles = [
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.UserRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.CheckStateRole,
        Qt.ItemDataRole.SizeHintRole,
    ]
    nones = 0
    rows, columns = model.rowCount(), model.columnCount()
    for n in range(20_000):
        index = model.index(n % rows, (n // rows) % columns)
        if index.data(roles[n % len(roles)]) is None:
            nones += 1
    database.close()
    print("nones", nones)
    """
)


def test_model_data_survives_many_none_returns(tmp_path: Path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", NORMDESK_DATA_DIR=str(tmp_path / "data"))
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, f"sqlite:///{tmp_path / 'regression.db'}"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    nones = int(result.stdout.split()[-1])
    assert nones > 10_000  # the path that crashed was really exercised
