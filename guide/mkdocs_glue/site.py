"""What the MkDocs glue shares: the Guide loaded once per build, and links between pages."""

from __future__ import annotations

import logging
import re
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, cast

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from guide.data.models import Guide
from guide.data.pagelint import lint_pages
from guide.data.problems import Problem
from guide.data.projectcheck import check_project
from guide.mkdocs_glue.pagecache import lint_unless_unchanged
from guide.publish.exports import SiteInfo
from guide.views.urls import PageLinks, nav_titles

log = logging.getLogger("mkdocs.plugins.guide")

# MkDocs' config objects are unhashable: key by identity, and keep a weak reference to make sure
# a later config that reuses the same id (a rebuild under `mkdocs serve`) is not served stale data.
_per_build: dict[tuple[int, str], tuple[weakref.ref[MkDocsConfig], Any]] = {}
T = TypeVar("T")


def once_per_build(config: MkDocsConfig, name: str, make: Callable[[], T]) -> T:
    """``make()``'s value, made once per build (per config object) under ``name``."""
    cached = _per_build.get((id(config), name))
    if cached and cached[0]() is config:
        return cast(T, cached[1])
    value = make()
    _per_build[(id(config), name)] = (weakref.ref(config), value)
    return value


def project_root(config: MkDocsConfig) -> Path:
    return Path(config["config_file_path"]).resolve().parent


class _Serving:
    """Whether this is ``mkdocs serve`` (set by the hook's ``on_startup``)."""

    serving = False


def set_serving(enabled: bool) -> None:
    """Under ``mkdocs serve`` a failed build leaves the browser waiting for a page that never
    comes; there, the hook shows the problems as the page instead (``make build`` and CI fail),
    and skips the precompressed copies, which MkDocs' server never sends."""
    _Serving.serving = enabled


def serving() -> bool:
    return _Serving.serving


@dataclass(frozen=True)
class Checked:
    """The data and pages of one build: the Guide when nothing is wrong, else every error."""

    guide: Guide | None
    errors: list[Problem]


def checked(config: MkDocsConfig) -> Checked:
    """Check the data and every page once per build, before any page renders; raise on errors
    unless they are to be shown as a page."""

    def check() -> Checked:
        root, docs_dir = project_root(config), Path(config["docs_dir"])
        found = check_project(root, docs_dir, lambda: lint_unless_unchanged(docs_dir, root, lambda: lint_pages(docs_dir, root)))
        if found.file_problems:  # even under `mkdocs serve`
            raise PluginError("Links or special files where the guide's pages and data belong; nothing else was read:\n"
                              + "\n".join(map(str, found.file_problems)))
        guide = found.guide
        errors = [p for p in found.data_problems if p.severity == "error"] + found.page_problems
        if errors:
            count = f"{len(errors)} problem" + ("" if len(errors) == 1 else "s")
            report = f"{count} in the guide's data and pages:\n" + "\n".join(map(str, errors))
            if not _Serving.serving:
                raise PluginError(report)
            log.warning(report + "\nEvery page shows them until they are fixed.")
        return Checked(None if errors else guide, errors)

    return once_per_build(config, "checked", check)


def guide_for(config: MkDocsConfig) -> Guide | None:
    """The validated Guide, loaded once per build; the macros and the hook both ask here.
    ``None`` only under ``mkdocs serve`` with problems, when every page shows them instead."""
    return checked(config).guide


def site_links(config: MkDocsConfig, page_src: str) -> PageLinks:
    """The renderers' links for the page at ``page_src`` of this build."""
    titles = once_per_build(config, "nav titles", lambda: nav_titles(config["nav"]))
    return PageLinks(page_src, titles, config["use_directory_urls"])


def site_info(config: MkDocsConfig) -> SiteInfo:
    """The :class:`~guide.publish.exports.SiteInfo` of this build: named in every export."""
    url = config.get("site_url") or ""
    if url and not url.endswith("/"):
        url += "/"
    return SiteInfo(
        name=config["site_name"], url=url, licence=config.get("copyright") or "",
        directory_urls=config["use_directory_urls"],
    )


_CODE_BLOCK = re.compile(r'<div class="((?:language-\S+ )?highlight)"')


def exclude_code_from_search(html: str) -> str:
    """Mark highlighted code blocks with Material's ``data-search-exclude``."""
    return _CODE_BLOCK.sub(r'<div class="\1" data-search-exclude', html)
