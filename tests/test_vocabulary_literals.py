"""One vocabulary: a status, outcome, decision or step is written as its enum member, and each
Chinese label once, in app/services/vocabulary.py. The stored values did not change (a StrEnum
member equals its string), so this test is what keeps a bare literal from creeping back."""

from __future__ import annotations

import ast
from pathlib import Path

from app.models import Document
from app.services import vocabulary
from app.services.vocabulary import AuditAction, DocField, DocFlag, Labelled

APP = Path(__file__).resolve().parents[1] / "app"
# Codes too common as plain words to be checked (AuditAction's "update", column names).
_UNCHECKED = (AuditAction, DocField, DocFlag)
_ENUMS = [
    e
    for e in vars(vocabulary).values()
    if isinstance(e, type) and issubclass(e, Labelled) and e is not Labelled
]
CODES = {m.value: m for e in _ENUMS if e not in _UNCHECKED for m in e}
LABELS = {m.label: m for e in _ENUMS if e not in _UNCHECKED for m in e if not m.label.isascii()}
# A dict key named like a document's column (published) is that field, not the status.
COLUMNS = set(Document.__table__.columns.keys())
# Attributes and keywords that hold a word of the vocabulary.
HOLDERS = {"status", "outcome", "decision", "result", "state", "step", "kind"}

# (file below app/, the string): where a literal equal to a code or label is another thing.
ALLOWED = {
    # CLI and catalog kinds named like the catalog of repealed documents, not a status
    ("cli/print_commands.py", "repealed"),
    ("reports/catalog_output.py", "repealed"),
    ("services/catalogs.py", "repealed"),
    # the models sit below the services: the column default is the first drafting step's code
    ("models/document.py", "draft"),
    # a table heading, a permission and object-type names: the legality review as a task
    ("cli/review_commands.py", "合法性审核"),
    ("reports/annual_statistics_xlsx.py", "合法性审核"),
    ("services/audit_query.py", "合法性审核"),
    ("services/deadlines.py", "合法性审核"),
    ("services/permissions.py", "合法性审核"),
    ("services/seals.py", "合法性审核"),
    # demo review cases keyed by the situation they show
    ("services/demo_reviews.py", "paused"),
    ("services/demo_reviews.py", "returned"),
    # the catalog of continuing documents (cleanup.PARTS), not the decision
    ("services/cleanup.py", "continue"),
    # the event a period starts from and an import field, named like the publication date
    ("services/filing.py", "published"),
    ("services/validity.py", "published"),
    ("services/importing.py", "published"),
    # a demo filing's plan: left open within its correction period
    ("services/demo_activity.py", "open"),
    # the cleanup page's buttons: open the batch under way, print the continuing catalog
    ("ui/cleanup/page.py", "open"),
    ("ui/cleanup/page.py", "continue"),
    # `filing list --json`: whether a row is overdue
    ("cli/filing_commands.py", "overdue"),
    # the legality review page's name in the window and the manual
    ("ui/main_window.py", "合法性审核"),
    ("ui/manual_dialog.py", "合法性审核"),
    # a Word table cell's w:vMerge value
    ("services/text_extract.py", "continue"),
}


def _strings(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return [s for element in node.elts for s in _strings(element)]
    return []


def _holder(node: ast.AST) -> bool:
    name = node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", "")
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
        name = str(node.slice.value)
    return name in HOLDERS


def _bare_words(tree: ast.AST) -> list[tuple[int, str]]:
    """Codes compared with or given to a holder of a word, and Chinese labels anywhere."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            for side in (node.left, *node.comparators):
                found += [(node.lineno, s) for s in _strings(side) if s in CODES]
        elif isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(_holder(t) for t in targets):
                found += [(node.lineno, s) for s in _strings(node.value) if s in CODES]
        elif isinstance(node, ast.keyword) and node.arg in HOLDERS:
            found += [(node.value.lineno, s) for s in _strings(node.value) if s in CODES]
        elif isinstance(node, ast.Dict):
            keys = [s for k in node.keys if k is not None for s in _strings(k)]
            found += [(node.lineno, s) for s in keys if s in CODES and s not in COLUMNS]
        elif isinstance(node, ast.Return) and node.value is not None:
            found += [(node.lineno, s) for s in _strings(node.value) if s in CODES]
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in LABELS:
            found.append((node.lineno, node.value))
    return found


def test_no_bare_status_word_outside_the_vocabulary():
    bare = []
    for path in sorted(APP.rglob("*.py")):
        name = path.relative_to(APP).as_posix()
        if name == "services/vocabulary.py":
            continue
        for line, word in _bare_words(ast.parse(path.read_text(encoding="utf-8"))):
            if (name, word) not in ALLOWED:
                bare.append(
                    f"app/{name}:{line}: {word!r} (use {CODES.get(word) or LABELS[word]!r})"
                )
    assert not bare, "bare vocabulary words:\n" + "\n".join(sorted(set(bare)))


def test_each_label_is_written_once_in_the_vocabulary():
    """A label two enums share (起草 as a step and a status) is written once, the other reads it."""
    tree = ast.parse((APP / "services/vocabulary.py").read_text(encoding="utf-8"))
    checked = {e.__name__ for e in _ENUMS if e not in _UNCHECKED}
    written = [
        member.value.elts[1].value
        for cls in tree.body
        if isinstance(cls, ast.ClassDef) and cls.name in checked
        for member in cls.body
        if isinstance(member, ast.Assign)
        and isinstance(member.value, ast.Tuple)
        and isinstance(member.value.elts[1], ast.Constant)
    ]
    assert len(written) > 40
    twice = {label for label in written if written.count(label) > 1}
    assert not twice, f"labels written more than once: {sorted(twice)}"


def test_the_scan_finds_a_bare_status():
    tree = ast.parse(
        'if doc.status == "repealed":\n    doc.decision = "amend"\nx = "合法"\n'
        'colours = {"continue": 1, "published": 2}\n'
    )
    assert _bare_words(tree) == [(1, "repealed"), (2, "amend"), (3, "合法"), (4, "continue")]
