"""Chrome-less embed pages for internal wikis, and the "Embed" control shown under each table.

Each embed page is generated from the data at build time (one per comparison table, one per
group, the flowchart and the decision walk), so a new group gets its embed with no
code change. A page is Markdown that calls the same macro the normal page uses, rendered with
``overrides/embed.html``, which drops the header, tabs, navigation, search and footer.

The embed page tells its parent frame its height with ``window.parent.postMessage``::

    {"type": "guide:embed-height", "id": "<embed name>", "height": <CSS pixels>, "href": "<embed URL>"}

(see ``docs/assets/javascripts/embed.js``), and ``embed-host.js`` on the host page sizes the
matching iframe. These functions return strings only; the MkDocs hook turns them into files.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from markupsafe import Markup

from guide.data.text import pre_text
from guide.publish.addresses import CSV_NAME, EXPORT_DIR, HTML_NAME, JSON_NAME, MARKDOWN_NAME, SCHEMA_NAME
from guide.views.render import render, render_document, render_macro
from guide.views.tables import COMPARISON_PAGE, Row, Section, data_table
from guide.views.urls import page_url, relative_url

if TYPE_CHECKING:
    from guide.data.models import Group, Guide

EMBED_DIR = "embed"
HOST_SCRIPT = "assets/javascripts/embed-host.js"
HELP_PAGE = "embed.md"
DECISION_PAGE = "decision.md"
HOME_PAGE = "index.md"
CATALOGUE = "embeds/catalogue.html"
DEFAULT_HEIGHT = {"table": 640, "flowchart": 720, "decision": 720}


@dataclass(frozen=True)
class Embed:
    """One embed page: what it shows (a macro call) and which full page it comes from."""

    name: str  # the page is embed/<name>.md
    title: str
    kind: str  # "table", "flowchart" or "decision"
    macro: str  # the Jinja call that renders the content
    back_page: str  # the full page, a path under docs/
    back_anchor: str | None = None

    @property
    def src(self) -> str:
        return f"{EMBED_DIR}/{self.name}.md"


FULL = "comparison"
GLANCE = "glance"
FLOWCHART = "flowchart"
DECISION = "decision"


def group_embed_name(group_id: str) -> str:
    return f"group-{group_id}"


def is_embed_page(src: str) -> bool:
    return src.startswith(EMBED_DIR + "/")


def embeds(guide: Guide) -> list[Embed]:
    """Every embed the data calls for: one per table (a new group gets one), the flowchart and
    the decision walk (whose no-JavaScript fallback links to the outline on the full page)."""
    names = " and ".join(f.name for f in guide.frameworks)
    pages = [
        Embed(FULL, f"{names}: the full comparison", "table", "comparison_table()", COMPARISON_PAGE),
        Embed(GLANCE, f"{names} at a glance", "table", "glance_table()", HOME_PAGE, "at-a-glance"),
    ]
    pages += [_group_embed(group, names) for group in guide.groups]
    pages.append(Embed(FLOWCHART, f"{names}: the decision flowchart", "flowchart", "decision_flowchart()", DECISION_PAGE))
    pages.append(
        Embed(DECISION, f"{names}: the decision guide", "decision",
              "decision_walk()", DECISION_PAGE)
    )
    return pages


def embed_named(guide: Guide, name: str) -> Embed:
    for embed in embeds(guide):
        if embed.name == name:
            return embed
    raise KeyError(f"no embed is named '{name}'")


def _group_embed(group: Group, names: str) -> Embed:
    return Embed(
        group_embed_name(group.id), f"{names}: {group.title}", "table",
        f'comparison_table(group="{group.id}")', COMPARISON_PAGE, f"group-{group.id}",
    )


def embed_markdown(embed: Embed, guide: Guide, back_title: str, directory_urls: bool = True) -> str:
    """The generated Markdown source of an embed page (front matter plus one macro call)."""
    here = page_url(embed.src, directory_urls)
    back = relative_url(page_url(embed.back_page, directory_urls), here)
    if embed.back_anchor:
        back += "#" + embed.back_anchor
    # The credit line reads "From <site> › <page>"; the home page is the site itself.
    back_title = "" if embed.back_page == HOME_PAGE else back_title
    meta = {
        "template": "embed.html",
        "title": embed.title,
        "description": f"{embed.title}, for embedding in another page.",
        "search": {"exclude": True},
        "guide_embed": {
            "id": embed.name,
            "kind": embed.kind,
            "back_url": back,
            "back_title": back_title,
            "reviewed": guide.reviewed.isoformat(),
        },
    }
    # JSON is YAML: every string is quoted, so no title can break the front matter.
    lines = ["---"] + [f"{key}: {json.dumps(value, ensure_ascii=False, sort_keys=True)}" for key, value in meta.items()]
    return "\n".join([*lines, "---", "", "{{ " + embed.macro + " }}", ""])


# --- the control under each table on the normal pages ---------------------------------------


@dataclass(frozen=True)
class ControlLinks:
    """Addresses the control needs, worked out by the site glue for the page being rendered."""

    site_url: str  # absolute, ending in "/" (the iframe snippet must work from another site)
    here: str  # this page's URL path, relative to the site root
    directory_urls: bool = True

    def absolute(self, page: str) -> str:
        return self.site_url + page_url(page, self.directory_urls)

    def relative(self, target: str) -> str:
        return relative_url(target, self.here)


EXPORT_LINKS = [
    ("CSV", CSV_NAME), ("Markdown table", MARKDOWN_NAME), ("HTML table", HTML_NAME),
    ("JSON", JSON_NAME), ("JSON Schema", SCHEMA_NAME),
]


def iframe_snippet(embed: Embed, links: ControlLinks) -> str:
    """The iframe and the optional sizing script, as text to copy (two lines)."""
    return render_document("embeds/iframe.html", src=links.absolute(embed.src), title=embed.title,
                           height=DEFAULT_HEIGHT[embed.kind], script=links.site_url + HOST_SCRIPT).rstrip("\n")


_BREAK_AFTER = re.compile(r"(?<=[/?&=;])")


def breakable(text: str) -> Markup:
    """Verbatim text (an address, a snippet) for <code> or <pre>: escaped, with line breaks as
    ``&#10;`` so the markup stays on one line, and a <wbr> after each ``/ ? & = ;`` so a long
    address wraps between its parts rather than inside a word."""
    return Markup("&#10;").join(
        Markup("<wbr>").join(Markup(pre_text(part)) for part in _BREAK_AFTER.split(line)) for line in text.split("\n")
    )


def embed_control(content: str, embed: Embed, links: ControlLinks) -> str:
    """``content`` followed by a closed <details> with the iframe snippet and the export links."""
    what = {"table": "this table", "flowchart": "this flowchart", "decision": "the decision guide"}[embed.kind]
    return render(
        "embeds/control.html", content=Markup(content), embed=embed, what=what,
        snippet=breakable(iframe_snippet(embed, links)),
        preview=links.relative(page_url(embed.src, links.directory_urls)),
        help=links.relative(page_url(HELP_PAGE, links.directory_urls)),
        exports=[(label, links.relative(f"{EXPORT_DIR}/{name}")) for label, name in EXPORT_LINKS],
    )


def embed_catalogue(guide: Guide, links: ControlLinks) -> str:
    """Every embed page with its address, for the "Embed and reuse" page."""
    rows = [
        Row([render_macro(CATALOGUE, "address", breakable(links.absolute(embed.src))),
             render_macro(CATALOGUE, "preview", links.relative(page_url(embed.src, links.directory_urls)))],
            embed.title)
        for embed in embeds(guide)
    ]
    return data_table(f"{len(rows)} embeddable views, generated from the data", ["Shows", "Address for the iframe", "Try it"],
                      [Section(rows)], "guide-embeds")


def export_list(links: ControlLinks) -> str:
    """The export files with their addresses, as an HTML list."""
    exports = [
        (label, links.relative(f"{EXPORT_DIR}/{name}"), breakable(links.site_url + EXPORT_DIR + "/" + name))
        for label, name in EXPORT_LINKS
    ]
    return render("embeds/export_list.html", exports=exports)
