"""Every kind of change the GUI announces after a save is one some view refreshes on, and the
reverse: a kind nobody listens to (or nobody announces) is a refresh that silently never happens."""

import ast
from pathlib import Path

from app.ui.changes import Change

UI = Path(__file__).resolve().parent.parent / "app" / "ui"


def _members(node: ast.AST) -> set[str]:
    return {
        n.attr
        for n in ast.walk(node)
        if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id == "Change"
    }


def _uses_kinds(node: ast.AST) -> bool:
    return any(isinstance(n, ast.Name) and n.id == "kinds" for n in ast.walk(node))


def announced_and_heard(folder: Path) -> tuple[set[str], set[str]]:
    announced: set[str] = set()
    heard: set[str] = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign):
                names = [t.id for t in node.targets if isinstance(t, ast.Name)]
                if any("CHANGES" in n or n == "announces" for n in names):
                    announced |= _members(node.value)
                if any("REFRESH" in n or n == "DATED" for n in names):
                    heard |= _members(node.value)
            elif isinstance(node, ast.keyword) and node.arg == "changes":
                announced |= _members(node.value)
            elif isinstance(node, ast.Compare | ast.BinOp) and _uses_kinds(node):
                heard |= _members(node)
    return announced, heard


def test_every_change_is_announced_and_heard():
    announced, heard = announced_and_heard(UI)
    every = {c.name for c in Change}
    assert every - announced == set(), "never announced"
    assert every - heard == set(), "nobody refreshes on it"


def test_the_scan_sees_a_change_nobody_hears(tmp_path):
    (tmp_path / "view.py").write_text(
        "CHANGES = frozenset({Change.DOCUMENTS, Change.USERS})\n"
        "def on(kinds):\n    if Change.DOCUMENTS in kinds:\n        pass\n"
    )
    assert announced_and_heard(tmp_path) == ({"DOCUMENTS", "USERS"}, {"DOCUMENTS"})


def bare_kinds_emitted(folder: Path) -> list[str]:
    """`data_changed.emit({"backups"})`: a kind written as a string escapes the scan above."""
    found = []
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "emit"
                and any(
                    isinstance(n, ast.Constant) and isinstance(n.value, str)
                    for arg in node.args
                    for n in ast.walk(arg)
                )
                and "data_changed" in ast.unparse(node.func)
            ):
                found.append(f"{path.name}:{node.lineno}")
    return found


def test_every_announcement_names_its_kind_by_the_enum(tmp_path):
    assert bare_kinds_emitted(UI) == []
    (tmp_path / "view.py").write_text('runner.data_changed.emit({"backups"})\n')
    assert bare_kinds_emitted(tmp_path) == ["view.py:1"]
