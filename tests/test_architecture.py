"""Structure the code keeps: markup only in templates, no reaching into another module's private
names, rating colours defined once, and the Guide's lookups by id.

Modules are found by walking ``guide/``, so a new module is held to the same rules.
"""

from __future__ import annotations

import ast
import datetime as dt
import re
from pathlib import Path

import pytest

import guide
from guide.data.scale import Rating
from guide.views.tables import RATING_COLOURS

GUIDE = Path(guide.__file__).parent
ROOT = GUIDE.parent
TAG = re.compile(r"</?[a-z][a-z0-9]*[\s>/]")
CODE_SPAN = re.compile(r"`[^`]*`")  # a tag named in a message (`<form>`) is text, not markup
# Modules whose string constants may hold tags, and why.
TAGS_ALLOWED = {
    "data/text.py": "the escaping primitive behind the templates' `text` filter writes <code>",
    "publish/embeds.py": "breakable() joins escaped text with <wbr>, a fragment known safe",
    "publish/headers.py": "reads the built HTML and writes nginx comments",
    "publish/inlinecode.py": "reads the built HTML: its patterns and messages name tags",
    "mkdocs_glue/site.py": "marks MkDocs' own code blocks in the finished page",
}


def python_files() -> list[Path]:
    return sorted(GUIDE.rglob("*.py"))


def string_constants(tree: ast.AST) -> list[ast.Constant]:
    """Every string literal except docstrings."""
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)
    }
    return [node for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


def test_markup_is_written_in_templates_not_in_python():
    found = []
    for path in python_files():
        name = path.relative_to(GUIDE).as_posix()
        if name in TAGS_ALLOWED:
            continue
        for node in string_constants(ast.parse(path.read_text(encoding="utf-8"))):
            if TAG.search(CODE_SPAN.sub("", node.value)):
                found.append(f"guide/{name}:{node.lineno}: {node.value[:60]!r}")
    assert found == [], "write markup in guide/views/templates/ (see its README)"


def test_the_markup_check_sees_tags():
    tree = ast.parse('"""<p>a docstring</p>"""\nx = f\'<a href="{y}">\'\n')
    assert [node.value for node in string_constants(tree) if TAG.search(node.value)] == ['<a href="']


def test_no_module_imports_another_modules_private_names():
    found = []
    for path in [*python_files(), *sorted((ROOT / "tests").rglob("*.py")), *sorted((ROOT / "benchmarks").rglob("*.py"))]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("guide"):
                found += [f"{path.relative_to(ROOT)}: {alias.name} from {node.module}"
                          for alias in node.names if alias.name.startswith("_")]
    assert found == []


def test_rating_colours_are_the_stylesheets():
    """The HTML export inlines RATING_COLOURS; guide.css declares the same as custom properties."""
    css = (ROOT / "docs" / "assets" / "stylesheets" / "guide.css").read_text(encoding="utf-8")
    light = re.search(r":root\s*\{([^}]*)\}", css)
    assert light, "guide.css declares the light palette's colours in :root"
    for rating in Rating:
        background, colour = RATING_COLOURS[rating]
        declared = dict(re.findall(rf"--guide-{rating.value}-(bg|fg):\s*(#[0-9a-fA-F]+)", light.group(1)))
        assert declared == {"bg": background, "fg": colour}, rating


@pytest.fixture(scope="module")
def real_guide():
    from guide.data.validate import load_guide

    return load_guide(ROOT / "data")


def test_lookups_by_id_find_every_item_and_name_what_is_missing(real_guide):
    assert all(real_guide.criterion(c.id) is c for c in real_guide.criteria)
    assert all(real_guide.group(g.id) is g for g in real_guide.groups)
    assert all(real_guide.framework(f.id) is f for f in real_guide.frameworks)
    assert all(c in real_guide.group_of(c).criteria for c in real_guide.criteria)
    with pytest.raises(KeyError, match="no criterion has the id 'nope'"):
        real_guide.criterion("nope")


def test_a_copy_with_other_data_does_not_keep_the_originals_lookups(real_guide):
    real_guide.criterion(real_guide.criteria[0].id)  # the lookups are built
    assert real_guide.reviewed
    group = real_guide.groups[0]
    added = group.criteria[0].model_copy(update={"id": "added-criterion", "reviewed": dt.date(2999, 1, 1)})
    copy = real_guide.model_copy(update={"groups": [group.model_copy(update={"criteria": [added]}), *real_guide.groups[1:]]})
    assert copy.criterion("added-criterion") is added
    assert copy.group_of(added).id == group.id
    assert copy.reviewed == dt.date(2999, 1, 1) != real_guide.reviewed


def test_the_decision_tree_looks_nodes_up_and_a_copy_forgets_them(real_guide):
    decision = real_guide.decision
    question = decision.questions[0]
    assert decision.question(question.id) is question and decision.question(decision.outcomes[0].id) is None
    assert decision.title(question.id) == question.text
    assert decision.title(decision.outcomes[0].id) == decision.outcomes[0].title
    assert decision.answered((question.id, 0)) == (question, question.answers[0])
    renamed = question.model_copy(update={"text": "A question asked differently?"})
    copy = decision.model_copy(update={"questions": [renamed, *decision.questions[1:]]})
    assert copy.title(question.id) == "A question asked differently?" != decision.title(question.id)
