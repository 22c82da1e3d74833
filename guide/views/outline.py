"""The decision tree as text: the outline on the Decision page, and the table of every path
with its outcome and reasons on the Methodology page.

The outline is the same tree for screen readers, print and readers without JavaScript: each
answer links to the anchor of the node it leads to, so the tree can be followed by clicking.
The paths table lets a reviewer read the whole tree's advice at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from markupsafe import Markup

from guide.views.flowchart import node_anchor, outline_href
from guide.views.outcome import outcome_views
from guide.views.render import render
from guide.views.tables import Links, Row, Section, data_table

if TYPE_CHECKING:
    from guide.data.models import Guide, Step


def outline(guide: Guide, links: Links) -> Markup:
    decision = guide.decision
    return render(
        "outline.html", questions=decision.questions, outcomes=outcome_views(guide, links), title=decision.title,
        start=decision.start, anchor=node_anchor,
    )


# A row repeats at most this many answers of the row above it; a longer shared start is named,
# not repeated, so a very deep tree gives a table that grows with the tree, not its square.
SHARED_PREFIX_SHOWN = 6


def paths_table(guide: Guide, links: Links) -> Markup:
    """Every path from the start to an outcome: the answers given, the outcome, and the reasons
    (each answer's `because`) that the result shows for exactly that path."""
    decision = guide.decision
    rows = []
    previous: list[Step] = []
    for steps, end, reasons in decision.reasoned_paths():
        common = min(len(steps), len(previous))
        shared = next((k for k in range(common) if steps[k] != previous[k]), common)
        shared = shared if shared > SHARED_PREFIX_SHOWN else 0
        answers = [(question.text, answer.label) for question, answer in map(decision.answered, steps[shared:])]
        rows.append(Row([
            render("decision/path_answers.html", steps=answers, shared=shared),
            render("decision/path_outcome.html", title=decision.title(end), href=outline_href(links, end)),
            render("decision/path_reasons.html", reasons=[reason for _, reason in reasons]),
        ]))
        previous = steps
    caption = f"Every path through the decision tree: {len(rows)} paths, each with the outcome it reaches and the reasons the result gives"
    return data_table(caption, ["Answers, in order", "Outcome", "Why, on this path"], [Section(rows)], "guide-paths", searchable=False)
