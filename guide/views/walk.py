"""The step-by-step decision walk: every question and outcome rendered here, from the data.

The site script (``docs/assets/javascripts/walk.js``) only shows and hides these blocks, fills
in numbers, copies each outcome's advice from the outline on the same page (rendered once, by
the outcome partial both share) and writes the reader's answers into the URL; it never builds markup
from data text. What it needs to know about the tree (which answer leads where, and how many questions
can still follow each node) travels as JSON in the ``data-walk`` attribute of the container. An
attribute rather than a ``<script type="application/json">`` block, because Material's instant
navigation re-creates every inline ``<script>`` in the page without its ``type`` and would run
the JSON as code.

The path format, read and written by the script (its only implementation):
``?path=<question id>.<answer index>,...``, for example ``?path=existing-codebase.1,product-kind.0``.
Naming the question in every step makes a shared link stop cleanly where the tree has since
changed, instead of leading somewhere else. Each reason of an outcome carries its answer as one
step in that format (``data-step``), written by the script itself run under Node
(:mod:`guide.views.sitescripts`), which the script compares with the steps taken.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from guide.views.flowchart import outline_href
from guide.views.outcome import outcome_views
from guide.views.render import render
from guide.views.sitescripts import build_figures

if TYPE_CHECKING:
    from guide.data.models import Guide, Step
    from guide.views.tables import Links

PATH_PARAM = "path"


def walk_data(guide: Guide) -> dict[str, Any]:
    """The tree's shape for the script: the start, where each question's answers lead, and the
    most questions that can still follow (itself included), for "question 2 of at most 4"."""
    left = guide.decision.questions_left()
    nodes: dict[str, dict[str, Any]] = {}
    for question in guide.decision.questions:
        nodes[question.id] = {"next": [a.next for a in question.answers], "left": left[question.id]}
    for outcome in guide.decision.outcomes:
        nodes[outcome.id] = {"outcome": True}
    return {"start": guide.decision.start, "param": PATH_PARAM, "nodes": nodes}


def outcome_reasons(guide: Guide) -> dict[str, list[dict[str, str | None]]]:
    """For each outcome, every answer with a reason on any path to it, in an order that every
    one of those paths follows (the questions' order from the start), so that the script only
    shows the items of the path taken."""
    decision = guide.decision
    figures = build_figures(guide)
    rank = {node: position for position, node in enumerate(reversed(decision.post_order()))}
    found: dict[str, dict[Step, None]] = {o.id: {} for o in decision.outcomes}
    for _, outcome, path_reasons in decision.reasoned_paths():
        for step, _ in path_reasons:
            found[outcome][step] = None
    reasons: dict[str, list[dict[str, str | None]]] = {}
    for outcome, steps in found.items():
        ordered = sorted(steps, key=lambda step: (rank[step[0]], step[1]))
        reasons[outcome] = [
            {"step": figures.path_value([step]), "question": question.text, "answer": answer.label, "because": answer.because}
            for step, (question, answer) in zip(ordered, map(decision.answered, ordered), strict=True)
        ]
    return reasons


def walk(guide: Guide, links: Links, *, outcomes_here: bool) -> Markup:
    """The walk; ``outcomes_here`` renders each outcome's advice inside it, for a page without
    the outline (an embed). Beside the outline the script copies that advice from the outline,
    so the page holds it once."""
    data = json.dumps(walk_data(guide), sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return render(
        "walk.html",
        data=data,
        outline=outline_href(links),
        answer_href=lambda node: outline_href(links, node),
        start=guide.decision.start,
        start_left=guide.decision.questions_left()[guide.decision.start],
        questions=guide.decision.questions,
        outcomes=outcome_views(guide, links),
        outcomes_here=outcomes_here,
        reasons=outcome_reasons(guide),
    )
