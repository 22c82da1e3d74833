"""The decision flowchart in headless Chromium, as a reader meets it: legible as first shown at a
desktop and a phone width (each label's rendered size measured), every box a focusable link that
lands on its explanation, the walk's path marked, the dark palette without a redraw, the
scroll cue on phones, the full-size SVG, and nothing of a diagram runtime loaded. Printing is in
test_print.py; axe in test_accessibility.py."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

import pytest

from helpers import offline_context, tab_to
from js.cases import path_value

# Each text element's size on screen: its font size times the drawing's scale there (CSS zoom and
# any shrinking included), the smallest of them, and whether the chart scrolls sideways.
MEASURE = """() => {
  const svg = document.querySelector('.guide-flowchart svg.guide-flow');
  const sizes = [...svg.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a);
  const frame = svg.closest('.guide-flowchart__scroll');
  return {smallest: Math.min(...sizes), count: sizes.length, scrolls: frame.scrollWidth > frame.clientWidth + 1,
          cueShown: document.querySelector('.guide-flowchart__cue').getClientRects().length > 0};
}"""


@pytest.fixture
def reader(browser, site_url):
    """Opens a page of the site at a given viewport and colour scheme, with the network cut off."""
    contexts = []

    def open_page(width=1280, height=800, scheme="light", path="decision/"):
        context, record = offline_context(browser, viewport={"width": width, "height": height}, color_scheme=scheme)
        contexts.append((context, record))
        page = context.new_page()
        page.errors = []
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.goto(site_url + path, wait_until="networkidle")
        return page

    yield open_page
    for context, record in contexts:
        context.close()
        assert record.blocked == []


@pytest.fixture(scope="module")
def desktop_chart(browser, site_url):
    """The Decision page at 1280 x 800 in the light palette, as ``reader`` opens it, loaded once
    for the tests that only read it (they neither click, type nor navigate)."""
    context, record = offline_context(browser, viewport={"width": 1280, "height": 800}, color_scheme="light")
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(site_url + "decision/", wait_until="networkidle")
    yield page
    context.close()
    assert record.blocked == []


def node_count(guide) -> int:
    return len(guide.decision.questions) + len(guide.decision.outcomes)


def test_chart_is_drawn_at_build_time_and_nothing_draws_it_in_the_browser(desktop_chart, guide):
    page = desktop_chart
    requests = page.evaluate("() => performance.getEntriesByType('resource').map(e => e.name)")
    assert not [url for url in requests if "mermaid" in url.lower() or "vendor" in url]
    assert page.locator(".guide-flowchart svg.guide-flow").count() == 1
    assert page.locator("a.guide-flow__node").count() == node_count(guide)
    assert page.locator("g.guide-flow__edge").count() == sum(len(q.answers) for q in guide.decision.questions)
    assert page.errors == []


@pytest.mark.parametrize(("width", "height", "least"), [(1280, 800, 12), (390, 844, 11)])
def test_every_label_is_legible_as_first_shown(reader, desktop_chart, width, height, least):
    page = desktop_chart if (width, height) == (1280, 800) else reader(width, height)
    shown = page.evaluate(MEASURE)
    print(f"\nsmallest flowchart label at {width} x {height}: {shown['smallest']:.2f} CSS px")
    assert shown["count"] > 0 and shown["smallest"] >= least
    if width >= 1280:
        assert not shown["scrolls"] and not shown["cueShown"]  # the whole chart fits on a desktop
    else:
        # Wider than a phone: it scrolls sideways in its own frame, and says so.
        assert shown["scrolls"] and shown["cueShown"]
        assert page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def test_decision_page_uses_the_whole_width(desktop_chart):
    page = desktop_chart
    assert page.locator(".md-sidebar--primary").is_hidden() or page.locator(".md-sidebar--primary").count() == 0
    width = page.evaluate("() => document.querySelector('.md-content').getBoundingClientRect().width")
    assert width > 1000


def test_text_stays_inside_its_box_with_the_fonts_the_browser_has(desktop_chart):
    page = desktop_chart
    outside = page.evaluate(
        """() => {
          const inside = (inner, outer) => inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5
            && inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5;
          const out = [];
          document.querySelectorAll('.guide-flow__node').forEach(node => {
            if (!inside(node.querySelector('text').getBBox(), node.querySelector('rect').getBBox())) out.push(node.dataset.node);
          });
          document.querySelectorAll('.guide-flow__edge').forEach(edge => {
            if (!inside(edge.querySelector('text').getBBox(), edge.querySelector('rect').getBBox())) out.push(edge.dataset.from + '/' + edge.dataset.answer);
          });
          return out;
        }"""
    )
    assert outside == []


def test_every_box_has_a_visible_keyboard_focus(reader, guide):
    page = reader(1280, 800)
    first = page.locator("a.guide-flow__node").first.get_attribute("data-node")
    tab_to(page, f'a.guide-flow__node[data-node="{first}"]')
    seen = []
    for _ in range(node_count(guide)):
        focused = page.evaluate(
            """() => { const a = document.activeElement; if (!a.matches('a.guide-flow__node')) return null;
                 const box = getComputedStyle(a.querySelector('.guide-flow__box'));
                 return {node: a.dataset.node, width: parseFloat(box.strokeWidth), dashed: box.strokeDasharray !== 'none',
                         name: a.getAttribute('aria-label')}; }"""
        )
        assert focused is not None, "focus left the chart before every box was reached"
        assert focused["width"] >= 4 and focused["dashed"], f"no visible focus on {focused['node']}"
        assert focused["name"].startswith(("Question: ", "Outcome: "))
        seen.append(focused["node"])
        page.keyboard.press("Tab")
    assert sorted(seen) == sorted([q.id for q in guide.decision.questions] + [o.id for o in guide.decision.outcomes])


def test_clicking_a_box_scrolls_its_explanation_into_view(reader, guide):
    """walk.js leaves hash-only history entries alone: otherwise the walk would take the
    click's popstate for a step and scroll back to itself."""
    steps, _ = guide.decision.paths()[0]
    page = reader(1280, 800, path=f"decision/?path={path_value(steps[:1])}")
    page.wait_for_selector(".guide-walk[data-walk-ready]")
    for node in (guide.decision.outcomes[-1].id, guide.decision.questions[-1].id):
        page.locator(f'a.guide-flow__node[data-node="{node}"]').click()
        page.wait_for_function("id => location.hash === '#decide-' + id", arg=node)
        page.wait_for_timeout(600)  # let any handler that would scroll elsewhere run
        box = page.evaluate(f"() => document.getElementById('decide-{node}').getBoundingClientRect().toJSON()")
        assert 0 <= box["top"] < 800 / 2, f"the explanation of {node} is not in view: {box}"
        assert f"path={path_value(steps[:1])}" in page.url  # the walk's answers are kept
    assert page.errors == []


def path_marks(page) -> dict:
    return page.evaluate(
        """() => ({
          walked: document.querySelector('.guide-flowchart').classList.contains('guide-flowchart--walked'),
          nodes: [...document.querySelectorAll('.guide-flow__node.is-on-path')].map(n => n.dataset.node).sort(),
          current: [...document.querySelectorAll('.guide-flow__node.is-current[aria-current=step]')].map(n => n.dataset.node),
          currentAttrs: document.querySelectorAll('.guide-flow__node[aria-current]').length,
          edges: [...document.querySelectorAll('.guide-flow__edge.is-on-path')].map(e => e.dataset.from + '.' + e.dataset.answer).sort(),
        })"""
    )


def expected_marks(steps, end) -> dict:
    return {
        "walked": True, "nodes": sorted({q for q, _ in steps} | {end}), "current": [end], "currentAttrs": 1,
        "edges": sorted(f"{q}.{a}" for q, a in steps),
    }


def test_a_walk_event_marks_its_path_and_nothing_is_marked_before_an_answer(reader, guide):
    """The chart's side of the contract with walk.js: whatever `guide:walk` says is marked."""
    page = reader(1280, 800, path="embed/flowchart/")
    assert path_marks(page) == {"walked": False, "nodes": [], "current": [], "currentAttrs": 0, "edges": []}
    for steps, end in guide.decision.paths():
        detail = {"steps": [list(step) for step in steps], "node": end}
        page.evaluate("d => document.dispatchEvent(new CustomEvent('guide:walk', {detail: d}))", detail)
        assert path_marks(page) == expected_marks(steps, end)
    page.evaluate("() => document.dispatchEvent(new CustomEvent('guide:walk', {detail: {steps: [], node: null}}))")
    assert path_marks(page)["walked"] is False and path_marks(page)["nodes"] == []


def test_walking_marks_the_path_on_the_chart(reader, site_url, guide):
    """Through walk.js's `guide:walk` events, and `guideWalk.current()` for a shared link."""
    steps, end = max(guide.decision.paths(), key=lambda path: len(path[0]))
    page = reader(1280, 800)
    page.wait_for_selector(".guide-walk[data-walk-ready]")
    assert path_marks(page)["walked"] is False
    for question, index in steps:
        page.wait_for_selector(".guide-walk:not([data-walk-settling])")  # one activation, one answer
        page.locator(f'.guide-walk__step[data-node="{question}"]:not([hidden]) .guide-walk__answer').nth(index).click()
    page.wait_for_function("() => document.querySelector('.guide-flowchart--walked')")
    assert path_marks(page) == expected_marks(steps, end)
    # A shared link opens with the path already marked (guideWalk.current() at start-up).
    page.goto(site_url + f"decision/?path={path_value(steps)}", wait_until="networkidle")
    page.wait_for_function("() => document.querySelector('.guide-flowchart--walked')")
    assert path_marks(page) == expected_marks(steps, end)


def test_dark_palette_restyles_the_same_drawing(reader):
    page = reader(1280, 800, scheme="light")
    page.evaluate("() => { document.querySelector('svg.guide-flow').dataset.probe = 'same'; }")
    colours = "() => { const s = e => getComputedStyle(document.querySelector(e)); return [s('.guide-flow__node--question .guide-flow__box').fill, s('.guide-flow__text').fill, s('.guide-flow__line').stroke]; }"
    light = page.evaluate(colours)
    page.emulate_media(color_scheme="dark")
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
    dark = page.evaluate(colours)
    assert all(a != b for a, b in zip(light, dark)), (light, dark)
    assert page.evaluate("() => document.querySelector('svg.guide-flow').dataset.probe") == "same"
    page.emulate_media(media="print")  # printing uses the light colours, even in the dark palette
    assert page.evaluate(colours) == light


def test_full_size_link_opens_the_standalone_svg(reader, guide):
    page = reader(1280, 800)
    href = page.locator("a.guide-flowchart__full").evaluate("a => a.href")
    response = page.request.get(href)
    assert response.ok and "svg" in response.headers["content-type"]
    root = ElementTree.fromstring(response.text().split("\n", 1)[1])
    links = [a.get("{http://www.w3.org/1999/xlink}href") for a in root.iter("{http://www.w3.org/2000/svg}a")]
    assert len(links) == node_count(guide)
    target = page.evaluate("([base, rel]) => new URL(rel, base).href", [href, links[0]])
    page.goto(target, wait_until="networkidle")
    assert page.evaluate("() => location.hash && document.getElementById(location.hash.slice(1)) !== null")


def test_flowchart_embed_shows_the_same_chart_and_reports_its_height(reader, desktop_chart):
    drawing = desktop_chart.locator("svg.guide-flow").get_attribute("viewBox")
    embed = reader(800, 600, path="embed/flowchart/")
    assert embed.locator("svg.guide-flow").get_attribute("viewBox") == drawing
    svg_height = embed.evaluate("() => document.querySelector('svg.guide-flow').getBoundingClientRect().bottom")
    embed.wait_for_function("() => document.documentElement.hasAttribute('data-guide-embed-height')")
    reported = int(embed.evaluate("() => document.documentElement.getAttribute('data-guide-embed-height')"))
    assert reported >= svg_height
    hrefs = embed.locator("a.guide-flow__node").evaluate_all("links => links.map(a => new URL(a.getAttribute('xlink:href'), location.href).pathname)")
    assert set(hrefs) == {"/decision/"}


def test_chart_arrives_from_the_choose_tab_and_follows_a_palette_switch(reader, guide):
    """Reached through the navigation, the chart's links are whole and it follows the palette
    without a redraw (with Material's instant navigation, which the site leaves off, links are
    rewritten on the way: an SVG link's href cannot be assigned, which is why the chart uses
    xlink:href)."""
    page = reader(1280, 800, path="")
    page.click("nav.md-tabs >> text=Choose")  # the tab opens on the decision guide
    page.wait_for_url("**/decision/")
    page.wait_for_selector("svg.guide-flow a.guide-flow__node")
    assert page.locator("a.guide-flow__node").count() == node_count(guide)
    fill = "() => getComputedStyle(document.querySelector('.guide-flow__node--outcome .guide-flow__box')).fill"
    light = page.evaluate(fill)
    page.click("form[data-md-component=palette] label:not([hidden])")
    page.click("form[data-md-component=palette] label:not([hidden])")
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
    page.wait_for_function(f"light => ({fill})() !== light", arg=light)
    assert page.errors == []
