"""The priorities scorecard: the scoring rule, and the page's markup, from the data.

The rule (explained on the methodology page, and mirrored by ``scorecard.js``): each group of
criteria gets a weight from 0 to 3; a framework's score is the weighted mean, over the groups,
of its mean rating points in each group (strong 3, good 2, fair 1, weak 0), shown on a 0-100
scale. Exact fractions here, so that ties are real ties; the script compares with a tolerance.

Weights travel in the URL as ``?weights=<group id>.<weight>,...``, e.g.
``?weights=performance.3,builtins.0``; groups left out keep the default weight.
"""

from __future__ import annotations

import json
from fractions import Fraction

from guide.models import Criterion, Framework, Group, Guide
from guide.tables import COMPARISON_PAGE, Links, _table
from guide.text import attr, html_text, one_line

WEIGHTS_PARAM = "weights"
WEIGHTS = (0, 1, 2, 3)
WEIGHT_LABELS = {0: "Ignore", 1: "Low", 2: "Medium", 3: "High"}
DEFAULT_WEIGHT = 2
METHOD_PAGE = "methodology.md"
METHOD_ANCHOR = "how-the-scorecard-scores"

Weights = dict[str, int]


def default_weights(guide: Guide) -> Weights:
    return {group.id: DEFAULT_WEIGHT for group in guide.groups}


def parse_weights(guide: Guide, text: str) -> Weights:
    """Weights from a ``weights`` URL value; unknown groups and bad values are ignored."""
    weights = default_weights(guide)
    for part in (text or "").split(","):
        group_id, _, value = part.strip().rpartition(".")
        if group_id in weights and value.isdigit() and int(value) in WEIGHTS:
            weights[group_id] = int(value)
    return weights


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


def contributions(guide: Guide, weights: Weights, framework_id: str, other_id: str) -> list[tuple[Criterion, Fraction]]:
    """How much each criterion adds to ``framework_id``'s lead over ``other_id`` (0-3 scale, may be
    negative), largest first by size; criteria where the two are equal are left out. The values
    add up to the difference between the two scores."""
    total = sum(weights.get(g.id, DEFAULT_WEIGHT) for g in guide.groups)
    if total == 0:
        return []
    found = []
    for group in guide.groups:
        share = Fraction(weights.get(group.id, DEFAULT_WEIGHT), total * len(group.criteria))
        for criterion in group.criteria:
            gap = criterion.assessments[framework_id].rating.score - criterion.assessments[other_id].rating.score
            if share and gap:
                found.append((criterion, share * gap))
    order = {c.id: i for i, c in enumerate(guide.criteria)}
    return sorted(found, key=lambda item: (-abs(item[1]), order[item[0].id]))


def scorecard_data(guide: Guide, links: Links | None = None) -> dict:
    """What the script needs: frameworks, and each group's criteria with their points (and links)."""
    return {
        "param": WEIGHTS_PARAM,
        "default": DEFAULT_WEIGHT,
        "weights": list(WEIGHTS),
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
    }


def _plain(text: str) -> str:
    """Data text as the script shows it (with textContent): one line, backticks dropped."""
    return one_line(text).replace("`", "")


def _json_attr(data: dict) -> str:
    text = json.dumps(data, separators=(",", ":"), ensure_ascii=True)
    return attr(text).replace("{", "&#123;").replace("}", "&#125;")


def scorecard(guide: Guide, links: Links) -> str:
    """The interactive scorecard; hidden until the script runs, with a note pointing at the table."""
    rows = []
    for group in guide.groups:
        label_id = f"scorecard-group-{group.id}"
        buttons = "".join(
            f'<button type="button" class="guide-scorecard__weight" data-weight="{w}" '
            f'aria-pressed="{"true" if w == DEFAULT_WEIGHT else "false"}">{WEIGHT_LABELS[w]}<span class="guide-visually-hidden"> ({w})</span></button>'
            for w in WEIGHTS
        )
        count = len(group.criteria)
        rows.append(
            f'<div class="guide-scorecard__group" data-group="{attr(group.id)}">'
            f'<span class="guide-scorecard__group-title" id="{label_id}">{html_text(group.title)} '
            f'<span class="guide-measures">{count} {"criterion" if count == 1 else "criteria"}</span></span>'
            f'<span class="guide-scorecard__weights" role="group" aria-labelledby="{label_id}">{buttons}</span></div>'
        )
    head = (
        '<tr><th scope="col">Rank</th><th scope="col">Framework</th><th scope="col">Score (0-100)</th>'
        '<th scope="col">What decides it</th></tr>'
    )
    body = "".join(
        f'<tr data-framework="{attr(f.id)}"><td class="guide-scorecard__rank"></td><th scope="row">{html_text(f.name)}</th>'
        '<td><span class="guide-scorecard__score"></span>'
        '<span class="guide-scorecard__bar" aria-hidden="true"><span class="guide-scorecard__fill"></span></span></td>'
        '<td class="guide-scorecard__why"></td></tr>'
        for f in guide.frameworks
    )
    method = attr(links.href(METHOD_PAGE, METHOD_ANCHOR))
    return (
        f'<div class="guide-scorecard" id="scorecard" data-scorecard="{_json_attr(scorecard_data(guide, links))}">'
        '<p class="guide-scorecard__nojs">The interactive scorecard needs JavaScript, which is off or has not loaded. '
        'The <a href="#scores-with-equal-weights">table of group averages</a> below gives the scores with equal weights.</p>'
        '<div class="guide-scorecard__app" hidden>'
        '<fieldset class="guide-scorecard__form"><legend>How much each group of criteria matters to you</legend>'
        f'{"".join(rows)}'
        '<p><button type="button" class="md-button" data-scorecard-reset>Reset to equal weights</button></p></fieldset>'
        '<p class="guide-scorecard__empty" hidden>Every group is set to Ignore: give at least one group a weight to see a ranking.</p>'
        f'{_table("Your ranking", head, f"<tbody>{body}</tbody>", "guide-scorecard__results")}'
        f'<p class="guide-scorecard__method">How the scores are computed and how ties are ranked: <a href="{method}">How the scorecard scores</a>.</p>'
        '<p class="guide-scorecard__status guide-visually-hidden" role="status" aria-live="polite" aria-atomic="true"></p>'
        "</div></div>"
    )


def _points(value: Fraction) -> str:
    return f"{float(value):.2f}"


def equal_weights_table(guide: Guide, links: Links) -> str:
    """Per-group mean points per framework, and the scores and ranks with equal weights: the
    scorecard's content for readers without JavaScript, and a reference for everyone."""
    frameworks = guide.frameworks
    head = '<tr><th scope="col">Group</th>' + "".join(f'<th scope="col">{html_text(f.name)}</th>' for f in frameworks) + "</tr>"
    rows = []
    for group in guide.groups:
        title = f'<a href="{attr(links.href(group.page))}">{html_text(group.title)}</a>' if group.page else html_text(group.title)
        cells = "".join(f"<td>{_points(group_mean(group, f.id))} of 3</td>" for f in frameworks)
        rows.append(f'<tr data-group="{attr(group.id)}"><th scope="row">{title} <span class="guide-measures">{len(group.criteria)} criteria</span></th>{cells}</tr>')
    ranked = ranking(guide, default_weights(guide))
    by_id = {f.id: (rank, score) for rank, f, score in ranked}
    score_cells = "".join(f"<td><strong>{percent(by_id[f.id][1]):.1f}</strong></td>" for f in frameworks)
    rank_cells = "".join(f"<td>{by_id[f.id][0]}</td>" for f in frameworks)
    foot = (
        f'<tr class="guide-scorecard__total"><th scope="row">Score with equal weights (0-100)</th>{score_cells}</tr>'
        f'<tr class="guide-scorecard__total"><th scope="row">Rank with equal weights</th>{rank_cells}</tr>'
    )
    return _table("Mean rating points per group (strong 3, good 2, fair 1, weak 0)", head,
                  f"<tbody>{''.join(rows)}</tbody><tbody>{foot}</tbody>", "guide-scorecard__static")
