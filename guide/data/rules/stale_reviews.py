"""A warning for each criterion reviewed more than a year ago."""

from __future__ import annotations

from collections.abc import Iterator

from guide.data.models import CriteriaFile, review_is_stale
from guide.data.problems import Problem
from guide.data.rules.base import Checks, Rule


def check(checks: Checks) -> Iterator[Problem]:
    criteria = checks.model("criteria.yml", CriteriaFile)
    for g, group in enumerate(criteria.groups if criteria else []):
        for c, criterion in enumerate(group.criteria):
            if review_is_stale(criterion.reviewed, checks.today):
                yield checks.problem("criteria.yml", ("groups", g, "criteria", c, "reviewed"),
                                     f"last reviewed {criterion.reviewed.isoformat()}, over a year ago",
                                     "re-check the sources and update `reviewed` and each source's `accessed`", "warning")


RULE = Rule(
    "stale-reviews",
    "Warns about each criterion whose `reviewed` date is over a year old (the page flags it too).",
    ("criteria.yml",),
    check,
)
