"""What readers meet, at the widths where it went wrong (issue 11): tables on a 390 px phone (every
cell on screen, at least 72 px wide, no word split, nothing of the desktop table lost) and with a
sticky header row at 1280 px, the comparison's write-ups (one home, opened when targeted), the
navigation and Home's ways in, the side-by-side code, embeds (previews, sitemap, a cross-origin host
with lazy frames, snippets) and the printed scorecard. Everything is derived from the data, so a
framework added through data (the ``new_framework_site`` build) is checked by the same functions."""

from __future__ import annotations

import re
import subprocess
from fractions import Fraction
from urllib.parse import parse_qs, urlsplit

import pytest

from helpers import StaticServer, offline_context, parsed_page, shown
from guide.publish import embeds
from guide.views import scorecard, sitescripts
from guide.views.urls import page_url
from js.cases import expected_ranking, on_scale, weights_value

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
MIN_CELL = 72  # CSS px: the narrowest a table cell may be on a phone

# The words (runs of letters) inside an element that a line break splits in two.
WORDS_SPLIT_IN = """element => {
  const range = document.createRange();
  const words = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement.getClientRects().length) continue;
    for (const match of node.data.matchAll(/[A-Za-z]{2,}/g)) {
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
      if (lines.size > 1) words.push(match[0]);
    }
  }
  return words;
}"""
SPLIT_WORDS = "selector => [...document.querySelectorAll(selector)].flatMap(" + WORDS_SPLIT_IN + ")"
# Every visible cell of the tables matched: its box, and the words in it that a line break splits.
CELLS = "selector => { const split = " + WORDS_SPLIT_IN + """;
  return [...document.querySelectorAll(selector)].flatMap(table =>
    [...table.querySelectorAll('tbody th, tbody td, tfoot th, tfoot td')].filter(cell => cell.getClientRects().length).map(cell => {
      const box = cell.getBoundingClientRect();
      return {table: table.className, text: cell.textContent.trim().slice(0, 60), left: box.left, right: box.right,
              width: box.width, split: split(cell)};
    }));
}"""


def table_pages(guide) -> dict[str, str]:
    """Page address -> the tables on it that must fit a phone, from the data."""
    pages = {"comparison/": "table.guide-comparison--full", "": "table.guide-comparison--glance",
             "scorecard/": "table.guide-scorecard__results, table.guide-scorecard__static",
             "methodology/": "table.guide-table", "embed/": "table.guide-table"}
    for group in guide.groups:
        if group.page:
            address = page_url(group.page)
            pages[address] = ", ".join(filter(None, [pages.get(address), f"table.guide-comparison--{group.id}"]))
    if guide.benchmarks:  # the measured figures (guide/views/benchmarks.py), on the Performance page
        pages["performance/"] = ", ".join(filter(None, [pages.get("performance/"), "table.guide-bench__table"]))
    return pages


# Each criterion's row of the full table as a reader sees it (one call instead of one per cell):
# whether its link shows (a box and not visibility: hidden, as Playwright's is_visible), the row
# header's text and each cell's label and text (innerText, as Playwright's inner_text).
ROWS = """ids => Object.fromEntries(ids.map(id => {
  const row = document.querySelector(`table.guide-comparison--full tr[data-criterion="${id}"]`);
  if (!row) return [id, null];
  const link = row.querySelector('th a');
  const box = link && link.getBoundingClientRect();
  return [id, {
    linkVisible: !!link && box.width > 0 && box.height > 0 && getComputedStyle(link).visibility !== 'hidden',
    th: row.querySelector('th').innerText,
    cells: [...row.querySelectorAll('td')].map(td => ({label: td.querySelector('.guide-cell-label').innerText, text: td.innerText})),
  }];
}))"""


def check_tables_on_a_phone(browser, url, guide):
    context, record = offline_context(browser, viewport=PHONE)
    page = context.new_page()
    problems = []
    try:
        for address, selector in table_pages(guide).items():
            page.goto(url + address)
            page.wait_for_load_state("load")
            if address == "scorecard/":
                page.wait_for_selector(".guide-scorecard__app:not([hidden])")
            cells = page.evaluate(CELLS, selector)
            assert cells, f"no table matched {selector} on /{address}"
            for cell in cells:
                if cell["left"] < -0.5 or cell["right"] > PHONE["width"] + 0.5:
                    problems.append(f"/{address} {cell['table']}: off screen ({cell['left']:.0f}-{cell['right']:.0f}): {cell['text']}")
                if cell["width"] < MIN_CELL:
                    problems.append(f"/{address} {cell['table']}: {cell['width']:.0f} px wide: {cell['text']}")
                if cell["split"]:
                    problems.append(f"/{address} {cell['table']}: words split across lines {cell['split']}: {cell['text']}")
        # Nothing of the desktop table is lost: every verdict of every framework, under its name.
        page.goto(url + "comparison/")
        rows = page.evaluate(ROWS, [c.id for c in guide.criteria])
        for criterion in guide.criteria:
            row = rows[criterion.id]
            assert row is not None, f"no row for {criterion.id}"
            assert row["linkVisible"]
            assert shown(criterion.measures) in row["th"]
            assert len(row["cells"]) == len(guide.frameworks)
            for cell, framework in zip(row["cells"], guide.frameworks, strict=True):
                assert cell["label"] == framework.name
                assert shown(criterion.assessments[framework.id].verdict) in " ".join(cell["text"].split())
    finally:
        context.close()
    assert problems == [], "\n".join(problems)
    assert record.blocked == []


def test_tables_fit_a_phone(browser, every_build):
    check_tables_on_a_phone(browser, every_build.url, every_build.guide)


def test_long_tables_keep_their_header_in_view_on_a_desktop(offline_page, site_url, guide):
    page = offline_page
    page.set_viewport_size(DESKTOP)
    group = next(g for g in guide.groups if g.page)
    for address, selector in (("comparison/", "table.guide-comparison--full"), (page_url(group.page), f"table.guide-comparison--{group.id}")):
        page.goto(site_url + address)
        table = page.locator(selector)
        box = table.bounding_box()
        header_bottom = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
        page.evaluate(f"window.scrollTo(0, {box['y'] + box['height'] / 2})")
        head = page.evaluate(f"document.querySelector('{selector} thead th').getBoundingClientRect().top")
        assert abs(head - header_bottom) <= 1, (address, head, header_bottom)  # stuck under Material's header
        # The table fits its column: nothing to scroll sideways, so the header row can stick.
        assert page.evaluate(f"(() => {{ const t = document.querySelector('{selector}'); return t.getBoundingClientRect().right <= t.closest('.md-content').getBoundingClientRect().right; }})()")


# --- The comparison: one home per write-up --------------------------------------------------


def test_each_write_up_has_one_home(built_site, guide):
    homes = {}
    for html in built_site.rglob("*.html"):
        soup = parsed_page(html)
        for card in soup.select(".guide-criterion"):
            homes.setdefault(card["id"], []).append(html.relative_to(built_site).as_posix())
    assert homes == {c.id: ["comparison/index.html"] for c in guide.criteria}


def test_write_ups_open_when_targeted_and_keep_the_comparison_short(browser, site_url, guide):
    context, record = offline_context(browser, viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + "comparison/")
    assert page.locator("details.guide-criterion[open]").count() == 0
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height / len(guide.criteria) < 1000, f"{height} px for {len(guide.criteria)} criteria"
    # A verdict box on a topic page links to the write-up, which opens and shows its sources.
    group = next(g for g in guide.groups if g.page)
    page.goto(site_url + page_url(group.page))
    box = page.locator("aside.guide-verdicts").first
    criterion_id = box.locator(".guide-verdicts__more a").get_attribute("href").split("#")[1]
    box.locator(".guide-verdicts__more a").click()
    write_up = page.locator(f"details#{criterion_id}")
    write_up.locator(".guide-sources").first.wait_for(state="visible")
    assert write_up.get_attribute("open") is not None
    assert write_up.locator("summary").bounding_box()["y"] < PHONE["height"]
    context.close()
    assert record.blocked == []


# --- Navigation and entry points -------------------------------------------------------------


def test_tabs_open_on_the_most_useful_page(built_site):
    soup = parsed_page(built_site / "index.html")
    tabs = {a.get_text(" ", strip=True): a["href"] for a in soup.select(".md-tabs__link")}
    assert tabs["Compare"].rstrip("/").endswith("comparison")
    assert tabs["Choose"].rstrip("/").endswith("decision")


def test_home_leads_to_the_tools_above_the_fold_on_a_phone(browser, site_url):
    context, record = offline_context(browser, viewport=PHONE)
    page = context.new_page()
    page.goto(site_url)
    for target in ("decision/", "comparison/", "scorecard/"):
        link = page.locator(f'.md-content a[href$="{target}"]').first
        box = link.bounding_box()
        assert box and box["y"] + box["height"] <= PHONE["height"], (target, box)
        assert box["height"] >= 24  # big enough for a thumb
    assert page.locator('.md-content a[href*="side-by-side/"]').count() >= 1
    text = page.locator(".md-content").inner_text()
    assert text.lower().count("at a glance") == 1
    page.locator('.md-content a[href$="decision/"]').first.click()
    page.wait_for_url("**/decision/")
    assert page.locator(".guide-walk").count() == 1
    context.close()
    assert record.blocked == []


# --- Side-by-side code ---------------------------------------------------------------------


def test_side_by_side_code_in_two_columns_on_wide_screens_and_tabs_on_phones(browser, site_url, built_site):
    address = next(p.parent.relative_to(built_site).as_posix() + "/" for p in sorted((built_site / "side-by-side").rglob("index.html"))
                   if 'class="tabbed-set' in p.read_text(encoding="utf-8"))
    context, record = offline_context(browser, viewport=DESKTOP)
    page = context.new_page()
    page.goto(site_url + address)
    for tabbed in page.locator(".tabbed-set").all():
        blocks = tabbed.locator(".tabbed-block")
        first, second = blocks.nth(0).bounding_box(), blocks.nth(1).bounding_box()
        assert abs(first["y"] - second["y"]) < 1 and second["x"] > first["x"] + first["width"] - 1  # side by side
        assert all(blocks.nth(i).is_visible() for i in range(blocks.count()))
        labels = tabbed.locator(".tabbed-labels > label")
        assert labels.nth(1).bounding_box()["x"] == pytest.approx(second["x"], abs=1)  # each label heads its column
    hidden = page.evaluate("[...document.querySelectorAll('.tabbed-block pre > code')].filter(c => c.scrollWidth > c.clientWidth + 1).length")
    assert hidden == 0  # long lines wrap: no code is cut off
    page.set_viewport_size(PHONE)
    page.reload()
    tabbed = page.locator(".tabbed-set").first
    assert sum(tabbed.locator(".tabbed-block").nth(i).is_visible() for i in range(tabbed.locator(".tabbed-block").count())) == 1
    cues = page.evaluate("""[...document.querySelectorAll('.tabbed-block pre > code')]
        .filter(c => c.getClientRects().length && c.scrollWidth > c.clientWidth + 1)
        .map(c => getComputedStyle(c).backgroundAttachment)""")
    assert cues and all("local" in cue and "scroll" in cue for cue in cues)  # a shadow marks more code to the side
    context.close()
    assert record.blocked == []


# --- Embeds --------------------------------------------------------------------------------


def test_sitemap_and_noindex_agree(built_site, guide):
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    listed = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    for embed in embeds.embeds(guide):
        page = parsed_page(built_site / embed.src.replace(".md", "/index.html"))
        assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
        assert not any(loc.endswith("/" + page_url(embed.src)) for loc in listed), embed.name
    # Every other page is indexable and listed.
    for html in built_site.rglob("index.html"):
        address = html.parent.relative_to(built_site).as_posix()
        if any(address == f"embed/{e.name}" for e in embeds.embeds(guide)):
            continue
        assert parsed_page(html).find("meta", attrs={"name": "robots"}) is None
        assert any(loc.endswith("/" if address == "." else f"/{address}/") for loc in listed), address


def test_preview_opens_the_real_embed_page(offline_page, site_url):
    page = offline_page
    page.goto(site_url + "comparison/")
    page.locator("details.guide-embed-control summary").first.click()
    page.locator("details.guide-embed-control a", has_text="Preview the embed").first.click()
    page.wait_for_url("**/embed/comparison/")
    page.wait_for_selector(".guide-embed__credit")
    assert page.locator(".md-header, .md-tabs, .md-sidebar").count() == 0
    credit = " ".join(page.locator(".guide-embed__credit").inner_text().split())
    assert credit.startswith("From FastAPI or Django? › Full comparison")
    page.goto(site_url + "embed/glance/")
    assert not re.search(r"\?: ?Home", page.locator(".guide-embed__credit").inner_text())


def test_embed_snippets_wrap_between_parts_and_clear_the_copy_button(browser, site_url):
    context, record = offline_context(browser, viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + "comparison/")
    page.locator("details.guide-embed-control summary").first.click()
    snippet = page.locator(".guide-embed-snippet code").first
    assert page.evaluate(SPLIT_WORDS, ".guide-embed-control pre code") == []
    assert snippet.evaluate("c => c.scrollWidth <= c.clientWidth + 1")
    button = page.locator(".guide-embed-control .md-code__button").first.bounding_box()  # Material's copy button
    text_right = snippet.evaluate("""c => { const r = document.createRange(); r.selectNodeContents(c);
        return Math.max(...[...r.getClientRects()].filter(b => b.top < %f).map(b => b.right)); }""" % (button["y"] + button["height"]))
    assert text_right <= button["x"]
    page.goto(site_url + "embed/")
    assert page.evaluate(SPLIT_WORDS, ".guide-embeds code, .guide-export-list code") == []
    assert page.evaluate("[...document.querySelectorAll('.guide-embeds code, .guide-export-list code')].every(c => c.getBoundingClientRect().right <= innerWidth)")
    context.close()
    assert record.blocked == []


def test_a_host_page_with_lazy_frames_logs_nothing(browser, site_url, tmp_path, guide):
    names = [e.name for e in embeds.embeds(guide)]
    frames = "".join(
        f'<div style="height:1200px"></div><iframe id="frame-{name}" src="{site_url}embed/{name}/" title="{name}" '
        f'style="width:100%;height:300px;border:0" loading="lazy"></iframe>' for name in names
    )
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Host</title></head>'
        f'<body><iframe id="first" src="{site_url}embed/{names[0]}/" title="first" style="width:100%;height:300px;border:0"></iframe>'
        f'{frames}<script src="{site_url}assets/javascripts/embed-host.js"></script></body></html>', encoding="utf-8")
    host = StaticServer(tmp_path)
    context, record = offline_context(browser, viewport=DESKTOP)
    page = context.new_page()
    messages = []
    page.on("console", lambda m: messages.append(f"{m.type}: {m.text}"))
    page.on("pageerror", lambda e: messages.append(str(e)))
    try:
        assert host.url.split(":")[-1] != site_url.split(":")[-1]
        page.goto(host.url)
        page.wait_for_function("document.getElementById('first').style.height !== '300px'", timeout=15000)
        page.wait_for_timeout(500)
        page.evaluate("document.getElementById('frame-%s').scrollIntoView()" % names[-1])
        page.wait_for_function(f"document.getElementById('frame-{names[-1]}').style.height !== '300px'", timeout=15000)
        assert messages == []
    finally:
        context.close()
        host.close()
    assert record.blocked == []


# --- The scorecard: presets, what decides it, print ------------------------------------------


def test_presets_set_their_weights_in_the_address(offline_page, site_url, guide):
    assert guide.presets, "data/presets.yml offers no preset"
    page = offline_page
    page.goto(site_url + "scorecard/")
    page.wait_for_selector(".guide-scorecard__app:not([hidden])")
    for preset in guide.presets:
        button = page.locator(f'[data-preset="{preset.id}"]')
        button.click()
        weights = sitescripts.preset_weights(guide, preset)
        assert parse_qs(urlsplit(page.url).query)["weights"][0] == weights_value(sitescripts.rule_data(guide), weights)
        assert button.get_attribute("aria-pressed") == "true"
        for group in guide.groups:
            pressed = page.get_attribute(f'[data-group="{group.id}"] [aria-pressed="true"]', "data-weight")
            assert pressed == str(weights[group.id])
        ranked = [r["id"] for r in expected_ranking(sitescripts.rule_data(guide), weights)]
        assert page.eval_on_selector_all(".guide-scorecard__results tbody tr", "rows => rows.map(r => r.dataset.framework)") == ranked
        # The preset's weights are shown next to it, in words.
        about = page.locator(f"#scorecard-preset-{preset.id}").inner_text()
        assert scorecard.weights_summary(guide, weights) in " ".join(about.split())
    # Changing one weight leaves every preset unpressed; the address still reproduces the weights.
    group = guide.groups[0]
    current = page.get_attribute(f'[data-group="{group.id}"] [aria-pressed="true"]', "data-weight")
    other = next(w for w in scorecard.WEIGHTS if str(w) != current)
    page.click(f'[data-group="{group.id}"] [data-weight="{other}"]')
    assert page.locator('.guide-scorecard__preset[aria-pressed="true"]').count() == 0
    assert page.locator(".guide-scorecard__link").get_attribute("href") == page.url
    assert page.record.console_errors == []


def test_the_scorecard_says_why_equal_weights_are_not_neutral(built_site, guide):
    soup = parsed_page(built_site / "scorecard" / "index.html")
    lead = soup.select_one(".guide-scorecard__lead").get_text(" ", strip=True)
    top, second = expected_ranking(sitescripts.rule_data(guide), sitescripts.default_weights(guide))[:2]
    gap = on_scale(Fraction(top["exact"]) - Fraction(second["exact"]))
    assert f"{guide.framework(top['id']).name} leads {guide.framework(second['id']).name} by {gap} points" in lead
    # Each preset's scores are in the static table too, for readers without JavaScript.
    rows = [" ".join(tr.th.get_text(" ", strip=True).split()) for tr in soup.select(".guide-scorecard__static tr.guide-scorecard__total")]
    assert [r.split(" High")[0].split(" Medium")[0] for r in rows] == ["Equal weights"] + [p.title for p in guide.presets]


def test_a_deciding_criterion_is_listed_once_per_pair(offline_page, site_url, guide):
    page = offline_page
    weights = sitescripts.preset_weights(guide, guide.presets[0]) if guide.presets else sitescripts.default_weights(guide)
    page.goto(f"{site_url}scorecard/?weights={weights_value(sitescripts.rule_data(guide), weights)}")
    page.wait_for_selector(".guide-scorecard__pair")
    pairs = page.eval_on_selector_all(
        ".guide-scorecard__pair", "ps => ps.map(p => [p.dataset.leader, p.dataset.other, [...p.querySelectorAll('li')].map(li => li.dataset.criterion)])")
    ranked = [r["id"] for r in expected_ranking(sitescripts.rule_data(guide), weights)]
    assert [(a, b) for a, b, _ in pairs] == [(ranked[0], other) for other in ranked[1:]]
    for _, _, listed in pairs:
        assert len(listed) == len(set(listed))
    if len(guide.frameworks) == 2:
        assert len(pairs) == 1


def test_a_printed_scorecard_carries_weights_ranking_and_address(browser, site_url, guide, tmp_path):
    weights = {g.id: (3 if i == 0 else 0 if i == 1 else 1) for i, g in enumerate(guide.groups)}
    context, record = offline_context(browser, viewport={"width": 794, "height": 1123})
    page = context.new_page()
    page.goto(f"{site_url}scorecard/?weights={weights_value(sitescripts.rule_data(guide), weights)}")
    page.wait_for_selector(".guide-scorecard__app:not([hidden])")
    pdf = tmp_path / "scorecard.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    text = " ".join(subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
    context.close()
    assert record.blocked == []
    priorities = text.split("Your priorities", 1)[1]
    for group in guide.groups:  # each group with its weight, in words, right under the heading
        assert re.search(re.escape(shown(group.title)) + r" \d+ criteri(on|a) " + scorecard.WEIGHT_LABELS[weights[group.id]], priorities), group.id
    ranked = expected_ranking(sitescripts.rule_data(guide), weights)
    for entry in ranked:
        tied = sum(1 for other in ranked if other["rank"] == entry["rank"]) > 1
        assert f"{entry['rank']}{' (tied)' if tied else ''}. {guide.framework(entry['id']).name} {entry['shown']}" in priorities
    assert f"weights={weights_value(sitescripts.rule_data(guide), weights)}" in priorities.replace(" ", "")
    for screen_only in ("Start from a preset", "Reset to equal weights", "needs JavaScript"):
        assert screen_only not in text
