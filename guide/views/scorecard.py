"""The priorities scorecard's markup, from the data: the form, and the table of scores with equal
weights and with each preset.

The rule (explained on the methodology page): each group of criteria gets a weight from 0 to 3;
a framework's score is the weighted mean, over the groups, of its mean rating points in each
group (strong 3, good 2, fair 1, weak 0), shown on a 0-100 scale. It exists once, in
``scorecard.js``, which applies it to the reader's weights (and reads and writes them in the URL);
every figure printed here comes from that same file run under Node (:mod:`guide.views.sitescripts`).

Weights travel in the URL as ``?weights=<group id>.<weight>,...``, e.g.
``?weights=performance.3,builtins.0``; groups left out keep the default weight. Presets
(``data/presets.yml``) are named weights and travel the same way, written on the presets' buttons.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from guide.data.scale import DEFAULT_WEIGHT, WEIGHT_LABELS
from guide.data.text import one_line
from guide.views.render import render, render_macro
from guide.views.sitescripts import Weights, build_figures, criterion_points, preset_weights
from guide.views.tables import COMPARISON_PAGE, Links, Row, Section, data_table

if TYPE_CHECKING:
    from guide.data.models import Guide

WEIGHTS_PARAM = "weights"
WEIGHTS = tuple(WEIGHT_LABELS)
METHOD_PAGE = "methodology.md"
METHOD_ANCHOR = "how-the-scorecard-scores"


def weights_summary(guide: Guide, weights: Weights) -> str:
    """Weights in words, highest first: "High: Performance, Development · Ignore: Built-in features"."""
    parts = []
    for weight in sorted(WEIGHTS, reverse=True):
        titles = [one_line(g.title) for g in guide.groups if weights.get(g.id, DEFAULT_WEIGHT) == weight]
        if titles:
            parts.append(f"{WEIGHT_LABELS[weight]}: {', '.join(titles)}")
    return " · ".join(parts)


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
                        "points": criterion_points(guide, c),
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
    scored = build_figures(guide).scored[1:]  # after equal weights, the presets in order
    presets = [(p, each.value, weights_summary(guide, preset_weights(guide, p))) for p, each in zip(guide.presets, scored, strict=True)]
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


def equal_weights_table(guide: Guide, links: Links) -> str:
    """Per-group mean points per framework, and the scores and ranks they give with equal weights
    and with each preset: the scorecard's content for readers without JavaScript, and a
    reference for everyone."""
    frameworks = guide.frameworks
    figures = build_figures(guide)
    means = [
        Row([f"{figures.means[group.id, f.id]} of 3" for f in frameworks],
            render("scorecard/group_title.html", group=group, href=links.href(group.page) if group.page else None),
            (("data-group", group.id),))
        for group in guide.groups
    ]
    titles = [("Equal weights", None)] + [(p.title, weights_summary(guide, preset_weights(guide, p))) for p in guide.presets]
    scored = []
    for (title, summary), each in zip(titles, figures.scored, strict=True):
        by_id = {ranked.framework.id: ranked for ranked in each.ranking}
        cells = [render("scorecard/score_cell.html", score=by_id[f.id].score, rank=by_id[f.id].rank) for f in frameworks]
        scored.append(Row(cells, render("scorecard/weighting_title.html", title=title, summary=summary),
                          (("class", "guide-scorecard__total"),)))
    sections = [Section(means), Section(scored, "Score (0-100) and rank")]
    return data_table("Mean rating points per group (strong 3, good 2, fair 1, weak 0), and the scores they give",
                      ["Group"] + [f.name for f in frameworks], sections, "guide-scorecard__static")


def equal_weights_lead(guide: Guide) -> str:
    """With equal weights: who leads, by how much, and how much each group adds to that lead or
    takes from it (a sentence, so the page can say why equal weights are not neutral)."""
    lead = build_figures(guide).scored[0].lead
    if lead is None:
        return ""
    return render("scorecard/lead.html", leader=lead.leader, runner_up=lead.runner_up, gap=lead.gap, adds=lead.adds, takes=lead.takes)
