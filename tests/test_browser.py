"""The site in headless Chromium with every host but loopback cut off."""

from __future__ import annotations


def test_search_works_offline(offline_page, site_url):
    offline_page.goto(site_url)
    offline_page.click("label.md-search__icon, .md-search__input")
    offline_page.keyboard.type("migrations")
    offline_page.wait_for_selector(".md-search-result__item", timeout=20000)
    assert offline_page.locator(".md-search-result__item").count() > 0


def test_pages_render_without_console_errors(offline_page, site_url):
    for path in ["", "comparison/", "performance/", "methodology/", "side-by-side/"]:
        offline_page.goto(site_url + path)
        offline_page.wait_for_load_state("networkidle")
    assert offline_page.record.console_errors == []
