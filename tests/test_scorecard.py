"""The priorities scorecard: the build's table in Python, the page in headless Chromium (ranking as
the methodology says for several weightings, weights in the URL, keyboard-only use, the
no-JavaScript table), and a build with a third framework added to the data. The script's rule
itself is unit-tested under Node: tests/js/scorecard.test.js."""

from __future__ import annotations

import itertools
import json
from fractions import Fraction
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup

from helpers import FakeLinks, answer, assert_shows, offline_context, open_scorecard, open_walk, shown, tab_to
from guide.views import scorecard, walk
from guide.data.models import Guide, Rating

ROOT = Path(__file__).resolve().parent.parent


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


# --- The rule ------------------------------------------------------------------------------


def test_group_mean_is_the_mean_of_rating_points(guide):
    for group in guide.groups:
        for framework in guide.frameworks:
            points = [c.assessments[framework.id].rating.score for c in group.criteria]
            assert scorecard.group_mean(group, framework.id) == Fraction(sum(points), len(points))
    assert [r.score for r in Rating] == [3, 2, 1, 0]


def test_equal_weights_score_is_the_mean_of_group_means(guide):
    result = scorecard.scores(guide, scorecard.default_weights(guide))
    for framework in guide.frameworks:
        means = [scorecard.group_mean(g, framework.id) for g in guide.groups]
        assert result[framework.id] == sum(means) / len(means)
        assert 0 <= scorecard.percent(result[framework.id]) <= 100


def test_weights_scale_each_group(guide):
    only = guide.groups[0]
    result = scorecard.scores(guide, weights_of(guide, _rest=0, **{only.id.replace("-", "_"): 3}))
    for framework in guide.frameworks:
        assert result[framework.id] == scorecard.group_mean(only, framework.id)


def test_every_group_ignored_gives_no_ranking(guide):
    zero = weights_of(guide, _rest=0)
    assert scorecard.scores(guide, zero) is None
    assert scorecard.ranking(guide, zero) == []


def test_equal_scores_share_a_rank_and_keep_the_data_order(guide):
    twins = with_twin(guide)
    first = guide.frameworks[0].id
    for weights in (scorecard.default_weights(twins), weights_of(twins, _rest=1, performance=3)):
        ranked = scorecard.ranking(twins, weights)
        by_id = {f.id: (rank, score) for rank, f, score in ranked}
        assert by_id["twin"] == by_id[first]
        ids = [f.id for _, f, _ in ranked]
        assert ids.index(first) + 1 == ids.index("twin")  # data order between tied frameworks
        ranks = [rank for rank, _, _ in ranked]
        assert ranks == sorted(ranks) and ranks[0] == 1
        for position, (rank, _, score) in enumerate(ranked, start=1):
            assert rank == position or score == ranked[position - 2][2]


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
        assert button["data-weights"] == scorecard.encode_weights(guide, scorecard.preset_weights(guide, preset))
        assert data["presets"][presets.index(button)]["weights"] == scorecard.preset_weights(guide, preset)


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
    soup = BeautifulSoup(scorecard.equal_weights_table(guide, FakeLinks()), "html.parser")
    assert [th.get_text() for th in soup.select("thead th")][1:] == [f.name for f in guide.frameworks]
    for group in guide.groups:
        cells = [td.get_text() for td in soup.select(f'tr[data-group="{group.id}"] td')]
        assert cells == [f"{f.name}{float(scorecard.group_mean(group, f.id)):.2f} of 3" for f in guide.frameworks]
    # One row per weighting: equal weights, then each preset, with each framework's score and rank.
    cases = [scorecard.default_weights(guide)] + [scorecard.preset_weights(guide, p) for p in guide.presets]
    totals = soup.select("tr.guide-scorecard__total")
    assert len(totals) == len(cases)
    for row, weights in zip(totals, cases):
        ranked = {f.id: (rank, score) for rank, f, score in scorecard.ranking(guide, weights)}
        assert [td.select_one(".guide-scorecard__value").get_text() for td in row.select("td")] == [
            f"{scorecard.percent(ranked[f.id][1]):.1f}" for f in guide.frameworks]
        assert [td.select_one(".guide-scorecard__place").get_text() for td in row.select("td")] == [
            f"rank {ranked[f.id][0]}" for f in guide.frameworks]


# --- In the browser ------------------------------------------------------------------------


def find_tie(guide: Guide):
    """A weighting under which two frameworks score exactly the same, if the data has one."""
    for values in itertools.product(scorecard.WEIGHTS, repeat=len(guide.groups)):
        weights = dict(zip((g.id for g in guide.groups), values))
        ranked = scorecard.ranking(guide, weights)
        if len({rank for rank, _, _ in ranked}) < len(ranked):
            return weights
    return None


def weightings(guide: Guide):
    ids = [g.id for g in guide.groups]
    cases = [
        scorecard.default_weights(guide),
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
        open_scorecard(page, f"{site_url}scorecard/?weights={scorecard.encode_weights(guide, weights)}")
        for group_id, weight in weights.items():
            assert page.get_attribute(f'[data-group="{group_id}"] [aria-pressed="true"]', "data-weight") == str(weight)
        assert_shows(page, guide, weights)
    assert page.record.console_errors == []


def test_weights_live_in_the_url(offline_page, site_url, guide):
    page = offline_page
    open_scorecard(page, site_url + "scorecard/")
    assert_shows(page, guide, scorecard.default_weights(guide))
    first, second = guide.groups[0].id, guide.groups[2].id
    page.click(f'[data-group="{first}"] [data-weight="3"]')
    page.click(f'[data-group="{second}"] [data-weight="0"]')
    weights = {**scorecard.default_weights(guide), first: 3, second: 0}
    param = parse_qs(urlsplit(page.url).query)["weights"][0]
    assert param == scorecard.encode_weights(guide, weights)
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
    assert_shows(page, guide, scorecard.default_weights(guide))
    assert page.record.console_errors == []




def test_scorecard_with_the_keyboard_only(offline_page, site_url, guide):
    page = offline_page
    open_scorecard(page, site_url + "scorecard/")
    first, last = guide.groups[0].id, guide.groups[-1].id
    tab_to(page, f'[data-group="{first}"] [data-weight="3"]')
    page.keyboard.press("Space")
    tab_to(page, f'[data-group="{last}"] [data-weight="0"]')
    page.keyboard.press("Enter")
    weights = {**scorecard.default_weights(guide), first: 3, last: 0}
    assert page.evaluate("document.activeElement.getAttribute('aria-pressed')") == "true"
    assert_shows(page, guide, weights)
    tab_to(page, "[data-scorecard-reset]")
    page.keyboard.press("Enter")
    assert_shows(page, guide, scorecard.default_weights(guide))
    assert page.record.console_errors == []


def test_without_javascript_the_table_shows_equal_weights(browser, site_url, guide):
    context, record = offline_context(browser, java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "scorecard/")
    assert page.is_visible(".guide-scorecard__nojs") and page.is_hidden(".guide-scorecard__app")
    assert page.is_visible(".guide-scorecard__static")
    page.click(".guide-scorecard__nojs a")
    assert urlsplit(page.url).fragment == "scores-with-equal-weights"
    ranked = {f.id: rank for rank, f, _ in scorecard.ranking(guide, scorecard.default_weights(guide))}
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
    page.goto(f"{url}decision/?path={walk.encode_path(steps)}")
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
    for weights in (scorecard.default_weights(guide), {g.id: (3 if i == 0 else 1) for i, g in enumerate(guide.groups)}):
        open_scorecard(page, f"{url}scorecard/?weights={scorecard.encode_weights(guide, weights)}")
        assert page.locator(".guide-scorecard__results tbody tr").count() == len(guide.frameworks)
        assert_shows(page, guide, weights)
    assert page.locator(".guide-scorecard__static thead th").all_inner_texts()[1:] == [f.name for f in guide.frameworks]
    context.close()
    assert errors == [] and record.blocked == []
