"""The PySide6 GUI. It calls services only; no rule lives here.

Layout: `widgets/` holds the shared parts (form dialogs, fields, list models, the document chooser,
charts, the PDF preview, colours); each section of the main window is a package (register, home,
review, filing, validity, cleanup, settings, statistics) and so are the wizards (setup, importing).
The start-up, the main window and the operation runner stay at the top.

Names: a *view* is a section of the main window (`<package>/view.py`, class `…View`); a *page* is
a tab of a view or a step of a wizard (`…_page.py` or `pages.py`, class `…Page`); a *dialog* is a
window with its own buttons (`…_dialog.py` or `dialogs.py`, class `…Dialog`; one that only one
page opens may live beside it). A dialog derives
from `widgets.form_dialog` or from its own package's dialogs, never from another package's.
"""

import gc

# Start-up time. The database layer (SQLAlchemy, its SQLite dialect, the models) and the services
# the main window and the register use are some 300 modules. They are imported here, before any
# view imports Qt, because:
# - once PySide6 is imported it hooks `import` and reads the source of every module imported
#   after it, looking for the word "PySide6" (shibokensupport.feature._mod_uses_pyside);
# - they make some 100,000 long-lived objects (modules, classes, tables, mappers), which the
#   cyclic garbage collector would otherwise walk over and over while they load (~45 ms at
#   start). So it is off while they load, and what they made is then frozen (gc.freeze: left out
#   of every later collection).
# No Qt import above this block.
_collecting = gc.isenabled()
gc.disable()
try:
    import sqlalchemy.dialects.sqlite  # noqa: F401  (the default database; create_engine loads it)
    import sqlalchemy.orm

    from app import db as _db  # noqa: F401
    from app import models as _models  # noqa: F401
    from app.services import issuers as _issuers  # noqa: F401
    from app.services import permissions as _permissions  # noqa: F401
    from app.services import search as _search  # noqa: F401
    from app.services import users as _users  # noqa: F401
    from app.services import validity as _validity  # noqa: F401

    sqlalchemy.orm.configure_mappers()  # else the first query does it, with the collector on

    # Qt last, once the modules above are in; its own long-lived objects are frozen with theirs
    # (the collector otherwise walks them a dozen times while the GUI's modules load).
    import PySide6.QtWidgets  # noqa: F401
finally:
    gc.freeze()
    if _collecting:
        gc.enable()
