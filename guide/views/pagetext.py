"""Short pieces of page Markdown made from the data: counts, the frameworks compared, review
dates and the comparison page's group sections.

Pages may only call macros (see :mod:`guide.data.pagelint`), so what a page once computed with Jinja
(``guide.criteria | length``, a loop over the frameworks) lives here. Data text is escaped with
:func:`guide.data.text.markdown_text`, so it shows as written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from guide.data.text import markdown_text
from guide.views.tables import Links, criterion_cards

if TYPE_CHECKING:
    from guide.data.models import Guide

COUNTABLE = ("frameworks", "groups", "criteria", "questions", "outcomes", "claims")


def count(guide: Guide, what: str) -> str:
    """How many frameworks, groups, criteria, decision questions, outcomes or article claims the data holds."""
    sizes = {
        "frameworks": len(guide.frameworks), "groups": len(guide.groups), "criteria": len(guide.criteria),
        "questions": len(guide.decision.questions), "outcomes": len(guide.decision.outcomes),
        "claims": len(guide.claims),
    }
    if what not in sizes:
        raise ValueError(f"count() counts one of {', '.join(COUNTABLE)}, not '{what}'")
    return str(sizes[what])


def in_words(items: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def frameworks_compared(guide: Guide) -> str:
    """``FastAPI 0.165 and Django 6.1``: each framework with the version its assessments describe."""
    return in_words([f"{markdown_text(f.name)} {markdown_text(f.version)}" for f in guide.frameworks])


def group_title(guide: Guide, group_id: str) -> str:
    """A group's title for a sentence in a page, e.g. "Built-in features"."""
    return markdown_text(guide.group(group_id).title)


def framework_reviews(guide: Guide) -> str:
    """A Markdown list: each framework, its version and the day its facts were last checked."""
    return "\n".join(
        f"- **{markdown_text(f.name)}** {markdown_text(f.version)}, reviewed {f.reviewed.isoformat()}"
        for f in guide.frameworks
    )


def group_sections(guide: Guide, links: Links) -> str:
    """One section per group: a heading with the group's id as its anchor, the description, and
    every criterion in full."""
    return "\n\n".join(
        f"## {markdown_text(group.title)} {{ #group-{group.id} }}\n\n{markdown_text(group.description)}\n\n"
        + str(criterion_cards(guide, group, links))
        for group in guide.groups
    )
