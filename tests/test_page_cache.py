"""Pages' macro output kept between builds (guide/mkdocs_glue/pagecache.py): a later build with
the same inputs shows the same pages without running the macros, and any change to the data
shows up on the page at once; a damaged entry is rendered again. Builds of a small project (the
fixture data and its stand-in pages) in this process."""

from __future__ import annotations

import datetime as dt
import logging
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from helpers import FAST, ROOT, parsed_page, shown
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from guide.data import buildcache, projectcheck, validate
from guide.mkdocs_glue import pagecache
from guide.mkdocs_glue.pagecache import CleanCheck, RenderedPages, inputs_digest
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

    with monkeypatch.context() as patched:  # no check, no data, no macros, no exports and no SVG
        patched.setattr(projectcheck, "check_contents", lambda *args: pytest.fail("the data and the pages were checked again"))
        patched.setattr(validate, "load_guide", lambda *args, **kwargs: pytest.fail("the data was loaded"))
        patched.setattr(tables, "full_table", lambda *args: pytest.fail("the macros ran again"))
        patched.setattr(exports, "comparison_csv", lambda *args: pytest.fail("the exports were made again"))
        patched.setattr(flowchart, "flowchart_svg", lambda *args: pytest.fail("the SVG was made again"))
        second = built(project, "second")
    assert second.read_bytes() == first.read_bytes()
    assert files_of(second.parent / "exports") == files_of(first.parent / "exports")
    for entry in (build_cache / "published-files").iterdir():  # a damaged entry, or one naming other places
        entry.write_bytes(buildcache.json_entry({"exports/../../escaped.txt": "x", "exports/guide.json": "{}"}))
    for entry in (build_cache / "from-data").iterdir():
        entry.write_bytes(buildcache.json_entry({"reviewed": "2026-01-01", "embed_pages": {"embed/../../escaped.md": "x"}}))
    again = built(project, "again")
    assert files_of(again.parent / "exports") == files_of(first.parent / "exports")
    assert not (project.parent / "escaped.txt").exists()
    assert again.read_bytes() == first.read_bytes() and not list(project.parent.rglob("escaped.*"))
    assert {p.name for p in (again.parent / "embed").iterdir()} == {p.name for p in (first.parent / "embed").iterdir()}
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
    today = digest(one)

    class Tomorrow(dt.date):
        @classmethod
        def today(cls) -> dt.date:
            return dt.date(2100, 1, 1)

    with pytest.MonkeyPatch.context() as patched:  # a review may turn stale overnight
        patched.setattr(pagecache.dt, "date", Tomorrow)
        assert digest(one) != today
    (two / "data" / "presets.yml").write_text((two / "data" / "presets.yml").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert digest(one) != digest(two)


def test_the_check_is_skipped_only_when_nothing_it_reads_changed_since_it_passed(tmp_path, monkeypatch):
    """A build checks the data and the pages again whenever a data file, a page, a file a page may
    include or the day changes, and never remembers a check that found problems."""
    monkeypatch.setenv(buildcache.CACHE_VARIABLE, str(tmp_path / "cache"))
    root = tmp_path / "project"
    for folder in ("docs", "data", "examples", "includes"):
        (root / folder).mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (root / "data" / "presets.yml").write_text("presets: []\n", encoding="utf-8")
    (root / "examples" / "app.py").write_text("print('hi')\n", encoding="utf-8")

    def passed_before() -> bool:
        return CleanCheck(root, root / "docs").passed_before()

    assert not passed_before()
    CleanCheck(root, root / "docs").remember_passed()
    assert passed_before()
    for changed in ("docs/index.md", "data/presets.yml", "examples/app.py", "includes/abbreviations.md", "docs/__pycache__/page.md"):
        (root / changed).parent.mkdir(exist_ok=True)
        (root / changed).write_text("changed\n", encoding="utf-8")
        assert not passed_before(), f"{changed} changed"
        CleanCheck(root, root / "docs").remember_passed()
        assert passed_before()

    class Tomorrow(dt.date):
        @classmethod
        def today(cls) -> dt.date:
            return dt.date(2100, 1, 1)

    with monkeypatch.context() as patched:
        patched.setattr(pagecache.dt, "date", Tomorrow)
        assert not passed_before(), "a date in the data may only be checked against the day of the build"
    assert passed_before()

    (root / "docs" / "index.md").write_text("# As the check began\n", encoding="utf-8")
    during = CleanCheck(root, root / "docs")
    (root / "docs" / "index.md").write_text("# Saved while the check ran\n", encoding="utf-8")
    during.remember_passed()  # the check may have read either text: neither counts as checked
    assert not passed_before()
    (root / "docs" / "index.md").write_text("# As the check began\n", encoding="utf-8")
    assert not passed_before()

    (root / "docs" / "index.md").write_text("# Checked with the cache off\n", encoding="utf-8")
    with monkeypatch.context() as patched:
        patched.setenv(buildcache.CACHE_VARIABLE, "off")
        CleanCheck(root, root / "docs").remember_passed()
        assert not passed_before()
    assert not passed_before(), "with the cache off nothing was remembered"


def test_a_build_after_a_clean_one_fails_on_a_new_error(project, build_cache, caplog):
    built(project, "first")
    frameworks = project / "data" / "frameworks.yml"
    frameworks.write_text(frameworks.read_text(encoding="utf-8").replace("id: fastapi", "id: FastAPI", 1), encoding="utf-8")
    with pytest.raises(Abort):
        built(project, "second")
    assert "data/frameworks.yml:5:9: frameworks[0].id: 'FastAPI' is not a valid id" in caplog.text
