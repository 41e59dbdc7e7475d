import os
import shutil
import sys
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app import clock  # noqa: E402
from app.db import Database, open_database  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def gui_thread_collection(qapp):
    """Cycles collected on the GUI thread only, as in the program (app/ui/collector.py)."""
    from app.ui import collector

    return collector.install(qapp)


@pytest.fixture(scope="session", autouse=True)
def no_installed_fonts(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Fonts are looked for in an empty folder: no test depends on this machine's fonts."""
    os.environ["NORMDESK_FONT_DIRS"] = str(tmp_path_factory.mktemp("no-fonts"))


@pytest.fixture(autouse=True)
def collect_between_tests(gui_thread_collection):
    """A test without an event loop runs no collector timer: its cycles go at its end."""
    yield
    gui_thread_collection.collect()


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data dir and no inherited database setting (and its own
    XDG_DATA_HOME, where `desktop-entry install` writes the menu entry)."""
    data = tmp_path / "data"
    monkeypatch.setenv("NORMDESK_DATA_DIR", str(data))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.delenv("NORMDESK_DB", raising=False)
    yield data
    clock.fix_today(None)


# A PostgreSQL server URL (a role that may CREATE DATABASE): the suite then runs on PostgreSQL,
# each test on a database of its own, and tests marked sqlite_only are skipped.
PG_SERVER = os.environ.get("NORMDESK_TEST_PG", "")


DEMO_DOCS = 300  # the `demo` fixture's documents


def on_postgresql() -> bool:
    return bool(PG_SERVER)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not PG_SERVER:
        return
    skip = pytest.mark.skip(reason="SQLite only (NORMDESK_TEST_PG is set)")
    for item in items:
        if "sqlite_only" in item.keywords:
            item.add_marker(skip)


def _pg_admin(statement: str) -> None:
    engine = create_engine(PG_SERVER, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(statement))
    finally:
        engine.dispose()


def _pg_url(name: str) -> str:
    return make_url(PG_SERVER).set(database=name).render_as_string(hide_password=False)


def create_pg_database(template: str | None = None) -> str:
    """A new database on the test server; its URL. Dropped by drop_pg_database."""
    name = f"normdesk_test_{uuid.uuid4().hex[:16]}"
    _pg_admin(f"CREATE DATABASE {name}" + (f" TEMPLATE {template}" if template else ""))
    return _pg_url(name)


def drop_pg_database(url: str) -> None:
    _pg_admin(f"DROP DATABASE IF EXISTS {make_url(url).database} WITH (FORCE)")


@pytest.fixture(scope="session")
def pg_template() -> str:
    """A database upgraded to head once; each test's database is a copy (much faster than
    running every migration per test). Tests of the upgrade itself use `empty_db_url`."""
    url = create_pg_database()
    open_database(url).close()
    yield make_url(url).database
    drop_pg_database(url)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file upgraded to head once; each test's database starts as a copy of it (running
    every migration took about 0.4 s a test). Tests of creating or upgrading use `empty_db_url`
    or `db_path` on their own."""
    folder = tmp_path_factory.mktemp("template")
    path = folder / "template.db"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NORMDESK_DATA_DIR", str(folder / "data"))
        open_database(f"sqlite:///{path}").close()
    leftovers = sorted(p.name for p in folder.iterdir() if p.name not in {"template.db", "data"})
    assert all(name.startswith("template.db") for name in leftovers), leftovers
    return path


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "office.db"


@pytest.fixture
def db_url(db_path: Path, request: pytest.FixtureRequest) -> str:
    if not PG_SERVER:
        shutil.copyfile(request.getfixturevalue("sqlite_template"), db_path)
        db_path.chmod(0o600)
        yield f"sqlite:///{db_path}"
        return
    url = create_pg_database(request.getfixturevalue("pg_template"))
    yield url
    drop_pg_database(url)


@pytest.fixture
def empty_db_url(db_path: Path) -> str:
    """A database without any tables: a SQLite file not yet created (at `db_path`), or a new
    PostgreSQL one."""
    if not PG_SERVER:
        yield f"sqlite:///{db_path}"
        return
    url = create_pg_database()
    yield url
    drop_pg_database(url)


@pytest.fixture
def database(db_url: str, request: pytest.FixtureRequest) -> Database:
    db = open_database(db_url)
    yield db
    _finish_background_work(db)
    try:
        if request.node.get_closest_marker("tampered") is None:
            _assert_sealed(db)
    finally:
        db.close()


def _finish_background_work(db: Database) -> None:
    """A window's background read still running when its test ends would fail once the database
    is dropped, and report it in a later test's teardown: let it finish while the database is
    there."""
    ui_context = sys.modules.get("tests.ui_context")  # loaded only by tests that build widgets
    if ui_context is not None:
        ui_context.forget(db)


def _assert_sealed(db: Database) -> None:
    """Whatever a test did through the program, every record ends as its seal says (see
    app/services/seals.py); a test that edits rows around the program is marked `tampered`."""
    from app.services import seals

    try:
        with db.reading() as s:
            found = [d.told() for d in seals.differences(s)]
    except Exception:  # a test that closed, replaced or damaged the database checks it itself
        return
    assert found == [], "records differ from their seals"


@pytest.fixture
def office(database: Database) -> Database:
    """An office with one issuer (河清市民政局, code MZ) on 2026-11-27. Test files that need
    another office define their own `office`."""
    from datetime import date

    from tests.factories import add_issuer

    clock.fix_today(date(2026, 11, 27))
    with database.transaction() as s:
        add_issuer(s)
    return database


@pytest.fixture
def city_office(office: Database) -> Database:
    """`office` and the city government (河清市人民政府, ZF), which files with the people's
    congress too."""
    from tests.factories import add_city_government

    with office.transaction() as s:
        add_city_government(s)
    return office


@pytest.fixture
def demo(database: Database) -> Database:
    """The demo office with DEMO_DOCS documents, enough to page through a register."""
    from app.services.demo import make_demo

    with database.transaction() as s:
        make_demo(s, DEMO_DOCS)
    return database


@pytest.fixture(autouse=True)
def no_modal_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """In GUI tests a modal dialog would wait for ever for a click. Warnings and notices are
    recorded (their texts, in order) for the test to read; anything else that would wait for an
    answer the test did not give fails the test instead: an unexpected error's 程序错误 box (with
    the traceback), an unanswered question, a file or input dialog, any other dialog's exec().
    A test that expects one patches it itself. (Only once the test session has loaded Qt; the
    service tests never import it.)"""
    shown: list[str] = []
    widgets = sys.modules.get("PySide6.QtWidgets")
    if widgets is None:
        return shown
    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(
            widgets.QMessageBox, name, lambda _p, _t, text, *a, **k: shown.append(text)
        )
    monkeypatch.setattr(widgets.QMessageBox, "exec", _refused_box)
    monkeypatch.setattr(widgets.QDialog, "exec", _refused_dialog)
    for cls, names in _STATIC_DIALOGS.items():
        for name in names:
            monkeypatch.setattr(getattr(widgets, cls), name, _refused_static(f"{cls}.{name}"))
    return shown


_STATIC_DIALOGS = {
    "QMessageBox": ("question",),
    "QFileDialog": (
        "getOpenFileName",
        "getOpenFileNames",
        "getSaveFileName",
        "getExistingDirectory",
    ),
    "QInputDialog": ("getText", "getItem", "getInt", "getMultiLineText"),
}


class ModalDialogInTest(AssertionError):
    """A dialog waited for an answer the test did not give (see no_modal_boxes)."""


def _refused_box(box) -> int:
    raise ModalDialogInTest(
        f"a message box “{box.windowTitle()}” opened with nobody to answer it: {box.text()}\n"
        f"{box.informativeText()}\n{box.detailedText()}"
    )


def _refused_dialog(dialog) -> int:
    raise ModalDialogInTest(f"{type(dialog).__name__}.exec() with nobody to answer it")


def _refused_static(name: str):
    def refused(*args, **kwargs):
        texts = [a for a in args if isinstance(a, str)]
        raise ModalDialogInTest(f"{name}{tuple(texts)} with nobody to answer it")

    return refused
