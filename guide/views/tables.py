"""Comparison tables and verdict boxes as HTML, from the Guide only, and the comparison's one
column definition (:data:`COMPARISON_FIELDS`), which the exports share.

Tables are emitted as raw HTML rather than Markdown tables so that any text from the data is
escaped once, for HTML, and cannot break the table's structure. A :class:`Links` object turns a
page path under ``docs/`` into a URL relative to the page being rendered; the site generator
glue supplies it, which keeps these functions generator-independent.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from markupsafe import Markup

from guide.data.scale import Rating
from guide.data.text import one_line
from guide.views.render import render, render_macro

if TYPE_CHECKING:
    from guide.data.models import Assessment, Criterion, Framework, Group, Guide


class Links(Protocol):
    """How rendered HTML points at other pages; the site generator glue implements it."""

    def href(self, page: str, anchor: str | None = None) -> str:
        """URL of ``page`` (a path under docs/) relative to the page being rendered."""

    def title(self, page: str) -> str:
        """The page's title as the navigation shows it."""

COMPARISON_PAGE = "comparison.md"
SYMBOLS = {Rating.strong: "●●●", Rating.good: "●●○", Rating.fair: "●○○", Rating.weak: "○○○"}
# Background and text colour of each rating's badge, light palette. The site's guide.css declares
# them as --guide-<rating>-bg/-fg (a test keeps the two equal); the HTML export inlines them.
RATING_COLOURS = {
    Rating.strong: ("#d7f2e3", "#0b5130"),
    Rating.good: ("#e1edfb", "#123f73"),
    Rating.fair: ("#fcefd2", "#6a4300"),
    Rating.weak: ("#fbe0e0", "#7d1a1a"),
}
CELLS = "tables/cells.html"


def rating_badge(rating: Rating) -> Markup:
    """A rating as symbol plus word; the word is the text equivalent, the title the meaning."""
    return render_macro(CELLS, "rating_badge", rating, SYMBOLS[rating])


def rating_scale() -> Markup:
    rows = [
        Row([rating_badge(r), render_macro(CELLS, "code", r.value), str(r.score), r.meaning])
        for r in Rating
    ]
    return data_table("The rating scale", ["Rating", "In the data", "Points", "Meaning"], [Section(rows)], "guide-scale")


Cell = Markup | str  # a table cell: markup as it is, plain text escaped by the template


@dataclass(frozen=True)
class Row:
    """A table row: an optional row header, then one cell per remaining column (all HTML)."""

    cells: Sequence[Cell]
    header: Cell | None = None
    attrs: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Section:
    """A ``<tbody>``: its rows, under an optional heading row that spans every column."""

    rows: Sequence[Row]
    heading: Cell | None = None


@dataclass(frozen=True)
class InlineStyles:
    """The export variant of the table shell: inline styles instead of the site's classes."""

    table: str
    caption: str
    head: str
    cell: str


def data_table(caption: str | Markup, columns: Sequence[Cell], sections: Sequence[Section], kind: str = "", *,
               searchable: bool = True, stack: bool = True, styles: InlineStyles | None = None,
               footer: Sequence[Row] = ()) -> Markup:
    """A table whose ``columns`` both head it and, when ``stack``, label every cell: on a phone
    each row becomes a card with its cells stacked, each under its column's name (guide.css).
    With ``styles``, the export variant: inline styles, no classes, wrappers or cell labels.
    ``footer`` rows summarise the others (a tfoot), stacked the same way."""
    caption_html = caption if isinstance(caption, Markup) else render_macro(CELLS, "text", caption)
    return render("tables/table.html", caption=caption_html, columns=columns, sections=sections, kind=kind,
                  searchable=searchable, stack=stack and styles is None, styles=styles, footer=footer)


@dataclass(frozen=True)
class ComparisonCell:
    """One cell of the comparison: how a criterion (in its group) assesses one framework."""

    group: Group
    criterion: Criterion
    framework: Framework

    @property
    def assessment(self) -> Assessment:
        return self.criterion.assessments[self.framework.id]


@dataclass(frozen=True)
class ComparisonField:
    """A field of the comparison: ``key`` heads it in the long-format CSV export, ``value`` reads
    it from a cell, and ``heading``, where a wide table shows the field, heads that column."""

    key: str
    value: Callable[[ComparisonCell], object]
    heading: str = ""


def _sources_text(cell: ComparisonCell) -> str:
    return "\n".join(f"{one_line(s.title)} <{s.url}> (checked {s.accessed.isoformat()})" for s in cell.assessment.sources)


GROUP = ComparisonField("group", lambda cell: cell.group.title, "Group")
CRITERION = ComparisonField("criterion", lambda cell: cell.criterion.title, "Criterion")
# The one column definition. The wide tables (the site's, their phone cards, the HTML and
# Markdown exports) show a criterion a row, headed by CRITERION (with GROUP as a column or as
# section rows), and pivot the framework fields into one column per framework, headed by its
# name, whose cells show the rating and verdict; the CSV export lists every field, in this order,
# with one row per criterion and framework.
COMPARISON_FIELDS: tuple[ComparisonField, ...] = (
    ComparisonField("group_id", lambda cell: cell.group.id),
    GROUP,
    ComparisonField("criterion_id", lambda cell: cell.criterion.id),
    CRITERION,
    ComparisonField("measures", lambda cell: cell.criterion.measures),
    ComparisonField("framework_id", lambda cell: cell.framework.id),
    ComparisonField("framework", lambda cell: cell.framework.name),
    ComparisonField("framework_version", lambda cell: cell.framework.version),
    ComparisonField("rating", lambda cell: cell.assessment.rating.value),
    ComparisonField("score", lambda cell: cell.assessment.rating.score),
    ComparisonField("verdict", lambda cell: cell.assessment.verdict),
    ComparisonField("detail", lambda cell: cell.assessment.detail),
    ComparisonField("judgement", lambda cell: cell.assessment.judgement or ""),
    ComparisonField("sources", _sources_text),
    ComparisonField("criterion_reviewed", lambda cell: cell.criterion.reviewed.isoformat()),
)


def comparison_columns(guide: Guide, *, grouped: bool = False, versions: bool = False) -> list[str]:
    """The wide tables' columns, from the fields they show: the group when ``grouped`` (else
    its criteria come in sections), the criterion, then one per framework, headed by its name
    (and version, in the exports that name it)."""
    first = [GROUP.heading] if grouped else []
    return first + [CRITERION.heading] + [f"{f.name} {f.version}" if versions else f.name for f in guide.frameworks]


def comparison_records(guide: Guide, *more: ComparisonField) -> Iterator[list[object]]:
    """The comparison in long format: a row of the fields' keys, then one row per criterion and
    framework, in the tables' order, with a value per field (COMPARISON_FIELDS, then ``more``)."""
    fields = [*COMPARISON_FIELDS, *more]
    yield [field.key for field in fields]
    for group in guide.groups:
        for criterion in group.criteria:
            for framework in guide.frameworks:
                cell = ComparisonCell(group, criterion, framework)
                yield [field.value(cell) for field in fields]


def _criterion_row(guide: Guide, criterion: Criterion, links: Links) -> Row:
    header = render("tables/criterion_title.html", criterion=criterion, href=links.href(COMPARISON_PAGE, criterion.id))
    cells = [
        render("tables/verdict.html", assessment=assessment, badge=rating_badge(assessment.rating))
        for assessment in (criterion.assessments[f.id] for f in guide.frameworks)
    ]
    return Row(cells, header, (("data-criterion", criterion.id),))


# Comparison tables stay out of the search index (which every page downloads): each row's
# verdicts and what the criterion measures are also in its write-up on the comparison page, and
# search leads there.


def _comparison(guide: Guide, caption: str, sections: list[Section], kind: str) -> Markup:
    return data_table(caption, comparison_columns(guide), sections, f"guide-comparison {kind}", searchable=False)


def group_table(guide: Guide, group: Group, links: Links) -> Markup:
    rows = [_criterion_row(guide, c, links) for c in group.criteria]
    return _comparison(guide, f"{group.title}: {len(group.criteria)} criteria", [Section(rows)], f"guide-comparison--{group.id}")


def full_table(guide: Guide, links: Links) -> Markup:
    sections = [
        Section([_criterion_row(guide, c, links) for c in group.criteria],
                render_macro(CELLS, "link", _group_href(group, links), group.title))
        for group in guide.groups
    ]
    caption = f"All {len(guide.criteria)} criteria in {len(guide.groups)} groups"
    return _comparison(guide, caption, sections, "guide-comparison--full")


def _group_href(group: Group, links: Links) -> str:
    """A group's prose page, or its section of the full comparison when it has none."""
    return links.href(group.page) if group.page else links.href(COMPARISON_PAGE, f"group-{group.id}")


def glance_table(guide: Guide, links: Links) -> Markup:
    picked = [c for c in guide.criteria if c.glance]
    caption = f"{len(picked)} of the {len(guide.criteria)} criteria, one line each"
    return _comparison(guide, caption, [Section([_criterion_row(guide, c, links) for c in picked])], "guide-comparison--glance")


def _verdicts(guide: Guide, criterion: Criterion) -> list[tuple[Framework, Assessment, Markup]]:
    """Each framework with its assessment on ``criterion`` and that assessment's rating badge."""
    return [(f, a, rating_badge(a.rating)) for f, a in ((f, criterion.assessments[f.id]) for f in guide.frameworks)]


def verdict_items(guide: Guide, criterion: Criterion) -> Markup:
    """Each framework's name, rating badge and one-line verdict on a criterion, as list items."""
    return render_macro(CELLS, "verdict_items", _verdicts(guide, criterion))


def criterion_reason(guide: Guide, criterion: Criterion, links: Links) -> Markup:
    """A criterion behind a decision outcome: its title, linked to its write-up, and every verdict."""
    return render_macro(CELLS, "criterion_reason", criterion, links.href(COMPARISON_PAGE, criterion.id), _verdicts(guide, criterion))


def criterion_verdicts(guide: Guide, criterion_id: str, links: Links) -> Markup:
    """A compact box with one criterion's verdicts, for use inside prose; it links to the
    criterion's write-up, whose one home is the full comparison."""
    criterion = guide.criterion(criterion_id)
    return render("tables/verdicts_box.html", criterion=criterion, href=links.href(COMPARISON_PAGE, criterion.id),
                  items=verdict_items(guide, criterion))


def criterion_cards(guide: Guide, group: Group, links: Links) -> Markup:
    """Every criterion of a group in full: verdicts, explanations, sources and review date."""
    return Markup("").join(criterion_card(guide, c, links) for c in group.criteria)


def criterion_card(guide: Guide, criterion: Criterion, links: Links) -> Markup:
    """A criterion's write-up (explanations, judgement, sources); the full comparison is its one
    home, and every other page links there."""
    return render(
        "tables/criterion.html", criterion=criterion, assessments=_verdicts(guide, criterion), stale=guide.is_stale(criterion),
        source_count=sum(len(a.sources) for a in criterion.assessments.values()),
        examples=[(links.href(page, None), links.title(page)) for page in criterion.examples],
    )


def review_table(guide: Guide, links: Links) -> Markup:
    """When each criterion was last reviewed and how many sources back it."""
    rows = [
        Row(
            [render_macro(CELLS, "text", guide.group_of(c).title), render_macro(CELLS, "reviewed", c.reviewed, guide.is_stale(c)),
             str(sum(len(a.sources) for a in c.assessments.values()))],
            render_macro(CELLS, "link", links.href(COMPARISON_PAGE, c.id), c.title),
        )
        for c in guide.criteria
    ]
    return data_table("Review dates", ["Criterion", "Group", "Last reviewed", "Sources"], [Section(rows)], "guide-reviews")


def claims_table(guide: Guide, links: Links) -> Markup:
    """The source article's claims, what checking them found, and where the evidence is."""
    rows = [
        Row([
            render_macro(CELLS, "text", claim.claim),
            render_macro(CELLS, "finding", claim.finding),
            render_macro(CELLS, "text", claim.note),
            render_macro(CELLS, "link_list", [(links.href(COMPARISON_PAGE, cid), guide.criterion(cid).title) for cid in claim.criteria]),
        ])
        for claim in guide.claims
    ]
    columns = ["The article says", "Finding", "What the sources show", "Criteria"]
    return data_table("The source article's claims, checked", columns, [Section(rows)], "guide-claims")


def framework_facts(guide: Guide, framework_id: str) -> Markup:
    f = guide.framework(framework_id)
    facts: list[tuple[str, Cell]] = [
        ("What it is", render_macro(CELLS, "text", f.summary)),
        ("Version reviewed", render_macro(CELLS, "text", f.version)),
        ("Licence", render_macro(CELLS, "text", f.licence)),
        ("Home page", render_macro(CELLS, "link", f.homepage, f.homepage)),
        ("Source code", render_macro(CELLS, "link", f.repository, f.repository)),
        ("Reviewed on", f.reviewed.isoformat()),
    ]
    rows = [Row([value], label) for label, value in facts]
    return data_table(f"{f.name} in brief", ["Fact", "Value"], [Section(rows)], "guide-facts", stack=False)
