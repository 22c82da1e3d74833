"""Adding a framework and a criterion takes data only: a build from a copy of the project with
Litestar and a "Plugin system" criterion added shows both in every table, export, embed, the
flowchart and the outline (the walk and the scorecard are checked in test_scorecard.py)."""

from __future__ import annotations

import csv
import io
import json

from bs4 import BeautifulSoup

from conftest import shown
from guide.views.flowchart import node_anchor


def page(site, path):
    return BeautifulSoup((site.site / path).read_text(encoding="utf-8"), "html.parser")


def test_no_code_changed(third_framework_site):
    # The copy's code is the checkout's: only data/ differs.
    assert (third_framework_site.project / "guide").is_dir()
    assert third_framework_site.guide.framework("litestar").name == "Litestar"
    assert third_framework_site.guide.criterion("plugin-system").title == "Plugin system"


def test_every_table_has_the_new_column_and_row(third_framework_site):
    guide = third_framework_site.guide
    names = [f.name for f in guide.frameworks]
    tables = {
        "comparison/index.html": "table.guide-comparison--full",
        "index.html": "table.guide-comparison--glance",
        "performance/index.html": "table.guide-comparison--performance",
        "development/index.html": "table.guide-comparison--builtins",
    }
    for path, selector in tables.items():
        table = page(third_framework_site, path).select_one(selector)
        assert [th.get_text() for th in table.thead.find_all("th")][1:] == names, path
        for row in table.select("tbody tr:not(.guide-group-row)"):
            assert len(row.find_all("td")) == 3, path
    full = page(third_framework_site, "comparison/index.html")
    assert "Plugin system" in [a.get_text() for a in full.select("table.guide-comparison--full tbody th a")]
    card = full.find("details", id="plugin-system")
    assert card is not None and "Litestar" in card.get_text()
    perf = page(third_framework_site, "performance/index.html").select_one("table.guide-comparison--performance")
    assert "Plugin system" in perf.get_text()


def test_exports_hold_the_new_framework_and_criterion(third_framework_site):
    guide = third_framework_site.guide
    exports = third_framework_site.site / "exports"
    rows = list(csv.DictReader(io.StringIO((exports / "comparison.csv").read_text(encoding="utf-8"))))
    assert len(rows) == len(guide.criteria) * 3
    assert {r["framework_id"] for r in rows} == {f.id for f in guide.frameworks}
    assert "plugin-system" in {r["criterion_id"] for r in rows}
    data = json.loads((exports / "guide.json").read_text(encoding="utf-8"))
    assert "litestar" in json.dumps(data) and "plugin-system" in json.dumps(data)
    markdown = (exports / "comparison.md").read_text(encoding="utf-8")
    header = next(line for line in markdown.splitlines() if line.startswith("|"))
    assert "Litestar" in header and "Plugin system" in markdown
    assert "Litestar" in (exports / "comparison.html").read_text(encoding="utf-8")


def test_flowchart_and_outline_include_the_new_outcome(third_framework_site):
    soup = page(third_framework_site, "decision/index.html")
    box = soup.select_one('svg.guide-flow a.guide-flow__node--outcome[data-node="litestar-service"]')
    assert box is not None and "Litestar" in box.get_text(" ") and box["xlink:href"] == f"#{node_anchor('litestar-service')}"
    assert soup.select_one('svg.guide-flow g.guide-flow__edge[data-to="litestar-service"]') is not None
    outcome = soup.find(id=node_anchor("litestar-service"))
    assert outcome is not None and "Litestar" in outcome.get_text()
    asking = next(q for q in third_framework_site.guide.decision.questions if any(a.next == "litestar-service" for a in q.answers))
    question = soup.find(id=node_anchor(asking.id))
    assert f"#{node_anchor('litestar-service')}" in [a["href"] for a in question.select(".guide-answers a")]


def test_embeds_include_the_new_framework(third_framework_site):
    embed = page(third_framework_site, "embed/comparison/index.html")
    assert "Litestar" in [th.get_text() for th in embed.select("thead th")]
    assert shown("Plugin system") in embed.get_text()
