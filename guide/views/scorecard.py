"""The priorities scorecard: the scoring rule, and the page's markup, from the data.

The rule (explained on the methodology page): each group of criteria gets a weight from 0 to 3;
a framework's score is the weighted mean, over the groups, of its mean rating points in each
group (strong 3, good 2, fair 1, weak 0), shown on a 0-100 scale. ``scorecard.js`` applies it to
the reader's weights (and reads and writes them in the URL); here it gives the build's table for
equal weights and each preset, in exact fractions so that ties are real ties.

Weights travel in the URL as ``?weights=<group id>.<weight>,...``, e.g.
``?weights=performance.3,builtins.0``; groups left out keep the default weight. Presets
(``data/presets.yml``) are named weights and travel the same way: :func:`encode_weights` writes
them on the presets' buttons.
"""

from __future__ import annotations

import json
from fractions import Fraction
from typing import Any

from guide.data.models import DEFAULT_WEIGHT, WEIGHT_LABELS, Framework, Group, Guide, Preset
from guide.data.text import one_line
from guide.views.render import render, render_macro
from guide.views.tables import COMPARISON_PAGE, Links, Row, Section, data_table

WEIGHTS_PARAM = "weights"
WEIGHTS = tuple(WEIGHT_LABELS)
METHOD_PAGE = "methodology.md"
METHOD_ANCHOR = "how-the-scorecard-scores"

Weights = dict[str, int]


def default_weights(guide: Guide) -> Weights:
    return {group.id: DEFAULT_WEIGHT for group in guide.groups}


def preset_weights(guide: Guide, preset: Preset) -> Weights:
    """A preset's weight for every group: groups it leaves out (or added since) keep the default,
    and groups it names that no longer exist are ignored (``make check`` flags both)."""
    weights = default_weights(guide)
    weights.update({group_id: w for group_id, w in preset.weights.items() if group_id in weights})
    return weights


def weights_summary(guide: Guide, weights: Weights) -> str:
    """Weights in words, highest first: "High: Performance, Development · Ignore: Built-in features"."""
    parts = []
    for weight in sorted(WEIGHTS, reverse=True):
        titles = [one_line(g.title) for g in guide.groups if weights.get(g.id, DEFAULT_WEIGHT) == weight]
        if titles:
            parts.append(f"{WEIGHT_LABELS[weight]}: {', '.join(titles)}")
    return " · ".join(parts)


def encode_weights(guide: Guide, weights: Weights) -> str:
    return ",".join(f"{group.id}.{weights.get(group.id, DEFAULT_WEIGHT)}" for group in guide.groups)


def group_mean(group: Group, framework_id: str) -> Fraction:
    """Mean rating points (0-3) of one framework over a group's criteria."""
    return Fraction(sum(c.assessments[framework_id].rating.score for c in group.criteria), len(group.criteria))


def scores(guide: Guide, weights: Weights) -> dict[str, Fraction] | None:
    """Each framework's score on the 0-3 scale; None when every weight is zero."""
    total = sum(weights.get(g.id, DEFAULT_WEIGHT) for g in guide.groups)
    if total == 0:
        return None
    return {
        f.id: sum((weights.get(g.id, DEFAULT_WEIGHT) * group_mean(g, f.id) for g in guide.groups), Fraction(0)) / total
        for f in guide.frameworks
    }


def percent(score: Fraction) -> float:
    return float(score * 100 / 3)


def ranking(guide: Guide, weights: Weights) -> list[tuple[int, Framework, Fraction]]:
    """Frameworks best first with their rank. Equal scores share a rank (1, 1, 3) and keep the
    order of frameworks.yml between them."""
    result = scores(guide, weights)
    if result is None:
        return []
    ordered = sorted(guide.frameworks, key=lambda f: -result[f.id])  # stable: data order for ties
    ranked: list[tuple[int, Framework, Fraction]] = []
    for position, framework in enumerate(ordered, start=1):
        rank = ranked[-1][0] if ranked and result[framework.id] == ranked[-1][2] else position
        ranked.append((rank, framework, result[framework.id]))
    return ranked


def scorecard_data(guide: Guide, links: Links | None = None) -> dict[str, Any]:
    """What the script needs: frameworks, each group's criteria with their points (and links), and
    each preset's weight for every group."""
    return {
        "param": WEIGHTS_PARAM,
        "default": DEFAULT_WEIGHT,
        "weights": list(WEIGHTS),
        "labels": {str(w): label for w, label in WEIGHT_LABELS.items()},
        "frameworks": [{"id": f.id, "name": _plain(f.name)} for f in guide.frameworks],
        "groups": [
            {
                "id": g.id,
                "title": _plain(g.title),
                "criteria": [
                    {
                        "id": c.id,
                        "title": _plain(c.title),
                        "points": {f.id: c.assessments[f.id].rating.score for f in guide.frameworks},
                        **({"href": links.href(COMPARISON_PAGE, c.id)} if links else {}),
                    }
                    for c in g.criteria
                ],
            }
            for g in guide.groups
        ],
        "presets": [{"id": p.id, "title": _plain(p.title), "weights": preset_weights(guide, p)} for p in guide.presets],
    }


def _plain(text: str) -> str:
    """Data text as the script shows it (with textContent): one line, backticks dropped."""
    return one_line(text).replace("`", "")


def scorecard(guide: Guide, links: Links) -> str:
    """The interactive scorecard (presets, weights, ranking, what decides it, its address);
    hidden until the script runs, with a note pointing at the equal-weights table."""
    presets = [(p, encode_weights(guide, preset_weights(guide, p)), weights_summary(guide, preset_weights(guide, p)))
               for p in guide.presets]
    ranking_rows = [
        Row([render_macro("scorecard/ranking.html", "score")], render_macro("scorecard/ranking.html", "framework", f.name),
            (("data-framework", f.id),))
        for f in guide.frameworks
    ]
    results = data_table("Your ranking", ["Rank and framework", "Score (0-100)"], [Section(ranking_rows)],
                         "guide-scorecard__results", stack=False)
    data = json.dumps(scorecard_data(guide, links), separators=(",", ":"), ensure_ascii=True)
    return render(
        "scorecard/scorecard.html", data=data, groups=guide.groups,
        weights=WEIGHTS, labels=WEIGHT_LABELS, default=DEFAULT_WEIGHT, presets=presets, results=results,
        method=links.href(METHOD_PAGE, METHOD_ANCHOR),
    )


def _points(value: Fraction) -> str:
    return f"{float(value):.2f}"


def equal_weights_table(guide: Guide, links: Links) -> str:
    """Per-group mean points per framework, and the scores and ranks they give with equal weights
    and with each preset: the scorecard's content for readers without JavaScript, and a
    reference for everyone."""
    frameworks = guide.frameworks
    means = [
        Row([f"{_points(group_mean(group, f.id))} of 3" for f in frameworks],
            render("scorecard/group_title.html", group=group, href=links.href(group.page) if group.page else None),
            (("data-group", group.id),))
        for group in guide.groups
    ]
    weightings: list[tuple[str, str | None, Weights]] = [("Equal weights", None, default_weights(guide))]
    weightings += [(p.title, weights_summary(guide, preset_weights(guide, p)), preset_weights(guide, p)) for p in guide.presets]
    scored = []
    for title, summary, weights in weightings:
        by_id = {f.id: (rank, score) for rank, f, score in ranking(guide, weights)}
        cells = [render("scorecard/score_cell.html", score=f"{percent(by_id[f.id][1]):.1f}", rank=by_id[f.id][0]) for f in frameworks]
        scored.append(Row(cells, render("scorecard/weighting_title.html", title=title, summary=summary),
                          (("class", "guide-scorecard__total"),)))
    sections = [Section(means), Section(scored, "Score (0-100) and rank")]
    return data_table("Mean rating points per group (strong 3, good 2, fair 1, weak 0), and the scores they give",
                      ["Group"] + [f.name for f in frameworks], sections, "guide-scorecard__static")


def equal_weights_lead(guide: Guide) -> str:
    """With equal weights: who leads, by how much, and how much each group adds to that lead or
    takes from it (a sentence, so the page can say why equal weights are not neutral)."""
    ranked = ranking(guide, default_weights(guide))
    if len(ranked) < 2:
        return ""
    (_, leader, top), (_, runner_up, second) = ranked[0], ranked[1]
    weights = default_weights(guide)
    total = sum(weights.values())
    shares = sorted(
        ((g, Fraction(weights[g.id], total) * (group_mean(g, leader.id) - group_mean(g, runner_up.id))) for g in guide.groups),
        key=lambda item: -item[1],
    )
    return render("scorecard/lead.html", leader=leader, runner_up=runner_up, gap=f"{percent(top - second):.1f}",
                  adds=[(g, f"{percent(v):.1f}") for g, v in shares if v > 0],
                  takes=[(g, f"{percent(-v):.1f}") for g, v in shares if v < 0])
