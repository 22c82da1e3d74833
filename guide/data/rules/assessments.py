"""Every criterion assesses every framework."""

from __future__ import annotations

from collections.abc import Iterator

from guide.data.models import CriteriaFile
from guide.data.problems import Problem
from guide.data.rules.base import Checks, Rule
from guide.data.rules.ids import framework_ids


def check(checks: Checks) -> Iterator[Problem]:
    criteria, frameworks = checks.model("criteria.yml", CriteriaFile), framework_ids(checks)
    if criteria is None or frameworks is None:
        return
    for g, group in enumerate(criteria.groups):
        for c, criterion in enumerate(group.criteria):
            path = ("groups", g, "criteria", c, "assessments")
            for fid in frameworks:
                if fid not in criterion.assessments:
                    yield checks.problem("criteria.yml", path, f"no assessment for framework '{fid}'",
                                         f"add `{fid}:` with rating, verdict, detail and sources", key=True)


RULE = Rule(
    "assessments",
    "Each criterion has an assessment for every framework in frameworks.yml.",
    ("criteria.yml", "frameworks.yml"),
    check,
)
