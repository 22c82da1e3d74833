"""Every id that refers to something elsewhere names something that exists."""

from __future__ import annotations

from collections.abc import Iterator

from guide.data.models import BenchmarksFile, ClaimsFile, CriteriaFile, DecisionFile, PresetsFile
from guide.data.problems import Problem
from guide.data.rules.base import Checks, Rule
from guide.data.rules.ids import criterion_ids, framework_ids, group_ids, node_ids
from guide.data.yamlsource import PathKey


def check(checks: Checks) -> Iterator[Problem]:
    frameworks, criteria_ids = framework_ids(checks), criterion_ids(checks)
    if criteria := checks.model("criteria.yml", CriteriaFile):
        for g, group in enumerate(criteria.groups):
            for c, criterion in enumerate(group.criteria):
                for fid in criterion.assessments:
                    at: PathKey = ("groups", g, "criteria", c, "assessments", fid)
                    yield from checks.unknown("criteria.yml", at, fid, frameworks, "framework", key=True)
    if decision := checks.model("decision.yml", DecisionFile):
        nodes = node_ids(decision)
        for i, question in enumerate(decision.questions):
            for a, answer in enumerate(question.answers):
                at = ("questions", i, "answers", a, "next")
                yield from checks.unknown("decision.yml", at, answer.next, nodes, "question or outcome")
        for i, outcome in enumerate(decision.outcomes):
            for r, recommendation in enumerate(outcome.recommends):
                at = ("outcomes", i, "recommends", r, "framework")
                yield from checks.unknown("decision.yml", at, recommendation.framework, frameworks, "framework")
            for k, cid in enumerate(outcome.criteria):
                yield from checks.unknown("decision.yml", ("outcomes", i, "criteria", k), cid, criteria_ids, "criterion")
    if benchmarks := checks.model("benchmarks.yml", BenchmarksFile):
        for b, run in enumerate(benchmarks.benchmarks):
            tests = dict.fromkeys(test.id for test in run.tests)
            for k, stack in enumerate(run.stacks):
                stack_at: PathKey = ("benchmarks", b, "stacks", k)
                yield from checks.unknown("benchmarks.yml", (*stack_at, "framework"), stack.framework, frameworks, "framework")
                for test_id in stack.results:
                    yield from checks.unknown("benchmarks.yml", (*stack_at, "results", test_id), test_id, tests, "test", key=True)
    if presets := checks.model("presets.yml", PresetsFile):
        groups = group_ids(checks)
        for i, preset in enumerate(presets.presets):
            for group_id in preset.weights:
                at = ("presets", i, "weights", group_id)
                yield from checks.unknown("presets.yml", at, group_id, groups, "group", key=True)
    if claims := checks.model("claims.yml", ClaimsFile):
        for i, claim in enumerate(claims.claims):
            for k, cid in enumerate(claim.criteria):
                yield from checks.unknown("claims.yml", ("claims", i, "criteria", k), cid, criteria_ids, "criterion")


RULE = Rule(
    "references",
    "Ids that point elsewhere exist: the frameworks a criterion assesses, an outcome recommends or a benchmark "
    "measured; the node an answer leads to; the criteria an outcome or a claim cites; a benchmark result's test; "
    "a preset's groups. A reference into a file that failed the schema is left unchecked.",
    ("criteria.yml", "decision.yml", "benchmarks.yml", "presets.yml", "claims.yml", "frameworks.yml"),
    check,
)
