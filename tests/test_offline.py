"""Every built page in headless Chromium with every host but loopback unreachable: no page asks
another origin for anything (not even another port on loopback), and none logs a console error
or an uncaught exception. Pages load one after another in one context, so caches behave as for a
reader; each waits for the network to go quiet, so late loads such as the search index and the
scripts the site loads on demand (the walk's, the scorecard's) are seen too."""

from __future__ import annotations

from urllib.parse import urlsplit

from helpers import offline_context


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def test_every_page_loads_offline_from_its_own_origin_without_console_errors(browser, built_site, site_url):
    context, record = offline_context(browser, viewport={"width": 1280, "height": 900})
    own = origin(site_url)
    foreign: list[str] = []
    failed: list[str] = []
    errors: list[str] = []
    current = {"path": ""}

    def on_request(request):
        if not request.url.startswith(("data:", "blob:")) and origin(request.url) != own:
            foreign.append(f"{current['path']}: {request.url}")

    def on_response(response):
        if response.status >= 400:
            failed.append(f"{current['path']}: {response.status} {response.url}")

    context.on("request", on_request)
    context.on("response", on_response)
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and errors.append(f"{current['path']}: {m.text} ({m.location.get('url')})"))
    page.on("pageerror", lambda e: errors.append(f"{current['path']}: uncaught {e}"))
    pages = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html"))
    try:
        for path in pages:
            current["path"] = path
            page.goto(site_url + path, wait_until="networkidle")
    finally:
        context.close()
    assert len(pages) > 20
    assert foreign == [], "requests to another origin:\n" + "\n".join(foreign)
    assert record.blocked == [], record.blocked
    assert failed == [], "failed requests:\n" + "\n".join(failed)
    assert errors == [], "console errors:\n" + "\n".join(errors)
