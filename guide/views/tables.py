"""Comparison tables and verdict boxes as HTML, from the Guide only.

Tables are emitted as raw HTML rather than Markdown tables so that any text from the data is
escaped once, for HTML, and cannot break the table's structure. A :class:`Links` object turns a
page path under ``docs/`` into a URL relative to the page being rendered; the site generator
glue supplies it, which keeps these functions generator-independent.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, Sequence

from markupsafe import Markup

from guide.data.models import Criterion, Framework, Group, Guide, Rating
from guide.views.render import render
from guide.data.text import attr, html_text


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
    rows = [
        Row([Markup(rating_badge(r)), Markup(f"<code>{r.value}</code>"), str(r.score), r.meaning])
        for r in Rating
    ]
    return data_table("The rating scale", ["Rating", "In the data", "Points", "Meaning"], [Section(rows)], "guide-scale")


@dataclass(frozen=True)
class Row:
    """A table row: an optional row header, then one cell per remaining column (all HTML)."""

    cells: Sequence[Markup]
    header: Markup | None = None
    attrs: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Section:
    """A ``<tbody>``: its rows, under an optional heading row that spans every column."""

    rows: Sequence[Row]
    heading: Markup | None = None


def data_table(caption: str, columns: Sequence[str | Markup], sections: Sequence[Section], kind: str, *,
               searchable: bool = True, stack: bool = True, footer: Sequence[Row] = ()) -> Markup:
    """A table whose ``columns`` both head it and, when ``stack``, label every cell: on a phone
    each row becomes a card with its cells stacked, each under its column's name (guide.css).
    ``footer`` rows summarise the others (a tfoot), stacked the same way."""
    return render("tables/table.html", caption=caption, columns=columns, sections=sections, kind=kind,
                  searchable=searchable, stack=stack, footer=footer)


def _framework_columns(guide: Guide, first: str) -> list[str]:
    return [first] + [framework.name for framework in guide.frameworks]


def _criterion_row(guide: Guide, criterion: Criterion, links: Links) -> Row:
    header = render("tables/criterion_title.html", criterion=criterion, href=links.href(COMPARISON_PAGE, criterion.id))
    cells = [
        render("tables/verdict.html", assessment=criterion.assessments[f.id], badge=Markup(rating_badge(criterion.assessments[f.id].rating)))
        for f in guide.frameworks
    ]
    return Row(cells, header, (("data-criterion", criterion.id),))


# Comparison tables stay out of the search index (which every page downloads): each row's
# verdicts and what the criterion measures are also in its write-up on the comparison page, and
# search leads there.


def _comparison(guide: Guide, caption: str, sections: list[Section], kind: str) -> Markup:
    return data_table(caption, _framework_columns(guide, "Criterion"), sections, f"guide-comparison {kind}", searchable=False)


def group_table(guide: Guide, group: Group, links: Links) -> str:
    rows = [_criterion_row(guide, c, links) for c in group.criteria]
    return _comparison(guide, f"{group.title}: {len(group.criteria)} criteria", [Section(rows)], f"guide-comparison--{group.id}")


def full_table(guide: Guide, links: Links) -> str:
    sections = [
        Section([_criterion_row(guide, c, links) for c in group.criteria],
                Markup(f'<a href="{attr(_group_href(group, links))}">{html_text(group.title)}</a>'))
        for group in guide.groups
    ]
    caption = f"All {len(guide.criteria)} criteria in {len(guide.groups)} groups"
    return _comparison(guide, caption, sections, "guide-comparison--full")


def _group_href(group: Group, links: Links) -> str:
    """A group's prose page, or its section of the full comparison when it has none."""
    return links.href(group.page) if group.page else links.href(COMPARISON_PAGE, f"group-{group.id}")


def glance_table(guide: Guide, links: Links) -> str:
    picked = [c for c in guide.criteria if c.glance]
    caption = f"{len(picked)} of the {len(guide.criteria)} criteria, one line each"
    return _comparison(guide, caption, [Section([_criterion_row(guide, c, links) for c in picked])], "guide-comparison--glance")


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
    """A compact box with one criterion's verdicts, for use inside prose; it links to the
    criterion's write-up, whose one home is the full comparison."""
    criterion = guide.criterion(criterion_id)
    return render("tables/verdicts_box.html", criterion=criterion, href=links.href(COMPARISON_PAGE, criterion.id),
                  items=Markup(verdict_items(guide, criterion)))


def criterion_cards(guide: Guide, group: Group, links: Links) -> str:
    """Every criterion of a group in full: verdicts, explanations, sources and review date."""
    return "".join(criterion_card(guide, c, links) for c in group.criteria)


def criterion_card(guide: Guide, criterion: Criterion, links: Links) -> str:
    """A criterion's write-up (explanations, judgement, sources); the full comparison is its one
    home, and every other page links there."""
    assessments = [(f, criterion.assessments[f.id], Markup(rating_badge(criterion.assessments[f.id].rating))) for f in guide.frameworks]
    return render(
        "tables/criterion.html", criterion=criterion, assessments=assessments, stale=guide.is_stale(criterion),
        source_count=sum(len(a.sources) for a in criterion.assessments.values()),
        examples=[(links.href(page, None), links.title(page)) for page in criterion.examples],
    )


def review_table(guide: Guide, links: Links) -> str:
    """When each criterion was last reviewed and how many sources back it."""
    group_title = {c.id: g.title for g in reversed(guide.groups) for c in g.criteria}  # not a scan per row
    stale = Markup(' <span class="guide-stale">due for review</span>')
    rows = [
        Row(
            [Markup(html_text(group_title[c.id])), Markup(c.reviewed.isoformat() + (stale if guide.is_stale(c) else "")),
             str(sum(len(a.sources) for a in c.assessments.values()))],
            Markup(f'<a href="{attr(links.href(COMPARISON_PAGE, c.id))}">{html_text(c.title)}</a>'),
        )
        for c in guide.criteria
    ]
    return data_table("Review dates", ["Criterion", "Group", "Last reviewed", "Sources"], [Section(rows)], "guide-reviews")


def claims_table(guide: Guide, links: Links) -> str:
    """The source article's claims, what checking them found, and where the evidence is."""
    rows = [
        Row([
            Markup(html_text(claim.claim)),
            Markup(f'<span class="guide-finding guide-finding--{claim.finding}">{claim.finding.capitalize()}</span>'),
            Markup(html_text(claim.note)),
            Markup(", ".join(f'<a href="{attr(links.href(COMPARISON_PAGE, cid))}">{html_text(guide.criterion(cid).title)}</a>'
                             for cid in claim.criteria)),
        ])
        for claim in guide.claims
    ]
    columns = ["The article says", "Finding", "What the sources show", "Criteria"]
    return data_table("The source article's claims, checked", columns, [Section(rows)], "guide-claims")


def framework_facts(guide: Guide, framework_id: str) -> str:
    f = guide.framework(framework_id)
    facts = [
        ("What it is", html_text(f.summary)),
        ("Version reviewed", html_text(f.version)),
        ("Licence", html_text(f.licence)),
        ("Home page", f'<a href="{attr(f.homepage)}">{html_text(f.homepage)}</a>'),
        ("Source code", f'<a href="{attr(f.repository)}">{html_text(f.repository)}</a>'),
        ("Reviewed on", f.reviewed.isoformat()),
    ]
    rows = [Row([Markup(value)], label) for label, value in facts]
    return data_table(f"{f.name} in brief", ["Fact", "Value"], [Section(rows)], "guide-facts", stack=False)
