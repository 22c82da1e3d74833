"""Every built page passes axe-core's WCAG 2.0/2.1 A and AA rules in headless Chromium, in the
light and the dark palette: zero violations.

Pages and widths: at desktop width (1280x900) every ``*.html`` of the built site is checked in both
palettes, none skipped: the 404 page, the chrome-less embed pages under ``embed/`` and the
standalone HTML export included. At phone width (390x844) a representative subset is checked in
both palettes (PHONE_PAGES: one page of each kind, i.e. the home page with its glance table, the
full comparison table, the flowchart and the decision walk, the scorecard form, Markdown tables,
code tabs, a framework page, the embed pages of a table, the walk and the flowchart, and the HTML
export): checking every page at both widths took about four and a half minutes here, over the
three the whole quality gate may take; the phone layout differs from the desktop one in its
layout (drawer, scrolled tables), not in colours, and each kind of layout is in the subset.
One browser context per width and shard (a quarter of the pages at desktop width, half of the
phone subset) is reused for its pages, with axe-core added to every page it loads.

The palette: mkdocs.yml starts in automatic mode (the first palette entry has
``media: "(prefers-color-scheme)"``), so Material follows the system setting until a reader picks
one, and follows it when it changes. Each page is loaded once and checked in both palettes: in
the one the last page ended in, then, after the context's emulated ``prefers-color-scheme``
switches, in the other (so pages are checked both as loaded in a palette and as switched to it).
Before each check the page must show ``data-md-color-scheme`` ``default`` or ``slate`` (embed
pages follow the system setting the same way), the emulated setting must be the one asked for,
and no transition may still be running. The flowchart is an SVG in the page (drawn at build
time), so axe checks its links, names and roles like the rest of the page.

Besides the WCAG tags, axe's ``aria-dialog-name`` (a best-practice rule) is switched on: Material's
search dialog has no accessible name of its own (overrides/partials/search.html gives it one).
Frames are not followed (``iframes: false``): the pages a frame shows are checked on their own.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import AXE, AXE_OPTIONS, SCHEMES, describe, offline_context, settle

WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}
# Each width's pages are checked in SHARDS[width] tests of every SHARDS[width]-th page, so that
# `make test`'s two workers share the work (no page is left out: the shards together are all).
SHARDS = {"desktop": 4, "phone": 2}
PHONE_PAGES = [
    "index.html", "comparison/index.html", "decision/index.html", "scorecard/index.html",
    "methodology/index.html", "contributing/data-reference/index.html", "side-by-side/crud-database/index.html",
    "frameworks/fastapi/index.html", "embed/comparison/index.html", "embed/decision/index.html",
    "embed/flowchart/index.html", "exports/comparison.html",
]
SYSTEM_DARK = "() => matchMedia('(prefers-color-scheme: dark)').matches"


def built_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


@pytest.mark.parametrize(("width", "shard"), [(width, shard) for width in WIDTHS for shard in range(SHARDS[width])])
def test_every_page_passes_axe_in_both_palettes(browser, built_site, site_url, width, shard):
    assert AXE.is_file(), f"{AXE} is missing: `make test` installs node_modules from package-lock.json"
    pages = built_pages(built_site)
    assert "comparison/index.html" in pages and any(p.startswith("embed/") for p in pages)
    if width == "phone":
        assert set(PHONE_PAGES) <= set(pages), f"PHONE_PAGES names pages the site no longer has: {set(PHONE_PAGES) - set(pages)}"
        pages = PHONE_PAGES
    pages = pages[shard::SHARDS[width]]
    w, h = WIDTHS[width]
    palettes = list(SCHEMES)
    context, record = offline_context(browser, viewport={"width": w, "height": h}, color_scheme=palettes[0])
    context.add_init_script(path=str(AXE))  # compiled once and cached: a fifth of the CPU of a script tag per page
    page = context.new_page()
    problems: list[str] = []
    try:
        for path in pages:
            page.goto(site_url + path)  # in the palette the last page ended in
            for palette in palettes:
                page.emulate_media(color_scheme=palette)
                settle(page, SCHEMES[palette])
                assert page.evaluate(SYSTEM_DARK) == (palette == "dark")
                result = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
                for violation in result["violations"]:
                    problems += describe(path, f"{palette} {w}px", violation)
            palettes.reverse()
    finally:
        context.close()
    assert not problems, f"{len(problems)} axe violation(s):\n" + "\n".join(problems)
    assert record.blocked == []
