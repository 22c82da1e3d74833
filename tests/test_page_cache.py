"""Pages' macro output kept between builds (guide/mkdocs_glue/pagecache.py): a later build with
the same inputs shows the same pages without running the macros, and any change to the data
shows up on the page at once; a damaged entry is rendered again. Builds of a small project (the
fixture data and its stand-in pages) in this process."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from helpers import FAST, ROOT, parsed_page, shown
from mkdocs.commands.build import build
from mkdocs.config import load_config

from guide.data import buildcache
from guide.mkdocs_glue.pagecache import RenderedPages, inputs_digest, lint_unless_unchanged
from guide.publish import exports
from guide.views import flowchart, tables

FIXTURES = ROOT / "tests" / "fixtures"
PAGE = """# The comparison

There are {{ count("criteria") }} criteria.

{{ comparison_table() }}
"""
FRONT_MATTER_PAGE = """---
render_macros: false
---

# Braces as written

{{ count("criteria") }}
"""

pytestmark = pytest.mark.skipif(FAST, reason="builds a site: `make test` runs it")


@pytest.fixture
def build_cache(tmp_path) -> Path:
    """A build cache with no pages in it, whose other kinds of entry (layouts, compressed copies,
    compiled templates) are the user's, so that only the pages are made afresh."""
    cache = tmp_path / "cache"
    cache.mkdir()
    usual = buildcache.cache_dir("pages")
    for kind in ("elk", "precompressed", "templates"):
        if usual is not None and (usual.parent / kind).is_dir():
            (cache / kind).symlink_to(usual.parent / kind)
    return cache


@pytest.fixture
def project(tmp_path, monkeypatch, build_cache) -> Path:
    folder = tmp_path / "project"
    shutil.copytree(FIXTURES / "data", folder / "data")
    shutil.copytree(ROOT / "data" / "schema", folder / "data" / "schema")
    shutil.copytree(FIXTURES / "docs", folder / "docs")
    (folder / "docs" / "index.md").write_text(PAGE, encoding="utf-8")
    (folder / "docs" / "as-written.md").write_text(FRONT_MATTER_PAGE, encoding="utf-8")
    (folder / "mkdocs.yml").write_text(
        "site_name: Cache test\n"
        f"theme:\n  name: material\n  custom_dir: {ROOT / 'overrides'}\n"
        f"plugins:\n  - macros:\n      module_name: {ROOT / 'guide/mkdocs_glue/macros'}\n      on_undefined: strict\n"
        f"hooks:\n  - {ROOT / 'guide/mkdocs_glue/hooks.py'}\n",
        encoding="utf-8",
    )
    (folder / "node_modules").symlink_to(ROOT / "node_modules")
    monkeypatch.setenv("GUIDE_BUILD_CACHE", str(build_cache))
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    return folder


def built(project: Path, name: str) -> Path:
    """Build ``project`` into a new folder; the home page's path."""
    site = project.parent / name
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=True))
    parsed_page.cache_clear()
    return site / "index.html"


def entries(cache: Path) -> set[Path]:
    return set((cache / "pages").iterdir())


def test_later_builds_show_the_same_pages_without_the_macros_and_each_change_at_once(project, build_cache, monkeypatch):
    first = built(project, "first")
    stored = entries(build_cache)
    assert stored, "the first build stored its pages"

    with monkeypatch.context() as patched:  # the macros, the exports and the SVG must not run
        patched.setattr(tables, "full_table", lambda *args: pytest.fail("the macros ran again"))
        patched.setattr(exports, "comparison_csv", lambda *args: pytest.fail("the exports were made again"))
        patched.setattr(flowchart, "flowchart_svg", lambda *args: pytest.fail("the SVG was made again"))
        second = built(project, "second")
    assert second.read_bytes() == first.read_bytes()
    assert files_of(second.parent / "exports") == files_of(first.parent / "exports")
    for entry in (build_cache / "exported-files").iterdir():  # a damaged entry, or one naming other places
        entry.write_text('{"exports/../../escaped.txt": "x", "exports/guide.json": "{}"}', encoding="utf-8")
    again = built(project, "again")
    assert files_of(again.parent / "exports") == files_of(first.parent / "exports")
    assert not (project.parent / "escaped.txt").exists()
    assert entries(build_cache) == stored
    assert "There are 36 criteria." in parsed_page(second).get_text(" ")
    as_written = parsed_page(second.parent / "as-written" / "index.html").get_text(" ")
    assert '{{ count("criteria") }}' in as_written, "a page's own render_macros: false holds"

    criteria = project / "data" / "criteria.yml"
    criteria.write_text(criteria.read_text(encoding="utf-8").replace("title: Raw request throughput",
                                                                     "title: Requests served each second"), encoding="utf-8")
    third = built(project, "third")
    table = parsed_page(third).get_text(" ")
    assert shown("Requests served each second") in table and "Raw request throughput" not in table
    csv = (third.parent / "exports" / "comparison.csv").read_text(encoding="utf-8")
    assert "Requests served each second" in csv and "Raw request throughput" not in csv


def files_of(folder: Path) -> dict[str, bytes]:
    assert (folder / "flowchart.svg").is_file() and (folder / "guide.json").is_file()
    return {path.name: path.read_bytes() for path in folder.iterdir()}


class StandInPage:
    """What the cache reads of a page."""

    def __init__(self, src_uri: str, title: str = "A page"):
        self.file = SimpleNamespace(src_uri=src_uri)
        self.title = title
        self.meta: dict[str, object] = {}


def test_a_damaged_entry_is_rendered_again(tmp_path, monkeypatch):
    monkeypatch.setenv("GUIDE_BUILD_CACHE", str(tmp_path))
    page = StandInPage("index.md")
    first = RenderedPages("inputs")
    assert first.before_macros("{{ count('criteria') }}", page) == "{{ count('criteria') }}" and not page.meta
    first.after_macros("36", page)
    assert RenderedPages("inputs").before_macros("{{ count('criteria') }}", page) == "36"
    [entry] = (tmp_path / "pages").iterdir()
    entry.write_bytes(entry.read_bytes().replace(b"36", b"63"))
    page = StandInPage("index.md")
    assert RenderedPages("inputs").before_macros("{{ count('criteria') }}", page) == "{{ count('criteria') }}"
    assert not page.meta, "the macros plugin renders the page"


def test_other_inputs_or_a_title_with_jinja_are_rendered_afresh(tmp_path, monkeypatch):
    monkeypatch.setenv("GUIDE_BUILD_CACHE", str(tmp_path))
    page = StandInPage("index.md")
    stored = RenderedPages("inputs")
    stored.before_macros("{{ count('criteria') }}", page)
    stored.after_macros("36", page)
    assert RenderedPages("other inputs").before_macros("{{ count('criteria') }}", page) == "{{ count('criteria') }}"
    titled = StandInPage("index.md", title="{{ count('criteria') }} criteria")
    assert RenderedPages("inputs").before_macros("{{ count('criteria') }}", titled) == "{{ count('criteria') }}"


def test_the_inputs_cover_the_data_and_the_settings_but_not_where_the_project_is(tmp_path):
    def digest(folder: Path, site_url: str = "") -> str:
        config = load_config(str(folder / "mkdocs.yml"), site_url=site_url or None)
        return inputs_digest(config, folder, serving=False)

    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        shutil.copytree(FIXTURES / "data", tmp_path / name / "data")
        (tmp_path / name / "docs").mkdir()
        (tmp_path / name / "mkdocs.yml").write_text("site_name: Inputs\n", encoding="utf-8")
    one, two = tmp_path / "one", tmp_path / "two"
    assert digest(one) == digest(two)
    assert digest(one) != digest(one, site_url="https://guide.example/")
    assert digest(one) != inputs_digest(load_config(str(one / "mkdocs.yml")), one, serving=True)
    (two / "data" / "presets.yml").write_text((two / "data" / "presets.yml").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert digest(one) != digest(two)


def test_the_page_lint_is_skipped_only_for_files_it_found_clean_before(tmp_path, monkeypatch):
    """A build runs the page lint again whenever a page or a file a page may include changes, and
    never remembers a lint that found problems."""
    monkeypatch.setenv(buildcache.CACHE_VARIABLE, str(tmp_path / "cache"))
    root = tmp_path / "project"
    (root / "docs").mkdir(parents=True)
    (root / "examples").mkdir()
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (root / "examples" / "app.py").write_text("print('hi')\n", encoding="utf-8")
    runs: list[str] = []

    def lint(found: list[str]):
        return lambda: runs.append("lint") or found

    assert lint_unless_unchanged(root / "docs", root, lint([])) == [] and len(runs) == 1
    assert lint_unless_unchanged(root / "docs", root, lint([])) == [] and len(runs) == 1  # skipped
    (root / "examples" / "app.py").write_text("print('changed')\n", encoding="utf-8")
    assert lint_unless_unchanged(root / "docs", root, lint(["a problem"])) == ["a problem"] and len(runs) == 2
    assert lint_unless_unchanged(root / "docs", root, lint(["a problem"])) == ["a problem"] and len(runs) == 3
    (root / "docs" / "index.md").write_text("# Home, fixed\n", encoding="utf-8")
    assert lint_unless_unchanged(root / "docs", root, lint([])) == [] and len(runs) == 4
    monkeypatch.setenv(buildcache.CACHE_VARIABLE, "off")
    assert lint_unless_unchanged(root / "docs", root, lint([])) == [] and len(runs) == 5
