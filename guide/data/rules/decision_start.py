"""The decision starts at a question."""

from __future__ import annotations

from collections.abc import Iterator

from guide.data.models import DecisionFile
from guide.data.problems import Problem
from guide.data.rules.base import Checks, Rule


def check(checks: Checks) -> Iterator[Problem]:
    decision = checks.model("decision.yml", DecisionFile)
    if decision is None:
        return
    questions = dict.fromkeys(q.id for q in decision.questions)
    if decision.start in questions:
        return
    if any(o.id == decision.start for o in decision.outcomes):
        yield checks.problem("decision.yml", ("start",), f"'{decision.start}' is an outcome", "`start` must name the first question")
    else:
        yield from checks.unknown("decision.yml", ("start",), decision.start, questions, "question")


RULE = Rule("decision-start", "`start` names one of the questions.", ("decision.yml",), check)
