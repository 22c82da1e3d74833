"""The priorities scorecard: the build's figures, which come from scorecard.js run under Node
(guide/views/sitescripts.py), checked against the methodology's rule in exact fractions
(tests/js/cases.py) on the fixture data; the build failing clearly when Node fails; the page in
headless Chromium (ranking as the methodology says for several weightings, the same figures as
the build's table, weights in the URL, keyboard-only use, the no-JavaScript table), and a build
with a third framework added to the data. The script's rule itself is unit-tested under Node:
tests/js/scorecard.test.js."""

from __future__ import annotations

import itertools
import json
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from mkdocs.config import load_config

from helpers import (
    FIXTURES, FakeLinks, answer, assert_shows, build_site, copy_project, offline_context, open_scorecard, open_walk, shown, tab_to,
)
from guide.data.buildcache import CACHE_VARIABLE
from guide.data.models import Guide
from guide.data.scale import Rating
from guide.data.validate import load_guide
from guide.mkdocs_glue.pagecache import inputs_digest
from guide.views import scorecard, sitescripts
from js.cases import expected_group_shares, expected_ranking, group_mean, path_value, rounded, weights_value

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def fixture_guide() -> Guide:
    """The frozen fixture data set (tests/fixtures/data)."""
    return load_guide(FIXTURES / "data", FIXTURES / "docs")


def with_twin(guide: Guide) -> Guide:
    """The guide plus a framework rated exactly like the first one: a guaranteed tie."""
    first = guide.frameworks[0]
    twin = first.model_copy(update={"id": "twin", "name": "Twin"})
    groups = [
        g.model_copy(update={"criteria": [
            c.model_copy(update={"assessments": {**c.assessments, "twin": c.assessments[first.id]}}) for c in g.criteria
        ]})
        for g in guide.groups
    ]
    return guide.model_copy(update={"frameworks": [*guide.frameworks, twin], "groups": groups})


def weights_of(guide: Guide, **given: int) -> dict[str, int]:
    """Weights with the given groups set and every other group at ``_rest`` (default: the default)."""
    rest = given.pop("_rest", scorecard.DEFAULT_WEIGHT)
    return {g.id: given.get(g.id.replace("-", "_"), rest) for g in guide.groups}


def ranking(guide: Guide, weights) -> list[tuple[int, str, str]]:
    """The build's ranking for these weights, as (rank, framework id, score shown)."""
    [scored] = sitescripts.figures(guide, [weights], []).scored
    return [(r.rank, r.framework.id, r.score) for r in scored.ranking]


def expected(guide: Guide, weights) -> list[tuple[int, str, str]]:
    data = sitescripts.rule_data(guide)
    return [(r["rank"], r["id"], r["shown"]) for r in expected_ranking(data, weights)]


# --- The build's figures, from the script ---------------------------------------------------


def test_the_builds_figures_follow_the_methodology(fixture_guide):
    """Means, equal weights and each preset, the lead and each reason's step, as the rule says."""
    guide = fixture_guide
    data = sitescripts.rule_data(guide)
    figures = sitescripts.build_figures(guide)
    assert [r.score for r in Rating] == [3, 2, 1, 0]
    for group in data["groups"]:
        for framework in guide.frameworks:
            assert figures.means[group["id"], framework.id] == rounded(group_mean(group, framework.id), 2)
    weightings = [sitescripts.default_weights(guide)] + [sitescripts.preset_weights(guide, p) for p in guide.presets]
    assert len(figures.scored) == len(weightings) > 1
    for scored, weights in zip(figures.scored, weightings):
        assert [(r.rank, r.framework.id, r.score) for r in scored.ranking] == expected(guide, weights)
        assert scored.value == ("" if weights == weightings[0] else weights_value(data, weights))
    lead = figures.scored[0].lead
    want = expected_group_shares(data, weightings[0], lead.leader.id, lead.runner_up.id)
    assert [lead.leader.id, lead.runner_up.id] == [r["id"] for r in expected_ranking(data, weightings[0])[:2]]
    assert [(g.id, points) for g, points in lead.adds] == [(gid, points) for gid, value, points in want if value > 0]
    assert [(g.id, points) for g, points in lead.takes] == [(gid, points) for gid, value, points in want if value < 0]
    reasons = {step for _, _, found in guide.decision.reasoned_paths() for step, _ in found}
    assert figures.path_values == {(step,): path_value([step]) for step in reasons}


def test_weights_scale_each_group(fixture_guide):
    """A group alone at weight 3: each score is that group's mean, on the 0-100 scale."""
    data = sitescripts.rule_data(fixture_guide)
    alone = [{g["id"]: (3 if g is group else 0) for g in data["groups"]} for group in data["groups"]]
    for group, scored in zip(data["groups"], sitescripts.figures(fixture_guide, alone, []).scored, strict=True):
        assert {r.framework.id: r.score for r in scored.ranking} == {
            f.id: rounded(group_mean(group, f.id) * 100 / 3, 1) for f in fixture_guide.frameworks}


def test_every_group_ignored_gives_no_ranking(fixture_guide):
    [scored] = sitescripts.figures(fixture_guide, [weights_of(fixture_guide, _rest=0)], []).scored
    assert scored.ranking == () and scored.lead is None


def test_equal_scores_share_a_rank_and_keep_the_data_order(fixture_guide):
    twins = with_twin(fixture_guide)
    first = fixture_guide.frameworks[0].id
    for weights in (sitescripts.default_weights(twins), weights_of(twins, _rest=1, performance=3)):
        ranked = ranking(twins, weights)
        assert ranked == expected(twins, weights)
        by_id = {fid: (rank, score) for rank, fid, score in ranked}
        assert by_id["twin"] == by_id[first]
        ids = [fid for _, fid, _ in ranked]
        assert ids.index(first) + 1 == ids.index("twin")  # data order between tied frameworks


def test_the_figures_are_computed_once_per_build_and_kept(fixture_guide, tmp_path, monkeypatch):
    """One Node run for everything a build prints; the next build with the same data and scripts
    reads the answer from the build cache without starting Node."""
    monkeypatch.setenv(CACHE_VARIABLE, str(tmp_path))
    sitescripts._answer.cache_clear()
    sitescripts.build_figures.cache_clear()
    runs = []
    real_run = sitescripts._run
    monkeypatch.setattr(sitescripts, "_run", lambda request: runs.append(request) or real_run(request))
    first = sitescripts.build_figures(fixture_guide)
    assert scorecard.equal_weights_table(fixture_guide, FakeLinks()) and scorecard.equal_weights_lead(fixture_guide)
    assert len(runs) == 1 and len(list(tmp_path.rglob("*.json"))) == 1
    sitescripts._answer.cache_clear()
    sitescripts.build_figures.cache_clear()
    monkeypatch.setattr(sitescripts, "_run", lambda request: pytest.fail("Node ran again"))
    assert sitescripts.build_figures(fixture_guide) == first
    sitescripts._answer.cache_clear()
    sitescripts.build_figures.cache_clear()


def test_without_node_the_figures_say_what_to_install(fixture_guide, monkeypatch):
    sitescripts._answer.cache_clear()
    sitescripts.build_figures.cache_clear()
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(sitescripts.ScriptError, match=r"Node\.js is needed"):
        sitescripts.build_figures(fixture_guide)
    sitescripts._answer.cache_clear()


def test_a_change_to_the_scripts_renders_the_pages_afresh(tmp_path, monkeypatch):
    """The page cache keeps each page's macro output; the figures in it come from the scripts,
    so a change to scorecard.js or walk.js must change the key of every page."""
    (tmp_path / "data").symlink_to(FIXTURES / "data")
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: Scripts\n", encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    copies = []
    for script in sitescripts.SCRIPTS:
        copies.append(tmp_path / script.name)
        copies[-1].write_bytes(script.read_bytes())
    monkeypatch.setattr(sitescripts, "SCRIPTS", tuple(copies))
    before = inputs_digest(config, tmp_path, serving=False)
    for copy in copies:
        copy.write_text(copy.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        assert inputs_digest(config, tmp_path, serving=False) != before, copy.name
        before = inputs_digest(config, tmp_path, serving=False)


def test_a_build_with_a_broken_script_fails_and_says_why(tmp_path):
    project = copy_project(tmp_path / "project")
    script = project / "docs" / "assets" / "javascripts" / "scorecard.js"
    script.write_text('throw new Error("scorecard.js broken on purpose");\n' + script.read_text(encoding="utf-8"), encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert "The site's scripts (scorecard.js, walk.js) failed under Node" in result.stderr
    assert "scorecard.js broken on purpose" in result.stderr


def test_scorecard_markup(guide):
    soup = BeautifulSoup(scorecard.scorecard(guide, FakeLinks()), "html.parser")
    root = soup.select_one(".guide-scorecard")
    data = json.loads(root["data-scorecard"])
    assert data == scorecard.scorecard_data(guide, FakeLinks())
    assert [f["id"] for f in data["frameworks"]] == [f.id for f in guide.frameworks]
    assert root.select_one(".guide-scorecard__app").has_attr("hidden")
    assert root.select_one(".guide-scorecard__nojs a")["href"] == "#scores-with-equal-weights"
    for group in guide.groups:
        buttons = root.select(f'[data-group="{group.id}"] button.guide-scorecard__weight')
        assert [int(b["data-weight"]) for b in buttons] == list(scorecard.WEIGHTS)
        assert [b["aria-pressed"] for b in buttons] == ["true" if w == scorecard.DEFAULT_WEIGHT else "false" for w in scorecard.WEIGHTS]
    assert [r["data-framework"] for r in root.select("tr[data-framework]")] == [f.id for f in guide.frameworks]
    presets = root.select("button.guide-scorecard__preset")
    assert [b["data-preset"] for b in presets] == [p.id for p in guide.presets]
    for button, preset in zip(presets, guide.presets):
        weights = sitescripts.preset_weights(guide, preset)
        assert button["data-weights"] == (weights_value(data, weights) if weights != sitescripts.default_weights(guide) else "")
        assert data["presets"][presets.index(button)]["weights"] == weights


def test_scorecard_markup_escapes_data_text(guide):
    hostile = '<script>alert(1)</script> {{ x }} </div>'
    groups = [guide.groups[0].model_copy(update={"title": hostile}), *guide.groups[1:]]
    changed = guide.model_copy(update={"groups": groups})
    for markup in (scorecard.scorecard(changed, FakeLinks()), scorecard.equal_weights_table(changed, FakeLinks())):
        assert "<script" not in markup and "{{" not in markup
        soup = BeautifulSoup(markup, "html.parser")
        assert hostile in soup.get_text()
    data = json.loads(BeautifulSoup(scorecard.scorecard(changed, FakeLinks()), "html.parser").select_one(".guide-scorecard")["data-scorecard"])
    assert data["groups"][0]["title"] == hostile


def test_equal_weights_table(guide):
    """The build's table shows the rule's figures: each group's mean, then a row per weighting
    (equal weights, then each preset) with each framework's score and rank."""
    soup = BeautifulSoup(scorecard.equal_weights_table(guide, FakeLinks()), "html.parser")
    data = sitescripts.rule_data(guide)
    assert [th.get_text() for th in soup.select("thead th")][1:] == [f.name for f in guide.frameworks]
    for group in data["groups"]:
        cells = [td.get_text() for td in soup.select(f'tr[data-group="{group["id"]}"] td')]
        assert cells == [f"{f.name}{rounded(group_mean(group, f.id), 2)} of 3" for f in guide.frameworks]
    cases = [sitescripts.default_weights(guide)] + [sitescripts.preset_weights(guide, p) for p in guide.presets]
    totals = soup.select("tr.guide-scorecard__total")
    assert len(totals) == len(cases)
    for row, weights in zip(totals, cases):
        ranked = {fid: (rank, score) for rank, fid, score in expected(guide, weights)}
        assert [td.select_one(".guide-scorecard__value").get_text() for td in row.select("td")] == [
            ranked[f.id][1] for f in guide.frameworks]
        assert [td.select_one(".guide-scorecard__place").get_text() for td in row.select("td")] == [
            f"rank {ranked[f.id][0]}" for f in guide.frameworks]


# --- In the browser ------------------------------------------------------------------------


def find_tie(guide: Guide):
    """A weighting under which two frameworks score exactly the same, if the data has one."""
    data = sitescripts.rule_data(guide)
    for values in itertools.product(scorecard.WEIGHTS, repeat=len(guide.groups)):
        weights = dict(zip((g.id for g in guide.groups), values))
        ranked = expected_ranking(data, weights)
        if len({r["rank"] for r in ranked}) < len(ranked):
            return weights
    return None


def weightings(guide: Guide):
    ids = [g.id for g in guide.groups]
    cases = [
        sitescripts.default_weights(guide),
        {i: (3 if n == 0 else 0) for n, i in enumerate(ids)},
        {i: (0 if n == 2 else 3 if n in (0, 5) else 1) for n, i in enumerate(ids)},
        {i: n % 4 for n, i in enumerate(ids)},
    ]
    tie = find_tie(guide)
    if tie:
        cases.append(tie)
    return cases


def test_scorecard_ranks_as_the_method_says(offline_page, site_url, guide):
    page = offline_page
    for weights in weightings(guide):
        open_scorecard(page, f"{site_url}scorecard/?weights={weights_value(sitescripts.rule_data(guide), weights)}")
        for group_id, weight in weights.items():
            assert page.get_attribute(f'[data-group="{group_id}"] [aria-pressed="true"]', "data-weight") == str(weight)
        assert_shows(page, guide, weights)
    assert page.record.console_errors == []


def test_the_page_shows_what_the_builds_table_says(offline_page, site_url, guide):
    """For equal weights and each preset, the interactive ranking (scorecard.js in the browser)
    shows the very scores and ranks of the build's table (scorecard.js under Node), side by side
    on the same page."""
    page = offline_page
    cases = [sitescripts.default_weights(guide)] + [sitescripts.preset_weights(guide, p) for p in guide.presets]
    for row, weights in enumerate(cases):
        open_scorecard(page, f"{site_url}scorecard/?weights={weights_value(sitescripts.rule_data(guide), weights)}")
        static = page.eval_on_selector_all(
            ".guide-scorecard__static tr.guide-scorecard__total",
            """rows => rows.map(row => [...row.querySelectorAll('td')].map(td => [
                td.querySelector('.guide-scorecard__value').textContent, td.querySelector('.guide-scorecard__place').textContent]))""",
        )[row]
        live = page.eval_on_selector_all(
            ".guide-scorecard__results tbody tr",
            """rows => Object.fromEntries(rows.map(row => [row.dataset.framework, [
                row.querySelector('.guide-scorecard__score').textContent, row.dataset.rank]]))""",
        )
        assert static == [[live[f.id][0], f"rank {live[f.id][1]}"] for f in guide.frameworks]
    assert page.record.console_errors == []


def test_weights_live_in_the_url(offline_page, site_url, guide):
    page = offline_page
    open_scorecard(page, site_url + "scorecard/")
    assert_shows(page, guide, sitescripts.default_weights(guide))
    first, second = guide.groups[0].id, guide.groups[2].id
    page.click(f'[data-group="{first}"] [data-weight="3"]')
    page.click(f'[data-group="{second}"] [data-weight="0"]')
    weights = {**sitescripts.default_weights(guide), first: 3, second: 0}
    param = parse_qs(urlsplit(page.url).query)["weights"][0]
    assert param == weights_value(sitescripts.rule_data(guide), weights)
    assert_shows(page, guide, weights)
    assert "Ranking: 1." in page.inner_text(".guide-scorecard__status")
    page.reload()
    page.wait_for_selector(".guide-scorecard__app:not([hidden])")
    assert_shows(page, guide, weights)
    assert page.get_attribute(f'[data-group="{first}"] [aria-pressed="true"]', "data-weight") == "3"
    for group in guide.groups:  # every group to Ignore: no ranking, and a note saying why
        page.click(f'[data-group="{group.id}"] [data-weight="0"]')
    assert page.is_visible(".guide-scorecard__empty") and page.is_hidden(".guide-scorecard__results")
    page.click("[data-scorecard-reset]")
    assert "weights" not in page.url
    assert_shows(page, guide, sitescripts.default_weights(guide))
    assert page.record.console_errors == []




def test_scorecard_with_the_keyboard_only(offline_page, site_url, guide):
    page = offline_page
    open_scorecard(page, site_url + "scorecard/")
    first, last = guide.groups[0].id, guide.groups[-1].id
    tab_to(page, f'[data-group="{first}"] [data-weight="3"]')
    page.keyboard.press("Space")
    tab_to(page, f'[data-group="{last}"] [data-weight="0"]')
    page.keyboard.press("Enter")
    weights = {**sitescripts.default_weights(guide), first: 3, last: 0}
    assert page.evaluate("document.activeElement.getAttribute('aria-pressed')") == "true"
    assert_shows(page, guide, weights)
    tab_to(page, "[data-scorecard-reset]")
    page.keyboard.press("Enter")
    assert_shows(page, guide, sitescripts.default_weights(guide))
    assert page.record.console_errors == []


def test_without_javascript_the_table_shows_equal_weights(browser, site_url, guide):
    context, record = offline_context(browser, java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "scorecard/")
    assert page.is_visible(".guide-scorecard__nojs") and page.is_hidden(".guide-scorecard__app")
    assert page.is_visible(".guide-scorecard__static")
    page.click(".guide-scorecard__nojs a")
    assert urlsplit(page.url).fragment == "scores-with-equal-weights"
    ranked = {fid: rank for rank, fid, _ in expected(guide, sitescripts.default_weights(guide))}
    ranks = page.eval_on_selector(".guide-scorecard__total", "row => [...row.querySelectorAll('.guide-scorecard__place')].map(p => p.textContent)")
    assert ranks == [f"rank {ranked[f.id]}" for f in guide.frameworks]
    context.close()
    assert record.blocked == []


# --- A framework added through data -------------------------------------------------------

def test_a_new_framework_appears_in_the_walk_and_the_scorecard(browser, new_framework_site):
    guide, url, added = new_framework_site.guide, new_framework_site.url, new_framework_site.added
    new = guide.framework(added.framework_id)
    context, record = offline_context(browser)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    # The walk: the path to the new outcome, found from the data.
    steps, end = next((s, e) for s, e in guide.decision.paths() if e == added.outcome_id)
    page.goto(f"{url}decision/?path={path_value(steps)}")
    step = page.locator(".guide-walk__step:not([hidden])")
    assert step.get_attribute("data-node") == end
    assert new.name in step.locator(".guide-walk__kicker").text_content()
    for reason in step.locator(".guide-outcome__criteria > li").all():
        assert reason.locator("li[data-framework]").count() == len(guide.frameworks)
        assert new.name in reason.inner_text()
    open_walk(page, f"{url}decision/")
    for _, index in steps:
        answer(page, index)
    assert page.get_attribute(".guide-walk__step:not([hidden])", "data-node") == end
    assert page.evaluate("window.guideWalk.current().node") == end
    because = guide.decision.reasoned_paths()
    reasons = next(r for s, e, r in because if s == steps)
    for _, text in reasons:
        assert shown(text) in page.locator(".guide-walk__step:not([hidden]) .guide-walk__because").inner_text()
    page.wait_for_selector(f'.guide-flow__node.is-current[data-node="{end}"]', timeout=20000)
    # The scorecard: a row per framework, ranked by the same rule; a column each in the static table.
    for weights in (sitescripts.default_weights(guide), {g.id: (3 if i == 0 else 1) for i, g in enumerate(guide.groups)}):
        open_scorecard(page, f"{url}scorecard/?weights={weights_value(sitescripts.rule_data(guide), weights)}")
        assert page.locator(".guide-scorecard__results tbody tr").count() == len(guide.frameworks)
        assert_shows(page, guide, weights)
    assert page.locator(".guide-scorecard__static thead th").all_inner_texts()[1:] == [f.name for f in guide.frameworks]
    context.close()
    assert errors == [] and record.blocked == []
