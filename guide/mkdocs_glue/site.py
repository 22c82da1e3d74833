"""What the MkDocs glue shares: the Guide loaded once per build, and links between pages."""

from __future__ import annotations

import logging
import re
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from guide.data.filekinds import check_file_kinds
from guide.data.problems import DataError, Problem
from guide.mkdocs_glue.pagecache import CleanCheck
from guide.publish.addresses import SiteInfo
from guide.views.urls import PageLinks, nav_titles

if TYPE_CHECKING:
    from guide.data.models import Guide

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
    """The data and pages of one build: every error, and the Guide when the check loaded it
    (``None`` when there are errors, or when the check was skipped: :func:`guide_for` loads it then)."""

    errors: list[Problem]
    guide: Guide | None = None


def checked(config: MkDocsConfig) -> Checked:
    """Check the data and every page once per build, before any page renders; raise on errors
    unless they are to be shown as a page. The file kinds are checked every time; the contents
    only when something they depend on changed since a build that found them clean."""

    def check() -> Checked:
        root, docs_dir = project_root(config), Path(config["docs_dir"])
        if file_problems := check_file_kinds(root, docs_dir):  # even under `mkdocs serve`
            raise PluginError("Links or special files where the guide's pages and data belong; nothing else was read:\n"
                              + "\n".join(map(str, file_problems)))
        record = CleanCheck(root, docs_dir)
        if record.passed_before():
            return Checked([])
        from guide.data.projectcheck import check_contents  # the models and the rules: only when something changed

        found = check_contents(root, docs_dir)
        errors = [p for p in found.data_problems if p.severity == "error"] + found.page_problems
        if not errors:
            record.remember_passed()
            return Checked([], found.guide)
        count = f"{len(errors)} problem" + ("" if len(errors) == 1 else "s")
        report = f"{count} in the guide's data and pages:\n" + "\n".join(map(str, errors))
        if not _Serving.serving:
            raise PluginError(report)
        log.warning(report + "\nEvery page shows them until they are fixed.")
        return Checked(errors)

    return once_per_build(config, "checked", check)


def guide_for(config: MkDocsConfig) -> Guide | None:
    """The validated Guide, loaded once per build and only when something asks for it (a page
    rendered afresh, an export made again); the macros and the hook both ask here. ``None``
    only under ``mkdocs serve`` with problems, when every page shows them instead."""
    state = checked(config)
    if state.errors:
        return None
    if state.guide is not None:
        return state.guide

    def load() -> Guide:
        from guide.data.validate import load_guide  # see checked(): not loaded unless asked for

        try:
            return load_guide(project_root(config) / "data", Path(config["docs_dir"]), display_root=project_root(config))
        except DataError as error:  # the files changed during the build
            raise PluginError(str(error)) from None

    return once_per_build(config, "guide", load)


def site_links(config: MkDocsConfig, page_src: str) -> PageLinks:
    """The renderers' links for the page at ``page_src`` of this build."""
    titles = once_per_build(config, "nav titles", lambda: nav_titles(config["nav"]))
    return PageLinks(page_src, titles, config["use_directory_urls"])


def site_info(config: MkDocsConfig) -> SiteInfo:
    """The :class:`~guide.publish.addresses.SiteInfo` of this build: named in every export."""
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
