"""The decision tree as Mermaid source and as an HTML container for it; the anchors of the
outline (rendered by guide/outline.py) that the drawn nodes link to."""

from __future__ import annotations

import json

from guide.models import Guide
from guide.tables import Links
from guide.text import attr, mermaid_label, pre_text

DECISION_PAGE = "decision.md"


def node_anchor(node_id: str) -> str:
    """The HTML id of a question or outcome in the outline."""
    return f"decide-{node_id}"


def outline_href(links: Links, node_id: str | None = None) -> str:
    """A node of the outline (or the outline itself) on the Decision page, from any page:
    embeds show the flowchart and the walk without the outline beside them."""
    return links.href(DECISION_PAGE, node_anchor(node_id) if node_id else "decision-outline")


def mermaid_id(node_id: str) -> str:
    # Prefixed so that ids such as `end` or `graph` cannot clash with Mermaid keywords;
    # ids hold no underscores, so the mapping is one to one.
    return "n_" + node_id.replace("-", "_")


def mermaid_source(guide: Guide) -> str:
    decision = guide.decision
    lines = ["flowchart TD"]
    for question in decision.questions:
        lines.append(f'  {mermaid_id(question.id)}["{mermaid_label(question.text)}"]')
    for outcome in decision.outcomes:
        lines.append(f'  {mermaid_id(outcome.id)}(["{mermaid_label(outcome.title)}"])')
    for question in decision.questions:
        for answer in question.answers:
            lines.append(f'  {mermaid_id(question.id)} -->|"{mermaid_label(answer.label)}"| {mermaid_id(answer.next)}')
    lines.append("  classDef question stroke-width:2px")
    lines.append("  classDef outcome stroke-width:3px")
    lines.append("  class " + ",".join(mermaid_id(q.id) for q in decision.questions) + " question")
    lines.append("  class " + ",".join(mermaid_id(o.id) for o in decision.outcomes) + " outcome")
    return "\n".join(lines)


def node_links(guide: Guide, links: Links) -> dict[str, str]:
    """Where each drawn node leads: its entry in the outline, which links onward."""
    nodes = [q.id for q in guide.decision.questions] + [o.id for o in guide.decision.outcomes]
    return {mermaid_id(node): outline_href(links, node) for node in nodes}


def flowchart(guide: Guide, links: Links) -> str:
    """A container that the site script draws with the self-hosted Mermaid; the source is its text."""
    targets = json.dumps(node_links(guide, links), sort_keys=True)
    count = len(guide.decision.questions) + len(guide.decision.outcomes)
    return (
        f'<figure class="guide-flowchart" data-nodes="{count}" data-links="{attr(targets)}">'
        f'<pre class="guide-flowchart__source">{pre_text(mermaid_source(guide))}</pre>'
        f'<figcaption>The decision tree: {len(guide.decision.questions)} questions, {len(guide.decision.outcomes)} outcomes. '
        f'Select a box to jump to its explanation; the <a href="{attr(outline_href(links))}">outline</a> holds the same tree as text.</figcaption>'
        "</figure>"
    )
