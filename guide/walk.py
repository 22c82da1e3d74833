"""The step-by-step decision walk: every question and outcome rendered here, from the data.

The site script (``docs/assets/javascripts/walk.js``) only shows and hides these blocks and
writes the reader's answers into the URL; it never builds markup from data text. What it needs
to know about the tree (which answer leads where, and each node's id in the flowchart) travels
as JSON in the ``data-walk`` attribute of the container. An attribute rather than a
``<script type="application/json">`` block, because Material's instant navigation re-creates
every inline ``<script>`` in the page without its ``type`` and would run the JSON as code.

The path format, shared with the script: ``?path=<question id>.<answer index>,...``, for
example ``?path=existing-codebase.2,product-kind.0``. Naming the question in every step makes a
shared link stop cleanly where the tree has since changed, instead of leading somewhere else.
"""

from __future__ import annotations

import json

from guide.flowchart import outline_href
from guide.models import DecisionFile, Guide, Outcome, Question
from guide.tables import Links, criterion_reason
from guide.text import attr, html_text

PATH_PARAM = "path"
SCORECARD_PAGE = "scorecard.md"

Step = tuple[str, int]  # (question id, answer index)


def walk_paths(decision: DecisionFile) -> list[tuple[list[Step], str]]:
    """Every path from the start to an outcome, as its steps and the outcome's id, in answer order."""
    questions = {q.id: q for q in decision.questions}
    paths: list[tuple[list[Step], str]] = []

    def visit(node: str, steps: list[Step]) -> None:
        if node not in questions:
            paths.append((steps, node))
            return
        for index, answer in enumerate(questions[node].answers):
            visit(answer.next, steps + [(node, index)])

    visit(decision.start, [])
    return paths


def encode_path(steps: list[Step]) -> str:
    return ",".join(f"{question}.{index}" for question, index in steps)


def follow(decision: DecisionFile, text: str) -> tuple[list[Step], str]:
    """The steps of a ``path`` value that fit the tree, and the node they reach.

    Reading stops at the first step that does not name the current question and one of its
    answers, so an old or mistyped link shows the furthest point that still makes sense.
    """
    questions = {q.id: q for q in decision.questions}
    node = decision.start
    steps: list[Step] = []
    for part in (text or "").split(","):
        question_id, _, index = part.strip().rpartition(".")
        question = questions.get(node)
        if question is None or question_id != node or not index.isdigit() or int(index) >= len(question.answers):
            break
        steps.append((node, int(index)))
        node = question.answers[int(index)].next
    return steps, node


def walk_data(guide: Guide) -> dict:
    """The tree's shape for the script: the start, and for each node where its answers lead."""
    nodes: dict[str, dict] = {}
    for question in guide.decision.questions:
        nodes[question.id] = {"next": [a.next for a in question.answers]}
    for outcome in guide.decision.outcomes:
        nodes[outcome.id] = {"outcome": True}
    return {"start": guide.decision.start, "param": PATH_PARAM, "nodes": nodes}


def _json_attr(data: dict) -> str:
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return attr(text).replace("{", "&#123;").replace("}", "&#125;")


def walk(guide: Guide, links: Links) -> str:
    steps = "".join(_question(q) for q in guide.decision.questions)
    criteria = {c.id: c for c in guide.criteria}  # once, not a scan per reason
    steps += "".join(_outcome(o, guide, links, criteria) for o in guide.decision.outcomes)
    return (
        f'<div class="guide-walk" id="decision-walk" data-search-exclude data-walk="{_json_attr(walk_data(guide))}">'
        '<p class="guide-walk__nojs">The step-by-step walk needs JavaScript, which is off or has not loaded. '
        f'The <a href="{attr(outline_href(links))}">outline</a> holds the same questions: follow its links to reach your recommendation.</p>'
        '<div class="guide-walk__app" hidden>'
        '<div class="guide-walk__trail" hidden><p class="guide-label" id="decision-walk-trail">Your answers so far</p>'
        '<ol aria-labelledby="decision-walk-trail"></ol></div>'
        f"{steps}"
        '<div class="guide-walk__controls">'
        '<button type="button" class="md-button" data-walk-back>Back</button> '
        '<button type="button" class="md-button" data-walk-restart>Restart</button></div>'
        '<p class="guide-walk__status guide-visually-hidden" role="status" aria-live="polite" aria-atomic="true"></p>'
        "</div></div>"
    )


def _step_id(node_id: str, suffix: str = "h") -> str:
    return f"walk-{node_id}-{suffix}"


def _question(question: Question) -> str:
    hint = f'<p class="guide-hint">{html_text(question.hint)}</p>' if question.hint else ""
    answers = []
    for index, answer in enumerate(question.answers):
        hint_id = _step_id(question.id, f"a{index}")
        described = f' aria-describedby="{hint_id}"' if answer.hint else ""
        answer_hint = f'<span class="guide-hint" id="{hint_id}">{html_text(answer.hint)}</span>' if answer.hint else ""
        answers.append(
            f'<li><button type="button" class="guide-walk__answer" data-answer="{index}"{described}>'
            f"{html_text(answer.label)}</button>{answer_hint}</li>"
        )
    return (
        f'<div class="guide-walk__step guide-walk__question" data-node="{attr(question.id)}" hidden>'
        f'<p class="guide-walk__kicker">Question <span data-walk-count>1</span></p>'
        f'<h3 class="guide-walk__heading" id="{_step_id(question.id)}" tabindex="-1">{html_text(question.text)}</h3>'
        f'{hint}<ul class="guide-walk__answers">{"".join(answers)}</ul></div>'
    )


def _outcome(outcome: Outcome, guide: Guide, links: Links, criteria: dict) -> str:
    recommends = "".join(
        f'<li><strong>{html_text(guide.framework(r.framework).name)}</strong>: {html_text(r.role)}</li>'
        for r in outcome.recommends
    )
    names = " and ".join(html_text(guide.framework(r.framework).name) for r in outcome.recommends)
    reasons = "".join(criterion_reason(guide, criteria[criterion_id], links) for criterion_id in outcome.criteria)
    watch = "".join(f"<li>{html_text(item)}</li>" for item in outcome.watch_out)
    watch_block = f'<h4>What to watch out for</h4><ul class="guide-walk__watch">{watch}</ul>' if watch else ""
    onward = "".join(f'<li><a href="{attr(links.href(page))}">{html_text(links.title(page))}</a></li>' for page in outcome.pages)
    onward += (
        f'<li><a href="{attr(links.href(SCORECARD_PAGE))}">Weigh the criteria yourself: {html_text(links.title(SCORECARD_PAGE))}</a></li>'
        f'<li><a href="{attr(outline_href(links, outcome.id))}">This outcome in the outline</a></li>'
    )
    return (
        f'<div class="guide-walk__step guide-walk__outcome" data-node="{attr(outcome.id)}" data-outcome hidden>'
        f'<p class="guide-walk__kicker">Recommendation: {names}</p>'
        f'<h3 class="guide-walk__heading" id="{_step_id(outcome.id)}" tabindex="-1">{html_text(outcome.title)}</h3>'
        f'<ul class="guide-recommends">{recommends}</ul><p>{html_text(outcome.why)}</p>'
        f'<h4>Why: the criteria behind it</h4><ul class="guide-walk__reasons">{reasons}</ul>'
        f"{watch_block}"
        f'<h4>Read next</h4><ul class="guide-walk__onward">{onward}</ul>'
        '<p class="guide-walk__share">The address of this page now records your answers: bookmark it or share it to come back to this result.</p>'
        "</div>"
    )
