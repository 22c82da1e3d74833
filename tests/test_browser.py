"""The site in headless Chromium with every host but loopback cut off."""

from __future__ import annotations


def test_search_works_offline(offline_page, site_url):
    offline_page.goto(site_url)
    offline_page.click("label.md-search__icon, .md-search__input")
    offline_page.keyboard.type("migrations")
    offline_page.wait_for_selector(".md-search-result__item", timeout=20000)
    assert offline_page.locator(".md-search-result__item").count() > 0


SEARCH_FILES = ("/search/search_index.json", "/assets/javascripts/workers/search.")


def search_requests(requested: list[str]) -> list[str]:
    return [url for url in requested if any(part in url for part in SEARCH_FILES)]


def assert_loaded_once(requested: list[str]):
    found = search_requests(requested)
    assert sorted(any(part in url for url in found) for part in SEARCH_FILES) == [True, True] and len(found) == 2, found


def test_search_loads_only_when_the_reader_wants_it(offline_page, site_url):
    """A first visit fetches neither the search index nor its worker (search-on-demand.js); the
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


def test_pages_render_without_console_errors(offline_page, site_url):
    for path in ["", "comparison/", "performance/", "methodology/", "side-by-side/"]:
        offline_page.goto(site_url + path)
        offline_page.wait_for_load_state("networkidle")
    assert offline_page.record.console_errors == []
