"""Cases for the JavaScript unit tests (``node --test tests/js/``), from the data, as JSON on stdout.

The scorecard's rule and the walk's path format are implemented once, in
docs/assets/javascripts/scorecard.js and walk.js (the build runs them too, through
guide/views/sitescripts.py). These cases give them the JSON the pages get (``scorecard_data``,
``walk_data``) and what the methodology page says must come out, computed here independently:
the group means, scores and ranks in exact fractions; the shares of each gap, criterion by
criterion and group by group; the ``?weights=`` and ``?path=`` values as the methodology and the
walk's docstring spell them. Browser tests use the same oracle (tests/helpers.py).
"""

from __future__ import annotations

import itertools
import json
import math
import random
import sys
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from guide.data.validate import load_guide  # noqa: E402
from guide.views import scorecard, sitescripts, walk  # noqa: E402

Weights = dict[str, int]


def group_mean(group: dict, framework_id: str) -> Fraction:
    return Fraction(sum(c["points"][framework_id] for c in group["criteria"]), len(group["criteria"]))


def weights_value(data: dict, weights: Weights) -> str:
    """``?weights=<group id>.<weight>,...``: every group, in the data's order."""
    return ",".join(f"{g['id']}.{weights[g['id']]}" for g in data["groups"])


def path_value(steps) -> str:
    """``?path=<question id>.<answer index>,...``."""
    return ",".join(f"{question}.{index}" for question, index in steps)


def rounded(value: Fraction, places: int) -> str:
    """A non-negative number as the page shows it: exactly, half way rounding up."""
    scale = 10**places
    return f"{math.floor(value * scale + Fraction(1, 2)) / scale:.{places}f}"


def on_scale(value: Fraction) -> str:
    """A score (0-3) as shown: on the 0-100 scale, one decimal."""
    return rounded(value * 100 / 3, 1)


def expected_scores(data: dict, weights: Weights) -> dict[str, Fraction] | None:
    """The methodology's rule: the weighted mean of the group means; no score when every weight is 0."""
    total = sum(weights[g["id"]] for g in data["groups"])
    if total == 0:
        return None
    return {f["id"]: sum((weights[g["id"]] * group_mean(g, f["id"]) for g in data["groups"]), Fraction(0)) / total
            for f in data["frameworks"]}


def expected_ranking(data: dict, weights: Weights) -> list[dict]:
    """Best first; equal scores share a rank (1, 1, 3) and keep the data's order."""
    result = expected_scores(data, weights)
    if result is None:
        return []
    ordered = sorted(data["frameworks"], key=lambda f: -result[f["id"]])  # stable: data order for ties
    ranked: list[dict] = []
    for position, framework in enumerate(ordered, start=1):
        score = result[framework["id"]]
        tied = ranked and Fraction(ranked[-1]["exact"]) == score
        ranked.append({"id": framework["id"], "rank": ranked[-1]["rank"] if tied else position, "exact": str(score),
                       "score": float(score), "shown": on_scale(score)})
    return ranked


def expected_contributions(data: dict, weights: Weights, framework_id: str, other_id: str) -> list[list]:
    """Each criterion's share of the gap between two frameworks, largest first, zeros left out."""
    total = sum(weights[g["id"]] for g in data["groups"])
    found = []
    for group in data["groups"]:
        share = Fraction(weights[group["id"]], total * len(group["criteria"])) if total else Fraction(0)
        for criterion in group["criteria"]:
            gap = criterion["points"][framework_id] - criterion["points"][other_id]
            if share and gap:
                found.append((criterion["id"], share * gap))
    order = {c["id"]: i for i, c in enumerate(c for g in data["groups"] for c in g["criteria"])}
    found.sort(key=lambda item: (-abs(item[1]), order[item[0]]))
    return [[cid, float(value)] for cid, value in found]


def expected_group_shares(data: dict, weights: Weights, framework_id: str, other_id: str) -> list[list]:
    """Each group's share of the gap between two frameworks (its weight's part of the total times
    the difference of the group means), largest first, zeros left out, ties in the data's order."""
    total = sum(weights[g["id"]] for g in data["groups"])
    found = [(g["id"], Fraction(weights[g["id"]], total) * (group_mean(g, framework_id) - group_mean(g, other_id)))
             for g in data["groups"]] if total else []
    found = sorted((item for item in found if item[1]), key=lambda item: -item[1])  # stable
    return [[gid, float(value), on_scale(abs(value))] for gid, value in found]


def weightings(data: dict, presets: list[Weights]) -> list[Weights]:
    ids = [g["id"] for g in data["groups"]]
    cases = [dict.fromkeys(ids, data["default"]), dict.fromkeys(ids, 0), *presets]
    cases += [{i: 3 if i == only else 0 for i in ids} for only in ids]
    pick = random.Random(14)
    cases += [{i: pick.choice(data["weights"]) for i in ids} for _ in range(60)]
    return cases


def with_twin(data: dict) -> dict:
    """The page's data plus a framework rated exactly like the first: ties on every weighting."""
    first = data["frameworks"][0]["id"]
    twin = json.loads(json.dumps(data))
    twin["frameworks"].append({"id": "twin", "name": "Twin"})
    for group in twin["groups"]:
        for criterion in group["criteria"]:
            criterion["points"]["twin"] = criterion["points"][first]
    return twin


def scorecard_cases(guide) -> dict:
    data = scorecard.scorecard_data(guide)
    presets = [sitescripts.preset_weights(guide, p) for p in guide.presets]
    default = sitescripts.default_weights(guide)
    sets = []
    for page_data in (data, with_twin(data)):
        ids = [f["id"] for f in page_data["frameworks"]]
        sets.append({
            "data": page_data,
            "means": {g["id"]: {f: rounded(group_mean(g, f), 2) for f in ids} for g in page_data["groups"]},
            "cases": [
                {
                    "weights": weights,
                    "ranking": expected_ranking(page_data, weights),
                    "contributions": {f"{a} {b}": expected_contributions(page_data, weights, a, b)
                                      for a, b in itertools.permutations(ids, 2)},
                    "group_shares": {f"{a} {b}": expected_group_shares(page_data, weights, a, b)
                                     for a, b in itertools.permutations(ids, 2)},
                }
                for weights in weightings(page_data, presets)
            ],
        })
    first = guide.groups[0].id
    # ?weights= values: what the build writes on each preset's button (every group, data order),
    # and junk that leaves the defaults alone.
    written = [{"raw": weights_value(data, w), "weights": w} for w in weightings(data, presets)]
    junk = [{"raw": raw, "weights": default} for raw in
            ["", "nope", "nope.3", f"{first}.9", f"{first}.x", first, ",,", f"{first}.-1", f"{first}.1.5"]]
    junk += [{"raw": f" {first}.0 ", "weights": {**default, first: 0}},
             {"raw": f"{first}.1,{first}.3", "weights": {**default, first: 3}}]
    return {"sets": sets, "written": written, "junk": junk}


def walk_cases(guide) -> dict:
    decision = guide.decision
    start = decision.start
    first = next(q for q in decision.questions if q.id == start)
    paths = [{"steps": [list(s) for s in steps], "raw": path_value(steps), "node": end}
             for steps, end in decision.paths()]
    steps, end = decision.paths()[0]
    stops = [  # a value that stops fitting the tree is read up to the last step that fits
        {"raw": "", "steps": [], "node": start},
        {"raw": "nonsense", "steps": [], "node": start},
        {"raw": f"{start}.{len(first.answers)}", "steps": [], "node": start},
        {"raw": f"{start}.x", "steps": [], "node": start},
        {"raw": f"{start}.-1", "steps": [], "node": start},
        {"raw": f"{start}.0,not-the-question.0", "steps": [[start, 0]], "node": first.answers[0].next},
        {"raw": path_value(steps) + f",{start}.0", "steps": [list(s) for s in steps], "node": end},
    ]
    return {"data": walk.walk_data(guide), "paths": paths, "stops": stops}


def main() -> None:
    guide = load_guide(ROOT / "data")
    json.dump({"scorecard": scorecard_cases(guide), "walk": walk_cases(guide)}, sys.stdout)


if __name__ == "__main__":
    main()
