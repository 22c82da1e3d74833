"""The MkDocs hook: build-time files only, each written by a plain function.

Kept apart from the macros so the macros module stays within ``define_env``, which every
generator that reads mkdocs.yml honours.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from guide.data.buildcache import cached_json
from guide.mkdocs_glue.pagecache import RenderedPages, inputs_digest
from guide.mkdocs_glue.site import (
    checked,
    exclude_code_from_search,
    guide_for,
    once_per_build,
    project_root,
    serving,
    set_serving,
    site_info,
    site_links,
)
from guide.publish.addresses import EXPORT_DIR
from guide.publish.embeds import embed_markdown, embeds, is_embed_page
from guide.publish.favicon import write_favicon_ico
from guide.publish.headers import EMBED_ORIGINS_VARIABLE, PolicyError, publish_serving_files
from guide.views.flowchart import DECISION_PAGE, SVG_NAME, standalone_svg
from guide.views.render import render
from guide.views.urls import page_url

PUBLISHED_FOLDERS = (EXPORT_DIR, "schema")  # where published_files may write, besides the pages

# The models and the exporters are imported by the functions that need them, when they run: a
# later build with unchanged inputs finds their work in the build cache and loads neither
# (guide/mkdocs_glue/site.py).


def on_startup(command: str, dirty: bool) -> None:
    set_serving(command == "serve")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    checked(config)  # the data and every page, before anything renders; errors stop the build
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """One generated embed page per table, group, flowchart and decision walk (see guide/publish/embeds.py)."""
    if checked(config).errors:
        return files
    for src, content in from_data(config).embed_pages.items():
        files.append(File.generated(config, src, content=content))
    return files


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    """Date every page by the data's newest review, not the build day: MkDocs writes the page's
    ``update_date`` into sitemap.xml (``lastmod``) and, as the gzip timestamp, sitemap.xml.gz,
    so a build on another day (or with another SOURCE_DATE_EPOCH) gives the same bytes.
    tests/test_reproducible.py checks it."""
    if not checked(config).errors:
        page.update_date = from_data(config).reviewed
    return page


@dataclass(frozen=True)
class FromData:
    """What the hook takes from the data besides the pages' macros: the newest review date and
    the generated embed pages (their Markdown by source path)."""

    reviewed: str
    embed_pages: dict[str, str]


def from_data(config: MkDocsConfig) -> FromData:
    """Made once per build, and kept in the build cache under the page cache's hash of every input."""

    def compute() -> dict[str, Any]:
        guide = guide_for(config)
        assert guide is not None  # only asked for when the check found no errors
        titles = site_links(config, "index.md")
        pages = {embed.src: embed_markdown(embed, guide, titles.title(embed.back_page), config["use_directory_urls"])
                 for embed in embeds(guide)}
        return {"reviewed": guide.reviewed.isoformat(), "embed_pages": pages}

    def load_or_compute() -> FromData:
        entry = cached_json("from-data", lambda: ["from-data-1", rendered_pages(config).inputs], _is_from_data_entry, compute)
        return FromData(entry["reviewed"], entry["embed_pages"])

    return once_per_build(config, "from data", load_or_compute)


def _is_from_data_entry(entry: object) -> bool:
    """Whether a cache entry holds a date and embed pages, each a Markdown file in the embed folder."""
    return (isinstance(entry, dict) and set(entry) == {"reviewed", "embed_pages"}
            and isinstance(entry["reviewed"], str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry["reviewed"]) is not None
            and isinstance(entry["embed_pages"], dict)
            and all(isinstance(text, str) and isinstance(src, str) and is_embed_page(src) and _plain_name(src.partition("/")[2])
                    for src, text in entry["embed_pages"].items()))


def _plain_name(name: str) -> bool:
    """A file name of words, hyphens and dots, with an extension: no folder, nothing hidden."""
    return re.fullmatch(r"[\w-]+(\.[\w-]+)+", name) is not None


def rendered_pages(config: MkDocsConfig) -> RenderedPages:
    return once_per_build(config, "rendered pages", lambda: RenderedPages(inputs_digest(config, project_root(config), serving=serving())))


@event_priority(100)  # before the macros plugin renders the page
def page_before_macros(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Under ``mkdocs serve`` with problems in the data or pages, every page lists them (and
    reloads by itself once they are fixed), instead of a build that never finishes loading.
    Otherwise the page's rendered Markdown from an earlier build with the same inputs, if any
    (guide/mkdocs_glue/pagecache.py); the macros plugin then leaves it as it is."""
    errors = checked(config).errors
    if errors:
        return str(render("build_problems.html", problems=[str(p) for p in errors]))
    return rendered_pages(config).before_macros(markdown, page)


@event_priority(-100)  # after the macros plugin
def page_after_macros(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if checked(config).errors:
        return markdown
    return rendered_pages(config).after_macros(markdown, page)


on_page_markdown = CombinedEvent(page_before_macros, page_after_macros)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Keep code blocks out of the search index, which every page downloads: the side-by-side
    code is a third of it, and the prose around each block names what it shows."""
    return exclude_code_from_search(html)


def on_post_build(config: MkDocsConfig) -> None:
    if checked(config).errors:
        return
    site_dir = Path(config["site_dir"])
    for path, text in published_files(config).items():
        (site_dir / path).parent.mkdir(parents=True, exist_ok=True)
        (site_dir / path).write_bytes(text.encode("utf-8"))
    write_favicon_ico(site_dir, config["theme"]["favicon"])
    try:  # last: the header policy hashes the finished pages (guide/publish/headers.py)
        publish_serving_files(site_dir, config["site_url"], config["extra"].get("embed_origins"), os.environ.get(EMBED_ORIGINS_VARIABLE),
                              compress=not serving())
    except PolicyError as error:
        raise PluginError(str(error)) from None


def published_files(config: MkDocsConfig) -> dict[str, str]:
    """The exports, the flowchart's SVG and the data files' schemas, by site-relative path. Kept
    in the build cache under the page cache's hash of every input
    (:func:`~guide.mkdocs_glue.pagecache.inputs_digest`, which covers the committed schemas in
    data/) and the SVG's link, so a later build with the same inputs does not make them again."""
    decision = flowchart_link(config)

    def compute() -> dict[str, str]:
        from guide.publish.exports import exports
        from guide.publish.schema import published_schemas

        guide = guide_for(config)
        assert guide is not None  # only asked for when the check found no errors
        files = published_schemas(project_root(config))
        files.update({f"{EXPORT_DIR}/{name}": text for name, text in exports(guide, site_info(config)).items()})
        files[f"{EXPORT_DIR}/{SVG_NAME}"] = standalone_svg(guide, decision)
        return files

    return cached_json("published-files", lambda: ["published-1", rendered_pages(config).inputs, decision], _is_published_entry, compute)


def _is_published_entry(entry: object) -> bool:
    """Whether a cache entry holds texts for files directly in exports/ or schema/, and nowhere else."""
    return isinstance(entry, dict) and all(
        isinstance(text, str) and isinstance(path, str) and path.partition("/")[0] in PUBLISHED_FOLDERS
        and _plain_name(path.partition("/")[2])
        for path, text in entry.items()
    )


def flowchart_link(config: MkDocsConfig) -> str:
    """Where exports/flowchart.svg's boxes link, for wikis that take images: the published
    Decision page when SITE_URL names it, else relatively, so a copy of the built site works anywhere."""
    if os.environ.get("SITE_URL"):
        return site_info(config).page(DECISION_PAGE)
    return "../" + page_url(DECISION_PAGE, config["use_directory_urls"])
