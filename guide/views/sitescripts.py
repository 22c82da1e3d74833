"""The site's own scripts, run under Node at build time, so that the build prints what the
reader's browser computes.

The scorecard's rule (group means, scores, ranks and ties, each group's share of a lead, the
0-100 scale and its rounding) and the formats of ``?weights=`` and ``?path=`` exist once, in
``docs/assets/javascripts/scorecard.js`` and ``walk.js``. Every figure the build prints from
them (the scorecard's table for equal weights and each preset, the lead sentence, the presets'
``?weights=`` values, the ``?path=`` step on each reason of an outcome) comes from one Node run
of ``sitescripts.js``, which loads those two files and answers one JSON request.

A build asks once (:func:`build_figures`; the same request is answered from memory within a
build) and, through :mod:`guide.data.buildcache`, a later build with the same data and the same
scripts reads the answer back without starting Node. Node is required either way, as for the
flowchart (:mod:`guide.views.flowlayout`), so a build never depends on what a cache holds.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from guide.data.buildcache import cached_json
from guide.data.scale import DEFAULT_WEIGHT, WEIGHT_LABELS
from guide.views.lastcall import for_the_last
from guide.views.node import require_node, run_json

if TYPE_CHECKING:
    from guide.data.models import Criterion, Framework, Group, Guide, Preset, Step

RUNNER = Path(__file__).with_name("sitescripts.js")
SITE_SCRIPTS = Path(__file__).resolve().parents[2] / "docs" / "assets" / "javascripts"
SCRIPTS = (SITE_SCRIPTS / "scorecard.js", SITE_SCRIPTS / "walk.js")
RUN_TIMEOUT = 60  # seconds; the request is arithmetic on the data, done in well under one
NODE_MISSING = "Node.js is needed to compute the scorecard's figures and the walk's links with the site's own scripts: install Node.js 20+."

Weights = dict[str, int]


class ScriptError(RuntimeError):
    """The site's scripts could not be run; the message says why."""


def default_weights(guide: Guide) -> Weights:
    return {group.id: DEFAULT_WEIGHT for group in guide.groups}


def preset_weights(guide: Guide, preset: Preset) -> Weights:
    """A preset's weight for every group: groups it leaves out (or added since) keep the default,
    and groups it names that no longer exist are ignored (``make check`` flags both)."""
    weights = default_weights(guide)
    weights.update({group_id: w for group_id, w in preset.weights.items() if group_id in weights})
    return weights


def criterion_points(guide: Guide, criterion: Criterion) -> dict[str, int]:
    """Each framework's rating points on one criterion (strong 3, good 2, fair 1, weak 0)."""
    return {f.id: criterion.assessments[f.id].rating.score for f in guide.frameworks}


def rule_data(guide: Guide) -> dict[str, Any]:
    """What scorecard.js's rule reads of the page's data (ids and points, not the names)."""
    return {
        "default": DEFAULT_WEIGHT,
        "weights": list(WEIGHT_LABELS),
        "frameworks": [{"id": f.id} for f in guide.frameworks],
        "groups": [{"id": g.id, "criteria": [{"id": c.id, "points": criterion_points(guide, c)} for c in g.criteria]}
                   for g in guide.groups],
    }


@dataclass(frozen=True)
class Ranked:
    rank: int  # equal scores share a rank (1, 1, 3)
    framework: Framework
    score: str  # on the 0-100 scale, as the page shows it


@dataclass(frozen=True)
class Lead:
    """The leader's lead over the runner-up, and each group's share of it (0-100 scale, as shown)."""

    leader: Framework
    runner_up: Framework
    gap: str
    adds: tuple[tuple[Group, str], ...]  # groups in the leader's favour, largest first
    takes: tuple[tuple[Group, str], ...]  # groups in the runner-up's favour


@dataclass(frozen=True)
class Scored:
    """One weighting: its ``?weights=`` value (empty at the defaults), its ranking (empty when every
    group is ignored) and the lead."""

    value: str
    ranking: tuple[Ranked, ...]
    lead: Lead | None


@dataclass(frozen=True)
class Figures:
    means: dict[tuple[str, str], str]  # (group id, framework id): mean points, as shown
    scored: tuple[Scored, ...]  # in the order asked
    path_values: dict[tuple[Step, ...], str]  # steps: their ?path= value

    def path_value(self, steps: Sequence[Step]) -> str:
        return self.path_values[tuple(steps)]


@for_the_last
def build_figures(guide: Guide) -> Figures:
    """Everything the build prints from the scripts: equal weights first, then each preset; and
    the ``?path=`` value of every answer that gives a reason (one step each). Kept for the last
    Guide asked about: four macros of a build read it."""
    weightings = [default_weights(guide)] + [preset_weights(guide, p) for p in guide.presets]
    steps = dict.fromkeys(step for _, _, reasons in guide.decision.reasoned_paths() for step, _ in reasons)
    return figures(guide, weightings, [[step] for step in steps])


def figures(guide: Guide, weightings: Sequence[Weights], paths: Iterable[Sequence[Step]]) -> Figures:
    """The scripts' figures for these weightings of the guide's scorecard, and these paths."""
    asked = [tuple((question, index) for question, index in steps) for steps in paths]
    request = {"scorecard": {"data": rule_data(guide), "weightings": list(weightings)}, "paths": asked}
    answer = _answer(json.dumps(request, sort_keys=True, ensure_ascii=True))
    card = answer["scorecard"]
    return Figures(
        means={(group, framework): mean for group, by_framework in card["means"].items() for framework, mean in by_framework.items()},
        scored=tuple(_scored(guide, scored) for scored in card["weightings"]),
        path_values=dict(zip(asked, answer["paths"], strict=True)),
    )


def _scored(guide: Guide, scored: dict[str, Any]) -> Scored:
    lead = scored["lead"]
    return Scored(
        value=scored["value"],
        ranking=tuple(Ranked(r["rank"], guide.framework(r["framework"]), r["score"]) for r in scored["ranking"]),
        lead=Lead(
            guide.framework(lead["leader"]), guide.framework(lead["other"]), lead["gap"],
            tuple((guide.group(s["group"]), s["points"]) for s in lead["adds"]),
            tuple((guide.group(s["group"]), s["points"]) for s in lead["takes"]),
        ) if lead else None,
    )


def _run(request_json: str) -> dict[str, Any]:
    names = ", ".join(p.name for p in SCRIPTS)
    answer: dict[str, Any] = run_json(
        RUNNER, [str(p) for p in SCRIPTS], request_json, timeout=RUN_TIMEOUT, missing=ScriptError(NODE_MISSING),
        timed_out=ScriptError(f"The site's scripts took over {RUN_TIMEOUT} s to compute the scorecard and the walk's links."),
        failed=lambda stderr: ScriptError(f"The site's scripts ({names}) failed under Node:\n{stderr}"),
    )
    return answer


def _fits(request_json: str, answer: Any) -> bool:
    """An answer to this request (a damaged cache entry is not)."""
    request = json.loads(request_json)
    return (
        isinstance(answer, dict) and isinstance(answer.get("paths"), list) and len(answer["paths"]) == len(request["paths"])
        and isinstance(answer.get("scorecard"), dict) and isinstance(answer["scorecard"].get("means"), dict)
        and isinstance(answer["scorecard"].get("weightings"), list)
        and len(answer["scorecard"]["weightings"]) == len(request["scorecard"]["weightings"])
    )


@functools.lru_cache(maxsize=8)
def _answer(request_json: str) -> dict[str, Any]:
    """The scripts' answer, once per distinct request: within a build (several pages ask) and,
    through the build cache, across builds, keyed by the request and the scripts' bytes."""
    require_node(ScriptError(NODE_MISSING))
    return cached_json("sitescripts", lambda: [request_json, *(path.read_text(encoding="utf-8") for path in (RUNNER, *SCRIPTS))],
                       lambda found: _fits(request_json, found), lambda: _run(request_json))
