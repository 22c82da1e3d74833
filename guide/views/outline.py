"""The decision tree as text: the outline on the Decision page, and the table of every path
with its outcome and reasons on the Methodology page.

The outline is the same tree for screen readers, print and readers without JavaScript: each
answer links to the anchor of the node it leads to, so the tree can be followed by clicking.
The paths table lets a reviewer read the whole tree's advice at once.
"""

from __future__ import annotations

from markupsafe import Markup

from guide.data.models import Guide
from guide.views.flowchart import node_anchor, outline_href
from guide.views.render import render
from guide.views.tables import Links, Row, Section, criterion_reason, data_table


SCORECARD_PAGE = "scorecard.md"


def outline(guide: Guide, links: Links) -> Markup:
    decision = guide.decision
    # Looked up once here: a scan per answer or reason made the outline quadratic in the tree's size.
    titles = {q.id: q.text for q in decision.questions}
    titles.update({o.id: o.title for o in decision.outcomes if o.id not in titles})
    return render(
        "outline.html", questions=decision.questions, outcomes=outcome_views(guide, links), titles=titles,
        start=decision.start, anchor=node_anchor,
    )


def outcome_views(guide: Guide, links: Links) -> list[dict]:
    """What the shared outcome partials (templates/decision_parts.html) show of each outcome."""
    criteria = {c.id: c for c in guide.criteria}  # once, not a scan per reason
    scorecard = (links.href(SCORECARD_PAGE), links.title(SCORECARD_PAGE))
    return [
        {
            "outcome": outcome,
            "recommends": [(guide.framework(r.framework).name, r.role) for r in outcome.recommends],
            "criteria": [Markup(criterion_reason(guide, criteria[cid], links)) for cid in outcome.criteria],
            "pages": [(links.href(page), links.title(page)) for page in outcome.pages],
            "scorecard": scorecard,
        }
        for outcome in guide.decision.outcomes
    ]


# A row repeats at most this many answers of the row above it; a longer shared start is named,
# not repeated, so a very deep tree gives a table that grows with the tree, not its square.
SHARED_PREFIX_SHOWN = 6


def paths_table(guide: Guide, links: Links) -> Markup:
    """Every path from the start to an outcome: the answers given, the outcome, and the reasons
    (each answer's `because`) that the result shows for exactly that path."""
    decision = guide.decision
    questions = {q.id: q for q in decision.questions}
    titles = {o.id: o.title for o in decision.outcomes}
    rows = []
    previous: list = []
    for steps, end, reasons in decision.reasoned_paths():
        shared = next((k for k, (mine, theirs) in enumerate(zip(steps, previous)) if mine != theirs), min(len(steps), len(previous)))
        shared = shared if shared > SHARED_PREFIX_SHOWN else 0
        answers = [(questions[q].text, questions[q].answers[a].label) for q, a in steps[shared:]]
        rows.append(Row([
            render("decision/path_answers.html", steps=answers, shared=shared),
            render("decision/path_outcome.html", title=titles[end], href=outline_href(links, end)),
            render("decision/path_reasons.html", reasons=[reason for _, reason in reasons]),
        ]))
        previous = steps
    caption = f"Every path through the decision tree: {len(rows)} paths, each with the outcome it reaches and the reasons the result gives"
    return data_table(caption, ["Answers, in order", "Outcome", "Why, on this path"], [Section(rows)], "guide-paths", searchable=False)
