"""Every page the data points to is a Markdown page under docs/."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from guide.data.models import CriteriaFile, DecisionFile, FrameworksFile
from guide.data.problems import Problem
from guide.data.rules.base import Checks, Rule
from guide.data.yamlsource import PathKey


def page_paths(checks: Checks) -> Iterator[tuple[str, PathKey, str]]:
    """(file, path, page) for every page path in the data."""
    if frameworks := checks.model("frameworks.yml", FrameworksFile):
        for i, framework in enumerate(frameworks.frameworks):
            if framework.page:
                yield "frameworks.yml", ("frameworks", i, "page"), framework.page
    if criteria := checks.model("criteria.yml", CriteriaFile):
        for g, group in enumerate(criteria.groups):
            if group.page:
                yield "criteria.yml", ("groups", g, "page"), group.page
            for c, criterion in enumerate(group.criteria):
                for e, example in enumerate(criterion.examples):
                    yield "criteria.yml", ("groups", g, "criteria", c, "examples", e), example
    if decision := checks.model("decision.yml", DecisionFile):
        for i, outcome in enumerate(decision.outcomes):
            for p, target in enumerate(outcome.pages):
                yield "decision.yml", ("outcomes", i, "pages", p), target


def is_page(docs_dir: Path, target: str) -> bool:
    return target.endswith(".md") and ".." not in target.split("/") and (docs_dir / target).is_file()


def check(checks: Checks) -> Iterator[Problem]:
    if checks.docs_dir is None:
        return
    for file, path, target in page_paths(checks):
        if not is_page(checks.docs_dir, target):
            yield checks.problem(file, path, f"page '{target}' does not exist",
                                 f"give a path under {checks.docs_dir.as_posix()}/, e.g. `performance.md`")


RULE = Rule(
    "pages",
    "Page paths (a framework's or a group's page, a criterion's examples, an outcome's pages) name a Markdown file "
    "under docs/, without `..`.",
    ("frameworks.yml", "criteria.yml", "decision.yml"),
    check,
)
