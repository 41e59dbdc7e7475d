"""How the GUI package loads: what start-up time depends on (app/ui/__init__.py)."""

import json
import subprocess
import sys

CHECK = """
import gc, sys
import app.ui
frozen = "PySide6.QtWidgets" in sys.modules and gc.get_freeze_count() > 0
import app.ui.app
names = list(sys.modules)
print(names.index("app.models") < names.index("PySide6"), frozen, gc.isenabled())
"""


def test_gui_loads_the_database_layer_then_qt_frozen_and_keeps_garbage_collection_on():
    done = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.split() == ["True", "True", "True"]


# What the first window (the register's first page) does not need: loaded when first used.
DEFERRED = (
    "alembic",
    "reportlab",
    "openpyxl",
    "pypdfium2",
    "docx",  # python-docx, for reading a .docx text
    "lxml",
    "lunar_python",  # a year's holidays before its notice is entered
    "chinese_calendar",  # the holiday calendar: no due date is on the register
    "app.services.workcalendar",
    "app.services.audit_query",
    "app.services.texts",  # the texts service, for a search in the texts
    "app.ui.connect_dialog",
    "app.services.catalogs",
)

START = """
import json, sys
from PySide6.QtCore import QTimer
from app.ui.app import make_application, open_or_explain, start_window

app = make_application()
window = start_window(open_or_explain(sys.argv[1]), section="register")
model = window.page("register").model

def ready():
    if model.rowCount() and model.data(model.index(0, 0)) is not None:
        print(json.dumps([window.windowTitle(), model.data(model.index(0, 2)), list(sys.modules)]))
        app.quit()
    else:
        QTimer.singleShot(1, ready)

QTimer.singleShot(0, ready)
app.exec()
"""


def test_start_on_the_register_leaves_what_it_does_not_show_unloaded(demo, db_url):
    from app.services import catalogs, search
    from app.services.search import DocumentQuery

    with demo.reading() as s:
        office = catalogs.office_name(s)
        first = search.load_rows(s, search.find_ids(s, DocumentQuery(), limit=1))[0]
    done = subprocess.run(
        [sys.executable, "-c", START, db_url], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    title, title_cell, modules = json.loads(done.stdout.strip().splitlines()[-1])
    assert office and title.startswith(office)
    assert title_cell == first.title
    assert [m for m in DEFERRED if m in modules] == []
