"""The site in headless Chromium with every host but loopback cut off: search loaded on demand and
the palette switch (every page loading without errors behind nginx is checked in
test_accessibility.py, search working there in test_served.py)."""

from __future__ import annotations

import re

from helpers import NO_OMNIBOX_POPUPS, PLAYWRIGHT_DISABLED_FEATURES, offline_context


SEARCH_FILES = ("/search/search_index.json", "/assets/javascripts/workers/search.")


def search_requests(requested: list[str]) -> list[str]:
    return [url for url in requested if any(part in url for part in SEARCH_FILES)]


def assert_loaded_once(requested: list[str]):
    found = search_requests(requested)
    assert sorted(any(part in url for url in found) for part in SEARCH_FILES) == [True, True] and len(found) == 2, found


def test_search_loads_only_when_the_reader_wants_it(offline_page, site_url):
    """A first visit fetches neither the search index nor its worker (material-startup.js); the
    search field, the "/" key, a phone's search button and a highlighted search result each
    load both, once, and search then works as before."""
    page = offline_page
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url + "decision/", wait_until="networkidle")
    page.wait_for_timeout(300)
    assert search_requests(requested) == []
    page.keyboard.press("/")
    page.keyboard.type("admin")
    page.wait_for_selector(".md-search-result__item", timeout=20000)
    assert_loaded_once(requested)
    # On a phone the search button in the header opens it.
    page.set_viewport_size({"width": 390, "height": 844})
    requested.clear()
    page.goto(site_url + "comparison/", wait_until="networkidle")
    assert search_requests(requested) == []
    page.click(".md-header label[for='__search']")
    page.keyboard.type("migrations")
    page.wait_for_selector(".md-search-result__item", timeout=20000)
    assert_loaded_once(requested)
    # A search result's page highlights the words searched for, which needs the index at once.
    requested.clear()
    page.goto(site_url + "comparison/?h=migrations", wait_until="networkidle")
    page.wait_for_selector("mark[data-md-highlight]", timeout=20000)
    assert_loaded_once(requested)
    assert page.record.console_errors == []


WATCH_PALETTE = """
window.__changes = [];
new MutationObserver(records => records.forEach(r => window.__changes.push(
  [r.attributeName, r.target.getAttribute(r.attributeName)]))).observe(document,
  {subtree: true, attributes: true, attributeFilter: ["data-md-color-switching", "data-md-color-scheme"]});
"""


def test_the_palette_restyles_the_page_only_when_its_colours_change(browser, site_url):
    """Material marks <body> as switching colours (which restyles every element, twice) and
    declares the colour scheme (twice more) on every load; material-startup.js lets it do so only
    when a colour changes: not on a first visit in the light palette, but when the system is dark
    and when the reader switches to dark and back."""
    for scheme, first_load in (("light", []), ("dark", [["data-md-color-switching", ""], ["data-md-color-scheme", "slate"],
                                                         ["data-md-color-switching", None]])):
        context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 800})
        page = context.new_page()
        page.add_init_script(WATCH_PALETTE)
        page.goto(site_url, wait_until="networkidle")
        page.wait_for_timeout(300)
        changes = page.evaluate("window.__changes")
        assert ["data-md-color-scheme", "slate" if scheme == "dark" else "default"] in changes  # Material applied it
        assert [c for c in changes if c[0] == "data-md-color-switching" or c[1] == "slate"] == first_load, scheme
        declared = page.evaluate("[...document.querySelectorAll('meta[name=color-scheme]')].map(m => m.content)")
        assert declared == ([] if scheme == "light" else ["dark"])  # light is what a page without the tag gets
        context.close()
    context = browser.new_context(color_scheme="light", viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.add_init_script(WATCH_PALETTE)
    page.goto(site_url, wait_until="networkidle")
    background = page.eval_on_selector("body", "b => getComputedStyle(b).backgroundColor")
    for _ in range(2):  # automatic, then light (no change), then dark
        page.locator("form[data-md-component=palette] label:visible").click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    page.wait_for_function("!document.body.hasAttribute('data-md-color-switching')")
    changes = page.evaluate("window.__changes")
    assert [c for c in changes if c[0] == "data-md-color-switching" or c[1] == "slate"] == [
        ["data-md-color-switching", ""], ["data-md-color-scheme", "slate"], ["data-md-color-switching", None]]
    assert page.eval_on_selector("body", "b => getComputedStyle(b).backgroundColor") != background
    assert page.evaluate("[...document.querySelectorAll('meta[name=color-scheme]')].map(m => m.content)") == ["dark"]
    page.locator("form[data-md-component=palette] label:visible").click()  # back to automatic: light here
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'default'")
    assert page.evaluate("[...document.querySelectorAll('meta[name=color-scheme]')].map(m => m.content)") == ["light"]
    context.close()


def test_the_browser_runs_with_playwrights_switches_and_without_omnibox_popups(browser, site_url):
    """The tests' own Chromium switches (helpers.CHROMIUM_ARGS) replace Playwright's list of
    features to switch off, since Chromium reads only the last --disable-features: that last list
    must still name every feature any earlier one does (Playwright's, when it changes them), and a
    new context's window must start no omnibox popup (0.8 s of CPU per context)."""
    cdp = browser.new_browser_cdp_session()
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto("chrome://version")
        command_line = page.inner_text("#command_line")
        page.goto(site_url)
        targets = [target["url"] for target in cdp.send("Target.getTargets")["targetInfos"]]
    finally:
        context.close()
    lists = [value.split(",") for value in re.findall(r"--disable-features=(\S+)", command_line)]
    assert len(lists) >= 2, command_line  # Playwright's, then ours
    named = {feature for found in lists for feature in found}
    assert named - set(lists[-1]) == set(), "Playwright switches these off, CHROMIUM_ARGS no longer does"
    assert set(PLAYWRIGHT_DISABLED_FEATURES + NO_OMNIBOX_POPUPS) <= set(lists[-1])
    assert site_url in targets and not [url for url in targets if "omnibox" in url], targets


def test_requests_to_other_hosts_fail_at_once_and_are_recorded(browser, site_url):
    """What every browser test relies on: a loopback page loads, and anything it asks of another
    host, by name or by address, fails at the browser's dead proxy without reaching the network,
    and is listed in ``record.blocked``."""
    context, record = offline_context(browser)
    reasons: dict[str, str] = {}
    try:
        page = context.new_page()
        page.on("requestfailed", lambda request: reasons.update({request.url: request.failure or ""}))
        page.goto(site_url)
        failed = page.evaluate("""async urls => Promise.all(urls.map(url =>
            fetch(url, {mode: "no-cors"}).then(() => "answered", error => "failed")))""",
                               ["https://example.com/a.js", "http://93.184.216.34/b.png", site_url + "search/search_index.json"])
    finally:
        context.close()
    assert failed == ["failed", "failed", "answered"]
    assert record.blocked == ["https://example.com/a.js", "http://93.184.216.34/b.png"]
    assert all("PROXY" in reasons.get(url, "") for url in record.blocked), reasons  # stopped by the browser, not the network
