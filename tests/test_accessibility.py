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

The pages come from nginx with the site's own configuration (conftest's ``served``: the
Content-Security-Policy and the other headers a reader's browser gets), and the same load of each
page is watched for what its console would show: no CSP violation, console error or uncaught
exception, no request to another origin (not even another port on loopback) and no failed request,
at both widths. At desktop width, where every page is loaded, each page's late loads are awaited
before the checks (the scripts that wait for a scroll or a quiet moment, then the network going
quiet; the page is scrolled back to the top for axe), so the search index and the walk's and the
scorecard's scripts are seen too. (This was test_served.py's own loop over every page, a second
load of each.)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import AXE, AXE_OPTIONS, SCHEMES, describe, load_all_of, offline_context, origin, settle, url_path, watch

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
def test_every_page_passes_axe_in_both_palettes_and_loads_cleanly(browser, served, width, shard):
    assert AXE.is_file(), f"{AXE} is missing: `make test` installs node_modules from package-lock.json"
    pages = built_pages(served.site)
    assert "comparison/index.html" in pages and any(p.startswith("embed/") for p in pages) and len(pages) > 20
    if width == "phone":
        assert set(PHONE_PAGES) <= set(pages), f"PHONE_PAGES names pages the site no longer has: {set(PHONE_PAGES) - set(pages)}"
        pages = PHONE_PAGES
    pages = pages[shard::SHARDS[width]]
    w, h = WIDTHS[width]
    palettes = list(SCHEMES)
    context, record = offline_context(browser, viewport={"width": w, "height": h}, color_scheme=palettes[0])
    context.add_init_script(path=str(AXE))  # compiled once and cached: a fifth of the CPU of a script tag per page
    page = context.new_page()
    console = watch(context, page, own=origin(served.url))
    problems: list[str] = []
    loads: dict[str, list[str]] = {}
    try:
        for path in pages:
            url = served.url + url_path(path)  # in the palette the last page ended in
            if width == "desktop":
                load_all_of(page, url)
                page.evaluate("scrollTo(0, 0)")
            else:
                page.goto(url)
            for palette in palettes:
                page.emulate_media(color_scheme=palette)
                settle(page, SCHEMES[palette])
                assert page.evaluate(SYSTEM_DARK) == (palette == "dark")
                result = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
                for violation in result["violations"]:
                    problems += describe(path, f"{palette} {w}px", violation)
            palettes.reverse()
            if console:
                loads[path] = sorted(set(p[:300] for p in console))[:5]
                console.clear()
    finally:
        context.close()
    assert not problems, f"{len(problems)} axe violation(s):\n" + "\n".join(problems)
    assert loads == {}, "\n".join(f"{page}: {found}" for page, found in loads.items())
    assert record.blocked == []
