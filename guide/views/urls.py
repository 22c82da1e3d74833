"""Addresses between the guide's pages, worked out without MkDocs.

A page is named by its path under ``docs/`` (``comparison.md``); its URL path is what MkDocs
gives it (``comparison/`` with directory URLs, ``comparison.html`` without). The renderers and
the exports only need this arithmetic, so it lives here and the MkDocs glue
(``guide/mkdocs_glue/site.py``) only feeds it the configuration.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping, Sequence
from typing import Any


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


def nav_titles(nav: Sequence[Any] | None) -> dict[str, str]:
    """Page path -> title, from mkdocs.yml's ``nav`` (a list of ``{title: path or list}``)."""
    titles: dict[str, str] = {}

    def walk(items: Sequence[Any] | None) -> None:
        for item in items or []:
            if isinstance(item, dict):
                for title, value in item.items():
                    if isinstance(value, str):
                        titles[value] = title
                    else:
                        walk(value)

    walk(nav)
    return titles


def fallback_title(page: str) -> str:
    """A title for a page the navigation does not list: its file name, capitalised."""
    return page.removesuffix(".md").rsplit("/", 1)[-1].replace("-", " ").capitalize()


class PageLinks:
    """:class:`guide.views.tables.Links` for one page: hrefs relative to it, titles from the nav."""

    def __init__(self, page_src: str, titles: Mapping[str, str], directory_urls: bool = True):
        self.directory_urls = directory_urls
        self.here = page_url(page_src, directory_urls)
        self.titles = titles

    def href(self, page: str, anchor: str | None = None) -> str:
        url = relative_url(page_url(page, self.directory_urls), self.here)
        return f"{url}#{anchor}" if anchor else url

    def title(self, page: str) -> str:
        return self.titles.get(page) or fallback_title(page)
