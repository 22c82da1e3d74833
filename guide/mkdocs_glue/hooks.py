"""The MkDocs hook: build-time files only, each written by a plain function.

Kept apart from the macros so the macros module stays within ``define_env``, which every
generator that reads mkdocs.yml honours.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from guide.data.buildcache import cached_json
from guide.data.models import Guide
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
from guide.publish.embeds import embed_markdown, embeds
from guide.publish.exports import EXPORT_DIR, exports
from guide.publish.favicon import write_favicon_ico
from guide.publish.headers import EMBED_ORIGINS_VARIABLE, PolicyError, publish_serving_files
from guide.publish.schema import publish_schemas
from guide.views.flowchart import DECISION_PAGE, SVG_NAME, standalone_svg
from guide.views.render import render
from guide.views.urls import page_url


def on_startup(command: str, dirty: bool) -> None:
    set_serving(command == "serve")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    checked(config)  # the data and every page, before anything renders; errors stop the build
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """One generated embed page per table, group, flowchart and decision walk (see guide/publish/embeds.py)."""
    guide = guide_for(config)
    if guide is None:
        return files
    titles = site_links(config, "index.md")
    for embed in embeds(guide):
        content = embed_markdown(embed, guide, titles.title(embed.back_page), config["use_directory_urls"])
        files.append(File.generated(config, embed.src, content=content))
    return files


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    """Date every page by the data's newest review, not the build day: MkDocs writes the page's
    ``update_date`` into sitemap.xml (``lastmod``) and, as the gzip timestamp, sitemap.xml.gz,
    so a build on another day (or with another SOURCE_DATE_EPOCH) gives the same bytes.
    tests/test_reproducible.py checks it."""
    guide = guide_for(config)
    if guide is not None:
        page.update_date = guide.reviewed.isoformat()
    return page


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
    guide = guide_for(config)
    if guide is None:
        return
    root, site_dir = project_root(config), Path(config["site_dir"])
    publish_schemas(root, site_dir)
    for path, text in exported_files(guide, config).items():
        (site_dir / path).parent.mkdir(parents=True, exist_ok=True)
        (site_dir / path).write_bytes(text.encode("utf-8"))
    write_favicon_ico(site_dir, config["theme"]["favicon"])
    try:  # last: the header policy hashes the finished pages (guide/publish/headers.py)
        publish_serving_files(site_dir, config["site_url"], config["extra"].get("embed_origins"), os.environ.get(EMBED_ORIGINS_VARIABLE),
                              compress=not serving())
    except PolicyError as error:
        raise PluginError(str(error)) from None


def exported_files(guide: Guide, config: MkDocsConfig) -> dict[str, str]:
    """The exports and the flowchart's SVG, by site-relative path. Kept in the build cache under
    the page cache's hash of every input (:func:`~guide.mkdocs_glue.pagecache.inputs_digest`)
    and the SVG's link, so a later build with the same inputs does not make them again."""
    decision = flowchart_link(config)

    def make() -> dict[str, str]:
        files = {f"{EXPORT_DIR}/{name}": text for name, text in exports(guide, site_info(config)).items()}
        files[f"{EXPORT_DIR}/{SVG_NAME}"] = standalone_svg(guide, decision)
        return files

    return cached_json("exported-files", lambda: ["exports-1", rendered_pages(config).inputs, decision], _export_files, make)


def _export_files(entry: object) -> bool:
    """Whether a cache entry holds texts for files directly in exports/ and nowhere else."""
    return isinstance(entry, dict) and all(
        isinstance(text, str) and isinstance(path, str) and path.startswith(f"{EXPORT_DIR}/")
        and re.fullmatch(r"[\w-]+(\.[\w-]+)+", path.removeprefix(f"{EXPORT_DIR}/")) is not None
        for path, text in entry.items()
    )


def flowchart_link(config: MkDocsConfig) -> str:
    """Where exports/flowchart.svg's boxes link, for wikis that take images: the published
    Decision page when SITE_URL names it, else relatively, so a copy of the built site works anywhere."""
    if os.environ.get("SITE_URL"):
        return site_info(config).page(DECISION_PAGE)
    return "../" + page_url(DECISION_PAGE, config["use_directory_urls"])
