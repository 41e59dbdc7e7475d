"""The GUI's package rules (app/ui/__init__.py): a dialog derives from the shared form dialogs or
from its own package's, never from another feature's; views, pages and dialogs are named for what
they are."""

import ast
from pathlib import Path

UI = Path(__file__).resolve().parent.parent / "app" / "ui"
SHARED = {"widgets"}  # packages every feature may build on
KINDS = {"View": ("view.py",), "Page": ("page.py", "pages.py")}


def _package(module: str) -> str:
    """The feature package of `app.ui.<package>.<module>`; '' for the top of app/ui."""
    parts = module.split(".")
    return parts[2] if len(parts) > 3 else ""


def foreign_dialog_bases(ui: Path) -> list[str]:
    wrong = []
    for path in sorted(ui.rglob("*.py")):
        rel = path.relative_to(ui)
        own = rel.parts[0] if len(rel.parts) > 1 else ""
        tree = ast.parse(path.read_text(encoding="utf-8"))
        origin = {
            alias.asname or alias.name: node.module
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("app.ui")
            for alias in node.names
        }
        for node in ast.walk(tree):
            if not isinstance(node, ast.ClassDef):
                continue
            for base in node.bases:
                name = base.id if isinstance(base, ast.Name) else ""
                package = _package(origin.get(name, ""))
                if name.endswith("Dialog") and package and package not in SHARED | {own}:
                    wrong.append(f"{rel.as_posix()}: {node.name} derives from {package}.{name}")
    return wrong


def misnamed_widgets(ui: Path) -> list[str]:
    """A class called …View or …Page lives in a module of that kind (a dialog may live beside the
    one page that opens it)."""
    wrong = []
    for path in sorted(ui.glob("*/*.py")):
        if path.parent.name in SHARED:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if not isinstance(node, ast.ClassDef) or not node.bases:
                continue
            for kind, endings in KINDS.items():
                if node.name.endswith(kind) and not path.name.endswith(endings):
                    wrong.append(f"{path.relative_to(ui).as_posix()}: {node.name}")
    return wrong


def test_no_dialog_derives_from_another_features_dialog():
    assert foreign_dialog_bases(UI) == []


def test_views_pages_and_dialogs_live_in_modules_named_for_them():
    assert misnamed_widgets(UI) == []


def test_every_section_package_has_its_view():
    sections = {"register", "home", "review", "filing", "validity", "settings", "statistics"}
    assert {p.parent.name for p in UI.glob("*/view.py")} == sections


def test_the_rules_catch_what_they_forbid(tmp_path):
    ui = tmp_path / "ui"
    for package in ("review", "filing"):
        (ui / package).mkdir(parents=True)
    (ui / "review" / "dialogs.py").write_text("class ReviewDialog:\n    pass\n")
    (ui / "filing" / "dialogs.py").write_text(
        "from app.ui.review.dialogs import ReviewDialog\n\n\nclass FiledDialog(ReviewDialog):\n"
        "    pass\n"
    )
    (ui / "filing" / "dialogs.py").write_text(
        (ui / "filing" / "dialogs.py").read_text() + "\n\nclass FilingView(QWidget):\n    pass\n"
    )
    assert foreign_dialog_bases(ui) == [
        "filing/dialogs.py: FiledDialog derives from review.ReviewDialog"
    ]
    assert misnamed_widgets(ui) == ["filing/dialogs.py: FilingView"]
