"""A decision outcome as the outline and the walk both show it, drawn by one template partial
(``templates/decision/outcome.html``): the outline holds each outcome's advice, and the walk
either renders the same advice itself (an embed, with no outline beside it) or gets a copy of
the outline's from its script."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from markupsafe import Markup

from guide.views.flowchart import outline_href
from guide.views.tables import Links, criterion_reason

if TYPE_CHECKING:
    from guide.data.models import Guide, Outcome

SCORECARD_PAGE = "scorecard.md"


@dataclass(frozen=True)
class OutcomeView:
    """What the partial needs of an outcome, with names and links resolved for the page."""

    outcome: Outcome
    names: list[str]  # the recommended frameworks' names
    recommends: list[tuple[str, str]]  # (framework name, its role here)
    criteria: list[Markup]  # the criteria behind the outcome, each with every verdict
    pages: list[tuple[str, str]]  # (href, title) of the pages to read next
    outline: str  # href of the outcome's entry in the outline
    scorecard: tuple[str, str]  # (href, title) of the scorecard


def outcome_view(guide: Guide, outcome: Outcome, links: Links) -> OutcomeView:
    return OutcomeView(
        outcome=outcome,
        names=[guide.framework(r.framework).name for r in outcome.recommends],
        recommends=[(guide.framework(r.framework).name, r.role) for r in outcome.recommends],
        criteria=[criterion_reason(guide, guide.criterion(cid), links) for cid in outcome.criteria],
        pages=[(links.href(page), links.title(page)) for page in outcome.pages],
        outline=outline_href(links, outcome.id),
        scorecard=(links.href(SCORECARD_PAGE), links.title(SCORECARD_PAGE)),
    )


def outcome_views(guide: Guide, links: Links) -> list[OutcomeView]:
    """Every outcome of the decision tree, in the data's order."""
    return [outcome_view(guide, outcome, links) for outcome in guide.decision.outcomes]
