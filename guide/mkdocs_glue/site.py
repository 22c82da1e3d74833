"""What the MkDocs glue shares: the Guide loaded once per build, and links between pages."""

from __future__ import annotations

import logging
import posixpath
import re
import weakref
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError

from guide.data.models import Guide
from guide.data.pagelint import lint_pages
from guide.data.validate import Problem, check_data

log = logging.getLogger("mkdocs.plugins.guide")

# MkDocs' config objects are unhashable: key by identity, and keep a weak reference to make sure
# a later config that reuses the same id (a rebuild under `mkdocs serve`) is not served stale data.
_per_build: dict[tuple[int, str], tuple[weakref.ref, object]] = {}


def _once_per_build(config, name: str, make):
    cached = _per_build.get((id(config), name))
    if cached and cached[0]() is config:
        return cached[1]
    value = make()
    _per_build[(id(config), name)] = (weakref.ref(config), value)
    return value


def project_root(config) -> Path:
    return Path(config["config_file_path"]).resolve().parent


class _Serving:
    """Whether problems become an error page (``mkdocs serve``) or fail the build (the rest)."""

    problems_as_page = False


def show_problems_as_page(enabled: bool) -> None:
    """Under ``mkdocs serve`` a failed build leaves the browser waiting for a page that never
    comes; there, the hook shows the problems as the page instead. ``make build`` and CI fail."""
    _Serving.problems_as_page = enabled


@dataclass(frozen=True)
class Checked:
    """The data and pages of one build: the Guide when nothing is wrong, else every error."""

    guide: Guide | None
    errors: list[Problem]


def checked(config) -> Checked:
    """Check the data and every page once per build, before any page renders; raise on errors
    unless they are to be shown as a page."""

    def check() -> Checked:
        root, docs_dir = project_root(config), Path(config["docs_dir"])
        guide, problems = check_data(root / "data", docs_dir, display_root=root)
        errors = [p for p in problems if p.severity == "error"] + lint_pages(docs_dir, root)
        if errors:
            count = f"{len(errors)} problem" + ("" if len(errors) == 1 else "s")
            report = f"{count} in the guide's data and pages:\n" + "\n".join(map(str, errors))
            if not _Serving.problems_as_page:
                raise PluginError(report)
            log.warning(report + "\nEvery page shows them until they are fixed.")
        return Checked(None if errors else guide, errors)

    return _once_per_build(config, "checked", check)


def guide_for(config) -> Guide | None:
    """The validated Guide, loaded once per build; the macros and the hook both ask here.
    ``None`` only under ``mkdocs serve`` with problems, when every page shows them instead."""
    return checked(config).guide


def page_url(src: str, directory_urls: bool = True) -> str:
    """The URL path MkDocs gives the page at ``src`` (a path under docs/)."""
    stem = src.removesuffix(".md")
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def relative_url(target: str, from_url: str) -> str:
    """``target`` as seen from the page at ``from_url`` (both site-relative URL paths)."""
    base = posixpath.dirname(from_url) if not from_url.endswith("/") else from_url.rstrip("/")
    rel = posixpath.relpath(target or ".", base or ".")
    if rel == ".":
        return "./"
    if (target == "" or target.endswith("/")) and not rel.endswith("/"):
        rel += "/"
    return rel


def nav_titles(nav) -> dict[str, str]:
    """Page path -> title, from mkdocs.yml's ``nav``."""
    titles: dict[str, str] = {}

    def walk(items):
        for item in items or []:
            if isinstance(item, dict):
                for title, value in item.items():
                    if isinstance(value, str):
                        titles[value] = title
                    else:
                        walk(value)

    walk(nav)
    return titles


class SiteLinks:
    """:class:`guide.views.tables.Links` for a page of the MkDocs site."""

    def __init__(self, config, page_src: str):
        self.directory_urls = config["use_directory_urls"]
        self.here = page_url(page_src, self.directory_urls)
        self.titles = _once_per_build(config, "nav titles", lambda: nav_titles(config["nav"]))

    def href(self, page: str, anchor: str | None = None) -> str:
        url = relative_url(page_url(page, self.directory_urls), self.here)
        return f"{url}#{anchor}" if anchor else url

    def title(self, page: str) -> str:
        return self.titles.get(page) or page.removesuffix(".md").rsplit("/", 1)[-1].replace("-", " ").capitalize()


_CODE_BLOCK = re.compile(r'<div class="((?:language-\S+ )?highlight)"')


def exclude_code_from_search(html: str) -> str:
    """Mark highlighted code blocks with Material's ``data-search-exclude``."""
    return _CODE_BLOCK.sub(r'<div class="\1" data-search-exclude', html)
