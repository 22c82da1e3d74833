"""Adding a framework takes data only, as CONTRIBUTING.md says: a copy of the project gets a
framework the suite has never seen, a criterion and an outcome, step by step (tests/contributor.py);
`make check` guides the contributor and then passes, the strict build passes, and what must hold
for any data holds for that build as for the real one (``every_build``): every framework in every
table, export, embed and overview, every criterion in the tables, every node in the flowchart, the
outline and the walk. The walk and the scorecard in a browser are in test_scorecard.py, tables on
a phone in test_screens.py, and test_build.py's checks of the pages also run on both builds."""

from __future__ import annotations

import csv
import filecmp
import io
import json
import re


from guide.views.flowchart import node_anchor
from helpers import ROOT, parsed_page, shown


def page(build, path):
    return parsed_page(build.site / path)


# --- the contributor's steps ---------------------------------------------------------------------


def test_check_lists_every_criterion_without_an_assessment(new_framework_site, guide):
    """Step 2: with only the framework added, `make check` fails and names every criterion that
    lacks an assessment for it, with its file and line, and nothing else."""
    done = new_framework_site.added.check_before_assessments
    new = new_framework_site.added.framework_id
    assert done.returncode != 0
    errors = [line for line in done.stderr.splitlines() if line.startswith("data/")]
    pattern = re.compile(rf"data/criteria\.yml:\d+:\d+: groups\[\d+\]\.criteria\[\d+\]\.assessments: no assessment for framework '{new}'")
    assert len(errors) == len(guide.criteria)
    assert all(pattern.match(line) for line in errors), errors


def test_check_passes_once_the_framework_is_added(new_framework_site):
    done = new_framework_site.added.check_at_the_end
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stderr == ""


def test_no_code_changed(new_framework_site):
    """Only data/, the new page and mkdocs.yml's nav differ from the checkout."""
    project = new_framework_site.project
    for folder in ("guide", "overrides", "includes"):
        comparison = filecmp.dircmp(ROOT / folder, project / folder, ignore=["__pycache__"])
        assert comparison.diff_files == [] and comparison.left_only == [], folder
    guide = new_framework_site.guide
    assert guide.framework(new_framework_site.added.framework_id).page == new_framework_site.added.page


# --- what holds for any data -------------------------------------------------------------------


def test_every_comparison_table_has_a_column_per_framework(every_build):
    names = [f.name for f in every_build.guide.frameworks]
    tables = 0
    for path in sorted(every_build.site.rglob("*.html")):
        soup = parsed_page(path)
        for table in soup.select("table.guide-comparison, table.guide-scorecard__static"):
            where = path.relative_to(every_build.site).as_posix()
            assert [th.get_text(" ", strip=True) for th in table.thead.find_all("th")][1:] == names, where
            for row in table.select("tbody tr:not(.guide-group-row)"):
                assert len(row.find_all("td")) == len(names), where
            tables += 1
    assert tables > len(every_build.guide.groups)


def test_every_criterion_is_in_the_full_table_and_its_groups_embed(every_build):
    guide = every_build.guide
    full = page(every_build, "comparison/index.html")
    assert [a.get_text() for a in full.select("table.guide-comparison--full tbody tr:not(.guide-group-row) th a")] == [shown(c.title) for c in guide.criteria]
    for criterion in guide.criteria:
        card = full.find("details", id=criterion.id)
        assert card is not None and all(f.name in card.get_text() for f in guide.frameworks), criterion.id
    for group in guide.groups:
        embed = page(every_build, f"embed/group-{group.id}/index.html")
        assert [a.get_text() for a in embed.select("tbody tr:not(.guide-group-row) th a")] == [shown(c.title) for c in group.criteria]


def test_exports_hold_every_framework_and_criterion(every_build):
    guide = every_build.guide
    exports = every_build.site / "exports"
    rows = list(csv.DictReader(io.StringIO((exports / "comparison.csv").read_text(encoding="utf-8"))))
    assert {(r["criterion_id"], r["framework_id"]) for r in rows} == {(c.id, f.id) for c in guide.criteria for f in guide.frameworks}
    assert len(rows) == len(guide.criteria) * len(guide.frameworks)
    data = json.loads((exports / "guide.json").read_text(encoding="utf-8"))
    assert [f["id"] for f in data["frameworks"]] == [f.id for f in guide.frameworks]
    markdown = (exports / "comparison.md").read_text(encoding="utf-8")
    header = next(line for line in markdown.splitlines() if line.startswith("|"))
    assert all(f.name in header for f in guide.frameworks)
    html = (exports / "comparison.html").read_text(encoding="utf-8")
    assert all(f.name in html for f in guide.frameworks)


def test_every_node_is_in_the_flowchart_the_outline_and_the_walk(every_build):
    guide = every_build.guide
    soup = page(every_build, "decision/index.html")
    chart = soup.select_one("svg.guide-flow")
    outcomes = {o.id for o in guide.decision.outcomes}
    for node in [*guide.decision.questions, *guide.decision.outcomes]:
        kind = "outcome" if node.id in outcomes else "question"
        assert chart.select_one(f'a.guide-flow__node--{kind}[data-node="{node.id}"]') is not None, node.id
        assert soup.find(id=node_anchor(node.id)) is not None, node.id
        assert soup.select_one(f'.guide-walk__step[data-node="{node.id}"]') is not None, node.id
    for question in guide.decision.questions:
        links = [a["href"] for a in soup.find(id=node_anchor(question.id)).select(".guide-answers a")]
        assert links == [f"#{node_anchor(a.next)}" for a in question.answers]
    for outcome in guide.decision.outcomes:
        box = chart.select_one(f'a.guide-flow__node--outcome[data-node="{outcome.id}"]')
        assert " ".join(t.get_text() for t in box.select("tspan")) == " ".join(shown(outcome.title).split())


def test_every_framework_has_its_overview_and_embed_column(every_build):
    guide = every_build.guide
    embed = page(every_build, "embed/comparison/index.html")
    assert [th.get_text() for th in embed.select("thead th")][1:] == [f.name for f in guide.frameworks]
    for framework in guide.frameworks:
        if framework.page:
            overview = page(every_build, framework.page.removesuffix(".md") + "/index.html")
            assert overview.select_one("table.guide-facts") is not None, framework.id
            assert framework.name in overview.h1.get_text()
