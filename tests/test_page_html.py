"""Raw HTML in a page (guide/data/pagehtml.py): what would run code, load something from
elsewhere or restyle the page is refused at its line and column; layout HTML and anything
Markdown shows as code passes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from helpers import ROOT, build_site, copy_project
from guide.data.pagehtml import AUTO_APPEND, MARKDOWN_EXTENSIONS, MAX_PROBLEMS, HtmlReader
from guide.data.filekinds import SNIPPET_FOLDERS
from guide.data.pagelint import jinja_output, lint_pages


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """includes/ with the abbreviations every page gets, examples/ with code to include."""
    root = tmp_path_factory.mktemp("project")
    (root / "includes").mkdir()
    (root / "includes" / "abbreviations.md").write_text("*[API]: Application programming interface\n")
    (root / "examples").mkdir()
    (root / "examples" / "page.html").write_text('<p>Hello</p>\n<script src="x.js"></script>\n')
    (root / "examples" / "escape.py").write_text('print("hi")\n```\n\n<style>body{display:none}</style>\n')
    return root


@pytest.fixture(scope="module")
def reader(project) -> HtmlReader:
    return HtmlReader(project, SNIPPET_FOLDERS)


@pytest.fixture
def html(reader):
    def problems(text: str) -> list[str]:
        return [str(p) for p in reader.lint(text, *jinja_output(text), "docs/page.md")]

    return problems


def at_line_3(snippet: str) -> str:
    return f"# Page\n\nSome text {snippet} and more.\n"


# --- refused ---------------------------------------------------------------------------------


@pytest.mark.parametrize("snippet, tag, effect", [
    ("<script>alert(1)</script>", "script", "would run code in the reader's browser"),
    ("<style>body { display: none }</style>", "style", "would restyle the page"),
    ('<link rel="stylesheet" href="print.css">', "link", "would load a file into the page"),
    ('<meta http-equiv="refresh" content="0">', "meta", "would change how the browser treats the page"),
    ('<base href="/elsewhere/">', "base", "would change where every link on the page points"),
    ("<iframe></iframe>", "iframe", "would show content from elsewhere inside the page"),
    ("<frame>", "frame", "would show content from elsewhere inside the page"),
    ("<object></object>", "object", "would show content from elsewhere inside the page"),
    ("<embed>", "embed", "would show content from elsewhere inside the page"),
    ('<form action="/subscribe"><input name="q"></form>', "form", "would send what a reader types to another address"),
    ("<SCRIPT>alert(1)</SCRIPT>", "script", "would run code"),
    ("\\<script>alert(1)</script>", "script", "would run code"),  # a backslash does not escape `<` in Markdown
])
def test_a_refused_tag_is_named_where_it_starts(html, snippet, tag, effect):
    [problem] = html(at_line_3(snippet))
    column = 11 + snippet.index("<")
    assert problem.startswith(f"docs/page.md:3:{column}: the HTML tag `<{tag}>` {effect}")
    assert "put it between backticks or in a fenced code block" in problem


@pytest.mark.parametrize("snippet, at, message", [
    ('<img src="chart.png" alt="" onerror="alert(1)">', "onerror", "the attribute `onerror` on `<img>` would run code"),
    ("<details open ontoggle=alert(1)><summary>x</summary></details>", "ontoggle",
     "the attribute `ontoggle` on `<details>` would run code"),
    ('<span style="color: red">warm</span>', "style", "the attribute `style` on `<span>` would restyle the page"),
    ('<a href="javascript:alert(1)">x</a>', "javascript", "the javascript: address in `href` on `<a>` would run code"),
    ('<a href=" JavaScript:alert(1)">x</a>', "JavaScript", "the javascript: address in `href`"),
    ('<a href="java&#x09;script:alert(1)">x</a>', "href", "the javascript: address in `href`"),
    ('<a href="javascript&colon;alert(1)">x</a>', "javascript", "the javascript: address in `href`"),
    ('<a href="vbscript:msgbox(1)">x</a>', "vbscript", "the vbscript: address in `href` on `<a>` would run code"),
    ('<button formaction="javascript:alert(1)">x</button>', "javascript", "the javascript: address in `formaction`"),
    ('<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', "javascript",
     "the javascript: address in `xlink:href`"),
    ('<a href="data:text/html,hello">x</a>', "data", "the data: address in `href` on `<a>` puts a whole file in the page"),
    ('<img src="data:image/svg+xml,x" alt="">', "data", "the data: address in `src` on `<img>`"),
    ('<img src="https://example.org/pixel.png" alt="">', "https", "`<img>` would load `https://example.org/pixel.png` from another site"),
    ('<img src="//example.org/pixel.png" alt="">', "//", "`<img>` would load `//example.org/pixel.png` from another site"),
    ('<img srcset="a.png 1x, https://example.org/b.png 2x" alt="">', "a.png", "`<img>` would load"),
    ('<video poster="https://example.org/p.png"></video>', "https", "`<video>` would load"),
])
def test_a_refused_attribute_is_named_where_it_stands(html, snippet, at, message):
    """At the address when it can be found as written, else at the attribute."""
    [problem] = html(at_line_3(snippet))
    assert problem.startswith(f"docs/page.md:3:{11 + snippet.index(at)}: {message}"), problem


@pytest.mark.parametrize("text, where, message", [
    ("# Page\n\nSee [the demo](javascript:alert(1)).\n", "3:16", "the javascript: address in `href` on `<a>`"),
    ("# Page\n\n[demo]: javascript:alert(1)\n\nSee [demo].\n", "3:9", "the javascript: address in `href` on `<a>`"),
    ("# Page\n\n![A chart](https://example.org/chart.png)\n", "3:12", "`<img>` would load `https://example.org/chart.png`"),
    ('# Page {: onclick="alert(1)" }\n', "1:11", "the attribute `onclick` on `<h1>` would run code"),
    ('# Page\n\nA paragraph.\n{: style="display: none" }\n', "4:4", "the attribute `style` on `<p>` would restyle the page"),
    ('# Page\n\n```{.python onclick="alert(1)"}\nprint(1)\n```\n', "3:13", "the attribute `onclick` on `<pre>` would run code"),
])
def test_markdown_that_makes_the_same_html_is_refused(html, text, where, message):
    [problem] = html(text)
    assert problem.startswith(f"docs/page.md:{where}: {message}"), problem


@pytest.mark.parametrize("text, where", [
    ("<div>\n`<script>alert(1)</script>`\n</div>\n", "2:2"),  # backticks in an HTML block are text, not code
    ("```\n<script>alert(1)</script>\n", "2:1"),  # a fence that never closes is not one
    ("  ```\n<script>alert(1)</script>\n  ```\n", "2:1"),  # the line leaves the fence's indentation
    ("<!--> <script>alert(1)</script> -->\n", "1:7"),  # browsers end `<!-->` at once
    ("<!-- a --!> <script>alert(1)</script> -->\n", "1:13"),  # and `--!>` too
    ("Text <![CDATA[><script>alert(1)</script>]]>\n", "1:16"),  # outside SVG, `<![CDATA[` ends at `>`
    ("<scr{# split #}ipt>alert(1)</script>\n", "1:1"),  # Jinja's comment goes before Markdown reads the tag
    ("{% raw %}<script>alert(1)</script>{% endraw %}\n", "1:10"),
])
def test_html_that_only_looks_like_code_or_a_comment_is_refused(html, text, where):
    [problem] = html(text)
    assert problem.startswith(f"docs/page.md:{where}: the HTML tag `<script>` would run code")


def test_a_page_full_of_scripts_names_the_first_ones_in_order(html):
    problems = html("<script>x</script>\n" * (MAX_PROBLEMS + 10))
    assert [p.split(": ")[0] for p in problems] == [f"docs/page.md:{line}:1" for line in range(1, MAX_PROBLEMS + 1)]


# --- allowed ---------------------------------------------------------------------------------


def test_layout_html_the_pages_use_passes(html):
    page = (
        '# Page\n\n<div class="guide-start" markdown>\n\nText with **bold**.\n\n</div>\n\n'
        '<div class="grid cards" markdown>\n\n- One\n- Two\n\n</div>\n\n'
        '<span class="note" id="n1">a span</span>, <abbr title="Application programming interface">API</abbr>,\n'
        '<kbd>Ctrl</kbd>, <sup>1</sup>, <br>, <a href="../exports/flowchart.svg" download>flowchart.svg</a>,\n'
        '<a href="../../schema/x.json"><code>schema/x.json</code></a>, <a href="https://example.org/">a site</a>,\n'
        '<img src="../assets/chart.png" alt="A chart">, <a href="#top" title="javascript is fine as text">top</a>\n\n'
        "<details><summary>More</summary>\n\nHidden text.\n\n</details>\n\n"
        "<!-- a comment, even one with <b>bold</b> in it -->\n\n"
        "[A link](https://example.org/) and ![a chart](../assets/chart.png){: .wide #chart }\n\n"
        "| `examples/django_project/<app>/` | One app per task |\n| --- | --- |\n| a | b |\n\n"
        '{{ glance_table() }} and {{ criterion_verdicts("admin") }}\n'
    )
    assert html(page) == []


def test_html_shown_as_code_passes(html):
    page = (
        "# Page\n\nInline: `<script>alert(1)</script>`, ``a `<style>` tag``, `<img onerror=x>`.\n\n"
        '```html\n<iframe src="https://example.org/embed/" style="border:0"></iframe>\n'
        '<script src="https://example.org/embed-host.js" async></script>\n```\n\n'
        "~~~~\n```\n<script>still code: the fence is four tildes</script>\n```\n~~~~\n\n"
        "Indented:\n\n    <form action=\"https://example.org/\"><script>x()</script></form>\n\n"
        '=== "Tab"\n\n    ```html\n    <link rel="stylesheet" href="https://example.org/x.css">\n    ```\n\n'
        '!!! note\n\n    ```html\n    <meta http-equiv="refresh" content="0">\n    ```\n\n'
        "- A list item\n\n    ```js\n    document.body.onclick = () => {};\n    ```\n\n"
        "Escaped: &lt;script&gt;alert(1)&lt;/script&gt;.\n"
    )
    assert html(page) == []


# --- pages and the files they include ---------------------------------------------------------


def lint(project: Path, pages: dict[str, str]) -> list[str]:
    docs = project / "docs"
    docs.mkdir(exist_ok=True)
    for old in docs.glob("*.md"):
        old.unlink()
    for name, text in pages.items():
        (docs / name).write_text(text, encoding="utf-8")
    return [str(p) for p in lint_pages(docs, project)]


def test_html_in_an_included_file_is_refused_where_it_is_written(project):
    [problem] = lint(project, {"page.md": '# Page\n\n--8<-- "page.html"\n'})
    assert problem.startswith("examples/page.html:2:1: the HTML tag `<script>` would run code")


def test_the_same_file_included_in_a_code_block_passes(project):
    assert lint(project, {"page.md": '# Page\n\n```html\n--8<-- "page.html"\n```\n'}) == []


def test_an_included_file_cannot_close_the_code_block_it_is_in(project):
    [problem] = lint(project, {"page.md": '# Page\n\n```python\n--8<-- "escape.py"\n```\n'})
    assert problem.startswith("examples/escape.py:4:1: the HTML tag `<style>` would restyle the page")


def test_a_file_every_page_includes_is_reported_once(project):
    abbreviations = project / "includes" / "abbreviations.md"
    good = abbreviations.read_text()
    abbreviations.write_text(good + "<script>alert(1)</script>\n")
    try:
        problems = lint(project, {"one.md": "# One\n", "two.md": "# Two\n"})
    finally:
        abbreviations.write_text(good)
    assert problems == ["includes/abbreviations.md:2:1: the HTML tag `<script>` would run code in the reader's browser "
                        "(the guide's scripts live in docs/assets/javascripts/; to show it as code, put it between "
                        "backticks or in a fenced code block)"]


# --- the settings, the messages, the real pages ------------------------------------------------


def mkdocs_markdown_settings() -> list:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader)["markdown_extensions"]


def test_the_page_is_read_with_mkdocs_markdown_extensions():
    settings = mkdocs_markdown_settings()
    names = [item if isinstance(item, str) else next(iter(item)) for item in settings]
    assert sorted(names) == sorted(MARKDOWN_EXTENSIONS)
    snippets = next(item["pymdownx.snippets"] for item in settings if isinstance(item, dict) and "pymdownx.snippets" in item)
    assert tuple(snippets["auto_append"]) == AUTO_APPEND and tuple(snippets["base_path"]) == SNIPPET_FOLDERS


def test_messages_read_like_the_others(html):
    text = "\n\n".join(["<script>x</script>", '<img src="https://e.org/a.png" onerror="x" style="y">',
                        '<a href="javascript:x">a</a> <a href="data:,x">b</a>', "<iframe></iframe><form></form>"])
    problems = [p for p in HtmlReader(ROOT, SNIPPET_FOLDERS).lint(text, *jinja_output(text), "docs/page.md")]
    assert len(problems) == 8
    for problem in problems:
        for part in (problem.message, problem.hint):
            assert not part[:1].isupper() and not part.endswith(".") and "(" not in re.sub(r"`[^`]*`", "", part), part


# --- `make check` and the build ---------------------------------------------------------------


def test_make_check_and_the_build_refuse_a_script_in_a_page(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "performance.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\nFast <script>fetch('/steal?c=' + document.cookie)</script>\n", encoding="utf-8")
    where = f"docs/performance.md:{text.count(chr(10)) + 2}:6: the HTML tag `<script>` would run code"
    check = subprocess.run([sys.executable, "-m", "guide", "check", "--root", str(project)], capture_output=True, text=True)
    assert check.returncode == 1 and where in check.stderr and "check failed: 1 error" in check.stderr
    build = build_site(project, tmp_path / "site")
    assert build.returncode != 0 and where in build.stderr
    assert not (tmp_path / "site" / "performance" / "index.html").exists()  # stopped before any page rendered


# --- a page that would stall Markdown; pages found clean before --------------------------------


def test_a_page_of_tags_that_never_close_is_refused_before_markdown_reads_it(html, project):
    page = "# Page\n\n" + "<a " * 50_000  # about 5 minutes of Markdown's HTML reader
    (problem,) = html(page)
    assert problem.startswith("docs/page.md:3:1: 50000 '<' start a tag that never closes, over the 1000 a page may hold")
    (project / "examples" / "crowded.md").write_text("x\n" + "<b " * 2000)
    try:
        (problem,) = html('# Page\n\n--8<-- "crowded.md"\n')
    finally:
        (project / "examples" / "crowded.md").unlink()
    assert problem.startswith("examples/crowded.md:2:1: 2000 '<' start a tag")
    assert html("# Page\n\n" + "Compare a<b and c<d. " * 100) == []  # a few hundred are fine


def test_a_page_found_clean_is_not_read_again_until_it_or_an_include_changes(project, tmp_path, monkeypatch):
    monkeypatch.setenv("GUIDE_BUILD_CACHE", str(tmp_path))
    page = '# Page\n\n<span class="x">Hi</span>\n\n--8<-- "page.py"\n'
    (project / "examples" / "page.py").write_text("print('hello')\n")
    try:
        assert HtmlReader(project, SNIPPET_FOLDERS).lint(page, *jinja_output(page), "docs/page.md") == []

        unread = HtmlReader(project, SNIPPET_FOLDERS)
        monkeypatch.setattr(HtmlReader, "markdown", property(lambda self: pytest.fail("read again")))
        assert unread.lint(page, *jinja_output(page), "docs/page.md") == []
        monkeypatch.undo()
        monkeypatch.setenv("GUIDE_BUILD_CACHE", str(tmp_path))

        (project / "examples" / "page.py").write_text("```\n\n<script>x()</script>\n")  # the include now escapes its fence
        problems = HtmlReader(project, SNIPPET_FOLDERS).lint(page, *jinja_output(page), "docs/page.md")
        assert [p.file for p in problems] == ["examples/page.py"]
    finally:
        (project / "examples" / "page.py").unlink()
