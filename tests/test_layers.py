"""The layer rules, read from the source: Qt only in the UI, no SQL in the UI, reports without
a UI. A module that breaks one is named with the line that does."""

import ast
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app"

# The command line starts the GUI for `normdesk gui`, inside that command only.
QT_ALLOWED = {"app/cli/__init__.py": {"app.ui.app"}}
# The windowed exe's failed start shows Qt's message box, inside that failure only.
QT_ALLOWED["app/windowed.py"] = {"app.ui.start_failure"}
# The GUI package loads the models at import, before Qt (app/ui/__init__.py says why).
MODELS_ALLOWED = {"app/ui/__init__.py"}
# Reading the database is the services' work: the UI asks them.
QUERY_METHODS = {"execute", "scalar", "scalars", "query", "get_bind", "connection"}
SQL_NAMES = {"select", "insert", "update", "delete", "text", "func", "and_", "or_"}


def _modules(root: Path, under: str = "") -> list[tuple[str, ast.Module]]:
    found = []
    for path in sorted((root / under).rglob("*.py")):
        name = path.relative_to(root.parent).as_posix()
        found.append((name, ast.parse(path.read_text(encoding="utf-8"), name)))
    return found


def _imports(tree: ast.Module) -> list[tuple[int, str]]:
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append((node.lineno, node.module))
            names += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
    return names


def _is_ui(module: str) -> bool:
    return module.split(".")[0] in {"PySide6", "shiboken6"} or module.startswith("app.ui")


def qt_outside_the_ui(root: Path) -> list[str]:
    wrong = []
    for name, tree in _modules(root):
        if name.startswith("app/ui/"):
            continue
        allowed = QT_ALLOWED.get(name, set())
        wrong += [
            f"{name}:{line} imports {module}"
            for line, module in _imports(tree)
            if _is_ui(module) and not any(module.startswith(a) for a in allowed)
        ]
    return wrong


def queries_in_the_ui(root: Path) -> list[str]:
    wrong = []
    for name, tree in _modules(root, "ui"):
        for line, module in _imports(tree):
            if name not in MODELS_ALLOWED and (
                module == "app.models" or module.startswith("app.models.")
            ):
                wrong.append(f"{name}:{line} imports {module}")
            if module.startswith("sqlalchemy.") and module.rsplit(".", 1)[1] in SQL_NAMES:
                wrong.append(f"{name}:{line} imports {module}")
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in QUERY_METHODS
            ):
                wrong.append(f"{name}:{node.lineno} calls .{node.func.attr}()")
    return wrong


def test_only_the_ui_imports_qt():
    assert qt_outside_the_ui(APP) == []


def test_the_cli_starts_the_gui_only_inside_the_gui_command():
    """Allowed above as an exception; it must stay a lazy import, or every command loads Qt."""
    tree = dict(_modules(APP, "cli"))["app/cli/__init__.py"]
    top = [node for node in tree.body if isinstance(node, ast.Import | ast.ImportFrom)]
    assert [m for _line, m in _imports(ast.Module(top, [])) if _is_ui(m)] == []


def test_reports_import_no_ui():
    wrong = [
        f"{name}:{line} imports {module}"
        for name, tree in _modules(APP, "reports")
        for line, module in _imports(tree)
        if _is_ui(module)
    ]
    assert wrong == []


def test_the_ui_runs_no_queries():
    assert queries_in_the_ui(APP) == []


def test_the_rules_catch_what_they_forbid(tmp_path):
    """The checks above would pass on an empty tree: each finds its fault in a planted module."""
    root = tmp_path / "app"
    (root / "services").mkdir(parents=True)
    (root / "ui").mkdir()
    (root / "services" / "bad.py").write_text("from PySide6.QtCore import QObject\n")
    (root / "ui" / "bad.py").write_text(
        "from sqlalchemy import select\nfrom app.models import Document\ns.execute(x)\n"
    )
    assert qt_outside_the_ui(root) == [
        "app/services/bad.py:1 imports PySide6.QtCore",
        "app/services/bad.py:1 imports PySide6.QtCore.QObject",
    ]
    assert queries_in_the_ui(root) == [
        "app/ui/bad.py:1 imports sqlalchemy.select",
        "app/ui/bad.py:2 imports app.models",
        "app/ui/bad.py:2 imports app.models.Document",
        "app/ui/bad.py:3 calls .execute()",
    ]
