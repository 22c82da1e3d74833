"""What a page may hold beyond Markdown (guide/data/pagelint.py): calls of the guide's macros with
literal arguments and its filters, and snippets from includes/ and examples/ only. Each mistake
is reported with the page, line and column."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT
from guide.data.pagelint import lint_jinja, lint_pages, lint_snippets, registered_names

MACROS, FILTERS = registered_names()


def jinja(text: str) -> list[str]:
    return [str(p) for p in lint_jinja(text, "docs/page.md", MACROS, FILTERS)]


# --- Jinja ---------------------------------------------------------------------------------


def test_registered_macro_calls_with_literal_arguments_are_fine():
    page = (
        "# Title\n\n{{ comparison_table() }}\n{{ comparison_table(group=\"performance\") }}\n"
        "{{ criterion_verdicts('caching') }} and {{- count(\"criteria\") -}} and {{ data_reviewed() | md_text }}\n"
        "{% raw %}{{ ''.__class__ }} {% set x = 1 %}{% endraw %}\n{# a comment #}\nPlain { braces } and }} too.\n"
    )
    assert jinja(page) == []


def test_every_real_page_passes():
    assert [str(p) for p in lint_pages(ROOT / "docs", ROOT)] == []


def test_an_attribute_walk_into_python_is_refused():
    # before: rendered as the number of Python classes loaded in the build
    page = "Intro line.\n\nSubclasses: {{ ''.__class__.__mro__[1].__subclasses__()|length }}\n"
    assert jinja(page) == [
        "docs/page.md:3:13: `{{ ''.__class__.__mro__[1].__subclasses__()|length }}` is not a call "
        "of one of the guide's macros (a page may only call one of the guide's macros, e.g. `{{ glance_table() }}`; "
        "CONTRIBUTING lists them)"
    ]


@pytest.mark.parametrize("statement, name", [
    ("{% set x = 7 * 7 %}", "set"),
    ("{% for f in guide.frameworks %}{{ f }}{% endfor %}", "for"),
    ("{% include 'mkdocs.yml' %}", "include"),
    ("{% import 'x' as y %}", "import"),
    ("{%- if true %}x{% endif %}", "if"),
])
def test_statements_are_refused(statement, name):
    [first, *_] = jinja(f"Text\n  {statement}\n")
    assert first.startswith(f"docs/page.md:2:3: the Jinja statement `{{% {name} %}}` is not allowed in a page (")


@pytest.mark.parametrize("expression, column, message", [
    ("{{ guide }}", 1, "`{{ guide }}` is not a call of one of the guide's macros"),
    ("{{ config.site_name }}", 1, "`{{ config.site_name }}` is not a call of one of the guide's macros"),
    ("{{ guide.criteria | length }}", 1, "`{{ guide.criteria | length }}` is not a call of one of the guide's macros"),
    ("{{ comparsion_table() }}", 4, "`comparsion_table` is not one of the guide's macros (did you mean `comparison_table`?)"),
    ("{{ now() }}", 4, "`now` is not one of the guide's macros"),
    ("{{ criterion_verdicts(guide.criteria[0].id) }}", 23, "an argument to a macro must be text in quotes, a number, true, false or none"),
    ("{{ criterion_verdicts(x='a' ~ 'b') }}", 29, "an argument to a macro must be text in quotes, a number, true, false or none"),
    ("{{ glance_table() | attr('__class__') }}", 21, "`attr` is not one of the guide's filters (the guide's filters: md_text)"),
    ("{{ glance_table() | safe }}", 21, "`safe` is not one of the guide's filters"),
    ("{{ glance_table() + 1 }}", 19, "only the guide's filters may follow a macro call"),
    ("{{ glance_table().__class__ }}", 18, "only the guide's filters may follow a macro call"),
])
def test_other_expressions_are_refused(expression, column, message):
    [problem] = jinja(f"First line\n\nSome text {expression} more.\n")
    assert problem.startswith(f"docs/page.md:3:{10 + column}: {message}")


def test_a_jinja_syntax_error_names_the_line():
    [problem] = jinja("One\nTwo {{ comparison_table(\nThree\n")
    assert problem.startswith("docs/page.md:")
    assert "Jinja syntax error" in problem and "{% raw %}" in problem


def test_jinja_in_the_front_matter_is_refused():
    [problem] = jinja("---\ntitle: \"{{ config.extra }}\"\n---\n\n# Page\n")
    assert problem.startswith("docs/page.md:2:9: `{{ config.extra }}` is not a call")


def test_deeply_nested_jinja_is_a_problem_not_a_crash():
    [problem] = jinja("{{ " + "(" * 5000 + "1" + ")" * 5000 + " }}")
    assert problem.startswith("docs/page.md:1:")


# --- the macro list ------------------------------------------------------------------------


def test_the_macro_list_is_what_the_macros_plugin_registers():
    """The lint reads guide/data/macronames.py; the plugin runs guide/mkdocs_glue/macros.py. Both must name the same macros and
    filters, apart from the plugin's own built-ins (which pages may not use)."""
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    config.plugins.on_config(config)
    plugin = config.plugins["macros"]
    built_in = {"context", "macros_info", "now", "fix_url"}
    assert set(plugin.macros) - built_in == MACROS
    assert set(plugin.filters) - {"pretty", "relative_url"} == FILTERS


# --- snippets ------------------------------------------------------------------------------


@pytest.fixture
def project(tmp_path) -> Path:
    """A project with includes/, examples/ and secrets beside them."""
    (tmp_path / "includes").mkdir()
    (tmp_path / "includes" / "abbreviations.md").write_text("*[API]: Application Programming Interface\n")
    (tmp_path / "examples" / "app").mkdir(parents=True)
    (tmp_path / "examples" / "app" / "main.py").write_text("# --8<-- [start:part]\nprint('hi')\n# --8<-- [end:part]\n")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text('[remote "origin"]\n\turl = https://token@example.invalid/x.git\n')
    return tmp_path


def snippets(project: Path, text: str) -> list[str]:
    return [str(p) for p in lint_snippets(text, "docs/page.md", project)]


def test_snippets_from_includes_and_examples_are_fine(project):
    text = '--8<-- "abbreviations.md"\n    --8<-- "app/main.py"\n--8<-- "app/main.py:part"\n;--8<-- ".git/config"\n'
    assert snippets(project, text) == []


@pytest.mark.parametrize("path, message", [
    (".git/config", "the snippet '.git/config' is not a file in includes/ or examples/"),
    ("../.git/config", "the snippet '../.git/config' points outside the snippet folders"),
    ("app/../../.git/config", "the snippet 'app/../../.git/config' points outside the snippet folders"),
    ("/etc/passwd", "the snippet '/etc/passwd' points outside the snippet folders"),
    ("https://example.invalid/x.md", "the snippet 'https://example.invalid/x.md' is an address"),
    ("app/missing.py", "the snippet 'app/missing.py' is not a file in includes/ or examples/"),
])
def test_snippets_from_anywhere_else_are_refused(project, path, message):
    [problem] = snippets(project, f'Intro\n\n    --8<-- "{path}"\n')
    assert problem.startswith(f"docs/page.md:3:12: {message}")


def test_the_hint_shows_the_path_inside_the_folder(project):
    [problem] = snippets(project, '--8<-- "examples/app/main.py"\n')
    assert problem.endswith("(paths start inside includes/ or examples/: write `app/main.py`)")


def test_snippets_in_a_block_are_checked(project):
    [problem] = snippets(project, "--8<--\nabbreviations.md\n.git/config\n--8<--\n")
    assert problem.startswith("docs/page.md:3:1: the snippet '.git/config' is not a file")


def test_a_symbolic_link_out_of_the_folders_is_refused(project):
    (project / "examples" / "config.txt").symlink_to(project / ".git" / "config")
    [problem] = snippets(project, '--8<-- "config.txt"\n')
    assert problem.startswith("docs/page.md:1:8: the snippet 'config.txt' is a link to a file outside the snippet folders")


def test_a_snippet_inside_an_included_file_is_checked_too(project):
    (project / "includes" / "nested.md").write_text('Some text\n--8<-- "../.git/config"\n')
    [problem] = snippets(project, '--8<-- "nested.md"\n')
    assert problem.startswith("includes/nested.md:2:8: the snippet '../.git/config' points outside")


def test_an_include_loop_ends(project):
    (project / "includes" / "a.md").write_text('--8<-- "b.md"\n')
    (project / "includes" / "b.md").write_text('--8<-- "a.md"\n')
    assert snippets(project, '--8<-- "a.md"\n') == []


def test_the_snippet_settings_refuse_escapes_even_without_the_lint(project):
    """A second lock: mkdocs.yml's pymdownx.snippets settings alone refuse a path out of the
    folders and a missing file, whatever the lint lets through."""
    import markdown
    import yaml
    from pymdownx.snippets import SnippetMissingError

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    settings = next(
        item["pymdownx.snippets"] for item in yaml.load((ROOT / "mkdocs.yml").read_text(), Loader)["markdown_extensions"]
        if isinstance(item, dict) and "pymdownx.snippets" in item
    )
    settings = {**settings, "base_path": [str(project / folder) for folder in settings["base_path"]], "auto_append": []}
    renderer = markdown.Markdown(extensions=["pymdownx.snippets"], extension_configs={"pymdownx.snippets": settings})
    assert renderer.convert('--8<-- "app/main.py:part"') == "<p>print('hi')</p>"
    for escape in ['--8<-- "../.git/config"', '--8<-- ".git/config"', '--8<-- "app/missing.py"']:
        with pytest.raises(SnippetMissingError):
            renderer.reset().convert(escape)


# --- `make check` --------------------------------------------------------------------------


def test_make_check_reports_page_problems(tmp_path):
    for folder in ("data", "includes", "examples"):
        (tmp_path / folder).symlink_to(ROOT / folder)
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    page = tmp_path / "docs" / "performance.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n{% set x = 1 %}\n--8<-- \"../.git/config\"\n", encoding="utf-8")
    lines = page.read_text(encoding="utf-8").count("\n")
    result = subprocess.run([sys.executable, "-m", "guide", "check", "--root", str(tmp_path)], capture_output=True, text=True)
    assert result.returncode == 1
    assert f"docs/performance.md:{lines - 1}:1: the Jinja statement `{{% set %}}` is not allowed in a page" in result.stderr
    assert f"docs/performance.md:{lines}:8: the snippet '../.git/config' points outside the snippet folders" in result.stderr
    assert "check failed: 2 errors" in result.stderr


# --- the text itself and its front matter ----------------------------------------------------


def page_problems(tmp_path: Path, text: str) -> list[str]:
    for folder in ("includes", "examples"):
        (tmp_path / folder).mkdir(exist_ok=True)
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "docs" / "page.md").write_text(text, encoding="utf-8")
    return [str(p) for p in lint_pages(tmp_path / "docs", tmp_path)]


def test_an_alias_bomb_in_the_front_matter_is_refused(tmp_path):
    # MkDocs loads it with aliases; a template printing `description` would expand all of it
    bomb = "---\ntitle: Page\nx: &a [1, 1, 1, 1, 1, 1, 1, 1, 1]\ndescription: [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n---\n\n# Page\n"
    assert page_problems(tmp_path, bomb) == [
        "docs/page.md:3:4: front matter: x: the anchor `&a` names a value for reuse, which is not allowed "
        "(remove the anchor and write out each value where it is needed)"
    ]


def test_a_tag_in_the_front_matter_is_refused(tmp_path):
    [problem] = page_problems(tmp_path, "---\ntitle: !!python/name:os.system\n---\n")
    assert problem.startswith("docs/page.md:2:8: front matter: title: the tag `!!python/name:os.system` is not allowed")


def test_front_matter_that_mkdocs_would_show_as_text_is_refused(tmp_path):
    # MkDocs ignores front matter it cannot parse and prints it at the top of the page instead
    [problem] = page_problems(tmp_path, "---\ndescription: How they scale: workers and caches.\n---\n\n# Page\n")
    assert problem.startswith("docs/page.md:2:28: front matter: YAML syntax error: mapping values are not allowed here")


def test_the_front_matter_pattern_is_mkdocs_own():
    from mkdocs.utils.meta import YAML_RE

    from guide.data.pagelint import FRONT_MATTER

    assert (FRONT_MATTER.pattern, FRONT_MATTER.flags) == (YAML_RE.pattern, YAML_RE.flags)


def test_a_bidirectional_control_in_a_page_is_refused_where_it_stands(tmp_path):
    problems = page_problems(tmp_path, "# Page\n\nFastAPI is \u202eslow\u202c, say the numbers.\n")
    assert problems[0].startswith("docs/page.md:3:12: contains U+202E RIGHT-TO-LEFT OVERRIDE")
    assert problems[1].startswith("docs/page.md:3:17: contains U+202C POP DIRECTIONAL FORMATTING")


def test_a_bidirectional_control_in_included_code_is_refused(tmp_path):
    """Trojan Source: code that reads one way in the page and runs another."""
    (tmp_path / "examples").mkdir()
    (tmp_path / "examples" / "check.py").write_text('access = "user\u202e \u2066# admin\u2069 \u2066"\n', encoding="utf-8")
    problems = page_problems(tmp_path, '# Page\n\n--8<-- "check.py"\n')
    assert problems and all(p.startswith("examples/check.py:1:") for p in problems)
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in problems[0]
