"""The decision tree as Mermaid source, as an HTML container for it, and as a text outline.

The outline is the same tree for screen readers, print and readers without JavaScript: each
answer links to the anchor of the node it leads to, so the tree can be followed by clicking.
"""

from __future__ import annotations

import json

from guide.models import Guide, Outcome, Question
from guide.tables import Links, criterion_reason
from guide.text import attr, html_text, mermaid_label, pre_text

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


def outline(guide: Guide, links: Links) -> str:
    parts = ['<div class="guide-outline" id="decision-outline">']
    # Looked up once here: a scan per answer or reason made the outline quadratic in the tree's size.
    titles = {q.id: q.text for q in guide.decision.questions}
    titles.update({o.id: o.title for o in guide.decision.outcomes if o.id not in titles})
    criteria = {c.id: c for c in guide.criteria}
    for question in guide.decision.questions:
        parts.append(_question(question, guide, titles))
    for outcome in guide.decision.outcomes:
        parts.append(_outcome(outcome, guide, links, criteria))
    parts.append("</div>")
    return "".join(parts)


def _node_title(guide: Guide, node_id: str) -> str:
    for question in guide.decision.questions:
        if question.id == node_id:
            return question.text
    return next(o.title for o in guide.decision.outcomes if o.id == node_id)


def _question(question: Question, guide: Guide, titles: dict[str, str] | None = None) -> str:
    start = ' <span class="guide-start">Start here</span>' if question.id == guide.decision.start else ""
    hint = f'<p class="guide-hint">{html_text(question.hint)}</p>' if question.hint else ""
    answers = "".join(
        f'<li><a href="#{node_anchor(answer.next)}">{html_text(answer.label)}</a>'
        f'<span class="guide-next"> → {html_text(titles[answer.next] if titles is not None else _node_title(guide, answer.next))}</span>'
        + (f'<span class="guide-hint">{html_text(answer.hint)}</span>' if answer.hint else "")
        + "</li>"
        for answer in question.answers
    )
    return (
        f'<section class="guide-node guide-node--question" id="{node_anchor(question.id)}" aria-labelledby="{node_anchor(question.id)}-h">'
        f'<h3 id="{node_anchor(question.id)}-h">{html_text(question.text)}{start}</h3>{hint}<ul class="guide-answers">{answers}</ul></section>'
    )


def _outcome(outcome: Outcome, guide: Guide, links: Links, criteria: dict) -> str:
    recommends = "".join(
        f"<li><strong>{html_text(guide.framework(r.framework).name)}</strong>: {html_text(r.role)}</li>" for r in outcome.recommends
    )
    watch = "".join(f"<li>{html_text(item)}</li>" for item in outcome.watch_out)
    reasons = "".join(criterion_reason(guide, criteria[cid], links) for cid in outcome.criteria)
    pages = ", ".join(f'<a href="{attr(links.href(page, None))}">{html_text(links.title(page))}</a>' for page in outcome.pages)
    return (
        f'<section class="guide-node guide-node--outcome" id="{node_anchor(outcome.id)}" aria-labelledby="{node_anchor(outcome.id)}-h">'
        f'<h3 id="{node_anchor(outcome.id)}-h">Outcome: {html_text(outcome.title)}</h3>'
        f'<ul class="guide-recommends">{recommends}</ul><p>{html_text(outcome.why)}</p>'
        + (f'<p class="guide-label">Watch out for:</p><ul>{watch}</ul>' if watch else "")
        + f'<details class="guide-reasons" data-search-exclude><summary>The criteria behind this outcome</summary><ul>{reasons}</ul></details>'
        f'<p class="guide-label">Read more: {pages}</p>'
        f'<p><a href="#{node_anchor(guide.decision.start)}">Start again</a></p></section>'
    )
