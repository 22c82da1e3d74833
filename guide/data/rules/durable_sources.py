"""Every source in the data passes the durable-source rules of ``guide.data.sourcerules``."""

from __future__ import annotations

from collections.abc import Iterator

from guide.data.models import BenchmarksFile, CriteriaFile, DecisionFile, Source
from guide.data.problems import Problem
from guide.data.rules.base import Checks, Rule
from guide.data.sourcerules import source_findings
from guide.data.yamlsource import PathKey


def sources(checks: Checks) -> Iterator[tuple[str, PathKey, Source]]:
    """(file, path, source) for every source in the data."""
    if criteria := checks.model("criteria.yml", CriteriaFile):
        for g, group in enumerate(criteria.groups):
            for c, criterion in enumerate(group.criteria):
                for fid, assessment in criterion.assessments.items():
                    for s, source in enumerate(assessment.sources):
                        yield "criteria.yml", ("groups", g, "criteria", c, "assessments", fid, "sources", s), source
    if decision := checks.model("decision.yml", DecisionFile):
        nodes: list[tuple[str, int, list[Source]]] = [("questions", i, q.sources) for i, q in enumerate(decision.questions)]
        nodes += [("outcomes", i, o.sources) for i, o in enumerate(decision.outcomes)]
        for kind, i, node_sources in nodes:
            for s, source in enumerate(node_sources):
                yield "decision.yml", (kind, i, "sources", s), source
    if benchmarks := checks.model("benchmarks.yml", BenchmarksFile):
        for b, run in enumerate(benchmarks.benchmarks):
            for s, source in enumerate(run.sources):
                yield "benchmarks.yml", ("benchmarks", b, "sources", s), source


def check(checks: Checks) -> Iterator[Problem]:
    for file, path, source in sources(checks):
        for _rule, finding in source_findings(source.url, source.title, checks.today):
            yield checks.problem(file, (*path, "url"), finding.message, finding.hint, finding.severity)


RULE = Rule(
    "durable-sources",
    "Each source's address says tomorrow what it said when checked: a versioned, first-hand, English page of a "
    "supported release (the rules in guide.data.sourcerules).",
    ("criteria.yml", "decision.yml", "benchmarks.yml"),
    check,
)
