"""Comparison tables and verdict boxes as HTML, from the Guide only.

Tables are emitted as raw HTML rather than Markdown tables so that any text from the data is
escaped once, for HTML, and cannot break the table's structure. A :class:`Links` object turns a
page path under ``docs/`` into a URL relative to the page being rendered; the site generator
glue supplies it, which keeps these functions generator-independent.
"""

from __future__ import annotations

from typing import Iterable, Protocol

from guide.models import Criterion, Framework, Group, Guide, Rating
from guide.text import attr, html_text


class Links(Protocol):
    """How rendered HTML points at other pages; the site generator glue implements it."""

    def href(self, page: str, anchor: str | None = None) -> str:
        """URL of ``page`` (a path under docs/) relative to the page being rendered."""

    def title(self, page: str) -> str:
        """The page's title as the navigation shows it."""

COMPARISON_PAGE = "comparison.md"
SYMBOLS = {Rating.strong: "●●●", Rating.good: "●●○", Rating.fair: "●○○", Rating.weak: "○○○"}


def rating_badge(rating: Rating) -> str:
    """A rating as symbol plus word; the word is the text equivalent, the title the meaning."""
    return (
        f'<span class="guide-rating guide-rating--{rating.value}" title="{attr(rating.meaning)}">'
        f'<span class="guide-rating__symbol" aria-hidden="true">{SYMBOLS[rating]}</span> {rating.label}</span>'
    )


def rating_scale() -> str:
    rows = "".join(
        f"<tr><td>{rating_badge(r)}</td><td><code>{r.value}</code></td><td>{r.score}</td><td>{html_text(r.meaning)}</td></tr>"
        for r in Rating
    )
    head = '<tr><th scope="col">Rating</th><th scope="col">In the data</th><th scope="col">Points</th><th scope="col">Meaning</th></tr>'
    return _table("The rating scale", head, f"<tbody>{rows}</tbody>", "guide-scale")


def _table(caption: str, head: str, body: str, kind: str, *, searchable: bool = True) -> str:
    exclude = "" if searchable else " data-search-exclude"
    return (
        f'<div class="md-typeset__scrollwrap"{exclude}><div class="md-typeset__table">'
        f'<table class="guide-table {kind}"><caption>{html_text(caption)}</caption>'
        f"<thead>{head}</thead>{body}</table></div></div>"
    )


def _framework_head(frameworks: list[Framework], first: str) -> str:
    cells = "".join(f'<th scope="col">{html_text(f.name)}</th>' for f in frameworks)
    return f'<tr><th scope="col">{first}</th>{cells}</tr>'


def _verdict_cell(criterion: Criterion, framework: Framework) -> str:
    assessment = criterion.assessments[framework.id]
    return f"<td>{rating_badge(assessment.rating)}<br>{html_text(assessment.verdict)}</td>"


def _criterion_rows(guide: Guide, criteria: Iterable[Criterion], links: Links) -> str:
    rows = []
    for criterion in criteria:
        target = links.href(COMPARISON_PAGE, criterion.id)
        cells = "".join(_verdict_cell(criterion, f) for f in guide.frameworks)
        rows.append(
            f'<tr><th scope="row"><a href="{attr(target)}">{html_text(criterion.title)}</a>'
            f'<span class="guide-measures">{html_text(criterion.measures)}</span></th>{cells}</tr>'
        )
    return "".join(rows)


# Comparison tables stay out of the search index (which every page downloads): each row's
# verdicts and what the criterion measures are also in its card on the comparison page, and
# search leads there.


def group_table(guide: Guide, group: Group, links: Links) -> str:
    body = f"<tbody>{_criterion_rows(guide, group.criteria, links)}</tbody>"
    return _table(f"{group.title}: {len(group.criteria)} criteria", _framework_head(guide.frameworks, "Criterion"), body,
                  f"guide-comparison guide-comparison--{group.id}", searchable=False)


def full_table(guide: Guide, links: Links) -> str:
    width = len(guide.frameworks) + 1
    body = "".join(
        f'<tbody><tr class="guide-group-row"><th scope="rowgroup" colspan="{width}">'
        f'<a href="{attr(_group_href(group, links))}">{html_text(group.title)}</a></th></tr>'
        f"{_criterion_rows(guide, group.criteria, links)}</tbody>"
        for group in guide.groups
    )
    caption = f"All {len(guide.criteria)} criteria in {len(guide.groups)} groups"
    return _table(caption, _framework_head(guide.frameworks, "Criterion"), body, "guide-comparison guide-comparison--full", searchable=False)


def _group_href(group: Group, links: Links) -> str:
    """A group's prose page, or its section of the full comparison when it has none."""
    return links.href(group.page) if group.page else links.href(COMPARISON_PAGE, f"group-{group.id}")


def glance_table(guide: Guide, links: Links) -> str:
    picked = [c for c in guide.criteria if c.glance]
    body = f"<tbody>{_criterion_rows(guide, picked, links)}</tbody>"
    return _table("At a glance", _framework_head(guide.frameworks, "Criterion"), body, "guide-comparison guide-comparison--glance", searchable=False)


def verdict_items(guide: Guide, criterion: Criterion) -> str:
    """Each framework's name, rating badge and one-line verdict on a criterion, as list items."""
    return "".join(
        f'<li data-framework="{attr(f.id)}"><strong>{html_text(f.name)}</strong> '
        f"{rating_badge(criterion.assessments[f.id].rating)} {html_text(criterion.assessments[f.id].verdict)}</li>"
        for f in guide.frameworks
    )


def criterion_reason(guide: Guide, criterion: Criterion, links: Links) -> str:
    """A criterion behind a decision outcome: its title, linked to its card, and every verdict."""
    return (
        f'<li data-criterion="{attr(criterion.id)}"><a href="{attr(links.href(COMPARISON_PAGE, criterion.id))}">'
        f"{html_text(criterion.title)}</a><ul>{verdict_items(guide, criterion)}</ul></li>"
    )


def criterion_verdicts(guide: Guide, criterion_id: str, links: Links) -> str:
    """A compact box with one criterion's verdicts, for use inside prose."""
    criterion = guide.criterion(criterion_id)
    return (
        f'<aside class="guide-verdicts" aria-label="{attr("Verdicts: " + criterion.title)}">'
        f'<p class="guide-verdicts__title"><a href="{attr(links.href(COMPARISON_PAGE, criterion.id))}">{html_text(criterion.title)}</a>'
        f' <span class="guide-reviewed">reviewed {criterion.reviewed.isoformat()}</span></p><ul>{verdict_items(guide, criterion)}</ul></aside>'
    )


def criterion_cards(guide: Guide, group: Group, links: Links) -> str:
    """Every criterion of a group in full: verdicts, explanations, sources and review date."""
    return "".join(criterion_card(guide, c, links) for c in group.criteria)


def criterion_card(guide: Guide, criterion: Criterion, links: Links, *, searchable: bool = True) -> str:
    stale = ' <span class="guide-stale">due for review</span>' if guide.is_stale(criterion) else ""
    parts = [
        # A card repeated on a prose page stays out of the search index: the comparison page's copy
        # is the one search finds, and the index is downloaded by every page.
        f'<section class="guide-criterion" id="{attr(criterion.id)}" aria-labelledby="{attr(criterion.id)}-title"'
        + ("" if searchable else " data-search-exclude") + ">",
        f'<h3 id="{attr(criterion.id)}-title">{html_text(criterion.title)}</h3>',
        f'<p class="guide-measures">{html_text(criterion.measures)}</p>',
        f'<p class="guide-reviewed">Last reviewed {criterion.reviewed.isoformat()}{stale}'
        + f": {html_text(criterion.review_note)}"
        + "</p>",
    ]
    for framework in guide.frameworks:
        a = criterion.assessments[framework.id]
        sources = "".join(
            f'<li><a href="{attr(s.url)}" rel="noopener">{html_text(s.title)}</a> <span class="guide-accessed">(checked {s.accessed.isoformat()})</span></li>'
            for s in a.sources
        )
        judgement = (
            f'<p class="guide-judgement"><strong>The guide\'s judgement:</strong> {html_text(a.judgement)}</p>' if a.judgement else ""
        )
        parts.append(
            f'<div class="guide-assessment"><p><strong>{html_text(framework.name)}</strong> {rating_badge(a.rating)} {html_text(a.verdict)}</p>'
            f"<p>{html_text(a.detail)}</p>{judgement}<p class=\"guide-sources-label\">Sources:</p><ul class=\"guide-sources\">{sources}</ul></div>"
        )
    if criterion.examples:
        examples = ", ".join(f'<a href="{attr(links.href(page, None))}">{html_text(links.title(page))}</a>' for page in criterion.examples)
        parts.append(f'<p class="guide-examples">See it in code: {examples}</p>')
    parts.append("</section>")
    return "".join(parts)


def review_table(guide: Guide, links: Links) -> str:
    """When each criterion was last reviewed and how many sources back it."""
    group_title = {c.id: g.title for g in reversed(guide.groups) for c in g.criteria}  # not a scan per row
    rows = "".join(
        f'<tr><th scope="row"><a href="{attr(links.href(COMPARISON_PAGE, c.id))}">{html_text(c.title)}</a></th>'
        f"<td>{html_text(group_title[c.id])}</td><td>{c.reviewed.isoformat()}"
        f'{" <span class=guide-stale>due for review</span>" if guide.is_stale(c) else ""}</td>'
        f"<td>{sum(len(a.sources) for a in c.assessments.values())}</td></tr>"
        for c in guide.criteria
    )
    head = '<tr><th scope="col">Criterion</th><th scope="col">Group</th><th scope="col">Last reviewed</th><th scope="col">Sources</th></tr>'
    return _table("Review dates", head, f"<tbody>{rows}</tbody>", "guide-reviews")


def claims_table(guide: Guide, links: Links) -> str:
    """The source article's claims, what checking them found, and where the evidence is."""
    rows = "".join(
        f'<tr><td>{html_text(claim.claim)}</td><td><span class="guide-finding guide-finding--{claim.finding}">{claim.finding.capitalize()}</span></td>'
        f"<td>{html_text(claim.note)}</td><td>"
        + ", ".join(f'<a href="{attr(links.href(COMPARISON_PAGE, cid))}">{html_text(guide.criterion(cid).title)}</a>' for cid in claim.criteria)
        + "</td></tr>"
        for claim in guide.claims
    )
    head = '<tr><th scope="col">The article says</th><th scope="col">Finding</th><th scope="col">What the sources show</th><th scope="col">Criteria</th></tr>'
    return _table("The source article's claims, checked", head, f"<tbody>{rows}</tbody>", "guide-claims")


def framework_facts(guide: Guide, framework_id: str) -> str:
    f = guide.framework(framework_id)
    rows = [
        ("What it is", html_text(f.summary)),
        ("Version reviewed", html_text(f.version)),
        ("Licence", html_text(f.licence)),
        ("Home page", f'<a href="{attr(f.homepage)}">{html_text(f.homepage)}</a>'),
        ("Source code", f'<a href="{attr(f.repository)}">{html_text(f.repository)}</a>'),
        ("Reviewed on", f.reviewed.isoformat()),
    ]
    body = "".join(f'<tr><th scope="row">{label}</th><td>{value}</td></tr>' for label, value in rows)
    return _table(f"{f.name} in brief", '<tr><th scope="col">Fact</th><th scope="col">Value</th></tr>', f"<tbody>{body}</tbody>", "guide-facts")
