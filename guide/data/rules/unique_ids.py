"""Every id is used once within its kind."""

from __future__ import annotations

from collections.abc import Iterator

from guide.data.models import BenchmarksFile, ClaimsFile, CriteriaFile, DecisionFile, FrameworksFile, PresetsFile
from guide.data.problems import Problem
from guide.data.rules.base import Checks, Rule
from guide.data.rules.tree import node_paths


def check(checks: Checks) -> Iterator[Problem]:
    if frameworks := checks.model("frameworks.yml", FrameworksFile):
        yield from checks.duplicates("frameworks.yml", [(("frameworks", i), f.id) for i, f in enumerate(frameworks.frameworks)])
    if criteria := checks.model("criteria.yml", CriteriaFile):
        yield from checks.duplicates("criteria.yml", [(("groups", g), group.id) for g, group in enumerate(criteria.groups)])
        yield from checks.duplicates("criteria.yml", [
            (("groups", g, "criteria", c), criterion.id)
            for g, group in enumerate(criteria.groups) for c, criterion in enumerate(group.criteria)
        ])
    if decision := checks.model("decision.yml", DecisionFile):
        yield from checks.duplicates("decision.yml", node_paths(decision))
    if benchmarks := checks.model("benchmarks.yml", BenchmarksFile):
        yield from checks.duplicates("benchmarks.yml", [(("benchmarks", b), run.id) for b, run in enumerate(benchmarks.benchmarks)])
        for b, run in enumerate(benchmarks.benchmarks):
            yield from checks.duplicates("benchmarks.yml", [(("benchmarks", b, "tests", t), test.id) for t, test in enumerate(run.tests)])
    if presets := checks.model("presets.yml", PresetsFile):
        yield from checks.duplicates("presets.yml", [(("presets", i), preset.id) for i, preset in enumerate(presets.presets)])
    if claims := checks.model("claims.yml", ClaimsFile):
        yield from checks.duplicates("claims.yml", [(("claims", i), claim.id) for i, claim in enumerate(claims.claims)])


RULE = Rule(
    "unique-ids",
    "Ids are unique within their kind: frameworks, groups, criteria (across groups), the decision's questions and "
    "outcomes (one namespace), benchmark runs, each run's tests, presets and claims.",
    ("frameworks.yml", "criteria.yml", "decision.yml", "benchmarks.yml", "presets.yml", "claims.yml"),
    check,
)
