"""The site in headless Chromium with every host but loopback cut off."""

from __future__ import annotations


from conftest import shadow_piercing_count
from guide.flowchart import mermaid_id


def wait_for_flowchart(page):
    page.wait_for_selector(".guide-flowchart--drawn svg", timeout=20000)


def test_flowchart_draws_offline_with_every_node(offline_page, site_url, guide):
    offline_page.goto(site_url + "decision/")
    wait_for_flowchart(offline_page)
    expected = len(guide.decision.questions) + len(guide.decision.outcomes)
    # Counted through the DevTools protocol, which sees the drawing wherever it is rendered.
    assert shadow_piercing_count(offline_page, "node") == expected
    drawn = offline_page.locator(".guide-flowchart svg g.node").count()
    assert drawn == expected
    assert offline_page.locator(".guide-flowchart svg .edgeLabel").count() >= sum(len(q.answers) for q in guide.decision.questions)
    assert offline_page.record.console_errors == []


def test_flowchart_nodes_link_to_their_explanations(offline_page, site_url, guide):
    offline_page.goto(site_url + "decision/")
    wait_for_flowchart(offline_page)
    outcome = guide.decision.outcomes[0]
    link = offline_page.locator(f'a.guide-flowchart__link[data-node="{mermaid_id(outcome.id)}"]')
    assert link.count() == 1
    link.focus()
    offline_page.keyboard.press("Enter")
    offline_page.wait_for_function(f"location.hash === '#decide-{outcome.id}'")


def test_mermaid_loads_only_on_pages_with_a_diagram(browser, site_url):
    from conftest import offline_context

    context, record = offline_context(browser)
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    assert not [u for u in requests if "mermaid" in u]
    page.goto(site_url + "decision/")
    page.wait_for_selector(".guide-flowchart--drawn svg", timeout=20000)
    mermaid_requests = [u for u in requests if "mermaid" in u]
    assert mermaid_requests and all(u.startswith(site_url) for u in mermaid_requests)
    context.close()
    assert record.blocked == []


def test_flowchart_survives_instant_navigation_and_palette_switch(offline_page, site_url):
    offline_page.goto(site_url)
    offline_page.click("nav.md-tabs >> text=Choose")  # the tab opens on the decision guide
    offline_page.wait_for_url("**/decision/")
    wait_for_flowchart(offline_page)
    light_fill = offline_page.eval_on_selector(".guide-flowchart svg g.node rect, .guide-flowchart svg g.node path", "e => getComputedStyle(e).fill")
    offline_page.click("form[data-md-component=palette] label:not([hidden])")
    offline_page.wait_for_function("document.body.getAttribute('data-md-color-scheme') !== null")
    offline_page.click("form[data-md-component=palette] label:not([hidden])")
    offline_page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    offline_page.wait_for_function(
        "fill => { const e = document.querySelector('.guide-flowchart svg g.node rect, .guide-flowchart svg g.node path');"
        " return e && getComputedStyle(e).fill !== fill; }",
        arg=light_fill,
        timeout=20000,
    )
    assert offline_page.record.console_errors == []


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
