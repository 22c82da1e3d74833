"""Embed pages: generated from the data, left out of search and navigation, and working inside an
iframe on another origin with the network cut off (rendered, no site chrome, height reported by
postMessage and applied by embed-host.js, links leaving the frame, light or dark)."""

from __future__ import annotations

import json
import re
import time

import pytest
import yaml

from helpers import StaticServer, offline_context, parsed_page
from guide.publish import embeds
from guide.data.models import Group

CHROME = ".md-header, .md-tabs, .md-nav, .md-sidebar, .md-footer, .md-search, [data-md-component=search], [data-md-component=header], .md-source"
CONTENT = {"table": "table.guide-table", "flowchart": ".guide-flowchart svg.guide-flow", "decision": ".guide-walk, .guide-outline"}


@pytest.fixture(scope="module")
def all_embeds(guide):
    return embeds.embeds(guide)


# --- generation ----------------------------------------------------------------------------


def test_a_new_group_gets_an_embed_with_no_code_change(guide):
    extra = Group(id="new-group", title="New: a group", description="x", criteria=guide.groups[0].criteria)
    names = [e.name for e in embeds.embeds(guide.model_copy(update={"groups": [*guide.groups, extra]}))]
    assert "group-new-group" in names
    assert {f"group-{g.id}" for g in guide.groups} <= set(names)
    assert {"comparison", "glance", "flowchart", "decision"} <= set(names)


def test_embed_front_matter_survives_awkward_titles(guide):
    embed = embeds.Embed("x", 'Title: with "quotes" # and {{ braces }}', "table", "glance_table()", "index.md")
    source = embeds.embed_markdown(embed, guide, "Home: page")
    front = yaml.safe_load(source.split("---")[1])
    assert front["title"] == embed.title and front["template"] == "embed.html"
    assert front["search"] == {"exclude": True}
    assert front["guide_embed"]["back_url"] == "../../" and front["guide_embed"]["reviewed"] == guide.reviewed.isoformat()


def test_the_built_site_has_every_embed_outside_search_and_nav(built_site, all_embeds):
    for embed in all_embeds:
        page = built_site / "embed" / embed.name / "index.html"
        assert page.is_file(), embed.name
        soup = parsed_page(page)
        assert soup.select(CHROME) == [], embed.name
        assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
        credit = soup.select_one(".guide-embed__credit")
        assert "data last reviewed" in credit.get_text() and credit.a["target"] == "_top"
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert [d["location"] for d in index["docs"] if re.match(r"embed/[a-z]", d["location"])] == []
    nav = parsed_page(built_site / "comparison" / "index.html")
    assert [a["href"] for a in nav.select(".md-nav a") if "embed/" in a["href"] and a["href"].rstrip("/").split("/")[-1] != "embed"] == []


def test_each_table_and_the_flowchart_has_an_embed_control(built_site, guide):
    expected = {"comparison": ["comparison"], "": ["glance"], "decision": ["flowchart"]}
    for group in guide.groups:
        if group.page:
            expected.setdefault(group.page.removesuffix(".md"), []).append(f"group-{group.id}")
    for folder, names in expected.items():
        soup = parsed_page(built_site / folder / "index.html")
        controls = {c.parent["data-guide-embed-name"]: c for c in soup.select("details.guide-embed-control")}
        for name in names:
            snippet = controls[name].select_one("pre code").get_text()
            assert re.search(rf'<iframe src="[^"]+/embed/{name}/" title="[^"]+"', snippet), snippet
            assert "assets/javascripts/embed-host.js" in snippet
            hrefs = [a["href"] for a in controls[name].select("a[download]")]
            assert {h.rsplit("/", 1)[-1] for h in hrefs} >= {"guide.json", "comparison.csv", "comparison.md", "comparison.html"}
            for href in hrefs:
                assert (built_site / folder / href).resolve().is_file(), href


# --- in a browser, inside another origin's iframe ------------------------------------------


HOST_PAGE = """<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Host</title></head>
<body><script>window.received = []; addEventListener("message", function (e) {{
  if (e.data && e.data.type === "guide:embed-height") received.push({{origin: e.origin, id: e.data.id, height: e.data.height}});
}});</script>
{frames}
<script src="{site}assets/javascripts/embed-host.js"></script></body></html>"""


@pytest.fixture(scope="module")
def host(tmp_path_factory, site_url, all_embeds):
    folder = tmp_path_factory.mktemp("host")
    themes = {"comparison": "?theme=light", "flowchart": "?theme=dark"}
    frames = "\n".join(
        f'<iframe id="frame-{e.name}" src="{site_url}embed/{e.name}/{themes.get(e.name, "")}" title="{e.title}" '
        f'style="width:100%;height:150px;border:0"></iframe>'
        for e in all_embeds
    )
    (folder / "index.html").write_text(HOST_PAGE.format(frames=frames, site=site_url), encoding="utf-8")
    server = StaticServer(folder)
    yield server.url
    server.close()


def test_embeds_work_inside_an_iframe_on_another_origin_offline(browser, host, site_url, all_embeds):
    assert host.split(":")[-1] != site_url.split(":")[-1]
    # The reader's system asks for dark: embeds without ?theme= follow it, ?theme= wins.
    context, record = offline_context(browser, viewport={"width": 1100, "height": 800}, color_scheme="dark")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    try:
        page.goto(host)
        names = [e.name for e in all_embeds]
        page.wait_for_function(
            "names => names.every(n => document.getElementById('frame-' + n).hasAttribute('data-guide-embed-id'))",
            arg=names, timeout=15000,
        )
        site_origin = site_url.rstrip("/")
        for embed in all_embeds:
            frame = page.frame_locator(f"#frame-{embed.name}")
            inner = next(f for f in page.frames if f.url.startswith(f"{site_url}embed/{embed.name}/"))
            inner.wait_for_selector(CONTENT[embed.kind], timeout=15000)
            assert inner.locator(CHROME).count() == 0, embed.name
            assert inner.locator(".guide-embed__credit a[target=_top]").count() == 1
            # Every link leaves the frame, except links to a place inside the same view.
            targets = inner.eval_on_selector_all("article a", "as => as.map(a => a.getAttribute('target'))")
            assert targets and set(targets) <= {"_top", "_self"}, (embed.name, set(targets))
            scheme = inner.evaluate("document.body.getAttribute('data-md-color-scheme')")
            assert scheme == ("default" if embed.name == "comparison" else "slate"), embed.name
            assert frame.locator("article").count() == 1
        # The host received each embed's height from the site's origin, and the helper applied the latest.
        time.sleep(0.3)
        received = page.evaluate("received")
        assert {m["id"] for m in received} == set(names)
        assert {m["origin"] for m in received} == {site_origin}
        for name in names:
            latest = [m["height"] for m in received if m["id"] == name][-1]
            applied = page.evaluate(f"document.getElementById('frame-{name}').style.height")
            assert latest > 100 and applied == f"{latest}px", (name, latest, applied)
        # A resize in the frame is reported again (ResizeObserver).
        glance = next(f for f in page.frames if f.url.startswith(f"{site_url}embed/glance/"))
        before = page.evaluate("document.getElementById('frame-glance').style.height")
        glance.evaluate("document.querySelector('article').insertAdjacentHTML('beforeend', '<div style=\"height:300px\"></div>')")
        page.wait_for_function(f"document.getElementById('frame-glance').style.height !== '{before}'", timeout=5000)
        after = int(page.evaluate("document.getElementById('frame-glance').style.height")[:-2])
        assert after >= int(before[:-2]) + 290
        # A link in an embed opens in the whole window, not in the frame.
        glance.locator("table.guide-table a").first.click()
        page.wait_for_url(f"{site_url}comparison/**", timeout=10000)
        assert errors == []
        assert record.blocked == [], record.blocked
    finally:
        context.close()
