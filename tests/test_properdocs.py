"""Longevity: the site builds unchanged with ProperDocs, the drop-in continuation of MkDocs 1.x.

ProperDocs reads the same mkdocs.yml, runs the same theme, plugins and hook (it redirects their
``mkdocs.*`` imports to itself), so a strict build must give the same pages and the same
comparison tables as the MkDocs build. If this test fails, moving to ProperDocs is no longer free:
see docs/contributing/migration.md.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import ROOT, build_site, once_per_run, parsed_page

pytest.importorskip("properdocs", reason="properdocs is in requirements-test.txt")


def build_with_properdocs(folder: Path) -> Path:
    site = folder / "site"
    result = build_site(ROOT, site, "--config-file", "mkdocs.yml", tool="properdocs")
    assert result.returncode == 0, f"strict ProperDocs build failed:\n{result.stdout}\n{result.stderr}"
    return site


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory) -> Path:
    return once_per_run(tmp_path_factory, "properdocs-site", build_with_properdocs)


def html_pages(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*.html")}


def text(element) -> str:
    return " ".join(element.get_text(" ", strip=True).split())


def tables_and_ratings(page: Path) -> tuple[list[tuple[str, list[str], list[str]]], list[str]]:
    """Each ``table.guide-table`` (its caption, its row headers and the classes of its ratings),
    and every rating badge on the page, tables or not (verdict boxes, cards, the outline)."""
    soup = parsed_page(page)  # find_all: what the CSS selectors found, in less than half the time
    tables = []
    for table in soup.find_all("table", class_="guide-table"):
        caption = text(table.caption) if table.caption else ""
        row_headers = [text(th) for th in table.find_all("th", scope=["row", "rowgroup"])]
        ratings = [" ".join(badge.get("class", [])) for badge in table.find_all(class_="guide-rating")]
        tables.append((caption, row_headers, ratings))
    return tables, [" ".join(badge.get("class", [])) for badge in soup.find_all(class_="guide-rating")]


def test_properdocs_builds_the_same_pages(built_site, properdocs_site):
    mkdocs_pages, properdocs_pages = html_pages(built_site), html_pages(properdocs_site)
    assert "comparison/index.html" in mkdocs_pages
    assert properdocs_pages == mkdocs_pages, (
        f"only MkDocs: {sorted(mkdocs_pages - properdocs_pages)}; only ProperDocs: {sorted(properdocs_pages - mkdocs_pages)}"
    )


GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*"')


def same_apart_from_generator(one: Path, other: Path) -> bool:
    """Byte for byte, apart from the ``generator`` meta tag that names the tool."""
    return GENERATOR.sub(b"", one.read_bytes(), count=1) == GENERATOR.sub(b"", other.read_bytes(), count=1)


def test_properdocs_renders_the_same_tables_and_ratings(built_site, properdocs_site):
    """A page identical apart from the generator tag has the same tables and ratings; any other is
    parsed and compared table by table."""
    assert tables_and_ratings(built_site / "comparison/index.html")[0], "no table.guide-table: the comparison compares nothing"
    for page in sorted(html_pages(built_site) & html_pages(properdocs_site)):
        if same_apart_from_generator(built_site / page, properdocs_site / page):
            continue
        (expected, ratings), (tables, properdocs_ratings) = tables_and_ratings(built_site / page), tables_and_ratings(properdocs_site / page)
        assert tables == expected, f"{page}: tables differ between MkDocs and ProperDocs"
        assert properdocs_ratings == ratings, f"{page}: ratings differ"


def test_properdocs_runs_the_hook(built_site, properdocs_site):
    """The hook's build-time files (exports, the flowchart's SVG among them) are there too, under the same names."""
    for folder in ("exports",):
        mkdocs_files = {p.relative_to(built_site).as_posix() for p in (built_site / folder).rglob("*") if p.is_file()}
        properdocs_files = {p.relative_to(properdocs_site).as_posix() for p in (properdocs_site / folder).rglob("*") if p.is_file()}
        assert mkdocs_files, f"the MkDocs build has no {folder}/"
        assert properdocs_files == mkdocs_files, folder
