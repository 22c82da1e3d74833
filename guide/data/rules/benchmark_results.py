"""Every test of a benchmark run has a figure from at least one setup."""

from __future__ import annotations

from collections.abc import Iterator

from guide.data.models import BenchmarksFile
from guide.data.problems import Problem
from guide.data.rules.base import Checks, Rule


def check(checks: Checks) -> Iterator[Problem]:
    benchmarks = checks.model("benchmarks.yml", BenchmarksFile)
    for b, run in enumerate(benchmarks.benchmarks if benchmarks else []):
        for t, test in enumerate(run.tests):
            if not any(test.id in stack.results for stack in run.stacks):
                yield checks.problem("benchmarks.yml", ("benchmarks", b, "tests", t, "id"),
                                     f"no setup has a result for test '{test.id}'",
                                     "add its figure to a stack's `results`, or remove the test")


RULE = Rule(
    "benchmark-results",
    "Each test of a benchmark run has a result in at least one of the run's stacks.",
    ("benchmarks.yml",),
    check,
)
