"""The rating scale and the scorecard's weights: plain values that the models validate against
and the renderers print. Kept apart from :mod:`guide.data.models` because they need no pydantic,
so a build whose pages all come from the build cache loads neither (see guide/mkdocs_glue/site.py)."""

from __future__ import annotations

from enum import StrEnum


class Rating(StrEnum):
    """The one fixed scale every assessment uses; the order is best first."""

    strong = "strong"
    good = "good"
    fair = "fair"
    weak = "weak"

    @property
    def score(self) -> int:
        return {"strong": 3, "good": 2, "fair": 1, "weak": 0}[self.value]

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def meaning(self) -> str:
        return RATING_MEANINGS[self]


RATING_MEANINGS = {
    Rating.strong: "Built in and a strength: works well out of the box for most teams.",
    Rating.good: "Well supported, with minor gaps or one well-known add-on.",
    Rating.fair: "Possible, but needs third-party packages, glue code or care.",
    Rating.weak: "Missing or works against you; plan extra effort or another tool.",
}


WEIGHT_LABELS = {0: "Ignore", 1: "Low", 2: "Medium", 3: "High"}
DEFAULT_WEIGHT = 2
